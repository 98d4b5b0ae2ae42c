"""Print real plans as a local guide would read them: each season × car/transit × 1–3 days.

Reads the committed fixtures (fixtures/huairou.json) directly, no database: the places a
visitor can pick, the stays and lunch venues the planner may add. Prints, asserts nothing.

Run: .venv/bin/python bench/guide_read.py [--season autumn] [--transport car] [--days 2]
"""

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.planning import (  # noqa: E402
    Candidates,
    Kind,
    OpeningPeriod,
    PlaceInfo,
    PlanRequest,
    Role,
    Transport,
    make_plan,
)

KINDS = {
    "scenicspot": Kind.SPOT, "homestay": Kind.HOMESTAY, "villagecafe": Kind.CAFE,
    "village": Kind.VILLAGE, "pointofinterest": Kind.POI, "startpoint": Kind.START,
}  # fmt: skip
# A Saturday in each season; the National Day week is a public holiday on purpose.
SEASONS = {"spring": dt.date(2027, 4, 17), "summer": dt.date(2027, 7, 17),
           "autumn": dt.date(2026, 10, 3), "winter": dt.date(2026, 12, 19)}  # fmt: skip


def _time(value):
    return dt.time.fromisoformat(value) if value else None


def load():
    records = json.loads((ROOT / "fixtures" / "huairou.json").read_text(encoding="utf-8"))
    places, routes, periods = {}, {}, {}
    for record in records:
        if record["model"] == "planner.openingperiod":
            fields = record["fields"]
            periods.setdefault(fields["spot"][0], []).append(OpeningPeriod(
                (fields["start_month"], fields["start_day"]),
                (fields["end_month"], fields["end_day"]),
                _time(fields["opens"]), _time(fields["closes"]), _time(fields["last_entry"]),
                fields["closed"], fields["reason"], fields["ticket_cny"],
            ))  # fmt: skip
    for record in records:
        model, fields = record["model"].split(".")[1], record["fields"]
        if model == "routestop":
            target = next(fields[k][0] for k in ("spot", "homestay", "cafe", "village", "poi")
                          if fields.get(k))  # fmt: skip
            if not fields["is_optional"]:
                routes.setdefault(fields["route"][0], []).append((fields["day"], target))
            continue
        if model not in KINDS or fields.get("latitude") is None:
            continue
        places[fields["slug"]] = PlaceInfo(
            slug=fields["slug"], kind=KINDS[model], name_zh=fields["name_zh"],
            name_en=fields.get("name_en") or "", lat=float(fields["latitude"]),
            lng=float(fields["longitude"]), opens=_time(fields.get("opens")),
            closes=_time(fields.get("closes")), last_entry=_time(fields.get("last_entry")),
            visit_minutes=fields.get("visit_minutes"), price_cny_min=fields.get("price_cny_min"),
            best_months=tuple(fields.get("best_months") or ()), rating=fields.get("rating") or "",
            outdoor=bool(fields.get("outdoor")), category=fields.get("category") or "",
            closed_weekdays=tuple(fields.get("closed_weekdays") or ()),
            lodging_kind=fields.get("lodging_kind") or "",
            periods=tuple(periods.get(fields["slug"], ())),
        )  # fmt: skip
    return places, routes


def print_plan(plan, title):
    print(f"\n=== {title}")
    for day in plan.days:
        print(f"  Day {day.number} {day.date} leave {day.leave:%H:%M} from {day.start.name_en}")
        for leg, stop in zip(day.legs, day.stops, strict=False):
            what = {Role.LUNCH: "LUNCH at", Role.LUNCH_BREAK: "LUNCH BREAK near"}.get(stop.role, "")
            extra = []
            if stop.lunch_at and stop.role == Role.VISIT:
                extra.append(f"lunch {stop.lunch_at:%H:%M}")
            if stop.sunset:
                extra.append(f"sunset {stop.sunset:%H:%M}")
            if stop.hours_assumed:
                extra.append("hours assumed")
            print(f"    ↓ {leg.km:5.1f} km {leg.minutes:3d} min")
            print(f"    {stop.arrive:%H:%M}–{stop.depart:%H:%M} {what} {stop.place.name_en[:40]}"
                  f"{'  (' + ', '.join(extra) + ')' if extra else ''}")  # fmt: skip
        final = day.legs[-1]
        night = f"night at {day.overnight.name_en}" if day.overnight else f"back {day.end.name_en}"
        print(f"    ↓ {final.km:5.1f} km {final.minutes:3d} min → {day.back:%H:%M} {night}")
    for item in plan.unplaced:
        print(
            f"  UNPLACED {item.slug}: {item.reason}, suggest {item.suggestion} {item.other or ''}"
        )
    for warning in plan.warnings:
        print(f"  ! {warning.code} {warning.slug or ''} day={warning.day} {warning.params}")
    totals = plan.totals
    print(f"  totals: {totals.km} km, {totals.travel_minutes} min, tickets ¥{totals.tickets_cny}"
          f" (+{totals.unknown_ticket_prices} unknown), lodging ¥{totals.lodging_cny}"
          f" (+{totals.unknown_lodging_prices} unknown)")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--season", choices=list(SEASONS))
    parser.add_argument("--transport", choices=[t.value for t in Transport])
    parser.add_argument("--days", type=int, choices=(1, 2, 3))
    args = parser.parse_args()
    places, routes = load()
    starts = {"dongzhimen", "beijing-north-station", "yanqihu-station", "huairou-town"}
    hubs = {slug: places[slug] for slug in ("huairou-town", "yanqihu-station")}
    candidates = Candidates(
        homestays=tuple(p for p in places.values() if p.kind == Kind.HOMESTAY),
        lunch_venues=tuple(p for p in places.values() if p.kind == Kind.CAFE),
    )
    issue = [places[slug] for slug in ("shengquan-mountain", "labagou-primeval-forest",
             "xiangshuihu-great-wall", "baiquan-mountain", "erguotou-liquor-museum")]  # fmt: skip
    plan = make_plan(PlanRequest(start=places["dongzhimen"], date=SEASONS["autumn"],
                                 stops=tuple(issue), pace="relaxed"), candidates, hubs)  # fmt: skip
    print_plan(plan, "issue 14's day: 1 day, relaxed, five stops")
    for season, date in SEASONS.items():
        if args.season and season != args.season:
            continue
        stops = [places[slug] for _day, slug in routes.get(season, []) if slug in places]
        stops = [s for s in stops if s.kind != Kind.HOMESTAY and s.slug not in starts]
        preferred = {slug: day for day, slug in routes.get(season, [])}
        for transport in Transport:
            if args.transport and transport != args.transport:
                continue
            for days in (1, 2, 3):
                if args.days and days != args.days:
                    continue
                request = PlanRequest(
                    start=places["dongzhimen"], date=date, stops=tuple(stops), days=days,
                    transport=transport, preferred_days=preferred,
                )  # fmt: skip
                plan = make_plan(request, candidates, hubs)
                print_plan(plan, f"{season} route · {transport} · {days} day(s) · {date}")


if __name__ == "__main__":
    main()
