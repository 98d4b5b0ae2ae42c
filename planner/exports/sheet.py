"""A printable view of a plan: the engine's day-by-day output plus each place's facts.

Times come from the plan as computed (a saved itinerary keeps the times it was saved
with); addresses, phones, hours and prices come from the current records, with their dates.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _

from planner.exports.legs import leg_summary
from planner.geo.coordinates import navigation_links
from planner.models import PLACE_MODEL_BY_KIND
from planner.planning.hours import hours_source, period_in_force
from planner.trips.hours_display import hours_text
from planner.trips.legs_display import is_lunch_venue
from planner.trips.warnings_display import display_plan


@dataclass(frozen=True)
class SheetPlace:
    slug: str
    kind: str
    name_zh: str
    name_en: str
    lat: float
    lng: float
    url: str | None = None
    address: str = ""
    phone: str = ""
    hours: str = ""
    hours_note: str = ""
    price: str = ""
    price_as_of: str = ""
    is_illustrative: bool = False

    @property
    def name(self) -> str:
        """Both names, as on a bilingual sign."""
        if self.name_zh and self.name_en:
            return f"{self.name_zh} · {self.name_en}"
        return self.name_zh or self.name_en

    @property
    def coordinates(self) -> str:
        return f"{self.lat:.5f}, {self.lng:.5f}"

    @property
    def navigation(self) -> list[dict]:
        return navigation_links(self.name_zh or self.name_en, self.lat, self.lng)


@dataclass(frozen=True)
class SheetStop:
    number: int
    place: SheetPlace
    arrive: dt.datetime
    depart: dt.datetime
    role: str
    suggested: bool
    leg_km: float
    leg_minutes: int
    note: str = ""
    leg_how: str = ""  # lines and modes (planner/exports/legs.py)
    warnings: tuple[str, ...] = ()
    lunch_at: str | None = None  # lunch eaten during this visit, from HH:MM
    lunch_label: str = ""  # "lunch" at a café or restaurant, else "lunch at the site"
    lunch_venue: bool = False  # a café or restaurant (planner/trips/legs_display.py)
    sunset: str | None = None  # outdoor sites: sunset that day


@dataclass(frozen=True)
class SheetDay:
    number: int
    date: dt.date
    start: SheetPlace
    end: SheetPlace
    stops: tuple[SheetStop, ...]
    final_leg_km: float
    final_leg_minutes: int
    overnight: SheetPlace | None
    warnings: tuple[str, ...] = ()
    final_leg_how: str = ""
    return_at: str | None = None
    return_words: str = ""  # "Back at …" or, on a day that ends at a stay, "At the stay by …"


@dataclass(frozen=True)
class Sheet:
    title: str
    url: str
    days: tuple[SheetDay, ...]
    totals: dict
    warnings: tuple[str, ...] = ()
    facts_as_of: dt.date | None = None
    subtitle: str = ""
    unplaced: tuple[str, ...] = ()  # names of stops the plan could not fit in any day

    @property
    def first_date(self) -> dt.date:
        return self.days[0].date

    @property
    def filename_stem(self) -> str:
        name = slugify(self.title) or "huairou-weekend"
        return f"{self.first_date:%Y-%m-%d}-{name}"[:80]


def _price(record, date: dt.date | None = None) -> str:
    period = _period_on(record, date)
    if period is not None and period.ticket_cny is not None:
        return f"¥{period.ticket_cny}"
    low, high = record.price_cny_min, record.price_cny_max
    if low is None:
        return ""
    return f"¥{low}" if high in (None, low) else f"¥{low}–{high}"


def _period_on(record, date: dt.date | None):
    """The seasonal period of a spot in force on the day (periods are prefetched)."""
    periods = getattr(record, "periods", None)
    if date is None or periods is None:
        return None
    return period_in_force(periods.all(), date)


def _hours(record, date: dt.date | None = None) -> str:
    period = _period_on(record, date)
    if period is not None and period.closed:
        return f"{_('closed')} ({period.get_reason_display()})"
    source = hours_source(record, period)
    return hours_text(source.opens, source.closes, source.last_entry)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def load_records(plan: dict) -> dict[tuple[str, str], object]:
    """The current records of every place in the plan: one query per kind."""
    wanted: dict[str, set[str]] = {}
    for day in plan["days"]:
        for place in [day["start"], day["end"], *day["stops"]]:
            wanted.setdefault(place["kind"], set()).add(place["slug"])
    records = {}
    for kind, slugs in wanted.items():
        model = PLACE_MODEL_BY_KIND.get(kind)
        if model is None:
            continue
        queryset = model.objects.filter(slug__in=slugs)
        if kind == "spot":
            queryset = queryset.prefetch_related("periods")
        for record in queryset:
            records[(kind, record.slug)] = record
    return records


def sheet_place(data: dict, records: dict, date: dt.date | None = None) -> SheetPlace:
    record = records.get((data["kind"], data["slug"]))
    base = {
        "slug": data["slug"],
        "kind": data["kind"],
        "name_zh": data["name_zh"],
        "name_en": data["name_en"],
        "lat": data["lat"],
        "lng": data["lng"],
        "url": data.get("url"),
    }
    if record is None:
        return SheetPlace(**base)
    return SheetPlace(
        **base,
        address=record.address_zh or " ".join(filter(None, [record.town_zh, record.village_zh])),
        phone=record.phone,
        hours=_hours(record, date),
        hours_note=record.hours_note,
        price=_price(record, date),
        price_as_of=record.price_as_of or _date(record.last_verified),
        is_illustrative=record.is_illustrative,
    )


def _texts(warnings: list[dict]) -> tuple[str, ...]:
    return tuple(warning["message"] for warning in warnings)


def build_sheet(plan: dict, title: str, url: str, notes: dict[str, str] | None = None,
                subtitle: str = "") -> Sheet:  # fmt: skip
    plan = display_plan(plan)
    records = load_records(plan)
    notes = notes or {}
    days = []
    for day in plan["days"]:
        date = dt.date.fromisoformat(day["date"])
        stops = []
        for index, stop in enumerate(day["stops"]):
            leg = day["legs"][index]
            stops.append(
                SheetStop(
                    number=index + 1,
                    place=sheet_place(stop, records, date),
                    arrive=dt.datetime.combine(date, dt.time.fromisoformat(stop["arrive"])),
                    depart=dt.datetime.combine(date, dt.time.fromisoformat(stop["depart"])),
                    role=stop["role"],
                    suggested=stop["suggested"],
                    leg_km=leg["km"],
                    leg_minutes=leg["minutes"],
                    leg_how=leg_summary(leg),
                    note=notes.get(stop["slug"], ""),
                    warnings=_texts(stop["warnings"]),
                    lunch_at=stop.get("lunch_at") if stop.get("lunch_here") else None,
                    lunch_label=stop.get("lunch_label", ""),
                    lunch_venue=is_lunch_venue(stop),
                    sunset=stop.get("sunset"),
                )
            )
        final = day["legs"][-1]
        days.append(
            SheetDay(
                number=day["number"],
                date=date,
                start=sheet_place(day["start"], records),
                end=sheet_place(day["end"], records),
                stops=tuple(stops),
                final_leg_km=final["km"],
                final_leg_minutes=final["minutes"],
                final_leg_how=leg_summary(final),
                return_at=day["return_at"],
                return_words=day.get("return_words", ""),
                overnight=sheet_place(day["overnight"], records, date)
                if day["overnight"]
                else None,
                warnings=_texts(day["warnings"]),
            )
        )
    verified = [r.last_verified for r in records.values() if getattr(r, "last_verified", None)]
    return Sheet(
        title=title,
        url=url,
        days=tuple(days),
        totals=plan["totals"],
        warnings=_texts(plan["general_warnings"]),
        facts_as_of=max(verified) if verified else None,
        subtitle=subtitle,
        unplaced=tuple(_unplaced_names(plan)),
    )


def _unplaced_names(plan: dict) -> list[str]:
    """Stops set aside by the engine (`unplaced`), named as on a bilingual sign."""
    names = []
    for stop in plan.get("unplaced") or []:
        both = [name for name in (stop.get("name_zh"), stop.get("name_en")) if name]
        names.append(" · ".join(both) or stop.get("slug", ""))
    return names
