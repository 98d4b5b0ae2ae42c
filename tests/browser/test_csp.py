import json

import pytest

from tests.dates import OCTOBER_SATURDAY

pytestmark = pytest.mark.browser

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_pages_work_under_the_content_security_policy(huairou_live, offline_page, live_server):
    offline_page.add_init_script(COLLECT_VIOLATIONS)
    console = []
    offline_page.on("console", lambda message: console.append(message.text))
    saved = offline_page.request.post(
        live_server.url + "/api/itineraries",
        data=json.dumps({"stops": ["hongluo-temple", "yanqi-lake"], "date": OCTOBER_SATURDAY}),
        headers={"Content-Type": "application/json"},
    ).json()
    pages = {
        "/": "#place-list li",
        "/plan/?route=autumn": ".timeline-day",
        f"/i/{saved['token']}/print/": ".sheet-stop",
        "/spots/mutianyu-great-wall/": ".small-map .leaflet-marker-icon",
    }
    for path, proof in pages.items():
        response = offline_page.goto(live_server.url + path)
        policy = dict(
            part.strip().split(" ", 1)
            for part in response.headers["content-security-policy"].split(";")
        )
        assert policy["script-src"].startswith("'self'"), path
        assert "unsafe" not in policy["script-src"], path
        offline_page.wait_for_selector(proof)  # the page's scripts ran
        assert offline_page.evaluate("window.__cspViolations") == [], path
    assert not [text for text in console if "Content Security Policy" in text]
