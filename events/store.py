"""Timelines to TOML and back.

The file is meant to be read and diffed by hand: top-level facts first, then
sources, entities, events (each with its statements), then the user's entity
edits. Dates are TOML dates. TOML has no null, so absent values are omitted.

The file stores what cannot be derived and derives the rest on load, so it
grows with what the articles say rather than with events x sources (version 2
began with the first of these, version 3 leaves out spans, entity lists and
time ends as well, version 4 the ends of events' own spans, so that an
older scaletui says the file is newer instead of finding it incomplete):

- an event's `entities` (those its statements name, most-named first),
  `sources` (the sources of its statements and of its `mentions`, in corpus order) and `silent`
  (the sources covering its entities that do not report it) are written only
  where they differ from what loading derives (an old file leaves `entities`
  out only where it was empty, and so were its statements');
- an event's span (start, end, precision, modifier, confidence) is left out
  where it is its first statement's (nine events in ten on news); an event
  without `start` takes its first statement's span, under any span keys it has;
- a statement's `time_char_end` is left out where it is where its
  `time_text` ends (always, from the pipeline);
- an event's own span leaves out its `end` where its start and precision give
  it (natural_end: a day ends on itself, a month or a year on its last day):
  the other precisions, and every corrected date, keep it;
- a statement's `source`, `char_start`, `char_end` and its span's `start`,
  `end` and `precision` are always written: tools that read exports (the
  benchmarks' scorers, scripts) take them from the file and derive nothing;
- a field left at its default (modifier "none", confidence 1, no figures,
  no entities, undated `time_text`) is left out.

None of these was ever missing from a file before, so version 1 to 3 files,
which store them, read as they always did. The file is written by tomli-w (the package the project chose for it).

Any other field of the model is written under its own name, so a field added to
Event or Statement is saved and read back without a change here. Version 1
files, which stored everything, still load.
"""

from __future__ import annotations

import gc
import hashlib
import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from scaletui.events import safe_io
from scaletui.events.errors import SaveConflict, ScaletuiError, TimelineFileError
from scaletui.events.forked_half import fork_half
from scaletui.events.model import (
    FORMAT_NAME, FORMAT_VERSION, Entity, EntityEdit, Event, EventNote, Precision, Source, Statement, Timeline, TimeSpan,
    month_end,
)
from scaletui.events.table_reader import Readers, Unsure
from scaletui.events.timeline_checks import check_timeline

OLDEST_VERSION = 1

# Statement offsets are named apart from the span dates, which take the plain
# names `start`/`end` in the file as the format promises.
_STATEMENT_OFFSETS = {"start": "char_start", "end": "char_end", "time_start": "time_char_start", "time_end": "time_char_end"}
_SPAN_KEYS = ("start", "end", "precision", "modifier", "confidence")
_EVENT_SPAN_KEYS = frozenset(_SPAN_KEYS)
# A statement table's keys that are not the model's own names.
_STATEMENT_FILE_KEYS = frozenset(_SPAN_KEYS) | frozenset(_STATEMENT_OFFSETS.values())
# Where the file puts each table's keys first; the rest follow in model order.
_EVENT_ORDER = ("id", "title", *_SPAN_KEYS, "event_confidence", "entities", "sources", "silent", "discrepancies")
_STATEMENT_ORDER = ("id", "source", "text", "time_text", *_SPAN_KEYS, "char_start", "char_end", "time_char_start", "time_char_end")


# ---------------------------------------------------------------- writing


def _ordered(table: dict[str, Any], first: Iterable[str]) -> dict[str, Any]:
    ordered = {key: table[key] for key in first if key in table}
    ordered.update((key, value) for key, value in table.items() if key not in ordered)
    return ordered


def _span_table(span: dict[str, Any], end_derived: bool = False) -> dict[str, Any]:
    """The file's keys of a span; with `end_derived`, without `end` where its start and precision give it."""
    table = {key: span[key] for key in _SPAN_KEYS if key in span}
    if "confidence" in table:
        table["confidence"] = round(table["confidence"], 3)
    if end_derived and table["end"] == natural_end(table["start"], table["precision"]):
        del table["end"]
    return table


def _statement_to_toml(table: dict[str, Any]) -> dict[str, Any]:
    # `source`, the offsets and the span's end stay on every statement even where they could be
    # derived: tools that read exports (scorers, scripts) take them from these keys.
    for model_name, file_name in _STATEMENT_OFFSETS.items():
        if model_name in table:
            table[file_name] = table.pop(model_name)
    if "time_char_start" in table and table.get("time_char_end") == table["time_char_start"] + len(table.get("time_text", "")):
        del table["time_char_end"]  # where its time_text ends
    table.update(_span_table(table.pop("span")))
    return _ordered(table, _STATEMENT_ORDER)


def _event_to_toml(table: dict[str, Any], event: Event, derived_sources: list[str], derived_silent: list[str]) -> dict[str, Any]:
    derived_entities = derive_entities(event)
    own_confidence = table.pop("confidence", None)  # the event's own, apart from its span's
    span = table.pop("span")
    if not event.statements or event.span != event.statements[0].span:
        table.update(_span_table(span, end_derived=True))  # else it is its first statement's
    if own_confidence is not None:
        table["event_confidence"] = round(own_confidence, 3)
    for key, derived in (("entities", derived_entities), ("sources", derived_sources), ("silent", derived_silent)):
        stored = getattr(event, key)
        if stored == derived:
            table.pop(key, None)
        else:
            table[key] = list(stored)  # even an empty list: loading would derive another
    annotation = table.pop("annotation", None)
    if annotation:
        if "span" in annotation:
            annotation["date"] = _span_table(annotation.pop("span"))
        table["annotation"] = annotation
    table["statements"] = [_statement_to_toml(statement) for statement in table.get("statements", [])]
    return _ordered(table, _EVENT_ORDER)


def timeline_to_dict(timeline: Timeline) -> dict:
    # Fields at their default (and None, which TOML cannot say) are left out;
    # required fields are always there, so every table reads whole on its own.
    data = timeline.model_dump(mode="python", exclude_defaults=True, exclude_none=True)
    sources_of = derive_sources(timeline)
    silent_of = derive_silent(timeline)
    events = [
        _event_to_toml(table, event, sources_of[n], silent_of[n])
        for n, (table, event) in enumerate(zip(data.get("events", []), timeline.events))
    ]
    return _top_table(timeline, data, events)


def _top_table(timeline: Timeline, data: dict, events: list[dict[str, Any]]) -> dict[str, Any]:
    top: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "corpus": timeline.corpus}
    top["sources"] = data.get("sources", [])
    top["entities"] = data.get("entities", [])
    top["events"] = events
    top["entity_edits"] = data.get("entity_edits", [])
    return {key: value for key, value in top.items() if value != []}


def dumps_timeline(timeline: Timeline) -> str:
    with collector_paused():
        try:
            return "".join(_toml_parts(timeline))
        except _NotInParts:
            return _whole_toml(timeline)


def _whole_toml(timeline: Timeline) -> str:
    import tomli_w  # only a save needs the writer

    return tomli_w.dumps(timeline_to_dict(timeline))


_EVENTS_AT_ONCE = 200  # events turned into tables, then into text, at a time


class _NotInParts(Exception):
    """The file cannot be written in parts: its events go inline (see _toml_parts)."""


def _toml_parts(timeline: Timeline, meanwhile: Callable[[], None] | None = None) -> Iterator[str]:
    """What `tomli_w.dumps(timeline_to_dict(timeline))` writes, in parts of a few hundred events.

    The tables of every event at once held more memory than the timeline itself
    (at a few thousand articles, a peak of the whole export), and so did the
    whole text, then its bytes. The writer puts an array of tables as `[[events]]`
    tables, one after another, each written from its own table alone, a blank line
    before each: so the file is the top tables, then each batch's, then the entity
    edits' (or, where each fits on one line, the edits inline with the top keys, as
    the writer does). Events that would all fit on one line are written inline:
    then _NotInParts is raised, as soon as a batch shows it (maybe after some parts),
    and the file must be written whole.

    From TWO_HALVES_FROM events on, a forked child writes the later batches into a
    file of its own meanwhile (events/forked_half.py), read back after this process's.
    `meanwhile`, if given, is more work for this process while the child writes (keeping
    the saved timeline, events/reopen_cache.py): it takes its share of the events off
    this process's half.
    """
    import tomli_w  # only a save needs the writer

    dumps = tomli_w.dumps
    data = timeline.model_dump(mode="python", exclude_defaults=True, exclude_none=True, exclude={"events"})
    top = _top_table(timeline, data, [])
    edits = top.pop("entity_edits", [])
    edits_text = dumps({"entity_edits": edits}) if edits else ""
    if edits_text and not edits_text.startswith("[[entity_edits]]\n"):
        top["entity_edits"] = edits  # edits that fit on one line each: among the top keys, where the file has them
        edits_text = ""
    rank = _source_ranks(timeline)
    silent = _silent_finder(timeline.entities, timeline.sources)

    def batch_text(start: int) -> str:
        tables = [
            _event_to_toml(event.model_dump(mode="python", exclude_defaults=True, exclude_none=True), event,
                           sources_in_order(event, rank), silent(event))
            for event in timeline.events[start : start + _EVENTS_AT_ONCE]
        ]
        text = dumps({"events": tables})
        if not text.startswith("[[events]]\n"):
            raise _NotInParts
        return "\n" + text

    batches = range(0, len(timeline.events), _EVENTS_AT_ONCE)
    halfway = _second_half_from(timeline, KEEPING_SHARE if meanwhile is not None else 0.0)

    def write_second_half(out: BinaryIO) -> None:
        for start in batches[halfway:]:
            out.write(batch_text(start).encode("utf-8"))

    # Forked before the top tables are written: the child's half of the events is as long in
    # the making as this process's half and those tables.
    with fork_half(write_second_half) if halfway < len(batches) else nullcontext() as child:
        yield dumps(top)
        del data, top
        for start in batches[:halfway]:
            yield batch_text(start)
        if meanwhile is not None and child is not None:
            meanwhile()
        written = child.output() if child is not None else None
        if written is None:  # no child, or one that failed: this process writes its half too
            for start in batches[halfway:]:
                yield batch_text(start)
        else:
            text = io.TextIOWrapper(written, encoding="utf-8", newline="")  # as the child wrote it
            while part := text.read(_CHILD_TEXT_AT_ONCE):
                yield part
    if edits_text:
        yield "\n" + edits_text


# Events from which the file is written in two halves at once (fork_half): below that, starting
# the child costs about what it saves (ECB+ with dates: 1,400 events, 0.35 s alone, 0.28 s in halves).
TWO_HALVES_FROM = 1_500
_CHILD_TEXT_AT_ONCE = 1 << 20  # characters of the child's half read back at a time: never held whole


# Pickling a timeline to keep it (events/reopen_cache.py) costs about this share of writing it.
KEEPING_SHARE = 0.2


def _second_half_from(timeline: Timeline, other_work: float = 0.0) -> int:
    """The batch of events (of _EVENTS_AT_ONCE) from which a child writes the file's second half;
    the number of batches where there is no second half to write apart.

    This process writes the top tables and the first half. An event's or a statement's table
    costs about twice what a source's or an entity's does to write (55-65 µs against 33-36 on
    ECB+), so the halves are cut where this process's share of that cost is half of it all.
    `other_work`: what else this process does meanwhile, as a share of the cost of writing.
    """
    events = timeline.events
    batches = -(-len(events) // _EVENTS_AT_ONCE)
    if len(events) < TWO_HALVES_FROM:
        return batches
    costs = [2 * (len(event.statements) + 1) for event in events]
    mine = len(timeline.sources) + len(timeline.entities)
    writing = mine + sum(costs)
    mine += other_work * writing
    half = writing * (1 + other_work) / 2
    for batch in range(batches):
        mine += sum(costs[batch * _EVENTS_AT_ONCE : (batch + 1) * _EVENTS_AT_ONCE])
        if mine >= half:
            return batch + 1
    return batches


# ---------------------------------------------------------------- derived data


def _source_from_id(statement_id: str) -> str:
    """The source a statement id names: "<source>:<sentence>[.<part>]"."""
    return statement_id.rsplit(":", 1)[0] if ":" in statement_id else ""


def derive_entities(event: Event) -> list[str]:
    """An event's entities as the pipeline lists them: those its statements name, most-named first, then by id."""
    return _entities_named(event.statements)


def _entities_named(statements: list[Statement]) -> list[str]:
    if not statements:
        return []
    first = statements[0].entities
    if all(statement.entities == first for statement in statements):
        return sorted(set(first))  # each named by every statement alike: the counts tie, so by id (most events)
    counts = Counter(entity for statement in statements for entity in dict.fromkeys(statement.entities))
    return [entity for entity, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def derive_sources(timeline: Timeline) -> list[list[str]]:
    """Each event's sources as the pipeline lists them: its statements' sources in corpus order."""
    rank = _source_ranks(timeline)
    return [sources_in_order(event, rank) for event in timeline.events]


def _source_ranks(timeline: Timeline) -> dict[str, int]:
    return _source_ranks_of(timeline.sources)


def _source_ranks_of(sources: list[Source]) -> dict[str, int]:
    return {source.id: number for number, source in enumerate(sources)}


def sources_in_order(event: Event, rank: dict[str, int]) -> list[str]:
    """The sources of the event's statements and of its mentions, in corpus order (`rank`: source id -> place)."""
    found = {s.source for s in event.statements}
    # An outlet that names the event in passing is among its sources (events/passing.py).
    if event.mentions:
        found.update(source for mention in event.mentions if (source := _source_from_id(mention)) in rank)
    if found <= rank.keys():
        return sorted(found, key=rank.__getitem__)  # each its own place: the order below
    return sorted(found, key=lambda s: (rank.get(s, len(rank)), s))


def derive_silent(timeline: Timeline) -> list[list[str]]:
    """Each event's silent sources, as the comparison of sources finds them."""
    silent = _silent_finder(timeline.entities, timeline.sources)
    return [silent(event) for event in timeline.events]


def _silent_finder(entities: list, sources: list[Source]) -> Callable[[Event], list[str]]:
    from scaletui.events.compare import silent_finder as finder  # the comparison of sources, imported when needed

    return finder(entities, sources)


# ---------------------------------------------------------------- reading


def _span_from(table: dict) -> dict:
    """The span keys of a table, with the `end` its start and precision give where it has none."""
    span = {key: table[key] for key in _SPAN_KEYS if key in table}
    if "end" not in span and "start" in span:
        start, precision = span["start"], span.get("precision")
        if type(start) is date and type(precision) is str and precision in _PRECISION_NAMES:
            end = natural_end(start, precision)
            if end is not None:  # else a season or an approximate span without its end: validation says so
                span["end"] = end
        else:
            span["end"] = start  # validation names what is wrong with the start or the precision, not the end
    return span


# How many months a span of each precision covers, from the first of its start's month.
_MONTHS_OF = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6, Precision.YEAR: 12, Precision.DECADE: 120}


def natural_end(start: date, precision: str) -> date | None:
    """Where a span of this precision starting on `start` ends when nothing narrows it: a day on
    itself, a week six days on, a month (quarter, half, year, decade) on the last day of its last
    month. None for the precisions whose end says something of its own (a season, an approximate
    span)."""
    if precision == Precision.DAY:
        return start
    if precision == Precision.WEEK:
        return start + timedelta(days=6) if start < _LAST_WEEK else None
    months = _MONTHS_OF.get(precision)
    if months is None:
        return None
    last = start.year * 12 + start.month - 1 + months - 1
    if last // 12 > date.max.year:
        return None
    return month_end(last // 12, last % 12 + 1)


_LAST_WEEK = date.max - timedelta(days=6)


_PRECISION_NAMES = frozenset(precision.value for precision in Precision)


def _table(value: object, where: str, what: str) -> dict:
    if not isinstance(value, dict):
        raise TimelineFileError(f"{where}: {what} must be a table, not {_toml_type(value)}")
    return value


def _tables(data: dict, key: str, where: str, what: str, toml_name: str = "") -> list[dict]:
    """data[key] as a list of tables; `what` names it in messages ("events", "event 3's statements")."""
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TimelineFileError(f"{where}: {what} must be [[{toml_name or key}]] tables, not {_toml_type(value)}")
    return [_table(item, where, f"{what} {number}") for number, item in enumerate(value, start=1)]


class _Sharing:
    """What a file says again and again, made once per load.

    A file repeats dates and ids on every statement; made apart, a 50,000-event
    timeline held some 150,000 equal spans and as many copies of each source id.
    Each distinct span becomes one TimeSpan (statements and events on one date
    share it, as the pipeline's event shares its first statement's span; nothing
    changes a span in place, a corrected date is a new one), each repeated id or
    phrase one string. A span that does not validate is left as it was written,
    for the timeline's validation to say where it is.
    """

    def __init__(self) -> None:
        self._spans: dict[tuple, TimeSpan] = {}
        self.strings: dict[str, str] = {}

    def span(self, table: dict) -> dict | TimeSpan:
        """The span that `table`'s span keys give."""
        key = (*map(table.get, _SPAN_KEYS), type(table.get("confidence")))  # 1, 1.0 and true: equal keys, not equal input
        try:
            shared = self._spans.get(key)
        except TypeError:  # a list or table where a value goes
            return _span_from(table)
        if shared is None:
            written = _span_from(table)
            try:
                shared = TimeSpan.model_validate(written)
            except ValidationError:
                return written
            self._spans[key] = shared
        return shared

    def texts(self, values: object) -> object:
        if not isinstance(values, list):
            return values
        strings = self.strings
        return [strings.setdefault(value, value) if type(value) is str else value for value in values]


def _statement_from_toml(table: dict, sharing: _Sharing) -> dict:
    out = {key: value for key, value in table.items() if key not in _STATEMENT_FILE_KEYS}
    out["span"] = sharing.span(table)
    for model_name, file_name in _STATEMENT_OFFSETS.items():
        if file_name in table:
            out[model_name] = table[file_name]
    if "start" in out and "end" not in out and type(out["start"]) is int and type(out.get("text")) is str:
        out["end"] = out["start"] + len(out["text"])
    if "time_start" in out and "time_end" not in out and isinstance(out["time_start"], int) and isinstance(out.get("time_text"), str):
        out["time_end"] = out["time_start"] + len(out["time_text"])
    if "source" not in out and isinstance(out.get("id"), str):
        out["source"] = _source_from_id(out["id"])
    strings = sharing.strings
    for key in ("source", "time_text"):
        if type(value := out.get(key)) is str:
            out[key] = strings.setdefault(value, value)
    if "entities" in out:
        out["entities"] = sharing.texts(out["entities"])
    return out


def _event_from_toml(table: dict, where: str, number: int, sharing: _Sharing) -> dict:
    out = {key: value for key, value in table.items() if key not in _EVENT_SPAN_KEYS}
    out["confidence"] = out.pop("event_confidence", 1.0)
    annotation = dict(_table(table.get("annotation", {}), where, f"event {number}'s annotation"))
    if "date" in annotation:
        annotation["span"] = annotation.pop("date")
    out["annotation"] = annotation
    statements = _tables(table, "statements", where, f"event {number}'s statements", "events.statements")
    out["statements"] = [_statement_from_toml(statement, sharing) for statement in statements]
    if "start" not in table and statements:
        # dated as its first statement (what the event gives of its own, a hand edit, goes over it)
        out["span"] = sharing.span({**_span_from(statements[0]), **_span_from(table)})
    else:
        out["span"] = sharing.span(table)
    for key in ("entities", "sources", "silent"):  # written where they differ from the derived ones
        if key in out:
            out[key] = sharing.texts(out[key])
    return out


def timeline_from_dict(data: dict, where: str = "timeline", read_again: Callable[[], dict] | None = None) -> Timeline:
    """The timeline `data` (a parsed file) holds. Given `read_again`, which parses the file anew, the
    quick reading lets go of each event's tables once read (so that the timeline's objects take the
    memory they held), and a file it leaves to pydantic part way is read again."""
    try:
        return _timeline_from_dict(data, where, read_again)
    except RecursionError:
        raise TimelineFileError(f"{where}: nested too deeply to be a timeline") from None


def _timeline_from_dict(data: dict, where: str, read_again: Callable[[], dict] | None = None) -> Timeline:
    if data.get("format") != FORMAT_NAME:
        raise TimelineFileError(f"{where}: not a scaletui timeline (no format = \"{FORMAT_NAME}\")")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TimelineFileError(f"{where}: the timeline has no whole-number version")
    if version > FORMAT_VERSION:
        raise TimelineFileError(
            f"{where}: timeline format version {version} is newer than this scaletui reads ({FORMAT_VERSION}); upgrade scaletui"
        )
    if version < OLDEST_VERSION:
        raise TimelineFileError(
            f"{where}: timeline format version {version} does not exist (this scaletui reads {OLDEST_VERSION} to {FORMAT_VERSION})"
        )
    corpus = data.get("corpus", "")
    if not isinstance(corpus, str):
        raise TimelineFileError(f"{where}: corpus must be a string (the corpus folder), not {_toml_type(corpus)}")
    events = _tables(data, "events", where, "events")
    shaped = dict(data)
    shaped["version"] = FORMAT_VERSION  # upgraded in memory; saved as the current version
    shaped["sources"] = _tables(data, "sources", where, "sources")
    shaped["entities"] = _tables(data, "entities", where, "entities")
    shaped["entity_edits"] = _tables(data, "entity_edits", where, "entity_edits")
    quick = _QuickRead(_Sharing())
    try:
        timeline = quick.timeline(data, events, let_go=read_again is not None)
    except Unsure:  # pydantic validates what the quick reading did not vouch for, and says what is wrong
        if quick.let_go and read_again is not None:
            return _timeline_from_dict(read_again(), where)  # the tables it let go of, read again
        sharing = _Sharing()
        shaped["events"] = [_event_from_toml(event, where, number, sharing) for number, event in enumerate(events, start=1)]
        try:
            timeline = Timeline.model_validate(shaped)
        except ValidationError as error:
            raise TimelineFileError(f"{where}: {_first_problem(error)}") from None
        _fill_derived(timeline, events)

    problem = check_timeline(timeline)
    if problem:
        raise TimelineFileError(f"{where}: {problem}")
    return timeline


def _where_ends(start: int, text: str) -> int:
    return start + len(text)


_NO_TABLES: list = []  # an event without statements (never changed)
_NO_TABLE: dict = {}  # an event without annotation (never changed)


class _QuickRead:
    """The timeline a file's tables make, read by table_reader where it vouches for every value.

    The timeline `Timeline.model_validate` of the shaped tables, then `_fill_derived`, make
    (`_statement_from_toml` and `_event_from_toml` say how a file's keys become fields), in one
    pass and without validating: each statement and event is made from its table as it stands,
    its derived lists filled as it is made. Anything the reader is unsure of raises Unsure.
    """

    def __init__(self, sharing: _Sharing) -> None:
        self.sharing = sharing
        self.readers = Readers(sharing.strings)
        self._statement, self._event, self._note = (self.readers[model] for model in (Statement, Event, EventNote))
        self._statement_plans: dict[tuple[str, ...], Callable[[dict], Statement]] = {}
        self._event_plans: dict[tuple[str, ...], tuple] = {}
        self._note_plans: dict[tuple[str, ...], Any] = {}
        self._spans: dict[tuple[str, ...], dict[tuple, TimeSpan]] = {}  # span keys -> their values -> the span
        self.let_go = False  # whether tables were let go of: the file must be read again to be read otherwise

    def _span_reader(self, keys: tuple[str, ...]) -> Callable[[dict], TimeSpan]:
        """The span of a table with these keys: one TimeSpan for each distinct span the file says (as _Sharing)."""
        present = tuple(key for key in _SPAN_KEYS if key in keys)
        get = itemgetter(*present) if len(present) > 1 else lambda table: (table[present[0]],) if present else ()
        typed = "confidence" in present  # 1, 1.0 and true are equal keys, not equal input
        spans = self._spans.setdefault(present, {})  # shared by the tables that give these span keys

        def span(table: dict) -> TimeSpan:
            values = get(table)
            key = (values, type(values[-1])) if typed else values
            try:
                found = spans.get(key)
            except TypeError:  # a list or table where a value goes
                raise Unsure from None
            if found is None:
                try:
                    found = spans[key] = TimeSpan.model_validate(_span_from(dict(zip(present, values))))
                except ValidationError:
                    raise Unsure from None
            return found

        return span

    def timeline(self, data: dict, events: list[dict], let_go: bool = False) -> Timeline:
        """The timeline; with `let_go`, each event's table (in `events` and in `data`) is let go of once read."""
        readers = self.readers
        sources = readers[Source].many(data.get("sources", []))
        entities = readers[Entity].many(data.get("entities", []))
        edits = readers[EntityEdit].many(data.get("entity_edits", []))
        rank = _source_ranks_of(sources)
        silent: list[Callable[[Event], list[str]]] = []  # the comparison of sources, made for the first event without `silent`
        if let_go and events:
            written = data["events"]  # the file's list, beside `events` (the same tables)
            made = []
            for number, table in enumerate(events):
                made.append(self._event_from(table, rank, silent, entities, sources))
                events[number] = written[number] = None
                self.let_go = True
        else:
            made = [self._event_from(table, rank, silent, entities, sources) for table in events]
        lists = {"sources": sources, "entities": entities, "events": made, "entity_edits": edits}
        fields = Timeline.__pydantic_fields__
        plan = readers[Timeline].plan(((key, key) for key in data if key in fields and key not in lists and key != "version"),
                                      supplied=("version", *lists))
        return plan.make(data, FORMAT_VERSION, *lists.values())

    def _event_from(self, table: object, rank: dict[str, int], silent: list, entities: list[Entity], sources: list[Source]) -> Event:
        if type(table) is not dict:
            raise Unsure
        keys = tuple(table)
        plan = self._event_plans.get(keys) or self._event_plan(keys)
        make, own_span, span_of, confidence, derive_entities, derive_sources, derive_silent, filled_below = plan
        statement_tables = table.get("statements", _NO_TABLES)
        if type(statement_tables) is not list:
            raise Unsure
        plans, maker = self._statement_plans, self._statement_maker
        try:  # each statement made by the plan of its keys (a table that is none has no plan: maker says Unsure)
            statements = [(plans.get(tuple(statement)) or maker(statement))(statement) for statement in statement_tables]
        except TypeError:  # keys of a list that are no keys (tables, lists), a list where a table goes
            raise Unsure from None
        if "start" in own_span or not statements:
            span = span_of(table)
        elif own_span:
            span = self.sharing.span({**_span_from(statement_tables[0]), **_span_from(table)})
            if type(span) is not TimeSpan:
                raise Unsure
        else:
            span = statements[0].span  # the span its first statement's keys give: the shared one
        note = self._note_from(table.get("annotation", _NO_TABLE))
        if derive_entities:
            event = make(table, span, statements, note, *confidence, _entities_named(statements), *filled_below)
        else:
            event = make(table, span, statements, note, *confidence, *filled_below)
        if derive_sources or derive_silent:
            fields = event.__dict__  # the lists that depend on the event's others, set as _fill_derived sets them
            if derive_sources:
                fields["sources"] = sources_in_order(event, rank)
            if derive_silent:
                if not silent:
                    silent.append(_silent_finder(entities, sources))
                fields["silent"] = silent[0](event)
        return event

    def _event_plan(self, keys: tuple[str, ...]) -> tuple:
        fields = Event.__pydantic_fields__
        if "span" in keys:
            raise Unsure  # a model name the file never uses: _event_from_toml decides what it means
        pairs = [("event_confidence", "confidence")] if "event_confidence" in keys else []
        pairs += [(key, key) for key in keys if key in fields and key not in _EVENT_SPAN_KEYS and key not in ("statements", "annotation")]
        derived = [key for key in ("entities", "sources", "silent") if key not in keys]  # in the order _event_from gives them
        confidence = () if "event_confidence" in keys else (1.0,)  # the event's own, 1 where the file says none
        supplied = ["span", "statements", "annotation", *(["confidence"] if confidence else []), *derived]
        plan = self._event.plan(pairs, supplied=supplied)
        filled_below = (None,) * len({"sources", "silent"} & set(derived))
        self._event_plans[keys] = made = (
            plan.make, frozenset(keys) & _EVENT_SPAN_KEYS, self._span_reader(keys), confidence,
            "entities" in derived, "sources" in derived, "silent" in derived, filled_below,
        )
        return made

    def _statement_from(self, table: object) -> Statement:
        return self._statement_maker(table)(table)

    def _statement_maker(self, table: object) -> Callable[[dict], Statement]:
        """What makes a statement of this table's keys (its reader's plan, made at the first)."""
        if type(table) is not dict:
            raise Unsure
        keys = tuple(table)
        return self._statement_plans.get(keys) or self._statement_plan(keys)

    def _statement_plan(self, keys: tuple[str, ...]) -> Callable[[dict], Statement]:
        fields = Statement.__pydantic_fields__
        if {"span", "time_start", "time_end"} & set(keys):
            raise Unsure  # model names the file never uses: _statement_from_toml decides what they mean
        model_name = {file_name: name for name, file_name in _STATEMENT_OFFSETS.items()}
        pairs = [(key, model_name.get(key, key)) for key in keys if key not in _SPAN_KEYS and model_name.get(key, key) in fields]
        given = {field for _key, field in pairs}
        derived = []
        if "start" in given and "end" not in given and "text" in given:
            derived.append(("end", _where_ends, ("start", "text")))  # where its text ends
        if "time_start" in given and "time_end" not in given and "time_text" in given:
            derived.append(("time_end", _where_ends, ("time_start", "time_text")))  # where its time_text ends
        if "source" not in given and "id" in given:
            strings = self.sharing.strings

            def source_of(statement_id: str) -> str:  # the one its id names, held once
                source = _source_from_id(statement_id)
                return strings.setdefault(source, source)

            derived.append(("source", source_of, ("id",)))
        plan = self._statement.plan(pairs, read=[("span", self._span_reader(keys))], derived=derived, interned=("source", "time_text"))
        self._statement_plans[keys] = plan.make
        return plan.make

    def _note_from(self, table: object) -> EventNote:
        if type(table) is not dict:
            raise Unsure
        keys = tuple(table)
        plan = self._note_plans.get(keys)
        if plan is None:
            if "span" in keys:
                raise Unsure  # the file says `date`: _event_from_toml decides which one counts
            fields = EventNote.__pydantic_fields__
            pairs = [(key, "span" if key == "date" else key) for key in keys if key == "date" or key in fields]
            plan = self._note_plans[keys] = self._note.plan(pairs)
        return plan.make(table)


def _fill_derived(timeline: Timeline, tables: list[dict]) -> None:
    """Give events without stored `entities` / `sources` / `silent` the derived ones (silent depends on entities)."""
    for event, table in zip(timeline.events, tables):
        if "entities" not in table:
            event.set_derived("entities", derive_entities(event))
    missing_sources = [n for n, table in enumerate(tables) if "sources" not in table]
    if missing_sources:
        derived = derive_sources(timeline)
        for n in missing_sources:
            timeline.events[n].set_derived("sources", derived[n])
    if any("silent" not in table for table in tables):
        silent = derive_silent(timeline)
        for n, table in enumerate(tables):
            if "silent" not in table:
                timeline.events[n].set_derived("silent", silent[n])


def _first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"])
    return f"invalid value at {location}: {first['msg']}"


def _toml_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while, as it was after.

    Reading or writing a timeline makes a few hundred thousand objects that all
    stay alive while it lasts: the collector, run again and again over them as
    they are made, cost most of an open (and a third of a save). They hold no
    cycle to collect.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def loads_timeline(text: str, where: str = "timeline") -> Timeline:
    with collector_paused():
        timeline = timeline_from_dict(parse_toml(text, where), where, lambda: parse_toml(text, where))
        # Set aside, as the pipeline and the app set aside what lives as long as they do: the
        # collector's first run once it is back on walked every object of the timeline (a tenth
        # of a second at 10,000 events, right after the open), and its later full runs again.
        # They are freed as usual once let go of.
        gc.freeze()
        return timeline


def parse_toml(text: str, where: str) -> dict:
    """The TOML document `text`: read by rtoml (Rust, some ten times faster) where it is installed and
    reads it, else by tomllib, whose reading is the reference and whose message a malformed file gets."""
    try:
        import rtoml
    except ImportError:
        pass
    else:
        try:
            return rtoml.loads(text)
        except Exception:  # noqa: BLE001  any complaint of rtoml's: tomllib decides, and says what is wrong
            pass
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TimelineFileError(f"{where}: malformed TOML: {error}") from None
    except RecursionError:
        raise TimelineFileError(f"{where}: malformed TOML: nested too deeply") from None


def load_timeline(path: Path) -> Timeline:
    path = Path(path)
    try:
        raw = safe_io.read_regular(path, safe_io.timeline_limit(), safe_io.TIMELINE_LIMIT_VARIABLE)
    except FileNotFoundError:
        raise TimelineFileError(f"{path}: no such file") from None
    except safe_io.Refused as refused:
        raise TimelineFileError(f"{path}: {refused}") from None
    except OSError as error:
        raise TimelineFileError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TimelineFileError(f"{path}: not a text file") from None
    from scaletui.events import reopen_cache

    with collector_paused():
        kept = reopen_cache.read(reopen_cache.file_key(reopen_cache.file_digest(raw)))  # this very file, as it was saved
        if kept is not None:
            gc.freeze()  # as loads_timeline leaves what it read
            return kept
    return loads_timeline(text, str(path))


# ---------------------------------------------------------------- saving


def file_stamp(path: Path) -> int | None:
    """A fingerprint of the file's content, or None when there is no regular file there.

    Content, not mtime: two saves within the filesystem's clock tick would
    otherwise look unchanged.
    """
    digest = safe_io.digest_regular(Path(path), lambda: hashlib.blake2b(digest_size=8))
    return None if digest is None else int.from_bytes(digest, "big")


def save_timeline(timeline: Timeline, path: Path, expected_stamp: int | None = None, *, force: bool = False) -> int:
    """Write the timeline beside `path`, then rename it into place; return the new stamp.

    `expected_stamp` is the stamp the file had when it was opened or last saved
    (None: there was no file). If the file on disk differs, raise SaveConflict
    rather than overwrite someone's work, unless `force`. The check is made
    again just before the rename, under a lock other saves respect.

    The timeline is kept in the user's cache as what the new file holds
    (events/reopen_cache.py): opening that file again reads it from there.
    """
    path = Path(path)

    def unchanged(target: Path) -> None:
        if force:
            return
        if file_stamp(target) != expected_stamp:
            what = "was created" if expected_stamp is None else "changed on disk"
            raise SaveConflict(f"{path}: {what} since it was opened; not overwritten")

    from scaletui.events import reopen_cache

    digest = reopen_cache.file_digest()
    keeping = reopen_cache.Keeping(timeline)  # what opening this file again reads
    try:
        with collector_paused():
            try:
                stamp = _replace_with_text(
                    path, _toml_parts(timeline, keeping.make if keeping.wanted else None), unchanged, digest
                )
            except _NotInParts:
                digest = reopen_cache.file_digest()
                stamp = _replace_with_text(path, [_whole_toml(timeline)], unchanged, digest)
            keeping.keep(reopen_cache.file_key(digest))
    except safe_io.Refused as refused:
        raise ScaletuiError(f"{path}: {refused}") from None
    except OSError as error:
        raise ScaletuiError(f"{path}: cannot save ({error.strerror or error})") from None
    return stamp


def _replace_with_text(path: Path, parts: Iterable[str], check: Callable[[Path], None], digest: Any) -> int:
    """Write the text in `parts` as the file at `path` (safe_io.replace_file); its stamp (see file_stamp).

    Each part is encoded and hashed as it is written, into its stamp and into
    `digest` (a hashlib object): a file of tens of megabytes is never held
    whole, as text or as bytes.
    """
    hasher = hashlib.blake2b(digest_size=8)

    def encoded() -> Iterator[bytes]:
        for part in parts:
            data = part.encode("utf-8")
            hasher.update(data)
            digest.update(data)
            yield data

    safe_io.replace_file(path, encoded(), check)
    return int.from_bytes(hasher.digest(), "big")


# ---------------------------------------------------------------- the articles behind a timeline


def resolve_source_path(timeline: Timeline | str, source: Source, timeline_path: Path | None = None) -> Path | None:
    """The article file of `source`, or None when it is not a readable article inside the corpus folder.

    `timeline` is the timeline or its `corpus` string. A timeline says where its
    corpus is and names each source's file in it; a crafted or stale one could
    name anything (`corpus = "/"`, `path = "etc/passwd"`). Only what opening the
    corpus would read is given back: a regular .txt or .md file within the
    article size limit, directly in the corpus folder, links resolved and still
    inside it. A relative corpus is looked for from the current folder, then
    beside the timeline file.
    """
    from scaletui.events.corpus import ARTICLE_SUFFIXES

    corpus_text = timeline if isinstance(timeline, str) else timeline.corpus
    name = source.path
    if not name or Path(name).name != name or name.startswith(".") or "\\" in name or "\x00" in name:
        return None
    if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
        return None
    folders: list[Path] = []
    if corpus_text and "\x00" not in corpus_text:
        corpus = Path(corpus_text)
        folders.append(corpus)
        if not corpus.is_absolute() and timeline_path is not None:
            folders.append(Path(timeline_path).parent / corpus)
    elif timeline_path is not None:
        folders.append(Path(timeline_path).parent)
    for folder in folders:
        candidate = folder / name
        try:
            # is_file follows links and is true only for a regular file: never a FIFO or a device
            if not candidate.is_file() or candidate.stat().st_size > safe_io.article_limit():
                continue
        except (OSError, ValueError):
            continue
        if safe_io.inside(candidate, folder):
            return candidate
    return None
