"""Opening hours in words, in the visitor's language: one helper for the place page, the
print sheet and the PDF ("07:30–18:00 (last entry 17:30)", 最晚入园 in Chinese)."""

import datetime as dt

from django.utils.translation import gettext as _


def hours_text(opens: dt.time | None, closes: dt.time | None,
               last_entry: dt.time | None = None) -> str:  # fmt: skip
    if not (opens and closes):
        return ""
    text = f"{opens:%H:%M}–{closes:%H:%M}"
    if last_entry:
        text += f" ({_('last entry')} {last_entry:%H:%M})"
    return text
