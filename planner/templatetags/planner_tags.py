from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

from planner.colours import ACCENT
from planner.models.fields import MONTH_CHOICES, TAG_CHOICES, WEEKDAY_CHOICES
from planner.trips.words import listing

register = template.Library()


@lru_cache(maxsize=8)
def _read(path: str) -> str:
    return open(finders.find(path), encoding="utf-8").read()


@register.simple_tag
def inline_css(path: str):
    """Our small stylesheet inline (about 4 KB gzipped): no render-blocking request of ours.

    The file is our own, read from the static directories; CSP allows inline styles."""
    return mark_safe(f"<style>{_read(path)}</style>")  # noqa: S308 — our own static file


@register.simple_tag
def theme_colour():
    """The app's theme colour, as the web app manifest declares it."""
    return ACCENT


@register.filter
def web_link(value) -> str:
    """The value if it is an http(s) URL (safe to put in href), else "" (shown as text)."""
    from urllib.parse import urlsplit

    text = str(value or "").strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return ""
    return text if scheme in {"http", "https"} and text == value.strip() else ""


@register.simple_tag
def cooloff_minutes(cooloff) -> int:
    """django-axes' cool-off (a timedelta) in whole minutes, for the locked-out page."""
    seconds = cooloff.total_seconds() if cooloff else 0
    return max(1, round(seconds / 60))


@register.filter
def hours(source) -> str:
    """A place's or period's hours: "07:30–18:00 (last entry 17:30)" (trips/hours_display.py)."""
    from planner.trips.hours_display import hours_text

    return hours_text(source.opens, source.closes, source.last_entry)


@register.filter
def month_names(months) -> str:
    """[4, 5, 10] → "Apr, May, Oct" in the viewer's language."""
    names = dict(MONTH_CHOICES)
    return listing(names[m] for m in months or () if m in names)


@register.filter
def weekday_names(days) -> str:
    names = dict(WEEKDAY_CHOICES)
    return listing(names[d] for d in days or () if d in names)


@register.filter
def tag_labels(tags) -> str:
    names = dict(TAG_CHOICES)
    if isinstance(tags, str):  # one tag
        tags = [tags]
    return listing(names.get(tag, tag) for tag in tags or ())


@register.filter
def period_dates(period) -> str:
    """ "Apr 1 – Oct 31" for an opening period."""
    names = dict(MONTH_CHOICES)
    return (
        f"{names[period.start_month]} {period.start_day} – "
        f"{names[period.end_month]} {period.end_day}"
    )


@register.filter
def has_period_hours(place) -> bool:
    periods = getattr(place, "periods", None)
    if periods is None:
        return False
    return any(p.opens or p.closed for p in periods.all())


@register.filter
def leg_summary(leg) -> str:
    """How a leg is travelled (lines, modes, drive/access/wait minutes): planner/exports/legs.py."""
    from planner.exports.legs import leg_summary as summary

    return summary(leg) if isinstance(leg, dict) else ""
