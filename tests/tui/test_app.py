"""The real app, driven by the pilot at 120x40: navigation, filters, comparison, search, annotations, files."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from conftest import SIZE, quiet_app, save_done
from screen_text import screen_text
from synthetic_timeline import synthetic_timeline

from scaletui.events.model import FORMAT_VERSION, Claim, Discrepancy, Flag, Modifier, Precision
from scaletui.events.store import dumps_timeline, load_timeline
from textual.command import CommandList
from textual.widgets import Input

from scaletui.tui.app import ActionsProvider, ScaletuiApp
from scaletui.tui.screens.article import ArticleScreen
from scaletui.tui.screens.comparison import ComparisonScreen
from scaletui.tui.screens.dialogs import AliasPicker, Choice, EntityPicker, TextPrompt
from scaletui.tui.screens.help import HelpScreen
from scaletui.tui.widgets.entity_sidebar import EntitySidebar
from scaletui.tui.widgets.timeline_view import TimelineView, source_symbol, timeline_order


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def fill(pilot, text: str) -> None:
    """Put `text` in the focused input at once (typing a long path key by key is slow)."""
    field = pilot.app.focused
    assert isinstance(field, Input), field
    field.value = text
    await pilot.pause()


def notifications(app: ScaletuiApp) -> list[str]:
    return [n.message for n in app._notifications]


# ------------------------------------------------------------------ launching and moving


async def test_launch_on_seeds_builds_the_timeline_in_a_worker():
    from scaletui.events.corpus import load_corpus
    from scaletui.events.seeds import bundled_corpus

    app = quiet_app(corpus=load_corpus(bundled_corpus()))
    async with app.run_test(size=SIZE) as pilot:
        await app.build_finished()
        await pilot.pause()
        assert app.timeline is not None and app.timeline.events
        view = app.timeline_view
        assert view.display and app.focused is view
        assert [timeline_order(e) for e in view.events] == sorted(timeline_order(e) for e in view.events)
        text = screen_text(app)
        total = len(app.timeline.events)
        assert f"  {total} events" in text
        assert str(view.events[0].shown_span.start.year) in text


async def test_reported_events_are_labelled_and_styled_apart(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        reported = [i for i, e in enumerate(view.events) if e.shown_span.modifier is Modifier.REPORTED]
        assert reported, "the seeds have events known only by publication date"
        view.cursor = reported[0]
        await pilot.pause()
        event = view.events[reported[0]]
        assert f"reported {event.shown_span.start:%a} {event.shown_span.start.day}" in screen_text(app)
        reported_row = view._render_row(view._rows[view._row_of_event[reported[0]]], 80, False)
        dated = next(i for i, e in enumerate(view.events) if e.shown_span.modifier is Modifier.NONE)
        dated_row = view._render_row(view._rows[view._row_of_event[dated]], 80, False)
        assert any(segment.style and segment.style.italic for segment in reported_row)
        assert not any(segment.style and segment.style.italic for segment in dated_row)


async def test_keys_move_the_cursor_by_event_page_month_and_year():
    app = quiet_app(timeline=synthetic_timeline(300, n_entities=12))
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        assert view.cursor == 0
        await pilot.press("j", "down", "j")
        assert view.cursor == 3
        await pilot.press("k")
        assert view.cursor == 2
        await pilot.press("G")
        assert view.cursor == len(view.events) - 1
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("pagedown")
        assert 20 < view.cursor < 40
        await pilot.press("end")
        assert view.current is view.events[-1]
        await pilot.press("home", "right_curly_bracket")
        assert view.current.shown_span.start.year > view.events[0].shown_span.start.year
        assert view.events[view.cursor - 1].shown_span.start.year < view.current.shown_span.start.year
        year_start = view.cursor
        await pilot.press("right_square_bracket")
        assert view.cursor > year_start and view._rows[view._row_of_event[view.cursor] - 1].kind == "month"
        before = view.current.shown_span.start
        await pilot.press("right_square_bracket")
        after = view.current.shown_span.start
        assert (after.year, after.month) > (before.year, before.month)
        await pilot.press("left_square_bracket")
        assert view.current.shown_span.start == before
        await pilot.press("left_curly_bracket")
        assert view.cursor == year_start
        await pilot.press("left_curly_bracket")
        assert view.cursor == 0


async def test_mouse_click_moves_the_cursor_and_double_click_opens(small_timeline):
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        row = next(r for r in range(3, 20) if view._rows[r].kind == "event")
        await pilot.click(TimelineView, offset=(10, row))
        assert view.cursor == view._rows[row].event
        await pilot.click(TimelineView, offset=(10, row), times=2)
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)


async def test_tab_moves_between_panes():
    app = quiet_app(timeline=synthetic_timeline(30))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, TimelineView)
        await pilot.press("tab")
        assert app.focused is app.sidebar.option_list
        await pilot.press("tab")
        assert isinstance(app.focused, TimelineView)


# ------------------------------------------------------------------ entity filter


async def test_entity_filter_and_or_and_clear(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        total = len(seeds_timeline.events)
        await pilot.press("tab")
        first = app.sidebar.highlighted_entity
        await pilot.press("space")
        shown_one = {e.id for e in app.shown}
        assert shown_one and all(first.id in e.entities for e in app.shown)
        assert len(shown_one) < total
        await pilot.press("down", "space")
        second = app.sidebar.highlighted_entity
        assert app.sidebar.selected == (first.id, second.id)
        both = {e.id for e in app.shown}
        assert both == {e.id for e in seeds_timeline.events if {first.id, second.id} <= set(e.entities)}
        text = screen_text(app)
        assert f"filter: {first.name} AND {second.name}" in text
        assert "✓" in text
        await pilot.press("o")
        either = {e.id for e in app.shown}
        assert either == {e.id for e in seeds_timeline.events if {first.id, second.id} & set(e.entities)}
        assert " OR " in screen_text(app)
        await pilot.press("x")
        assert len(app.shown) == total and app.sidebar.selected == ()


async def test_sidebar_shows_spelling_variants_and_who_used_them(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        entity = app.sidebar.highlighted_entity
        variants = str(app.sidebar.query_one("#entity-variants").render())
        for alias in entity.aliases[:2]:
            assert alias.text in variants
        outlets = {seeds_timeline.source(s).outlet for a in entity.aliases for s in a.sources}
        assert any(outlet and outlet in variants for outlet in outlets)


# ------------------------------------------------------------------ comparison and article


async def test_comparison_view_shows_each_source_disagreements_and_silence(corpus_timeline):
    event = next(e for e in corpus_timeline.events if e.discrepancies and e.silent)
    app = quiet_app(timeline=corpus_timeline)
    async with app.run_test(size=SIZE) as pilot:
        app.timeline_view.cursor = app.timeline_view.events.index(event)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComparisonScreen) and screen.event is event
        blocks = list(screen.query("SourceBlock"))
        assert len(blocks) == len(corpus_timeline.sources)
        silent = [b for b in blocks if b.silent]
        assert {b.source.id for b in silent} == set(event.silent)
        text = screen_text(app)
        assert "silent: does not report this event" in text
        claim = event.discrepancies[0].claims[0]
        assert "≠ deal value" in text and claim.value in text
        focused = app.focused
        assert focused in blocks and not focused.silent
        statement = focused.statements[0]
        await pilot.press("enter")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen) and not article.missing
        highlighted = article.query_one(".highlighted")
        assert statement.text in str(highlighted.render())
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert not isinstance(app.screen, ComparisonScreen)


async def test_comparison_shows_a_cut_clause_with_the_subject_it_shares():
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline

    timeline = build_timeline(load_corpus(Path(__file__).resolve().parents[1] / "corpora" / "shared_subject"))
    event = next(e for e in timeline.events if any(s.subject for s in e.statements))
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        app.timeline_view.cursor = app.timeline_view.events.index(event)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        text = " ".join(screen_text(app).split())
        assert "Northwind Motors … opened its first assembly plant" in text
        await pilot.press("escape")
        await pilot.press("slash")
        await fill(pilot, "motors opened its first assembly plant in texas in 1982.")  # subject and clause, as one claim
        await pilot.press("enter")
        await pilot.pause()
        assert app.timeline_view.current is event


async def test_comparison_shows_a_passing_mention_instead_of_silence():
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline

    timeline = build_timeline(load_corpus(Path(__file__).resolve().parents[1] / "corpora" / "passing_mention"))
    event = next(e for e in timeline.events if e.mentions)
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        app.timeline_view.cursor = app.timeline_view.events.index(event)
        row = app.timeline_view._event_text(event, False, SIZE[0])
        passing = [s.id for s in timeline.sources].index("strike")
        mark = next(span for span in row.spans if row.plain[span.start:span.end] == source_symbol(passing))
        assert "italic" in str(mark.style)  # marked apart from the outlets that report it
        await pilot.pause()
        assert "Labor Weekly (elsewhere)" in " ".join(screen_text(app).split())  # the detail pane
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        text = " ".join(screen_text(app).split())
        assert "3 of 3 sources report it (1 in other events' sentences)" in text
        assert "tells it in a sentence of another event" in text and "acquisition of Larkspur Batteries has angered" in text
        assert "silent" not in text


async def test_comparison_shows_a_report_grouped_with_another_event_instead_of_silence():
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline

    timeline = build_timeline(load_corpus(Path(__file__).resolve().parents[1] / "corpora" / "ecbplus" / "45_ecb"))
    event = next(e for e in timeline.events for s in e.statements if "So Scott Peterson was convicted because" in s.text)
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        app.timeline_view.cursor = app.timeline_view.events.index(event)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        text = " ".join(screen_text(app).split())
        assert "tells it in a sentence of another event" in text
        assert "a jury in Redwood City, California, convicted Scott Peterson" in text  # the 45_2ecb outlet's own words


async def test_article_missing_from_disk_is_reported(small_timeline):
    small_timeline.corpus = "/nonexistent/corpus"
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert "missing or unreadable" in screen_text(app)


# ------------------------------------------------------------------ search


async def test_search_marks_matches_and_n_N_move_between_them():
    timeline = synthetic_timeline(120, n_entities=12)
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert app.focused.id == "search"
        await type_text(pilot, "globex")
        await pilot.press("enter")
        view = app.timeline_view
        expected = [i for i, e in enumerate(view.events) if "globex" in app._haystack(e)]
        assert app.match_indices == expected and len(expected) > 2
        assert view.cursor == expected[0] and app.focused is view
        await pilot.press("n")
        assert view.cursor == expected[1]
        await pilot.press("N")
        assert view.cursor == expected[0]
        await pilot.press("N")
        assert view.cursor == expected[-1]
        assert f"1/{len(expected)}" not in screen_text(app) and f"{len(expected)}/{len(expected)}" in screen_text(app)


async def test_search_finds_statement_text_and_entity_aliases():
    timeline = synthetic_timeline(50, n_entities=12)
    target = timeline.events[17]
    target.statements[0].text += " Unusualword appears here."
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "UNUSUALWORD")
        await pilot.press("enter")
        assert app.timeline_view.current is target
        alias = next(a.text for e in timeline.entities for a in e.aliases if a.text != e.name)
        app.search(alias)
        assert app.match_indices
        await pilot.press("slash")
        await fill(pilot, "zzzz-nothing")
        await pilot.press("enter")
        await pilot.pause()
        assert app.match_indices == [] and "no match" in screen_text(app)


# ------------------------------------------------------------------ annotations, save, reopen


async def test_annotate_save_and_reopen_keeps_every_annotation(seeds_timeline, tmp_path: Path):
    saved = tmp_path / "annotated.toml"
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        event = app.timeline_view.current
        await pilot.press("e")
        assert isinstance(app.screen, TextPrompt)
        await fill(pilot, "check with the filing")
        await pilot.press("enter")
        await pilot.press("t")
        await fill(pilot, "money, deal")
        await pilot.press("enter")
        await pilot.press("f")
        assert isinstance(app.screen, Choice)
        await pilot.press("d")
        await pilot.press("T")
        await fill(pilot, "A corrected title")
        await pilot.press("enter")
        await pilot.press("d")
        await type_text(pilot, "2025-06-12")
        await pilot.press("enter")
        await pilot.pause()
        assert app.dirty and "unsaved changes" in screen_text(app)
        assert app.timeline_view.current is event  # re-sorted, cursor followed the event
        assert event.shown_span.label(weekday=True) == "Thu 12 Jun 2025"
        app.sidebar.choose(event.entities[0])  # what is saved must not depend on the filter
        await pilot.pause()
        assert len(app.shown) < len(seeds_timeline.events)
        await pilot.press("ctrl+s")  # never saved: asks where
        assert isinstance(app.screen, TextPrompt)
        await fill(pilot, str(saved))
        await pilot.press("enter")
        await save_done(pilot)
        assert not app.dirty and app.timeline_path == saved
        assert any("Saved" in m for m in notifications(app))
    reopened = load_timeline(saved)
    assert [e.id for e in reopened.events] == [e.id for e in seeds_timeline.events]
    note = next(e for e in reopened.events if e.id == event.id).annotation
    assert note.note == "check with the filing" and note.tags == ["money", "deal"]
    assert note.flag is Flag.DISPUTED and note.title == "A corrected title"
    assert note.span is not None and note.span.start == date(2025, 6, 12) and note.span.precision is Precision.DAY

    app = quiet_app(timeline=reopened, timeline_path=saved)
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline_view
        index = next(i for i, e in enumerate(view.events) if e.id == event.id)
        view.cursor = index
        await pilot.pause()
        text = screen_text(app)
        assert "A corrected title" in text and "✎?" in text
        assert not app.dirty and str(saved) in text
        await pilot.press("enter")
        await pilot.pause()
        assert "check with the filing" in screen_text(app) and "flag: disputed" in screen_text(app)


async def test_a_nonsense_date_is_refused_with_a_notification(small_timeline):
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        event = app.timeline_view.current
        await pilot.press("d")
        await fill(pilot, "next blursday")
        await pilot.press("enter")
        await pilot.pause()
        assert event.annotation.span is None and not app.dirty
        assert any("cannot read 'next blursday' as a date" in m for m in notifications(app))


async def test_saving_over_a_file_changed_on_disk_asks_first(small_timeline, tmp_path: Path):
    path = tmp_path / "t.toml"
    path.write_text(dumps_timeline(small_timeline), encoding="utf-8")
    app = quiet_app(timeline=load_timeline(path), timeline_path=path)
    async with app.run_test(size=SIZE) as pilot:
        path.write_text(path.read_text(encoding="utf-8") + "\n# someone else was here\n", encoding="utf-8")
        await pilot.press("e")
        await fill(pilot, "mine")
        await pilot.press("enter", "ctrl+s")
        await save_done(pilot)
        assert isinstance(app.screen, Choice) and "changed on disk" in screen_text(app)
        assert "someone else" in path.read_text(encoding="utf-8")
        await pilot.press("c")
        assert app.dirty and "someone else" in path.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await save_done(pilot)
        await pilot.press("o")
        await save_done(pilot)
        assert not app.dirty
    assert "someone else" not in path.read_text(encoding="utf-8")
    assert any(e.annotation.note == "mine" for e in load_timeline(path).events)


async def test_saving_writes_in_the_background_and_a_change_made_meanwhile_waits_for_it(small_timeline, tmp_path: Path, monkeypatch):
    from scaletui.events import store

    gate = threading.Event()
    real = store.save_timeline

    def held(*args, **kwargs):  # a save that takes as long as the test says (a big timeline takes seconds)
        gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "save_timeline", held)
    path = tmp_path / "t.toml"
    app = quiet_app(timeline=small_timeline, timeline_path=path)
    async with app.run_test(size=SIZE) as pilot:
        first = app.timeline_view.current
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.saving and "saving" in app.sub_title
        await pilot.press("j")  # the timeline still moves
        await pilot.pause()
        event = app.timeline_view.current
        assert event is not first
        await pilot.press("e")
        await fill(pilot, "written after the save")
        await pilot.press("enter")
        await pilot.pause()
        assert event.annotation.note == "" and any("once the file is written" in m for m in notifications(app))
        gate.set()
        await save_done(pilot)
        assert event.annotation.note == "written after the save" and app.dirty
        assert any("Saved" in m for m in notifications(app))
    saved = load_timeline(path)
    assert all(e.annotation.note == "" for e in saved.events)  # the file holds the timeline as saving began


async def test_quitting_while_saving_waits_for_the_file(small_timeline, tmp_path: Path, monkeypatch):
    from scaletui.events import store

    gate = threading.Event()
    real = store.save_timeline
    monkeypatch.setattr(store, "save_timeline", lambda *args, **kwargs: (gate.wait(30), real(*args, **kwargs))[1])
    path = tmp_path / "t.toml"
    app = quiet_app(timeline=small_timeline, timeline_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and any("quitting once the file is written" in m for m in notifications(app))
        gate.set()
        await save_done(pilot)
        await pilot.pause()
        assert not app.is_running  # saved, nothing unsaved: it quits
    assert load_timeline(path).events[0].id == small_timeline.events[0].id


async def test_save_as_an_existing_file_asks_before_overwriting(small_timeline, tmp_path: Path):
    other = tmp_path / "other.toml"
    other.write_text("precious", encoding="utf-8")
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "ctrl+u")
        await fill(pilot, str(other))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("n")
        assert other.read_text(encoding="utf-8") == "precious"


# ------------------------------------------------------------------ entity edits through the UI


async def test_rename_merge_and_split_entities_from_the_sidebar(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        entity = app.sidebar.highlighted_entity
        await pilot.press("r")
        await fill(pilot, "Renamed Person")
        await pilot.press("enter")
        await pilot.pause()
        assert seeds_timeline.entity(entity.id).name == "Renamed Person"
        assert "Renamed Person" in screen_text(app)

        other = next(e for e in seeds_timeline.entities if e.id != entity.id and e.kind == entity.kind)
        events_of_entity = {ev.id for ev in seeds_timeline.events if entity.id in ev.entities}
        await pilot.press("m")
        assert isinstance(app.screen, EntityPicker)
        await fill(pilot, other.name)
        await pilot.press("enter")
        await pilot.pause()
        # `m` merges the highlighted entity into the chosen one, which stays.
        assert seeds_timeline.entity(entity.id) is None
        assert all(other.id in ev.entities for ev in seeds_timeline.events if ev.id in events_of_entity)

        merged = seeds_timeline.entity(other.id)
        app.sidebar.option_list.highlighted = app.sidebar.option_list.get_option_index(other.id)
        moved = merged.aliases[-1].text
        await pilot.press("s")
        assert isinstance(app.screen, AliasPicker)
        picker = app.screen.query_one("#alias-list")
        picker.select(moved)
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert moved not in {a.text for a in seeds_timeline.entity(other.id).aliases}
        assert [e.action for e in seeds_timeline.entity_edits] == ["rename", "merge", "split"]
        assert app.dirty


# ------------------------------------------------------------------ quitting and opening


async def test_quit_without_changes_exits_at_once(small_timeline):
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_quit_with_unsaved_changes_asks_first(small_timeline):
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "i")
        assert app.dirty
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, Choice) and app.return_code is None
        await pilot.press("c")
        assert app.return_code is None and not isinstance(app.screen, Choice)
        await pilot.press("q", "d")
        await pilot.pause()
        assert app.return_code == 0


async def test_quit_with_unsaved_changes_can_save_first(small_timeline, tmp_path: Path):
    path = tmp_path / "keep.toml"
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "v", "q", "s", "ctrl+u")
        await fill(pilot, str(path))
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code == 0
    assert load_timeline(path).events[0].annotation.flag is Flag.VERIFIED or any(
        e.annotation.flag is Flag.VERIFIED for e in load_timeline(path).events
    )


async def test_opening_bad_files_keeps_what_is_on_screen(small_timeline, tmp_path: Path):
    not_ours = tmp_path / "not_ours.toml"
    not_ours.write_text('title = "a hugo site"\n', encoding="utf-8")
    malformed = tmp_path / "broken.toml"
    malformed.write_text("format = [unclosed\n", encoding="utf-8")
    newer = tmp_path / "newer.toml"
    newer.write_text(dumps_timeline(small_timeline).replace(f"version = {FORMAT_VERSION}", "version = 99", 1), encoding="utf-8")
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        before = app.timeline
        for path in (not_ours, malformed, newer, tmp_path / "missing.toml"):
            await pilot.press("ctrl+o")
            await fill(pilot, str(path))
            await pilot.press("enter")
            await app.timeline_read()
            await pilot.pause()
            assert app.timeline is before and not isinstance(app.screen, TextPrompt)
            assert any(str(path) in m for m in notifications(app)), path
            app.clear_notifications()
        assert app.timeline is before and len(app.shown) == len(before.events)


async def test_opening_a_saved_timeline_reads_it_in_the_background_then_replaces_the_shown_one(small_timeline, tmp_path: Path, monkeypatch):
    from scaletui.events import store

    other = synthetic_timeline(12, seed=3)
    path = tmp_path / "other.toml"
    path.write_text(dumps_timeline(other), encoding="utf-8")
    gate = threading.Event()
    real = store.load_timeline
    monkeypatch.setattr(store, "load_timeline", lambda *args: (gate.wait(30), real(*args))[1])
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await fill(pilot, str(path))
        await pilot.press("enter")
        await pilot.pause()
        first = app.timeline_view.current
        await pilot.press("j")  # a big file takes seconds to read: the shown timeline still moves
        await pilot.pause()
        assert app.timeline is small_timeline and app.timeline_view.current is not first
        gate.set()
        await app.timeline_read()
        await pilot.pause()
        assert app.timeline_path == path and len(app.shown) == 12


# ------------------------------------------------------------------ article text is data


async def test_markup_and_escape_codes_in_articles_show_literally():
    timeline = synthetic_timeline(10, n_entities=8)
    event = timeline.events[0]
    hostile = "[bold red]Boom[/] \x1b[31mred\x1b[0m \x07bell \x9bcsi"
    event.title = hostile
    event.statements[0].text = hostile
    event.statements[0].time_text = ""
    timeline.source(event.sources[0]).outlet = "[red]Evil Outlet[/red]"
    event.discrepancies = [Discrepancy(field="name", topic="[link=x]who[/link]", claims=[Claim(value="[b]A[/b]", sources=[event.sources[0]])])]
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        app.timeline_view.cursor = app.timeline_view.events.index(event)
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]Boom[/] ␛[31mred␛[0m ␇bell" in text
        assert "\x1b" not in text and "\x07" not in text
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]Boom[/] ␛[31mred␛[0m ␇bell �csi" in text
        assert "[link=x]who[/link]" in text and "[b]A[/b]" in text
        assert "[red]Evil Outlet[/red]" in text
        await pilot.press("e")
        await fill(pilot, "[red]note[/red]")
        await pilot.press("enter")
        await pilot.pause()
        assert "[red]note[/red]" in screen_text(app)


# ------------------------------------------------------------------ help and palette


async def test_help_lists_every_binding(small_timeline):
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-table").render())
        table = app.screen._table()
        descriptions = [str(cell) for column in table.columns[1:] for cell in column._cells]
        for binding in [*ScaletuiApp.BINDINGS, *TimelineView.BINDINGS, *EntitySidebar.BINDINGS]:
            assert binding.description in descriptions
        assert shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_bound_binding_has_an_id():
    from scaletui.tui.screens.article import ArticleScreen as Article
    from scaletui.tui.widgets.search_bar import SearchBar
    from scaletui.tui.widgets.source_block import SourceBlock

    for owner in (ScaletuiApp, TimelineView, EntitySidebar, ComparisonScreen, Article, SourceBlock, SearchBar, HelpScreen):
        for binding in owner.BINDINGS:
            assert binding.id, f"{owner.__name__}: {binding.key} has no id"


async def test_command_palette_runs_app_actions(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        provider = ActionsProvider(app.screen)
        titles = [title for title, _action, _help in provider._commands()]
        for binding in ScaletuiApp.BINDINGS:
            assert binding.description in titles or binding.action in ("sidebar_down", "sidebar_up")
        app.sidebar.choose(seeds_timeline.entities[0].id)
        await pilot.pause()
        assert len(app.shown) < len(seeds_timeline.events)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Clear filter")
        commands = app.screen.query_one(CommandList)
        for _ in range(100):  # the palette searches in the background
            if commands.option_count:
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        assert app.sidebar.selected == () and len(app.shown) == len(seeds_timeline.events)


async def test_opening_a_corpus_folder_builds_it_in_the_background(small_timeline, tmp_path: Path):
    from scaletui.events.seeds import bundled_corpus

    empty = tmp_path / "empty"
    empty.mkdir()
    app = quiet_app(timeline=small_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await fill(pilot, str(empty))
        await pilot.press("enter")
        await pilot.pause()
        assert app.timeline is small_timeline
        assert any("no articles" in m for m in notifications(app))
        await pilot.press("ctrl+o")
        await fill(pilot, str(bundled_corpus()))
        await pilot.press("enter")
        await app.build_finished()
        await pilot.pause()
        assert app.timeline is not small_timeline and app.timeline.corpus == str(bundled_corpus())
        assert app.timeline_path is None and len(app.shown) == len(app.timeline.events) > 0
        assert app.timeline_view.display and not app.query_one("#progress").display
