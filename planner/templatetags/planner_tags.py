from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=8)
def _read(path: str) -> str:
    return open(finders.find(path), encoding="utf-8").read()


@register.simple_tag
def inline_css(path: str):
    """Our small stylesheet inline (about 4 KB gzipped): no render-blocking request of ours.

    The file is our own, read from the static directories; CSP allows inline styles."""
    return mark_safe(f"<style>{_read(path)}</style>")  # noqa: S308 — our own static file


@register.filter
def leg_summary(leg) -> str:
    """How a leg is travelled (lines, modes, drive/access/wait minutes): planner/exports/legs.py."""
    from planner.exports.legs import leg_summary as summary

    return summary(leg) if isinstance(leg, dict) else ""
