"""Snapshots of the main views at 120x40 and 80x24, on a fixed synthetic timeline (stable whatever the pipeline does).

Update after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from conftest import SIZE, cursor_rested, quiet_app, ranked
from synthetic_timeline import synthetic_timeline

SMALL = (80, 24)


def _app(key_view: bool = False):
    return quiet_app(timeline=synthetic_timeline(60, n_entities=16), key_view=key_view)


def _keys(*keys: str):
    async def run(pilot):
        await ranked(pilot)
        await cursor_rested(pilot)
        await pilot.press(*keys)
        await cursor_rested(pilot)

    return run


async def _to_a_disputed_event(pilot):
    await ranked(pilot)
    await cursor_rested(pilot)
    view = pilot.app.timeline_view
    view.cursor = next(i for i, e in enumerate(view.events) if e.discrepancies and e.silent)
    await pilot.press("enter")
    await pilot.pause()


def test_key_view(snap_compare):
    assert snap_compare(_app(key_view=True), terminal_size=SIZE, run_before=_keys("j", "j"))


def test_key_view_small(snap_compare):
    assert snap_compare(_app(key_view=True), terminal_size=SMALL, run_before=_keys("j", "j"))


def test_timeline_view(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_keys("j", "j"))


def test_timeline_view_small(snap_compare):
    assert snap_compare(_app(), terminal_size=SMALL, run_before=_keys("greater_than_sign"))


def test_comparison_view(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_to_a_disputed_event)


def test_comparison_view_small(snap_compare):
    assert snap_compare(_app(), terminal_size=SMALL, run_before=_to_a_disputed_event)


def test_entity_filter(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_keys("tab", "down", "space", "down", "space", "o"))


def test_help_screen(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_keys("question_mark"))
