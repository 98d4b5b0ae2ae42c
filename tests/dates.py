"""Trip dates for tests that save plans: saving refuses a first day in the past, so a test
that needs "a Saturday in October" gets the next one, not a fixed year."""

import datetime as dt


def next_saturday_from(month: int, day: int) -> str:
    """The first Saturday on or after the next `month`-`day` still to come (ISO)."""
    today = dt.date.today()
    year = today.year if (month, day) > (today.month, today.day) else today.year + 1
    date = dt.date(year, month, day)
    while date.weekday() != 5:
        date += dt.timedelta(days=1)
    return date.isoformat()


OCTOBER_SATURDAY = next_saturday_from(10, 10)


def pin_today(monkeypatch, iso: str) -> None:
    """Make `iso` today for plan requests (the earliest first day they accept), for a test that
    needs a fixed date such as a holiday already past."""
    day = dt.date.fromisoformat(iso)
    monkeypatch.setattr("planner.trips.requests.today", lambda: day)
    pin_now(monkeypatch, dt.datetime.combine(day, dt.time(6, 0)))


def pin_now(monkeypatch, moment: dt.datetime) -> None:
    """Make `moment` the time in Huairou for plan requests (today's date and the hour)."""
    from django.utils import timezone

    local = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
    monkeypatch.setattr("planner.trips.requests.today", lambda: local.date())
    monkeypatch.setattr("planner.trips.requests.now", lambda: local)
