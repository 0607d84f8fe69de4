"""Disagreements and the reader's own marks one key away: jump to the next or previous, or show only them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from scaletui.events.model import Event, Flag
from scaletui.events.rounding import only_rounding

if TYPE_CHECKING:
    from textual.app import App

    from scaletui.tui.widgets.timeline_view import TimelineView

    _AppBase = App[None]
else:
    _AppBase = object


def has_real_disagreement(event: Event) -> bool:
    """Sources disagree on something other than rounding."""
    return any(not only_rounding(d) for d in event.discrepancies)


def has_own_mark(event: Event) -> bool:
    """The reader flagged, noted or tagged it."""
    note = event.annotation
    return bool(note.note or note.tags or note.flag is not Flag.NONE)


class MarksMixin(_AppBase):
    """Jumps over the shown events (folded ones included: a jump unfolds its target)."""

    if TYPE_CHECKING:  # provided by ScaletuiApp
        shown: list[Event]
        only_marked: bool
        search_query: str
        _position_of: dict[str, int] | None

        @property
        def timeline_view(self) -> TimelineView: ...
        def _refilter(self, keep: str | None = None, *, search_only: bool = False) -> None: ...
        def search(self, query: str) -> None: ...

    def _jump(self, direction: int, wanted: Callable[[Event], bool]) -> None:
        """Move to the next (1) or previous (-1) shown event for which `wanted(event)` holds, unfolding it."""
        view = self.timeline_view
        if not self.shown:
            return
        current = view.current or (view.current_fold.members[0] if view.current_fold else None)
        if self._position_of is None:  # made here, not on every filter: 50,000 events make a big dict few sessions use
            self._position_of = {event.id: index for index, event in enumerate(self.shown)}
        start = self._position_of.get(current.id, -1) if current else -1
        if view.current_fold is not None and direction > 0:
            start -= 1  # the fold's first member is not yet seen
        count = len(self.shown)
        for step in range(1, count + 1):
            event = self.shown[(start + direction * step) % count]
            if wanted(event):
                if self.search_query and view.index_of(event) is None:
                    self.search("")
                view.reveal(event)
                return
        self.notify("No such event in what is shown", severity="warning")

    def action_next_disagreement(self) -> None:
        self._jump(1, has_real_disagreement)

    def action_previous_disagreement(self) -> None:
        self._jump(-1, has_real_disagreement)

    def action_next_mark(self) -> None:
        self._jump(1, has_own_mark)

    def action_previous_mark(self) -> None:
        self._jump(-1, has_own_mark)

    def action_only_marked(self) -> None:
        self.only_marked = not self.only_marked
        self._refilter()
