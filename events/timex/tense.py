"""Which way a sentence points in time, read from the words near a time expression.

Deliberately shallow: the nearest tense cue in the same clause wins. A news sentence
often mixes tenses ("had begun ... months ago, though its CFO said it will continue"),
so the clause around the expression matters more than the sentence as a whole.
"""

from __future__ import annotations

import re

from scaletui.events.figures import lowered_alike
from scaletui.events.words import simple_past

PAST = "past"
FUTURE = "future"

_FUTURE_CUES = (
    r"\b(?:will|shall|won't|wo\s+n't|'ll|would|is\s+going\s+to|are\s+going\s+to|going\s+to"
    r"|(?:expects?|expected|plans?|planned|planning|aims?|aiming|intends?|intending|hopes?|"
    r"seeks?|set|scheduled|slated|poised|is|are|wants?|promised?|pledged?|vowed?)\s+to\s+(?!\w+ing\b)"
    r"|upcoming|forthcoming|next|coming|tomorrow|later\s+this|from\s+now)\b"
)
_PAST_VERBS = (
    "said|told|was|were|had|did|met|went|came|began|begun|took|made|gave|saw|left|sold|bought|paid|spent|rose|fell|"
    "grew|won|lost|held|led|became|brought|thought|found|knew|wrote|ran|built|sent|struck|fought|stood|spoke|"
    "chose|drove|flew|forgot|froze|got|hid|kept|lay|lent|meant|overtook|paid|rode|rang|sank|sang|shook|shot|"
    "slid|sought|sprang|stole|swore|taught|tore|threw|undertook|understood|woke|wore|withdrew|agreed|ago|last|"
    "yesterday|earlier|previously|recently|already|former|formerly"
)
_PAST_CUES = r"\b(?:" + _PAST_VERBS + r")\b|\b(?:has|have)\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en)\b|\b[a-z]{3,}ed\b"
# The cue patterns are written in lower case: they are looked for in the text lower-cased
# (figures.lowered_alike), else ignoring case.
_CUES_IN_LOWERED = (re.compile(_FUTURE_CUES), re.compile(_PAST_CUES))
_CUES_IGNORING_CASE = (re.compile(_FUTURE_CUES, re.IGNORECASE), re.compile(_PAST_CUES, re.IGNORECASE))
# Words ending in -ed that are adjectives or nouns far more often than past-tense verbs in news.
_NOT_PAST = frozenset(
    "need indeed speed seed feed proceed exceed succeed hundred red bed shed embed breed greed "
    "based related limited concerned interested advanced detailed sophisticated expected planned scheduled "
    "proposed so-called listed united skilled talented qualified supposed alleged unexpected unprecedented "
    "dedicated specialized specialised experienced increased renewed integrated sustained combined "
    "continued automated interconnected supported prolonged accelerated heightened".split()
)
_FUTURE_PASSIVE = re.compile(r"\b(?:will|would|shall|'ll|to)\s+(?:\w+ly\s+)?(?:be|have(?:\s+been)?)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_CLAUSE_LEFT = re.compile(r"[;!?\n]|\.(?=\s+[\"“A-Z]|\s*$)|,\s+(?:but|though|although|while|whereas|however|and)\b|\b(?:though|although|whereas)\b", re.IGNORECASE)
_CLAUSE_RIGHT = re.compile(r"[;!?\n]|\.(?=\s+[\"“A-Z]|\s*$)|,\s+(?:but|though|although|while|whereas|however|and|as)\b|\b(?:though|although|whereas)\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"said|told|announced|added|stated|reported|confirmed", re.IGNORECASE)
_INTRINSIC_PAST = re.compile(r"\b(?:ago|last|yesterday|earlier|previous|past|recent(?:ly)?|former)\b", re.IGNORECASE)
_INTRINSIC_FUTURE = re.compile(r"\b(?:next|tomorrow|coming|upcoming|later|from\s+now|hence|following|soon)\b", re.IGNORECASE)


# Any word of the clause a verb's simple past ("died", "fled", "quit"): the
# patterns above know the regular -ed forms and the commonest irregular ones.
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def _in_a_word(character: str) -> bool:
    """Whether a regular expression's \\b sees `character` as part of a word."""
    return character.isalnum() or character == "_"


def expression_tense(extent: str) -> str:
    """The direction an expression carries by itself ("last year" past, "next week" future)."""
    if _INTRINSIC_PAST.search(extent):
        return PAST
    if _INTRINSIC_FUTURE.search(extent):
        return FUTURE
    return ""


# How far from the expression a clause boundary or a tense cue is looked for.
# A clause is rarely longer; bounding it keeps a sentence with a thousand
# dates linear rather than rescanning the sentence for each.
CLAUSE_REACH = 400
# A cue on the right of the expression may belong to the next clause: it counts this much further off.
_RIGHT_OF_IT = 12


def clause_tense(text: str, start: int, end: int) -> str:
    """"past", "future" or "" for the clause holding text[start:end]."""
    left_from = max(0, start - CLAUSE_REACH)
    for boundary in _CLAUSE_LEFT.finditer(text, left_from, start):
        left_from = boundary.end()
    reach = min(len(text), end + CLAUSE_REACH)
    right = _CLAUSE_RIGHT.search(text, end, reach)
    right_to = right.start() if right else reach
    # The nearest cue wins, the first found of equally near ones; what makes a cue not count (or
    # count as future) is asked only of one near enough to win.
    best_distance: int | None = None
    best = ""
    lowered = lowered_alike(text)
    future, past = _CUES_IGNORING_CASE if lowered is None else _CUES_IN_LOWERED
    searched = text if lowered is None else lowered
    # In this order; None: a word is a past cue if it is some verb's simple past.
    for pattern, where, tense in ((future, searched, FUTURE), (past, searched, PAST), (_LOWER_WORD, text, None)):
        scan_from = left_from
        if tense is None and best_distance is not None:
            # Only a word nearer than the cue found can win: on the left, one ending after
            # start - best_distance, scanned for from the start of the word standing there.
            scan_from = max(left_from, start - best_distance)
            while scan_from > left_from and _in_a_word(text[scan_from - 1]):
                scan_from -= 1
        for cue in pattern.finditer(where, scan_from, right_to):
            cue_start, cue_end = cue.span()
            if tense is None:
                if best_distance is not None and cue_start >= end and cue_start - end + _RIGHT_OF_IT >= best_distance:
                    break  # on the right, every word further on is further still
                if not simple_past(cue[0]):  # most words are not
                    continue
            if start <= cue_start < end:
                continue
            if cue_end <= start:
                distance = start - cue_end
            else:
                # A cue on the left is usually the verb the date modifies; one on the right may
                # belong to the next clause, so it has to be clearly closer to win.
                distance = cue_start - end + _RIGHT_OF_IT
                if cue_start >= end and _ATTRIBUTION.fullmatch(cue[0]):
                    # "will walk out on March 11, the union said": a trailing
                    # attribution is past, the date belongs to what was said.
                    distance += 60
            if best_distance is not None and distance >= best_distance:
                continue
            found = tense or PAST
            if found == PAST:
                if cue[0].lower() in _NOT_PAST:
                    continue
                if _FUTURE_PASSIVE.search(text, max(0, cue_start - 30), cue_start):
                    found = FUTURE  # "will be held", "is expected to be finished"
            best_distance, best = distance, found
    return best


def tense_for(text: str, start: int, end: int) -> str:
    """The expression's own direction if it has one, else its clause's."""
    return expression_tense(text[start:end]) or clause_tense(text, start, end)
