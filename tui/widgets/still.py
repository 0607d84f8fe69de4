"""Widgets that hand back the lines they last drew until something repaints them.

When any region of a container is repainted, Textual renders every widget of
that container again, whole, though it then keeps only the lines in the
repainted region: a cursor move repaints timeline rows and the detail pane, so
the status line, the overview, the legend, the sidebar's and the panes'
backgrounds and the footer were each rendered again on every move (about a
millisecond a move in all, a fifth of it). They change far less often than the
cursor moves, so a widget made with `StillLines` keeps its last lines, and draws
again only after it was made dirty (`refresh`, a resize, a layout: all go
through `Widget._set_dirty`) or its styles changed (a theme, focus).

The framework's own widgets the main screen uses are given the same here (the
screen itself, its containers, the footer, the timeline's scrollbar).
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widgets import Footer, Static


class StillLines:
    """Mix in before a widget class: its rendered lines are reused until it is dirty or restyled.

    A plain mixin, not a Widget: Textual finds a widget's CSS type names through its first DOM base."""

    _still: tuple[tuple, list[Strip]] | None = None

    def _set_dirty(self, *regions: Region) -> None:
        self._still = None
        super()._set_dirty(*regions)  # type: ignore[misc]

    def notify_style_update(self) -> None:
        self._still = None
        super().notify_style_update()  # type: ignore[misc]

    def render_lines(self, crop: Region) -> list[Strip]:
        # What else decides the lines: the size, and the app's line filters (e.g. a colour mode).
        key = (crop, self.region.size, tuple(self.app.get_line_filters()))  # type: ignore[attr-defined]
        still = self._still
        if still is not None and still[0] == key:
            return still[1]
        lines = self._draw_lines(crop)
        self._still = (key, lines)
        return lines

    def _draw_lines(self, crop: Region) -> list[Strip]:
        return super().render_lines(crop)  # type: ignore[misc]


class StillStatic(StillLines, Static):
    """A `Static` (the legend) that keeps its lines until updated."""


class StillHorizontal(StillLines, Horizontal):
    """A `Horizontal` container that keeps its own (background) lines; its children draw themselves."""


class StillVertical(StillLines, Vertical):
    """A `Vertical` container that keeps its own (background) lines; its children draw themselves."""


class StillFooter(StillLines, Footer):
    """The footer, kept until its keys change (it recomposes then, which makes it dirty)."""


class StillScreen(StillLines, Screen):
    """The main screen's own background."""


class StillScrollBar(StillLines, ScrollBar):
    """A scrollbar redrawn only when its thumb moves (see `TimelineView.watch_scroll_y`), from the lines it drew before.

    Textual draws a scrollbar through Rich and its styles for two and a half milliseconds: at a
    hundred events, where the thumb moves with most scrolls, that was half a cursor move. Each line
    of a vertical bar is one segment of `ScrollBarRender.render_bar` (track above, thumb, its two
    ends, track below) finished the same way whatever line it is on, so a line already finished is
    looked up by its segment; a bar with a segment not met yet is drawn by Textual and remembered.
    `tests/tui/test_moves.py` checks the result against Textual's own drawing.
    """

    _looks: tuple[tuple, dict[Segment, Strip]] | None = None  # finished lines by their segment, for one size and filters

    def notify_style_update(self) -> None:
        self._looks = None
        super().notify_style_update()

    def _draw_lines(self, crop: Region) -> list[Strip]:
        width, height = self.size
        segments = self._segments() if crop.column_span == (0, width) else None
        if segments is None or len(segments) != height:
            return super()._draw_lines(crop)
        key = (self.size, tuple(self.app.get_line_filters()))
        looks = self._looks[1] if self._looks is not None and self._looks[0] == key else {}
        wanted = segments[crop.y : crop.bottom]
        lines = [looks.get(segment) for segment in wanted]
        if None in lines:
            lines = super()._draw_lines(crop)
            looks.update(zip(wanted, lines))
            self._looks = (key, looks)
        return lines  # type: ignore[return-value]

    def _segments(self) -> list[Segment] | None:
        """One segment per line, as `ScrollBarRender.__rich_console__` makes them; None when drawn otherwise."""
        renderable = self.render()
        if not self.vertical or type(renderable) is not ScrollBarRender or not isinstance(renderable.style, Style):
            return None
        style = renderable.style
        return renderable.render_bar(
            size=self.size.height,
            window_size=renderable.window_size,
            virtual_size=renderable.virtual_size,
            position=renderable.position,
            vertical=True,
            thickness=self.size.width,
            back_color=style.bgcolor or Color.parse("#555555"),
            bar_color=style.color or Color.parse("bright_magenta"),
        ).segments
