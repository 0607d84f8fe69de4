"""Small modal dialogs: a text prompt, a choice of a few answers, and pickers for entities and aliases."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from scaletui.events.model import Entity
from scaletui.tui.text import plain


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text. Enter answers, Escape cancels (None).

    `check` says what is wrong with an answer (None: nothing): the dialog then
    stays open with what was typed, so nothing typed is lost.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(
        self,
        title: str,
        value: str = "",
        hint: str = "",
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        self.hint = hint
        self.placeholder = placeholder
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.prompt_title, "bold"), classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(plain(self.hint), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.check is not None and (problem := self.check(event.value)):
            self.notify(problem, severity="error", markup=False)
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Choice(ModalScreen[str | None]):
    """Ask a question with a few answers, each with a key. Escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, question: str, answers: list[tuple[str, str, str]]) -> None:
        """`answers`: (key, label, value) triples, e.g. ("s", "Save", "save")."""
        super().__init__()
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                for key, label, value in self.answers:
                    yield Button(Text(f"{label} [{key}]"), id=f"answer-{value}", compact=True)

    def on_key(self, event) -> None:
        for key, _label, value in self.answers:
            if event.key == key:
                event.stop()
                self.dismiss(value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("answer-"))

    def action_cancel(self) -> None:
        self.dismiss(None)


class EntityPicker(ModalScreen[str | None]):
    """Choose one entity from a list narrowed by typing. Returns its id, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("down", "focus_list", "To the list", show=False, id="dialog.to_list"),
    ]

    def __init__(self, title: str, entities: list[Entity]) -> None:
        super().__init__()
        self.picker_title = title
        self.entities = entities

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label(plain(self.picker_title, "bold"), classes="dialog-title")
            yield Input(placeholder="type to narrow", id="picker-filter")
            yield OptionList(id="picker-list", markup=False)

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        query = query.lower().strip()
        options = [
            Option(plain(f"{entity.name}  ({entity.kind.value})"), id=entity.id)
            for entity in self.entities
            if not query or query in entity.name.lower() or any(query in a.text.lower() for a in entity.aliases)
        ]
        picker = self.query_one("#picker-list", OptionList)
        picker.set_options(options)
        picker.highlighted = 0 if options else None

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one("#picker-list", OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_focus_list(self) -> None:
        self.query_one("#picker-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class AliasPicker(ModalScreen[tuple[list[str], str] | None]):
    """Choose the aliases to split out of an entity and a name for the new one."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("ctrl+enter,ctrl+j", "confirm", "Split", id="dialog.confirm"),
    ]

    def __init__(self, entity: Entity) -> None:
        super().__init__()
        self.entity = entity

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label(plain(f"Split {self.entity.name}: choose the aliases to move out (space)", "bold"), classes="dialog-title")
            yield SelectionList[str](*[(plain(alias.text), alias.text) for alias in self.entity.aliases], id="alias-list")
            yield Input(placeholder="name of the new entity (default: first alias moved)", id="alias-name")
            yield Button("Split", id="alias-split", compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        chosen = list(self.query_one("#alias-list", SelectionList).selected)
        self.dismiss((chosen, self.query_one("#alias-name", Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
