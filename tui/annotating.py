"""The reader's own corrections: notes, tags, titles, dates and flags on events,
and renaming, merging and splitting the entities the pipeline found."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from scaletui.events import annotations
from scaletui.events.annotations import History
from scaletui.events.errors import ScaletuiError
from scaletui.events.model import Entity, Event, Timeline
from scaletui.tui.screens.comparison import ComparisonScreen
from scaletui.tui.screens.dialogs import AliasPicker, Choice, EntityPicker, TextPrompt

if TYPE_CHECKING:
    from textual.app import App

    from scaletui.tui.widgets.entity_sidebar import EntitySidebar
    from scaletui.tui.widgets.event_detail import EventDetail
    from scaletui.tui.widgets.timeline_view import TimelineView

    _AppBase = App[None]
else:
    _AppBase = object

DATE_HINT = 'e.g. "2025-06-12", "12 Jun 2025", "Jun 2025", "Q2 2025", "2024", "by end 2025", "early 2025"; empty clears'


class AnnotatingMixin(_AppBase):
    """Annotation and entity-edit actions of ScaletuiApp; every change goes through `_change`."""

    if TYPE_CHECKING:  # provided by ScaletuiApp
        timeline: Timeline | None
        dirty: bool
        history: History
        _order: list[Event] | None
        _haystacks: dict[str, str]
        _entity_by_id: dict[str, Entity]
        _last_search: tuple[str, list[Event]] | None
        _annotated: dict[str, str] | None

        @property
        def sidebar(self) -> EntitySidebar: ...
        @property
        def timeline_view(self) -> TimelineView: ...
        @property
        def detail(self) -> EventDetail: ...
        def _refilter(self, keep: str | None = None) -> None: ...
        def _update_status(self) -> None: ...
        @property
        def saving(self) -> bool: ...
        def after_saving(self, step: Callable[[], object]) -> None: ...

    # ------------------------------------------------------------------ event annotations

    def current_event(self) -> Event | None:
        if isinstance(self.screen, ComparisonScreen):
            return self.screen.event
        return self.timeline_view.current

    def _event_or_warn(self) -> Event | None:
        event = self.current_event()
        if event is None:
            self.notify("No event selected", severity="warning")
        return event

    def _change(
        self,
        change: Callable[[], object],
        *,
        resort: bool = False,
        entities: bool = False,
        event_id: str = "",
        label: str = "",
    ) -> bool:
        """Run one annotation change (undoable); on bad input say why and change nothing."""
        assert self.timeline is not None
        if self.saving:
            self.notify("Saving: the change is made once the file is written", markup=False)
            self.after_saving(lambda: self._change(change, resort=resort, entities=entities, event_id=event_id, label=label))
            return True
        try:
            if entities:
                self.history.edit_entities(self.timeline, change, label)
            elif event_id:
                self.history.annotate(self.timeline, event_id, change, label)
            else:
                change()
        except ScaletuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        self._after_change(resort=resort, entities=entities)
        return True

    def _after_change(self, *, resort: bool, entities: bool) -> None:
        self.dirty = True
        self._last_search = None  # an annotation is searchable: what a search found may have changed
        self._annotated = None
        if entities and self.timeline is not None:
            self._haystacks = {}
            self._entity_by_id = {entity.id: entity for entity in self.timeline.entities}
            self.sidebar.show(self.timeline)
        if resort:
            self._order = None
        if resort or entities:
            current = self.current_event()
            self._refilter(keep=current.id if current else None)
        else:
            self.timeline_view.refresh_rows()
            self._update_status()
        for screen in self.screen_stack:
            if isinstance(screen, ComparisonScreen):
                screen.refresh_event()
        self._refresh_detail()

    def _refresh_detail(self) -> None:
        view = self.timeline_view
        self.detail.show(view.current or view.current_fold, force=True)

    def action_undo(self) -> None:
        self._step(self.history.undo, "Undid", "Nothing to undo")

    def action_redo(self) -> None:
        self._step(self.history.redo, "Redid", "Nothing to redo")

    def _step(self, step: Callable[[], str | None], done: str, nothing: str) -> None:
        if self.timeline is None:
            return
        if self.saving:
            self.after_saving(lambda: self._step(step, done, nothing))
            return
        label = step()
        if label is None:
            self.notify(nothing, severity="warning")
            return
        # Any kind of change may come back: re-sort, re-list entities, re-search.
        self._order = None
        self._after_change(resort=True, entities=True)
        self.notify(f"{done}: {label}", markup=False)

    def action_edit_note(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        self._prompt(
            TextPrompt(f"Note on: {event.shown_title}", event.annotation.note, "Enter saves, Escape cancels; empty clears"),
            lambda value: annotations.set_note(self.timeline, event.id, value),
            event_id=event.id,
            label="note",
        )

    def action_edit_tags(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        self._prompt(
            TextPrompt(f"Tags for: {event.shown_title}", ", ".join(event.annotation.tags), "comma or space separated"),
            lambda value: annotations.set_tags(self.timeline, event.id, value),
            event_id=event.id,
            label="tags",
        )

    def action_edit_title(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        from scaletui.tui.widgets.event_detail import whole_title

        self._prompt(
            TextPrompt("Corrected title", event.annotation.title or whole_title(event), f"found: {event.title}; empty restores it"),
            lambda value: annotations.set_title(self.timeline, event.id, value),
            event_id=event.id,
            label="title",
        )

    def action_correct_date(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        current = event.annotation.span.label() if event.annotation.span else ""

        def problem(value: str) -> str | None:
            """A date that cannot be read keeps the dialog open with what was typed."""
            if not value.strip():
                return None
            try:
                annotations.parse_span(value)
            except ScaletuiError as error:
                return str(error)
            return None

        self._prompt(
            TextPrompt(f"Corrected date for: {event.shown_title} (found: {event.span.label()})", current, DATE_HINT, check=problem),
            lambda value: annotations.correct_date(self.timeline, event.id, value),
            resort=True,
            event_id=event.id,
            label="date",
        )

    def action_set_flag(self) -> None:
        if (event := self._event_or_warn()) is None:
            return
        answers = [("i", "Important", "important"), ("d", "Disputed", "disputed"), ("v", "Verified", "verified"), ("x", "No flag", "")]

        def chosen(value: str | None) -> None:
            if value is not None:
                self._change(lambda: annotations.set_flag(self.timeline, event.id, value), event_id=event.id, label="flag")

        self.push_screen(Choice(f"Flag: {event.shown_title}", answers), chosen)

    def _prompt(
        self, dialog: TextPrompt, apply: Callable[[str], object], *, resort: bool = False, event_id: str = "", label: str = ""
    ) -> None:
        def answered(value: str | None) -> None:
            if value is not None:
                self._change(lambda: apply(value), resort=resort, event_id=event_id, label=label)

        self.push_screen(dialog, answered)

    # ------------------------------------------------------------------ entity edits

    def _entity_or_warn(self) -> Entity | None:
        entity = self.sidebar.highlighted_entity
        if entity is None:
            self.notify("No entity highlighted in the sidebar", severity="warning")
        return entity

    def action_rename_entity(self) -> None:
        if (entity := self._entity_or_warn()) is None:
            return

        def answered(value: str | None) -> None:
            if value is not None:
                self._change(lambda: annotations.rename_entity(self.timeline, entity.id, value), entities=True, label=f"rename {entity.name}")

        self.push_screen(TextPrompt(f"Rename {entity.name}", entity.name), answered)

    def action_merge_entity(self) -> None:
        if (entity := self._entity_or_warn()) is None or self.timeline is None:
            return
        others = [other for other in self.timeline.entities if other.id != entity.id]

        def picked(other_id: str | None) -> None:
            # The highlighted entity goes into the chosen one, which stays (as the README says: "merge into another").
            if other_id:
                self._change(
                    lambda: annotations.merge_entities(self.timeline, other_id, entity.id), entities=True, label=f"merge {entity.name}"
                )

        self.push_screen(EntityPicker(f"Merge {entity.name} into: choose the entity that stays", others), picked)

    def action_split_entity(self) -> None:
        if (entity := self._entity_or_warn()) is None:
            return

        def picked(answer: tuple[list[str], str] | None) -> None:
            if answer is not None:
                aliases, name = answer
                self._change(
                    lambda: annotations.split_entity(self.timeline, entity.id, aliases, name), entities=True, label=f"split {entity.name}"
                )

        self.push_screen(AliasPicker(entity), picked)
