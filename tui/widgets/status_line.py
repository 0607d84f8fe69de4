"""The status line: where you are (corpus, events shown of all, filters, search, unsaved changes).

It changes on every cursor move, so it is a fixed-size widget that only
repaints: `Static.update` would lay the whole screen out again each time.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from scaletui.tui.text import plain
from scaletui.tui.widgets.still import StillLines


@dataclass(frozen=True)
class Status:
    corpus: str = ""
    path: str = ""
    shown: int = 0
    total: int = 0
    key_view: bool = False
    folded: int = 0
    only_marked: bool = False
    position: str = ""  # what the cursor is on, e.g. "rank 3"
    filters: tuple[str, ...] = ()
    mode: str = "and"
    search: str = ""
    match_position: int = 0
    match_count: int = 0
    dirty: bool = False
    busy: str = ""


class StatusLine(StillLines, Widget):
    """One line at the top of the main screen."""

    DEFAULT_CSS = """
    StatusLine { height: 1; width: 1fr; background: $panel; color: $text; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.status = Status()
        self._text = render_status(self.status)

    def show_status(self, status: Status) -> None:
        if status == self.status:
            return
        self.status = status
        self._text = render_status(status)
        self.refresh()  # same size: a repaint, no layout

    def render(self) -> Text:
        return self._text


def plural(count: int, noun: str, nouns: str = "") -> str:
    """ "1 event", "2 events" ("1 match", "2 matches" with `nouns`)."""
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


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
        if status.shown == status.total:
            text.append(f"  {plural(status.total, 'event')}", style="bold")
        else:
            text.append(f"  {status.shown} of {plural(status.total, 'event')}", style="bold")
        if status.key_view and status.folded:
            text.append(f"  key view, {status.folded} folded (a: all)", style="dim")
        if status.only_marked:
            text.append("  only ≠ ! ✎", style="bold")
    if status.filters:
        joiner = " AND " if status.mode == "and" else " OR "
        text.append("  filter: ", style="dim")
        text.append_text(plain(joiner.join(status.filters), "bold"))
    if status.search:
        text.append("  search ", style="dim")
        text.append_text(plain(repr(status.search)))
        if status.match_count:
            text.append(f" {status.match_position}/{status.match_count}" if status.match_position else f" {plural(status.match_count, 'match', 'matches')}")
        else:
            text.append(" no match", style="italic")
    if status.position:
        text.append(f"  {status.position}", style="dim")
    if status.dirty:
        text.append("  ● unsaved changes", style="bold yellow")
    return text
