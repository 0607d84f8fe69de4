"""The help screen: every key binding, by where it works."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HelpSection = tuple[str, Iterable[BindingType]]


class HelpScreen(ModalScreen[None]):
    """A scrollable table of bindings; Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close help", id="help.close")]

    def __init__(self, sections: list[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", can_focus=True):
            yield Static(Text("scaletui keys", style="bold"), id="help-title")
            yield Static(self._table(), id="help-table")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def _table(self) -> Table:
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        table.add_column("key", style="bold cyan", no_wrap=True, width=24)
        table.add_column("does")
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            for binding in bindings:
                if not isinstance(binding, Binding):
                    binding = Binding(*binding)
                table.add_row(Text(self._keys(binding)), Text(binding.description or binding.action))
            table.add_row("", "")
        return table

    def _keys(self, binding: Binding) -> str:
        keys = [key.strip() for key in binding.key.split(",")]
        return " / ".join(self.app.get_key_display(Binding(key, binding.action)) for key in keys)

    def action_close(self) -> None:
        self.dismiss()
