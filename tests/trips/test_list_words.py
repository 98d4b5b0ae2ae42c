"""Lists read as lists in each language: 、 between Chinese items, a comma in English."""

from django.utils import translation

from planner.trips.warnings_display import warning_text


def test_a_holidays_dates_are_listed_as_each_language_lists_them():
    warning = {"code": "holiday_peak", "slug": None, "day": None,
               "params": {"holiday": "National Day", "dates": ["2027-10-02", "2027-10-03"],
                          "advice": ["go_early"]}}  # fmt: skip
    with translation.override("zh-hans"):
        chinese = warning_text(warning, {}, "zh-hans")
    with translation.override("en"):
        english = warning_text(warning, {}, "en")
    assert "2027-10-02、2027-10-03" in chinese and "国庆节" in chinese
    assert "2027-10-02, 2027-10-03" in english


def test_a_date_a_fact_holds_at_reads_naturally_in_chinese():
    with translation.override("zh-hans"):
        assert translation.gettext("as of %(date)s") % {"date": "2022"} == "截至 2022"
