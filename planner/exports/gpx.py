"""GPX 1.1 (gpxpy): a waypoint per stop and a route per day, names in both languages."""

import datetime as dt

import gpxpy.gpx

from planner.planning.hours import BEIJING
from planner.untrusted import xml_safe

from .sheet import Sheet


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=BEIJING).astimezone(dt.UTC)


def to_gpx(sheet: Sheet) -> str:
    gpx = gpxpy.gpx.GPX()
    gpx.name = xml_safe(sheet.title)
    gpx.description = xml_safe(sheet.url)
    gpx.creator = "Huairou Weekend Planner"
    for day in sheet.days:
        route = gpxpy.gpx.GPXRoute(name=f"Day {day.number} · {day.date:%Y-%m-%d}")
        route.points.append(gpxpy.gpx.GPXRoutePoint(day.start.lat, day.start.lng,
                                                    name=xml_safe(day.start.name)))  # fmt: skip
        for stop in day.stops:
            place = stop.place
            description = f"{stop.arrive:%H:%M}–{stop.depart:%H:%M}"
            if place.address:
                description += f" · {place.address}"
            gpx.waypoints.append(
                gpxpy.gpx.GPXWaypoint(
                    place.lat,
                    place.lng,
                    time=_utc(stop.arrive),
                    name=xml_safe(place.name),
                    description=xml_safe(description),
                    comment=f"Day {day.number}, stop {stop.number}",
                    type=place.kind,
                )
            )
            route.points.append(
                gpxpy.gpx.GPXRoutePoint(place.lat, place.lng, name=xml_safe(place.name))
            )
        route.points.append(
            gpxpy.gpx.GPXRoutePoint(day.end.lat, day.end.lng, name=xml_safe(day.end.name))
        )
        gpx.routes.append(route)
    return gpx.to_xml(version="1.1")
