"""Issue 8 through the keys: the key view and its folds, the overview strip, disagreements and marks one
key away, search over notes/tags/disagreements narrowing live, the detail pane, and any terminal size."""

from __future__ import annotations

from conftest import SIZE, cursor_rested, quiet_app, ranked
from screen_text import screen_text
from synthetic_timeline import synthetic_timeline

from scaletui.events.model import Claim, Discrepancy, Event, Source
from scaletui.tui.marks import has_real_disagreement
from scaletui.tui.widgets.overview_strip import LABEL_WIDTH, OverviewStrip
from scaletui.tui.widgets.timeline_view import Fold, timeline_order

SMALL = (80, 24)


def listed_events(view) -> list[Event]:
    return [item for item in view.events if isinstance(item, Event)]


async def fill(pilot, text: str) -> None:
    pilot.app.focused.value = text
    await pilot.pause()


# ------------------------------------------------------------------ key view


async def test_opens_on_the_key_events_with_the_rest_folded_and_unfolds_by_key():
    timeline = synthetic_timeline(60, n_entities=16)
    app = quiet_app(timeline=timeline, key_view=True)
    async with app.run_test(size=SIZE) as pilot:
        await ranked(pilot)
        view = app.timeline_view
        key = {e.id for e in timeline.events if e.key}
        assert 0 < len(key) < 60, "an unranked timeline is ranked when opened"
        shown = listed_events(view)
        assert {e.id for e in shown} == key
        assert [timeline_order(e) for e in shown] == sorted(timeline_order(e) for e in shown)
        folds = [item for item in view.events if isinstance(item, Fold)]
        assert sum(len(f.members) for f in folds) == 60 - len(key)
        assert isinstance(view.events[view.cursor], Event), "the cursor starts on an event, not a fold"
        text = screen_text(app)
        assert f"+{len(folds[0].members)} more" in text and "key view" in text

        fold = folds[0]
        view.cursor = view.events.index(fold)
        await pilot.press("enter")
        assert all(member in listed_events(view) for member in fold.members)
        assert view.current is fold.members[0]
        await pilot.press("z")  # on an unfolded event: fold its group back
        assert not any(member in listed_events(view) for member in fold.members)
        assert view.current_fold is not None and fold.groups <= view.current_fold.groups

        await pilot.press("a")
        assert len(view.events) == 60 and len(listed_events(view)) == 60
        await pilot.press("a")
        assert {e.id for e in listed_events(view)} <= key | {view.current.id if view.current else ""}


async def test_the_seeds_open_on_a_key_view_of_at_most_25_rows(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline, key_view=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.timeline_view
        assert len(view._rows) <= 25
        shown = listed_events(view)
        assert shown and all(e.key for e in shown)
        assert max(len(set(e.sources)) for e in shown) == max(len(set(e.sources)) for e in seeds_timeline.events)


async def test_clicking_the_overview_strip_moves_the_cursor_there():
    timeline = synthetic_timeline(200, n_entities=16)
    app = quiet_app(timeline=timeline, key_view=True)
    async with app.run_test(size=SIZE) as pilot:
        await ranked(pilot)
        strip = app.overview
        strip.render()
        busy = [i for i, count in enumerate(strip._counts) if count]
        bucket = busy[len(busy) // 2]
        x = LABEL_WIDTH + bucket * strip._cell_width()
        day = strip.day_at(x)
        expected = next(e for e in app.shown if e.shown_span.start >= day)
        await pilot.click(OverviewStrip, offset=(x, 0))
        await pilot.pause()
        assert app.timeline_view.current is expected
        assert any(segment.style and segment.style.reverse for segment in strip.render().render(app.console))


# ------------------------------------------------------------------ disagreements and marks


async def test_one_key_press_per_disagreement_even_when_folded():
    timeline = synthetic_timeline(90, n_entities=16)
    app = quiet_app(timeline=timeline, key_view=True)
    async with app.run_test(size=SIZE) as pilot:
        await ranked(pilot)
        disputed = [e for e in app.shown if has_real_disagreement(e)]
        assert len(disputed) > 3 and any(not e.key for e in disputed)
        view = app.timeline_view
        view.reveal(app.shown[-1])
        visited = []
        for _ in disputed:
            await pilot.press("greater_than_sign")
            visited.append(view.current)
        assert visited == disputed
        await pilot.press("less_than_sign")
        assert view.current is disputed[-2]


async def test_marks_are_one_key_away_and_a_filter_shows_only_them():
    timeline = synthetic_timeline(40, n_entities=16)
    for event in timeline.events:
        event.discrepancies = []
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        view.cursor = 5
        flagged = view.current
        await pilot.press("f", "i")
        view.cursor = 20
        noted = view.current
        await pilot.press("e")
        await fill(pilot, "call the press office")
        await pilot.press("enter")
        await pilot.press("g", "apostrophe")
        assert view.current is flagged
        await pilot.press("apostrophe")
        assert view.current is noted
        await pilot.press("quotation_mark")
        assert view.current is flagged
        await pilot.press("exclamation_mark")
        assert listed_events(view) == [flagged, noted]
        assert "only ≠ ! ✎" in screen_text(app)
        await pilot.press("exclamation_mark")
        assert len(listed_events(view)) == 40


async def test_search_matches_notes_tags_and_disagreements_narrowing_live():
    timeline = synthetic_timeline(60, n_entities=16)
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        view.cursor = 7
        target = view.current
        await pilot.press("e")
        await fill(pilot, "unusual hunch")
        await pilot.press("enter")
        await pilot.press("t")
        await fill(pilot, "followup")
        await pilot.press("enter")

        await pilot.press("slash")
        await pilot.press(*"hunch")  # no Enter: the list narrows as you type
        assert listed_events(view) == [target]
        await pilot.press("escape")  # back to what was shown before the search
        assert len(listed_events(view)) == 60 and app.search_query == ""

        app.search("followup")
        assert listed_events(view) == [target]
        app.search("deal value")
        disputed = [e for e in app.shown if e.discrepancies]
        assert listed_events(view) == disputed
        app.search("≠")
        assert listed_events(view) == [e for e in app.shown if has_real_disagreement(e)]

        app.search("globex")
        row = view._rows[view._row_of_event[0]]
        segments = view._render_row(row, 120, False)
        assert any(s.text.casefold() == "globex" and s.style and s.style.underline for s in segments)
        await pilot.press("slash")
        await fill(pilot, "")
        await pilot.press("enter")
        assert len(listed_events(view)) == 60


# ------------------------------------------------------------------ detail pane and sizes


async def test_the_detail_pane_shows_the_whole_title_sources_and_disagreements():
    timeline = synthetic_timeline(30, n_entities=16)
    event = next(e for e in timeline.events if e.discrepancies)
    event.title = "A long title " + "that keeps going " * 8 + "and ends here with Zanzibar"
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SMALL) as pilot:
        app.timeline_view.reveal(event)
        await cursor_rested(pilot)
        detail = str(app.detail.render())
        assert event.title in " ".join(detail.split("\n")).replace("  ", " ") or "Zanzibar" in detail
        assert "Zanzibar" in screen_text(app)  # wrapped onto the screen, not cut
        for source_id in event.sources:
            assert timeline.source_label(source_id) in detail
        topic = event.discrepancies[0]
        assert f"≠ {topic.topic}" in detail and all(claim.value in detail for claim in topic.claims)


async def test_narrow_terminal_hides_the_sidebar_and_b_brings_it_back():
    app = quiet_app(timeline=synthetic_timeline(30, n_entities=16))
    async with app.run_test(size=SMALL) as pilot:
        assert not app.sidebar.display
        await pilot.press("b")
        assert app.sidebar.display
        await pilot.press("b")
        assert not app.sidebar.display
    app = quiet_app(timeline=synthetic_timeline(30, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        assert app.sidebar.display
        await pilot.press("b")
        assert not app.sidebar.display


async def test_every_source_column_is_named_and_columns_collapse_to_a_count_when_they_do_not_fit():
    timeline = synthetic_timeline(30, n_sources=5, n_entities=16)
    timeline.sources[3].outlet = timeline.sources[4].outlet = "Unattributed"
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        legend = str(app.query_one("#legend").render())
        for source in timeline.sources:
            assert timeline.source_label(source.id) in legend
        assert "Unattributed (s3)" in legend and "Unattributed (s4)" in legend

    many = synthetic_timeline(30, n_sources=60, n_entities=16)
    app = quiet_app(timeline=many)
    async with app.run_test(size=SMALL) as pilot:
        view = app.timeline_view
        event = view.current
        text = screen_text(app)
        assert f"{len(set(event.sources))}/60" in text
        assert "srcs" in text and "·" * 10 not in text
        assert "Ada Brook" in text or event.shown_title[:20] in text


async def test_a_row_costs_the_same_whatever_the_number_of_sources():
    timeline = synthetic_timeline(20, n_sources=5, n_entities=16)
    extra = [Source(id=f"x{i}", path=f"x{i}.txt", outlet=f"Extra {i}") for i in range(800)]
    timeline.sources.extend(extra)

    class NoIteration(list):
        def __iter__(self):
            raise AssertionError("a row must not walk every source")

    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        view.sources = NoIteration(view.sources)
        row = view._rows[view._row_of_event[0]]
        text = "".join(segment.text for segment in view._render_row(row, 120, False))
        assert f"/{len(timeline.sources)}" in text


async def test_rounding_is_marked_apart_from_a_disagreement():
    timeline = synthetic_timeline(20, n_entities=16)
    for event in timeline.events:
        event.discrepancies = []
    rounded = timeline.events[4]
    rounded.discrepancies = [
        Discrepancy(field="figure", topic="stake", claims=[Claim(value="$14 billion", sources=["s0"]), Claim(value="$14.3 billion", sources=["s1"])])
    ]
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        view.reveal(rounded)
        await cursor_rested(pilot)
        row = "".join(s.text for s in view._render_row(view._rows[view._row_of_event[view.cursor]], 120, False))
        assert "≈" in row and "≠" not in row
        assert "rounding" in str(app.detail.render())
        await pilot.press("g", "greater_than_sign")  # no real disagreement to jump to
        assert view.current is not rounded


async def test_undated_events_do_not_stretch_the_overview_strip():
    from scaletui.events.model import undated_span

    timeline = synthetic_timeline(40, n_entities=16)
    timeline.events[3].span = undated_span()
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE):
        strip = app.overview
        strip.render()
        assert strip._starts and strip._starts[-1].year < 3000
        assert sum(strip._counts) == 39
