"""What a cursor move touches: the two rows whose highlight changes, the detail pane and status line in
the same frame, nothing proportional to the timeline. Pinned by what is rendered, never by timing."""

from __future__ import annotations

from conftest import SIZE, quiet_app, ranked
from synthetic_timeline import synthetic_timeline

from scaletui.tui.widgets.event_detail import EventDetail
from scaletui.tui.widgets.overview_strip import OverviewStrip
from scaletui.tui.widgets.timeline_view import TimelineView, _thumb


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


async def test_a_move_repaints_every_detail_line_that_changed_and_only_those(monkeypatch):
    """The detail pane repaints the lines that differ from the last event's: the edge above stays as it is."""
    app = quiet_app(timeline=synthetic_timeline(100, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        detail = app.detail
        await pilot.press("j")
        await pilot.pause()
        refreshed = _count_calls(monkeypatch, EventDetail, "refresh")
        partial = 0
        for key in "jjjjkkjj":
            before = _drawn(detail)
            refreshed.clear()
            await pilot.press(key)
            after = _drawn(detail)
            assert str(detail.render()).startswith(app.timeline_view.current.shown_span.label(weekday=True))
            if any(not regions for regions in refreshed):
                continue  # the whole pane
            lines = {region.y + detail.styles.gutter.top for (region,) in refreshed}
            assert {y for y, (old, new) in enumerate(zip(before, after)) if old != new} == lines
            assert 0 not in lines  # the edge
            partial += 1
        assert partial >= 6


class _Terminal:
    """What reaches the terminal, cell by cell (character and style): the app's screen updates applied in turn."""

    def __init__(self, width: int, height: int) -> None:
        self.cells = [[(" ", None)] * width for _ in range(height)]

    def apply(self, update, console) -> None:
        from rich.cells import cell_len
        from rich.segment import ControlType

        x = y = 0
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for code in segment.control:
                    if code[0] is ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
            elif segment.text == "\n":
                x, y = 0, y + 1
            else:
                for character in segment.text:
                    if 0 <= y < len(self.cells) and 0 <= x < len(self.cells[y]):
                        self.cells[y][x] = (character, segment.style)
                    x += cell_len(character)


async def test_after_a_fast_run_of_moves_the_screen_shows_what_a_fresh_paint_would(monkeypatch):
    """Each move repaints only what changed (rows, scrollbar, detail lines): nothing stale may stay on screen."""
    app = quiet_app(timeline=synthetic_timeline(300, n_entities=16))
    terminal = _Terminal(*SIZE)
    original = app._display

    def display(screen, renderable) -> None:
        if renderable is not None:
            terminal.apply(renderable, app.console)
        original(screen, renderable)

    monkeypatch.setattr(app, "_display", display)
    async with app.run_test(size=SIZE) as pilot:
        for keys in (["j"] * 45, ["k"] * 12, ["pagedown", "j", "j"], ["G"], ["k"] * 3, ["g"]):
            await pilot.press(*keys)
            await pilot.pause()
            fresh = _Terminal(*SIZE)
            fresh.apply(app.screen._compositor.render_update(full=True), app.console)
            assert terminal.cells == fresh.cells, keys
            assert str(app.detail.render()).startswith(app.timeline_view.current.shown_span.label(weekday=True))


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


def _drawn(widget) -> list[list]:
    """Every line of `widget` as it would go to the screen: each segment's text and style (selection offsets too)."""
    return [list(strip) for strip in widget.render_lines(widget.region.reset_offset)]


async def test_the_detail_pane_draws_an_event_exactly_as_textual_would(monkeypatch):
    """The pane draws an event's text itself (tui/wrapping.py): line breaks, colours and offsets must be Textual's."""
    from textual.widget import Widget

    from scaletui.events.model import Flag

    timeline = synthetic_timeline(40, n_entities=16)
    long_title = "Regulators in 東京 and Brussels opened a formal review of the merger " * 3
    events = sorted(timeline.events, key=lambda e: e.id)
    events[0].annotation.title = long_title  # wraps over every line, wide characters included
    events[1].annotation.note = "checked with the court clerk"
    events[1].annotation.tags = ["court", "follow-up"]
    events[1].annotation.flag = Flag.DISPUTED
    events[2].annotation.title = "x" * 300  # one word longer than the pane: folded
    with_discrepancy = next(e for e in events if e.discrepancies)
    app = quiet_app(timeline=timeline)
    for size in (SIZE, (70, 30)):
        async with app.run_test(size=size) as pilot:
            detail = app.detail
            for event in [*events[:3], with_discrepancy, *events[3:8]]:
                app.timeline_view.reveal(event)
                await pilot.pause()
                ours = _drawn(detail)
                with monkeypatch.context() as textual_only:
                    textual_only.setattr(EventDetail, "render_line", Widget.render_line)
                    textual_only.setattr(EventDetail, "render_lines", Widget.render_lines)
                    detail.refresh()
                    textuals = _drawn(detail)
                assert ours == textuals, event.id
        app = quiet_app(timeline=timeline)


async def test_the_timeline_draws_its_rows_exactly_as_textual_would(monkeypatch):
    """The pane finishes its rows itself (edge, background, line filters): they must be Textual's, segment for segment."""
    from textual.scroll_view import ScrollView

    def textuals(view: TimelineView) -> list[list]:
        with monkeypatch.context() as textual_only:
            textual_only.setattr(TimelineView, "render_lines", ScrollView.render_lines)
            view._styles_cache.clear()
            return _drawn(view)

    for n_events, n_sources, size in ((30, 5, SIZE), (300, 40, (70, 30))):  # rows past the end; source columns as a count
        app = quiet_app(timeline=synthetic_timeline(n_events, n_sources=n_sources, n_entities=16))
        async with app.run_test(size=size) as pilot:
            view = app.timeline_view
            await pilot.press("j", "j")
            await pilot.pause()
            focused = _drawn(view)
            assert focused == textuals(view)
            app.search(view.current.shown_title.split()[0])  # matched rows, a highlighted word
            await pilot.pause()
            assert _drawn(view) == textuals(view)
            app.search(view.current.shown_title)  # a few rows: no scrollbar, the rows as wide as the pane
            await pilot.pause()
            assert _drawn(view) == textuals(view)
            app.search("")
            await pilot.pause()
            assert _drawn(view) == textuals(view)
            app.action_focus_entities()  # the blurred cursor and edge
            await pilot.pause()
            blurred = _drawn(view)
            assert blurred == textuals(view) and blurred != focused


async def test_the_scrollbar_draws_exactly_as_textual_would(monkeypatch):
    """The scrollbar reuses the lines it drew for each piece of the bar: at every thumb position they must be Textual's."""
    from scaletui.tui.widgets.still import StillLines, StillScrollBar

    app = quiet_app(timeline=synthetic_timeline(60, n_entities=16))  # few rows: the thumb moves with most scrolls
    async with app.run_test(size=SIZE) as pilot:
        bar = app.timeline_view.vertical_scrollbar
        seen = set()
        for key in ["j"] * 70 + ["k"] * 30:
            await pilot.press(key)
            ours = _drawn(bar)
            with monkeypatch.context() as textual_only:
                textual_only.setattr(StillScrollBar, "_draw_lines", StillLines._draw_lines)
                bar.refresh()
                assert ours == _drawn(bar), _thumb(bar, bar.position)
            seen.add(_thumb(bar, bar.position))
        assert len(seen) > 10
        assert len(bar._looks[1]) < 3 * 8  # the pieces of a bar are few: most positions drew nothing anew


async def test_a_move_redraws_only_the_timeline_rows_and_the_detail_text(monkeypatch):
    """Textual renders every widget of a repainted pane again; the ones a move leaves alone hand back their lines."""
    from textual._styles_cache import StylesCache

    from scaletui.tui.widgets.status_line import StatusLine

    app = quiet_app(timeline=synthetic_timeline(400, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        await pilot.press(*["j"] * view.scrollable_content_region.height)  # at the bottom: each move scrolls
        await pilot.pause()
        drawn: list[tuple[str, int]] = []
        original = StylesCache.render_widget

        def recording(self, widget, crop):
            drawn.append((type(widget).__name__, crop.height))
            return original(self, widget, crop)

        monkeypatch.setattr(StylesCache, "render_widget", recording)
        bar = view.vertical_scrollbar
        thumb_moves = 0
        for _ in range(4):
            thumb = _thumb(bar, bar.position)
            await pilot.press("j")
            thumb_moves += _thumb(bar, bar.position) != thumb
        # Only the row coming into view is finished (one line at a time), and the scrollbar when its thumb
        # moved (by an eighth of a cell: every few rows here); nothing else is drawn again.
        assert {name for name, _ in drawn} <= {"TimelineView", "StillScrollBar"}
        assert len([name for name, _ in drawn if name == "StillScrollBar"]) <= thumb_moves
        assert all(height == 1 for name, height in drawn if name == "TimelineView")
        assert len([name for name, _ in drawn if name == "TimelineView"]) <= 2 * 4
        # What does change is drawn: the status line after a change to what it says.
        drawn.clear()
        status_before = _drawn(app.query_one(StatusLine))
        app.dirty = True
        await pilot.pause()
        assert ("StatusLine", 1) in drawn and _drawn(app.query_one(StatusLine)) != status_before
        # And the scrollbar, once its thumb moves.
        bar_before = _drawn(view.vertical_scrollbar)
        await pilot.press("G")
        assert _drawn(view.vertical_scrollbar) != bar_before


async def test_a_theme_change_recolours_what_a_move_leaves_alone():
    app = quiet_app(timeline=synthetic_timeline(50, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        widgets = [app.query_one("#status"), app.overview, app.query_one("#legend"), app.sidebar, app.detail]
        before = [_drawn(widget) for widget in widgets]
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        after = [_drawn(widget) for widget in widgets]
        for widget, old, new in zip(widgets, before, after):
            assert old != new, widget
