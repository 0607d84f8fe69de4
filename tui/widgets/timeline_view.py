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
from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from scaletui.events.model import UNDATED_DAY, Event, Flag, Modifier, Precision, Source
from scaletui.tui.text import plain

DATE_WIDTH = 26
NARROW_DATE_WIDTH = 21  # no weekday: "reported 13 Jun 2025"
NARROW = 100  # below this width the date loses its weekday
MIN_TITLE = 30  # source columns collapse to a count rather than squeeze the title under this
COUNT_WIDTH = 6  # " 3/12 "
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
    span = event.shown_span
    start = span.start
    return (start.year, start.month, is_fine(event), start, span.modifier is Modifier.REPORTED, span.end, event.id)


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
        & > .timeline--mark { color: $warning; text-style: bold; }
        & > .timeline--fold { color: $text-muted; text-style: italic; }
        & > .timeline--match { color: $text-warning; text-style: bold underline; }
        & > .timeline--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .timeline--cursor-blurred { background: $block-cursor-blurred-background; }
    }
    """

    cursor: reactive[int] = reactive(-1, init=False)
    """Index into `events` of the highlighted event or fold, -1 when there are none."""

    class Highlighted(Message):
        """The cursor moved to another event (None: the pane is empty)."""

        def __init__(self, timeline_view: TimelineView, event: Event | None) -> None:
            super().__init__()
            self.timeline_view = timeline_view
            self.event = event

        @property
        def control(self) -> TimelineView:
            return self.timeline_view

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
        self._rows: list[Row] = []
        self._row_of_event: list[int] = []
        self._month_starts: list[int] = []
        self._year_starts: list[int] = []
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)

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
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._rows))
        # Open on the first event rather than on a fold.
        target = next((i for i, item in enumerate(self.events) if isinstance(item, Event)), 0)
        if keep:
            target = next((i for i, item in enumerate(self.events) if isinstance(item, Event) and item.id == keep), target)
        elif keep_fold is not None:
            target = next((i for i, item in enumerate(self.events) if isinstance(item, Fold) and keep_fold in item.groups), target)
        self.set_reactive(TimelineView.cursor, -1)
        self.cursor = target if self.events else -1
        if not self.events:
            self.post_message(self.Highlighted(self, None))
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
        self._strips.clear()
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
        rows: list[Row] = []
        row_of_event: list[int] = []
        month_starts: list[int] = []
        year_starts: list[int] = []
        year = month = None
        for index, item in enumerate(items):
            if isinstance(item, Fold):  # no heading of its own: it may span months
                row_of_event.append(len(rows))
                rows.append(Row("fold", "", index))
                continue
            first = item
            start = first.shown_span.start
            if start.year != year:
                year, month = start.year, None
                year_starts.append(index)
                rows.append(Row("year", "Undated" if year == UNDATED_DAY.year else str(year)))
            fine = is_fine(first)
            if fine and start.month != month:
                month = start.month
                month_starts.append(index)
                rows.append(Row("month", f"{calendar.month_name[month]} {year}"))
            elif not fine:
                month = None
            row_of_event.append(len(rows))
            rows.append(Row("fold" if isinstance(item, Fold) else "event", "", index))
        self.events = items
        self._folded_count = folded
        self._rows, self._row_of_event = rows, row_of_event
        self._month_starts = sorted(set(month_starts) | set(year_starts))
        self._year_starts = year_starts

    # ------------------------------------------------------------ cursor

    def validate_cursor(self, value: int) -> int:
        if not self.events:
            return -1
        return max(0, min(value, len(self.events) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            if 0 <= index < len(self._row_of_event):
                self.refresh_line(self._row_of_event[index])
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.current))

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

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))
        self._strips.clear()
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh_rows()

    def on_blur(self) -> None:
        self.refresh_rows()

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

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row_number = int(self.scroll_y) + y
        if not self._rows and row_number == 0 and self.empty_text:
            return Strip(list(Text(f"  {self.empty_text}", style="italic").render(self.app.console))).adjust_cell_length(width, self.rich_style)
        if not 0 <= row_number < len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[row_number]
        is_cursor = row.kind in ("event", "fold") and row.event == self.cursor
        key = (row_number, width, is_cursor, is_cursor and self.has_focus, row.event in self.matches)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row, width, is_cursor)
            self._strips[key] = strip
        return strip

    def _render_row(self, row: Row, width: int, is_cursor: bool) -> Strip:
        style = self._part_style
        base = self.rich_style
        if row.kind == "year":
            text = Text(f" {row.label} ", style=style("timeline--year"))
            text.append("─" * max(width - len(row.label) - 2, 0), style=style("timeline--year"))
        elif row.kind == "month":
            text = Text(f"   {row.label}", style=style("timeline--month"))
        else:
            if is_cursor:
                base = base + self.get_component_rich_style("timeline--cursor" if self.has_focus else "timeline--cursor-blurred")
            item = self.events[row.event]
            if isinstance(item, Fold):
                text = self._fold_text(item, width)
            else:
                text = self._event_text(item, row.event in self.matches, width)
        text.truncate(width, overflow="ellipsis")
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, base).apply_style(base).simplify()

    def _part_style(self, name: str) -> Style:
        # Partial: only what the class sets, so the cursor's background shows through.
        return self.get_component_rich_style(name, partial=True)

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
            position = 0
            for index in indices:
                if index > position:
                    text.append("·" * (index - position), style=style("timeline--no-source"))
                text.append(source_symbol(index), style=style("timeline--source"))
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


def disagreement_mark(event: Event) -> str:
    """≠ when sources disagree, ≈ when they differ only by rounding, blank otherwise."""
    if not event.discrepancies:
        return " "
    from scaletui.events.rounding import only_rounding

    return "≈" if all(only_rounding(d) for d in event.discrepancies) else "≠"
