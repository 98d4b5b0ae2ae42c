"""What a visitor sees, checked the same way on every page of the journeys: one language,
tap targets of at least 24×24 CSS px, no horizontal scroll, no serious axe violation."""

from axe_playwright_python.sync_playwright import Axe

from tests.language import sentences_in_other_language

# Visible text, leaving out what the page marks translate="no": proper names and addresses
# kept in their own language on purpose (a Chinese address to show a taxi driver, the brand).
VISIBLE_TEXT = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, template, [translate="no"]')) continue;
    if (!parent.getClientRects().length) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    parts.push(node.textContent);
  }
  for (const el of document.querySelectorAll('[placeholder], [aria-label], img[alt]')) {
    if (!el.getClientRects().length || el.closest('[translate="no"]')) continue;
    parts.push(el.getAttribute('placeholder') || '', el.getAttribute('aria-label') || '',
               el.getAttribute('alt') || '');
  }
  return parts.join(' ');
}"""


def foreign_sentences(page, language: str) -> list[str]:
    return sentences_in_other_language(page.evaluate(VISIBLE_TEXT), language)


def assert_one_language(page, language: str) -> None:
    found = foreign_sentences(page, language)
    assert found == [], f"{page.url} ({language}) shows text in the other language: {found[:10]}"


SMALL_TARGETS = """() => {
  const small = [];
  const targets = document.querySelectorAll('a[href], button, input:not([type=hidden]), ' +
    'select, textarea, summary, [role=button], [tabindex="0"]');
  for (const el of targets) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    // WCAG 2.5.8 exception: a link inside a sentence (its block holds more text than it).
    const block = el.closest('p, li, dd, td, figcaption, small');
    if (el.tagName === 'A' && style.display === 'inline' && block &&
        block.textContent.trim().length > el.textContent.trim().length + 2) continue;
    if (box.width < 23.5 || box.height < 23.5) {
      const label = (el.textContent || el.value || '').trim().slice(0, 30);
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      small.push(`${el.tagName.toLowerCase()}.${el.className} "${label}" ${size}`);
    }
  }
  return small;
}"""


def assert_targets(page) -> None:
    small = page.evaluate(SMALL_TARGETS)
    assert small == [], f"{page.url}: controls under 24×24 px: {small[:10]}"


def assert_no_horizontal_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways: {widths}"


def assert_accessible(page) -> None:
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()


def assert_page_fit(page, language: str, phone: bool = False) -> None:
    """Everything a journey checks on each page it visits."""
    assert_one_language(page, language)
    assert_targets(page)
    if phone:
        assert_no_horizontal_scroll(page)
    assert_accessible(page)
