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
        super().__init__(placeholder="search titles, statements and entities; Enter to search, Escape to close", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
