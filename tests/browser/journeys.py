"""Steps the visitor journeys share: reading the builder, the saved page, the sheet and the PDF
the way a visitor reads them."""

import io
import re

from pypdf import PdfReader

from tests.browser.waiting import wait_until

PHONE = {"width": 375, "height": 740}


def open_context(browser, live_server, language: str, phone: bool = False):
    """A fresh browser (empty storage) on a closed network, in `language`."""
    options = {"locale": "en-GB" if language == "en" else "zh-CN"}
    if phone:
        options.update(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    else:
        options.update(viewport={"width": 1280, "height": 900})
    context = browser.new_context(**options)
    cookie = "en" if language == "en" else "zh-hans"
    context.add_cookies([{"name": "django_language", "value": cookie, "url": live_server.url}])
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    return page


def stop_names(page) -> list[str]:
    """The names in the builder's stop list, in order."""
    return [name.strip() for name in page.locator("#stop-list .stop-item-name").all_inner_texts()]


def wait_for_plan(page):
    wait_until(page, "() => document.querySelector('#plan-status').textContent !== ''")
    wait_until(
        page,
        "() => !document.body.classList.contains('is-planning') && "
        "document.querySelectorAll('#timeline .timeline-stop').length > 0",
    )


def timeline(page) -> list[tuple[str, str]]:
    """(times, name) of every stop on the builder or the saved page, day after day."""
    return [
        (row.locator(".time").inner_text(), row.locator(".stop-name").inner_text().strip())
        for row in page.locator(".timeline-stop").all()
    ]


def sheet_stops(page) -> list[tuple[str, str]]:
    rows = []
    for row in page.locator(".sheet-stop").all():
        heading = row.locator("h3")
        name = heading.locator("a, span[translate=no]").first.inner_text().strip()
        rows.append((row.locator(".sheet-time").inner_text(), name))
    return rows


def legs_shown(page) -> list[str]:
    return [text.strip() for text in page.locator(".leg").all_inner_texts()]


def pdf_facts(content: bytes) -> tuple[list[str], bool]:
    """The text of each page, and whether every font is embedded as a TrueType subset."""
    reader = PdfReader(io.BytesIO(content))
    pages = [page.extract_text() for page in reader.pages]
    embedded = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                subset = re.match(r"/?[A-Z]{6}\+", str(target.get("/BaseFont", "")))
                embedded.append("/FontFile2" in descriptor and bool(subset))
    return pages, bool(embedded) and all(embedded)


def printed_pages(page) -> list[str]:
    """The print view as Chromium prints it on A4: the text of each sheet of paper."""
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="screen")
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
