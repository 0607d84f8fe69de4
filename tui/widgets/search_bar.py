"""The search bar: `/` opens it at the bottom, Enter searches, Escape closes it."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An Input that says when it is dismissed without searching."""

    BINDINGS: list[BindingType] = [Binding("escape", "cancel", "Close search", id="search.cancel")]

    class Cancelled(Message):
        """Escape: close the bar, keep the previous search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search titles, statements, entities, notes, tags and ≠ topics; Enter keeps, Escape undoes", id=id)
        # Focusable only while open: hidden, it would still take the focus at
        # start-up and swallow keys (`q` typed while a corpus builds).
        self.can_focus = False

    def open(self, value: str) -> None:
        self.can_focus = True
        self.display = True
        with self.prevent(Input.Changed):
            self.value = value
        self.focus()

    def close(self) -> None:
        self.display = False
        self.can_focus = False

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
