"""Home page weight as a phone on a closed network sees it: every response the page loads
(gzip as served by whitenoise/gunicorn in production), render-blocking assets, lazy images.

Run: .venv/bin/python bench/page_weight.py      (needs /usr/bin/chromium)
"""

from playwright.sync_api import sync_playwright
from server import HOST, PORT, gunicorn, prepare, server_env

TARGET_KB = 250


def measure(url: str) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 375, "height": 812})
        page.route("**/*", lambda r: r.continue_() if f"{HOST}:{PORT}" in r.request.url
                   else r.abort())  # fmt: skip
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector("#place-list li")
        page.wait_for_timeout(500)
        sizes = []
        for request in responses:
            size = request.sizes()
            sizes.append((size["responseBodySize"] + size["responseHeadersSize"], request.url))
        blocking = page.evaluate(
            """() => [...document.head.querySelectorAll('link[rel=stylesheet], script[src]')]
                .filter(e => !(e.defer || e.async || e.type === 'module'))
                .map(e => e.href || e.src)"""
        )
        images = page.evaluate(
            "() => [...document.images].filter(i => !i.closest('.leaflet-container'))"
            ".filter(i => i.loading !== 'lazy').map(i => i.src)"
        )
        browser.close()
    return {"sizes": sizes, "blocking": blocking, "eager_images": images}


def main():
    env = server_env(redis=True)
    prepare(env)
    with gunicorn(env) as base:
        result = measure(base + "/")
    total = sum(size for size, _ in result["sizes"])
    print("== Home page weight (375 px phone, gzip, all real places) ==")
    for size, url in sorted(result["sizes"], reverse=True):
        print(f"{size / 1024:8.1f} KB  {url.replace(base, '')[:90]}")
    count = len(result["sizes"])
    print(f"total transfer: {total / 1024:.1f} KB   target ≤ {TARGET_KB} KB   requests: {count}")
    print(f"render-blocking in <head>: {[u.replace(base, '') for u in result['blocking']]}"
          "   target: Leaflet's CSS only")  # fmt: skip
    print(f"content images not lazy: {len(result['eager_images'])} (map tiles are Leaflet's)")


if __name__ == "__main__":
    main()
