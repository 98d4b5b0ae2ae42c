"""Chinese pages say holidays, opening hours, sources and months in Chinese, with the same
words on every surface (one mapping, one helper each)."""

import json
import re

from tests.dates import next_saturday_from, pin_today
from tests.language import visible_text


def post(client, url, body, language):
    return client.post(url, json.dumps(body), content_type="application/json",
                       HTTP_ACCEPT_LANGUAGE=language)  # fmt: skip


def test_a_holiday_is_named_in_the_page_s_language_on_every_surface(huairou, client,
                                                                     monkeypatch):  # fmt: skip
    pin_today(monkeypatch, "2026-09-30")
    body = {"date": "2026-10-01", "stops": ["mutianyu-great-wall"]}
    planned = post(client, "/api/plan", body, "zh-hans").json()
    (peak,) = [w for w in planned["warnings"] if w["code"] == "holiday_peak"]
    assert "国庆节" in peak["message"] and "National Day" not in peak["message"]
    saved = post(client, "/api/itineraries", body, "zh-hans").json()
    for url in (saved["url"], saved["url"] + "print/"):
        text = visible_text(client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode())
        assert "国庆节" in text and "National Day" not in text
    english = client.get(saved["url"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "public holiday (National Day)" in visible_text(english)


def test_the_chinese_sheet_words_hours_as_the_place_page_does(huairou, client):
    body = {"date": next_saturday_from(7, 4), "stops": ["mutianyu-great-wall"]}
    saved = post(client, "/api/itineraries", body, "zh-hans").json()
    sheet = client.get(saved["url"] + "print/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "07:30–18:00 (最晚入园 17:30)" in sheet and "last entry" not in sheet
    place = client.get("/spots/mutianyu-great-wall/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "07:30–18:00 (最晚入园 17:30)" in place.content.decode()


def test_route_sources_without_an_address_say_so_in_the_page_s_language(huairou, client):
    html = client.get("/routes/spring/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "address not recorded" not in html and "未记录网址" in html
    english = client.get("/routes/spring/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "(stored copy; address not recorded)" in english


def test_the_chinese_month_filter_names_every_month_alike(huairou, client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    select = html.split('id="filter-month"')[1].split("</select>")[0]
    names = re.findall(r'<option value="\d+">([^<]+)</option>', select)
    assert names == [f"{month}月" for month in range(1, 13)]
