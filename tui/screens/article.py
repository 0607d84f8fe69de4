"""The full article a statement came from, with the statement highlighted in context and scrolled to."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from scaletui.events.model import Source, Statement
from scaletui.tui.text import plain

HIGHLIGHT_STYLE = "bold reverse"
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")


def article_path(corpus: str, source: Source, timeline_path: Path | None = None) -> Path | None:
    """The source's article inside the corpus folder (else relative to the saved timeline); None when unavailable."""
    from scaletui.events.store import resolve_source_path

    return resolve_source_path(corpus, source, timeline_path)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph (a line or more), so the statement offsets still apply."""
    spans, start = [], 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        if gap.start() > start:
            spans.append((start, gap.start()))
        start = gap.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def locate(text: str, statement: Statement) -> tuple[int, int] | None:
    """The statement's place in the file: its offsets when they still match, else the first exact occurrence."""
    if text[statement.start : statement.end] == statement.text:
        return statement.start, statement.end
    position = text.find(statement.text)
    return (position, position + len(statement.text)) if position >= 0 else None


class ArticleScreen(Screen[None]):
    """The source file, paragraph by paragraph, the statement highlighted."""

    BINDINGS: list[BindingType] = [
        Binding("escape", "back", "Back", id="article.back"),
        Binding("j", "scroll(1)", "Down", show=False, id="article.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="article.up"),
    ]

    def __init__(self, source: Source, path: Path | None, statement: Statement | None) -> None:
        super().__init__()
        self.source = source
        self.path = path
        self.statement = statement
        self.missing = ""
        self.highlight: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        header = Text()
        header.append_text(plain(self.source.title or self.source.id, "bold"))
        if self.source.outlet:
            header.append("  ")
            header.append_text(plain(self.source.outlet, "italic"))
        header.append("\n")
        header.append_text(plain(str(self.path or self.source.path), "dim"))
        yield Static(header, id="article-header")
        with VerticalScroll(id="article-body", can_focus=True):
            yield from self._paragraphs()
        yield Footer()

    def _paragraphs(self):
        if self.path is None:
            self.missing = f"The article file is missing or unreadable, or not an article inside the corpus folder: {self.source.path}"
            yield Static(plain(self.missing, "bold red"), id="article-missing")
            return
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            self.missing = f"The article file is missing or unreadable: {self.path} ({error.strerror or error})"
            yield Static(plain(self.missing, "bold red"), id="article-missing")
            return
        if self.statement is not None:
            self.highlight = locate(text, self.statement)
            if self.highlight is None:
                yield Static(Text("This statement is no longer in the file (it changed since the timeline was built).", style="bold yellow"))
        for number, (start, end) in enumerate(paragraphs(text)):
            body = plain(text[start:end], keep_newlines=True)
            classes = "paragraph"
            if self.highlight and start <= self.highlight[0] < end:
                body.stylize(HIGHLIGHT_STYLE, self.highlight[0] - start, min(self.highlight[1], end) - start)
                classes += " highlighted"
            yield Static(body, classes=classes, id=f"paragraph-{number}")

    def on_mount(self) -> None:
        body = self.query_one("#article-body", VerticalScroll)
        body.focus()
        highlighted = self.query(".highlighted")
        if highlighted:
            self.call_after_refresh(body.scroll_to_center, highlighted.first(), animate=False)
        elif self.missing:
            self.notify(self.missing, severity="error", markup=False)

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#article-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)

    def action_back(self) -> None:
        self.dismiss()
