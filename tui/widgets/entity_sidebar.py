"""The entity sidebar: entities grouped by kind, ranked by how many events and
sources name them, the long tail of each kind folded under one row; choosing
some filters the timeline."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from scaletui.events.model import Entity, Kind, Timeline
from scaletui.tui.text import plain
from scaletui.tui.widgets.status_line import plural
from scaletui.tui.widgets.still import StillLines

KIND_HEADINGS = {
    Kind.PERSON: "People",
    Kind.ORGANISATION: "Organisations",
    Kind.PRODUCT: "Products",
    Kind.PLACE: "Places",
    Kind.OTHER: "Other",
}
MODE_LABELS = {"and": "AND: events with all chosen", "or": "OR: events with any chosen"}
# A timeline with more entities than this folds each kind's tail; a small one shows all.
FOLD_FROM = 40
# Rows a folded kind shows before its "more" row.
SHOWN_PER_KIND = 8
FOLD_PREFIX = "fold:"


class EntitySidebar(StillLines, Vertical):
    """Entities by kind; space/enter toggles one into the filter, the mode says AND or OR."""

    BINDINGS: list[BindingType] = [
        Binding("space", "toggle", "Filter", id="entities.toggle"),
        Binding("a", "unfold_all", "All / top", id="entities.unfold", tooltip="Show every entity, or only each kind's most named"),
        Binding("r", "app.rename_entity", "Rename", id="entities.rename"),
        Binding("m", "app.merge_entity", "Merge into", id="entities.merge"),
        Binding("s", "app.split_entity", "Split", id="entities.split"),
    ]

    DEFAULT_CSS = """
    EntitySidebar {
        #entity-heading { height: 1; text-style: bold; padding: 0 1; }
        #entity-mode { height: 1; color: $text-muted; padding: 0 1; }
        #entity-list { height: 1fr; border: none; }
        #entity-variants { height: auto; max-height: 8; padding: 0 1; color: $text-muted; border-top: solid $panel-lighten-2; }
    }
    """

    selected: reactive[tuple[str, ...]] = reactive((), init=False)
    """Chosen entity ids, in the order they were chosen."""
    mode: reactive[str] = reactive("and", init=False)

    class FilterChanged(Message):
        """The chosen entities or the AND/OR mode changed."""

        def __init__(self, sidebar: EntitySidebar, selected: tuple[str, ...], mode: str) -> None:
            super().__init__()
            self.sidebar = sidebar
            self.selected = selected
            self.mode = mode

        @property
        def control(self) -> EntitySidebar:
            return self.sidebar

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._timeline: Timeline | None = None
        self._counts: Counter[str] = Counter()
        self._sources: Counter[str] = Counter()
        self._unfolded: set[Kind] = set()

    def compose(self) -> ComposeResult:
        yield Static("Entities", id="entity-heading")
        yield Static(MODE_LABELS["and"], id="entity-mode")
        yield OptionList(id="entity-list", markup=False)
        yield Static("", id="entity-variants")

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#entity-list", OptionList)

    @property
    def highlighted_entity(self) -> Entity | None:
        option = self.option_list.highlighted_option
        if option is None or option.id is None or self._timeline is None or option.id.startswith(FOLD_PREFIX):
            return None
        return self._timeline.entity(option.id)

    def show(self, timeline: Timeline) -> None:
        """List the timeline's entities; keep choices that still exist."""
        self._timeline = timeline
        self._counts = Counter(entity_id for event in timeline.events for entity_id in set(event.entities))
        self._sources = Counter({entity.id: len({s for alias in entity.aliases for s in alias.sources}) for entity in timeline.entities})
        known = {entity.id for entity in timeline.entities}
        kept = tuple(entity_id for entity_id in self.selected if entity_id in known)
        highlighted = self.option_list.highlighted_option
        keep_id = highlighted.id if highlighted is not None else None
        options: list[Option] = []
        by_kind: dict[Kind, list[Entity]] = {}
        for entity in timeline.entities:
            by_kind.setdefault(entity.kind, []).append(entity)
        folding = len(timeline.entities) > FOLD_FROM
        for kind in KIND_HEADINGS:
            members = sorted(by_kind.get(kind, []), key=lambda e: (-self._counts[e.id], -self._sources[e.id], e.name.lower()))
            if not members:
                continue
            options.append(Option(Text(f"{KIND_HEADINGS[kind]} ({len(members)})", style="bold"), disabled=True))
            foldable = folding and len(members) > SHOWN_PER_KIND + 1
            shown = members if not foldable or kind in self._unfolded else members[:SHOWN_PER_KIND]
            # a chosen entity stays in sight even when its kind is folded
            shown += [e for e in members[len(shown):] if e.id in kept or e.id == keep_id]
            options.extend(Option(self._prompt(entity, entity.id in kept), id=entity.id) for entity in shown)
            if foldable:
                options.append(Option(self._fold_prompt(kind, len(members) - len(shown)), id=FOLD_PREFIX + kind.value))
        self.option_list.set_options(options)
        self.query_one("#entity-heading", Static).update(f"Entities ({len(timeline.entities)})")
        if keep_id is not None and (keep_id in known or keep_id.startswith(FOLD_PREFIX)) and self._has_option(keep_id):
            self.option_list.highlighted = self.option_list.get_option_index(keep_id)
        elif options:
            self.option_list.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)
        if kept != self.selected:
            self.selected = kept
        self._show_variants()

    def _prompt(self, entity: Entity, chosen: bool) -> Text:
        text = Text("✓ " if chosen else "  ", style="bold" if chosen else "")
        text.append_text(plain(entity.name, "bold" if chosen else ""))
        text.append(f" {self._counts[entity.id]}", style="dim")
        return text

    def _fold_prompt(self, kind: Kind, hidden: int) -> Text:
        if hidden:
            return Text(f"  ▸ {hidden} more {KIND_HEADINGS[kind].lower()} (enter)", style="italic dim")
        return Text("  ▴ fewer (enter)", style="italic dim")

    def unfold(self, kind: Kind, unfolded: bool = True) -> None:
        """Show every entity of `kind`, or only its most named."""
        if unfolded:
            self._unfolded.add(kind)
        else:
            self._unfolded.discard(kind)
        if self._timeline is not None:
            self.show(self._timeline)

    def action_unfold_all(self) -> None:
        everything = set(KIND_HEADINGS)
        self._unfolded = set() if self._unfolded >= everything else everything
        if self._timeline is not None:
            self.show(self._timeline)

    def _has_option(self, option_id: str) -> bool:
        try:
            self.option_list.get_option_index(option_id)
        except OptionDoesNotExist:
            return False
        return True

    def action_toggle(self) -> None:
        option = self.option_list.highlighted_option
        if option is not None and option.id is not None and option.id.startswith(FOLD_PREFIX):
            kind = Kind(option.id.removeprefix(FOLD_PREFIX))
            where = self.option_list.highlighted
            self.unfold(kind, kind not in self._unfolded)
            if kind in self._unfolded and where is not None:
                self.option_list.highlighted = where  # the first of the rows just unfolded
            return
        entity = self.highlighted_entity
        if entity is None:
            return
        chosen = list(self.selected)
        if entity.id in chosen:
            chosen.remove(entity.id)
        else:
            chosen.append(entity.id)
        self.selected = tuple(chosen)

    def toggle_mode(self) -> None:
        self.mode = "or" if self.mode == "and" else "and"

    def clear(self) -> None:
        self.selected = ()

    def choose(self, *entity_ids: str) -> None:
        self.selected = tuple(dict.fromkeys(entity_ids))

    def watch_selected(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        if self._timeline is not None:
            for entity_id in set(old) ^ set(new):
                entity = self._timeline.entity(entity_id)
                if entity is not None:
                    self.option_list.replace_option_prompt(entity_id, self._prompt(entity, entity_id in new))
        self.post_message(self.FilterChanged(self, new, self.mode))

    def watch_mode(self, mode: str) -> None:
        self.query_one("#entity-mode", Static).update(MODE_LABELS[mode])
        self.post_message(self.FilterChanged(self, self.selected, mode))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_variants()

    def _show_variants(self) -> None:
        """The highlighted entity's spellings and which sources used each."""
        entity = self.highlighted_entity
        panel = self.query_one("#entity-variants", Static)
        if entity is None or self._timeline is None:
            panel.update("")
            return
        text = Text()
        text.append_text(plain(entity.name, "bold"))
        events, sources = self._counts[entity.id], self._sources[entity.id]
        text.append(f"  {entity.kind.value}, {plural(events, 'event')}, {plural(sources, 'source')}")
        for alias in entity.aliases:
            outlets = [self._source_label(source_id) for source_id in alias.sources]
            text.append("\n• ")
            text.append_text(plain(alias.text, "italic"))
            if outlets:
                text.append(" — ")
                text.append_text(plain(", ".join(outlets)))
        panel.update(text)

    def _source_label(self, source_id: str) -> str:
        return self._timeline.source_label(source_id) if self._timeline else source_id
