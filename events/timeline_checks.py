"""What a timeline read from a file must satisfy before the app may trust it.

A hand-edited or crafted file can be valid TOML with every field well typed
and still be nonsense the app would act on wrongly: two events with one id (a
note typed on the second lands on the first), a statement citing a source the
timeline does not have, a span that ends before it starts. `check_timeline`
names the first such problem in one line.
"""

from __future__ import annotations

from collections.abc import Iterable

from scaletui.events.model import Timeline, TimeSpan


def check_timeline(timeline: Timeline) -> str:
    """The first thing wrong with the timeline, or "" when it is consistent."""
    return _ids_unique(timeline) or _references_resolve(timeline) or _spans_in_order(timeline)


def _first_duplicate(ids: Iterable[str]) -> str | None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            return item
        seen.add(item)
    return None


def _ids_unique(timeline: Timeline) -> str:
    kinds = [
        ("source", (s.id for s in timeline.sources)),
        ("entity", (e.id for e in timeline.entities)),
        ("event", (e.id for e in timeline.events)),
        ("statement", (s.id for e in timeline.events for s in e.statements)),
    ]
    for kind, ids in kinds:
        duplicate = _first_duplicate(ids)
        if duplicate is not None:
            return f'duplicate {kind} id "{duplicate}" (every {kind} needs its own)'
    return ""


def _references_resolve(timeline: Timeline) -> str:
    sources = {s.id for s in timeline.sources}
    entities = {e.id for e in timeline.entities}

    def unknown(ids: list[str], known: set[str]) -> str | None:
        # most lists are fine: one look at the whole list, then the first one unknown
        return None if known.issuperset(ids) else next(i for i in ids if i not in known)

    for entity in timeline.entities:
        for alias in entity.aliases:
            if (bad := unknown(alias.sources, sources)) is not None:
                return f'entity "{entity.id}" cites unknown source "{bad}"'
    for event in timeline.events:
        if (bad := unknown(event.sources, sources)) is not None or (bad := unknown(event.silent, sources)) is not None:
            return f'event "{event.id}" names unknown source "{bad}"'
        if (bad := unknown(event.entities, entities)) is not None:
            return f'event "{event.id}" names unknown entity "{bad}"'
        for discrepancy in event.discrepancies:
            for claim in discrepancy.claims:
                if (bad := unknown(claim.sources, sources)) is not None:
                    return f'event "{event.id}" has a disagreement citing unknown source "{bad}"'
        for statement in event.statements:
            if statement.source not in sources:
                return f'statement "{statement.id}" comes from unknown source "{statement.source}"'
            if (bad := unknown(statement.entities, entities)) is not None:
                return f'statement "{statement.id}" names unknown entity "{bad}"'
    return ""


def _span_problem(span: TimeSpan | None) -> str:
    if span is not None and span.start > span.end:
        return f"ends ({span.end}) before it starts ({span.start})"
    return ""


def _offsets_problem(start: int | None, end: int | None) -> str:
    if start is None and end is None:
        return ""
    if start is None or end is None or start < 0 or end < start:
        return f"has character offsets {start}..{end} that are not a range in its article"
    return ""


def _spans_in_order(timeline: Timeline) -> str:
    for event in timeline.events:
        if problem := _span_problem(event.span):
            return f'event "{event.id}" {problem}'
        if problem := _span_problem(event.annotation.span):
            return f'event "{event.id}" has a corrected date that {problem}'
        for statement in event.statements:
            span = statement.span
            # the usual answer first, in line: a file has tens of thousands of statements
            if span.start <= span.end and 0 <= statement.start <= statement.end and (
                (statement.time_start is None and statement.time_end is None)
                or (statement.time_start is not None and statement.time_end is not None and 0 <= statement.time_start <= statement.time_end)
            ):
                continue
            where = f'statement "{statement.id}"'
            if problem := _span_problem(statement.span):
                return f"{where} {problem}"
            if problem := _offsets_problem(statement.start, statement.end) or _offsets_problem(
                statement.time_start, statement.time_end
            ):
                return f"{where} {problem}"
    return ""
