"""Searching the shown events: the search bar narrows the timeline live as you type, n/N move between matches.

What is searched: titles, statements, entity names and spellings,
disagreement topics and values (and the marks ≠ and ≈), and the user's own
notes, tags, flags and corrected titles. The pipeline's part is cached per
event (`_haystacks`, until an entity edit); the user's part per annotated event
(`_annotated`, until any annotation changes), so an edit is found at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scaletui.events.model import Entity, Event, Timeline
from scaletui.events.rounding import only_rounding
from scaletui.tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from textual.app import App

    from scaletui.tui.widgets.timeline_view import TimelineView

    _AppBase = App[None]
else:
    _AppBase = object


class SearchingMixin(_AppBase):
    """Search actions of ScaletuiApp.

    The search is one of the filters ScaletuiApp._refilter applies, so a new
    entity filter re-runs it; `match_indices` index the listed rows. The
    pipeline's text of each event is cached in `_haystacks` until an entity edit clears it.
    """

    if TYPE_CHECKING:  # provided by ScaletuiApp
        timeline: Timeline | None
        shown: list[Event]
        search_query: str
        match_indices: list[int]
        _haystacks: dict[str, str]
        _annotated: dict[str, str] | None
        _query_before: str
        _entity_by_id: dict[str, Entity]

        def _refilter(self, keep: str | None = None, *, search_only: bool = False) -> None: ...

        @property
        def timeline_view(self) -> TimelineView: ...
        def _update_status(self) -> None: ...

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        self._query_before = self.search_query
        self.query_one(SearchBar).open(self.search_query)

    def on_input_changed(self, message: SearchBar.Changed) -> None:
        if not isinstance(message.input, SearchBar) or not message.input.display:
            return
        message.stop()
        self._narrow(message.value)

    def on_input_submitted(self, message: SearchBar.Submitted) -> None:
        if not isinstance(message.input, SearchBar):
            return
        message.stop()
        self._close_search()
        self.search(message.value)

    def on_search_bar_cancelled(self, message: SearchBar.Cancelled) -> None:
        self._close_search()
        if self.search_query != self._query_before:
            self._narrow(self._query_before)

    def _close_search(self) -> None:
        self.query_one(SearchBar).close()
        self.timeline_view.focus()

    def _narrow(self, query: str) -> None:
        """List only the events matching `query` (everything when it is empty), keeping the cursor's event."""
        query = query.strip()
        if query == self.search_query:
            return
        self.search_query = query
        self._refilter(search_only=True)

    def search(self, query: str) -> None:
        """List the events matching `query` and put the cursor on the first."""
        self._narrow(query)
        if self.search_query and not self.match_indices:
            self.notify(f"No event matches {self.search_query!r}", markup=False, severity="warning")
        self._update_status()

    def _matching(self, events: list[Event], query: str) -> list[Event]:
        """The events whose text, or whose annotations, contain `query` (any case)."""
        needle = query.casefold()
        haystacks = self._haystacks
        users = self._user_texts()
        found = []
        for event in events:
            text = haystacks.get(event.id)
            if text is None:
                text = self._haystack(event)  # builds and caches the pipeline's part
            if needle in text or ((user := users.get(event.id)) is not None and needle in user):
                found.append(event)
        return found

    def _user_texts(self) -> dict[str, str]:
        """The user's part of each annotated event (note, tags, flag, corrected title), casefolded.

        Read once per change of annotations (`_annotated` is dropped then), not
        once per event per search: most events have none.
        """
        if self._annotated is None:
            events = self.timeline.events if self.timeline is not None else []
            self._annotated = {
                event.id: "\n".join([note.note, " ".join(note.tags), note.flag.value, note.title]).casefold()
                for event in events
                if not (note := event.annotation).empty
            }
        return self._annotated

    def _haystack(self, event: Event) -> str:
        """The pipeline's text of `event`, casefolded: title, statements, entity names and spellings, disagreements."""
        haystacks = self._haystacks  # the background indexer may be filling it too: same values
        if (text := haystacks.get(event.id)) is None:
            parts = [event.title, *(s.claim for s in event.statements)]
            for entity_id in event.entities:
                if (entity := self._entity_by_id.get(entity_id)) is not None:
                    parts.append(entity.name)
                    parts.extend(alias.text for alias in entity.aliases)
            for discrepancy in event.discrepancies:
                parts.append("≈" if only_rounding(discrepancy) else "≠")
                parts.append(discrepancy.topic)
                parts.extend(claim.value for claim in discrepancy.claims)
            # Each part once: outlets repeat one another's statements (and the title is one of them), and
            # the index is kept for every event. A query is one line, so it is found in the joined text
            # exactly when it is in one of the parts.
            text = "\n".join(dict.fromkeys(part.casefold() for part in parts))
            haystacks[event.id] = text
        return text

    def _jump_to_match(self, direction: int) -> None:
        if not self.match_indices:
            if self.search_query:
                self.notify(f"No event matches {self.search_query!r}", markup=False, severity="warning")
            return
        count = len(self.match_indices)
        self.timeline_view.cursor = (self.timeline_view.cursor + direction) % count
        self._update_status()

    def action_next_match(self) -> None:
        self._jump_to_match(1)

    def action_previous_match(self) -> None:
        self._jump_to_match(-1)
