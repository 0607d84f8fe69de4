"""A readable title for an event, made from its most informative statement.

No parser: the title is the statement's main clause, found by dropping the
reporting frame ("According to X,", ", sources said"), leading connectives
("However,") and, in a long statement, the trailing subordinate clauses. It is
never cut mid-clause: the screen truncates, the timeline file keeps it whole.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

from scaletui.events.model import Statement

MAX_TITLE = 68

_TITLE_WORD = re.compile(r"[a-z]{4,}")  # the words a statement shares with the rest of its event

_LEADING = re.compile(
    r"^(?:(?:and|but|yet|so)\s+(?=\w)|(?:however|meanwhile|moreover|additionally|furthermore|interestingly|similarly|also|still|now|"
    r"recently|in addition|in a statement|as a result|despite the shift|for now)\s*,\s*|"
    r"(?:according to [^,]{1,60},\s*)|"
    r"(?:(?:recently,\s*)?it (?:was|has been|is) (?:reported|said|announced|learned) that\s+)|"
    r"(?:(?:the |several |two |three |four |five |many |some |multiple |internal |industry )?"
    r"(?:sources?|insiders?|people|analysts?|officials?|reports?)[^,]{0,50}? (?:said|say|says|suggest|indicate|"
    r"believe|reported|told \w+)(?: that)?\s+))",
    re.IGNORECASE,
)
# A short opening phrase that names nothing ("As part of the deal,", "Despite the shift,").
_OPENING_PHRASE = re.compile(
    r"^(?i:as|in|on|at|after|before|despite|following|for|with|by|since|amid|under|while|once)\b[^,A-Z]{0,40},\s+(?=\S)"
)
_TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:(?:according to|as reported by|cited by)\b.*|(?:the |a |two |three |four |five |several )?"
    r"(?:sources?|people|person|insiders?|spokes\w+|officials?)\b[^,]{0,40}\b(?:said|say|says|told)\b.*|"
    r"(?:he|she|they|it) (?:said|says|added)\b.*)$",
    re.IGNORECASE,
)
_CLAUSE_CUT = re.compile(
    r",\s+(?:which|who|whose|though|although|a deal|a move|a process|while|but|as|after|following|with|where|in a|"
    r"prompting|giving|bringing|making|saying|according)\b|\s+[–—-]\s+|;\s|:\s|\s\(",
    re.IGNORECASE,
)


def event_title(statements: list[Statement], announcing: frozenset[str] = frozenset()) -> str:
    """The event's title: its most informative statement's main clause, whole.

    Where outlets headline or open with the event (`announcing`: those
    statements' ids), the title is one of those: they say what happened, where
    the rest of a large event adds its background. Never cut mid-clause with an
    ellipsis: the timeline truncates on screen, the file and the detail view
    keep the whole title.
    """
    if not statements:
        return ""
    word_sets = [set(_TITLE_WORD.findall(s.claim.lower())) for s in statements]
    shared = Counter(chain.from_iterable(word_sets))
    # Asked once, not statement by statement: a large event has hundreds.
    announced = not announcing.isdisjoint(s.id for s in statements)
    scored = [
        (_informativeness(s, words, shared), -len(s.text), s.id, s)
        for s, words in zip(statements, word_sets)
        if s.id in announcing or not announced
    ]
    best = max(scored, key=lambda item: item[:3])[3]
    return short_title(best.claim)


def short_title(text: str) -> str:
    text = " ".join(text.split()).strip(" \"'“”")
    for _ in range(3):
        stripped = _LEADING.sub("", text, count=1)
        if stripped == text:
            stripped = _OPENING_PHRASE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _TRAILING_ATTRIBUTION.sub("", text)
    text = text.rstrip(" .;:,")
    if len(text) > MAX_TITLE:
        for cut in _CLAUSE_CUT.finditer(text):
            if 25 <= cut.start() <= MAX_TITLE:
                text = text[: cut.start()]
                break
    text = text.strip()
    return text[:1].upper() + text[1:]


def _is_headline(statement: Statement) -> bool:
    text = statement.text.strip()
    if not text or text[-1] in ".!?\"”" or len(text) > 100:
        return False
    words = [w for w in text.split() if w[0].isalpha()]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitalised / len(words) >= 0.5


def _informativeness(statement: Statement, words: set[str], shared: Counter) -> float:
    """What a statement shares with the rest of its event, plus what it names and counts."""
    centrality = sum(1 for w in words if shared[w] > 1) / (len(words) ** 0.5 or 1)
    score = centrality + 0.5 * len(set(statement.entities)) + 0.5 * len(statement.figures)
    if _is_headline(statement):
        score += 1.5
    if len(statement.text) > 220:
        score -= 1.0
    return score
