"""Snapshots of the main views at 120x40, on a fixed synthetic timeline (stable whatever the pipeline does).

Update after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from conftest import SIZE, quiet_app
from synthetic_timeline import synthetic_timeline


def _app():
    return quiet_app(timeline=synthetic_timeline(60, n_entities=16))


def test_timeline_view(snap_compare):
    assert snap_compare(_app(), press=["j", "j"], terminal_size=SIZE)


def test_comparison_view(snap_compare):
    async def to_a_disputed_event(pilot):
        view = pilot.app.timeline_view
        view.cursor = next(i for i, e in enumerate(view.events) if e.discrepancies and e.silent)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=to_a_disputed_event)


def test_entity_filter(snap_compare):
    assert snap_compare(_app(), press=["tab", "down", "space", "down", "space", "o"], terminal_size=SIZE)


def test_help_screen(snap_compare):
    assert snap_compare(_app(), press=["question_mark"], terminal_size=SIZE)
