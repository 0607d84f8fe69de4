"""The user's annotations on a Timeline, applied headlessly.

Event annotations (note, tags, flag, corrected title and date) live in
`Event.annotation`. Entity edits (rename, merge, split) are recorded in
`Timeline.entity_edits` and applied to the entity list and to every statement's
and event's entity ids, so a saved timeline reads the same without replaying.
Applying an edit that no longer applies (already done, entity gone) is a no-op,
so replaying the recorded edits on a timeline that already has them is safe.

Plain Python: the app calls these, and so can a script.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from scaletui.events.errors import ScaletuiError
from scaletui.events.model import (
    Alias,
    Entity,
    EntityEdit,
    Event,
    Flag,
    Modifier,
    Precision,
    Timeline,
    TimeSpan,
    month_end,
)

# ---------------------------------------------------------------- event notes


def find_event(timeline: Timeline, event_id: str) -> Event:
    for event in timeline.events:
        if event.id == event_id:
            return event
    raise ScaletuiError(f"no event {event_id!r} in this timeline")


def set_note(timeline: Timeline, event_id: str, note: str) -> None:
    find_event(timeline, event_id).annotation.note = note.strip()


def parse_tags(text: str) -> list[str]:
    """Tags from "a, b c" (commas or spaces); duplicates dropped, order kept."""
    return list(dict.fromkeys(tag for tag in re.split(r"[,\s]+", text.strip()) if tag))


def set_tags(timeline: Timeline, event_id: str, tags: Iterable[str] | str) -> None:
    values = parse_tags(tags) if isinstance(tags, str) else list(dict.fromkeys(t.strip() for t in tags if t.strip()))
    find_event(timeline, event_id).annotation.tags = values


def set_flag(timeline: Timeline, event_id: str, flag: Flag | str) -> None:
    try:
        value = Flag(flag)
    except ValueError:
        choices = ", ".join(f.value for f in Flag if f.value)
        raise ScaletuiError(f"unknown flag {flag!r}: use one of {choices}") from None
    find_event(timeline, event_id).annotation.flag = value


def set_title(timeline: Timeline, event_id: str, title: str) -> None:
    find_event(timeline, event_id).annotation.title = " ".join(title.split())


def set_corrected_span(timeline: Timeline, event_id: str, span: TimeSpan | None) -> None:
    find_event(timeline, event_id).annotation.span = span


def correct_date(timeline: Timeline, event_id: str, text: str) -> TimeSpan | None:
    """Set the event's corrected date from user text; empty text clears it."""
    span = parse_span(text) if text.strip() else None
    set_corrected_span(timeline, event_id, span)
    return span


# ---------------------------------------------------------------- dates typed by the user

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].lower()] = _number
    _MONTHS[calendar.month_abbr[_number].lower()] = _number
_MONTHS["sept"] = 9
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:" + "|".join(
    sorted({*(d.lower() for d in calendar.day_name), *(d.lower() for d in calendar.day_abbr)}, key=len, reverse=True)
) + r")\.?,?\s+)?"
_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_PREFIXES: list[tuple[str, Modifier]] = [
    (r"by\s+(?:the\s+)?end\s+(?:of\s+)?", Modifier.BY),
    (r"by\s+", Modifier.BY),
    (r"before\s+", Modifier.BEFORE),
    (r"after\s+", Modifier.AFTER),
    (r"since\s+", Modifier.SINCE),
    (r"(?:~\s*|around\s+|about\s+|circa\s+|c\.\s*|approximately\s+)", Modifier.AROUND),
    (r"early\s+", Modifier.EARLY),
    (r"mid(?:-|\s+)", Modifier.MID),
    (r"late\s+", Modifier.LATE),
]

_CORES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<year>\d{4})[-/](?P<m>\d{1,2})[-/](?P<day>\d{1,2})"), "iso_day"),
    (re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})"), "day"),
    (re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"), "day"),
    (re.compile(r"week\s+of\s+(?P<day>\d{1,2})\s+" + _MONTH + r"\s+(?P<year>\d{4})"), "week"),
    (re.compile(r"(?P<year>\d{4})[-/](?P<m>\d{1,2})"), "iso_month"),
    (re.compile(_MONTH + r",?\s+(?P<year>\d{4})"), "month"),
    (re.compile(r"q(?P<quarter>[1-4])\s+(?P<year>\d{4})"), "quarter"),
    (re.compile(r"h(?P<half>[12])\s+(?P<year>\d{4})"), "half"),
    (re.compile(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>\d{4})"), "season"),
    (re.compile(r"(?P<year>\d{3})0s"), "decade"),
    (re.compile(r"(?P<year>\d{4})"), "year"),
]

EXAMPLES = '"2025-06-12", "12 Jun 2025", "Jun 2025", "Q2 2025", "2024", "by end 2025", "early 2025"'


def parse_span(text: str) -> TimeSpan:
    """A TimeSpan at the precision the user typed: "2025-06-12" is a day, "Jun 2025" a month, "2024" a year.

    Raises ScaletuiError (one line, with examples) for anything else.
    """
    cleaned = " ".join(text.strip().lower().rstrip(".").split())
    if not cleaned:
        raise ScaletuiError(f"no date given: type one like {EXAMPLES}")
    modifier = Modifier.NONE
    rest = cleaned
    for pattern, mod in _PREFIXES:
        if match := re.match(pattern, rest):
            modifier, rest = mod, rest[match.end() :]
            break
    for pattern, shape in _CORES:
        if match := pattern.fullmatch(rest):
            try:
                start, end, precision = _core_span(shape, match.groupdict())
            except ValueError:
                break
            if not 1000 <= start.year <= 2999:
                break
            return _apply_modifier(TimeSpan(start=start, end=end, precision=precision), modifier)
    raise ScaletuiError(f"cannot read {text.strip()!r} as a date: type one like {EXAMPLES}")


def _core_span(shape: str, parts: dict[str, str | None]) -> tuple[date, date, Precision]:
    year = int(parts["year"] or 0)
    month_text = parts.get("month")
    month = _MONTHS[month_text] if month_text else int(parts.get("m") or 1)
    match shape:
        case "iso_day" | "day":
            day = date(year, month, int(parts["day"] or 0))
            return day, day, Precision.DAY
        case "week":
            day = date(year, month, int(parts["day"] or 0))
            return day, day + timedelta(days=6), Precision.WEEK
        case "iso_month" | "month":
            return date(year, month, 1), month_end(year, month), Precision.MONTH
        case "quarter":
            first = (int(parts["quarter"] or 1) - 1) * 3 + 1
            return date(year, first, 1), month_end(year, first + 2), Precision.QUARTER
        case "half":
            first = 1 if parts["half"] == "1" else 7
            return date(year, first, 1), month_end(year, first + 5), Precision.HALF
        case "season":
            first = _SEASON_MONTH[parts["season"] or "spring"]
            last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
            return date(year, first, 1), month_end(last_year, last), Precision.SEASON
        case "decade":
            decade = int(parts["year"] or 0) * 10
            return date(decade, 1, 1), date(decade + 9, 12, 31), Precision.DECADE
    return date(year, 1, 1), date(year, 12, 31), Precision.YEAR


def _apply_modifier(span: TimeSpan, modifier: Modifier) -> TimeSpan:
    if modifier in (Modifier.EARLY, Modifier.MID, Modifier.LATE):
        span = _part_of(span, modifier)
    return span.model_copy(update={"modifier": modifier})


def _part_of(span: TimeSpan, modifier: Modifier) -> TimeSpan:
    """The first, middle or last third of a month or a longer span."""
    start, end = span.start, span.end
    if span.precision is Precision.MONTH:
        bounds = {Modifier.EARLY: (1, 10), Modifier.MID: (11, 20), Modifier.LATE: (21, end.day)}[modifier]
        return span.model_copy(update={"start": start.replace(day=bounds[0]), "end": start.replace(day=bounds[1])})
    if span.precision is Precision.YEAR:
        months = {Modifier.EARLY: (1, 4), Modifier.MID: (5, 8), Modifier.LATE: (9, 12)}[modifier]
        return span.model_copy(
            update={"start": date(start.year, months[0], 1), "end": month_end(start.year, months[1])}
        )
    return span


# ---------------------------------------------------------------- entity edits


def rename_entity(timeline: Timeline, entity_id: str, name: str) -> EntityEdit:
    name = " ".join(name.split())
    if not name:
        raise ScaletuiError("an entity needs a name")
    _require_entity(timeline, entity_id)
    return _record(timeline, EntityEdit(action="rename", entity=entity_id, name=name))


def merge_entities(timeline: Timeline, keep_id: str, other_id: str) -> EntityEdit:
    """Fold `other_id` into `keep_id`: its aliases, statements and events become `keep_id`'s."""
    if keep_id == other_id:
        raise ScaletuiError("cannot merge an entity with itself")
    _require_entity(timeline, keep_id)
    _require_entity(timeline, other_id)
    return _record(timeline, EntityEdit(action="merge", entity=keep_id, other=other_id))


def split_entity(timeline: Timeline, entity_id: str, aliases: Iterable[str], name: str = "") -> EntityEdit:
    """Move `aliases` out of `entity_id` into a new entity (named `name`, or the first moved alias)."""
    entity = _require_entity(timeline, entity_id)
    moved = list(dict.fromkeys(aliases))
    known = {alias.text for alias in entity.aliases}
    unknown = [text for text in moved if text not in known]
    if unknown:
        raise ScaletuiError(f"{entity.name!r} has no alias {unknown[0]!r}")
    if not moved:
        raise ScaletuiError("choose at least one alias to split out")
    if len(moved) == len(known):
        raise ScaletuiError("a split must leave at least one alias behind: rename the entity instead")
    new_id = _fresh_id(timeline, entity_id)
    return _record(
        timeline,
        EntityEdit(action="split", entity=entity_id, other=new_id, name=" ".join(name.split()), aliases=moved),
    )


def apply_entity_edit(timeline: Timeline, edit: EntityEdit) -> bool:
    """Apply one edit to entities, statements and events. False when it no longer applies."""
    entity = timeline.entity(edit.entity)
    if entity is None:
        return False
    match edit.action:
        case "rename":
            if entity.name == edit.name:
                return False
            entity.name = edit.name
            return True
        case "merge":
            other = timeline.entity(edit.other)
            if other is None:
                return False
            _merge(timeline, entity, other)
            return True
        case "split":
            if timeline.entity(edit.other) is not None:
                return False
            return _split(timeline, entity, edit)
    return False


def replay_entity_edits(timeline: Timeline) -> int:
    """Apply every recorded edit in order (e.g. onto a freshly rebuilt timeline). Returns how many changed it."""
    return sum(apply_entity_edit(timeline, edit) for edit in timeline.entity_edits)


def _record(timeline: Timeline, edit: EntityEdit) -> EntityEdit:
    apply_entity_edit(timeline, edit)
    timeline.entity_edits.append(edit)
    return edit


def _require_entity(timeline: Timeline, entity_id: str) -> Entity:
    entity = timeline.entity(entity_id)
    if entity is None:
        raise ScaletuiError(f"no entity {entity_id!r} in this timeline")
    return entity


def _fresh_id(timeline: Timeline, entity_id: str) -> str:
    taken = {entity.id for entity in timeline.entities} | {e.other for e in timeline.entity_edits}
    number = 2
    while f"{entity_id}-{number}" in taken:
        number += 1
    return f"{entity_id}-{number}"


def _merge(timeline: Timeline, keep: Entity, other: Entity) -> None:
    by_text = {alias.text: alias for alias in keep.aliases}
    merged = list(keep.aliases)
    for alias in other.aliases:
        if (mine := by_text.get(alias.text)) is not None:
            mine.sources = list(dict.fromkeys([*mine.sources, *alias.sources]))
            mine.count += alias.count
        else:
            merged.append(alias.model_copy(deep=True))
    keep.aliases = merged
    timeline.entities = [entity for entity in timeline.entities if entity.id != other.id]
    for event in timeline.events:
        event.entities = _replace_id(event.entities, other.id, keep.id)
        for statement in event.statements:
            statement.entities = _replace_id(statement.entities, other.id, keep.id)


def _replace_id(ids: list[str], old: str, new: str) -> list[str]:
    if old not in ids:
        return ids
    return list(dict.fromkeys(new if entity_id == old else entity_id for entity_id in ids))


def _split(timeline: Timeline, entity: Entity, edit: EntityEdit) -> bool:
    moving = set(edit.aliases)
    moved: list[Alias] = [alias for alias in entity.aliases if alias.text in moving]
    staying: list[Alias] = [alias for alias in entity.aliases if alias.text not in moving]
    if not moved or not staying:
        return False
    new = Entity(id=edit.other, name=edit.name or moved[0].text, kind=entity.kind, aliases=moved)
    entity.aliases = staying
    if entity.name in moving:
        entity.name = staying[0].text
    index = timeline.entities.index(entity)
    timeline.entities.insert(index + 1, new)
    moved_words = _alias_pattern([alias.text for alias in moved])
    staying_words = _alias_pattern([alias.text for alias in staying] + [entity.name])
    for event in timeline.events:
        if entity.id not in event.entities and not any(entity.id in s.entities for s in event.statements):
            continue
        for statement in event.statements:
            if entity.id not in statement.entities or not moved_words.search(statement.text):
                continue
            keeps_old = bool(staying_words.search(statement.text))
            ids = [new.id if (i == entity.id and not keeps_old) else i for i in statement.entities]
            if keeps_old:
                ids.insert(ids.index(entity.id) + 1, new.id)
            statement.entities = list(dict.fromkeys(ids))
        if event.statements:
            mentioned = {i for statement in event.statements for i in statement.entities}
            ids: list[str] = []
            for i in event.entities:
                if i != entity.id:
                    ids.append(i)
                    continue
                ids.extend(x for x in (entity.id, new.id) if x in mentioned)
            if new.id in mentioned and new.id not in ids:
                ids.append(new.id)
            event.entities = list(dict.fromkeys(ids))
    return True


def _alias_pattern(texts: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(text) for text in sorted(set(texts), key=len, reverse=True) if text)
    if not alternatives:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# ---------------------------------------------------------------- undo and redo


@dataclass
class _Step:
    label: str
    restore_before: Callable[[], None]
    restore_after: Callable[[], None]


class History:
    """Undo and redo of annotations and entity edits, as state before and after each change.

    Undoing an entity edit also takes it off `timeline.entity_edits`, so what is
    saved is always exactly the edits in effect and replays to the same state.
    """

    def __init__(self) -> None:
        self._done: list[_Step] = []
        self._undone: list[_Step] = []

    def annotate(self, timeline: Timeline, event_id: str, change: Callable[[], object], label: str) -> None:
        """Run `change` (an edit of one event's annotation), remembering how to undo it."""
        event = find_event(timeline, event_id)
        before = event.annotation.model_copy(deep=True)
        change()
        after = event.annotation.model_copy(deep=True)
        if before != after:
            self._push(
                _Step(
                    label,
                    lambda: setattr(event, "annotation", before.model_copy(deep=True)),
                    lambda: setattr(event, "annotation", after.model_copy(deep=True)),
                )
            )

    def edit_entities(self, timeline: Timeline, change: Callable[[], object], label: str) -> None:
        """Run `change` (a rename, merge or split), remembering the entity state on both sides."""
        before = _EntityState.of(timeline)
        change()
        after = _EntityState.of(timeline)
        self._push(_Step(label, lambda: before.restore(timeline), lambda: after.restore(timeline)))

    def _push(self, step: _Step) -> None:
        self._done.append(step)
        self._undone.clear()

    def undo(self) -> str | None:
        """Undo the last change; its label, or None when there is nothing to undo."""
        if not self._done:
            return None
        step = self._done.pop()
        step.restore_before()
        self._undone.append(step)
        return step.label

    def redo(self) -> str | None:
        if not self._undone:
            return None
        step = self._undone.pop()
        step.restore_after()
        self._done.append(step)
        return step.label

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()


@dataclass
class _EntityState:
    """Everything an entity edit touches: the entity list, the recorded edits and every entity id list."""

    entities: list[Entity]
    edits: list[EntityEdit]
    event_ids: list[list[str]]
    statement_ids: list[list[list[str]]]

    @classmethod
    def of(cls, timeline: Timeline) -> _EntityState:
        return cls(
            [entity.model_copy(deep=True) for entity in timeline.entities],
            [edit.model_copy(deep=True) for edit in timeline.entity_edits],
            [list(event.entities) for event in timeline.events],
            [[list(statement.entities) for statement in event.statements] for event in timeline.events],
        )

    def restore(self, timeline: Timeline) -> None:
        timeline.entities = [entity.model_copy(deep=True) for entity in self.entities]
        timeline.entity_edits = [edit.model_copy(deep=True) for edit in self.edits]
        for event, ids, statement_ids in zip(timeline.events, self.event_ids, self.statement_ids):
            event.entities = list(ids)
            for statement, entity_ids in zip(event.statements, statement_ids):
                statement.entities = list(entity_ids)
