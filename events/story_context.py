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
from operator import mul

from scaletui.events.similarity import Profile

# Cosine of two articles' summed statement vectors below which they tell two stories, unless the two
# statements name a participant in common. About one pair of articles of one ECB+ story in fifteen falls
# below it (an article on the story's background, a very short one); two stories' articles, nine in ten.
STORY_AFFINITY = 0.15


class ArticleAffinity:
    """Cosines between articles' summed statement vectors, each pair of articles computed once, when asked.

    An article's vector is summed when first asked for: each half of the candidate pairs
    (events.clustering._pairs) sums those its own pairs meet, on its own core.
    """

    def __init__(self, profiles: list[Profile]) -> None:
        self._profiles: dict[str, list[Profile]] = defaultdict(list)
        for profile in profiles:
            self._profiles[profile.statement.source].append(profile)
        self._vectors: dict[str, dict[str, float]] = {}
        self._known: dict[tuple[str, str], float] = {}

    def _vector(self, source: str) -> dict[str, float]:
        vector = self._vectors.get(source)
        if vector is None:
            total: dict[str, float] = {}
            for profile in self._profiles[source]:
                for token, weight in profile.vector.items():
                    total[token] = total.get(token, 0.0) + weight
            norm = math.sqrt(math.fsum(w * w for w in total.values())) or 1.0
            vector = self._vectors[source] = {token: weight / norm for token, weight in total.items()}
        return vector

    def __call__(self, one: str, other: str) -> float:
        if one == other:
            return 1.0
        key = (one, other) if one < other else (other, one)
        if key not in self._known:
            a, b = self._vector(key[0]), self._vector(key[1])
            shared = a.keys() & b.keys()  # found in C: articles share a few of their hundred-odd words
            self._known[key] = math.fsum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
        return self._known[key]


class StoryBounds:
    """Which candidate pairs may tell one story: the statements' outlets and participants, and the
    articles' likeness (each pair of articles computed once, when asked)."""

    def __init__(self, profiles: list[Profile]) -> None:
        self._affinity = ArticleAffinity(profiles)
        self._source = [p.statement.source for p in profiles]
        self._named = [frozenset(token for token in p.vector if token[0] == "@") for p in profiles]

    def within(self, first: Sequence[int], second: Sequence[int]) -> bytearray | None:
        """1 for each candidate pair that may tell one story, 0 for one that crosses stories (None: all may)."""
        source, named, affinity = self._source, self._named, self._affinity
        keep = bytearray(b"\x01") * len(first)
        crossing = 0
        for i, (a, b) in enumerate(zip(first, second)):
            source_a, source_b = source[a], source[b]
            if source_a != source_b and named[a].isdisjoint(named[b]) and affinity(source_a, source_b) < STORY_AFFINITY:
                keep[i] = 0
                crossing += 1
        return keep if crossing else None

