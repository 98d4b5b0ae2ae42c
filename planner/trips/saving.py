"""Saving itineraries: one transaction, optimistic concurrency through `version`.

Whoever saves an itinerary gets its edit key once (in the 201 answer); only its SHA-256 is
stored. The creator's browser keeps the key (localStorage, and a signed cookie so that the
server can show "Edit"), and a change must present it. The share link alone reads and copies.
"""

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from planner.models import Itinerary, ItineraryDay, ItineraryStop

EDIT_KEY_HEADER = "HTTP_X_EDIT_KEY"
IDEMPOTENCY_HEADER = "HTTP_IDEMPOTENCY_KEY"
IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{22,128}")
MINE_COOKIE = "my_itineraries"
MINE_LIMIT = 20
MINE_MAX_AGE = 365 * 24 * 3600


class VersionConflict(Exception):
    def __init__(self, current: Itinerary):
        super().__init__(current.version)
        self.current = current


def _write_days(itinerary: Itinerary, plan: dict) -> None:
    for day in plan["days"]:
        record = ItineraryDay.objects.create(
            itinerary=itinerary,
            number=day["number"],
            date=dt.date.fromisoformat(day["date"]),
            overnight_slug=(day["overnight"] or {}).get("slug", ""),
        )
        ItineraryStop.objects.bulk_create(
            ItineraryStop(
                day=record,
                position=position,
                slug=stop["slug"],
                kind=stop["kind"],
                name_zh=stop["name_zh"],
                name_en=stop["name_en"],
                latitude=stop["lat"],
                longitude=stop["lng"],
                arrive=dt.time.fromisoformat(stop["arrive"]),
                depart=dt.time.fromisoformat(stop["depart"]),
                suggested=stop["suggested"],
                role=stop["role"],
            )
            for position, stop in enumerate(day["stops"], start=1)
        )


def new_edit_key() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def idempotency_key(request) -> str | None:
    """The client's Idempotency-Key header: None if absent; ValueError if unusable."""
    key = request.META.get(IDEMPOTENCY_HEADER)
    if key is None:
        return None
    if not IDEMPOTENCY_KEY.fullmatch(key):
        raise ValueError("Idempotency-Key must be 22 to 128 random URL-safe characters.")
    return key


def edit_key_for(idempotency: str | None) -> str:
    """A new edit key; for a save with an Idempotency-Key, the same key on every retry
    (derived with the server's secret, so only the holder of the idempotency key gets it)."""
    if idempotency is None:
        return new_edit_key()
    digest = hmac.new(settings.SECRET_KEY.encode(), f"edit-key:{idempotency}".encode(),
                      hashlib.sha256).digest()  # fmt: skip
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def already_saved(idempotency: str | None) -> Itinerary | None:
    if idempotency is None:
        return None
    return Itinerary.objects.filter(idempotency_key_hash=_digest(idempotency)).first()


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


def may_edit(itinerary: Itinerary, key: str | None) -> bool:
    """Whether `key` is this itinerary's edit key (constant-time comparison)."""
    if not key or not itinerary.edit_key_hash:
        return False
    return hmac.compare_digest(_digest(key), itinerary.edit_key_hash)


def save_errors(request: dict) -> dict[str, list[str]]:
    """Why a valid plan cannot be saved to share: no stop at all. (A first day in the past is
    refused for computing and saving alike, in planner/trips/requests.py.)"""
    errors = {}
    if not request.get("stops"):
        errors["stops"] = [_("Add at least one place before saving.")]
    return errors


def create_itinerary(title: str, request: dict, plan: dict, edit_key: str,
                     idempotency: str | None = None) -> Itinerary:  # fmt: skip
    """Save a new itinerary; with an Idempotency-Key already used, return that one instead."""
    try:
        return _create(title, request, plan, edit_key, idempotency)
    except IntegrityError:
        existing = already_saved(idempotency)
        if existing is None:
            raise
        return existing  # a concurrent retry of the same save won the race


@transaction.atomic
def _create(title, request, plan, edit_key, idempotency) -> Itinerary:
    itinerary = Itinerary.objects.create(
        edit_key_hash=_digest(edit_key),
        idempotency_key_hash=_digest(idempotency) if idempotency else None,
        title=title,
        request=request,
        plan=plan,
        start_date=dt.date.fromisoformat(request["date"]),
        days_count=request["days"],
    )
    _write_days(itinerary, plan)
    return itinerary


@transaction.atomic
def update_itinerary(token: str, expected_version: int, title: str, request: dict, plan: dict):
    """Replace the plan if nobody saved since `expected_version`; else raise VersionConflict."""
    itinerary = Itinerary.objects.select_for_update().get(token=token)
    if itinerary.version != expected_version:
        raise VersionConflict(itinerary)
    itinerary.title = title
    itinerary.request = request
    itinerary.plan = plan
    itinerary.start_date = dt.date.fromisoformat(request["date"])
    itinerary.days_count = request["days"]
    itinerary.version += 1
    itinerary.save()
    itinerary.days.all().delete()
    _write_days(itinerary, plan)
    return itinerary


def remembered_keys(request) -> dict[str, str]:
    """This browser's own itineraries, token -> edit key, newest first (signed cookie: no
    session row is written for an anonymous visitor)."""
    mine = request.COOKIES.get(MINE_COOKIE)
    if not mine:
        return {}
    try:
        keys = signing.loads(mine, salt=MINE_COOKIE, max_age=MINE_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return {}
    return keys if isinstance(keys, dict) else {}


def remember(request, response, itinerary: Itinerary, edit_key: str) -> None:
    """Keep the visitor's own plans (and their edit keys) in their browser."""
    keys = {itinerary.token: edit_key}
    keys.update((t, k) for t, k in remembered_keys(request).items() if t != itinerary.token)
    kept = dict(list(keys.items())[:MINE_LIMIT])
    value = signing.dumps(kept, salt=MINE_COOKIE, compress=True)
    response.set_cookie(MINE_COOKIE, value, max_age=MINE_MAX_AGE, httponly=True, samesite="Lax",
                        secure=settings.SESSION_COOKIE_SECURE)  # fmt: skip


def owned_tokens(request) -> list[str]:
    return list(remembered_keys(request))
