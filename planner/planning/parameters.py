"""Every number the travel and schedule models use, in one place, with its evidence.

Sources are the `road_speeds` and `travel_facts` of data/huairou.json; `bench/
plan_bench.py` prints the model's error against the sourced drive times. Confidence
letters follow the dataset: H official/two sources, M one source, L general knowledge.
"""

# --- Zones (by latitude/longitude; the district is ~40.2–41.1 N, 116.2–117.0 E) ----------
# South of the district: central Beijing, reached over the Jingcheng Expressway.
CITY_LAT_MAX = 40.2
# North of ~40.7 N the roads are narrow township roads (Labagou, Tanghekou side valleys).
REMOTE_LAT_MIN = 40.7
# North of ~40.45 N (the G111 valley beyond Yanqi Lake) and west of ~116.45 E (Xiangshuihu,
# Huanghuacheng, Jiankou) the roads climb through mountain valleys.
MOUNTAIN_LAT_MIN = 40.45
MOUNTAIN_LNG_MAX = 116.45

# --- Road distance ------------------------------------------------------------------------
# Road km ≈ straight-line km × circuity. Central Beijing → Mutianyu: 70–73 road km (H) for
# ~56 km straight (×1.28); → Huanghuacheng 65–70 km (H) for ~54 km (×1.25); → Labagou
# 150–160 km (H) for ~112 km (×1.38, mostly mountain road).
CIRCUITY = {"expressway": 1.3, "plain": 1.3, "mountain": 1.4, "remote": 1.4}

# --- Speeds (km/h over road km, door to door) ----------------------------------------------
SPEED_KMH = {
    # Jingcheng Expressway 80–100 km/h off-peak (L), but door to door from the city the
    # sourced trips give ~55: Mutianyu "typical drive 90 min" (M, 2025) for ~72 road km.
    "expressway": 55,
    # Township roads around Huairou town, Yanqi Lake, Hongluo and Mutianyu: the lower bound
    # of the G111 band (40–50 km/h, M); no separate source.
    "plain": 40,
    # G111 valley sections north of Yanqi Lake: Yanqi Lake → Tanghekou ~30 km in ~50 min
    # (M, implied 36 km/h).
    "mountain": 36,
    # Narrow township/village mountain roads: 25–35 km/h (M; legal caps 30–40 km/h).
    "remote": 30,
}
# Minutes per leg for setting off and parking (general knowledge, L).
LEG_OVERHEAD_MINUTES = 5
# Parking + walk/shuttle at big sites: 20–30 min (M; Mutianyu's shuttle ~5–10 min on top of
# parking and walking). Applied on arrival, by A-level rating.
ACCESS_MINUTES_BY_RATING = {"5A": 25, "4A": 20}
ACCESS_MINUTES_DEFAULT = 5

# --- Transit ---------------------------------------------------------------------------
# Express bus 916快 Dongzhimen → Huairou town: 60–70 min (M, 2015); runs 05:50–19:50 (M).
# Beijing North → Yanqihu on S5: the 144.6 km line (H) takes 135 min end to end (M, 2019),
# ~64 km/h; its track is ~1.36× the straight line (144.6 km for ~106 km straight).
TRANSIT_LINES = {
    "dongzhimen": {"hub": "huairou-town", "minutes": 65, "label": "916快"},
    "beijing-north-station": {"hub": "yanqihu-station", "kmh": 64, "circuity": 1.36, "label": "S5"},
}
# Waiting for a bus or the next train (frequency not in the sources; L).
TRANSIT_WAIT_MINUTES = 10
# Between places by taxi or minibus from the hub (≤ ¥15 per person from Huairou, M 2015):
# car speed plus the time to find one (L).
TAXI_WAIT_MINUTES = 15
# Farther than this straight-line from a transit hub a place is impractical without a car
# (taxis return empty; buses like H25 wait up to ~1 h, M).
TRANSIT_PRACTICAL_KM = 30
TRANSIT_HUBS = ("huairou-town", "yanqihu-station")

# --- Schedule ----------------------------------------------------------------------------
PACE_FACTOR = {"relaxed": 1.25, "normal": 1.0, "packed": 0.75}
# Typical visit when the record has none: a planning convention (the dataset's own:
# half day = 240, full day = 360), shown as an estimate.
DEFAULT_VISIT_MINUTES = {"spot": 120, "village": 60, "poi": 60, "cafe": 45, "homestay": 30}
LUNCH_EARLIEST = (11, 30)
LUNCH_LATEST = (13, 30)
LUNCH_MINUTES = {"relaxed": 75, "normal": 60, "packed": 40}
# A lunch venue is worth the detour only if it adds at most this many minutes of driving.
LUNCH_MAX_DETOUR_MINUTES = 25
DAY_END_WARNING = (20, 0)
LONG_LEG_MINUTES = 120

# --- Optimisation ------------------------------------------------------------------------
EXACT_MAX_STOPS = 8
