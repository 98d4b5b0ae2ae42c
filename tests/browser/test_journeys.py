"""Four visitors, as the issue tried them: a family on a desktop in Chinese, a foreign visitor by
transit on a 375 px phone in English, the same phone in Chinese, and a district editor. Each
step asserts what the visitor sees; every page visited is checked for one language, 24 px
controls, (on phones) no sideways scroll and no serious axe violation."""

import re

import pytest

from tests.browser.checks import (
    assert_accessible,
    assert_no_horizontal_scroll,
    assert_one_language,
    assert_page_fit,
    assert_targets,
)
from tests.browser.journeys import (
    legs_shown,
    open_context,
    pdf_facts,
    printed_pages,
    sheet_stops,
    stop_names,
    timeline,
    wait_for_plan,
)
from tests.browser.waiting import wait_until

pytestmark = pytest.mark.browser


def test_a_family_plans_on_a_desktop_in_chinese(huairou_live, browser, live_server):
    page = open_context(browser, live_server, "zh")
    url = live_server.url
    # "Add to plan" on place pages keeps the visitor where they are and says so.
    page.goto(url + "/spots/hongluo-temple/")
    page.get_by_role("link", name="加入行程").click()
    assert "已将红螺寺加入行程（共 1 站）" in page.locator("#draft-status").inner_text()
    assert page.url == url + "/spots/hongluo-temple/"
    assert page.locator("#draft-count").inner_text() == "1"
    page.goto(url + "/spots/yanqi-lake/")
    page.get_by_role("link", name="加入行程").click()
    assert "共 2 站" in page.locator("#draft-status").inner_text()
    # The builder starts from that draft; a reload and the language switch keep it.
    page.goto(url + "/plan/")
    wait_for_plan(page)
    assert sorted(stop_names(page)) == sorted(["红螺寺", "北京雁栖湖景区"])
    page.reload()
    wait_for_plan(page)
    assert sorted(stop_names(page)) == sorted(["红螺寺", "北京雁栖湖景区"])
    page.get_by_role("button", name="English").click()
    wait_for_plan(page)
    assert sorted(stop_names(page)) == ["Hongluo Temple", "Yanqi Lake"]
    assert_one_language(page, "en")
    page.get_by_role("button", name="中文").click()
    wait_for_plan(page)
    # Remove, then undo: the stop comes back where it was.
    before = stop_names(page)
    page.get_by_role("button", name=f"删除: {before[0]}").click()
    assert stop_names(page) == before[1:]
    page.get_by_role("button", name="撤销").click()
    assert stop_names(page) == before
    # Two days: a chosen stay can go back to "choose for me".
    page.get_by_label("天数").select_option("2")
    wait_for_plan(page)
    stay = page.locator(".overnight-select").first
    stay.wait_for()
    assert stay.input_value() == ""  # the planner chooses
    other = stay.locator("option").nth(2)
    chosen = other.get_attribute("value")
    stay.select_option(chosen)
    wait_until(page, "slug => document.querySelector('.overnight-select').value === slug", chosen)
    page.locator(".overnight-select").first.select_option("")
    wait_until(page, "() => document.querySelector('.overnight-select').value === ''")
    assert_page_fit(page, "zh")
    planned = timeline(page)
    legs = legs_shown(page)
    # Save: the saved page, the print sheet and the PDF say the same.
    page.get_by_label("标题").fill("一家人的周末")
    page.get_by_role("button", name="保存并分享").click()
    page.wait_for_url("**/i/**")
    assert timeline(page) == planned
    assert legs_shown(page) == legs
    assert_page_fit(page, "zh")
    token = page.url.rstrip("/").split("/")[-1]
    page.goto(url + f"/i/{token}/print/")
    assert sheet_stops(page) == planned
    assert [leg.strip() for leg in page.locator(".sheet-leg").all_inner_texts()] == legs
    assert_page_fit(page, "zh")
    sheets = printed_pages(page)
    assert len(sheets) == 2, "a 2-day plan prints on 2 A4 pages"
    pdf = page.request.get(url + f"/i/{token}/sheet.pdf")
    pages, embedded = pdf_facts(pdf.body())
    assert len(pages) == 2 and embedded
    printed = " ".join(pages).replace("\n", " ")
    for times, name in planned:
        assert times in printed and name in printed, (times, name)
    assert "as of undated" not in " ".join(pages) and "undated" not in " ".join(sheets)
    # The builder lists the saved plan under "My saved plans".
    page.goto(url + "/plan/")
    assert page.get_by_role("link", name="一家人的周末").count() == 1
    assert page.js_errors == []
    page.context.close()


def test_a_visitor_by_transit_on_an_english_phone(huairou_live, browser, live_server):
    page = open_context(browser, live_server, "en", phone=True)
    url = live_server.url
    page.goto(url + "/plan/")
    switcher = page.get_by_role("navigation", name="Builder views")
    # Stops: search and add, with the transit choice.
    page.get_by_label("Bus, train and taxi").check()
    for query, name in (("Mutianyu", "Mutianyu Great Wall"), ("Hongluo", "Hongluo Temple")):
        page.get_by_label("Add a place").fill(query)
        page.get_by_role("button", name=name).click()
        assert f"Added {name} to your plan" in page.locator("#plan-status").inner_text()
        # The plan on screen is marked out of date at once, not when the request leaves.
        assert page.evaluate("document.body.classList.contains('is-planning')")
    wait_for_plan(page)
    assert_page_fit(page, "en", phone=True)
    # The plan, one tap away: each leg says how it is travelled, with its line.
    switcher.get_by_role("button", name="Plan").click()
    assert page.locator("#timeline").is_visible() and not page.locator("#plan-map").is_visible()
    plan = page.evaluate("window.HuairouBuilder.plan()")
    shown = " ".join(legs_shown(page))
    for day in plan["days"]:
        for leg in day["legs"]:
            assert leg["how"] in shown
    legs = [leg for day in plan["days"] for leg in day["legs"]]
    lines = {step["line"] for leg in legs for step in leg["steps"] if step["line"]}
    assert lines and all(line in shown for line in lines)
    assert page.locator(".day-end").first.inner_text().count("Back at") == 1
    assert_page_fit(page, "en", phone=True)
    # The map, one tap away.
    switcher.get_by_role("button", name="Map").click()
    assert page.locator("#plan-map").is_visible() and not page.locator("#stop-list").is_visible()
    markers = page.locator(".leaflet-marker-pane .marker-day")
    assert markers.count() == sum(len(day["stops"]) for day in plan["days"])
    assert_page_fit(page, "en", phone=True)
    # Tapping a stop in the list shows it on the visible map.
    switcher.get_by_role("button", name="Stops").click()
    page.locator("#stop-list .stop-item-name", has_text="Hongluo Temple").click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Hongluo Temple" in popup.inner_text()
    box = popup.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740
    # Sharing: an empty plan and a past date are refused with a clear message.
    page.goto(url + "/plan/")
    page.get_by_role("button", name="Start a new plan").click()
    page.get_by_role("button", name="Save and share").click()
    assert "Add at least one place before saving." in page.locator("#save-status").inner_text()
    assert page.js_errors == []
    page.context.close()


def test_a_visitor_on_a_chinese_phone(huairou_live, browser, live_server):
    page = open_context(browser, live_server, "zh", phone=True)
    url = live_server.url
    for path in ("/", "/routes/"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert_page_fit(page, "zh", phone=True)
    page.goto(url + "/spots/mutianyu-great-wall/")
    assert_no_horizontal_scroll(page)
    page.get_by_role("link", name="加入行程").click()
    page.goto(url + "/plan/")
    wait_for_plan(page)
    assert stop_names(page) == ["慕田峪长城"]
    switcher = page.get_by_role("navigation", name="规划视图")
    for view, visible in (("地图", "#plan-map"), ("行程", "#timeline"), ("站点", "#stop-list")):
        switcher.get_by_role("button", name=view).click()
        assert page.locator(visible).is_visible(), view
        assert_no_horizontal_scroll(page)
        assert_targets(page)
    # Numbers agree: day 1 starts at 1 on the map and on the timeline.
    switcher.get_by_role("button", name="地图").click()
    numbers = page.locator(".leaflet-marker-pane .marker-day").all_inner_texts()
    switcher.get_by_role("button", name="行程").click()
    assert sorted(numbers) == sorted(page.locator("#timeline .stop-number").all_inner_texts())
    switcher.get_by_role("button", name="站点").click()
    page.get_by_role("button", name="保存并分享").click()
    page.wait_for_url("**/i/**")
    assert_page_fit(page, "zh", phone=True)
    page.get_by_role("link", name="可打印线路单").click()
    assert_page_fit(page, "zh", phone=True)
    assert page.js_errors == []
    page.context.close()


def test_an_editor_changes_a_price_and_visitors_see_it(huairou_live, browser, live_server):
    from django.contrib.auth.models import User

    User.objects.create_superuser("editor", password="editor-journey-pw-1")
    page = open_context(browser, live_server, "zh")
    url = live_server.url
    page.goto(url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "editor-journey-pw-1")
    page.click("input[type=submit]")
    page.goto(url + "/admin/planner/scenicspot/?q=hongluo")
    page.get_by_role("link", name="红螺寺").click()
    assert_accessible(page)  # the change form, with its inline sources and periods
    page.fill("#id_price_cny_min", "58")
    page.fill("#id_price_cny_max", "58")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/planner/scenicspot/(\?.*)?$"))
    assert "红螺寺" in page.locator(".messagelist .success").inner_text()
    assert_accessible(page)
    for language, label in (("zh", "¥58"), ("en", "¥58")):
        visitor = open_context(browser, live_server, language)
        visitor.goto(url + "/spots/hongluo-temple/")
        assert label in visitor.locator(".facts").inner_text()
        visitor.context.close()
    page.context.close()
