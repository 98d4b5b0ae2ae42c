"""The A4 route sheet as a PDF (ReportLab, pure Python): same content and order as the
print view, the day maps drawn as vectors from coordinates. Chinese is set in Sarasa Mono SC
(SIL OFL, shipped in the `impaper` package the project installs), embedded as a subset so the
file reads the same on any viewer; `PDF_FONT_PATH` may name another TrueType font."""

import io
from importlib import resources
from xml.sax.saxutils import escape

from django.conf import settings
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from planner import colours

from .qr import qr_modules, qr_size
from .route_map import MapDrawing, day_drawing
from .sheet import Sheet, SheetDay, SheetStop

ACCENT = colors.HexColor(colours.ACCENT)
INK = colors.HexColor(colours.INK)
MUTED = colors.HexColor(colours.MUTED)
EMERGENCY = "110 police 报警 · 120 ambulance 急救 · 119 fire 火警 · 122 traffic accidents 交通事故"


def _packaged_font() -> str:
    try:
        font = resources.files("impaper") / "res" / "sarasa-mono-sc-regular.ttf"
    except ModuleNotFoundError:
        return ""
    return str(font) if font.is_file() else ""


def _font() -> str:
    path = getattr(settings, "PDF_FONT_PATH", "") or _packaged_font()
    if path:
        if "SheetFont" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("SheetFont", path))
        return "SheetFont"
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13, textColor=INK)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=23, spaceAfter=4),
        "day": ParagraphStyle(
            "day",
            parent=base,
            fontSize=13,
            leading=17,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=4,
        ),  # fmt: skip
        "stop": ParagraphStyle("stop", parent=base, fontSize=11, leading=15),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "warning": ParagraphStyle(
            "warning", parent=base, fontSize=8.5, leading=11, textColor=colors.HexColor("#7a5200")
        ),  # fmt: skip
    }


# The built-in CID font (STSong-Light) has no glyph for these; ・ and ※ are its own.
CID_SUBSTITUTES = str.maketrans({"·": "・", "⚠": "※"})


def _text(value: str) -> str:
    """Escaped for ReportLab's markup; characters the font cannot draw become "?" (emoji and
    others beyond the Basic Multilingual Plane; for the built-in CID font also · and ⚠)."""
    value = value or ""
    if _font() == "STSong-Light":
        value = value.translate(CID_SUBSTITUTES)
    return escape("".join(ch if ord(ch) <= 0xFFFF else "?" for ch in value))


def map_flowable(drawing: MapDrawing, font: str, width: float, colour=ACCENT) -> Drawing:
    """The same primitives as the print view's SVG, drawn in PDF points (y grows upward)."""
    scale = width / drawing.width
    height = drawing.height * scale
    canvas = Drawing(width, height)

    def at(x, y):
        return x * scale, height - y * scale

    canvas.add(Rect(0, 0, width, height, strokeColor=colors.grey, fillColor=colors.white))
    canvas.add(PolyLine([c for x, y in drawing.line for c in at(x, y)], strokeColor=colour,
                        strokeWidth=2.2))  # fmt: skip
    for point in drawing.points:
        x, y = at(point.x, point.y)
        fill = colour if point.role == "stop" else INK
        canvas.add(Circle(x, y, 7.5, fillColor=fill, strokeColor=colors.white, strokeWidth=1.5))
        canvas.add(String(x, y - 3, point.label, fontName="Helvetica-Bold", fontSize=8,
                          fillColor=colors.white, textAnchor="middle"))  # fmt: skip
    x0, y0 = at(14, drawing.height - 16)
    canvas.add(Line(x0, y0, x0 + drawing.scale_px * scale, y0, strokeColor=INK, strokeWidth=2))
    canvas.add(String(x0, y0 + 5, drawing.scale_label, fontName="Helvetica", fontSize=8))
    nx, ny = at(*drawing.north)
    canvas.add(Polygon([nx, ny + 12, nx - 5, ny - 3, nx, ny + 1, nx + 5, ny - 3], fillColor=INK,
                       strokeColor=INK))  # fmt: skip
    canvas.add(String(nx, ny - 14, "N", fontName="Helvetica-Bold", fontSize=9, textAnchor="middle"))
    return canvas


def qr_flowable(url: str, size: float = 28 * mm) -> Drawing:
    modules = qr_size(url)
    cell = size / (modules + 4)
    canvas = Drawing(size, size)
    canvas.add(Rect(0, 0, size, size, fillColor=colors.white, strokeColor=None))
    for column, row in qr_modules(url):
        canvas.add(Rect((column + 2) * cell, size - (row + 3) * cell, cell, cell,
                        fillColor=colors.black, strokeColor=None))  # fmt: skip
    return canvas


def _stop_block(stop: SheetStop, styles) -> KeepTogether:
    place = stop.place
    lines = [
        Paragraph(_text(_leg_line(stop.leg_km, stop.leg_minutes, stop.leg_how)), styles["small"]),
        Paragraph(
            f"<b>{stop.number}. {stop.arrive:%H:%M}–{stop.depart:%H:%M}</b> {_text(place.name)}",
            styles["stop"],
        ),
    ]
    facts = []
    if stop.role == "lunch_break":
        facts.append("Lunch break 午餐休息")
    if stop.lunch_at:
        label = "Lunch 午餐" if stop.lunch_venue else "Lunch at the site 在景区午餐"
        facts.append(f"{label}: {stop.lunch_at}")
    if stop.sunset:
        facts.append(f"Sunset 日落: {stop.sunset}")
    if stop.role == "lunch":
        facts.append("Lunch 午餐" + (" (suggested 推荐)" if stop.suggested else ""))
    if place.address:
        facts.append(f"Address 地址: {place.address}")
    if place.phone:
        facts.append(f"Phone 电话: {place.phone}")
    if place.hours:
        facts.append(f"Hours 开放: {place.hours}")
    if place.price:
        facts.append(f"Price 价格: {place.price}" + _as_of(place.price_as_of))
    lines += [Paragraph(_text(fact), styles["base"]) for fact in facts]
    if stop.note:
        lines.append(Paragraph(_text(stop.note), styles["base"]))
    lines += [Paragraph("※ " + _text(w), styles["warning"]) for w in stop.warnings]
    lines.append(Paragraph(f"GPS (WGS-84): {place.coordinates}", styles["small"]))
    return KeepTogether([*lines, Spacer(1, 4)])


def _day_story(day: SheetDay, sheet: Sheet, styles, font: str, width: float) -> list:
    colour = colors.HexColor(colours.day_colour(day.number))  # as on the print view's map
    story = [
        Paragraph(_text(f"Day {day.number} 第{day.number}天 · {day.date:%Y-%m-%d}"), styles["day"]),
        map_flowable(day_drawing(day), font, width, colour),
        Spacer(1, 6),
        Paragraph(_text(f"Start 出发: {day.start.name}"), styles["base"]),
    ]
    story += [_stop_block(stop, styles) for stop in day.stops]
    end = day.overnight or day.end
    end_lines = [
        Paragraph(
            _text(_leg_line(day.final_leg_km, day.final_leg_minutes, day.final_leg_how)),
            styles["small"],
        ),
        Paragraph(
            _text(("Overnight 住宿: " if day.overnight else "Back to 返回: ") + end.name),
            styles["stop"],
        ),  # fmt: skip
    ]
    price = end.price and end.price + _as_of(end.price_as_of)
    for fact in filter(None, [end.address, end.phone, price]):
        end_lines.append(Paragraph(_text(fact), styles["base"]))
    if day.return_at:
        back = "At the stay by 到达住处" if day.overnight else "Back at 返回时间"
        end_lines.append(Paragraph(_text(f"{back} {day.return_at}"), styles["small"]))
    end_lines += [Paragraph("※ " + _text(w), styles["warning"]) for w in day.warnings]
    story.append(KeepTogether(end_lines))
    return story


def to_pdf(sheet: Sheet) -> bytes:
    font = _font()
    styles = _styles(font)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm,
        bottomMargin=14 * mm, title=sheet.title, author="Huairou Weekend Planner",
    )  # fmt: skip
    width = document.width
    header = [
        Paragraph(_text(sheet.title), styles["title"]),
        Paragraph(_text(sheet.subtitle), styles["base"]),
        Paragraph(_text(_totals(sheet.totals)), styles["base"]),
        Paragraph(_text(sheet.url), styles["small"]),
        Paragraph(_text(f"Emergency 紧急电话: {EMERGENCY}"), styles["base"]),
        Paragraph(
            _text(
                f"Facts as of {sheet.facts_as_of or '—'}; sources on the website. "
                "Times are estimates. 信息核实日期见网站，时间为估算。"
            ),
            styles["small"],
        ),
    ]
    header_table = Table([[header, qr_flowable(sheet.url)]], colWidths=[width - 32 * mm, 32 * mm])
    header_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [header_table]
    story += [Paragraph("※ " + _text(w), styles["warning"]) for w in sheet.warnings]
    if sheet.unplaced:
        unplaced = "Not in the timetable 未排入行程: " + ", ".join(sheet.unplaced)
        story.append(Paragraph("※ " + _text(unplaced), styles["warning"]))
    for index, day in enumerate(sheet.days):
        if index:
            story.append(PageBreak())
        story += _day_story(day, sheet, styles, font, width)
    document.build(story)
    return buffer.getvalue()


def _as_of(date: str) -> str:
    return f" (as of 截至 {date})" if date else ""


def _leg_line(km: float, minutes: int, how: str) -> str:
    return f"↓ {km} km · {minutes} min" + (f" · {how}" if how else "")


def _totals(totals: dict) -> str:
    """Up front, so that no sheet ends on a page holding only the totals."""
    summary = (
        f"Totals 合计: {totals['km']} km · {totals['travel_minutes']} min · "
        f"tickets ¥{totals['tickets_cny']} · lodging ¥{totals['lodging_cny']}"
    )
    unknown = sum(totals.get("unknown_prices", {}).values())
    if unknown:
        summary += f" · {unknown} prices unknown 价格未知, not counted"
    return summary
