"""Each day's map has its day's colour on every surface: the print view's SVG, the KML line
and the PDF's drawing (the PDF drew every day in the first day's colour)."""

import io

from pypdf import PdfReader
from reportlab.lib import colors

from planner.colours import day_colour


def pdf_colour(hex_colour: str) -> str:
    """The stroke operator ReportLab writes for a colour (e.g. ".168627 .415686 .560784 RG")."""
    red, green, blue = colors.HexColor(hex_colour).rgb()
    return " ".join(f"{value:.6f}".rstrip("0").lstrip("0") or "0" for value in (red, green, blue))


def test_each_pdf_day_map_is_drawn_in_its_day_colour(saved, client):
    content = client.get(f"/i/{saved['token']}/sheet.pdf").content
    streams = [
        page.get_contents().get_data().decode("latin-1")
        for page in PdfReader(io.BytesIO(content)).pages
    ]
    day_two = next(i for i, page in enumerate(PdfReader(io.BytesIO(content)).pages)
                   if page.extract_text().lstrip().startswith("Day 2"))  # fmt: skip
    first, second = "".join(streams[:day_two]), "".join(streams[day_two:])
    assert f"{pdf_colour(day_colour(1))} RG" in first
    assert f"{pdf_colour(day_colour(2))} RG" in second
    assert f"{pdf_colour(day_colour(2))} RG" not in first


def test_the_print_view_colours_each_day_map(saved, client):
    page = client.get(f"/i/{saved['token']}/print/").content.decode()
    assert f'stroke="{day_colour(1)}"' in page and f'stroke="{day_colour(2)}"' in page
