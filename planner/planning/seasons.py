"""When a place is at its best: its sourced months, or else its seasons."""

SEASON_MONTHS = {
    "spring": (3, 4, 5),
    "summer": (6, 7, 8),
    "autumn": (9, 10, 11),
    "winter": (12, 1, 2),
}


def in_season(best_months, seasons, month: int) -> bool | None:
    """True/False against best months (or seasons); None when nothing is sourced."""
    if best_months:
        return month in best_months
    if seasons:
        return any(month in SEASON_MONTHS.get(season, ()) for season in seasons)
    return None
