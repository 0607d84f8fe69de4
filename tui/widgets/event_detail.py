"""The selected event in full under the timeline: whole title wrapped, its sources named, its disagreements.

A fixed height that only repaints on a cursor move (no relayout); what does
not fit is cut at the bottom, and Enter opens the full comparison.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style as TextualStyle
from textual.widget import Widget

from scaletui.events.model import Event, Flag, Timeline
from scaletui.events.rounding import only_rounding
from scaletui.tui.labels import source_labels
from scaletui.tui.text import plain
from scaletui.tui.widgets.timeline_view import Fold, passing_sources, source_symbol
from scaletui.tui.wrapping import TextDrawer


def whole_title(event: Event) -> str:
    """The title in full: a title cut short ("…") is shown as the statement it was cut from."""
    title = event.shown_title
    if event.annotation.title or not title.endswith("…"):
        return title
    stem = " ".join(title[:-1].split()).casefold()
    for statement in event.statements:
        if stem and stem in " ".join(statement.text.split()).casefold():
            return " ".join(statement.text.split())
    return title


def describe(timeline: Timeline, event: Event, source_index: dict[str, int], labels: dict[str, str]) -> Text:
    """The event in full; `labels` names the sources (see `source_labels`), `source_index` gives their columns."""
    text = Text()
    text.append(event.shown_span.label(weekday=True), style="bold")
    if event.rank:
        text.append(f"  rank {event.rank}" + (" · key event" if event.key else ""), style="dim")
    text.append("\n")
    text.append_text(plain(whole_title(event), "bold"))
    if event.annotation.title:
        text.append_text(plain(f"  (found: {event.title})", "dim"))
    reporting = list(dict.fromkeys(event.sources))
    passing = passing_sources(event) if event.mentions else set()
    text.append(f"\nreported by {len(reporting)} of {len(timeline.sources)}: ", style="dim")
    for number, source_id in enumerate(reporting):
        if number:
            text.append(", ", style="dim")
        index = source_index.get(source_id)
        if index is not None:
            text.append(f"{source_symbol(index)} ", style="bold green")
        text.append_text(plain(labels.get(source_id, source_id)))
        if source_id in passing:
            text.append(" (elsewhere)", style="dim italic")  # in a sentence of another event (Event.mentions)
    for discrepancy in event.discrepancies:
        rounding = only_rounding(discrepancy)
        text.append("\n≈ " if rounding else "\n≠ ", style="bold yellow")
        text.append_text(plain(f"{discrepancy.topic}: ", "bold"))
        for number, claim in enumerate(discrepancy.claims):
            if number:
                text.append(" vs ", style="dim")
            text.append_text(plain(claim.value, "bold"))
            text.append_text(plain(f" ({', '.join(labels.get(s, s) for s in claim.sources)})", "dim"))
        if rounding:
            text.append("  rounding", style="italic dim")
    note = event.annotation
    marks = []
    if note.flag is not Flag.NONE:
        marks.append(f"flag: {note.flag.value}")
    if note.tags:
        marks.append("tags: " + ", ".join(note.tags))
    if marks:
        text.append("\n")
        text.append_text(plain("  ".join(marks), "yellow"))
    if note.note:
        text.append("\nnote: ", style="dim")
        text.append_text(plain(note.note, "italic"))
    return text


class EventDetail(Widget):
    """What the cursor is on, in full."""

    DEFAULT_CSS = """
    EventDetail { height: 7; padding: 0 1; background: $boost; border-top: solid $panel-lighten-2; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text: Text | None = Text()
        self._shown: object = None
        self._source_index: dict[str, int] = {}
        self._labels: dict[str, str] = {}
        self._timeline: Timeline | None = None
        # Finished lines by (event id, size): moving back over events shows them without wrapping
        # and styling them again. Cleared whenever what an event shows may have changed.
        self._finished: LRUCache[tuple, list[Strip]] = LRUCache(256)
        self._drawer: TextDrawer | None = None  # draws an event's text as Textual would, for less (see tui/wrapping.py)
        self._lines: tuple[Size, list[Strip]] | None = None  # the shown event's content lines, at that size
        self._edges: dict[tuple, Strip] = {}  # border, padding and blank lines, until the styles change

    def set_timeline(self, timeline: Timeline | None) -> None:
        self._timeline = timeline
        self._source_index = {source.id: index for index, source in enumerate(timeline.sources)} if timeline else {}
        self._labels = source_labels(timeline) if timeline else {}
        self._shown = None
        self._finished.clear()

    def show(self, item: Event | Fold | None, *, force: bool = False) -> None:
        """Show `item`; `force`: it is shown already but changed (an annotation, an entity edit)."""
        if item is self._shown and not force:
            return
        if force:
            self._finished.clear()
        before = self._lines_shown(drawn_only=True)
        self._shown = item
        self._text = None  # described when painted, unless its lines are still cached
        self._lines = None
        after = self._lines_shown() if before is not None else None
        if after is None or len(after) != len(before):
            self.refresh()
            return
        # Only the lines that differ are repainted: the edge above, and often the last lines (blank for
        # a short event), stay as they are, and each line repainted costs the compositor a pass over
        # every widget beside it.
        gutter = self.styles.gutter
        for y, (old, new) in enumerate(zip(before, after)):
            if old != new:
                self.refresh(Region(-gutter.left, y - gutter.top, self.size.width + gutter.width, 1))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._finished.clear()
        self._drawer, self._lines = None, None
        self._edges = {}

    def render(self) -> Text:
        if self._text is None:
            item = self._shown
            if item is None or self._timeline is None:
                self._text = Text("")
            elif isinstance(item, Fold):
                self._text = Text(f"{item.label}: events not in the key view. Enter or z unfolds them, a shows every event.", style="italic")
            else:
                self._text = describe(self._timeline, item, self._source_index, self._labels)
        return self._text

    def render_line(self, y: int) -> Strip:
        # An event's text is drawn by TextDrawer (Textual's own drawing is a fifth of a cursor move); a fold's,
        # an empty pane's, and any text while the user selects in the pane (Textual highlights it), by Textual.
        if not isinstance(self._shown, Event) or self.text_selection is not None:
            return super().render_line(y)
        lines = self._text_lines()
        return lines[y] if y < len(lines) else Strip.blank(self.size.width, self.visual_style.rich_style)

    def _text_lines(self) -> list[Strip]:
        """The shown event's text, wrapped to the pane, one Strip a line (as many as fit)."""
        width, height = size = self.size
        if self._lines is None or self._lines[0] != size:  # show() and a style change reset them
            if self._drawer is None:
                self._drawer = TextDrawer(self.visual_style, self.app.console.get_style, self.app.ansi_theme)
            self._lines = (size, self._drawer.lines(self.render(), width, height))
        return self._lines[1]

    def _lines_shown(self, *, drawn_only: bool = False) -> list[Strip] | None:
        """Every line of the pane for the shown event, finished (cached by event and size); None when Textual draws them.

        `drawn_only`: only if already finished (the lines on screen now), else None."""
        item = self._shown
        size = self.region.size
        if not isinstance(item, Event) or self.text_selection is not None or not size or not self.display:
            return None
        key = (item.id, size)
        lines = self._finished.get(key)
        if lines is None and not drawn_only:
            lines = self._finished[key] = self._finish(size)
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = self._lines_shown()
        if lines is None:
            return super().render_lines(crop)
        size = self.region.size
        strips = lines[crop.y : crop.bottom]
        if crop.column_span != (0, size.width):
            strips = [strip.crop(*crop.column_span) for strip in strips]
        return strips

    def _finish(self, size: Size) -> list[Strip]:
        """Every line of the pane as Textual's styles finish it: the edge above, the text padded on its background.

        Only the text changes from one event to the next. The edge lines are Textual's own, kept until the size or
        the styles change; a text line is finished as Textual finishes one in a plain pane (no side borders,
        outline, tint or transparency: with any of those Textual finishes every line itself)."""
        styles = self.styles
        if (
            styles.border_left[0] or styles.border_right[0] or any(edge[0] for edge in styles.outline)
            or styles.tint.a or styles.text_opacity != 1.0 or self.opacity != 1.0
            or (styles.has_rule("hatch") and styles.hatch != "none")
        ):
            self._styles_cache.set_dirty(size.region)
            return super().render_lines(size.region)
        gutter = styles.gutter
        width, height = size
        text_width = width - gutter.left - gutter.right
        base_background, background = self.background_colors
        inner = TextualStyle(background=base_background + background).rich_style
        left = [Segment(" " * gutter.left, inner)] if gutter.left else []
        right = [Segment(" " * gutter.right, inner)] if gutter.right else []
        blank = Strip.blank(text_width, self.visual_style.rich_style)
        text = self._text_lines()
        filters = self.get_line_filters()
        lines: list[Strip] = []
        for y in range(height):
            text_y = y - gutter.top
            if not 0 <= text_y < height - gutter.top - gutter.bottom:
                lines.append(self._edge(y, size))
                continue
            if text_y >= len(text) and (finished_blank := self._edges.get(("blank", size))) is not None:
                lines.append(finished_blank)  # the same below every event's text
                continue
            line = text[text_y] if text_y < len(text) else blank
            # As Textual's StylesCache.render_line: the text made as wide as the pane's content, then padded.
            if line.cell_length < text_width:
                segments = [*left, *line, Segment(" " * (text_width - line.cell_length), inner), *right]
            else:
                segments = [*left, *line.adjust_cell_length(text_width, inner), *right]
            for line_filter in filters:  # as Strip.apply_filter, without a Strip made per filter
                segments = line_filter.apply(segments, background)
            strip = Strip(segments, width)
            if text_y >= len(text):
                self._edges[("blank", size)] = strip
            lines.append(strip)
        return lines

    def _edge(self, y: int, size: Size) -> Strip:
        """Line `y` of the border or padding around the text, as Textual draws it (the same for every event)."""
        key = (y, size)
        strip = self._edges.get(key)
        if strip is None:
            self._styles_cache.set_dirty(Region(0, y, size.width, 1))
            strip = self._edges[key] = super().render_lines(Region(0, y, size.width, 1))[0]
        return strip
