"""How important each event is to the story, and which events make the key view.

An event matters when several independent outlets report it, when it has a
date of its own (not only the day it was reported), when the people and
companies it names are the ones the whole story is about, and when sources
disagree on it. Background sentences, opinion, speculation and reporting
boilerplate ("declined to comment") are kept but never crowd those out.

Independence: a rewrite or a syndicated copy of one report is one outlet, not
two. Two sources whose statements in one event are near-identical count once
for that event, and two sources that repeat each other across many events are
one family for every event.

Plain Python and rapidfuzz; the pipeline calls `rank_events` once, after the
comparison, and the app calls it on a timeline that was saved unranked.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from scaletui.events.model import Event, Modifier, Precision, Source

# Two statements are copies of one report at this token-set similarity (0-100):
# a rewrite keeps most words, two outlets reporting one fact independently do not.
NEAR_DUPLICATE = 80
# Sources repeating each other in this many events, or this share of the smaller
# source's events, are one family (a rewrite or syndicated copy of the other).
FAMILY_MIN_SHARED = 3
FAMILY_SHARE = 0.3
# Statements compared per event: enough to find copies, bounded whatever the event's size.
MAX_COMPARED = 24
# Key events of a story of a few articles: the happenings a handful of outlets tell
# (a deal, a customer leaving, three more pulling back, a founding, a hire) fill more than a dozen.
SMALL_STORY_KEY_EVENTS = 16

# General English cues, not tied to any story.
_SPECULATIVE_WORDS = frozenset(
    "could might may would should perhaps possibly likely unlikely potential potentially if".split()
)
_SPECULATIVE_PHRASES = ("remain to be seen", "remains to be seen", "raises question", "raise question",
                        "question whether", "questions whether", "expected to", "appears to", "appear to",
                        "seems to", "seem to")
_WORD = re.compile(r"[a-z]+")
# Cheap gate before the boilerplate pattern: every phrase it knows holds one of these.
_BOILERPLATE_GATE = ("comment", "respond", "reply", "reached", "available", "click", "subscribe", "sign up",
                     "read more", "follow us", "rights reserved")
_BOILERPLATE = re.compile(
    r"\b(?:(?:declined|refused|did not|didn't|could not|couldn't)\s+(?:immediately\s+)?"
    r"(?:to\s+)?(?:comment|respond|reply|be reached)|no comment|not immediately available|"
    r"(?:click|subscribe|sign up|read more|follow us|all rights reserved))\b",
    re.IGNORECASE,
)
_QUOTE_CHARS = "\"“”«»"
_VAGUE_OPENING = frozenset(
    "this that these those it its which such there here they he she we what when while as".split()
)


def key_view_size(n_events: int, n_sources: int) -> int:
    """How many events the key view opens on.

    Grows like the square root of the events (a story twice as long does not
    need twice the headlines) and never past a third of the articles on a large
    corpus, so that with the folds between them and the headings the key view
    stays under one row per article; a small corpus still gets a dozen.
    """
    if n_events <= 0:
        return 0
    wanted = max(SMALL_STORY_KEY_EVENTS, round(2 * math.sqrt(n_events)))
    return min(n_events, wanted, max(SMALL_STORY_KEY_EVENTS, n_sources // 3))


def rank_events(events: Sequence[Event], sources: Sequence[Source]) -> None:
    """Set `rank` (1 = most important) and `key` on every event, in place."""
    for event, (rank, key) in zip(events, ranking(events, sources)):
        event.rank, event.key = rank, key


def ranking(events: Sequence[Event], sources: Sequence[Source]) -> list[tuple[int, bool]]:
    """(rank, key) of each event, in the order given; changes nothing (so it can run beside a reader)."""
    if not events:
        return []
    copies = {event.id: list(near_duplicate_pairs(event)) for event in events if len(set(event.sources)) > 1}
    families = source_families(events, copies)
    coverage = entity_coverage(events, max(len(sources), 1))
    scored = sorted(
        ((importance(event, families, coverage, copies.get(event.id, [])), event.id, index) for index, event in enumerate(events)),
        key=lambda item: (-item[0], item[1]),
    )
    size = key_view_size(len(events), len(sources))
    result: list[tuple[int, bool]] = [(0, False)] * len(events)
    for position, (_score, _id, index) in enumerate(scored, start=1):
        result[index] = (position, position <= size)
    return result


def importance(
    event: Event, families: dict[str, str], coverage: dict[str, float], copies: Sequence[tuple[str, str]] | None = None
) -> float:
    """A score: higher is more important. Each term is explained in the module docstring.

    `copies`: the event's near-duplicate source pairs when already found.
    """
    outlets = independent_outlets(event, families, copies)
    score = 3.0 * math.log2(1 + outlets)
    span = event.span
    if span.modifier not in (Modifier.REPORTED, Modifier.UNDATED):
        score += 2.0
        if span.precision in (Precision.DAY, Precision.WEEK, Precision.MONTH):
            score += 0.5
    weights = sorted((coverage.get(entity_id, 0.0) for entity_id in set(event.entities)), reverse=True)
    if weights:
        score += 2.0 * sum(weights[:2]) / 2
    else:
        score -= 2.0
    if event.discrepancies:
        score += 1.0
    statements = event.statements
    if statements:
        if any(statement.figures for statement in statements):
            score += 0.75
        share = 1 / len(statements)
        score -= 1.5 * share * sum(1 for s in statements if is_speculative(s.text))
        score -= 2.0 * share * sum(1 for s in statements if is_boilerplate(s.text))
        score -= 1.0 * share * sum(1 for s in statements if is_quoted_opinion(s.text))
    first_word = re.match(r"[A-Za-z']+", event.title)
    if first_word and first_word.group(0).lower() in _VAGUE_OPENING:
        score -= 1.0
    return score


def is_speculative(text: str) -> bool:
    """Hedged or conditional: what might happen, not what did."""
    lower = text.lower()
    return not _SPECULATIVE_WORDS.isdisjoint(_WORD.findall(lower)) or any(p in lower for p in _SPECULATIVE_PHRASES)


def is_boilerplate(text: str) -> bool:
    """Reporting or page boilerplate: "declined to comment", "did not respond", "subscribe"."""
    lower = text.lower()
    return any(word in lower for word in _BOILERPLATE_GATE) and _BOILERPLATE.search(text) is not None


def is_quoted_opinion(text: str) -> bool:
    """Most of the sentence is inside quotation marks: someone's words, not a happening."""
    if not any(mark in text for mark in _QUOTE_CHARS):
        return False
    inside, quoted = 0, False
    for char in text:
        if char in _QUOTE_CHARS:
            quoted = not quoted
        elif quoted:
            inside += 1
    return inside > 0.5 * len(text)


def independent_outlets(event: Event, families: dict[str, str], copies: Sequence[tuple[str, str]] | None = None) -> int:
    """Sources reporting the event, copies of one report counted once."""
    present = list(dict.fromkeys(event.sources))
    if len(present) <= 1:
        return len(present)
    if copies is not None and not copies:
        return len({families.get(source_id, source_id) for source_id in present})
    groups = _UnionFind(present)
    by_family: dict[str, str] = {}
    for source_id in present:
        family = families.get(source_id, source_id)
        if family in by_family:
            groups.join(source_id, by_family[family])
        else:
            by_family[family] = source_id
    for a, b in near_duplicate_pairs(event) if copies is None else copies:
        groups.join(a, b)
    return len({groups.find(source_id) for source_id in present})


def near_duplicate_pairs(event: Event) -> Iterable[tuple[str, str]]:
    """Pairs of sources with near-identical statements in this event."""
    statements = [s for s in event.statements if s.text][:MAX_COMPARED]
    if len({s.source for s in statements}) < 2:
        return
    texts = [s.text.lower() for s in statements]
    for i, first in enumerate(statements):
        # One call scores this statement against all that follow, in rapidfuzz's C loop.
        close = process.extract(texts[i], texts[i + 1 :], scorer=fuzz.token_set_ratio, score_cutoff=NEAR_DUPLICATE, limit=None)
        for j in sorted(i + 1 + index for _, _, index in close):
            if statements[j].source != first.source:
                yield first.source, statements[j].source


def source_families(events: Sequence[Event], copies: dict[str, list[tuple[str, str]]] | None = None) -> dict[str, str]:
    """Each source's family: sources that repeat each other across events share one representative.

    `copies`: each event's near-duplicate pairs by event id, when already found.
    """
    shared: Counter[tuple[str, str]] = Counter()
    events_of: Counter[str] = Counter()
    for event in events:
        present = set(event.sources)
        events_of.update(present)
        if len(present) > 1:
            pairs = copies.get(event.id, []) if copies is not None else near_duplicate_pairs(event)
            shared.update({(a, b) if a < b else (b, a) for a, b in pairs})
    every = sorted(events_of)
    groups = _UnionFind(every)
    for (a, b), count in shared.items():
        if count >= FAMILY_MIN_SHARED and count >= FAMILY_SHARE * min(events_of[a], events_of[b]):
            groups.join(a, b)
    return {source_id: groups.find(source_id) for source_id in every}


def entity_coverage(events: Sequence[Event], n_sources: int) -> dict[str, float]:
    """How central each entity is: the share of sources that name it anywhere (0-1)."""
    naming: dict[str, set[str]] = defaultdict(set)
    for event in events:
        for statement in event.statements:
            for entity_id in statement.entities:
                naming[entity_id].add(statement.source)
        if not event.statements:
            for entity_id in event.entities:
                naming[entity_id].update(event.sources)
    return {entity_id: len(who) / n_sources for entity_id, who in naming.items()}


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        while parent != self.parent[parent]:
            self.parent[parent] = self.parent[self.parent[parent]]
            parent = self.parent[parent]
        self.parent[item] = parent
        return parent

    def join(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)
