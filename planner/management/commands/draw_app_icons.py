"""Draw the app icons named in the web app manifest (planner/views/offline.py).

Run once when the design changes; the PNG files are committed, so serving them needs nothing.
Needs Pillow (a development dependency): `.venv/bin/python manage.py draw_app_icons`.
The drawing: mountain ridges in Great Wall brick on the paper colour, a crenellated wall on the
front ridge, in the middle 80 % so that a "maskable" crop keeps it whole.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from planner.colours import ACCENT as THEME_COLOUR
from planner.colours import PAPER as BACKGROUND_COLOUR
from planner.views.offline import APP_ICONS, APPLE_TOUCH_ICON

STATIC_DIR = Path(settings.BASE_DIR) / "planner" / "static"
RIDGE_BACK = "#d98f7f"
SUPERSAMPLE = 4  # draw large and shrink: smooth edges without anti-aliasing support


def draw(size: int, maskable: bool):
    from PIL import Image, ImageDraw

    canvas = size * SUPERSAMPLE
    image = Image.new("RGB", (canvas, canvas), BACKGROUND_COLOUR)
    pen = ImageDraw.Draw(image)
    inset = 0.1 if maskable else 0.0  # the maskable safe zone is the middle 80 %

    def point(x: float, y: float) -> tuple[float, float]:
        scale = 1 - 2 * inset
        return ((inset + x * scale) * canvas, (inset + y * scale) * canvas)

    back = [(0, 0.78), (0.22, 0.42), (0.38, 0.58), (0.62, 0.22), (1, 0.7), (1, 1), (0, 1)]
    front = [(0, 0.86), (0.3, 0.6), (0.52, 0.72), (0.78, 0.5), (1, 0.66), (1, 1), (0, 1)]
    pen.polygon([point(x, y) for x, y in back], fill=RIDGE_BACK)
    pen.polygon([point(x, y) for x, y in front], fill=THEME_COLOUR)
    # The wall's crenellations along the front ridge's left slope.
    for step in range(5):
        x = 0.06 + step * 0.05
        y = 0.86 - (x / 0.3) * 0.26
        pen.rectangle((*point(x, y - 0.06), *point(x + 0.03, y)), fill=THEME_COLOUR)
    return image.resize((size, size), Image.LANCZOS)


class Command(BaseCommand):
    help = "Draw the PNG app icons of the web app manifest into planner/static/planner/icons/."

    def handle(self, *args, **options):
        try:
            import PIL  # noqa: F401
        except ImportError as error:
            raise CommandError("Pillow is needed: pip install -e '.[dev]'") from error
        targets = [(path, size, purpose == "maskable") for path, size, purpose in APP_ICONS]
        targets.append((APPLE_TOUCH_ICON, 180, True))  # iOS paints no transparency: full bleed
        for path, size, maskable in targets:
            destination = STATIC_DIR / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            draw(size, maskable).save(destination, optimize=True)
            self.stdout.write(f"Drew {destination.relative_to(settings.BASE_DIR)} ({size} px)")
