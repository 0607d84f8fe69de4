"""Searching the shown events: the search bar, the matches, and n/N between them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from events.model import Event, Timeline
from tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from textual.app import App

    from tui.widgets.timeline_view import TimelineView

    _AppBase = App[None]
else:
    _AppBase = object


class SearchingMixin(_AppBase):
    """Search actions of ScaletuiApp.

    Matches are indices into `shown`, so a new filter re-runs the search
    (ScaletuiApp._refilter calls `_find_matches`). Each event's searchable text
    is cached in `_haystacks` until an edit clears it.
    """

    if TYPE_CHECKING:  # provided by ScaletuiApp
        timeline: Timeline | None
        shown: list[Event]
        search_query: str
        match_indices: list[int]
        _haystacks: dict[str, str]

        @property
        def timeline_view(self) -> TimelineView: ...
        def _update_status(self) -> None: ...

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.value = self.search_query
        bar.focus()

    def on_input_submitted(self, message: SearchBar.Submitted) -> None:
        if not isinstance(message.input, SearchBar):
            return
        message.stop()
        self._close_search()
        self.search(message.value)

    def on_search_bar_cancelled(self, message: SearchBar.Cancelled) -> None:
        self._close_search()

    def _close_search(self) -> None:
        self.query_one(SearchBar).display = False
        self.timeline_view.focus()

    def search(self, query: str) -> None:
        """Mark the shown events matching `query` and move to the first at or after the cursor."""
        self.search_query = query.strip()
        self._find_matches()
        if self.search_query and self.match_indices:
            self._jump_to_match(1, include_current=True)
        elif self.search_query:
            self.notify(f"No event matches {self.search_query!r}", markup=False, severity="warning")
        self._update_status()

    def _haystack(self, event: Event) -> str:
        if (text := self._haystacks.get(event.id)) is None:
            assert self.timeline is not None
            parts = [event.shown_title, event.title, *(s.text for s in event.statements)]
            for entity_id in event.entities:
                if (entity := self.timeline.entity(entity_id)) is not None:
                    parts.append(entity.name)
                    parts.extend(alias.text for alias in entity.aliases)
            text = "\n".join(parts).casefold()
            self._haystacks[event.id] = text
        return text

    def _find_matches(self) -> None:
        needle = self.search_query.casefold()
        self.match_indices = [i for i, event in enumerate(self.shown) if needle and needle in self._haystack(event)]
        self.timeline_view.set_matches(set(self.match_indices))

    def _jump_to_match(self, direction: int, include_current: bool = False) -> None:
        if not self.match_indices:
            if self.search_query:
                self.notify(f"No event matches {self.search_query!r}", markup=False, severity="warning")
            return
        cursor = self.timeline_view.cursor
        if direction > 0:
            later = [i for i in self.match_indices if i > cursor or (include_current and i == cursor)]
            target = later[0] if later else self.match_indices[0]
        else:
            earlier = [i for i in self.match_indices if i < cursor]
            target = earlier[-1] if earlier else self.match_indices[-1]
        self.timeline_view.cursor = target
        self._update_status()

    def action_next_match(self) -> None:
        self._jump_to_match(1)

    def action_previous_match(self) -> None:
        self._jump_to_match(-1)
