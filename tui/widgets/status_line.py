"""The status line: where you are (corpus, events shown of all, filters, search, unsaved changes)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from tui.text import plain


@dataclass(frozen=True)
class Status:
    corpus: str = ""
    path: str = ""
    shown: int = 0
    total: int = 0
    filters: tuple[str, ...] = ()
    mode: str = "and"
    search: str = ""
    match_position: int = 0
    match_count: int = 0
    dirty: bool = False
    busy: str = ""


class StatusLine(Static):
    """One line at the top of the main screen."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def show_status(self, status: Status) -> None:
        self.status = status
        self.update(render_status(status))


def render_status(status: Status) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("scaletui", style="bold")
    where = status.path or status.corpus
    if where:
        text.append("  ")
        text.append_text(plain(where))
    if status.busy:
        text.append("  ")
        text.append_text(plain(status.busy, "italic"))
    else:
        text.append(f"  {status.shown} of {status.total} events", style="bold")
    if status.filters:
        joiner = " AND " if status.mode == "and" else " OR "
        text.append("  filter: ", style="dim")
        text.append_text(plain(joiner.join(status.filters), "bold"))
    if status.search:
        text.append("  search ", style="dim")
        text.append_text(plain(repr(status.search)))
        if status.match_count:
            text.append(f" {status.match_position}/{status.match_count}")
        else:
            text.append(" no match", style="italic")
    if status.dirty:
        text.append("  ● unsaved changes", style="bold yellow")
    return text
