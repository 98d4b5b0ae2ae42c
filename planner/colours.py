"""The site's colours, once for Python: pages' CSS keeps the same values as custom properties
(planner/static/planner/site.css :root), and JS receives the day colours in `map-config`."""

INK = "#1d2a25"
MUTED = "#56635d"
PAPER = "#fbfaf6"
ACCENT = "#a23b2a"  # Great Wall brick
LAKE = "#2b6a8f"
GREEN = "#2f6b4f"  # mountain forest

# One colour per day on every map, timeline, print map, PDF and KML file.
DAY_COLOURS = (ACCENT, LAKE, GREEN)


def day_colour(number: int) -> str:
    return DAY_COLOURS[(number - 1) % len(DAY_COLOURS)]
