"""Every number the travel and schedule models use, in one place, with its evidence.

Confidence letters follow the dataset: H official/two sources, M one source, L general
knowledge.
"""

# Every source below is recorded with its URL in data/roads/ (network.json per edge,
# transit.json per line, trips.json per trip). `bench/plan_bench.py` prints the model's error
# on the calibration and hold-out trips separately.

# --- Road network (planner/planning/roads.py) ----------------------------------------------
# Average driving speed by road class, km/h, junctions and lights included.
ROAD_SPEED_KMH = {
    # Central Beijing ring roads and streets: network average 35.1 km/h on an ordinary
    # evening (Beijing traffic police, 京华时报 2013-09-21).
    "urban": 32,
    # G45 Jingcheng: phase 1 designed for 80 km/h, phase 2 for 120 (词条 京承高速公路);
    # 80–100 off-peak (notes, L).
    "expressway": 85,
    # 会都路, 京密路, 北台路: urban expressway designed for 80–100 km/h with lights (17car 2011).
    "arterial": 50,
    # 京密路 and other radial roads out of Beijing: same design and lights as the arterials.
    "radial": 50,
    # G111 between the Kaifang and Yanqi roundabouts: two-lane national road with lights.
    "national": 45,
    # G111 河防口–汤河口, rebuilt as four lanes designed for 60 km/h; travel time cut by a
    # third to a half (newton.com.tw).
    "g111_rebuilt": 55,
    # G111 汤河口–市界, four lanes designed for 80 km/h, 60 at both ends (workerbj 2014,
    # 17car 2011).
    "g111_phase2": 62,
    # County roads (怀黄路, 怀长路): two lanes, posted 70 at most (regulations, M).
    "county": 45,
    # Mountain valley roads (范崎路, 慕田峪–响水湖, 白河谷道): Yanqi Lake → Tanghekou "30 km in
    # about 50 min" on a secondary mountain road (keepto, M) is 36 km/h.
    "mountain": 36,
    # Village roads without a centre line: legal cap 40, 30 on curves and narrow sections (M).
    "village": 30,
}
# Road km per straight-line km on edges whose length no source gives: calibrated on the
# calibration trips only (data/roads/trips.json) and checked on the hold-out set.
ROAD_CIRCUITY = {
    "urban": 1.25,
    "expressway": 1.05,
    "arterial": 1.2,
    "radial": 1.2,
    "national": 1.2,
    "g111_rebuilt": 1.1,
    "g111_phase2": 1.3,
    "county": 1.3,
    "mountain": 1.35,
    "village": 1.35,
}
# A place joins the network at its nearest junctions by a short local road.
LOCAL_CIRCUITY = 1.25
LOCAL_SPEED_KMH = 30  # village and access roads: legal caps 30–40 km/h (M)
ATTACH_NODES = 2  # the nearest junctions a place may join at
# The second junction only when it is about as near as the first: a place 1 km from one
# junction does not also reach one 13 km away across a ridge by a "local road".
ATTACH_SECOND_RATIO = 1.5
ATTACH_SECOND_SLACK_KM = 1.0
# Nearer than this (straight line) two places may be joined by a local road directly, when
# the land allows it: both on the plain, at the same junction or on the same road (roads.py).
DIRECT_LOCAL_KM = 8
# Anywhere, two points this near are joined directly (a village and its fields; in the
# mountains two such points can still lie in two valleys, a limit of a graph of corridors).
SAME_VILLAGE_KM = 3
# In the mountains a place joins a junction directly only if it is no farther than its
# nearest road (plus this much): otherwise it joins by that road.
MOUNTAIN_NODE_SLACK_KM = 0.5
# Minutes per leg for setting off and parking (general knowledge, L).
LEG_OVERHEAD_MINUTES = 5
# Parking + walk/shuttle at big sites: 20–30 min (M; Mutianyu's shuttle ~5–10 min on top of
# parking and walking, beijing-kids 2014). Applied on arrival, by A-level rating.
ACCESS_MINUTES_BY_RATING = {"5A": 25, "4A": 20}
ACCESS_MINUTES_DEFAULT = 5

# --- Traffic (planner/planning/traffic.py) -------------------------------------------------
# Factors on the minutes of city streets and the expressway (where the sources place the
# queues: 京承 main toll station, 来广营, 吉祥寺桥) and, on public holidays, of the district's
# roads (traffic.HOLIDAY_CLASSES, `holiday_other`; on a holiday's first mornings the approach
# roads to the sights as slow as the expressway, traffic.APPROACH_CLASSES).
# Outbound = leaving Beijing, inbound = returning.
TRAFFIC_FACTOR = {
    # Ordinary weekend: 916快 queues and extra buses on weekend mornings (pixnet 2014);
    # "weekend/holiday peaks: add 30–50 % or more" (notes, L).
    "weekend_outbound_morning": 1.3,  # Saturday/Sunday 07:00–11:00 leaving Beijing
    "weekend_inbound_afternoon": 1.35,  # Sunday 15:00–20:00 returning
    # Public holidays: outbound peak 08:00–11:00 on the first days (交管 forecast 2022,
    # ifib.cn); 916快 took 2.5 h instead of 60–70 min on May Day (ytscq); Sanyuanqiao →
    # Huairou sights 4 h on May Day (北京日报 2021-10-04); 07:30 → 13:30 to Qinglong Gorge on
    # 1 May (8686.online).
    "holiday_outbound_morning": 2.5,
    # Return peak 16:00–20:00 on the last days (交管 forecast 2017, 2022).
    "holiday_inbound_afternoon": 1.6,
    # Any other hour of a holiday: G111 "scenic sections under pressure" (ifib 2022); its
    # outbound mornings also meet the weekend factor above on the way out (traffic.py).
    "holiday_other": 1.15,
    # Workday commuter peaks, inbound 07:00–09:00 and both ways 17:00–19:00 (交管 2017, L;
    # the 916 back to Dongzhimen in the evening peak, chrisgodman 2017).
    "workday_peak": 1.3,
}
# Hours (start inclusive, end exclusive) of the peaks above.
OUTBOUND_MORNING_HOURS = (7, 11)
INBOUND_AFTERNOON_HOURS = (15, 20)
WORKDAY_MORNING_PEAK = (7, 9)
WORKDAY_EVENING_PEAK = (17, 19)
# A leg counts as outbound/inbound when it ends this much farther from/nearer to Dongzhimen.
TRAFFIC_DIRECTION_KM = 10

# --- Transit (planner/planning/transit.py; timetables in data/roads/transit.json) ---------
# A taxi you can hail: within this many road km of Huairou town (drivers wait at the 916
# stops; ≤ ¥15 per person to Mutianyu, jtkatie 2015). Beyond, taxis do not cruise.
TAXI_CRUISE_KM = 25
# Waiting for a hailed taxi (L).
TAXI_WAIT_MINUTES = 10
# Farther than this by road from Huairou town, a car booked in advance is the only way
# without one's own car, and farther still the plan is impractical without a car.
BOOKED_CAR_MAX_KM = 60
# A local bus runs this much slower than a free-flowing car on the same roads (stops, village
# loops): fitted on the calibration trips' H-line rides (trips 46, 59, 61, 92, 94: H23 26–30
# min where a car takes 18, H14/H21 60–90 where it takes 52; trip 76, a holiday H14 ride,
# 75); 1.3 before, a general guess.
BUS_SLOWDOWN = 1.5
# Minimum minutes to change between a line and the next one (L).
TRANSFER_MINUTES = 5
TRANSIT_HUBS = ("huairou-town", "yanqihu-station")
# Without a car, two places this near by road are walked between, at a village pace (L).
WALK_MAX_KM = 1.5
WALK_KMH = 4
# A place this near a local line's stop is served by it without a walk (the stop itself).
AT_THE_STOP_KM = 0.3

# --- Schedule ----------------------------------------------------------------------------
PACE_FACTOR = {"relaxed": 1.25, "normal": 1.0, "packed": 0.75}
# Typical visit when the record has none: a planning convention (the dataset's own:
# half day = 240, full day = 360), shown as an estimate.
DEFAULT_VISIT_MINUTES = {
    "spot": 120, "village": 60, "poi": 60, "cafe": 45, "restaurant": 60, "homestay": 30,
}  # fmt: skip
DEFAULT_VISIT_MINUTES_OTHER = 60
# The day window: leave no earlier than 07:00 (default 08:00); back by 21:00 by default.
EARLIEST_DAY_START = (7, 0)
DEFAULT_DAY_START = (8, 0)
LATEST_DAY_START = (12, 0)
EARLIEST_DAY_END = (15, 0)
DEFAULT_DAY_END = (21, 0)
LATEST_DAY_END = (22, 0)
# A weekend trip: up to three days (a long weekend or a public holiday).
MAX_TRIP_DAYS = 3
# Lunch is eaten between 11:00 and 14:00: it starts at 11:00 at the earliest and ends by 14:00.
LUNCH_EARLIEST = (11, 0)
LUNCH_LATEST = (14, 0)
# Eaten during a long visit, lunch starts at noon when the visit allows it.
LUNCH_PREFERRED = (12, 0)
LUNCH_MINUTES = {"relaxed": 75, "normal": 60, "packed": 40}
# A lunch venue is worth the detour only if it adds at most this many minutes of driving.
LUNCH_MAX_DETOUR_MINUTES = 25
LUNCH_VENUES_TRIED = 4
LONG_LEG_MINUTES = 120
# The last bus or train home is worth a warning only when the plan leaves within this margin.
LAST_DEPARTURE_MARGIN_MINUTES = 60
# Hours unknown: the planner assumes these (a stated default, said in an `hours_assumed`
# warning). Most Huairou sites keep winter hours Nov–Mar and summer hours Apr–Oct.
ASSUMED_HOURS_WINTER = ((8, 0), (17, 0))
ASSUMED_HOURS_SUMMER = ((8, 0), (18, 0))
WINTER_MONTHS = (11, 12, 1, 2, 3)
# Visits shorter than this share of their usual length are not worth the ticket.
SHORTEST_VISIT_SHARE = 0.5

# --- Optimisation ------------------------------------------------------------------------
EXACT_MAX_STOPS = 8
# Trips cut into days: penalty per minute of imbalance between the longest and shortest day
# (travel still dominates: a day is worth shortening only if travel barely grows).
DAY_BALANCE_WEIGHT = 0.1
OVERNIGHT_ALTERNATIVES = 3
# A second night where the first was spent, unless another stay saves more road than this:
# checking out, packing and checking in again cost a visitor the best part of an hour, which is
# worth about 20 km of valley road (the G111 and township roads run at 40–60 km/h).
STAY_AGAIN_DETOUR_KM = 20.0
# Rounds of moving single stops between days after the tour is cut (each applies one move).
RELOCATE_ROUNDS = 4
