"""The selected event in full under the timeline: whole title wrapped, its sources named, its disagreements.

A fixed height that only repaints on a cursor move (no relayout); what does
not fit is cut at the bottom, and Enter opens the full comparison.
"""

from __future__ import annotations

from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from scaletui.events.model import Event, Flag, Timeline
from scaletui.events.rounding import only_rounding
from scaletui.tui.labels import source_labels
from scaletui.tui.text import plain
from scaletui.tui.widgets.timeline_view import Fold, source_symbol


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
    text.append(f"\nreported by {len(reporting)} of {len(timeline.sources)}: ", style="dim")
    for number, source_id in enumerate(reporting):
        if number:
            text.append(", ", style="dim")
        index = source_index.get(source_id)
        if index is not None:
            text.append(f"{source_symbol(index)} ", style="bold green")
        text.append_text(plain(labels.get(source_id, source_id)))
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
        self._shown = item
        self._text = None  # described when painted, unless its lines are still cached
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._finished.clear()

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

    def render_lines(self, crop: Region) -> list[Strip]:
        item = self._shown
        if not isinstance(item, Event):
            return super().render_lines(crop)
        size = self.region.size
        key = (item.id, size)
        lines = self._finished.get(key)
        if lines is None:
            # Every line: show() marked the whole pane dirty, so these are this event's.
            lines = self._finished[key] = super().render_lines(size.region)
        strips = lines[crop.y : crop.bottom]
        if crop.column_span != (0, size.width):
            strips = [strip.crop(*crop.column_span) for strip in strips]
        return strips
