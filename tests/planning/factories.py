"""Engine inputs for tests: plain dataclasses, no database."""

import datetime as dt

from planner.planning import PlaceInfo, PlanRequest

DONGZHIMEN = PlaceInfo("dongzhimen", "start", "东直门", "Dongzhimen", 39.9408, 116.4353)
HUAIROU_TOWN = PlaceInfo("huairou-town", "start", "怀柔城区", "Huairou town", 40.325, 116.633)
YANQIHU = PlaceInfo("yanqihu-station", "start", "雁栖湖站", "Yanqihu station", 40.4, 116.69)
HUBS = {"huairou-town": HUAIROU_TOWN, "yanqihu-station": YANQIHU}


def spot(slug, lat, lng, **fields) -> PlaceInfo:
    defaults = {"kind": "spot", "name_zh": slug, "name_en": slug.title(), "visit_minutes": 90}
    return PlaceInfo(slug=slug, lat=lat, lng=lng, **{**defaults, **fields})


def cafe(slug, lat, lng, **fields) -> PlaceInfo:
    return spot(slug, lat, lng, kind="cafe", visit_minutes=None, **fields)


def homestay(slug, lat, lng, **fields) -> PlaceInfo:
    return spot(slug, lat, lng, kind="homestay", visit_minutes=None, **fields)


def request(stops, **fields) -> PlanRequest:
    defaults = {"start": DONGZHIMEN, "date": dt.date(2026, 10, 10), "stops": tuple(stops)}
    return PlanRequest(**{**defaults, **fields})


MUTIANYU = spot("mutianyu", 40.4317, 116.5651, rating="5A", visit_minutes=150,
                opens=dt.time(7, 30), closes=dt.time(18, 0))  # fmt: skip
HONGLUO = spot("hongluo", 40.3749, 116.6222, rating="4A", visit_minutes=180,
               opens=dt.time(8, 30), closes=dt.time(17, 0), last_entry=dt.time(16, 0))  # fmt: skip
YANQI = spot("yanqi", 40.3981, 116.6873, rating="4A", visit_minutes=180)
QINGLONG = spot("qinglong", 40.4729, 116.6645, rating="4A", visit_minutes=240)
SHENGQUAN = spot("shengquan", 40.3734, 116.5758, visit_minutes=90,
                 opens=dt.time(7, 0), closes=dt.time(17, 0))  # fmt: skip
LABAGOU = spot("labagou", 40.9489, 116.516, visit_minutes=360,
               opens=dt.time(7, 30), closes=dt.time(17, 30), last_entry=dt.time(16, 0))  # fmt: skip
