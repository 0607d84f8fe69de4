"""Whether two articles tell one story, from all their words: two statements that name no participant
in common, from articles that share almost no words, are alike by a coincidence of wording, not two
reports of one happening.

Articles of one story mostly clear the bar, and where they report one happening they name a participant
in common; a folder of many stories (a wire archive, a reader's downloads) is full of pairs that do
neither: "Laci disappeared from the couple's home in Modesto" and "Ms Page disappeared for decades"
share a verb, and their articles hardly a word.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from scaletui.events.similarity import Profile

# Cosine of two articles' summed statement vectors below which they tell two stories, unless the two
# statements name a participant in common. About one pair of articles of one ECB+ story in fifteen falls
# below it (an article on the story's background, a very short one); two stories' articles, nine in ten.
STORY_AFFINITY = 0.15


class ArticleAffinity:
    """Cosines between articles' summed statement vectors, each pair of articles computed once, when asked."""

    def __init__(self, profiles: list[Profile]) -> None:
        sums: dict[str, dict[str, float]] = defaultdict(dict)
        for profile in profiles:
            total = sums[profile.statement.source]
            for token, weight in profile.vector.items():
                total[token] = total.get(token, 0.0) + weight
        self._vectors: dict[str, dict[str, float]] = {}
        for source, total in sums.items():
            norm = math.sqrt(math.fsum(w * w for w in total.values())) or 1.0
            self._vectors[source] = {token: weight / norm for token, weight in total.items()}
        self._known: dict[tuple[str, str], float] = {}

    def __call__(self, one: str, other: str) -> float:
        if one == other:
            return 1.0
        key = (one, other) if one < other else (other, one)
        if key not in self._known:
            a, b = self._vectors[key[0]], self._vectors[key[1]]
            if len(a) > len(b):
                a, b = b, a
            self._known[key] = math.fsum([w * b[t] for t, w in a.items() if t in b])
        return self._known[key]


def within_stories(profiles: list[Profile], first: Sequence[int], second: Sequence[int]) -> bytearray | None:
    """1 for each candidate pair that may tell one story, 0 for one that crosses stories (None: all may)."""
    affinity = ArticleAffinity(profiles)
    source = [p.statement.source for p in profiles]
    named = [frozenset(token for token in p.vector if token[0] == "@") for p in profiles]
    keep = bytearray(b"\x01") * len(first)
    crossing = 0
    for i, (a, b) in enumerate(zip(first, second)):
        source_a, source_b = source[a], source[b]
        if source_a != source_b and named[a].isdisjoint(named[b]) and affinity(source_a, source_b) < STORY_AFFINITY:
            keep[i] = 0
            crossing += 1
    return keep if crossing else None
