"""The whole story's span at a glance: how many events fall in each week, month or year, as a bar strip.

The bucket is the finest of week, month or year that fits the width. The
cursor's bucket is marked; a click posts `Jump` with the bucket's first day so
the app can move the cursor there. Repaints only: it never changes size.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from scaletui.events.model import UNDATED_DAY, Event
from scaletui.tui.widgets.still import StillLines

BARS = " ▁▂▃▄▅▆▇█"
LABEL_WIDTH = 10  # "2016–2025 " / bucket name to the left of the bars


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _year_start(day: date) -> date:
    return day.replace(month=1, day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


UNITS = (
    ("week", _week_start, lambda d: d + timedelta(days=7)),
    ("month", _month_start, _next_month),
    ("year", _year_start, lambda d: date(d.year + 1, 1, 1)),
)


def buckets(days: Sequence[date], width: int) -> tuple[str, list[date]]:
    """The finest unit whose buckets between the first and last day fit in `width`, and their first days."""
    if not days:
        return "month", []
    first, last = min(days), max(days)
    for unit, start_of, following in UNITS:
        starts = [start_of(first)]
        while starts[-1] < start_of(last) and len(starts) <= width:
            starts.append(following(starts[-1]))
        if len(starts) <= width or unit == "year":
            return unit, starts[: max(width, 1)]
    raise AssertionError("unreachable")


class OverviewStrip(StillLines, Widget):
    """Coverage over time as one line of bars, with the span and unit named at its left."""

    DEFAULT_CSS = """
    OverviewStrip { height: 1; width: 1fr; background: $panel; color: $accent; }
    """

    class Jump(Message):
        """The user clicked the strip: go to the first event on or after `day`."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._days: list[date] = []
        self._unit = "month"
        self._starts: list[date] = []
        self._counts: list[int] = []
        self._cursor_day: date | None = None
        self._width = 0

    def show(self, shown: Sequence[Event]) -> None:
        # Undated events sit at the end of time: on the strip they would squash the story to one bar.
        # (event.annotation.span or event.span) is Event.shown_span, inlined: this runs over every event.
        self._days = sorted(day for event in shown if (day := (event.annotation.span or event.span).start) != UNDATED_DAY)
        self._width = 0  # recount on the next render
        self.refresh()

    def mark(self, day: date | None) -> None:
        """Mark the bucket holding `day`; a repaint only when the bucket changes (a move mostly stays in one)."""
        if day == self._cursor_day:
            return
        before = self._bucket_of(self._cursor_day)
        self._cursor_day = day
        if self._width != self._bar_width() or self._bucket_of(day) != before:
            self.refresh()

    def _bucket_of(self, day: date | None) -> int:
        return bisect_right(self._starts, day) - 1 if day else -1

    def _bar_width(self) -> int:
        return max(self.size.width - LABEL_WIDTH, 1)

    def _recount(self) -> None:
        width = self._bar_width()
        self._width = width
        self._unit, self._starts = buckets(self._days, width)
        self._counts = [0] * len(self._starts)
        for day in self._days:
            index = bisect_right(self._starts, day) - 1
            if 0 <= index < len(self._counts):
                self._counts[index] += 1

    def _cell_width(self) -> int:
        return max(1, self._bar_width() // max(len(self._starts), 1))

    def render(self) -> Text:
        if self._width != self._bar_width():
            self._recount()
        text = Text(no_wrap=True, overflow="crop")
        if not self._starts:
            return text
        first, last = self._starts[0], self._starts[-1]
        span = str(first.year) if first.year == last.year else f"{first.year % 100:02d}–{last.year % 100:02d}"
        unit = {"week": "wk", "month": "mo", "year": "yr"}[self._unit]
        text.append(f"{span} {unit}".ljust(LABEL_WIDTH)[:LABEL_WIDTH], style="dim")
        peak = max(self._counts) or 1
        cursor = self._bucket_of(self._cursor_day)
        cell = self._cell_width()
        for index, count in enumerate(self._counts):
            # Square root: one busy week must not flatten every other bar to nothing.
            level = 0 if count == 0 else max(1, round((count / peak) ** 0.5 * (len(BARS) - 1)))
            style = "reverse bold" if index == cursor else ""
            text.append(BARS[level] * cell, style=style)
        return text

    def day_at(self, x: int) -> date | None:
        index = (x - LABEL_WIDTH) // self._cell_width()
        if x < LABEL_WIDTH or not 0 <= index < len(self._starts):
            return None
        return self._starts[index]

    def on_click(self, event: events.Click) -> None:
        if (day := self.day_at(event.x)) is not None:
            self.post_message(self.Jump(day))
