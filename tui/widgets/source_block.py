"""One source's block in the comparison view: what it said about the event, what it said of it in a sentence of another event, or that it was silent."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from scaletui.events.model import Event, Source, Statement
from scaletui.tui.text import plain

DATING_STYLE = "bold underline cyan"
FIGURE_STYLE = "bold magenta"
DISAGREE_STYLE = "bold yellow"
SUBJECT_STYLE = "dim italic"
PASSING_STYLE = "italic"


class SourceBlock(Static, can_focus=True):
    """A focusable block: the source's statements with dating words and figures highlighted."""

    BINDINGS: list[BindingType] = [Binding("enter", "open", "Open article", id="comparison.article")]

    class OpenArticle(Message):
        """Open the source's article at this statement (None: at the top)."""

        def __init__(self, block: SourceBlock, source: Source, statement: Statement | None) -> None:
            super().__init__()
            self.block = block
            self.source = source
            self.statement = statement

        @property
        def control(self) -> SourceBlock:
            return self.block

    def __init__(
        self, event: Event, source: Source, symbol: str, name: str, *, passing: list[Statement] = (), id: str | None = None
    ) -> None:
        self.event = event
        self.source = source
        self.statements = [s for s in event.statements if s.source == source.id]
        # Sentences of other events that name or tell this one too (Event.mentions).
        self.passing = [] if self.statements else list(passing)
        self.silent = not self.statements and not self.passing
        super().__init__(self._content(), id=id, classes="silent" if self.silent else "reports", markup=False)
        self.border_title = plain(f"{symbol} {name}")  # a str would be parsed as markup
        if source.published:
            self.border_subtitle = Text(f"published {source.published:%d %b %Y}" + (" (estimated)" if source.published_estimated else ""))

    def _content(self) -> Text:
        if self.silent:
            return Text("silent: does not report this event", style="italic dim")
        text = Text()
        if self.passing:
            text.append("tells it in a sentence of another event:\n", style=f"dim {PASSING_STYLE}")
        for number, statement in enumerate(self.statements or self.passing):
            if number:
                text.append("\n\n")
            text.append_text(highlighted_statement(statement))
            text.append("\n")
            text.append("dated: ", style="dim")
            if statement.dated:
                text.append_text(plain(statement.time_text, DATING_STYLE))
                text.append(f" → {statement.span.label(weekday=True)}", style="dim")
            else:
                text.append(f"undated ({statement.span.label(weekday=True)})", style="dim italic")
        for discrepancy in self.event.discrepancies:
            for claim in discrepancy.claims:
                if self.source.id in claim.sources:
                    text.append("\n≠ ", style=DISAGREE_STYLE)
                    text.append_text(plain(f"{discrepancy.topic} ({discrepancy.field}): says ", DISAGREE_STYLE))
                    text.append_text(plain(claim.value, f"{DISAGREE_STYLE} reverse"))
        return text

    def action_open(self) -> None:
        shown = self.statements or self.passing
        self.post_message(self.OpenArticle(self, self.source, shown[0] if shown else None))

    async def _on_click(self, event: events.Click) -> None:
        if event.chain >= 2:
            self.action_open()


def highlighted_statement(statement: Statement) -> Text:
    """The statement's text, literal, with its dating words and figures highlighted."""
    text = plain(statement.text)
    if statement.dated:
        start, end = _offsets(statement, statement.time_text, statement.time_start, statement.time_end)
        if start is not None:
            text.stylize(DATING_STYLE, start, end)
    for figure in statement.figures:
        position = statement.text.find(figure.text)
        if figure.text and position >= 0:
            text.stylize(FIGURE_STYLE, position, position + len(figure.text))
    if statement.subject:
        # A clause cut from its sentence reads whole with the subject it shares.
        text = Text.assemble(plain(statement.subject + " … ", SUBJECT_STYLE), text)
    return text


def _offsets(statement: Statement, words: str, start: int | None, end: int | None) -> tuple[int | None, int | None]:
    """Where `words` sit in the statement: from the file offsets when they agree, else by search."""
    if start is not None and end is not None:
        local = start - statement.start
        if local >= 0 and statement.text[local : local + (end - start)] == words:
            return local, local + (end - start)
    position = statement.text.find(words)
    return (position, position + len(words)) if position >= 0 else (None, None)
