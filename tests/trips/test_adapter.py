from planner.caching.content_version import bump_content_version
from planner.trips import adapter


def test_a_new_content_version_swaps_the_candidate_cache_without_emptying_the_old(huairou):
    first = adapter.planning_candidates()
    held = adapter.planning_candidates.held  # what a concurrent request may be reading
    assert adapter.planning_candidates() is first
    bump_content_version()
    second = adapter.planning_candidates()
    assert second is not first and second.homestays == first.homestays
    assert [c is first for c in held.values()] == [True]  # swapped, not cleared and refilled


def test_transit_hubs_are_swapped_the_same_way(huairou):
    first = adapter.transit_hubs()
    held = adapter.transit_hubs.held
    bump_content_version()
    assert adapter.transit_hubs() == first
    assert [h is first for h in held.values()] == [True]
