"""Statements from different sources that report the same happening become one event.

1. Every statement is profiled (`events.similarity`): its acts, its rare words
   as lemmas, its participants, its figures and the time window it allows.
2. Candidate pairs come from an inverted index over those, so the work grows
   with the corpus, not with its square; a pair is linked only when the two
   share an act or a measure.
3. Centroid-linkage agglomeration: the two groups most alike as wholes (cosine
   of their summed profiles) merge first, while that likeness stays above a bar
   and their time windows still overlap. Comparing wholes is what keeps one
   loose link from chaining two happenings together. An article's own
   statements join each other on a higher bar (it rarely tells one happening
   twice), except its headline and opening, which announce one happening and
   join each other before either joins anything else; groups made mostly of
   headlines and openings join on a lower one.
4. The story teaches its own paraphrases: acts that different outlets' reports
   of one happening use side by side ("added to the list", "now on the list")
   count as one act, and the agglomeration runs again with those links.
5. A statement left alone, or a group made only of headlines and openings,
   joins the larger event several outlets report that it resembles most, when
   that event names its act: a story's central happening gathers its reports
   from every article that gives it. An article's headline and opening sentence
   go together: one left behind follows the other into the event it joined.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import os
import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import combinations, compress
from operator import mul
from typing import BinaryIO, NamedTuple

from scaletui.events.also_told import also_told
from scaletui.events.copies import join_lone_copies
from scaletui.events.forked_half import fork_half, split_map
from scaletui.events.model import LISTED, Entity, Event, Modifier, Precision, Source, Statement, TimeSpan
from scaletui.events.similarity import (
    Profile,
    StatementFeatures,
    CandidateIndex,
    compatible_windows,
    may_report_one_happening,
    name_one_act,
    narrowed,
    profiles_of,
    similarity,
)
from scaletui.events.statements import dates_a_thing, tells_its_day
from scaletui.events.store import sources_in_order
from scaletui.events.story_context import StoryBounds
from scaletui.events.titles import event_title
from scaletui.events.told_acts import GroupActs, announced_alike, joined

MERGE_THRESHOLD = 0.15  # how alike two groups from different outlets must be to become one event
PAIR_THRESHOLD = 0.3  # two lone statements: no group's other reports to vouch for the likeness
SAME_SOURCE_THRESHOLD = 0.25  # what a merge needs when it brings in no new outlet: one article retelling itself
LEAD_THRESHOLD = 0.3  # what a headline or opening statement needs to join its story's event
STRAY_THRESHOLD = 0.3  # what any other statement left alone needs to join an event several outlets report
ANNOUNCEMENT_THRESHOLD = 0.1  # two groups made mostly of headlines and openings: they announce the story's happening
LOWEST_THRESHOLD = min(MERGE_THRESHOLD, ANNOUNCEMENT_THRESHOLD, SAME_SOURCE_THRESHOLD)
HIGHEST_THRESHOLD = max(MERGE_THRESHOLD, ANNOUNCEMENT_THRESHOLD, SAME_SOURCE_THRESHOLD, PAIR_THRESHOLD)
ALIKE_ACT_SUPPORT = 2  # pairs of reports of one happening that must show two acts side by side
EDGE_FLOOR = 0.08  # pairs less alike than this are not kept at all
LEAD_STATEMENTS = 2  # the headline plus this many opening statements announce the article's happening

# One word boundary before all the phrases: where it fails (inside a word, most places) the phrases
# are not tried one by one (a quarter of the time of a boundary before each, at every statement).
_BOILERPLATE = re.compile(
    r"©|\b(?:all rights reserved\b|disclaimer\b|posted by\b|related articles?\b|recommended\b|"
    r"subscribe\b|newsletter\b|sign up\b|click here\b|copy (?:article|link)|total views\b|"
    r"not (?:been )?edited by\b|auto-generated\b|syndicated feed\b|read more\b|follow us\b|"
    r"cookies?\b|advertisement\b|share this\b|past performance\b|financial advi[cs])",
    re.IGNORECASE,
)


def cluster_events(
    statements: list[Statement],
    entities: list[Entity],
    sources: list[Source],
    features: list[StatementFeatures | None] | None = None,
) -> list[Event]:
    """Group statements into events; every statement lands in exactly one event.

    `features`: each statement's `statement_features`, in order, where the per-article
    work already has them (the same events either way).
    """
    if not statements:
        return []
    source_rank = {source.id: number for number, source in enumerate(sources)}
    profiles = profiles_of(statements, source_rank, lead_statements(statements), entities, features, days_given(sources))
    pairs = _pairs(profiles)
    for profile in profiles:
        profile.keys = ()  # what the index needed, no longer
    linked = _edges(profiles, pairs, {})
    openings = _openings(profiles)  # each article's headline and opening sentence, each mapped to the other
    announced = announced_alike(profiles, openings)
    groups = _agglomerate(profiles, pairs, linked, announced, openings)
    alike_acts = _alike_acts(profiles, groups)
    if alike_acts:
        del groups  # the second pass starts afresh: the first's groups are not kept alongside
        linked = _edges(profiles, pairs, alike_acts)
        groups = _agglomerate(profiles, pairs, linked, joined(alike_acts, announced), openings)
    # Made after agglomeration, and only for the statements left to gather: not held through both passes.
    lead_links = _lead_links(profiles, pairs, _gatherable_leads(profiles, groups))
    groups = _gather_strays(profiles, _stray_edges(profiles, pairs, linked, groups), lead_links, groups, openings)
    groups = join_lone_copies(profiles, groups)
    told = also_told(profiles, zip(pairs.first, pairs.second, pairs.score), groups)
    del pairs, linked, lead_links
    main_entities = _main_entities(statements, len(sources))
    # What each event says of its statements as a whole (title, dates, confidence) is most of making
    # it, and small: half of it worked out by a forked child (events.forked_half.split_map).
    said = split_map(
        lambda members: _event_said(profiles, members, source_rank, main_entities, len(sources)), groups, EVENTS_IN_TWO_FROM
    )
    events = [_event(profiles, members, told.get(members[0], ()), source_rank, whole) for members, whole in zip(groups, said)]
    _disambiguate_ids(events)
    events.sort(key=lambda e: (e.span.start, e.span.end, e.id))
    return events


def days_given(sources: list[Source]) -> frozenset[str]:
    """The sources whose publication day the corpus's listing (sources.toml) gives.

    A day found in the text is not taken as given: ECB+'s stamps include update
    times and other time zones ("Mar 1 2012, 2:35am CET" on a Californian
    announcement of February 29; "yesterday evening" in a piece stamped the day
    after the broadcast), and reading those as exact loses reports of one
    happening there.
    """
    return frozenset(
        s.id for s in sources if s.published is not None and not s.published_estimated and s.published_basis == LISTED
    )


def lead_statements(statements: list[Statement]) -> set[str]:
    """Ids of each article's headline and first statements after it."""
    by_source: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        by_source[statement.source].append(statement)
    leads = set()
    for own in by_source.values():
        own.sort(key=lambda s: s.start)
        leads.update(s.id for s in own[: LEAD_STATEMENTS + 1])
    return leads


class _Pairs(NamedTuple):
    """Candidate pairs alike enough to matter, column by column (a few bytes a pair: there are many)."""

    first: array  # profile index
    second: array  # a later profile's index
    score: array  # their likeness
    told: bytearray  # 1 where they may report one happening whatever acts the story teaches


# Statements from which candidate pairs are found in two halves at once (fork_half): below it,
# starting the child costs about what it saves (ECB+ with dates: 3,000 statements, 0.14 s either
# way; 4,700, 0.36 s alone, 0.25 s in halves).
PAIRS_IN_TWO_FROM = 4_000
# Statements each half takes in turn. A statement's pairs cost more the more later statements
# share its keys, so the first are dearest: taking turns keeps the halves even.
_PAIRS_BLOCK = 256


def _pairs(profiles: list[Profile]) -> _Pairs:
    """Candidate pairs alike enough to matter, with their likeness, by their first statement.

    Besides the pairs the index proposes, an article's headline and opening
    are always compared: they may share no word rare enough to be a key.
    """
    leads: dict[str, list[int]] = defaultdict(list)
    for profile in profiles:
        if profile.lead:
            leads[profile.statement.source].append(profile.index)
    index = CandidateIndex(profiles)  # built here, once, for both halves
    stories = StoryBounds(profiles)

    def half(turn: int) -> _Pairs:
        return _within_stories(stories, _pairs_of(profiles, leads, index, _turn(len(profiles), turn)))

    if len(profiles) < PAIRS_IN_TWO_FROM:
        return _within_stories(stories, _pairs_of(profiles, leads, index, range(len(profiles))))
    with fork_half(lambda out: _write_pairs(out, half(1))) as child:
        own = half(0)
        written = child.output() if child is not None else None
        theirs = _read_pairs(written) if written is not None else None
    if theirs is None:  # no child, or one that failed: this process finds its half too
        theirs = half(1)
    del index, stories  # let go before the halves are put together, as the candidates' generator let go once done
    return _in_turns(len(profiles), (own, theirs))


def _turn(statements: int, turn: int) -> Iterator[int]:
    """The statements of the blocks of _PAIRS_BLOCK whose turn it is: the first, third... for 0."""
    for start in range(turn * _PAIRS_BLOCK, statements, 2 * _PAIRS_BLOCK):
        yield from range(start, min(start + _PAIRS_BLOCK, statements))


def _pairs_of(
    profiles: list[Profile], leads: dict[str, list[int]], index: CandidateIndex, which: Iterable[int]
) -> _Pairs:
    """The pairs of each statement of `which` (by index, in order) with its candidates."""
    found = _Pairs(array("i"), array("i"), array("d"), bytearray())
    for a in which:
        first = profiles[a]
        later = index.later(first)
        later |= {b for b in leads.get(first.statement.source, ()) if b > a} if first.lead else set()
        window = first.window
        for b in later:
            second = profiles[b]
            if not compatible_windows(window, second.window):  # similarity 0: times that cannot meet
                continue
            score = similarity(first, second)
            if score >= EDGE_FLOOR:
                found.first.append(a)
                found.second.append(b)
                found.score.append(score)
                found.told.append(may_report_one_happening(first, second) or _one_announcement(first, second))
    return found


def _write_pairs(out: BinaryIO, pairs: _Pairs) -> None:
    out.write(len(pairs.told).to_bytes(8, "little"))
    for column in pairs:
        out.write(column)  # an array or a bytearray: its bytes as they are in memory


def _read_pairs(written: BinaryIO) -> _Pairs | None:
    """The pairs _write_pairs wrote (by a process of this very code, on this machine); None if cut short."""
    pairs = _Pairs(array("i"), array("i"), array("d"), bytearray())
    count = int.from_bytes(written.read(8), "little")
    if os.fstat(written.fileno()).st_size != 8 + count * (sum(column.itemsize for column in pairs[:3]) + 1):
        return None
    for column in pairs[:3]:
        column.fromfile(written, count)
    pairs.told.extend(written.read(count))
    return pairs


def _in_turns(statements: int, halves: tuple[_Pairs, _Pairs]) -> _Pairs:
    """The pairs each half found in its turns, in the order of their first statements: as one process finds them."""
    merged = _Pairs(array("i"), array("i"), array("d"), bytearray())
    taken = [0, 0]
    for block in range(-(-statements // _PAIRS_BLOCK)):
        half = halves[block % 2]
        start = taken[block % 2]
        end = taken[block % 2] = bisect_left(half.first, (block + 1) * _PAIRS_BLOCK, start)
        for column, part in zip(merged, half):
            column.extend(part[start:end])
    return merged


def _lead_links(profiles: list[Profile], pairs: _Pairs, wanted: set[int]) -> dict[int, set[int]]:
    """For each lead statement in `wanted`, the other outlets' statements it may announce."""
    lead_links: dict[int, set[int]] = defaultdict(set)
    for a, b in zip(pairs.first, pairs.second):
        if (a in wanted or b in wanted) and profiles[a].statement.source != profiles[b].statement.source:
            if a in wanted:
                lead_links[a].add(b)
            if b in wanted:
                lead_links[b].add(a)
    return lead_links


def _gatherable_leads(profiles: list[Profile], groups: "_Groups") -> set[int]:
    """The lead statements `_gather_strays` looks at: those of lone statements and of groups made only of leads."""
    return {
        m
        for members in groups.members.values()
        if len(members) == 1 or all(profiles[m].lead for m in members)
        for m in members
        if profiles[m].lead
    }


def _within_stories(stories: StoryBounds, pairs: _Pairs) -> _Pairs:
    """The candidate pairs without those crossing from one story to another (see events.story_context)."""
    keep = stories.within(pairs.first, pairs.second)
    if keep is None:
        return pairs
    return _Pairs(*(type(column)(column.typecode, compress(column, keep)) if isinstance(column, array)
                    else bytearray(compress(column, keep)) for column in pairs))


def _edges(profiles: list[Profile], pairs: _Pairs, alike_acts: dict[str, set[str]]) -> bytearray:
    """Which pairs may report one happening (1, pair by pair): they name its act (or one the story
    tells alike), give its measure, or announce it as an article's headline and opening."""
    if not alike_acts:
        return pairs.told
    return bytearray(
        told or _acts_told_alike(profiles[a], profiles[b], alike_acts)
        for a, b, told in zip(pairs.first, pairs.second, pairs.told)
    )


def _stray_edges(profiles: list[Profile], pairs: _Pairs, linked: bytearray, groups: "_Groups") -> dict[int, list[int]]:
    """The edges of the statements agglomeration left alone (all that `_gather_strays` asks of them)."""
    alone = {members[0] for members in groups.members.values() if len(members) == 1 and not profiles[members[0]].lead}
    edges: dict[int, list[int]] = defaultdict(list)
    for a, b, link in zip(pairs.first, pairs.second, linked):
        if link:
            if a in alone:
                edges[a].append(b)
            if b in alone:
                edges[b].append(a)
    return edges


def _one_announcement(a: Profile, b: Profile) -> bool:
    """An article's headline and opening announce one happening, in whatever words ("Jobs on medical
    leave", "Jobs announced Monday he would be on medical leave").

    A headline gives no date of its own; two opening sentences that each give
    one ("cancelled sailings last week", "said in 2019 the pier needed repairs")
    may tell two happenings.
    """
    return (
        a.lead and b.lead and a.statement.source == b.statement.source
        and not (a.statement.time_text and b.statement.time_text)
    )


def _alike_acts(profiles: list[Profile], groups: "_Groups") -> dict[str, set[str]]:
    """Acts this corpus uses for one happening: paraphrases learnt from the story itself.

    Where outlets' reports of one happening came together on a shared act, the
    other acts they use for it ("issued", "rushed out", "released" a patch) are
    taken for the same act when they meet again, if at least two pairs of
    reports from different outlets show them side by side.
    """
    seen: Counter = Counter()
    for group, members in groups.members.items():
        if len(groups.sources[group]) < 2:
            continue
        for pair, reports in _acts_side_by_side([profiles[m] for m in members]).items():
            seen[pair] += reports
    alike: dict[str, set[str]] = defaultdict(set)
    for pair, count in seen.items():
        if count >= ALIKE_ACT_SUPPORT and len(pair) == 2:
            one, other = pair
            alike[one].add(other)
            alike[other].add(one)
    return alike


def _acts_side_by_side(members: list[Profile]) -> dict[frozenset[str], int]:
    """For each two acts, how many pairs of reports from different outlets name one and not the
    other, and the other and not the one.

    Counted act pair by act pair rather than report pair by report pair (a large
    event's reports, pair by pair, cost the square of its size): of the pairs of
    reports naming p and q, those where one names p without q and the other q
    without p number (n_p - both) * (n_q - both), n_p being the reports naming p
    and both those naming p and q; the same counted within each outlet is taken off.
    """
    holders: dict[str, Counter] = defaultdict(Counter)  # act -> outlet -> reports naming it
    both: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (act, act) in sorted order -> outlet -> reports naming both
    for profile in members:
        source = profile.statement.source
        acts = sorted(profile.actions)
        for number, act in enumerate(acts):
            holders[act][source] += 1
            for later in acts[number + 1 :]:
                both[(act, later)][source] += 1
    totals = {act: outlets.total() for act, outlets in holders.items()}
    found: dict[frozenset[str], int] = {}
    for one, other in combinations(sorted(holders), 2):
        mine, theirs = holders[one], holders[other]
        together = both.get((one, other))
        if together is None:
            reports = totals[one] * totals[other]
            if len(theirs) < len(mine):
                mine, theirs = theirs, mine
            reports -= sum(count * theirs[source] for source, count in mine.items() if source in theirs)
        else:
            shared = together.total()
            reports = (totals[one] - shared) * (totals[other] - shared)
            reports -= sum((mine[source] - count) * (theirs[source] - count) for source, count in together.items())
            if len(theirs) < len(mine):
                mine, theirs = theirs, mine
            reports -= sum(
                count * theirs[source] for source, count in mine.items() if source in theirs and source not in together
            )
        if reports:
            found[frozenset((one, other))] = reports
    return found


def _acts_told_alike(a: Profile, b: Profile, alike: dict[str, set[str]]) -> bool:
    return any(not alike[act].isdisjoint(b.lemmas) for act in a.actions if act in alike) or any(
        not alike[act].isdisjoint(a.lemmas) for act in b.actions if act in alike
    )


class _Groups:
    """Statements gathered into groups, each with the sum of its members' profiles (its centroid)."""

    def __init__(self, profiles: list[Profile], neighbours: dict[int, set[int]], acts_alike: dict[str, set[str]]):
        self.members = {p.index: [p.index] for p in profiles}
        self.acts = GroupActs(profiles, acts_alike)
        self.window = {p.index: p.window for p in profiles}
        # A lone statement's centroid is its profile's vector, copied only when it first grows.
        self.centroid = {p.index: p.vector for p in profiles}
        self.norm = {p.index: 1.0 for p in profiles}
        self.neighbours = neighbours
        # Sets that never change in place, one per outlet and one empty, shared by every lone statement.
        one_source = {source: frozenset((source,)) for source in {p.statement.source for p in profiles}}
        none: frozenset = frozenset()
        self.sources = {p.index: one_source[p.statement.source] for p in profiles}
        # Headline and lead of one article announce one happening: they join on the ordinary bar.
        self.leads = {p.index: one_source[p.statement.source] if p.lead else none for p in profiles}
        self.lead_count = {p.index: int(p.lead) for p in profiles}
        self.ages = {p.index: frozenset(f.value for f in p.figures if f.kind == "age") or none for p in profiles}

    def threshold(self, a: int, b: int) -> float:
        """An article's own statements join on a higher bar than another outlet's report of the same."""
        mine, theirs = self.sources[a], self.sources[b]
        if (mine <= theirs or theirs <= mine) and not (mine & theirs) <= (self.leads[a] & self.leads[b]):
            return SAME_SOURCE_THRESHOLD
        size_a, size_b = len(self.members[a]), len(self.members[b])
        if 2 * self.lead_count[a] >= size_a and 2 * self.lead_count[b] >= size_b:  # both mostly headlines and openings
            return ANNOUNCEMENT_THRESHOLD
        if size_a == 1 and size_b == 1:
            return PAIR_THRESHOLD
        return MERGE_THRESHOLD

    def likeness(self, a: int, b: int) -> float:
        """Cosine of the two groups' centroids: how alike they are as wholes."""
        return _cosine(self.centroid[a], self.centroid[b], self.norm[a] * self.norm[b])

    def mergeable(self, a: int, b: int) -> bool:
        return (
            compatible_windows(self.window[a], self.window[b])
            and not _different_people(self.ages[a], self.ages[b])
            and not self.acts.different(a, self.members[a], b, self.members[b])
        )

    def merge(self, a: int, b: int) -> int:
        """Fold the smaller group into the larger; the id of the group that remains."""
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        alone = len(self.members[a]) == 1
        folded = self.members.pop(b)
        self.members[a].extend(folded)
        self.acts.merged(a, b, folded)
        sources_a, sources_b = self.sources[a], self.sources.pop(b)
        self.sources[a] = sources_a | sources_b
        self.lead_count[a] += self.lead_count.pop(b)
        self.ages[a] = self.ages[a] | self.ages.pop(b)
        leads_b = self.leads.pop(b)
        self.leads[a] = (self.leads[a] - sources_b) | (leads_b - sources_a) | (self.leads[a] & leads_b)
        self.window[a] = narrowed(self.window[a], self.window.pop(b))
        centroid = self.centroid[a]
        if alone:  # its profile's vector until now: the group gets its own copy
            centroid = self.centroid[a] = dict(centroid)
        for token, weight in self.centroid.pop(b).items():
            centroid[token] = centroid.get(token, 0.0) + weight
        del self.norm[b]
        weights = centroid.values()
        self.norm[a] = math.sqrt(math.fsum(map(mul, weights, weights))) or 1.0
        mine = self.neighbours.setdefault(a, set())
        for other in self.neighbours.pop(b, set()):
            if other == a:
                continue
            mine.add(other)
            theirs = self.neighbours[other]
            theirs.discard(b)
            theirs.add(a)
        mine.discard(b)
        return a


def _cosine(one: dict[str, float], other: dict[str, float], norms: float) -> float:
    # Summed exactly (fsum): a set's order changes with the hash seed, and a float sum in
    # another order can break a tie between copies of one report the other way. The shared
    # tokens are found from the smaller of the two (a lone statement's, beside a group's),
    # going over its tokens alone: a few of them are shared, and this runs a million times.
    if len(one) > len(other):
        one, other = other, one
    return math.fsum([one[token] * other[token] for token in one if token in other]) / norms


def _different_people(ages: set[float], other: set[float]) -> bool:
    """Two groups whose reports give their subject different ages ("36-year-old", "32") tell of two people:
    two climbers' falls a day apart, not one."""
    return bool(ages and other) and not any(abs(x - y) <= 1 for x in ages for y in other)


def _agglomerate(
    profiles: list[Profile], pairs: _Pairs, linked: bytearray, acts_alike: dict[str, set[str]], openings: dict[int, int]
) -> _Groups:
    index = [p.index for p in profiles]  # one int object per statement, however many pairs name it
    neighbours: dict[int, set[int]] = {}
    for a, b, link in zip(pairs.first, pairs.second, linked):
        if link:
            a, b = index[a], index[b]
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
    groups = _Groups(profiles, neighbours, acts_alike)
    # An entry is only ever acted on while neither of its groups has changed since it was
    # pushed, and then the bar and the windows it meets are those of that moment: an entry
    # that would fail them is never pushed (nor made: most linked pairs, on the second pass).
    heap = _first_entries(profiles, pairs, linked, groups, index, openings)
    heapq.heapify(heap)
    # Each entry carries the versions of its two groups: once either has merged
    # again, the entry is stale (a fresh one was pushed at that merge) and is dropped
    # unread rather than rescored.
    version = dict.fromkeys(groups.members, 0)
    # Most entries go stale before they surface (a growing group rescores its neighbours
    # at every merge): past this many, the stale ones are swept out. Which fresh entry
    # comes first does not change.
    sweep_at = max(2 * len(heap), _HEAP_SWEEP_FLOOR)
    centroid, norm, windows, ages = groups.centroid, groups.norm, groups.window, groups.ages
    pop, push, fsum = heapq.heappop, heapq.heappush, math.fsum
    while heap:
        negative, a, b, version_a, version_b = pop(heap)
        if version.get(a) != version_a or version.get(b) != version_b:
            continue
        # Asked only of the entries that surface (far fewer than are pushed): neither group has
        # changed since the push, so the answer is the one the push would have had.
        if groups.acts.different(a, groups.members[a], b, groups.members[b]):
            continue
        kept = groups.merge(a, b)
        version.pop(b if kept == a else a)
        version[kept] += 1
        mine, own_norm, own_ages = centroid[kept], norm[kept], ages[kept]
        low, high, relative_low, relative_high = windows[kept]
        size = len(mine)
        kept_version = version[kept]
        apart = []
        # A growing group is rescored against each of its neighbours at every merge, a million
        # times in all: compatible_windows and _cosine are written out here.
        for other in neighbours.get(kept, ()):
            # Windows only narrow as groups grow: a pair whose times cannot meet now never will,
            # so it is not looked at again.
            window = windows[other]
            if not (low <= window[1] and window[0] <= high and relative_low <= window[3] and window[2] <= relative_high):
                apart.append(other)
                continue
            theirs = centroid[other]
            if len(theirs) < size:
                score = fsum([theirs[token] * mine[token] for token in theirs if token in mine]) / (own_norm * norm[other])
            else:
                score = fsum([mine[token] * theirs[token] for token in mine if token in theirs]) / (own_norm * norm[other])
            # Whether they would merge: the bar, then the ages (the windows are seen to meet above,
            # the acts asked when the entry surfaces).
            if score < LOWEST_THRESHOLD or (score < HIGHEST_THRESHOLD and score < groups.threshold(kept, other)):
                continue
            if own_ages and _different_people(own_ages, ages[other]):
                continue
            if kept < other:
                push(heap, (-score, kept, other, kept_version, version[other]))
            else:
                push(heap, (-score, other, kept, version[other], kept_version))
        for other in apart:
            neighbours[kept].discard(other)
            neighbours[other].discard(kept)
        if len(heap) > sweep_at:
            heap = [entry for entry in heap if version.get(entry[1]) == entry[3] and version.get(entry[2]) == entry[4]]
            heapq.heapify(heap)
            sweep_at = max(2 * len(heap), _HEAP_SWEEP_FLOOR)
    neighbours.clear()  # a set per statement, no longer needed once the groups are made
    return groups


_HEAP_SWEEP_FLOOR = 50_000


def _first_entries(
    profiles: list[Profile], pairs: _Pairs, linked: bytearray, groups: _Groups, index: list[int], openings: dict[int, int]
) -> list:
    """The heap's first entries: the linked pairs that would merge while every statement is alone, at least
    as alike as `threshold` asks (here read off their outlets and leads: `lone_threshold`) and `mergeable`."""
    source = [p.statement.source for p in profiles]
    lead = [p.lead for p in profiles]
    entries = []
    for a, b, score, link in zip(pairs.first, pairs.second, pairs.score, linked):
        if link and score >= LOWEST_THRESHOLD and score >= lone_threshold(source[a] == source[b], lead[a] and lead[b]) and (
            groups.mergeable(a, b)
        ):
            # An article's headline and opening sentence announce one happening: they join each other
            # before either joins anything else (a headline's one rare verb, "reinstates", would
            # otherwise take it to another outlet's background line, "if she was not reinstated").
            first = openings.get(a) == b and _one_announcement(profiles[a], profiles[b])
            entries.append((-score - ANNOUNCED_FIRST if first else -score, index[a], index[b], 0, 0))
    return entries


ANNOUNCED_FIRST = 1.0  # added to a headline-and-opening pair's likeness in the heap: above any other pair's


def lone_threshold(same_source: bool, both_leads: bool) -> float:
    """`_Groups.threshold` of two statements each alone: an article's headline and opening, and two
    outlets' headlines or openings, announce one happening; an article's other statements retell it."""
    if both_leads:
        return ANNOUNCEMENT_THRESHOLD
    return SAME_SOURCE_THRESHOLD if same_source else PAIR_THRESHOLD


def _gather_strays(
    profiles: list[Profile], edges: dict[int, list[int]], lead_links: dict[int, set[int]], groups: _Groups,
    openings: dict[int, int],
) -> list[list[int]]:
    """Statements left alone, and groups made only of headlines and openings, join the larger event
    several outlets report that they resemble most as a whole.

    Headlines and openings join on their likeness alone where their act agrees
    (they announce the story's happening); a statement alone needs an act or a
    measure in common with one of the event's statements. Every stray is judged
    against the groups as agglomeration left them, so one joining cannot pull in
    the next.
    """
    group_of = {m: g for g, members in groups.members.items() for m in members}
    moves: dict[int, int] = {}
    for group, members in groups.members.items():
        announcing = all(profiles[m].lead for m in members)
        if len(members) > 1 and not announcing:
            continue
        if announcing and len(groups.sources[group]) == 1:
            homes = [h for m in members if (h := _announced_with(profiles, groups, group_of, m, openings)) is not None]
            if homes:
                moves[group] = homes[0]
                continue
        links = set()
        for m in members:
            links |= lead_links.get(m, set()) if profiles[m].lead else set(edges.get(m, ()))
        own = groups.sources[group]
        targets = {group_of[other] for other in links} - {group}
        targets = {
            g for g in targets if len(groups.sources[g] - own) >= 2 and len(groups.members[g]) > len(members)
        }
        scored = [
            (groups.likeness(group, g), -g)
            for g in targets
            if groups.mergeable(group, g)
            and (not announcing or any(_acts_agree(profiles[m], [profiles[o] for o in groups.members[g]]) for m in members))
        ]
        if scored:
            score, negative = max(scored)
            if score >= _gathering_bar(announcing, len(own)):
                moves[group] = -negative
    result = {g: list(members) for g, members in groups.members.items()}
    for group, target in moves.items():
        result[target].extend(result[group])
        result[group] = []
    return [sorted(members) for members in result.values() if members]


def _gathering_bar(announcing: bool, outlets: int) -> float:
    """How alike a group left alone must be to the event it joins.

    Headlines and openings of several outlets gathered on their own announce one
    happening in words of their own ("a $2.1 billion investment", where the
    event's reports say "took a 40% stake"): they join the event they most
    resemble on the bar two announcing groups merge on. One article's alone
    needs more: its headline may announce something else.
    """
    if announcing:
        return ANNOUNCEMENT_THRESHOLD if outlets > 1 else LEAD_THRESHOLD
    return STRAY_THRESHOLD


def _openings(profiles: list[Profile]) -> dict[int, int]:
    """Each article's first two statements (its headline and opening sentence), each mapped to the other."""
    first: dict[str, list[Profile]] = defaultdict(list)
    for profile in profiles:
        first[profile.statement.source].append(profile)
    pairs = {}
    for own in first.values():
        if len(own) >= 2:
            head, opening = sorted(own, key=lambda p: p.statement.start)[:2]
            pairs[head.index], pairs[opening.index] = opening.index, head.index
    return pairs


def _announced_with(
    profiles: list[Profile], groups: _Groups, group_of: dict[int, int], lone: int, openings: dict[int, int]
) -> int | None:
    """The event that took the other of an article's headline and opening sentence, when this one
    was left behind with its article's other lead statements and the two announce one happening.

    A headline often joins another outlet's report first ("Steve Jobs resigns" with "On August 24,
    Jobs resigned"), and its opening, told in other words ("has chosen to step down from his post"),
    is then too unlike that event as a whole to follow.
    """
    partner = openings.get(lone)
    if partner is None:
        return None
    target = group_of[partner]
    if (
        target != group_of[lone]
        and _one_announcement(profiles[lone], profiles[partner])
        and similarity(profiles[lone], profiles[partner]) >= ANNOUNCEMENT_THRESHOLD
        and groups.mergeable(group_of[lone], target)
    ):
        return target
    return None


def _acts_agree(lead: Profile, members: list[Profile]) -> bool:
    """A headline naming no act of its own ("Ten dead in Iran quake") may join; one that names an act
    ("plans to cut ties") joins only an event whose statements name that act too, as verb or noun."""
    return not lead.actions or any(name_one_act(lead, member) for member in members)


# -- events -------------------------------------------------------------------------------------------


def _main_entities(statements: list[Statement], source_count: int) -> set[str]:
    """The entities the story is about: named by many of the sources."""
    sources_by_entity: dict[str, set[str]] = defaultdict(set)
    for statement in statements:
        for entity in statement.entities:
            sources_by_entity[entity].add(statement.source)
    if not sources_by_entity:
        return set()
    needed = max(2, math.ceil(0.4 * source_count)) if source_count > 1 else 1
    main = {e for e, used in sources_by_entity.items() if len(used) >= needed}
    if not main:
        top = max(len(used) for used in sources_by_entity.values())
        main = {e for e, used in sources_by_entity.items() if len(used) == top}
    return main


# Events from which a forked child works out half of what they say as wholes (_event_said): below it,
# starting the child costs about what it saves.
EVENTS_IN_TWO_FROM = 2_000


class _Said(NamedTuple):
    """What an event's statements say as a whole."""

    title: str
    span: TimeSpan
    confidence: float
    entities: list[str]  # most named first
    sources: list[str]  # in the corpus's order


def _ordered(profiles: list[Profile], members: list[int]) -> list[int]:
    return sorted(members, key=lambda m: profiles[m].order)


def _event_said(
    profiles: list[Profile], members: list[int], source_rank: dict[str, int], main_entities: set[str], source_count: int
) -> _Said:
    ordered = _ordered(profiles, members)
    statements = [profiles[m].statement for m in ordered]
    entity_counts = Counter(e for s in statements for e in dict.fromkeys(s.entities))
    entities = [e for e, _ in sorted(entity_counts.items(), key=lambda item: (-item[1], item[0]))]
    sources = sorted({s.source for s in statements}, key=lambda s: (source_rank.get(s, len(source_rank)), s))
    return _Said(
        title=event_title(statements, frozenset(profiles[m].statement.id for m in members if profiles[m].lead)),
        span=event_span(statements),
        confidence=event_confidence(
            statements, entities, sources, main_entities, source_count, [profiles[m].content_words for m in ordered]
        ),
        entities=entities,
        sources=sources,
    )


def _event(profiles: list[Profile], members: list[int], tellers: list[int], source_rank: dict[str, int], said: _Said) -> Event:
    statements = [profiles[m].statement for m in _ordered(profiles, members)]
    anchor = min(statements, key=lambda s: (s.source, s.start))
    telling = [profiles[m].statement for m in sorted(tellers, key=lambda m: profiles[m].order)]
    event = Event(
        id=event_id(anchor),
        title=said.title,
        span=said.span,
        confidence=said.confidence,
        entities=said.entities,
        sources=said.sources,
        statements=statements,
        mentions=[s.id for s in telling],
    )
    if telling:  # their outlets report it too, though not in its own statements
        event.sources = sources_in_order(event, source_rank)
    return event


def event_id(anchor: Statement) -> str:
    """Stable across runs and across edits elsewhere: a hash of the anchor statement's source and words."""
    normalised = " ".join(re.findall(r"[a-z0-9]+", anchor.text.lower()))
    digest = hashlib.sha1(f"{anchor.source}|{normalised}".encode()).hexdigest()
    return f"ev-{digest[:10]}"


def _disambiguate_ids(events: list[Event]) -> None:
    # Two events anchored on the same words of one source (a repeated line): number
    # the later ones by position so that each id stays unique and still stable.
    by_id: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_id[event.id].append(event)
    for same in by_id.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda e: min((s.source, s.start) for s in e.statements))
        for number, event in enumerate(same[1:], start=2):
            event.id = f"{event.id}-{number}"


def event_span(statements: list[Statement]) -> TimeSpan:
    """The most precise trustworthy span the statements give; a "reported by" bound only when none dates it."""
    dated = [
        s.span for s in statements if s.span.modifier not in (Modifier.REPORTED, Modifier.UNDATED) and not dates_a_thing(s)
    ]
    first_report = min((s.span.end for s in statements if s.span.modifier is Modifier.REPORTED), default=None)
    if first_report is not None:
        # A vague reading that takes in the day the happening was first reported ("recently backed
        # by ...": the months up to publication) dates it no better than that report does.
        dated = [span for span in dated if span.confidence >= 0.4 or not span.start <= first_report <= span.end]
    trusted = [span for span in dated if span.confidence >= 0.5] or dated
    trusted = _retold(statements, _corroborated(statements, trusted))
    if trusted:
        votes = Counter((span.start, span.end) for span in trusted)
        return min(
            trusted,
            key=lambda span: (
                span.precision.rank,
                span.modifier is not Modifier.NONE,
                -votes[(span.start, span.end)],
                -span.confidence,
                span.start,
            ),
        )
    # Failing those, what bounds it: a publication date, else no date (not a year that dates something else).
    reported = (
        [s.span for s in statements if s.span.modifier is Modifier.REPORTED]
        or [s.span for s in statements if s.span.modifier is Modifier.UNDATED]
        or [s.span for s in statements]
    )
    return min(reported, key=lambda span: (span.end, -span.confidence))


def _corroborated(statements: list[Statement], spans: list[TimeSpan]) -> list[TimeSpan]:
    """Drop a date that one source gives long before everyone else reports the event.

    Such a date usually belongs to another fact in the same sentence ("founded in
    2016 and valued at $29 billion after the deal"); the others leave it undated.
    """
    sources = {s.source for s in statements}
    undated_sources = sources - {s.source for s in statements if s.span.modifier is not Modifier.REPORTED}
    if len(undated_sources) < 2 or len(undated_sources) * 2 < len(sources):
        return spans
    first_report = min((s.span.end for s in statements if s.span.modifier is Modifier.REPORTED), default=None)
    if first_report is None:
        return spans
    dating_sources = _sources_dating(statements)
    return [
        span
        for span in spans
        if len(dating_sources[(span.start, span.end)]) >= 2 or (first_report - span.end).days <= 366
    ]


def _retold(statements: list[Statement], spans: list[TimeSpan]) -> list[TimeSpan]:
    """Drop a year or month fewer outlets give than date the happening by its day in words their
    undated articles leave unresolved.

    "Mark Felt died on Friday", say many reports; a few retell "in 1972 he was the FBI's No. 2" in the
    same sentence. With no article dated, the explicit year is all a date could come from, and it
    belongs to the background: the happening is the news of the articles' own (unknown) days.
    """
    by_day = {s.source for s in statements if tells_its_day(s)}
    if len(by_day) < 2:
        return spans
    dating_sources = _sources_dating(statements)
    return [
        span for span in spans
        if span.precision in (Precision.DAY, Precision.WEEK) or len(dating_sources[(span.start, span.end)]) >= len(by_day)
    ]


def _sources_dating(statements: list[Statement]) -> dict[tuple[date, date], set[str]]:
    """The outlets giving each span (start, end) by words of their own, not as a "reported by" bound."""
    dating_sources: dict[tuple[date, date], set[str]] = defaultdict(set)
    for statement in statements:
        if statement.span.modifier is not Modifier.REPORTED:
            dating_sources[(statement.span.start, statement.span.end)].add(statement.source)
    return dating_sources


def event_confidence(
    statements: list[Statement],
    entities: list[str],
    sources: list[str],
    main_entities: set[str],
    source_count: int,
    content_words: list[int],
) -> float:
    """High for a happening several sources date and name; low for noise.

    `content_words`: how many content words each statement has (its profile counted them).
    """
    if all(_BOILERPLATE.search(s.text) for s in statements):
        return 0.05
    confidence = 0.35 + 0.6 * (len(sources) - 1) / max(source_count - 1, 1) if source_count > 1 else 0.6
    if any(s.span.modifier is not Modifier.REPORTED for s in statements):
        confidence += 0.1
    if any(s.figures for s in statements):
        confidence += 0.05
    if not entities:
        # Opinion filler or a stray line: nothing the story is about is named.
        confidence *= 0.3 if len(sources) == 1 else 0.6
    elif main_entities and not set(entities) & main_entities:
        confidence *= 0.35  # names only things the rest of the corpus never mentions: off-topic
    if len(sources) == 1 and all(count < 5 for count in content_words):
        confidence *= 0.5
    return round(min(max(confidence, 0.0), 1.0), 2)
