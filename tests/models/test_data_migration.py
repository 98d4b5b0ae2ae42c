"""Migration 0006 keeps an existing database's facts: JSON sources, highlights and notes
become rows and bilingual fields (production data is not reloaded from the fixture)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("planner", "0005_spatial_indexes")]


@pytest.mark.django_db(transaction=True)
def test_json_sources_and_highlights_become_rows():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    old.get_model("planner", "ScenicSpot").objects.create(
        slug="migrated-spot",
        name_zh="迁移",
        sources=["https://example.org/a", "github-file-id:123"],
        highlights=[
            {
                "months": [4],
                "text_zh": "花",
                "text_en": "Blossom",
                "source": "https://example.org/h",
            }
        ],  # fmt: skip
        hours_note="Open daily",
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    from planner.models import ScenicSpot

    spot = ScenicSpot.objects.get(slug="migrated-spot")
    assert [(s.url, s.title) for s in spot.sources.all()] == [
        ("https://example.org/a", "example.org"),
        ("", "Research reference"),
    ]
    assert spot.sources.get(url="").editor_ref == "github-file-id:123"
    (highlight,) = spot.highlights.all()
    assert (highlight.months, highlight.text_en, highlight.source_url) == (
        [4],
        "Blossom",
        "https://example.org/h",
    )
    assert spot.hours_note_en == "Open daily"
