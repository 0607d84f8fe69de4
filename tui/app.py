"""scaletui: a keyboard-first explorer for a news story's timeline.

The app holds one Timeline. The sidebar filters it by entity, the timeline
pane lists what is shown, Enter compares the sources on one event, and the
user's annotations are saved with the whole timeline to TOML.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from events import annotations
from events.errors import SaveConflict, ScaletuiError
from events.model import Entity, Event, Timeline
from tui.screens.article import ArticleScreen, article_path
from tui.screens.comparison import ComparisonScreen
from tui.screens.dialogs import AliasPicker, Choice, EntityPicker, TextPrompt
from tui.screens.help import HelpScreen, HelpSection
from tui.text import plain
from tui.widgets.build_progress import BuildProgress
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_block import SourceBlock
from tui.widgets.status_line import Status, StatusLine
from tui.widgets.timeline_view import DATE_WIDTH, TimelineView, source_symbol, timeline_order

if TYPE_CHECKING:
    from events.corpus import Corpus

# Actions that only make sense on the main screen (filtering, searching, entity edits).
MAIN_SCREEN_ACTIONS = {
    "search",
    "next_match",
    "previous_match",
    "clear_filter",
    "toggle_filter_mode",
    "timeline",
    "rename_entity",
    "merge_entity",
    "split_entity",
    "focus_timeline",
    "focus_entities",
}
DATE_HINT = 'e.g. "2025-06-12", "12 Jun 2025", "Jun 2025", "Q2 2025", "2024", "by end 2025", "early 2025"; empty clears'

# Palette-only commands: (title, action, help).
EXTRA_COMMANDS = [
    ("Compare sources for the selected event", "compare", "open the source comparison view"),
    ("Next month", "timeline('next_month')", "jump to the first event of the next month"),
    ("Previous month", "timeline('previous_month')", "jump to the start of this or the previous month"),
    ("Next year", "timeline('next_year')", "jump to the first event of the next year"),
    ("Previous year", "timeline('previous_year')", "jump to the start of this or the previous year"),
    ("First event", "timeline('first')", "jump to the first event shown"),
    ("Last event", "timeline('last')", "jump to the last event shown"),
    ("Focus the timeline", "focus_timeline", "move the keyboard focus to the timeline pane"),
    ("Focus the entities", "focus_entities", "move the keyboard focus to the entity sidebar"),
    ("Rename entity", "rename_entity", "rename the entity highlighted in the sidebar"),
    ("Merge entity", "merge_entity", "fold another entity into the highlighted one"),
    ("Split entity", "split_entity", "move some aliases of the highlighted entity into a new one"),
]


def keep_out_of_gc() -> None:
    """Move every object alive now out of the garbage collector's sight.

    A big timeline is hundreds of thousands of long-lived objects; each full
    collection would walk them all, which made the first frame at 10,000 events
    twice as slow as at 100. They are freed normally once unfrozen.
    """
    gc.freeze()


class ActionsProvider(Provider):
    """Every app action in the command palette, with its key."""

    def _commands(self) -> list[tuple[str, str, str]]:
        app = self.app
        assert isinstance(app, ScaletuiApp)
        commands = []
        for binding in app.BINDINGS:
            assert isinstance(binding, Binding)
            key = app.get_key_display(Binding(binding.key.split(",")[0], binding.action))
            commands.append((binding.description, binding.action, f"{binding.tooltip or binding.description} ({key})"))
        commands.extend(EXTRA_COMMANDS)
        # self.screen is the screen the palette was opened from.
        return [command for command in commands if app.action_available(command[1].split("(")[0], self.screen)]

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action), help=help_text)


class ScaletuiApp(App[None]):
    """The timeline explorer. Give it a corpus to build, or a timeline to show."""

    CSS_PATH = "app.tcss"
    TITLE = "scaletui"
    COMMANDS = App.COMMANDS | {ActionsProvider}

    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (asks first when there are unsaved changes)"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Show every key binding"),
        Binding("slash", "search", "Search", id="app.search", tooltip="Search titles, statements and entities"),
        Binding("n", "next_match", "Next match", show=False, id="app.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="app.previous_match"),
        Binding("x", "clear_filter", "Clear filter", id="app.clear_filter", tooltip="Clear the entity filter"),
        Binding("o", "toggle_filter_mode", "AND/OR", id="app.filter_mode", tooltip="Switch the entity filter between AND and OR"),
        Binding("e", "edit_note", "Note", id="app.note", tooltip="Write a note on the selected event"),
        Binding("t", "edit_tags", "Tags", show=False, id="app.tags", tooltip="Tag the selected event"),
        Binding("f", "set_flag", "Flag", id="app.flag", tooltip="Flag the selected event important, disputed or verified"),
        Binding("d", "correct_date", "Fix date", show=False, id="app.date", tooltip="Correct the selected event's date"),
        Binding("T", "edit_title", "Fix title", show=False, id="app.title", tooltip="Correct the selected event's title"),
        Binding("ctrl+s", "save", "Save", id="app.save", tooltip="Save the annotated timeline"),
        Binding("S", "save_as", "Save as", show=False, id="app.save_as", tooltip="Save the annotated timeline to a new file"),
        Binding("ctrl+o", "open", "Open", show=False, id="app.open", tooltip="Open a timeline .toml or a corpus folder"),
    ]

    dirty: reactive[bool] = reactive(False, init=False)

    class BuildProgressed(Message):
        def __init__(self, stage: str, fraction: float) -> None:
            super().__init__()
            self.stage = stage
            self.fraction = fraction

    class TimelineBuilt(Message):
        def __init__(self, timeline: Timeline) -> None:
            super().__init__()
            self.timeline = timeline

    class BuildFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(
        self,
        corpus: Corpus | None = None,
        timeline: Timeline | None = None,
        timeline_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.timeline: Timeline | None = timeline
        self.timeline_path: Path | None = Path(timeline_path) if timeline_path else None
        self._stamp: int | None = None
        self._order: list[Event] | None = None
        self._haystacks: dict[str, str] = {}
        self.shown: list[Event] = []
        self.search_query = ""
        self.match_indices: list[int] = []
        self.building = ""
        if timeline is not None:
            keep_out_of_gc()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal(id="main"):
            yield EntitySidebar(id="entities")
            with Vertical(id="timeline-pane"):
                yield Static(id="legend", markup=False)
                yield TimelineView(id="timeline")
                yield BuildProgress(id="progress")
                yield Static("No timeline open: press ctrl+o to open a timeline .toml or a corpus folder.", id="empty")
        yield SearchBar(id="search")
        yield Footer()

    @property
    def timeline_view(self) -> TimelineView:
        return self.query_one("#timeline", TimelineView)

    @property
    def sidebar(self) -> EntitySidebar:
        return self.query_one("#entities", EntitySidebar)

    def on_mount(self) -> None:
        if self.timeline is not None:
            stamp = None
            if self.timeline_path is not None:
                from events.store import file_stamp

                stamp = file_stamp(self.timeline_path)
            self._install(self.timeline, self.timeline_path, stamp)
        elif self.corpus is not None:
            self._start_build(self.corpus)
        else:
            self._show_pane("empty")
            self._update_status()

    def _show_pane(self, which: str) -> None:
        for name in ("timeline", "progress", "empty"):
            self.query_one(f"#{name}").display = name == which
        self.query_one("#legend").display = which == "timeline"

    # ------------------------------------------------------------------ building a timeline

    def _start_build(self, corpus: Corpus) -> None:
        self.building = f"building the timeline of {corpus.folder}"
        self._show_pane("progress")
        self._update_status()
        self._build(corpus)

    @work(thread=True, exclusive=True, group="build", exit_on_error=False)
    def _build(self, corpus: Corpus) -> None:
        from events.pipeline import build_timeline

        try:
            timeline = build_timeline(corpus, progress=lambda stage, fraction: self.post_message(self.BuildProgressed(stage, fraction)))
        except ScaletuiError as error:
            self.post_message(self.BuildFailed(str(error)))
        except Exception as error:  # a pipeline bug must not take the user's screen down
            self.post_message(self.BuildFailed(f"could not build the timeline of {corpus.folder}: {type(error).__name__}: {error}"))
        else:
            self.post_message(self.TimelineBuilt(timeline))

    def on_scaletui_app_build_progressed(self, message: BuildProgressed) -> None:
        self.query_one(BuildProgress).report(message.stage, message.fraction)

    def on_scaletui_app_timeline_built(self, message: TimelineBuilt) -> None:
        self.building = ""
        self._install(message.timeline, None, None)

    def on_scaletui_app_build_failed(self, message: BuildFailed) -> None:
        self.building = ""
        self.notify(message.problem, title="Build failed", severity="error", markup=False)
        self._show_pane("timeline" if self.timeline is not None else "empty")
        self._update_status()

    def _install(self, timeline: Timeline, path: Path | None, stamp: int | None) -> None:
        """Show a new timeline: everything from the old one (filters, search) is dropped."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        gc.unfreeze()  # let the previous timeline be collected
        keep_out_of_gc()
        self.timeline, self.timeline_path, self._stamp = timeline, path, stamp
        self._order, self._haystacks = None, {}
        self.search_query, self.match_indices = "", []
        self.dirty = False
        self.sidebar.clear()
        self.sidebar.show(timeline)
        self._show_pane("timeline")
        self.query_one("#legend", Static).update(self._legend(timeline))
        self._refilter()
        keep_out_of_gc()
        self.timeline_view.focus()

    def _legend(self, timeline: Timeline) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("  " + "date".ljust(DATE_WIDTH), style="bold")
        text.append("".join(source_symbol(i) for i in range(len(timeline.sources))), style="bold")
        text.append("  ✎!≠ ", style="bold")
        text.append("event\n", style="bold")
        text.append("  sources: ", style="dim")
        for index, source in enumerate(timeline.sources):
            text.append(f"{source_symbol(index)} ", style="bold")
            text.append_text(plain(timeline.source_label(source.id)))
            text.append("  ")
        text.append("✎ note  ! ? ✓ flag  ≠ sources disagree", style="dim")
        return text

    # ------------------------------------------------------------------ filtering and status

    def _sorted_events(self) -> list[Event]:
        if self._order is None:
            assert self.timeline is not None
            self._order = sorted(self.timeline.events, key=timeline_order)
        return self._order

    def _refilter(self, keep: str | None = None) -> None:
        if self.timeline is None:
            return
        view = self.timeline_view
        keep = keep or (view.current.id if view.current else None)
        chosen, mode = set(self.sidebar.selected), self.sidebar.mode
        events = self._sorted_events()
        if chosen:
            if mode == "and":
                events = [event for event in events if chosen.issubset(event.entities)]
            else:
                events = [event for event in events if not chosen.isdisjoint(event.entities)]
        self.shown = events
        empty = "No event has all the chosen entities (o: switch to OR, x: clear)." if chosen else "This timeline has no events."
        view.show(events, self.timeline.sources, keep=keep, empty_text=empty)
        if self.search_query:
            self._find_matches()
        self._update_status()

    def on_entity_sidebar_filter_changed(self, message: EntitySidebar.FilterChanged) -> None:
        self._refilter()

    def on_timeline_view_highlighted(self, message: TimelineView.Highlighted) -> None:
        self._update_status()

    def _update_status(self) -> None:
        timeline = self.timeline
        names: tuple[str, ...] = ()
        if timeline is not None:
            names = tuple(e.name for entity_id in self.sidebar.selected if (e := timeline.entity(entity_id)))
        position = 0
        cursor = self.timeline_view.cursor
        if cursor in self.match_indices:
            position = self.match_indices.index(cursor) + 1
        self.query_one(StatusLine).show_status(
            Status(
                corpus=timeline.corpus if timeline else "",
                path=str(self.timeline_path) if self.timeline_path else "",
                shown=len(self.shown),
                total=len(timeline.events) if timeline else 0,
                filters=names,
                mode=self.sidebar.mode,
                search=self.search_query,
                match_position=position,
                match_count=len(self.match_indices),
                dirty=self.dirty,
                busy=self.building,
            )
        )

    def watch_dirty(self) -> None:
        self.sub_title = "unsaved changes" if self.dirty else ""
        self._update_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.action_available(action, self.screen)

    def action_available(self, action: str, screen: Screen) -> bool:
        """Dialogs take every key; filtering and searching only work on the main screen."""
        if isinstance(screen, ModalScreen) and action != "command_palette":
            return False
        return not (action in MAIN_SCREEN_ACTIONS and screen is not self.screen_stack[0])

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.value = self.search_query
        bar.focus()

    def on_input_submitted(self, message: SearchBar.Submitted) -> None:
        if not isinstance(message.input, SearchBar):
            return
        message.stop()
        self._close_search()
        self.search(message.value)

    def on_search_bar_cancelled(self, message: SearchBar.Cancelled) -> None:
        self._close_search()

    def _close_search(self) -> None:
        self.query_one(SearchBar).display = False
        self.timeline_view.focus()

    def search(self, query: str) -> None:
        """Mark the shown events matching `query` and move to the first at or after the cursor."""
        self.search_query = query.strip()
        self._find_matches()
        if self.search_query and self.match_indices:
            self._jump_to_match(1, include_current=True)
        elif self.search_query:
            self.notify(f"No event matches {self.search_query!r}", markup=False, severity="warning")
        self._update_status()

    def _haystack(self, event: Event) -> str:
        if (text := self._haystacks.get(event.id)) is None:
            assert self.timeline is not None
            parts = [event.shown_title, event.title, *(s.text for s in event.statements)]
            for entity_id in event.entities:
                if (entity := self.timeline.entity(entity_id)) is not None:
                    parts.append(entity.name)
                    parts.extend(alias.text for alias in entity.aliases)
            text = "\n".join(parts).casefold()
            self._haystacks[event.id] = text
        return text

    def _find_matches(self) -> None:
        needle = self.search_query.casefold()
        self.match_indices = [i for i, event in enumerate(self.shown) if needle and needle in self._haystack(event)]
        self.timeline_view.set_matches(set(self.match_indices))

    def _jump_to_match(self, direction: int, include_current: bool = False) -> None:
        if not self.match_indices:
            if self.search_query:
                self.notify(f"No event matches {self.search_query!r}", markup=False, severity="warning")
            return
        cursor = self.timeline_view.cursor
        if direction > 0:
            later = [i for i in self.match_indices if i > cursor or (include_current and i == cursor)]
            target = later[0] if later else self.match_indices[0]
        else:
            earlier = [i for i in self.match_indices if i < cursor]
            target = earlier[-1] if earlier else self.match_indices[-1]
        self.timeline_view.cursor = target
        self._update_status()

    def action_next_match(self) -> None:
        self._jump_to_match(1)

    def action_previous_match(self) -> None:
        self._jump_to_match(-1)

    # ------------------------------------------------------------------ navigation

    def action_clear_filter(self) -> None:
        self.sidebar.clear()

    def action_toggle_filter_mode(self) -> None:
        self.sidebar.toggle_mode()

    def action_timeline(self, name: str) -> None:
        getattr(self.timeline_view, f"action_{name}")()

    def action_focus_timeline(self) -> None:
        self.timeline_view.focus()

    def action_focus_entities(self) -> None:
        self.sidebar.option_list.focus()

    def action_compare(self) -> None:
        if (event := self.timeline_view.current) is not None:
            self._compare(event)

    def on_timeline_view_selected(self, message: TimelineView.Selected) -> None:
        self._compare(message.event)

    def _compare(self, event: Event) -> None:
        assert self.timeline is not None
        self.push_screen(ComparisonScreen(self.timeline, event))

    def on_source_block_open_article(self, message: SourceBlock.OpenArticle) -> None:
        assert self.timeline is not None
        path = article_path(self.timeline.corpus, message.source, self.timeline_path)
        self.push_screen(ArticleScreen(message.source, path, message.statement))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[HelpSection]:
        palette = [Binding("ctrl+p", "command_palette", "Command palette: every action by name")]
        tab = [
            Binding("tab", "focus_next", "Next pane"),
            Binding("shift+tab", "focus_previous", "Previous pane"),
        ]
        return [
            ("Everywhere", [*self.BINDINGS, *palette, *tab]),
            ("Timeline pane", TimelineView.BINDINGS),
            ("Entity sidebar (also: up/down to move, enter to filter)", EntitySidebar.BINDINGS),
            ("Search bar", [Binding("enter", "search", "Search"), *SearchBar.BINDINGS]),
            ("Source comparison", [*ComparisonScreen.BINDINGS, *SourceBlock.BINDINGS]),
            ("Article", ArticleScreen.BINDINGS),
            ("Dialogs", [Binding("enter", "submit", "Answer"), Binding("escape", "cancel", "Cancel")]),
        ]

    # ------------------------------------------------------------------ event annotations

    def current_event(self) -> Event | None:
        if isinstance(self.screen, ComparisonScreen):
            return self.screen.event
        return self.timeline_view.current

    def _event_or_warn(self) -> Event | None:
        event = self.current_event()
        if event is None:
            self.notify("No event selected", severity="warning")
        return event

    def _change(self, change: Callable[[], object], *, resort: bool = False, entities: bool = False) -> bool:
        """Run one annotation change; on bad input say why and change nothing."""
        try:
            change()
        except ScaletuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        self.dirty = True
        self._haystacks = {}
        if entities and self.timeline is not None:
            self.sidebar.show(self.timeline)
        if resort:
            self._order = None
        if resort or entities:
            current = self.current_event()
            self._refilter(keep=current.id if current else None)
        else:
            self.timeline_view.refresh_rows()
            self._update_status()
        for screen in self.screen_stack:
            if isinstance(screen, ComparisonScreen):
                screen.refresh_event()
        return True

    def action_edit_note(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        self._prompt(
            TextPrompt(f"Note on: {event.shown_title}", event.annotation.note, "Enter saves, Escape cancels; empty clears"),
            lambda value: annotations.set_note(self.timeline, event.id, value),
        )

    def action_edit_tags(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        self._prompt(
            TextPrompt(f"Tags for: {event.shown_title}", ", ".join(event.annotation.tags), "comma or space separated"),
            lambda value: annotations.set_tags(self.timeline, event.id, value),
        )

    def action_edit_title(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        self._prompt(
            TextPrompt("Corrected title", event.annotation.title or event.title, f"found: {event.title}; empty restores it"),
            lambda value: annotations.set_title(self.timeline, event.id, value),
        )

    def action_correct_date(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        current = event.annotation.span.label() if event.annotation.span else ""
        self._prompt(
            TextPrompt(f"Corrected date for: {event.shown_title} (found: {event.span.label()})", current, DATE_HINT),
            lambda value: annotations.correct_date(self.timeline, event.id, value),
            resort=True,
        )

    def action_set_flag(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        answers = [("i", "Important", "important"), ("d", "Disputed", "disputed"), ("v", "Verified", "verified"), ("x", "No flag", "")]

        def chosen(value: str | None) -> None:
            if value is not None:
                self._change(lambda: annotations.set_flag(self.timeline, event.id, value))

        self.push_screen(Choice(f"Flag: {event.shown_title}", answers), chosen)

    def _prompt(self, dialog: TextPrompt, apply: Callable[[str], object], *, resort: bool = False) -> None:
        def answered(value: str | None) -> None:
            if value is not None:
                self._change(lambda: apply(value), resort=resort)

        self.push_screen(dialog, answered)

    # ------------------------------------------------------------------ entity edits

    def _entity_or_warn(self) -> Entity | None:
        entity = self.sidebar.highlighted_entity
        if entity is None:
            self.notify("No entity highlighted in the sidebar", severity="warning")
        return entity

    def action_rename_entity(self) -> None:
        if (entity := self._entity_or_warn()) is None:
            return

        def answered(value: str | None) -> None:
            if value is not None:
                self._change(lambda: annotations.rename_entity(self.timeline, entity.id, value), entities=True)

        self.push_screen(TextPrompt(f"Rename {entity.name}", entity.name), answered)

    def action_merge_entity(self) -> None:
        if (entity := self._entity_or_warn()) is None or self.timeline is None:
            return
        others = [other for other in self.timeline.entities if other.id != entity.id]

        def picked(other_id: str | None) -> None:
            if other_id:
                self._change(lambda: annotations.merge_entities(self.timeline, entity.id, other_id), entities=True)

        self.push_screen(EntityPicker(f"Merge into {entity.name}: choose the entity to fold in", others), picked)

    def action_split_entity(self) -> None:
        if (entity := self._entity_or_warn()) is None:
            return

        def picked(answer: tuple[list[str], str] | None) -> None:
            if answer is not None:
                aliases, name = answer
                self._change(lambda: annotations.split_entity(self.timeline, entity.id, aliases, name), entities=True)

        self.push_screen(AliasPicker(entity), picked)

    # ------------------------------------------------------------------ saving

    def _default_path(self) -> Path:
        if self.timeline_path is not None:
            return self.timeline_path
        name = Path(self.timeline.corpus).name if self.timeline and self.timeline.corpus else ""
        return Path(f"{name or 'timeline'}.toml")

    def action_save(self, then: Callable[[], object] | None = None) -> None:
        if self.timeline is None:
            self.notify("Nothing to save yet", severity="warning")
            return
        if self.timeline_path is None:
            self.action_save_as(then)
            return
        self._save(self.timeline_path, self._stamp, then=then)

    def action_save_as(self, then: Callable[[], object] | None = None) -> None:
        if self.timeline is None:
            self.notify("Nothing to save yet", severity="warning")
            return

        def answered(value: str | None) -> None:
            if not value or not value.strip():
                return
            path = Path(value.strip()).expanduser()
            if path.is_dir():
                self.notify(f"{path} is a folder: give a file name", severity="error", markup=False)
                return
            if path == self.timeline_path:
                self._save(path, self._stamp, then=then)
                return
            from events.store import file_stamp

            stamp = file_stamp(path)
            if stamp is None:
                self._save(path, None, then=then)
                return

            def confirmed(answer: str | None) -> None:
                if answer == "overwrite":
                    self._save(path, stamp, then=then)

            self.push_screen(Choice(f"{path} exists. Overwrite it?", [("y", "Overwrite", "overwrite"), ("n", "Cancel", "cancel")]), confirmed)

        self.push_screen(TextPrompt("Save the annotated timeline as", str(self._default_path()), "a .toml file path"), answered)

    def _save(self, path: Path, expected: int | None, *, force: bool = False, then: Callable[[], object] | None = None) -> None:
        from events.store import save_timeline

        assert self.timeline is not None
        try:
            stamp = save_timeline(self.timeline, path, expected, force=force)
        except SaveConflict as conflict:
            self._resolve_conflict(path, conflict, then)
            return
        except ScaletuiError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        self.timeline_path, self._stamp = path, stamp
        self.dirty = False
        self.notify(f"Saved {len(self.timeline.events)} events to {path}", markup=False)
        if then is not None:
            then()

    def _resolve_conflict(self, path: Path, conflict: SaveConflict, then: Callable[[], object] | None) -> None:
        def answered(answer: str | None) -> None:
            if answer == "overwrite":
                self._save(path, None, force=True, then=then)
            elif answer == "save_as":
                self.action_save_as(then)

        answers = [("o", "Overwrite", "overwrite"), ("a", "Save as…", "save_as"), ("c", "Cancel", "cancel")]
        self.push_screen(Choice(f"{conflict}. What now?", answers), answered)

    # ------------------------------------------------------------------ opening and quitting

    def action_open(self) -> None:
        def answered(value: str | None) -> None:
            if value and value.strip():
                self.open_path(Path(value.strip()).expanduser())

        self.push_screen(TextPrompt("Open a timeline .toml or a corpus folder", "", "the current timeline stays if it cannot be opened"), answered)

    def open_path(self, path: Path) -> None:
        """Open `path`; when it cannot be, say why and keep what is on screen."""
        from events.corpus import load_corpus
        from events.store import file_stamp, load_timeline

        try:
            if path.is_dir():
                corpus = load_corpus(path)
                proceed: Callable[[], object] = lambda: self._start_build(corpus)
            else:
                timeline = load_timeline(path)
                stamp = file_stamp(path)
                proceed = lambda: self._install(timeline, path, stamp)
        except ScaletuiError as error:
            self.notify(str(error), title="Not opened", severity="error", markup=False)
            return
        self._unless_unsaved(proceed, "Open another timeline and lose your unsaved changes?")

    def _unless_unsaved(self, proceed: Callable[[], object], question: str) -> None:
        if not self.dirty:
            proceed()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save(then=proceed)
            elif answer == "discard":
                proceed()

        answers = [("s", "Save first", "save"), ("d", "Discard changes", "discard"), ("c", "Cancel", "cancel")]
        self.push_screen(Choice(question, answers), answered)

    async def action_quit(self) -> None:
        self._unless_unsaved(self.exit, "You have unsaved changes. Quit anyway?")
