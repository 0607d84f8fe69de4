"""scaletui: a keyboard-first explorer for a news story's timeline.

The app holds one Timeline. It opens on the key events (the rest folded), the
overview strip shows the story's span, the sidebar filters by entity, the
detail pane shows the selected event in full, Enter compares the sources on
one event, and the user's annotations are saved with the whole timeline to TOML.

The layout follows the terminal: the sidebar hides itself when narrow (`b`
brings it back), the detail pane when short, and the source columns collapse
to a count when they do not fit.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events as textual_events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from scaletui.events.annotations import History
from scaletui.events.model import Entity, Event, Timeline
from scaletui.tui.annotating import AnnotatingMixin
from scaletui.tui.building import BuildingMixin
from scaletui.tui.marks import MarksMixin, has_own_mark
from scaletui.tui.commands import ActionsProvider, help_sections
from scaletui.tui.labels import source_labels
from scaletui.tui.saving import SavingMixin
from scaletui.tui.screens.article import ArticleScreen, article_path
from scaletui.tui.screens.comparison import ComparisonScreen
from scaletui.tui.screens.help import HelpScreen, HelpSection
from scaletui.tui.searching import SearchingMixin
from scaletui.tui.text import plain
from scaletui.tui.widgets.build_progress import BuildProgress
from scaletui.tui.widgets.entity_sidebar import EntitySidebar
from scaletui.tui.widgets.event_detail import EventDetail
from scaletui.tui.widgets.overview_strip import OverviewStrip
from scaletui.tui.widgets.search_bar import SearchBar
from scaletui.tui.widgets.source_block import SourceBlock
from scaletui.tui.widgets.status_line import Status, StatusLine
from scaletui.tui.widgets.still import StillFooter, StillHorizontal, StillScreen, StillStatic, StillVertical
from scaletui.tui.widgets.timeline_view import (
    DATE_WIDTH,
    NARROW,
    NARROW_DATE_WIDTH,
    TimelineView,
    source_columns_fit,
    source_symbol,
    timeline_order,
)

if TYPE_CHECKING:
    from scaletui.events.corpus import Corpus

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
    "next_disagreement",
    "previous_disagreement",
    "next_mark",
    "previous_mark",
    "only_marked",
    "toggle_sidebar",
    "toggle_detail",
    "sidebar_down",
    "sidebar_up",
}

SIDEBAR_WIDTH = 34  # as app.tcss sets it
TIMELINE_CHROME = 3  # the timeline's focus edge and scrollbar
# Below this width the sidebar hides itself; below this height, the detail pane.
SIDEBAR_MIN_WIDTH = 100
DETAIL_MIN_HEIGHT = 20


def keep_out_of_gc() -> None:
    """Move every object alive now out of the garbage collector's sight.

    A big timeline is hundreds of thousands of long-lived objects; each full
    collection would walk them all, which made the first frame at 10,000 events
    twice as slow as at 100. They are freed normally once unfrozen.
    """
    gc.freeze()


class ScaletuiApp(BuildingMixin, MarksMixin, SearchingMixin, AnnotatingMixin, SavingMixin, App[None]):
    """The timeline explorer. Give it a corpus to build, or a timeline to show.

    The actions live in mixins by topic (building, marks, searching, annotating,
    saving); the bindings, reactives and messages stay here, where Textual collects them.
    """

    CSS_PATH = "app.tcss"
    TITLE = "scaletui"
    COMMANDS = App.COMMANDS | {ActionsProvider}

    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (asks first when there are unsaved changes)"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Show every key binding"),
        Binding("slash", "search", "Search", id="app.search", tooltip="Search titles, statements and entities"),
        Binding("ctrl+s", "save", "Save", id="app.save", tooltip="Save the annotated timeline"),
        Binding("greater_than_sign", "next_disagreement", "Next ≠", id="app.next_disagreement", tooltip="Jump to the next event where sources disagree"),
        Binding("n", "next_match", "Next match", show=False, id="app.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="app.previous_match"),
        Binding("x", "clear_filter", "Clear filter", show=False, id="app.clear_filter", tooltip="Clear the entity filter"),
        Binding("o", "toggle_filter_mode", "AND/OR", show=False, id="app.filter_mode", tooltip="Switch the entity filter between AND and OR"),
        Binding("e", "edit_note", "Note", id="app.note", tooltip="Write a note on the selected event"),
        Binding("t", "edit_tags", "Tags", show=False, id="app.tags", tooltip="Tag the selected event"),
        Binding("f", "set_flag", "Flag", id="app.flag", tooltip="Flag the selected event important, disputed or verified"),
        Binding("d", "correct_date", "Fix date", show=False, id="app.date", tooltip="Correct the selected event's date"),
        Binding("T", "edit_title", "Fix title", show=False, id="app.title", tooltip="Correct the selected event's title"),
        Binding("S", "save_as", "Save as", show=False, id="app.save_as", tooltip="Save the annotated timeline to a new file"),
        Binding("ctrl+o", "open", "Open", show=False, id="app.open", tooltip="Open a timeline .toml or a corpus folder"),
        Binding("less_than_sign", "previous_disagreement", "Previous ≠", show=False, id="app.previous_disagreement", tooltip="Jump to the previous event where sources disagree"),
        Binding("apostrophe", "next_mark", "Next mark", show=False, id="app.next_mark", tooltip="Jump to the next event you flagged, noted or tagged"),
        Binding("quotation_mark", "previous_mark", "Previous mark", show=False, id="app.previous_mark", tooltip="Jump to the previous event you flagged, noted or tagged"),
        Binding("exclamation_mark", "only_marked", "Only ≠ and marks", show=False, id="app.only_marked", tooltip="Show only events with a disagreement, a flag, a note or tags (again: everything)"),
        Binding("u", "undo", "Undo", show=False, id="app.undo", tooltip="Undo the last annotation or entity edit"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="app.redo", tooltip="Redo what was undone"),
        Binding("b", "toggle_sidebar", "Hide/show entities", show=False, id="app.sidebar", tooltip="Hide or show the entity sidebar"),
        Binding("i", "toggle_detail", "Hide/show details", show=False, id="app.detail", tooltip="Hide or show the detail pane under the timeline"),
        Binding("j", "sidebar_down", "Down the entities", show=False, id="app.sidebar_down"),
        Binding("k", "sidebar_up", "Up the entities", show=False, id="app.sidebar_up"),
    ]

    dirty: reactive[bool] = reactive(False, init=False)

    class BuildProgressed(Message):
        def __init__(self, stage: str, fraction: float, build: int = 0) -> None:
            super().__init__()
            self.stage = stage
            self.fraction = fraction
            self.build = build

    class TimelineBuilt(Message):
        def __init__(self, timeline: Timeline, build: int = 0) -> None:
            super().__init__()
            self.timeline = timeline
            self.build = build

    class BuildFailed(Message):
        def __init__(self, problem: str, build: int = 0) -> None:
            super().__init__()
            self.problem = problem
            self.build = build

    class Ranked(Message):
        """A timeline saved without ranks has been ranked: the key view can fold it now."""

        def __init__(self, timeline: Timeline, ranks: list[tuple[Event, tuple[int, bool]]]) -> None:
            super().__init__()
            self.timeline = timeline
            self.ranks = ranks

    def __init__(
        self,
        corpus: Corpus | None = None,
        timeline: Timeline | None = None,
        timeline_path: Path | None = None,
        *,
        key_view: bool = True,
    ) -> None:
        super().__init__()
        self.key_view = key_view
        self.history = History()
        self.only_marked = False
        self._query_before = ""
        self._entity_by_id: dict[str, Entity] = {}
        self._position_of: dict[str, int] | None = None  # each shown event's index, made by the first jump that needs it
        self._last_search: tuple[str, list[Event]] | None = None  # (query, what it found among `shown`)
        self._sidebar_wanted: bool | None = None  # the user's choice; None: follow the width
        self._detail_wanted = True
        self._build_number = 0
        self._build_cancel = threading.Event()
        self._build_thread: threading.Thread | None = None
        self._prepare_thread: threading.Thread | None = None
        self.build_cancelled = False  # the last build stopped because the user left
        self.ranked = False  # the shown timeline's events have ranks (else they are being ranked)
        self.corpus = corpus
        self.timeline: Timeline | None = timeline
        self.timeline_path: Path | None = Path(timeline_path) if timeline_path else None
        self._stamp: int | None = None
        self._after_save: list[Callable[[], object]] = []  # see SavingMixin.after_saving
        self._order: list[Event] | None = None
        self._haystacks: dict[str, str] = {}
        self._annotated: dict[str, str] | None = None  # see SearchingMixin._user_texts
        self.shown: list[Event] = []
        self.search_query = ""
        self.match_indices: list[int] = []
        self.building = ""
        if timeline is not None:
            keep_out_of_gc()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with StillHorizontal(id="main"):
            yield EntitySidebar(id="entities")
            with StillVertical(id="timeline-pane"):
                yield OverviewStrip(id="overview")
                yield StillStatic(id="legend", markup=False)
                yield TimelineView(id="timeline")
                yield BuildProgress(id="progress")
                yield Static("No timeline open: press ctrl+o to open a timeline .toml or a corpus folder.", id="empty")
                yield EventDetail(id="detail")
        yield SearchBar(id="search")
        yield StillFooter()

    @property
    def timeline_view(self) -> TimelineView:
        return self.query_one("#timeline", TimelineView)

    @property
    def sidebar(self) -> EntitySidebar:
        return self.query_one("#entities", EntitySidebar)

    @property
    def detail(self) -> EventDetail:
        return self.query_one("#detail", EventDetail)

    @property
    def overview(self) -> OverviewStrip:
        return self.query_one("#overview", OverviewStrip)

    def get_default_screen(self) -> Screen:
        return StillScreen(id="_default")  # as App's, keeping its lines while a move repaints the panes

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Quit is ours (it asks about unsaved changes): list it once.
        for command in super().get_system_commands(screen):
            if command.title.lower() != "quit":
                yield command

    def on_mount(self) -> None:
        self.watch(self.timeline_view, "cursor", self._cursor_moved, init=False)
        if self.timeline is not None:
            stamp = None
            if self.timeline_path is not None:
                from scaletui.events.store import file_stamp

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
        self.query_one("#overview").display = which == "timeline"
        if which != "timeline":
            self.set_focus(None)
        self._fit_layout()

    # ------------------------------------------------------------------ fitting the terminal

    def on_resize(self, event: textual_events.Resize) -> None:
        self._fit_layout()

    def _fit_layout(self) -> None:
        width, height = self.size
        sidebar = self._sidebar_wanted if self._sidebar_wanted is not None else width >= SIDEBAR_MIN_WIDTH
        self.sidebar.display = sidebar
        if not sidebar and self.focused is not None and self.sidebar in self.focused.ancestors_with_self:
            self.timeline_view.focus()
        self.detail.display = self._detail_wanted and height >= DETAIL_MIN_HEIGHT and self.timeline_view.display
        self.detail.styles.height = 7 if height >= 32 else 5
        if self.timeline is not None:
            self.query_one("#legend", Static).update(self._legend(self.timeline))

    def action_toggle_sidebar(self) -> None:
        self._sidebar_wanted = not self.sidebar.display
        self._fit_layout()

    def action_toggle_detail(self) -> None:
        self._detail_wanted = not self.detail.display
        self._fit_layout()

    def _install(self, timeline: Timeline, path: Path | None, stamp: int | None) -> None:
        """Show a new timeline: everything from the old one (filters, search) is dropped."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        gc.unfreeze()  # let the previous timeline be collected
        keep_out_of_gc()
        self.ranked = not timeline.events or any(event.rank for event in timeline.events)
        self.timeline, self.timeline_path, self._stamp = timeline, path, stamp
        self._order, self._haystacks, self._annotated = None, {}, None
        self._entity_by_id = {entity.id: entity for entity in timeline.entities}
        self.search_query, self.match_indices = "", []
        self.only_marked = False
        self.history.clear()
        self.dirty = False
        view = self.timeline_view
        view.key_view = self.key_view
        view.unfolded.clear()
        view._unfolded_together.clear()
        view.revealed.clear()
        self.detail.set_timeline(timeline)
        self.sidebar.clear()
        self.sidebar.show(timeline)
        self._show_pane("timeline")
        self._refilter()
        keep_out_of_gc()
        self.timeline_view.focus()
        # In the background: rank a timeline saved without ranks (every event is listed meanwhile),
        # then build the search index, so the first search is as fast as the next.
        haystacks = self._haystacks
        # Started after the first frame is painted, so it does not compete with it.
        self._prepare_thread = threading.Thread(target=self._prepare, args=(timeline, haystacks), name="scaletui-prepare", daemon=True)
        self.call_after_refresh(self._prepare_thread.start)

    def _prepare(self, timeline: Timeline, haystacks: dict[str, str]) -> None:
        if not self.ranked:
            from scaletui.events.ranking import ranking

            events = list(timeline.events)
            self.post_message(self.Ranked(timeline, list(zip(events, ranking(events, timeline.sources)))))
        self._index_for_search(timeline, haystacks)
        # The map of the user's annotations, read on the app's own thread (annotations change there).
        self.call_later(self._user_texts)

    def on_scaletui_app_ranked(self, message: Ranked) -> None:
        if message.timeline is not self.timeline:
            return
        for event, (rank, key) in message.ranks:
            event.rank, event.key = rank, key
        self.ranked = True
        try:
            view = self.timeline_view
        except NoMatches:
            return  # the app is closing
        # Fold now; keep the cursor's event listed only if the user has moved to it.
        self._refilter(keep=view.current.id if view.current is not None and view.cursor > 0 else "")
        self._refresh_detail()  # the event under the cursor has a rank now

    def _index_for_search(self, timeline: Timeline, haystacks: dict[str, str]) -> None:
        for event in list(timeline.events):
            if haystacks is not self._haystacks or timeline is not self.timeline:
                return  # an entity edit or another timeline made this index stale
            self._haystack(event)

    def _legend(self, timeline: Timeline) -> Text:
        """Column headings, then every source column named (wrapping as needed), or a count when they collapse."""
        # Computed from the terminal, not from the panes, whose sizes lag a resize by a frame.
        width = self.size.width - (SIDEBAR_WIDTH if self.sidebar.display else 0) - 1  # less the legend's padding
        rows_width = width - TIMELINE_CHROME
        date_width = DATE_WIDTH if rows_width >= NARROW else NARROW_DATE_WIDTH
        columns = source_columns_fit(len(timeline.sources), rows_width)
        text = Text()
        text.append("  " + "date".ljust(date_width), style="bold")
        if columns:
            text.append("".join(source_symbol(i) for i in range(len(timeline.sources))), style="bold")
        else:
            text.append("srcs ", style="bold")
        text.append(" ✎!≠ ", style="bold")
        text.append("event", style="bold")
        # The legend items, packed into lines by hand so that no item is split across two lines.
        items: list[Text] = []
        if columns:
            labels = source_labels(timeline)
            for index, source in enumerate(timeline.sources):
                item = Text(f"{source_symbol(index)} ", style="bold")
                item.append_text(plain(labels[source.id]))
                items.append(item)
        else:
            items.append(Text(f"srcs: how many of the {len(timeline.sources)} sources report it; the detail pane names them", style="dim"))
        items.extend(Text(part, style="dim") for part in ("✎ note", "! ? ✓ flag", "≠ disagree", "≈ rounding"))
        line_width = 2
        text.append("\n  ")
        for item in items:
            if line_width > 2 and line_width + len(item) > width:
                text.append("\n  ")
                line_width = 2
            text.append_text(item)
            text.append("  ")
            line_width += len(item) + 2
        return text

    # ------------------------------------------------------------------ filtering and status

    def _sorted_events(self) -> list[Event]:
        if self._order is None:
            assert self.timeline is not None
            self._order = sorted(self.timeline.events, key=timeline_order)
        return self._order

    def _refilter(self, keep: str | None = None, *, search_only: bool = False) -> None:
        """Show the events the entity filter, the marks filter and the search leave, keeping the cursor's event.

        `search_only`: only the search changed, so the filtered list, its overview and positions stand.
        """
        if self.timeline is None:
            return
        view = self.timeline_view
        if keep is None:  # ("" keeps nothing: the cursor goes to the first event)
            current = view.current or (view.current_fold.members[0] if view.current_fold else None)
            keep = current.id if current else None
        chosen = set(self.sidebar.selected)
        if not search_only:
            events = self._sorted_events()
            if chosen:
                if self.sidebar.mode == "and":
                    events = [event for event in events if chosen.issubset(event.entities)]
                else:
                    events = [event for event in events if not chosen.isdisjoint(event.entities)]
            if self.only_marked:
                events = [event for event in events if event.discrepancies or has_own_mark(event)]
            self.shown = events
            self._position_of = None
            self.overview.show(events)
            self._last_search = None
        events = self.shown
        listed = events
        if self.search_query:
            # Typing on narrows what the shorter query found: each key searches fewer events.
            last = self._last_search
            within = last[1] if last is not None and self.search_query.casefold().startswith(last[0]) else events
            listed = self._matching(within, self.search_query)
            self._last_search = (self.search_query.casefold(), listed)
        if chosen:
            empty = "No event has all the chosen entities (o: switch to OR, x: clear)."
        elif self.search_query:
            empty = f"No event matches {self.search_query!r} (/ then Enter on an empty search shows everything)."
        elif self.only_marked:
            empty = "No event has a disagreement, a flag, a note or tags (! shows everything)."
        else:
            empty = "This timeline has no events."
        view.highlight = self.search_query
        view.show(listed, self.timeline.sources, keep=keep, empty_text=empty, fold=self.ranked and not (self.search_query or self.only_marked))
        self.match_indices = list(range(len(view.events))) if self.search_query else []
        view.set_matches(set(self.match_indices))
        self._update_status()

    def on_entity_sidebar_filter_changed(self, message: EntitySidebar.FilterChanged) -> None:
        self._refilter()

    def _cursor_moved(self) -> None:
        """The status line, the detail pane and the overview's mark follow the cursor, in the frame of the move.

        Each repaints only when what it shows changed. Called by a watch on the
        view's cursor rather than through a message: a message would arrive after
        the frame that repaints the rows, and cost a second frame per key.
        """
        try:
            view = self.timeline_view
        except NoMatches:
            return  # the app is closing
        self._update_status()
        self.detail.show(view.current or view.current_fold)
        first = view.current or (view.current_fold.members[0] if view.current_fold else None)
        self.overview.mark(first.shown_span.start if first else None)

    def on_timeline_view_folds_changed(self, message: TimelineView.FoldsChanged) -> None:
        self._update_status()

    def on_overview_strip_jump(self, message: OverviewStrip.Jump) -> None:
        target = next((event for event in self.shown if event.shown_span.start >= message.day), None)
        if target is not None:
            self.timeline_view.reveal(target)
            self.timeline_view.focus()

    def _update_status(self) -> None:
        timeline = self.timeline
        names: tuple[str, ...] = ()
        if timeline is not None:
            names = tuple(e.name for entity_id in self.sidebar.selected if (e := self._entity_by_id.get(entity_id)))
        view = self.timeline_view
        position = view.cursor + 1 if self.match_indices and 0 <= view.cursor < len(self.match_indices) else 0
        self.query_one(StatusLine).show_status(
            Status(
                corpus=timeline.corpus if timeline else "",
                path=str(self.timeline_path) if self.timeline_path else "",
                shown=len(self.shown),
                total=len(timeline.events) if timeline else 0,
                key_view=view.key_view and view.folding,
                folded=view.folded_count,
                only_marked=self.only_marked,
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
        if not self.sidebar.display:
            self._sidebar_wanted = True
            self._fit_layout()
        self.sidebar.option_list.focus()

    def action_sidebar_down(self) -> None:
        if self.focused is self.sidebar.option_list:
            self.sidebar.option_list.action_cursor_down()

    def action_sidebar_up(self) -> None:
        if self.focused is self.sidebar.option_list:
            self.sidebar.option_list.action_cursor_up()

    def action_compare(self) -> None:
        if (event := self.timeline_view.current) is not None:
            self._compare(event)
        elif self.timeline_view.current_fold is not None:
            self.timeline_view.action_toggle_fold()

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
