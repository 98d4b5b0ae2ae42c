import pytest

from tests.browser.waiting import wait_until

pytestmark = pytest.mark.browser


def timeline(page):
    """(time, name) for every stop the visitor sees, day by day."""
    return [
        (row.locator(".time").inner_text(), row.locator(".stop-name").inner_text())
        for row in page.locator(".timeline-stop").all()
    ]


def plan_from_route(page, live_server, slug):
    """Open a seasonal route's page and start a plan from it (Chinese pages)."""
    page.goto(live_server.url + f"/routes/{slug}/")
    page.get_by_role("link", name="从这条线路规划周末").click()
    page.wait_for_selector(".timeline-day")


def test_route_reorder_save_and_share(huairou_live, offline_page, live_server):
    page = offline_page
    plan_from_route(page, live_server, "spring")
    items = page.locator("#stop-list .stop-item")
    assert items.count() == 4
    names = items.locator(".stop-item-name").all_inner_texts()
    first = names[0]
    page.get_by_role("button", name=f"下移: {first}").click()
    wait_until(
        page,
        "name => document.querySelectorAll('#stop-list .stop-item-name')[1]"
        ".textContent.startsWith(name)",
        first,
    )
    wait_until(
        page,
        "name => document.querySelector('.timeline-stop .stop-name').textContent === name",
        names[1],
    )
    assert page.locator("#plan-status").inner_text() == "行程已更新。"
    assert not page.get_by_label("优化顺序").is_checked()
    planned = timeline(page)
    visits = [row.inner_text() for row in page.locator(".role-visit .stop-name").all()]
    assert visits[:2] == [names[1], first]
    page.get_by_label("标题").fill("春天的周末")
    page.get_by_role("button", name="保存并分享").click()
    page.wait_for_url("**/i/**")
    share_url = page.url
    assert page.get_by_role("heading", level=1).inner_text() == "春天的周末"
    assert timeline(page) == planned
    page.reload()
    assert timeline(page) == planned
    fresh = page.context.browser.new_context(locale="zh-CN").new_page()
    fresh.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort()
    )
    fresh.goto(share_url)
    assert timeline(fresh) == planned
    fresh.context.close()


def test_builder_shows_each_warning_where_the_server_placed_it(huairou_live, offline_page,
                                                                live_server):  # fmt: skip
    from planner.models import ScenicSpot

    spots = ScenicSpot.objects
    spots.filter(slug="huanghuacheng-lakeside-great-wall").update(confidence="L")
    # Every route stop has a location now; take one away to see the not-mapped warning.
    spots.filter(slug="xiangshuihu-great-wall").update(latitude=None, longitude=None)
    page = offline_page
    page.goto(live_server.url + "/plan/?route=autumn")
    page.wait_for_selector(".timeline-day")
    general = page.locator("#plan-warnings-general .warning-not_mapped")
    assert "尚无核实的位置" in general.inner_text()
    stop = page.locator(
        '.timeline-stop[data-slug="huanghuacheng-lakeside-great-wall"] .warning-unverified_data'
    )
    assert "信息或等级未经核实" in stop.inner_text()


def test_only_the_creator_s_browser_can_change_a_shared_itinerary(huairou_live, offline_page,
                                                                   live_server):  # fmt: skip
    """Issue 16, item 1: the share link views and copies; the edit key stays with its creator."""
    from planner.models import Itinerary

    page = offline_page
    page.goto(live_server.url + "/plan/?route=spring")
    page.wait_for_selector(".timeline-day")
    page.get_by_label("标题").fill("我的周末")
    page.get_by_role("button", name="保存并分享").click()
    page.wait_for_url("**/i/**")
    share_url = page.url
    assert page.get_by_role("link", name="编辑", exact=True).is_visible()
    page.get_by_role("link", name="编辑", exact=True).click()
    page.wait_for_selector(".timeline-day")
    page.get_by_label("标题").fill("改过的周末")
    page.get_by_role("button", name="保存并分享").click()
    page.wait_for_url(share_url)
    assert page.get_by_role("heading", level=1).inner_text() == "改过的周末"
    saved = Itinerary.objects.get()
    assert saved.version == 2

    stranger = page.context.browser.new_context(locale="zh-CN").new_page()
    stranger.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort()
    )
    stranger.goto(share_url)
    assert not stranger.get_by_role("link", name="编辑", exact=True).is_visible()
    assert stranger.get_by_role("link", name="编辑副本").is_visible()
    stranger.goto(f"{live_server.url}/plan/?edit={saved.token}")  # a link passed around
    stranger.wait_for_selector(".timeline-day")
    assert "你正在编辑副本" in stranger.locator("#save-status").inner_text()
    stranger.get_by_label("标题").fill("别人的副本")
    stranger.get_by_role("button", name="保存并分享").click()
    stranger.wait_for_url("**/i/**")
    assert stranger.url != share_url
    stranger.context.close()
    saved.refresh_from_db()
    assert saved.title == "改过的周末" and Itinerary.objects.count() == 2


def stop_slugs(page):
    return page.eval_on_selector_all(
        "#stop-list .stop-item", "items => items.map(i => i.dataset.slug)"
    )


def test_a_route_seeds_the_plan_once_and_later_edits_survive_reload_and_language(
    huairou_live, offline_page, live_server
):
    page = offline_page
    plan_from_route(page, live_server, "autumn")
    assert "xiangshuihu-great-wall" in stop_slugs(page)
    page.locator(
        '#stop-list .stop-item[data-slug="xiangshuihu-great-wall"] button[aria-label^="删除"]'
    ).click()
    page.locator("#place-search").fill("红螺寺")
    page.locator("#search-results .search-result", has_text="红螺寺").first.click()
    wait_until(page, "() => document.querySelector('#plan-status').textContent === '行程已更新。'")
    edited = stop_slugs(page)
    assert "xiangshuihu-great-wall" not in edited and "hongluo-temple" in edited
    assert "route=" not in page.url
    page.reload()
    page.wait_for_selector(".timeline-day")
    assert stop_slugs(page) == edited
    page.get_by_role("button", name="English").click()
    page.wait_for_selector(".timeline-day")
    assert page.locator("html").get_attribute("lang") == "en"
    assert stop_slugs(page) == edited
    # Day 1 ends at the night's stay: the builder says so in the server's words.
    assert "At the stay by " in page.locator(".timeline-day .day-end").first.inner_text()


def test_a_plan_takes_no_more_stops_than_the_server_plans(huairou_live, offline_page, live_server):
    from planner.models import ScenicSpot
    from planner.trips.requests import MAX_STOPS

    slugs = list(
        ScenicSpot.objects.published()
        .exclude(slug="hongluo-temple")
        .order_by("slug")
        .values_list("slug", flat=True)[:MAX_STOPS]
    )
    page = offline_page
    page.goto(live_server.url + "/plan/")
    page.evaluate(
        "slugs => localStorage.setItem('huairou.draft.v1', JSON.stringify({stops: slugs}))", slugs
    )
    page.reload()
    page.wait_for_selector(".timeline-day")
    page.locator("#place-search").fill("红螺寺")
    page.locator("#search-results .search-result", has_text="红螺寺").first.click()
    status = page.locator("#plan-status").inner_text()
    assert status == f"一个行程最多 {MAX_STOPS} 个地点：请先删除一个再添加。"
    assert page.locator("#stop-list .stop-item").count() == MAX_STOPS
    # "Add to plan" on a place page says the same and leaves the draft as it was.
    page.goto(live_server.url + "/spots/hongluo-temple/")
    page.get_by_role("link", name="加入行程").click()
    assert page.locator("#draft-status").inner_text().startswith(status)
    stored = page.evaluate("JSON.parse(localStorage.getItem('huairou.draft.v1')).stops")
    assert sorted(stored) == sorted(slugs)


def test_a_refused_change_marks_the_plan_it_did_not_replace(huairou_live, offline_page,
                                                            live_server):  # fmt: skip
    page = offline_page
    plan_from_route(page, live_server, "spring")
    framed = "() => getComputedStyle(document.querySelector('#timeline')).outlineStyle"
    assert page.evaluate(framed) == "none"
    page.locator("#plan-budget").fill("0")
    page.locator("#plan-budget").dispatch_event("change")
    wait_until(page, "() => document.querySelector('#plan-status').classList.contains('is-error')")
    assert "每晚预算" in page.locator("#plan-status").inner_text()
    assert page.evaluate(framed) == "dashed"  # the old plan, framed: it is not this request's
    page.locator("#plan-budget").fill("")
    page.locator("#plan-budget").dispatch_event("change")
    wait_until(page, "() => document.querySelector('#plan-status').textContent === '行程已更新。'")
    assert page.evaluate(framed) == "none"


def test_a_routes_stay_is_its_night_and_a_one_day_plan_does_not_visit_it(
    huairou_live, offline_page, live_server
):
    page = offline_page
    plan_from_route(page, live_server, "autumn")
    assert "the-brickyard" not in stop_slugs(page)  # the route's night, not a stop
    assert "瓦厂" in page.locator(".timeline-day .day-end").first.inner_text()
    page.locator("#plan-days").select_option("1")
    wait_until(page, "() => document.querySelectorAll('.timeline-day').length === 1")
    wait_until(page, "() => !document.body.classList.contains('is-planning')")
    assert "瓦厂" not in page.locator("#timeline").inner_text()
