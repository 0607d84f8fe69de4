"""What a cursor move touches: the two rows whose highlight changes, the detail pane and status line in
the same frame, nothing proportional to the timeline. Pinned by what is rendered, never by timing."""

from __future__ import annotations

from conftest import SIZE, quiet_app, ranked
from synthetic_timeline import synthetic_timeline

from scaletui.tui.widgets.event_detail import EventDetail
from scaletui.tui.widgets.overview_strip import OverviewStrip
from scaletui.tui.widgets.timeline_view import TimelineView


def _count_calls(monkeypatch, cls, name: str) -> list[object]:
    calls: list[object] = []
    original = getattr(cls, name)

    def counting(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, counting)
    return calls


def _cursor_row_on_screen(view: TimelineView) -> bool:
    row = view._row_of_event[view.cursor]
    return int(view.scroll_y) <= row < int(view.scroll_y) + view.scrollable_content_region.height


async def test_moving_back_and_forth_renders_no_row_twice(monkeypatch):
    app = quiet_app(timeline=synthetic_timeline(400, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "k")
        rendered = _count_calls(monkeypatch, TimelineView, "_render_row")
        for _ in range(3):
            await pilot.press("j", "k")
        assert rendered == []  # the highlight is a background over the row's cached text


async def test_a_move_shows_the_new_event_in_the_detail_pane_at_once():
    app = quiet_app(timeline=synthetic_timeline(100, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await pilot.press("j")
            assert str(app.detail.render()).startswith(app.timeline_view.current.shown_span.label(weekday=True))


async def test_moving_back_shows_an_event_as_it_now_is(monkeypatch):
    """The detail pane keeps each event's lines, but never past a change to the event."""
    app = quiet_app(timeline=synthetic_timeline(100, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "k")
        await pilot.press("e")
        await pilot.press(*"checked with the court", "enter")
        await pilot.press("j", "k")
        assert "checked with the court" in str(app.detail.render())
        assert "checked with the court" in "".join(strip.text for strip in app.detail.render_lines(app.detail.region.reset_offset))


async def test_the_detail_pane_shows_the_rank_once_ranking_arrives():
    timeline = synthetic_timeline(80, n_entities=16)  # saved without ranks: ranked in the background
    app = quiet_app(timeline=timeline, key_view=True)
    async with app.run_test(size=SIZE) as pilot:
        await ranked(pilot)
        event = app.timeline_view.current
        assert event.rank and f"rank {event.rank}" in str(app.detail.render())


async def test_scrolling_keeps_the_cursor_on_screen_and_renders_only_rows_coming_into_view(monkeypatch):
    app = quiet_app(timeline=synthetic_timeline(400, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        height = view.scrollable_content_region.height
        await pilot.press(*["j"] * height)  # the cursor is at the bottom: each move scrolls
        rendered = _count_calls(monkeypatch, TimelineView, "_render_row")
        top = int(view.scroll_y)
        for _ in range(5):
            await pilot.press("j")
            assert _cursor_row_on_screen(view)
        assert int(view.scroll_y) > top
        # Each scroll brings one row (or a heading with it) into view; the rest were finished before.
        assert len(rendered) <= 2 * 5
        await pilot.press(*["k"] * (height + 5))
        assert _cursor_row_on_screen(view)


async def test_the_overview_repaints_only_when_the_cursor_changes_bucket(monkeypatch):
    app = quiet_app(timeline=synthetic_timeline(2000, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        overview = app.overview
        repaints = _count_calls(monkeypatch, OverviewStrip, "refresh")
        moves = 20
        await pilot.press(*["j"] * moves)
        cursor_buckets = len({overview._bucket_of(e.shown_span.start) for e in app.timeline_view.events[: moves + 1]})
        assert len(repaints) <= cursor_buckets  # thousands of events over a few dozen buckets: most moves stay in one


async def test_a_theme_change_recolours_the_rows():
    app = quiet_app(timeline=synthetic_timeline(50, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view

        def first_row_styles():
            return [segment.style for segment in view.render_lines(view.region.reset_offset)[0]]

        before = first_row_styles()
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert first_row_styles() != before


async def test_the_detail_pane_names_sources_as_the_timeline_does():
    timeline = synthetic_timeline(30, n_sources=6, n_entities=16)  # two sources share an outlet
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        detail: EventDetail = app.detail
        for source in timeline.sources:
            assert detail._labels[source.id] == timeline.source_label(source.id)
        await pilot.press("j")
        text = str(detail.render())
        assert all(timeline.source_label(s) in text for s in app.timeline_view.current.sources)
