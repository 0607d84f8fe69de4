"""Issue 8's rough edges and issue 9/10's app items, each through the keys a user presses."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SIZE, cursor_rested, quiet_app
from screen_text import screen_text
from synthetic_timeline import synthetic_timeline

from scaletui.events.annotations import replay_entity_edits
from scaletui.events.corpus import load_corpus
from scaletui.events.model import Kind
from scaletui.events.seeds import bundled_corpus
from scaletui.events.store import dumps_timeline, loads_timeline
from textual.command import CommandList
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input

from scaletui.tui.screens.article import ArticleScreen
from scaletui.tui.screens.dialogs import TextPrompt
from scaletui.tui.widgets.status_line import StatusLine


async def fill(pilot, text: str) -> None:
    pilot.app.focused.value = text
    await pilot.pause()


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


# ------------------------------------------------------------------ undo and redo


async def test_u_undoes_and_ctrl_r_redoes_annotations():
    timeline = synthetic_timeline(30, n_entities=16)
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        event = app.timeline_view.current
        await pilot.press("e")
        await fill(pilot, "first thought")
        await pilot.press("enter")
        await pilot.press("f", "d")
        assert event.annotation.note == "first thought" and event.annotation.flag.value == "disputed"
        await pilot.press("u")
        assert event.annotation.flag.value == "" and event.annotation.note == "first thought"
        await pilot.press("u")
        assert event.annotation.note == ""
        await pilot.press("ctrl+r")
        assert event.annotation.note == "first thought"
        await pilot.press("ctrl+r")
        assert event.annotation.flag.value == "disputed"
        await pilot.press("ctrl+r")
        assert any("Nothing to redo" in m for m in notifications(app))
        assert "✎?" in screen_text(app)


async def test_undoing_an_entity_merge_restores_it_and_what_is_saved_replays(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        entity = app.sidebar.highlighted_entity
        other = next(e for e in seeds_timeline.entities if e.id != entity.id and e.kind == entity.kind)
        entities_before = [e.model_copy(deep=True) for e in seeds_timeline.entities]
        event_ids_before = [list(ev.entities) for ev in seeds_timeline.events]
        await pilot.press("m")
        await fill(pilot, other.name)
        await pilot.press("enter")
        await pilot.pause()
        assert seeds_timeline.entity(entity.id) is None
        await pilot.press("u")
        await pilot.pause()
        assert seeds_timeline.entities == entities_before
        assert [list(ev.entities) for ev in seeds_timeline.events] == event_ids_before
        assert seeds_timeline.entity_edits == []
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert seeds_timeline.entity(entity.id) is None
        assert [e.action for e in seeds_timeline.entity_edits] == ["merge"]
        reopened = loads_timeline(dumps_timeline(seeds_timeline))
        replay_entity_edits(reopened)  # replaying what was saved is a no-op on the saved state
        assert [e.id for e in reopened.entities] == [e.id for e in seeds_timeline.entities]


async def test_m_merges_the_highlighted_entity_into_the_chosen_one(seeds_timeline):
    app = quiet_app(timeline=seeds_timeline)
    async with app.run_test(size=SIZE) as pilot:
        organisations = [e for e in seeds_timeline.entities if e.kind is Kind.ORGANISATION]
        small, big = organisations[-1], organisations[0]
        app.sidebar.option_list.focus()
        app.sidebar.option_list.highlighted = app.sidebar.option_list.get_option_index(small.id)
        await pilot.press("m")
        await fill(pilot, big.name)
        await pilot.press("enter")
        await pilot.pause()
        assert seeds_timeline.entity(small.id) is None
        assert seeds_timeline.entity(big.id) is not None and seeds_timeline.entity(big.id).name == big.name


# ------------------------------------------------------------------ keys in every pane


async def test_j_and_k_move_in_the_sidebar():
    app = quiet_app(timeline=synthetic_timeline(30, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        entities = app.sidebar.option_list
        start = entities.highlighted
        await pilot.press("j", "j")
        assert entities.highlighted > start
        moved = entities.highlighted
        await pilot.press("k")
        assert entities.highlighted < moved
        assert app.timeline_view.cursor == 0  # the timeline did not move


async def test_j_and_k_scroll_the_article(corpus_timeline):
    app = quiet_app(timeline=corpus_timeline)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        body = app.screen.query_one("#article-body", VerticalScroll)
        body.scroll_home(animate=False)
        await pilot.pause()
        assert body.max_scroll_y > 2
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 2


async def test_a_bad_date_keeps_the_dialog_and_what_was_typed():
    timeline = synthetic_timeline(30, n_entities=16)
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        event = app.timeline_view.current
        await pilot.press("d")
        await fill(pilot, "32 Junly 2025")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one(Input).value == "32 Junly 2025"
        assert any("cannot read" in m for m in notifications(app))
        await fill(pilot, "12 Jun 2025")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TextPrompt)
        assert event.shown_span.label() == "12 Jun 2025"


async def test_the_title_dialog_opens_on_the_whole_title():
    timeline = synthetic_timeline(10, n_entities=8)
    event = timeline.events[0]
    whole = " ".join(event.statements[0].text.rstrip(".").split())
    event.title = whole[:30].rstrip() + "…"  # a title cut short where it was made
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        app.timeline_view.reveal(event)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one(Input).value.rstrip(".") == whole


async def test_the_footer_keeps_the_main_bindings_when_the_sidebar_has_focus():
    app = quiet_app(timeline=synthetic_timeline(30, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for key in ("Filter", "Merge", "Quit", "Help", "Search", "Save"):
            assert key in footer, footer


async def test_the_palette_lists_quit_once():
    app = quiet_app(timeline=synthetic_timeline(30, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"quit")
        commands = app.screen.query_one(CommandList)
        for _ in range(100):  # the palette searches in the background
            await pilot.pause(0.05)
            if commands.option_count:
                break
        await pilot.pause(0.2)
        titles = [str(commands.get_option_at_index(i).prompt).splitlines()[0] for i in range(commands.option_count)]
        assert sum(title.strip() == "Quit" for title in titles) == 1, titles


async def test_one_event_is_one_event():
    app = quiet_app(timeline=synthetic_timeline(1, n_entities=4))
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        assert "1 event " in text and "1 events" not in text


# ------------------------------------------------------------------ cost per key, quitting a build


async def test_moving_the_cursor_repaints_the_status_line_without_a_relayout():
    app = quiet_app(timeline=synthetic_timeline(200, n_entities=16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        layouts = []
        screen = app.screen
        original = screen._refresh_layout
        screen._refresh_layout = lambda *a, **k: (layouts.append(1), original(*a, **k))[1]
        await pilot.press("j", "j", "j", "j", "j")
        await cursor_rested(pilot)
        app.dirty = True  # the status line changes: "unsaved changes"
        await pilot.pause()
        assert app.query_one(StatusLine).status.dirty and "unsaved changes" in screen_text(app)
        assert str(app.detail.render()).startswith(app.timeline_view.current.shown_span.label(weekday=True))
        assert layouts == []


async def test_quitting_during_a_build_stops_the_build_and_exits(tmp_path: Path):
    folder = tmp_path / "big"
    folder.mkdir()
    for copy in range(40):
        for article in sorted(bundled_corpus().glob("*.txt")):
            shutil.copy(article, folder / f"{copy:02d}_{article.name}")
    app = quiet_app(corpus=load_corpus(folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.building
        await pilot.press("q")
        await pilot.pause()
    thread = app._build_thread
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert app.build_cancelled and app.timeline is None
