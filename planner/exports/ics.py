"""iCalendar (icalendar): one event per stop at its planned time, Beijing time."""

import datetime as dt

from icalendar import Calendar, Event, vGeo

from planner.planning.hours import BEIJING
from planner.untrusted import xml_safe

from .sheet import Sheet


def to_ics(sheet: Sheet, uid_prefix: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Huairou Weekend Planner//huairou//")
    calendar.add("version", "2.0")
    # A calendar's display name is one line: icalendar does not fold X- properties.
    calendar.add("x-wr-calname", " ".join(xml_safe(sheet.title).split()))
    calendar.add("x-wr-timezone", BEIJING.key)
    stamp = dt.datetime.now(dt.UTC)
    for day in sheet.days:
        for stop in day.stops:
            place = stop.place
            event = Event()
            event.add("uid", f"{uid_prefix}-{day.number}-{stop.number}@huairou-weekend")
            event.add("dtstamp", stamp)
            event.add("summary", xml_safe(place.name))
            event.add("dtstart", stop.arrive.replace(tzinfo=BEIJING))
            event.add("dtend", stop.depart.replace(tzinfo=BEIJING))
            event.add("location", xml_safe(place.address or place.name))
            event["geo"] = vGeo((place.lat, place.lng))
            if sheet.url:
                event.add("url", sheet.url)
            details = [f"Day {day.number}, stop {stop.number}", sheet.url]
            if place.phone:
                details.insert(1, place.phone)
            event.add("description", xml_safe("\n".join(filter(None, details))))
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
