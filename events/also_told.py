"""Statements grouped with one event that tell another as well: their outlets are not silent on it.

Grouping puts each statement in one event, yet a happening's reports are
sometimes split over two events (one outlet's "a jury convicted him" among the
"found guilty" reports, the others' "was convicted" on their own), and a
sentence may tell two happenings at once. An outlet whose only report of a
happening sits in another event would be marked silent on it, falsely. Such a
statement is listed among that happening's event's `mentions`, so the outlet
counts among its sources and the comparison shows what it said.

A statement tells another event when three things hold:
- it and one of that event's statements, from another outlet, are alike on a
  pair-level bar and may report one happening (they name its act, give its
  measure, or tell of the same doer and other party; or, one of them naming no
  act by a verb, both name it by a noun: "the site of the cut", "the cause of the cut");
- its words are nearly as close to that event's reports, taken together, as
  to the other reports of its own event (three quarters as close; a lone
  statement has no others);
- its outlet is not among that event's own outlets.
Each statement tells two other events at most, those with its likest reports,
the second only if several outlets report it (a sentence often tells its own
happening and the one it follows from; a lone sentence's likeness to another is
mostly shared background); each outlet is represented in an event by its likest
such statement.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from scaletui.events.similarity import Profile, may_report_one_happening
from scaletui.events.words import names_an_act

ALSO_TOLD_THRESHOLD = 0.2  # a pair of statements this alike may tell one happening in other words
# How close to the other event's reports, as a share of how close to its own event's, a statement's
# words must be: a report of the story's main happening is near its side events too, but nearer its own.
OWN_EVENT_SHARE = 0.75
TOLD_EVENTS = 2  # "shaken awake by a magnitude 4.6 earthquake" tells the quake and the shaking
SECOND_TOLD_OUTLETS = 2  # a second event told must have this many outlets of its own


def also_told(profiles: list[Profile], pairs: Iterable[tuple[int, int, float]], groups: list[list[int]]) -> dict[int, list[int]]:
    """{first member of a group: statements of other groups that tell its happening too}.

    `pairs`: (statement, statement, likeness) for candidate pairs, by profile index.
    """
    group_of = {m: members[0] for members in groups for m in members}
    members_of = {members[0]: members for members in groups}
    sources_of = {members[0]: {profiles[m].statement.source for m in members} for members in groups}
    likest: dict[int, dict[int, tuple[float, int]]] = {}  # teller -> {group it tells: (likeness, -statement it is like)}
    named_alike = _NamedAlike(profiles)
    for a, b, score in pairs:
        if score < ALSO_TOLD_THRESHOLD:
            continue
        group_a, group_b = group_of[a], group_of[b]
        if group_a == group_b:
            continue
        for teller, other, group in ((b, a, group_a), (a, b, group_b)):
            if profiles[teller].statement.source in sources_of[group]:
                continue
            if (score, -other) > likest.get(teller, {}).get(group, (0.0, 0)) and (
                may_report_one_happening(profiles[teller], profiles[other]) or named_alike(teller, other)
            ):
                likest.setdefault(teller, {})[group] = (score, -other)
    sums = _Sums(profiles, members_of)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for teller, told_by in likest.items():
        own = group_of[teller]
        # how close the teller is to the rest of its own event (a lone statement has no rest: no bar)
        own_bar = OWN_EVENT_SHARE * sums.likeness(teller, own, member=True) if len(members_of[own]) > 1 else 0.0
        likest_first = sorted(told_by.items(), key=lambda item: (item[1], -item[0]), reverse=True)
        for rank, (group, (score, _)) in enumerate(likest_first[:TOLD_EVENTS]):
            if rank and len(sources_of[group]) < SECOND_TOLD_OUTLETS:
                continue
            if own_bar and sums.likeness(teller, group) < own_bar:
                continue
            key = (group, profiles[teller].statement.source)
            if key not in best or (score, -teller) > (best[key][0], -best[key][1]):
                best[key] = (score, teller)
    told: dict[int, list[int]] = {}
    for (group, _), (_, teller) in sorted(best.items(), key=lambda item: item[1][1]):
        told.setdefault(group, []).append(teller)
    return told


class _NamedAlike:
    """Whether one of two statements tells its happening without a verb of its own, and both use a noun
    that names an act ("cut", "leave", "launch"). Grouping does not count such nouns as acts (two
    statements that both lack a verb are too loosely tied to become one event); here one statement
    only vouches for its outlet."""

    def __init__(self, profiles: list[Profile]) -> None:
        self._profiles = profiles
        self._nouns: dict[int, frozenset[str]] = {}  # a statement asked about again and again is read once

    def __call__(self, a: int, b: int) -> bool:
        one, other = self._profiles[a], self._profiles[b]
        return (not one.actions or not other.actions) and not self._act_nouns(a).isdisjoint(self._act_nouns(b))

    def _act_nouns(self, index: int) -> frozenset[str]:
        if index not in self._nouns:
            vector = self._profiles[index].vector
            self._nouns[index] = frozenset(word for word in vector if word[0] not in "@#" and names_an_act(word))
        return self._nouns[index]


class _Sums:
    """Each group's summed word vector, made once a group is asked about (a big event is asked about often)."""

    def __init__(self, profiles: list[Profile], members_of: dict[int, list[int]]) -> None:
        self._profiles = profiles
        self._members_of = members_of
        self._sum: dict[int, tuple[dict[str, float], float]] = {}  # group -> (summed vector, its squared norm)

    def likeness(self, statement: int, group: int, member: bool = False) -> float:
        """Cosine of the statement's words and the sum of the group's members' (`member`: the statement is one
        of them, and only the others count)."""
        if group not in self._sum:
            total: dict[str, float] = {}
            for other in self._members_of[group]:
                for token, weight in self._profiles[other].vector.items():
                    total[token] = total.get(token, 0.0) + weight
            self._sum[group] = (total, math.fsum(w * w for w in total.values()))
        total, squared = self._sum[group]
        vector = self._profiles[statement].vector
        dot = math.fsum([weight * total[token] for token, weight in vector.items() if token in total])
        if member:  # the others' sum: the group's without this statement
            own = math.fsum(w * w for w in vector.values())
            dot, squared = dot - own, squared - 2 * dot + own
        return dot / math.sqrt(squared) if squared > 1e-12 else 0.0
