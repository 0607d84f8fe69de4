"""The source comparison view for one event: a block per source, disagreements and silences marked."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from scaletui.events.model import Event, Flag, Statement, Timeline
from scaletui.tui.text import plain
from scaletui.tui.widgets.source_block import DISAGREE_STYLE, SourceBlock
from scaletui.tui.widgets.timeline_view import passing_sources, source_symbol


class ComparisonScreen(Screen[None]):
    """What each source said about one event."""

    BINDINGS: list[BindingType] = [
        Binding("escape", "back", "Back", id="comparison.back"),
        Binding("down,j", "app.focus_next", "Next source", show=False, id="comparison.next", priority=True),
        Binding("up,k", "app.focus_previous", "Previous source", show=False, id="comparison.previous", priority=True),
    ]

    def __init__(self, timeline: Timeline, event: Event) -> None:
        super().__init__()
        self.timeline = timeline
        self.event = event

    def compose(self) -> ComposeResult:
        yield Static(id="comparison-header")
        yield Static(id="comparison-disagreements")
        passing = passing_statements(self.timeline, self.event)
        with VerticalScroll(id="comparison-blocks"):
            for index, source in enumerate(self.timeline.sources):
                yield SourceBlock(
                    self.event, source, source_symbol(index), self.timeline.source_label(source.id),
                    passing=passing.get(source.id, []), id=f"block-{index}",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_event()
        reporting = self.query(SourceBlock).filter(".reports")
        if reporting:
            reporting.first().focus()

    def refresh_event(self) -> None:
        """Re-show the header after an annotation changed."""
        self.query_one("#comparison-header", Static).update(event_header(self.timeline, self.event))
        self.query_one("#comparison-disagreements", Static).update(disagreements(self.timeline, self.event))

    def action_back(self) -> None:
        self.dismiss()


def passing_statements(timeline: Timeline, event: Event) -> dict[str, list[Statement]]:
    """The statements of other events that name or tell `event` too (its `mentions`), by source; unknown ids are skipped."""
    wanted = set(event.mentions)
    if not wanted:
        return {}
    found = {s.id: s for other in timeline.events if other is not event for s in other.statements if s.id in wanted}
    by_source: dict[str, list[Statement]] = {}
    for mention in event.mentions:
        if mention in found:
            by_source.setdefault(found[mention].source, []).append(found[mention])
    return by_source


def event_header(timeline: Timeline, event: Event) -> Text:
    text = Text()
    text.append(event.shown_span.label(weekday=True), style="bold")
    if event.annotation.span is not None:
        text.append(f" (corrected; found: {event.span.label(weekday=True)})", style="dim")
    text.append("  ")
    text.append_text(plain(event.shown_title, "bold"))
    if event.annotation.title:
        text.append("  (title edited)", style="dim")
    reporting = len(set(event.sources))
    in_passing = len(passing_sources(event))
    text.append(f"\n{reporting} of {len(timeline.sources)} sources report it", style="dim")
    if in_passing:
        text.append(f" ({in_passing} in other events' sentences)", style="dim")
    if event.silent:
        names = [timeline.source_label(source_id) for source_id in event.silent]
        text.append("; silent: ", style="dim")
        text.append_text(plain(", ".join(names), "dim italic"))
    note = event.annotation
    if note.flag is not Flag.NONE:
        text.append(f"\nflag: {note.flag.value}", style="bold yellow")
    if note.tags:
        text.append("\ntags: ", style="dim")
        text.append_text(plain(", ".join(note.tags)))
    if note.note:
        text.append("\nnote: ", style="dim")
        text.append_text(plain(note.note, "italic"))
    return text


def disagreements(timeline: Timeline, event: Event) -> Text:
    if not event.discrepancies:
        return Text("No disagreements found between sources.", style="dim")
    text = Text()
    for number, discrepancy in enumerate(event.discrepancies):
        if number:
            text.append("\n")
        text.append("≠ ", style=DISAGREE_STYLE)
        text.append_text(plain(f"{discrepancy.topic} ({discrepancy.field}): ", DISAGREE_STYLE))
        for index, claim in enumerate(discrepancy.claims):
            if index:
                text.append("  vs  ", style="dim")
            text.append_text(plain(claim.value, "bold"))
            text.append(" — ", style="dim")
            text.append_text(plain(", ".join(timeline.source_label(s) for s in claim.sources)))
    return text

