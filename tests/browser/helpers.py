def visible_marker_total(page) -> int:
    """What a user sees: single markers plus the numbers on the cluster bubbles."""
    return page.evaluate(
        """() => {
        const singles = document.querySelectorAll('.leaflet-marker-pane .place-marker').length;
        const bubbles = document.querySelectorAll('.leaflet-marker-pane .marker-cluster');
        const counts = Array.from(bubbles).map((el) => parseInt(el.textContent, 10));
        const clustered = counts.reduce((sum, n) => sum + n, 0);
        return singles + clustered;
    }"""
    )


def wait_for_list(page):
    page.wait_for_selector("#place-list li")


def settled_box(page, locator, attempts: int = 40):
    """The element's box once animations have finished (two equal reads in a row)."""
    previous = None
    for _ in range(attempts):
        box = locator.bounding_box()
        if box == previous:
            return box
        previous = box
        page.wait_for_timeout(100)
    return previous


def wait_for_box(page, locator, condition, attempts: int = 50):
    """Poll the element's box until `condition(box)` holds; fail with the last box seen."""
    box = None
    for _ in range(attempts):
        box = locator.bounding_box()
        if box and condition(box):
            return box
        page.wait_for_timeout(100)
    state = page.evaluate(
        "window.leafletmapmap && [leafletmapmap.getCenter(), leafletmapmap.getZoom()]"
    )
    raise AssertionError(f"element box never met the condition; last seen {box}; map {state}")


def settled_marker_total(page, attempts: int = 30) -> int:
    """The marker total once clustering animations have finished (two equal reads)."""
    previous = None
    for _ in range(attempts):
        page.wait_for_timeout(200)
        total = visible_marker_total(page)
        if total == previous:
            return total
        previous = total
    return previous
