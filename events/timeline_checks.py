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
    if _consistent(timeline):
        return ""
    return _ids_unique(timeline) or _references_resolve(timeline) or _spans_in_order(timeline)


def _consistent(timeline: Timeline) -> bool:
    """Whether the checks below find nothing, asked in one pass over the statements.

    An opened file has tens of thousands of statements and, nearly always, nothing
    wrong with them: one pass asking every question of each answers that in less
    time than the three checks below, each passing over them all. Where it sees
    anything amiss, the checks below find the first problem and say what it is.
    """
    sources = {source.id for source in timeline.sources}
    entities = {entity.id for entity in timeline.entities}
    if len(sources) < len(timeline.sources) or len(entities) < len(timeline.entities):
        return False
    for entity in timeline.entities:
        for alias in entity.aliases:
            if not sources.issuperset(alias.sources):
                return False
    event_ids: set[str] = set()
    statement_ids: set[str] = set()
    add_event, add_statement = event_ids.add, statement_ids.add
    for event in timeline.events:
        add_event(event.id)
        span, note_span = event.span, event.annotation.span
        if span.start > span.end or (note_span is not None and note_span.start > note_span.end):
            return False
        if not (sources.issuperset(event.sources) and sources.issuperset(event.silent) and entities.issuperset(event.entities)):
            return False
        for discrepancy in event.discrepancies:
            for claim in discrepancy.claims:
                if not sources.issuperset(claim.sources):
                    return False
        for statement in event.statements:
            add_statement(statement.id)
            span = statement.span
            if not (
                statement.source in sources and span.start <= span.end and 0 <= statement.start <= statement.end
                and (not statement.entities or entities.issuperset(statement.entities))
            ):
                return False
            time_start = statement.time_start
            if time_start is None:
                if statement.time_end is not None:
                    return False
            elif statement.time_end is None or not 0 <= time_start <= statement.time_end:
                return False
    return len(event_ids) == len(timeline.events) and len(statement_ids) == sum(len(e.statements) for e in timeline.events)


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
            where = f'statement "{statement.id}"'
            if problem := _span_problem(statement.span):
                return f"{where} {problem}"
            if problem := _offsets_problem(statement.start, statement.end) or _offsets_problem(
                statement.time_start, statement.time_end
            ):
                return f"{where} {problem}"
    return ""
