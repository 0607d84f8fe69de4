"""A saved timeline kept as it was saved, so that opening the same file again skips reading its TOML.

Reading a timeline file is parsing its TOML and making every model of it again:
over a second at 10,000 events. When scaletui saves a file (the app's save,
`scaletui export -o`), it keeps the timeline it wrote in the user's cache too,
keyed by the SHA-256 of the file's bytes; opening a file whose bytes have that
digest reads the timeline back from there instead. A file changed in any way
(by hand, by another program) has another digest and is read as usual, and
so is a file whose entry is missing, damaged or was written by other code:
the entry is only ever a shortcut.

Entries sit in the per-article cache's folder (events/cache.py: same place,
same `SCALETUI_CACHE_DIR` and `SCALETUI_NO_CACHE`), which is already one folder
per version of the code, under `opened/`, a few of the most recently used
kept. An entry is the pickled timeline, compressed (the timeline without its events, then its
events a few hundred at a time: pickle_in_parts). Reading it takes no class
but the timeline's own models, their enums and dates, so an entry planted in
the folder cannot run code; each model is made as the file reader makes it
(events/table_reader.py), without validation, as the timeline was whole and
checked when it was kept.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
import zlib
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel

from scaletui.events import model as _models
from scaletui.events import safe_io
from scaletui.events.cache import ArticleCache, CompressedParts, cache_folder
from scaletui.events.model import FORMAT_NAME, FORMAT_VERSION, Event, Model, Timeline, blank_fields, shared_field_names
from scaletui.events.timeline_checks import check_timeline


class ReopenCache(ArticleCache):
    """Saved timelines by the digest of their file, under `opened/` in the cache folder."""

    kept = 4  # an entry is about a sixth of its file: the few files one goes back and forth between

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / "opened" / f"{key}.saved"


def file_digest(data: bytes = b"") -> Any:
    """The digest an entry is named by, of `data` (a file written in parts updates it with each)."""
    return hashlib.sha256(data)


def file_key(digest: Any) -> str:
    """The entry name of the file of this digest (file_digest), with what else decides how its entry reads."""
    named = digest.copy()
    named.update(f"\0{FORMAT_VERSION} {sys.version_info[:2]} {pydantic.VERSION}".encode())
    return named.hexdigest()


class Keeping:
    """A timeline's entry, made when `make` is first called (a save makes it while a forked child
    writes the second half of the file) and stored by `keep` once the file's digest names it;
    never raises (a cache is only a shortcut)."""

    def __init__(self, timeline: Timeline) -> None:
        self._timeline = timeline
        self._cache = ReopenCache(cache_folder())
        self.wanted = self._cache.folder is not None and (timeline.format, timeline.version) == (FORMAT_NAME, FORMAT_VERSION)
        self._entry: bytes | None = None
        self._made = False

    def make(self) -> None:
        if not self.wanted or self._made:
            return
        self._made = True  # once, whatever comes of it
        if check_timeline(self._timeline):
            return  # opening the file refuses it: so must opening it again
        out = CompressedParts()
        try:
            pickle_in_parts(out, self._timeline)
        except (pickle.PicklingError, TypeError, ValueError, AttributeError, RecursionError):
            return
        self._entry = out.finished()

    def keep(self, key: str) -> None:
        """Store the entry (made now if it was not) as that of the file of entry name `key`."""
        self.make()
        if self._entry is not None:
            self._cache.put(key, self._entry)


def read(key: str) -> Timeline | None:
    """The timeline kept for the file of entry name `key`, or None (none kept, damaged, not ours)."""
    data = ReopenCache(cache_folder()).get(key)
    if data is None:
        return None
    try:
        # Never more than a timeline file may hold (its derived lists, which the file leaves
        # out, can make an entry bigger than its file): an entry that inflates past that is
        # no entry of ours, and is not let fill the memory.
        inflate = zlib.decompressobj()
        pickled = inflate.decompress(data, safe_io.timeline_limit())
        if inflate.unconsumed_tail or not inflate.eof:
            return None
        timeline = _unpickled_parts(io.BytesIO(pickled))
    except Exception:  # noqa: BLE001  any damage at all: the file is read instead
        return None
    return timeline


# Events pickled at a time (see pickle_in_parts).
EVENTS_PER_PART = 500


def pickle_in_parts(out: Any, timeline: Timeline, writer: type[pickle.Pickler] | None = None) -> None:
    """Pickle the timeline into `out` as a few pickles: how many events it has and the timeline without
    them, then its events EVENTS_PER_PART at a time.

    One pickle of the whole timeline keeps a reference to every object it has written
    (its memo: millions at a few thousand articles, some 60 MB), which made keeping it
    the highest moment of memory of a whole export. Each part has a memo of its own.
    """
    writer = writer or _Writer
    events = timeline.events
    writer(out, protocol=pickle.HIGHEST_PROTOCOL, without_events=timeline).dump((len(events), timeline))
    for start in range(0, len(events), EVENTS_PER_PART):
        writer(out, protocol=pickle.HIGHEST_PROTOCOL).dump(events[start : start + EVENTS_PER_PART])


def _unpickled_parts(stream: io.BytesIO) -> Timeline | None:
    """The timeline pickle_in_parts wrote; None for anything else (another layout, parts missing or left over)."""
    head = _Reader(stream).load()
    if type(head) is not tuple or len(head) != 2 or type(head[0]) is not int or type(head[1]) is not Timeline:
        return None
    count, timeline = head
    events: list[Event] = []
    while len(events) < count:
        part = _Reader(stream).load()  # a reader of its own: a part's memo and given names are its own
        if type(part) is not list or not part or not all(type(event) is Event for event in part):
            return None
        events.extend(part)
    if len(events) != count or stream.read(1):
        return None
    timeline.__dict__["events"] = events  # made as the reader makes every model: whole and checked when kept
    return timeline


class _Writer(pickle.Pickler):
    """Pickles each model as its class, its fields and the names of those it was given."""

    def __init__(self, *args: Any, without_events: Timeline | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # one frozenset per shared set of given names: pickled once, each model refers to it
        self._given: dict[int, tuple[set[str], frozenset[str]]] = {}
        self._without_events = without_events  # the timeline whose events are pickled apart

    def reducer_override(self, obj: object) -> Any:
        if not isinstance(obj, Model) or obj.__pydantic_extra__ or obj.__pydantic_private__:
            return NotImplemented
        names = obj.__pydantic_fields_set__
        known = self._given.get(id(names))
        if known is None or known[0] is not names:
            known = self._given[id(names)] = (names, frozenset(names))
        values = obj.__dict__
        if obj is self._without_events:
            values = {**values, "events": []}
        return _rebuilt, (type(obj), values, known[1])


def _rebuilt(cls: type, values: dict, given: frozenset[str]) -> Any:
    raise pickle.UnpicklingError("only _Reader makes models")  # never called: _Reader gives its own


_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class _Reader(pickle.Unpickler):
    """Unpickles only the timeline's models, their enums and dates; each model made as the file reader makes it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._given: dict[int, set[str]] = {}  # id of a loaded frozenset (alive in the memo) -> the shared set

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "_rebuilt":
            return self._rebuilt
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a timeline")
        return found

    def _rebuilt(self, cls: type, values: dict, given: frozenset[str]) -> Any:
        if cls not in _MODELS or type(values) is not dict:
            raise pickle.UnpicklingError("not a model")
        shared = self._given.get(id(given))
        if shared is None:
            shared = self._given[id(given)] = shared_field_names(given)
        fields = blank_fields(cls)  # on the class's shared keys, as the models of a read file
        if len(values) != len(fields) or not fields.keys() >= values.keys():
            raise pickle.UnpicklingError(f"not the fields of {cls.__name__}")  # another version of the model
        fields.update(values)
        model = _new(cls)
        _set_dict(model, fields)
        _set_fields_set(model, shared)
        _set_extra(model, None)
        _set_private(model, None)
        return model


_MODELS = frozenset(kind for kind in vars(_models).values() if isinstance(kind, type) and issubclass(kind, Model) and kind is not Model)
_ALLOWED = {
    **{(_models.__name__, kind.__name__): kind for kind in _MODELS},
    **{(_models.__name__, kind.__name__): kind for kind in vars(_models).values()
       if isinstance(kind, type) and issubclass(kind, Enum) and kind.__module__ == _models.__name__},
    ("datetime", "date"): date,
}
