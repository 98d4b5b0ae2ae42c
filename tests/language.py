"""What counts as text in the other language on a page: the one rule the browser journeys and
the page-by-page test share."""

import re
from html.parser import HTMLParser

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# An original name given in brackets or quotes after its English, as in "the 'wisteria on a
# pine' (紫藤寄松)" or "homestay (民宿)": short, and enclosed.
BRACKETED_ORIGINAL = re.compile(
    r"[(（「“][^()（）「」“”]{0,30}[\u3400-\u9fff][^()（）「」“”]{0,30}[)）」”]"
)
# Transit line names are names in any language: 916快, 916快速, H21.
LINE_NAME = re.compile(r"\d+快速?")
# Three or more English words in a row make a sentence; acronyms (PDF, GPS, WGS) do not count.
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z][a-z]+){2,}")
# On Chinese pages: names of the map layers' makers, which are trademarks.
ZH_ALLOWED = ("OpenStreetMap contributors",)


def sentences_in_other_language(text: str, language: str) -> list[str]:
    """Runs of the other script in a page's visible text (names marked translate="no" are
    already left out of `text`)."""
    if language == "en":
        return HAN.findall(LINE_NAME.sub("", BRACKETED_ORIGINAL.sub("", text)))
    for allowed in ZH_ALLOWED:
        text = text.replace(allowed, "")
    return ENGLISH_SENTENCE.findall(text)


SKIPPED = {"script", "style", "noscript", "template", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class VisibleText(HTMLParser):
    """A page's text as a visitor reads it, less script, hidden and translate="no" parts."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, is its content left out?)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("placeholder", "aria-label", "alt"):
            if attrs.get(name) and not self.skipping and attrs.get("translate") != "no":
                self.parts.append(attrs[name])
        if tag in VOID:
            return
        skip = tag in SKIPPED or "hidden" in attrs or attrs.get("translate") == "no"
        self.stack.append((tag, self.skipping or skip))

    def handle_endtag(self, tag):
        # Pop back to the element this tag closes (an unclosed <p> or <li> closes with it).
        while any(open_tag == tag for open_tag, _skip in self.stack):
            if self.stack.pop()[0] == tag:
                break

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)
