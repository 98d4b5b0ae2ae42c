import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests.dates import OCTOBER_SATURDAY

pytestmark = pytest.mark.browser

MANY_STOPS = [
    "mutianyu-great-wall", "hongluo-temple", "yanqi-lake", "qinglong-gorge", "shengquan-mountain",
    "jiugukou", "baiquan-mountain", "shentangyu", "huanghuacheng-lakeside-great-wall",
]  # fmt: skip


def save_itinerary(page, live_server, stops, days):
    response = page.request.post(
        live_server.url + "/api/itineraries",
        data={"date": OCTOBER_SATURDAY, "days": days, "stops": stops, "title": "打印测试"},
    )
    assert response.status == 201
    return response.json()


def test_printing_keeps_every_stop_on_one_page(huairou_live, offline_page, live_server):
    saved = save_itinerary(offline_page, live_server, MANY_STOPS, 2)
    offline_page.goto(live_server.url + f"/i/{saved['token']}/print/")
    offline_page.emulate_media(media="print")
    pdf = offline_page.pdf(format="A4", print_background=True)
    pages = [page.extract_text().replace("\n", " ") for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > len(saved["plan"]["days"]), "the days should overflow onto more pages"
    for day in saved["plan"]["days"]:
        for stop in day["stops"]:
            heading = f"{stop['arrive']}–{stop['depart']}"
            gps = f"{stop['lat']:.5f}, {stop['lng']:.5f}"
            first = [i for i, text in enumerate(pages) if heading in text]
            last = [i for i, text in enumerate(pages) if gps in text]
            assert first and last, stop["slug"]
            assert first[0] == last[-1], f"{stop['slug']} is cut across a page edge"


def test_the_printed_qr_code_opens_the_itinerary(huairou_live, offline_page, live_server):
    saved = save_itinerary(offline_page, live_server, ["hongluo-temple"], 1)
    offline_page.goto(live_server.url + f"/i/{saved['token']}/print/")
    image = Image.open(io.BytesIO(offline_page.locator(".sheet-qr svg").screenshot()))
    (result,) = zxingcpp.read_barcodes(image)
    assert result.text == live_server.url + saved["url"]
