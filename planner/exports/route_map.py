"""A day's route drawn from coordinates alone: no tiles, so paper never waits for a network.

`day_drawing` projects the day's points (local equirectangular: exact enough for a ~100 km
sheet) into a box and returns primitives; `svg` renders them for the print view and the PDF
exporter draws the same primitives with ReportLab.
"""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from planner.colours import ACCENT, INK

from .sheet import SheetDay

KM_PER_DEGREE = 111.32
SCALE_STEPS_KM = (0.5, 1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    label: str  # "1", "2", … for stops; "S" start, "H" overnight, "E" end
    role: str  # stop | start | end


@dataclass(frozen=True)
class MapDrawing:
    width: float
    height: float
    line: tuple[tuple[float, float], ...]
    points: tuple[MapPoint, ...]
    scale_px: float
    scale_label: str
    north: tuple[float, float]


def day_drawing(day: SheetDay, width: float = 520, height: float = 300, pad: float = 28):
    places = [("S", "start", day.start)]
    places += [(str(stop.number), "stop", stop.place) for stop in day.stops]
    places += [("H" if day.overnight else "E", "end", day.end)]
    mean_lat = sum(p.lat for _, _, p in places) / len(places)
    x_km = KM_PER_DEGREE * math.cos(math.radians(mean_lat))
    xs = [p.lng * x_km for _, _, p in places]
    ys = [p.lat * KM_PER_DEGREE for _, _, p in places]
    span_x, span_y = max(max(xs) - min(xs), 0.5), max(max(ys) - min(ys), 0.5)
    span_km = max(span_x, span_y)
    px_per_km = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2

    def project(x, y):
        return (width / 2 + (x - centre_x) * px_per_km, height / 2 - (y - centre_y) * px_per_km)

    projected = [project(x, y) for x, y in zip(xs, ys, strict=True)]
    points = tuple(
        MapPoint(x, y, label, role)
        for (x, y), (label, role, _place) in zip(projected, places, strict=True)
    )
    target_km = span_km / 4
    scale_km = max([s for s in SCALE_STEPS_KM if s <= target_km] or [SCALE_STEPS_KM[0]])
    label = f"{scale_km:g} km"
    return MapDrawing(width, height, tuple(projected), points, scale_km * px_per_km, label,
                      (width - 22, 30))  # fmt: skip


def svg(drawing: MapDrawing, colour: str = ACCENT, title: str = "") -> str:
    """Inline SVG: the line, numbered stops, scale bar and north arrow."""
    w, h = drawing.width, drawing.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0f} {h:.0f}" '
        f'class="route-sketch" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{w:.0f}" height="{h:.0f}" fill="#fff" stroke="#999"/>',
        '<polyline fill="none" stroke="{}" stroke-width="3" stroke-linejoin="round" '
        'points="{}"/>'.format(colour, " ".join(f"{x:.1f},{y:.1f}" for x, y in drawing.line)),
    ]
    for point in drawing.points:
        fill = colour if point.role == "stop" else INK
        parts.append(
            f'<circle cx="{point.x:.1f}" cy="{point.y:.1f}" r="10" fill="{fill}" '
            'stroke="#fff" stroke-width="2"/>'
            f'<text x="{point.x:.1f}" y="{point.y + 4:.1f}" text-anchor="middle" font-size="11" '
            f'font-family="sans-serif" font-weight="bold" fill="#fff">{escape(point.label)}</text>'
        )
    x0, y0 = 14, h - 16
    parts.append(
        f'<g font-family="sans-serif" font-size="11" fill="{INK}">'
        f'<line x1="{x0}" y1="{y0}" x2="{x0 + drawing.scale_px:.1f}" y2="{y0}" stroke="{INK}" '
        f'stroke-width="3"/><text x="{x0}" y="{y0 - 6}">{escape(drawing.scale_label)}</text>'
    )
    nx, ny = drawing.north
    parts.append(
        f'<polygon points="{nx},{ny - 16} {nx - 7},{ny + 4} {nx},{ny - 1} {nx + 7},{ny + 4}" '
        f'fill="{INK}"/><text x="{nx}" y="{ny + 18}" text-anchor="middle" '
        'font-weight="bold">N</text></g></svg>'
    )
    return "".join(parts)
