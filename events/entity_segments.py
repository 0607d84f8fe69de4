"""Cut a capitalised run into the names it contains.

In a title-case heading only names seen in running text are kept
("Brightwater Logistics Group Agrees To Buy Kestrel Terminals" -> two names);
in running text a one-off run that is known names with ordinary words between
is split ("Meta Deal Scale AI"), and a common opening word glued to a known
name is dropped ("Rival Verona Biotech", "said Power Gemini").

Linear in the run's length: a piece is looked up only up to the longest name
the corpus knows, so a pathological run ("Acme Beta Acme Beta ..." for 100 KB)
costs no more than its words.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from scaletui.events.entity_lexicon import city_population, common_word, given_name, region
from scaletui.events.names import CONNECTORS, GENERIC_ACRONYMS, Mention, Token, Vocabulary, is_acronym, is_camel, lexicon_cues, surface
from scaletui.events.reconcile import key

# a name longer than this many words is not looked up as one
LONGEST_NAME = 8


def mention_tokens(m: Mention, tokens: list[Token], starts: list[int]) -> list[Token]:
    """The tokens inside a mention, found by bisection (`starts`: the token starts)."""
    i = bisect_left(starts, m.start)
    out = []
    while i < len(tokens) and tokens[i].end <= m.end:
        out.append(tokens[i])
        i += 1
    return out


def _units(toks: list[Token]) -> list[list[Token]]:
    """Words of the run, a hyphenated word ("Rolls-Royce") being one."""
    units: list[list[Token]] = []
    for t in toks:
        if units and t.gap == "-":
            units[-1].append(t)
        else:
            units.append([t])
    return units


@dataclass
class KnownNames:
    """Names seen in running text: word sequences with counts, and the words that start one."""

    counts: Counter
    longest: int = 1
    heads: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, counts: Counter) -> KnownNames:
        longest = min(max((len(k) for k in counts), default=1), LONGEST_NAME)
        return cls(counts, longest, {k[0] for k in counts})


def segment(m: Mention, toks: list[Token], names: KnownNames, vocab: Vocabulary, headline: bool) -> list[Mention]:
    known, longest = names.counts, names.longest
    units = _units(toks)
    if not units:
        return [] if headline else [m]
    if len(units) == 1 and not headline:
        return [m]  # one word in running text (most names): nothing to cut
    if len(units) > LONGEST_NAME:
        headline = True  # no name is this long: keep only the known names inside, as in a heading
    words = [key(surface(u)) for u in units]
    whole = known.get(tuple(words), 0) if len(words) <= longest else 0
    if not headline and len(words) >= 2 and whole <= 1 and len(words) - 1 <= longest and words[1] not in CONNECTORS and (
        known.get(tuple(words[1:]), 0) >= 1 or (len(words) == 2 and words[1] in names.heads)
    ):
        ordinary = vocab.common(words[0]) or common_word(words[0])
        opener_unused = ordinary and (vocab.capital[words[0]] == 0 if m.initial else vocab.capital[words[0]] <= 1)
        if opener_unused and not (len(words) == 2 and given_name(words[0])):  # "Mark Zuckerberg" stays whole
            # "Rival Verona Biotech" at a sentence start, "said Power Gemini" mid-sentence: the
            # opening word is not otherwise written as a name, and the rest is a known name
            return [_piece(m, units, 1, len(units), headline, keep_cues=True)]
    if not headline and len(words) < 3:
        return [m]
    if not headline and _described_person(words, known, often=whole >= 2):
        # "Moviemaker Gary Ross", "Angels GM Tony Reagins": what the person is, then who,
        # even written together again and again ("Englishman Robert Buckley")
        prefix = tuple(words[:-2])
        person = _piece(m, units, len(units) - 2, len(units), headline, keep_cues=False)
        return [_piece(m, units, 0, len(units) - 2, headline, keep_cues=False), person] if known.get(prefix, 0) >= 1 else [person]
    span = min(longest, len(units) if headline else len(units) - 1)
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        best = 0
        for j in range(min(len(units), i + span), i, -1):
            if known.get(tuple(words[i:j]), 0) >= 1 and (j - i > 1 or not vocab.common(words[i])):
                best = j
                break
        if best:
            pieces.append((i, best))
            i = best
        elif headline and len(units[i]) == 1 and (is_camel(units[i][0].text) or is_acronym(units[i][0].text)) and units[i][0].lower not in GENERIC_ACRONYMS:
            pieces.append((i, i + 1))
            i += 1
        else:
            if not headline and (i == 0 or vocab.common(words[i]) is False):
                return [m]  # an unknown word at the edge or a rare word inside: keep the run whole
            i += 1
    if not headline and (not pieces or pieces[-1][1] != len(units)):
        return [m]
    if not headline and (whole >= 2 or any(known.get(tuple(words[a:b]), 0) < whole for a, b in pieces)):
        return [m]  # the whole run recurs ("San Diego Chargers"): a name of its own
    return [_piece(m, units, a, b, headline, keep_cues=(a, b) == (0, len(units))) for a, b in pieces]


def _described_person(words: list[str], known: Counter, often: bool) -> bool:
    """A run ending in a known given name and surname, after words that hold no given name.

    `often`: the whole run recurs, so it may be a name of its own ("Boston Red Sox",
    "New York Yankees"): the given name must then be no English word and no place.
    """
    first = words[-2]
    if often and (common_word(first) or city_population(first) or region(first)):
        return False
    return known.get(tuple(words[-2:]), 0) >= 1 and given_name(first) and not any(given_name(word) for word in words[:-2])


def _piece(m: Mention, units: list[list[Token]], a: int, b: int, headline: bool, keep_cues: bool) -> Mention:
    toks = [t for u in units[a:b] for t in u]
    last = toks[-1]
    sub = Mention(m.statement, toks[0].start, last.end, surface(toks), m.initial if a == 0 else False,
                  last.possessive, headline=headline)
    if keep_cues:
        sub.cues, sub.priors = m.cues.copy(), m.priors.copy()
    else:
        lexicon_cues(toks, sub)
    sub.role = m.role if b == len(units) else ""
    sub.possessor = m.possessor if a == 0 else ""
    sub.attribution = m.attribution
    return sub
