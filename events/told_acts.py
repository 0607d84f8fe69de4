"""What a group of reports tells of, and when two groups tell of different happenings.

One story's happenings share their people, places and sums: the arrest and the
charge of one man, the attack on a browser and its patch. What sets them apart
is the act. A group that most of its reports tell as one act ("arrested"), and
another told as another ("charged"), each hardly naming the other's act in any
word, are two happenings however alike their words are otherwise.

Outlets tell one act in different words ("ousted", "fired"), so the words the
story itself uses alike count as one: the paraphrases grouping learns from
reports it has already joined, and those an article's headline and opening
use for the one happening they announce.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from scaletui.events.similarity import Profile
from scaletui.events.words import rarity

MAIN_ACT_SHARE = 0.5  # an act at least this share of a group's reports tell is what the group tells of
OTHER_ACT_SHARE = 0.1  # an act fewer than this share of a group's reports name, as verb or noun, is not theirs
ACT_GROUP_SIZE = 3  # groups this large have acts of their own to compare
MAIN_ACT_RARITY = 0.5  # an act as everyday as "say" or "tell" is how a report is told, not what happened
ANNOUNCED_ALIKE_SUPPORT = 2  # articles whose headline and opening must tell two acts for one


class GroupActs:
    """Per group (of ACT_GROUP_SIZE reports or more, once asked): how many of its reports tell each
    act, and how many name it in any word, kept up as groups merge."""

    def __init__(self, profiles: list[Profile], alike: dict[str, set[str]]):
        self.profiles = profiles
        self.alike = alike
        # Only the words that are some statement's act are counted: a group's words are many.
        self.acts_told = frozenset().union(*(p.actions for p in profiles))
        self.counts: dict[int, tuple[Counter, Counter]] = {}
        self.main: dict[int, list[str]] = {}

    def different(self, a: int, a_members: list[int], b: int, b_members: list[int]) -> bool:
        """Whether groups `a` and `b` tell of different happenings by their acts."""
        if len(a_members) < ACT_GROUP_SIZE or len(b_members) < ACT_GROUP_SIZE:
            return False
        mine, theirs = self._main_acts(a, a_members), self._main_acts(b, b_members)
        return (
            bool(mine and theirs)
            and not self._names_any(b, b_members, mine)
            and not self._names_any(a, a_members, theirs)
        )

    def merged(self, kept: int, folded: int, folded_members: list[int]) -> None:
        """Group `folded`, of `folded_members`, has joined group `kept`."""
        counts = self.counts.get(kept)
        if counts is not None:  # kept up by the smaller group's members, as a centroid is
            self._count(counts, folded_members)
        self.counts.pop(folded, None)
        self.main.pop(kept, None)
        self.main.pop(folded, None)

    def _counts(self, group: int, members: list[int]) -> tuple[Counter, Counter]:
        counts = self.counts.get(group)
        if counts is None:
            counts = self.counts[group] = (Counter(), Counter())
            self._count(counts, members)
        return counts

    def _count(self, counts: tuple[Counter, Counter], members: list[int]) -> None:
        told, named = counts
        for member in members:
            profile = self.profiles[member]
            told.update(profile.actions)
            named.update(profile.lemmas & self.acts_told)

    def _main_acts(self, group: int, members: list[int]) -> list[str]:
        main = self.main.get(group)
        if main is None:
            least = MAIN_ACT_SHARE * len(members)
            main = self.main[group] = [
                act
                for act, count in self._counts(group, members)[0].items()
                if count >= least and rarity(act) >= MAIN_ACT_RARITY
            ]
        return main

    def _names_any(self, group: int, members: list[int], acts: list[str]) -> bool:
        named, least = self._counts(group, members)[1], OTHER_ACT_SHARE * len(members)
        return any(named[act] + sum(named[other] for other in self.alike.get(act, ())) >= least for act in acts)


def announced_alike(profiles: list[Profile], openings: dict[int, int]) -> dict[str, set[str]]:
    """Acts an article's headline and opening tell one happening by ("Board ousts Keller",
    "the board fired Keller"), where ANNOUNCED_ALIKE_SUPPORT articles or more pair them."""
    seen: Counter = Counter()
    for head, opening in openings.items():
        if head < opening:
            one, other = profiles[head].actions, profiles[opening].actions
            for act in one - other:
                for paraphrase in other - one:
                    seen[frozenset((act, paraphrase))] += 1
    alike: dict[str, set[str]] = defaultdict(set)
    for pair, count in seen.items():
        if count >= ANNOUNCED_ALIKE_SUPPORT:
            act, paraphrase = pair
            alike[act].add(paraphrase)
            alike[paraphrase].add(act)
    return alike


def joined(*alikes: dict[str, set[str]]) -> dict[str, set[str]]:
    """Several tables of acts told alike, as one."""
    both: dict[str, set[str]] = defaultdict(set)
    for alike in alikes:
        for act, others in alike.items():
            both[act] |= others
    return both
