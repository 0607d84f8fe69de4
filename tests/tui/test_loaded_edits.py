"""A saved timeline opened in the app: a loaded file's equal dates are one value shared by its events,
so correcting one event's date in the app must leave every other event on that date as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import SIZE, quiet_app, save_done
from synthetic_timeline import synthetic_timeline

from scaletui.events.store import dumps_timeline, load_timeline


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def fill(pilot, text: str) -> None:
    pilot.app.focused.value = text
    await pilot.pause()


async def test_correcting_a_date_in_the_app_changes_that_event_only(tmp_path: Path):
    path = tmp_path / "saved.toml"
    path.write_text(dumps_timeline(synthetic_timeline(40, n_entities=12, seed=5)), encoding="utf-8")
    timeline = load_timeline(path)
    dates = [event.span for event in timeline.events]
    edited = next(event for n, event in enumerate(timeline.events) if event.span in dates[:n] + dates[n + 1 :])
    alike = [event for event in timeline.events if event is not edited and event.span == edited.span]
    assert alike
    before = {event.id: (event.span.model_copy(), [s.span.model_copy() for s in event.statements]) for event in timeline.events}

    app = quiet_app(timeline=timeline, timeline_path=path)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        view.cursor = next(n for n, event in enumerate(view.events) if event is edited)
        await pilot.pause()
        await pilot.press("d")
        await type_text(pilot, "2019-03-04")
        await pilot.press("enter")
        await pilot.press("e")
        await fill(pilot, "dated by the filing")
        await pilot.press("enter")
        await pilot.pause()
        assert edited.shown_span.start == date(2019, 3, 4)
        assert all(event.shown_span == before[event.id][0] and event.annotation.empty for event in alike)
        await pilot.press("ctrl+s")
        await save_done(pilot)
        assert not app.dirty

    reopened = load_timeline(path)
    annotated = [event for event in reopened.events if not event.annotation.empty]
    assert [event.id for event in annotated] == [edited.id]
    assert annotated[0].annotation.note == "dated by the filing" and annotated[0].annotation.span.start == date(2019, 3, 4)
    for event in reopened.events:  # every event's and statement's own date as it was
        assert (event.span, [s.span for s in event.statements]) == before[event.id]
    assert dumps_timeline(reopened) == path.read_text(encoding="utf-8")
