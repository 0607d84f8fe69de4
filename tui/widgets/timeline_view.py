"""The timeline pane: events in date order under year and month headings.

A line-API `ScrollView`: it keeps a flat list of rows (headings, events and
folds) and renders only the rows on screen, caching each rendered row as a
Strip, so 10,000 events cost about what 100 do. The cursor moves over events
and folds.

In the key view only the key events are listed; the events between two key
events are folded into one row ("+14 more reported 13 Jun 2025", "+30 more,
Jan 2016 – Jun 2016") that Enter or `z` unfolds, and headings are shown only
over listed events. `a` switches between the key view and every event.

A row costs the same whatever the number of sources: one column per source
only while they fit (a bounded number), else a count.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style as TextualStyle

from scaletui.events.model import UNDATED_DAY, Event, Flag, Modifier, Precision, Source
from scaletui.tui.text import plain
from scaletui.tui.widgets.still import StillScrollBar

DATE_WIDTH = 26
NARROW_DATE_WIDTH = 21  # no weekday: "reported 13 Jun 2025"
NARROW = 100  # below this width the date loses its weekday
MIN_TITLE = 30  # source columns collapse to a count rather than squeeze the title under this
COUNT_WIDTH = 6  # " 3/12 "
ROWS_CACHED = 512  # rendered rows kept: a dozen screens around where the user has been
SOURCE_SYMBOLS = "123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
FLAG_MARKS = {Flag.IMPORTANT: "!", Flag.DISPUTED: "?", Flag.VERIFIED: "✓", Flag.NONE: " "}
_FINE = (Precision.DAY, Precision.WEEK, Precision.MONTH)


def is_fine(event: Event) -> bool:
    """Dated to a month or finer: listed under a month heading (coarser ones sit above it)."""
    span = event.shown_span
    return span.precision in _FINE and span.modifier is not Modifier.BY


def timeline_order(event: Event) -> tuple:
    """Date order by shown start; within a month, coarse spans (a year, a quarter) before the month's heading;
    within a day, events dated by their own words before those only reported that day."""
    span = event.annotation.span or event.span  # shown_span and is_fine, inlined: the first frame sorts every event
    start = span.start
    fine = span.precision in _FINE and span.modifier is not Modifier.BY
    return (start.year, start.month, fine, start, span.modifier is Modifier.REPORTED, span.end, event.id)


def source_symbol(index: int) -> str:
    return SOURCE_SYMBOLS[index] if index < len(SOURCE_SYMBOLS) else "+"


def group_of(event: Event) -> tuple[int, int]:
    """The heading an event sits under: (year, month) for fine dates, (year, 0) for coarse ones."""
    start = event.shown_span.start
    return (start.year, start.month if is_fine(event) else 0)


@dataclass(slots=True)
class Fold:
    """Consecutive events not in the key view, shown as one row until unfolded."""

    members: list[Event]

    @property
    def groups(self) -> set[tuple[int, int]]:
        return {group_of(event) for event in self.members}

    @property
    def label(self) -> str:
        count = len(self.members)
        labels = {event.shown_span.label() for event in self.members}
        groups = sorted(self.groups)
        if len(labels) == 1:
            where = labels.pop()
        elif len(groups) == 1:
            where = f"in {_group_name(groups[0])}"
        else:
            where = f"{_group_name(groups[0])} – {_group_name(groups[-1])}"
        return f"+{count} more {where}"


def _group_name(group: tuple[int, int]) -> str:
    year, month = group
    if year == UNDATED_DAY.year:
        return "undated"
    return f"{calendar.month_abbr[month]} {year}" if month else str(year)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the pane: a heading, an event or a fold (`event` indexes `TimelineView.events`)."""

    kind: str  # "year" | "month" | "event" | "fold"
    label: str
    event: int = -1


class Rows(Sequence[Row]):
    """The pane's lines, in order: the headings stored, the rows of events and folds derived on demand."""

    __slots__ = ("_items", "_row_of_item", "_headings", "_length")

    def __init__(self, items: Sequence[Event | Fold], row_of_item: Sequence[int], headings: dict[int, Row], length: int) -> None:
        self._items, self._row_of_item, self._headings, self._length = items, row_of_item, headings, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, row: int) -> Row:  # type: ignore[override]  # one row at a time, no slices
        if row < 0:
            row += self._length
        if not 0 <= row < self._length:
            raise IndexError(row)
        heading = self._headings.get(row)
        if heading is not None:
            return heading
        index = bisect.bisect_left(self._row_of_item, row)
        return Row("fold" if type(self._items[index]) is Fold else "event", "", index)


def source_columns_fit(n_sources: int, width: int) -> bool:
    date_width = DATE_WIDTH if width >= NARROW else NARROW_DATE_WIDTH
    return 2 + date_width + n_sources + 5 + MIN_TITLE <= width


class TimelineView(ScrollView, can_focus=True):
    """Events in date order, one line each, with per-source coverage marks."""

    BINDINGS: list[BindingType] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="timeline.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="timeline.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="timeline.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="timeline.page_down"),
        Binding("home,g", "first", "First event", show=False, id="timeline.first"),
        Binding("end,G", "last", "Last event", show=False, id="timeline.last"),
        Binding("enter", "select", "Compare sources", id="timeline.open"),
        Binding("left_square_bracket", "previous_month", "Previous month", show=False, id="timeline.previous_month"),
        Binding("right_square_bracket", "next_month", "Next month", show=False, id="timeline.next_month"),
        Binding("left_curly_bracket", "previous_year", "Previous year", show=False, id="timeline.previous_year"),
        Binding("right_curly_bracket", "next_year", "Next year", show=False, id="timeline.next_year"),
        Binding("z", "toggle_fold", "Unfold", id="timeline.unfold", tooltip="Unfold the folded events under the cursor (again: fold them)"),
        Binding("a", "toggle_key_view", "All/key", id="timeline.all", tooltip="Switch between the key events and every event"),
    ]

    COMPONENT_CLASSES = {
        "timeline--year",
        "timeline--month",
        "timeline--date",
        "timeline--reported",
        "timeline--source",
        "timeline--no-source",
        "timeline--passing-source",
        "timeline--mark",
        "timeline--fold",
        "timeline--match",
        "timeline--cursor",
        "timeline--cursor-blurred",
    }

    DEFAULT_CSS = """
    TimelineView {
        overflow-x: hidden;
        & > .timeline--year { text-style: bold; color: $accent; }
        & > .timeline--month { text-style: bold; color: $text-muted; }
        & > .timeline--date { color: $text; }
        & > .timeline--reported { color: $text-muted; text-style: italic; }
        & > .timeline--source { color: $success; text-style: bold; }
        & > .timeline--no-source { color: $text-disabled; }
        & > .timeline--passing-source { color: $success; text-style: italic dim; }
        & > .timeline--mark { color: $warning; text-style: bold; }
        & > .timeline--fold { color: $text-muted; text-style: italic; }
        & > .timeline--match { color: $text-warning; text-style: bold underline; }
        & > .timeline--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .timeline--cursor-blurred { background: $block-cursor-blurred-background; }
    }
    """

    # No repaint of its own: a move repaints the two rows whose highlight changed (watch_cursor).
    # Watchers run on every assignment, so a rebuild that leaves the index alone still tells
    # whoever watches it (the app's detail pane) that what sits under the cursor may have changed.
    cursor: reactive[int] = reactive(-1, init=False, repaint=False, always_update=True)
    """Index into `events` of the highlighted event or fold, -1 when there are none.

    Watch it (`self.watch(view, "cursor", ...)`) to follow the cursor in the same frame as the move."""

    class FoldsChanged(Message):
        """A fold opened or closed, or the view switched between key events and all."""

    class Selected(Message):
        """Enter (or a double click) on an event."""

        def __init__(self, timeline_view: TimelineView, event: Event) -> None:
            super().__init__()
            self.timeline_view = timeline_view
            self.event = event

        @property
        def control(self) -> TimelineView:
            return self.timeline_view

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.events: list[Event | Fold] = []  # what the cursor moves over
        self.listed: list[Event] = []  # every event given, folded or not
        self.sources: list[Source] = []
        self._source_index: dict[str, int] = {}
        self.matches: set[int] = set()
        self.highlight = ""  # search text shown highlighted in titles
        self.empty_text = "No events."
        self.key_view = True
        self.folding = True
        self.unfolded: set[tuple[int, int]] = set()
        self._unfolded_together: list[set[tuple[int, int]]] = []  # the groups of each fold opened
        self.revealed: set[str] = set()
        self._folded_count = 0
        self._rows: Sequence[Row] = ()
        self._row_of_event: Sequence[int] = ()
        self._month_starts: list[int] = []
        self._year_starts: list[int] = []
        # Rendered rows: their text by (row number, width, matched), and finished as shown (edge and
        # background too) by what else decides their look. Bounded: what was near the viewport lately.
        self._texts: LRUCache[tuple, Strip] = LRUCache(ROWS_CACHED)
        self._finished: LRUCache[tuple, Strip] = LRUCache(ROWS_CACHED)
        self._frame = (0, 0, False)  # width, first row shown, focused: set per frame by render_lines
        self._bases: tuple[Style, Style, Style] | None = None  # these two until the styles change
        self._parts: dict[str, Style] = {}
        self._finishing: tuple | None = None  # what _finish_line takes from Textual, until the styles or size change

    # ------------------------------------------------------------ data

    def show(
        self,
        events: Sequence[Event],
        sources: Sequence[Source],
        keep: str | None = None,
        empty_text: str = "No events.",
        *,
        fold: bool = True,
    ) -> None:
        """Show `events` (already in date order); keep the cursor on event id `keep` when it is still shown.

        `fold`: in the key view, fold the events that are not key (False: list them all, e.g. search results).
        """
        self.empty_text = empty_text
        self.listed = list(events)
        self.folding = fold
        if list(sources) != self.sources:
            self.sources = list(sources)
            self._source_index = {source.id: index for index, source in enumerate(self.sources)}
        self.matches = set()
        if keep:
            self.revealed.add(keep)
        self._rebuild(keep)

    def _rebuild(self, keep: str | None = None, keep_fold: tuple[int, int] | None = None) -> None:
        """Rebuild the rows; the cursor goes to event `keep`, else to the fold holding group `keep_fold`."""
        self._build_rows()
        self._forget_rows()
        self.virtual_size = Size(self.size.width, len(self._rows))
        # Open on the first event rather than on a fold.
        target = next((i for i, item in enumerate(self.events) if isinstance(item, Event)), 0)
        if keep:
            target = next((i for i, item in enumerate(self.events) if isinstance(item, Event) and item.id == keep), target)
        elif keep_fold is not None:
            target = next((i for i, item in enumerate(self.events) if isinstance(item, Fold) and keep_fold in item.groups), target)
        self.cursor = target if self.events else -1
        self._scroll_to_cursor()  # the watcher skips this when the index stays: the rows under it did not
        self.refresh()

    def is_folded(self, event: Event) -> bool:
        return (
            self.folding
            and self.key_view
            and not event.key
            and group_of(event) not in self.unfolded
            and event.id not in self.revealed
        )

    def reveal(self, event: Event) -> None:
        """Put the cursor on `event`, unfolding it when it is folded."""
        if self.is_folded(event):
            self.revealed.add(event.id)
            self._rebuild(keep=event.id)
            self.post_message(self.FoldsChanged())
            return
        index = self.index_of(event)
        if index is not None:
            self.cursor = index

    def index_of(self, event: Event) -> int | None:
        return next((i for i, item in enumerate(self.events) if item is event), None)

    @property
    def folded_count(self) -> int:
        """How many events are folded away (counted when the rows are built, not per key)."""
        return self._folded_count

    def action_toggle_fold(self) -> None:
        item = self.events[self.cursor] if 0 <= self.cursor < len(self.events) else None
        if item is None:
            return
        if isinstance(item, Fold):
            self._unfolded_together.append(item.groups)
            self.unfolded.update(item.groups)
            self._rebuild(keep=item.members[0].id)
        else:
            # Fold back what was unfolded with this event's group (a fold may span several).
            group = group_of(item)
            batch = next((groups for groups in self._unfolded_together if group in groups), {group})
            revealed_here = {e.id for e in self.listed if group_of(e) in batch and e.id in self.revealed}
            if not (batch & self.unfolded) and not revealed_here:
                return
            self._unfolded_together = [groups for groups in self._unfolded_together if groups is not batch]
            self.unfolded = set().union(*self._unfolded_together)
            self.revealed -= revealed_here
            self._rebuild(keep=item.id if item.key else None, keep_fold=group)
        self.post_message(self.FoldsChanged())

    def action_toggle_key_view(self) -> None:
        self.key_view = not self.key_view
        self.unfolded.clear()
        self._unfolded_together.clear()
        self.revealed.clear()
        current = self.current
        if current is not None:
            self.revealed.add(current.id)
        self._rebuild(keep=current.id if current else None)
        self.post_message(self.FoldsChanged())

    def refresh_rows(self) -> None:
        """Re-render every row (an annotation or a style changed), keeping rows and cursor."""
        self._forget_rows()
        self.refresh()

    def set_matches(self, matches: set[int]) -> None:
        self.matches = matches
        self.refresh_rows()

    @property
    def current(self) -> Event | None:
        item = self.events[self.cursor] if 0 <= self.cursor < len(self.events) else None
        return item if isinstance(item, Event) else None

    @property
    def current_fold(self) -> Fold | None:
        item = self.events[self.cursor] if 0 <= self.cursor < len(self.events) else None
        return item if isinstance(item, Fold) else None

    def _build_rows(self) -> None:
        # Per heading group: its listed events, then one fold with the rest of the group; groups
        # with nothing listed join that fold, so a quiet stretch is one row.
        items: list[Event | Fold] = []
        folded = 0
        carried: list[Event] = []
        if not (self.folding and self.key_view):
            items.extend(self.listed)
        else:
            for group, members in itertools.groupby(self.listed, key=group_of):
                shown: list[Event] = []
                for event in members:
                    if self.is_folded(event):
                        carried.append(event)
                        folded += 1
                    else:
                        shown.append(event)
                if shown:
                    # The fold before this group's events holds what came before this group.
                    split = next((i for i, e in enumerate(carried) if group_of(e) == group), len(carried))
                    if split:
                        items.append(Fold(carried[:split]))
                    items.extend(shown)
                    carried = carried[split:]
        if carried:
            items.append(Fold(carried))
        # Only headings are stored as rows: an event's or a fold's row is known from where it sits
        # (see Rows), so 50,000 events cost an array of row numbers, not 50,000 objects.
        headings: dict[int, Row] = {}
        row_of_event = array("l")
        month_starts: list[int] = []
        year_starts: list[int] = []
        year = month = None
        row = 0
        by, fine_precisions = Modifier.BY, _FINE
        for index, item in enumerate(items):
            if type(item) is Fold:  # no heading of its own: it may span months
                row_of_event.append(row)
                row += 1
                continue
            span = item.annotation.span or item.span  # Event.shown_span, inlined: this runs per event
            start = span.start
            if start.year != year:
                year, month = start.year, None
                year_starts.append(index)
                headings[row] = Row("year", "Undated" if year == UNDATED_DAY.year else str(year))
                row += 1
            if span.precision in fine_precisions and span.modifier is not by:  # is_fine
                if start.month != month:
                    month = start.month
                    month_starts.append(index)
                    headings[row] = Row("month", f"{calendar.month_name[month]} {year}")
                    row += 1
            else:
                month = None
            row_of_event.append(row)
            row += 1
        self.events = items
        self._folded_count = folded
        self._rows = Rows(items, row_of_event, headings, row)
        self._row_of_event = row_of_event
        self._month_starts = sorted(set(month_starts) | set(year_starts))
        self._year_starts = year_starts

    # ------------------------------------------------------------ cursor

    def validate_cursor(self, value: int) -> int:
        if not self.events:
            return -1
        return max(0, min(value, len(self.events) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if old == new:
            return  # j on the last event, or a rebuild (which repaints everything anyway)
        before = self.scroll_y
        self._scroll_to_cursor()
        if round(self.scroll_y) != round(before):
            return  # the scroll repainted every row (watch_scroll_y, by the same test)
        rows = sorted(self._row_of_event[index] for index in (old, new) if 0 <= index < len(self._row_of_event))
        if rows and rows[-1] - rows[0] <= 2:  # next to each other (or a heading between): one region to repaint
            self.refresh_lines(rows[0], rows[-1] - rows[0] + 1)
        else:
            for row in rows:
                self.refresh_line(row)

    def _scroll_to_cursor(self) -> None:
        if self.cursor < 0:
            return
        row = self._row_of_event[self.cursor]
        height = self.scrollable_content_region.height or 1
        top = int(self.scroll_y)
        # Keep the heading just above the first event of a group in view too.
        wanted_top = row - 1 if row > 0 and self._rows[row - 1].kind in ("year", "month") else row
        if wanted_top < top:
            self.scroll_to(y=max(wanted_top - (1 if row > 1 and self._rows[row - 2].kind == "year" else 0), 0), animate=False)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        # As Widget's, with a scrollbar that keeps its lines while the thumb stays (most scrolls by a row).
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = StillScrollBar(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            self._vertical_scrollbar.display = False
            self.app._start_widget(self, self._vertical_scrollbar)
        return self._vertical_scrollbar

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # As ScrollView does, except that the scrollbar repaints only when its thumb moves: over
        # thousands of rows a scroll by one row moves it by less than an eighth of a cell.
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            if _thumb(bar, bar.position) == _thumb(bar, new_value):
                bar.set_reactive(ScrollBar.position, bar.validate_position(new_value))
            else:
                bar.position = new_value
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))
        self._forget_rows()
        self._scroll_to_cursor()

    def _forget_rows(self) -> None:
        self._texts.clear()
        self._finished.clear()
        self._finishing = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A theme or CSS change (focus too: the edge's colour) recolours every row.
        self._bases, self._parts = None, {}
        self._forget_rows()

    def on_focus(self) -> None:
        self._refresh_cursor_row()  # only the cursor's highlight shows focus

    def on_blur(self) -> None:
        self._refresh_cursor_row()

    def _refresh_cursor_row(self) -> None:
        if 0 <= self.cursor < len(self._row_of_event):
            self.refresh_line(self._row_of_event[self.cursor])

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor = self._event_near_row(self._cursor_row() - max(self.scrollable_content_region.height - 1, 1), -1)

    def action_page_down(self) -> None:
        self.cursor = self._event_near_row(self._cursor_row() + max(self.scrollable_content_region.height - 1, 1), 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.events) - 1

    def action_select(self) -> None:
        if self.current_fold is not None:
            self.action_toggle_fold()
        elif (event := self.current) is not None:
            self.post_message(self.Selected(self, event))

    def action_previous_month(self) -> None:
        self.cursor = self._previous_start(self._month_starts)

    def action_next_month(self) -> None:
        self.cursor = self._next_start(self._month_starts)

    def action_previous_year(self) -> None:
        self.cursor = self._previous_start(self._year_starts)

    def action_next_year(self) -> None:
        self.cursor = self._next_start(self._year_starts)

    def _previous_start(self, starts: list[int]) -> int:
        position = bisect.bisect_left(starts, self.cursor)
        return starts[position - 1] if position > 0 else 0

    def _next_start(self, starts: list[int]) -> int:
        position = bisect.bisect_right(starts, self.cursor)
        return starts[position] if position < len(starts) else self.cursor

    def _cursor_row(self) -> int:
        return self._row_of_event[self.cursor] if self.cursor >= 0 else 0

    def _event_near_row(self, row: int, direction: int) -> int:
        """The event at `row`, or the nearest one in `direction` (then the other way)."""
        row = max(0, min(row, len(self._rows) - 1))
        for step in (direction, -direction):
            probe = row
            while 0 <= probe < len(self._rows):
                if self._rows[probe].kind in ("event", "fold"):
                    return self._rows[probe].event
                probe += step
        return self.cursor

    async def _on_click(self, event: events.Click) -> None:
        row = int(self.scroll_y) + event.y
        if 0 <= row < len(self._rows) and self._rows[row].kind in ("event", "fold"):
            self.cursor = self._rows[row].event
            if self._rows[row].kind == "fold":
                self.action_toggle_fold()
            elif event.chain >= 2:
                self.action_select()

    # ------------------------------------------------------------ rendering

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of this frame shares, looked up once.
        width, top, focused = self._frame = (self.scrollable_content_region.width, int(self.scroll_y), self.has_focus)
        styles = self.styles
        if styles.gutter.top or styles.gutter.bottom or styles.outline.top[0] or styles.outline.bottom[0]:
            return super().render_lines(crop)  # a line's look would depend on where it sits: no sharing
        # Textual caches a widget's finished lines (edge, background, filters) by their place on
        # screen, so a scroll by one row would finish every row again. They are kept here by what
        # they show instead: a scroll finishes only the row coming into view.
        full_width = self.region.width
        finishing = (full_width, self.content_region.width, self.get_line_filters())  # what _finish_line's edge is for
        lines: list[Strip] = []
        for y in crop.line_range:
            row_number = top + y
            if 0 <= row_number < len(self._rows):
                event = self._rows[row_number].event
                is_cursor = event == self.cursor and event >= 0
                key: tuple | None = (row_number, full_width, width, is_cursor, focused, event in self.matches)
            else:
                key = ("blank", full_width, focused) if self._rows else None
            strip = self._finished.get(key) if key is not None else None
            if strip is None:
                strip = self._finish_line(y, finishing)
                if key is not None:
                    self._finished[key] = strip
            lines.append(strip)
        if crop.column_span != (0, full_width):
            lines = [strip.crop(*crop.column_span) for strip in lines]
        return lines

    def _finish_line(self, y: int, frame: tuple[int, int, list]) -> Strip:
        """Line `y` as Textual's styles finish it: the focus edge, the row on the pane's background, the line filters.

        Textual's own finishing has a fixed cost per call (a third of a millisecond) that a move paid
        for each row it brought into view or highlighted for the first time. Only the row differs from
        one line to the next: the edge is taken from a line Textual finished, the rest done as its
        StylesCache.render_line does for a pane with a left border at most (no padding, other border,
        outline, tint or transparency: with any of those Textual finishes every line itself).
        `tests/tui/test_moves.py` checks the result against Textual's own."""
        full_width, content_width, filters = frame  # (the content is the rows and the scrollbar's place)
        finishing = self._finishing
        if finishing is not None and finishing[0] == frame:
            _, edge, inner, background = finishing
            line = self.render_line(y).adjust_cell_length(content_width, inner)
            for line_filter in filters:
                line = line.apply_filter(line_filter, background)
            return Strip([*edge, *line], full_width)
        self._styles_cache.set_dirty(Region(0, y, full_width, 1))
        strip = super().render_lines(Region(0, y, full_width, 1))[0]
        styles = self.styles
        if (
            any(styles.padding) or styles.border_top[0] or styles.border_right[0] or styles.border_bottom[0]
            or any(edge[0] for edge in styles.outline) or styles.tint.a or styles.text_opacity != 1.0
            or self.opacity != 1.0 or (styles.has_rule("hatch") and styles.hatch != "none")
        ):
            return strip  # self._finishing stays None: Textual finishes every line
        base_background, background = self.background_colors
        edge = list(strip.crop(0, styles.gutter.left)) if styles.gutter.left else []
        inner = TextualStyle(background=base_background + background).rich_style
        self._finishing = (frame, edge, inner, background)
        return strip

    def render_line(self, y: int) -> Strip:
        width, top, focused = self._frame
        row_number = top + y
        if not 0 <= row_number < len(self._rows):
            if not self._rows and row_number == 0 and self.empty_text:
                return Strip(list(Text(f"  {self.empty_text}", style="italic").render(self.app.console))).adjust_cell_length(width, self.rich_style)
            return Strip.blank(width, self.rich_style)
        row = self._rows[row_number]
        matched = row.event in self.matches
        base = self._base_styles()[(1 if focused else 2) if row.event == self.cursor and row.event >= 0 else 0]
        # The highlight is a background under the row's own colours: the row's text is rendered once for both.
        return self._row_strip(row_number, row, width, matched).apply_style(base).simplify()

    def _base_styles(self) -> tuple[Style, Style, Style]:
        """The row background: plain, under the focused cursor, under the blurred cursor."""
        if self._bases is None:
            base = self.rich_style
            self._bases = (
                base,
                base + self.get_component_rich_style("timeline--cursor"),
                base + self.get_component_rich_style("timeline--cursor-blurred"),
            )
        return self._bases

    def _row_strip(self, row_number: int, row: Row, width: int, matched: bool) -> Strip:
        """The row's text with its own (partial) styles, before any background."""
        key = (row_number, width, matched)
        strip = self._texts.get(key)
        if strip is None:
            strip = self._render_row(row, width, matched)
            self._texts[key] = strip
        return strip

    def _render_row(self, row: Row, width: int, matched: bool) -> Strip:
        style = self._part_style
        if row.kind == "year":
            text = Text(f" {row.label} ", style=style("timeline--year"))
            text.append("─" * max(width - len(row.label) - 2, 0), style=style("timeline--year"))
        elif row.kind == "month":
            text = Text(f"   {row.label}", style=style("timeline--month"))
        else:
            item = self.events[row.event]
            if isinstance(item, Fold):
                text = self._fold_text(item, width)
            else:
                text = self._event_text(item, matched, width)
        text.truncate(width, overflow="ellipsis")
        return Strip(list(text.render(self.app.console))).adjust_cell_length(width)

    def _part_style(self, name: str) -> Style:
        # Partial: only what the class sets, so the cursor's background shows through. Kept until
        # the styles change: Textual works each one out afresh, a good part of a row's cost.
        style = self._parts.get(name)
        if style is None:
            style = self._parts[name] = self.get_component_rich_style(name, partial=True)
        return style

    def _fold_text(self, fold: Fold, width: int) -> Text:
        date_width = DATE_WIDTH if width >= NARROW else NARROW_DATE_WIDTH
        text = Text(" " * (date_width + 1), style=self._part_style("timeline--fold"), end="")
        text.append(f"{fold.label}  (Enter or z to unfold)")
        return text

    def _event_text(self, event: Event, matched: bool, width: int) -> Text:
        style = self._part_style
        span = event.shown_span
        reported = span.modifier is Modifier.REPORTED
        row_style: Style | str = style("timeline--reported") if reported else ""
        text = Text(style=row_style, end="")
        text.append("▸ " if matched else "  ", style=style("timeline--match") if matched else "")
        wide = width >= NARROW
        date_width = DATE_WIDTH if wide else NARROW_DATE_WIDTH
        text.append(span.label(weekday=wide).ljust(date_width - 1)[: date_width - 1] + " ", style=style("timeline--date") if not reported else "")
        # Only the event's own sources are looked at: the row costs the same with 5 or 800 sources.
        indices = sorted({i for source_id in event.sources if (i := self._source_index.get(source_id)) is not None})
        if source_columns_fit(len(self.sources), width):
            # an outlet that tells the event only in a sentence of another event (Event.mentions) is marked apart
            passing = {self._source_index.get(s) for s in passing_sources(event)} if event.mentions else set()
            position = 0
            for index in indices:
                if index > position:
                    text.append("·" * (index - position), style=style("timeline--no-source"))
                text.append(source_symbol(index), style=style("timeline--passing-source" if index in passing else "timeline--source"))
                position = index + 1
            if position < len(self.sources):
                text.append("·" * (len(self.sources) - position), style=style("timeline--no-source"))
        else:
            text.append(f"{len(indices)}/{len(self.sources)}".rjust(COUNT_WIDTH - 1), style=style("timeline--source"))
        note = event.annotation
        marks = ("✎" if (note.note or note.tags) else " ") + FLAG_MARKS[note.flag] + disagreement_mark(event)
        text.append(f" {marks} ", style=style("timeline--mark"))
        title = plain(event.shown_title, style("timeline--match") if matched and not self.highlight else "")
        if self.highlight:
            title.highlight_words([self.highlight], style("timeline--match"), case_sensitive=False)
        text.append_text(title)
        return text


def passing_sources(event: Event) -> set[str]:
    """The event's sources that tell it only in sentences of other events (Event.mentions): none of its own statements is theirs."""
    return set(event.sources) - {statement.source for statement in event.statements}


def _thumb(bar: ScrollBar, position: float) -> tuple[int, int] | None:
    """Where `bar` draws its thumb at `position`, in eighths of a cell, as ScrollBarRender.render_bar places it."""
    size, virtual = bar.size.height, ceil(bar.window_virtual_size)
    window = ceil(bar.window_size) if bar.window_size < bar.window_virtual_size else 0
    if not (window and size and virtual and size != virtual):
        return None
    thumb = max(1, window / (virtual / size))
    start = int((size - thumb) * (bar.validate_position(position) / (virtual - window)) * 8)
    return start, start + ceil(thumb * 8)


def disagreement_mark(event: Event) -> str:
    """≠ when sources disagree, ≈ when they differ only by rounding, blank otherwise."""
    if not event.discrepancies:
        return " "
    from scaletui.events.rounding import only_rounding

    return "≈" if all(only_rounding(d) for d in event.discrepancies) else "≠"
