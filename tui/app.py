"""scaletui: a keyboard-first explorer for a news story's timeline.

The app holds one Timeline. The sidebar filters it by entity, the timeline
pane lists what is shown, Enter compares the sources on one event, and the
user's annotations are saved with the whole timeline to TOML.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from events.errors import ScaletuiError
from events.model import Event, Timeline
from tui.annotating import AnnotatingMixin
from tui.commands import ActionsProvider, help_sections
from tui.saving import SavingMixin
from tui.screens.article import ArticleScreen, article_path
from tui.screens.comparison import ComparisonScreen
from tui.screens.help import HelpScreen, HelpSection
from tui.searching import SearchingMixin
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


def keep_out_of_gc() -> None:
    """Move every object alive now out of the garbage collector's sight.

    A big timeline is hundreds of thousands of long-lived objects; each full
    collection would walk them all, which made the first frame at 10,000 events
    twice as slow as at 100. They are freed normally once unfrozen.
    """
    gc.freeze()


class ScaletuiApp(SearchingMixin, AnnotatingMixin, SavingMixin, App[None]):
    """The timeline explorer. Give it a corpus to build, or a timeline to show.

    The actions live in mixins by topic (searching, annotating, saving); the
    bindings, reactives and messages stay here, where Textual collects them.
    """

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
        return help_sections(self.BINDINGS)
