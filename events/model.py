"""The event model: what every stage of the pipeline produces and the app shows.

Plain pydantic models. Nothing here knows about Textual or TOML; `store.py`
turns a `Timeline` into TOML and back.
"""

from __future__ import annotations

import calendar
import threading
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Precision(StrEnum):
    """How finely a span is known. Order matters: finer first."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    APPROXIMATE = "approximate"

    @property
    def rank(self) -> int:
        return list(Precision).index(self)


class Modifier(StrEnum):
    """What the words around a date do to it ("by June", "since 2016", "early 2025")."""

    NONE = "none"
    BEFORE = "before"
    AFTER = "after"
    BY = "by"  # a deadline: on or before the end of the span
    SINCE = "since"  # from the start of the span up to the reference date
    AROUND = "around"
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    MORE_THAN = "more_than"  # "for over a year"
    LESS_THAN = "less_than"  # "in under a month"
    REPORTED = "reported"  # no date of its own: known only to have happened by publication
    UNDATED = "undated"  # nothing dates it: its source has no known publication date to resolve against


class Kind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PRODUCT = "product"
    PLACE = "place"
    OTHER = "other"


class Flag(StrEnum):
    NONE = ""
    IMPORTANT = "important"
    DISPUTED = "disputed"
    VERIFIED = "verified"


# A timeline of 50,000 events is some 400,000 model instances, and pydantic's bookkeeping per
# instance outweighed what they hold. Two parts of it are made lighter here; what a model holds,
# how it validates, compares, copies and dumps stay pydantic's.
#
# 1. Which fields a model was given (`__pydantic_fields_set__`, read by `model_fields_set`,
#    `exclude_unset` and `model_copy`) is a set per instance: 216-728 bytes. Instances given the
#    same fields share one set instead. A shared set is never changed: pydantic adds an assigned
#    field's name to its model's set in place, so `Model.__setattr__` hands the model a set of its
#    own for that moment and shares the result again. Copies get sets of their own, as pydantic
#    makes them.
# 2. pydantic gives every instance a fresh `__dict__` (a 464-byte table for Statement's 11 fields),
#    which defeats CPython's key-sharing instance dicts (PEP 412; pydantic-core issue #1758). The
#    fields are moved into a dict on the class's shared keys (160 bytes for a Statement on 3.11 and
#    3.12, 304 on 3.13). It is an ordinary dict to every reader; copies of it (pydantic's
#    assignment, `model_copy`) share the keys too. Where CPython cannot share (keys in another
#    order) it is simply an ordinary dict of the usual size.
_object_setattr = object.__setattr__
_new_object = object.__new__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__  # the slot itself: object.__setattr__ without the lookup
_set_dict = BaseModel.__dict__["__dict__"].__set__
_SHARED_FIELD_NAMES: dict[frozenset[str], set[str]] = {}
_SHARED_FIELD_NAMES_IDS: set[int] = set()  # the shared sets live as long as the process: their ids stay theirs
_SHARING = threading.Lock()
_KEY_SHARING_TEMPLATES: dict[type, dict[str, Any]] = {}  # per class: its fields, all None, on its shared keys


def _shared_field_names(names: set[str]) -> set[str]:
    key = frozenset(names)
    shared = _SHARED_FIELD_NAMES.get(key)
    if shared is None:
        with _SHARING:  # registered before any model can hold it
            shared = _SHARED_FIELD_NAMES.get(key)
            if shared is None:
                shared = set(key)
                _SHARED_FIELD_NAMES_IDS.add(id(shared))
                _SHARED_FIELD_NAMES[key] = shared
    return shared


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        # The class's shared keys take the field names, in the order pydantic fills an instance's
        # dict, before instances are made (CPython shrinks an unfilled shared table with each one).
        blank = _new_object(cls)
        for name in cls.__pydantic_fields__:
            _object_setattr(blank, name, None)
        _KEY_SHARING_TEMPLATES[cls] = blank.__dict__

    def model_post_init(self, context: Any, /) -> None:
        # after every validation and `model_construct`: a microsecond or two per instance
        _set_fields_set(self, _shared_field_names(self.__pydantic_fields_set__))
        fields = self.__dict__
        template = _KEY_SHARING_TEMPLATES.get(type(self))
        if template is not None and len(fields) == len(template):  # every field there (`model_construct` may leave one out)
            own = template.copy()  # on the shared keys, as the copy of a key-sharing dict is
            own.update(fields)  # every key already there: values replaced, keys still shared
            _set_dict(self, own)

    def __setattr__(self, name: str, value: Any) -> None:
        names = self.__pydantic_fields_set__
        if name in names or id(names) not in _SHARED_FIELD_NAMES_IDS:
            super().__setattr__(name, value)  # already recorded, or a set of its own: pydantic's add is harmless
            return
        _object_setattr(self, "__pydantic_fields_set__", set(names))  # pydantic adds `name` once the value validates
        try:
            super().__setattr__(name, value)
        finally:
            _object_setattr(self, "__pydantic_fields_set__", _shared_field_names(self.__pydantic_fields_set__))

    def set_derived(self, name: str, value: list[Any]) -> None:
        """Set a list field to a list of values already validated (ids derived from this validated
        model, figures made as validation leaves them): what assigning it does (a list of its own,
        the field recorded as given) without validating every item again (loading fills three such
        lists on every event of a file; every statement of every article gets its figures)."""
        self.__dict__[name] = list(value)
        names = self.__pydantic_fields_set__
        if name not in names:
            if id(names) in _SHARED_FIELD_NAMES_IDS:
                _set_fields_set(self, _shared_field_names(names | {name}))
            else:
                names.add(name)

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)  # unpickled: results of the pipeline's worker processes
        self.model_post_init(None)


# For a reader that has checked every value itself (events/table_reader.py), which makes the
# instance `model_post_init` leaves after validation without validation's per-instance cost.
def shared_field_names(names: set[str] | frozenset[str]) -> set[str]:
    """The one set shared by models given exactly these fields: never to be changed in place."""
    return _shared_field_names(set(names))


def blank_fields(cls: type[Model]) -> dict[str, Any]:
    """A new dict of `cls`'s fields, each None, on the class's shared keys: an instance's `__dict__`
    once every value is replaced (every key is already there, so the keys stay shared)."""
    return _KEY_SHARING_TEMPLATES[cls].copy()


class TimeSpan(Model):
    """A resolved interval on the calendar, inclusive at both ends."""

    start: date
    end: date
    precision: Precision
    modifier: Modifier = Modifier.NONE
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    def label(self, weekday: bool = False) -> str:
        """The date at its true precision: "2024", "Apr 2025", "13 Jun 2025", "by end 2025"."""
        if self.modifier is Modifier.UNDATED:
            return "undated"
        core = _core_label(self, weekday)
        match self.modifier:
            case Modifier.REPORTED:
                return f"reported {core}"
            case Modifier.BY:
                return f"by {core}"
            case Modifier.BEFORE:
                return f"before {core}"
            case Modifier.AFTER:
                return f"after {core}"
            case Modifier.SINCE:
                return f"since {core}"
            case Modifier.AROUND:
                return f"~ {core}"
            case Modifier.EARLY | Modifier.MID | Modifier.LATE:
                same_month = (self.start.year, self.start.month) == (self.end.year, self.end.month)
                unit = f"{self.start:%b %Y}" if same_month else str(self.start.year)
                approx = "~ " if self.precision is Precision.APPROXIMATE else ""
                return f"{approx}{self.modifier.value} {unit}"
            case Modifier.MORE_THAN:
                return f"over {core}"
            case Modifier.LESS_THAN:
                return f"under {core}"
        if self.precision is Precision.APPROXIMATE:
            return f"~ {core}"
        return core


_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def _core_label(span: TimeSpan, weekday: bool) -> str:
    start, end = span.start, span.end
    match span.precision:
        case Precision.DAY:
            text = f"{start.day} {start:%b %Y}"
            return f"{start:%a} {text}" if weekday else text
        case Precision.WEEK:
            return f"week of {start.day} {start:%b %Y}"
        case Precision.MONTH:
            return f"{start:%b %Y}"
        case Precision.QUARTER:
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        case Precision.SEASON:
            return f"{_SEASONS.get(start.month, 'season')} {start.year}"
        case Precision.HALF:
            return f"H{1 if start.month <= 6 else 2} {start.year}"
        case Precision.YEAR:
            if span.modifier is Modifier.BY and start.year == end.year:
                return f"end {start.year}"
            return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        case Precision.DECADE:
            return f"{start.year}s"
    # approximate: say the coarsest thing both ends agree on
    if start.year != end.year:
        return f"{start.year}–{end.year}"
    if start.month != end.month:
        part = "early" if end.month <= 4 else "late" if start.month >= 9 else "mid" if start.month >= 5 and end.month <= 8 else ""
        return f"{part} {start.year}".strip()
    return f"{start:%b %Y}"


# Where undated spans sit on the calendar: after everything, so that date order lists them last.
UNDATED_DAY = date(9999, 12, 31)


def undated_span() -> TimeSpan:
    return TimeSpan(start=UNDATED_DAY, end=UNDATED_DAY, precision=Precision.APPROXIMATE, modifier=Modifier.UNDATED, confidence=0.0)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class TimeExpression(Model):
    """One time expression the tagger found, in TIMEX3 terms and as a resolved span.

    `start`/`end` are character offsets into the text given to the tagger.
    `timex_type` and `value` follow TimeML (DATE/TIME/DURATION/SET, "2025-06-13",
    "2024", "P1Y", "PAST_REF"); `span` is the calendar interval the expression
    places its fact in, resolved against the reference (publication) date.
    """

    text: str
    start: int
    end: int
    timex_type: str = "DATE"
    value: str = ""
    mod: str = ""  # TIMEX3 mod: BEFORE, AFTER, ON_OR_BEFORE, START, MID, END, APPROX, MORE_THAN ...
    span: TimeSpan
    anchored: bool = False  # True when resolving it needed the reference date
    tense: str = ""  # "past", "future" or "" where the sentence did not say


LISTED = "sources.toml"  # the `published_basis` of a day the corpus's listing gives


class Source(Model):
    id: str
    path: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    published_estimated: bool = False
    published_basis: str = ""  # how `published` was found: "sources.toml", "dateline", "estimated: ..."


class Sentence(Model):
    """A sentence of one source, with offsets into that source file's text."""

    source: str
    index: int
    text: str
    start: int
    end: int
    heading: bool = False  # a headline or section heading: no full stop, stands alone


class Figure(Model):
    """A number the statement asserts, normalised so outlets can be compared."""

    text: str
    kind: str  # money, percent, multiple, count, age
    value: float
    unit: str = ""  # "USD", "%", "x", "people" ...


class Statement(Model):
    """A claim one source makes, with the time it places the claim at."""

    id: str  # stable: "<source>:<sentence index>[.<part>]"
    source: str
    text: str
    start: int  # offsets of `text` in the source file
    end: int
    time_text: str = ""  # "" when undated
    time_start: int | None = None  # offsets of time_text in the source file
    time_end: int | None = None
    # A clause cut from a sentence whose subject it shares ("Apple was founded in 1976, and launched
    # iTunes in 2003"): that subject, so the claim reads whole ("Apple … launched iTunes in 2003").
    subject: str = ""
    span: TimeSpan
    figures: list[Figure] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)  # entity ids

    @property
    def dated(self) -> bool:
        return bool(self.time_text)

    @property
    def claim(self) -> str:
        """The whole claim: the text, after the subject a clause split carried over."""
        return f"{self.subject} {self.text}" if self.subject else self.text


class Alias(Model):
    text: str
    sources: list[str] = Field(default_factory=list)
    count: int = 0


class Entity(Model):
    id: str
    name: str
    kind: Kind = Kind.OTHER
    aliases: list[Alias] = Field(default_factory=list)

    @property
    def spellings(self) -> set[str]:
        """Its name and every spelling of it the sources used."""
        return {self.name, *(alias.text for alias in self.aliases)}


class Claim(Model):
    """One side of a disagreement: what value these sources gave."""

    value: str
    sources: list[str]


class Discrepancy(Model):
    field: str  # figure, date, name, attribution
    topic: str  # what it is about: "valuation", "Alexandr Wang", "stake" ...
    claims: list[Claim]


class EventNote(Model):
    """The user's annotations on an event: never produced by the pipeline."""

    note: str = ""
    tags: list[str] = Field(default_factory=list)
    flag: Flag = Flag.NONE
    title: str = ""  # corrected title
    span: TimeSpan | None = None  # corrected date

    @property
    def empty(self) -> bool:
        return not (self.note or self.tags or self.flag or self.title or self.span)


class Event(Model):
    id: str
    title: str
    span: TimeSpan
    confidence: float = 1.0
    entities: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    silent: list[str] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    # Ids of other events' statements that name this event in passing (events/passing.py) or
    # tell it in words closer to its reports than to their own event's (events/also_told.py);
    # their outlets are among `sources`.
    mentions: list[str] = Field(default_factory=list)
    annotation: EventNote = Field(default_factory=EventNote)
    rank: int = 0  # importance, 1 = most important; 0 = not ranked (events/ranking.py)
    key: bool = False  # one of the events the key view opens on

    @property
    def shown_title(self) -> str:
        return self.annotation.title or self.title

    @property
    def shown_span(self) -> TimeSpan:
        return self.annotation.span or self.span


class EntityEdit(Model):
    """A user's change to the entity list, replayed in order on load."""

    action: str  # rename, merge, split
    entity: str  # the entity acted on
    other: str = ""  # merge: the entity folded into `entity`; split: the new id
    name: str = ""  # rename: the new name
    aliases: list[str] = Field(default_factory=list)  # split: the aliases moved out


FORMAT_NAME = "scaletui-timeline"
FORMAT_VERSION = 4


class Timeline(Model):
    format: str = FORMAT_NAME
    version: int = FORMAT_VERSION
    corpus: str = ""
    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    entity_edits: list[EntityEdit] = Field(default_factory=list)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def source_label(self, source_id: str) -> str:
        """How the app names a source: its outlet, told apart from others with the same outlet."""
        source = self.source(source_id)
        if source is None:
            return source_id
        name = source.outlet or source.title or source.id
        if source.outlet and sum(s.outlet == source.outlet for s in self.sources) > 1:
            return f"{source.outlet} ({source.id})"
        return name

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
