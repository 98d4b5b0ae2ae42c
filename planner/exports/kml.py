"""KML (simplekml): a folder per day with its stops and its line.

simplekml's own escaping passes any "<![CDATA[" in a value through untouched and leaves
what follows the section's end unescaped, so untrusted text could inject markup. Its text
parsing is switched off and every value is cleaned of characters XML forbids and escaped here.
"""

from xml.sax.saxutils import escape as escape_xml

import simplekml

from planner.colours import day_colour
from planner.untrusted import xml_safe

from .sheet import Sheet


def escape(text: str) -> str:
    return escape_xml(xml_safe(text))


def kml_colour(hex_colour: str) -> str:
    """'#rrggbb' as KML writes colours: opaque aabbggrr."""
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"ff{blue}{green}{red}"


def to_kml(sheet: Sheet) -> str:
    kml = simplekml.Kml(name=escape(sheet.title), description=escape(sheet.url))
    kml.parsetext(parse=False)
    for day in sheet.days:
        folder = kml.newfolder(name=f"Day {day.number} · {day.date:%Y-%m-%d}")
        for stop in day.stops:
            place = stop.place
            point = folder.newpoint(
                name=escape(f"{stop.number}. {place.name}"), coords=[(place.lng, place.lat)]
            )
            point.description = escape(
                f"{stop.arrive:%H:%M}–{stop.depart:%H:%M} {place.address}".strip()
            )
        line = folder.newlinestring(
            name=f"Day {day.number}",
            coords=[(day.start.lng, day.start.lat)]
            + [(stop.place.lng, stop.place.lat) for stop in day.stops]
            + [(day.end.lng, day.end.lat)],
        )
        line.style.linestyle.width = 4
        line.style.linestyle.color = kml_colour(day_colour(day.number))
    return kml.kml()
