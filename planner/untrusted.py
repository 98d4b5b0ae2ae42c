"""Rules for text from outside (visitors' JSON, editors' forms, imported files): one home.

XML 1.0 cannot carry most C0 control characters, lone surrogates cannot be encoded as
UTF-8, PostgreSQL cannot store NUL, and a spreadsheet runs a cell that starts with `=`.
Input is refused or cleaned at the edge with these helpers; exporters clean again.
"""

import re

# Characters XML 1.0 forbids (tab, line feed and carriage return are allowed), plus lone
# surrogates, which no UTF-8 encoder accepts.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
MAX_JSON_DEPTH = 8
MAX_JSON_ITEMS = 2000


def xml_safe(text: str) -> str:
    """The text without characters that XML (KML, GPX, XLSX) cannot carry."""
    return XML_ILLEGAL.sub("", text) if isinstance(text, str) else text


def text_problem(text: str) -> str | None:
    """Why a piece of text cannot be accepted, or None."""
    match = XML_ILLEGAL.search(text)
    if match is None:
        return None
    char = match.group()
    if char == "\x00":
        return "Text must not contain NUL (\\u0000) characters."
    if "\ud800" <= char <= "\udfff":
        return "Text must be valid Unicode (it contains a lone surrogate)."
    return f"Text must not contain control characters (found U+{ord(char):04X})."


def json_problem(value) -> str | None:
    """Why a parsed JSON document is refused (too deep, too big, unusable text), or None.

    Walks without recursion, so a hostile nesting depth cannot exhaust the stack.
    """
    pending = [(value, 1)]
    seen = 0
    while pending:
        item, depth = pending.pop()
        seen += 1
        if seen > MAX_JSON_ITEMS:
            return f"The request has more than {MAX_JSON_ITEMS} values."
        if depth > MAX_JSON_DEPTH:
            return f"The request is nested more than {MAX_JSON_DEPTH} levels deep."
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                return problem
        elif isinstance(item, dict):
            pending.extend((key, depth + 1) for key in item)
            pending.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            pending.extend((child, depth + 1) for child in item)
    return None


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Phone numbers and plain numbers ("+86 10 6162 6505", "-3.5") may start with + or -.
NUMBER_LIKE = re.compile(r"[+\-]?[\d\s().\-]+")


def formula_safe(value):
    """A spreadsheet cell value that cannot start a formula: prefixed with an apostrophe,
    the convention spreadsheets display as text. Numbers and phone numbers stay as they are."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if NUMBER_LIKE.fullmatch(value):
        return value
    return "'" + value


def unescape_formula(value):
    """Undo formula_safe on import, so that an exported file imports unchanged."""
    if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
