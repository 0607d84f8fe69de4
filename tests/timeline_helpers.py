"""What the grouping test files share: finding the event that holds an outlet's sentence."""

from __future__ import annotations


def event_of(timeline, source: str, fragment: str):
    """The event holding the statement of `source` whose text contains `fragment`."""
    found = [e for e in timeline.events for s in e.statements if s.source == source and fragment in s.text]
    assert found, f"no statement of {source} says {fragment!r}"
    return found[0]
