import json

from tests.dates import OCTOBER_SATURDAY


def save(client, body):
    response = client.post("/api/itineraries", json.dumps(body), content_type="application/json")
    return response.json()


BODY = {"date": OCTOBER_SATURDAY, "stops": ["hongluo-temple", "yanqi-lake"], "title": "<b>周末</b>"}


def test_builder_page_defaults_to_the_coming_saturday(huairou, client):
    html = client.get("/plan/").content.decode()
    assert 'id="plan-form"' in html and "builder-config" in html
    config = html.split('id="builder-config" type="application/json">')[1].split("</script>")[0]
    import datetime as dt

    date = dt.date.fromisoformat(json.loads(config)["initial"]["date"])
    # The coming Saturday, or the next one once this Saturday can no longer start.
    assert date.weekday() == 5 and 0 <= (date - dt.date.today()).days <= 7


def test_saved_itinerary_page_is_readable_by_anyone_with_the_link(
    huairou, client, django_user_model
):
    saved = save(client, BODY)
    from django.test import Client

    stranger = Client()
    html = stranger.get(saved["url"]).content.decode()
    assert "&lt;b&gt;周末&lt;/b&gt;" in html and "<b>周末</b>" not in html
    for stop in saved["plan"]["days"][0]["stops"]:
        assert stop["arrive"] in html and stop["name_zh"] in html
    assert f"/plan/?from={saved['token']}" in html
    assert f'/plan/?edit={saved["token"]}" hidden' in html  # not theirs: no edit key here


def test_the_owner_sees_their_plans_and_can_edit(huairou, client):
    saved = save(client, BODY)
    assert f"/plan/?edit={saved['token']}" in client.get(saved["url"]).content.decode()
    assert saved["url"] in client.get("/plan/").content.decode()


def test_edit_a_copy_loads_the_saved_request(huairou, client):
    saved = save(client, BODY)
    html = client.get(f"/plan/?from={saved['token']}").content.decode()
    assert '"hongluo-temple"' in html and '"edit_token": ""' in html


def test_unknown_itinerary_is_404(db, client):
    assert client.get("/i/nope/").status_code == 404
    assert client.get("/plan/?from=nope").status_code == 404


def test_saved_page_shows_what_did_not_fit_and_unknown_prices(huairou, client):
    body = {
        "date": OCTOBER_SATURDAY,
        "stops": ["labagou-primeval-forest", "hongluo-temple", "mutianyu-great-wall",
                  "qinglong-gorge", "yanqi-lake"],
    }  # fmt: skip
    saved = save(client, body)
    html = client.get(saved["url"]).content.decode()
    unplaced = saved["plan"]["unplaced"]
    assert unplaced and all(item["suggestion"] == "add_day" for item in unplaced)
    assert "放不进这次行程：请加一天。" in html
    unpriced = save(
        client, {"date": OCTOBER_SATURDAY, "stops": ["jiugukou"]}
    )  # no published ticket
    assert unpriced["plan"]["totals"]["unknown_prices"] == {"tickets": 1, "lodging": 0}
    assert "1 项价格未知，未计入" in client.get(unpriced["url"]).content.decode()


def test_a_lunch_break_is_listed_in_its_place_among_the_stops(huairou, client):
    saved = save(client, {"date": OCTOBER_SATURDAY, "stops": ["hongluo-temple", "yanqi-lake"]})
    (day,) = saved["plan"]["days"]
    times = [(stop["arrive"], stop["depart"]) for stop in day["stops"]]
    assert times == sorted(times)
    lunch = [s.get("lunch_at") or s["arrive"] for s in day["stops"]
             if s["lunch_here"] or s["role"] in ("lunch", "lunch_break")]  # fmt: skip
    assert len(lunch) == 1 and "11:00" <= lunch[0] <= "13:00"
