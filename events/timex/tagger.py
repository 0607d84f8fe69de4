"""Find, delimit and resolve the time expressions of one sentence."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from scaletui.events.figures import lowered_alike
from scaletui.events.model import Modifier, Precision, TimeExpression, TimeSpan

from . import calendar_units as cal
from .readers import Situation
from .rules import RULES, Rule
from .tense import tense_for

# Words inside a TIMEX3 extent that qualify it: "early 2025", "the end of the year", "about a year".
_POSITION_PREFIX = re.compile(
    r"\b(?:(?P<the>the\s+)?(?P<pos>very\s+early|early|late|mid|middle|end|beginning|start|close|turn|latter\s+part|first\s+part)"
    r"(?:\s+of(?:\s+the)?\s+|\s*[-–]\s*|\s+))$",
    re.IGNORECASE,
)
_APPROX_PREFIX = re.compile(
    r"\b(?P<approx>about|around|approximately|roughly|some|nearly|almost|close\s+to|more\s+than|over|just\s+over|well\s+over|"
    r"at\s+least|less\s+than|under|just\s+under|fewer\s+than|up\s+to|no\s+more\s+than|at\s+most)\s+$",
    re.IGNORECASE,
)
_SIGNAL = re.compile(
    r"\b(?P<signal>by|before|after|since|prior\s+to|ahead\s+of|following|no\s+later\s+than|not\s+later\s+than|"
    r"earlier\s+than|later\s+than|until|till|through|as\s+of)\s+$",
    re.IGNORECASE,
)
# The prefixes are written in lower case: looked for in the text lower-cased (figures.lowered_alike)
# without ignoring case, about twice as fast, else in the text ignoring case.
_PREFIXES_IGNORING_CASE = (_POSITION_PREFIX, _APPROX_PREFIX, _SIGNAL)
_PREFIXES_IN_LOWERED = tuple(re.compile(prefix.pattern) for prefix in _PREFIXES_IGNORING_CASE)
_POSITION_MOD = {
    "very early": "START", "early": "START", "beginning": "START", "start": "START", "first part": "START",
    "mid": "MID", "middle": "MID", "late": "END", "end": "END", "close": "END", "turn": "END", "latter part": "END",
}
_APPROX_MOD = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN", "fewer than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}
_MOD_MODIFIER = {
    "START": Modifier.EARLY, "MID": Modifier.MID, "END": Modifier.LATE, "APPROX": Modifier.AROUND,
    "MORE_THAN": Modifier.MORE_THAN, "EQUAL_OR_MORE": Modifier.MORE_THAN,
    "LESS_THAN": Modifier.LESS_THAN, "EQUAL_OR_LESS": Modifier.LESS_THAN,
}
_SIGNAL_MODIFIER = {
    "by": (Modifier.BY, "ON_OR_BEFORE"), "no later than": (Modifier.BY, "ON_OR_BEFORE"),
    "not later than": (Modifier.BY, "ON_OR_BEFORE"), "before": (Modifier.BEFORE, "BEFORE"),
    "prior to": (Modifier.BEFORE, "BEFORE"), "ahead of": (Modifier.BEFORE, "BEFORE"),
    "earlier than": (Modifier.BEFORE, "BEFORE"), "after": (Modifier.AFTER, "AFTER"),
    "following": (Modifier.AFTER, "AFTER"), "later than": (Modifier.AFTER, "AFTER"),
    "since": (Modifier.SINCE, "ON_OR_AFTER"),
}
_POSITION_PART = {"START": "early", "MID": "mid", "END": "late"}
# Durations take quantity words ("over a year"); dates take position words ("early 2025").
_QUANTITY_ONLY = frozenset({"over", "just over", "well over", "under", "just under", "some", "up to", "at most", "fewer than"})


_DIGITS = frozenset("0123456789")


@dataclass
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match


_WORDS = re.compile(r"[a-z]+|\d")


class _LastTexts:
    """Something found in each of the last few texts the tagger read, the least recently used let go.

    What a text holds is found without the reference date, and the same text is tagged again
    against other days (a sentence whose article knows only its year, an undated statement's
    window read from two notional days, an undated article's sentences once its date is found):
    what does not depend on the day is kept. Safe to share between threads (the app may build
    in two at once, one being cancelled)."""

    def __init__(self, texts: int) -> None:
        self._texts = texts
        self._by_text: dict[str, Any] = {}  # least recently used first
        self._lock = threading.Lock()

    def get(self, text: str) -> Any:
        """What is kept for `text` (None: nothing), now the most recently used."""
        with self._lock:
            kept = self._by_text.pop(text, None)
            if kept is not None:
                self._by_text[text] = kept
        return kept

    def put(self, text: str, kept: Any) -> Any:
        with self._lock:
            self._by_text.pop(text, None)
            if len(self._by_text) >= self._texts:
                del self._by_text[next(iter(self._by_text))]
            self._by_text[text] = kept
        return kept

    def peek(self, text: str) -> Any:
        """What is kept for `text`, leaving the order as it is."""
        with self._lock:
            return self._by_text.get(text)

    def cache_clear(self) -> None:
        with self._lock:
            self._by_text.clear()


class _Candidates(_LastTexts):
    """`_find`, kept for the last few texts. The candidates are only read, never changed."""

    def __call__(self, text: str) -> tuple[_Candidate, ...]:
        found = self.get(text)
        return found if found is not None else self.put(text, _find(text))


def _rules_by_word() -> tuple[dict[str, frozenset[int]], frozenset[int]]:
    """For each word some rule needs (each digit for "#"), the places in RULES of the rules needing
    it; and those of the rules needing none."""
    by_word: dict[str, set[int]] = {}
    for number, rule in enumerate(RULES):
        for word in rule.keywords:
            for found in _DIGITS if word == "#" else (word,):
                by_word.setdefault(found, set()).add(number)
    return (
        {word: frozenset(numbers) for word, numbers in by_word.items()},
        frozenset(number for number, rule in enumerate(RULES) if not rule.keywords),
    )


_RULES_NEEDING, _RULES_NEEDING_NOTHING = _rules_by_word()
_NEEDED_WORDS = frozenset(_RULES_NEEDING)


def _find(text: str) -> tuple[_Candidate, ...]:
    # Most rules need a word most sentences lack ("ago", a month name, a digit): the rules
    # the sentence's words allow are looked up by word, most sentences allowing a few.
    lowered = lowered_alike(text)
    allowed = set(_RULES_NEEDING_NOTHING)
    for word in _NEEDED_WORDS.intersection(_WORDS.findall(text.lower() if lowered is None else lowered)):
        allowed.update(_RULES_NEEDING[word])
    found = []
    for number in sorted(allowed):  # in RULES' order, which breaks ties between candidates
        rule = RULES[number]
        if rule.in_lowered is not None and lowered is not None and rule.in_lowered.search(lowered) is None:
            continue
        for match in rule.pattern.finditer(text):
            start, end = _extent(match)
            if rule.check is None or rule.check(text, match, start, end):
                found.append(_Candidate(start, end, rule, match))
    return tuple(found)


def _extent(match: re.Match) -> tuple[int, int]:
    return match.span("core") if "core" in match.re.groupindex else match.span()


class _Tenses(_LastTexts):
    """`tense_for`, kept for the stretches of the last few texts: the tense of a stretch is the same against any day."""

    def __call__(self, text: str, start: int, end: int) -> str:
        known = self.get(text)
        if known is None:
            known = self.put(text, {})
        tense = known.get((start, end))
        if tense is None:
            tense = known[start, end] = tense_for(text, start, end)
        return tense


_candidates = _Candidates(texts=256)
_tense_for = _Tenses(texts=256)
_RULE_NUMBERS = {id(rule): number for number, rule in enumerate(RULES)}

# What tagging a text found that no day changes, as plain values another process can take up:
# where each candidate's rule matched (the rule's place in RULES, the match's start), and the
# tense read around each stretch (start, end, tense).
Found = tuple[list[tuple[int, int]], list[tuple[int, int, str]]]


def found_in(text: str) -> Found:
    """What tagging `text` found that no day changes, as far as the tagger still keeps it (it keeps
    its last few texts): a worker hands it back for the sentences of an undated article, which its
    date, found later, has read again in the main process (`remember_found`)."""
    candidates = _candidates.peek(text) or ()
    tenses = list((_tense_for.peek(text) or {}).items())  # in one go: another thread may be adding to it
    return (
        [(_RULE_NUMBERS[id(c.rule)], c.match.start()) for c in candidates],
        [(start, end, tense) for (start, end), tense in tenses],
    )


def remember_found(text: str, found: Found) -> None:
    """Take up `found_in(text)` from another process: tagging `text` again reads its candidates'
    matches where they were and the tenses as they were read, rather than scanning it with every
    rule and reading each clause again. Only ever a shortcut: what does not fit is found as ever."""
    matched, tenses = found
    candidates = []
    for number, at in matched:
        rule = RULES[number] if 0 <= number < len(RULES) else None
        match = rule.pattern.match(text, at) if rule is not None else None
        if match is None:
            break  # not what this code found here: left to `_find`
        start, end = _extent(match)
        candidates.append(_Candidate(start, end, rule, match))
    else:
        if candidates:  # none: the worker no longer kept them
            _candidates.put(text, tuple(candidates))
    known = _tense_for.get(text)
    if known is None:
        known = _tense_for.put(text, {})
    known.update(((start, end), tense) for start, end, tense in tenses)


def may_hold_time(text: str) -> bool:
    """Whether `tag` could find an expression in `text` against some publication date.

    Finding and delimiting never look at the date (only reading does), so a text
    with nothing to delimit gives nothing whatever the date: an article dated
    later need not read it again.
    """
    return isinstance(text, str) and bool(text.strip()) and bool(_candidates(text))  # kept from tagging it, mostly


def _longest_first(found: tuple[_Candidate, ...]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start)):
        if all(candidate.end <= other.start or candidate.start >= other.end for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def tag(text: str, reference: date) -> list[TimeExpression]:
    """The time expressions of `text`, resolved against the publication date `reference`."""
    if not isinstance(text, str) or not text.strip():
        return []
    if isinstance(reference, datetime):
        reference = reference.date()
    expressions: list[TimeExpression] = []
    previous_end = 0
    lowered = lowered_alike(text)
    for candidate in _longest_first(_candidates(text)):
        try:
            expression = _resolve(text, lowered, candidate, reference, previous_end)
        except (ValueError, OverflowError):  # a date off the calendar (year 0, "9999 years from now")
            continue
        except KeyError:  # words a rule matched ignoring case, no table of its has: "dayſ" (long s) for "days"
            continue
        if expression is not None:
            expressions.append(expression)
            previous_end = expression.end
    _place_clock_times(expressions)
    return expressions


def _resolve(text: str, lowered: str | None, candidate: _Candidate, reference: date, floor: int) -> TimeExpression | None:
    """`lowered`: `lowered_alike(text)`."""
    start, end = candidate.start, candidate.end
    position_prefix, approx_prefix, signal_prefix = _PREFIXES_IGNORING_CASE if lowered is None else _PREFIXES_IN_LOWERED
    searched = text if lowered is None else lowered  # at the same offsets
    window = searched[max(floor, start - 40) : start]
    mod = ""
    position = position_prefix.search(window)
    is_duration_like = candidate.rule.name in ("duration", "plural-unit", "ago", "vague-ago", "span-duration")
    if position and not is_duration_like:
        # "the end of the year": keep "the" only when the phrase itself had it
        mod = _POSITION_MOD[re.sub(r"\s+", " ", position.group("pos").lower())]
        start -= len(window) - position.start()
        window = searched[max(floor, start - 40) : start]
    approx = approx_prefix.search(window)
    if approx and not mod:
        word = re.sub(r"\s+", " ", approx.group("approx").lower())
        # "over the past decade" is a signal ("throughout"), "over a decade" a quantity
        starts_with_the = text[start:end].lower().startswith("the ")
        if (is_duration_like and not starts_with_the) or word not in _QUANTITY_ONLY:
            mod = _APPROX_MOD[word]
            start -= len(window) - approx.start()
            window = searched[max(floor, start - 40) : start]
    signal = signal_prefix.search(window)
    tense = _tense_for(text, start, end)
    if signal and signal.group("signal").lower() == "since":
        tense = "past"  # "since March" looks back whatever the main verb does
    reading = candidate.rule.read(candidate.match, Situation(text, reference, tense, mod))
    if reading is None:
        return None
    modifier = _MOD_MODIFIER.get(mod, Modifier.NONE)
    span_start, span_end, precision, confidence = reading.start, reading.end, reading.precision, reading.confidence
    if mod in _POSITION_PART and not reading.duration:
        span_start, span_end = cal.narrow(span_start, span_end, _POSITION_PART[mod])
        confidence -= 0.1
    elif mod == "APPROX" and not reading.duration:
        confidence -= 0.1
    if signal and reading.timex_type in ("DATE", "TIME"):
        signal_modifier, signal_mod = _SIGNAL_MODIFIER.get(re.sub(r"\s+", " ", signal.group("signal").lower()), (None, ""))
        if signal_modifier is not None:
            modifier = signal_modifier
            mod = mod or signal_mod
    if reading.timex_type == "DURATION" and mod == "APPROX":
        confidence -= 0.1
    span = TimeSpan(
        start=span_start, end=max(span_start, span_end), precision=precision,
        modifier=modifier, confidence=round(min(max(confidence, 0.05), 1.0), 2),
    )
    return TimeExpression(
        text=text[start:end], start=start, end=end, timex_type=reading.timex_type, value=reading.value,
        mod=mod, span=span, anchored=reading.anchored, tense=tense,
    )


def _place_clock_times(expressions: list[TimeExpression]) -> None:
    """A clock time ("3 p.m.") happens on the day named next to it, if any; else on the reference day."""
    for index, expression in enumerate(expressions):
        if expression.timex_type != "TIME" or not re.match(r"\d{4}-\d{2}-\d{2}T\d\d:\d\d", expression.value):
            continue
        neighbours = expressions[max(0, index - 1) : index] + expressions[index + 1 : index + 2]
        for other in neighbours:
            gap = other.start - expression.end if other.start >= expression.end else expression.start - other.end
            if other.span.precision is Precision.DAY and re.fullmatch(r"\d{4}-\d{2}-\d{2}", other.value) and gap <= 4:
                day = other.span.start
                expression.value = day.isoformat() + expression.value[10:]
                expression.span = expression.span.model_copy(update={"start": day, "end": day})
                break
