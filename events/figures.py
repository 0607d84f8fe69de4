"""Numbers a statement asserts, normalised so that outlets can be compared.

"$14.3 billion", "14.3 billion" (after a money word) and "$ 14.3bn" all become
money 14_300_000_000; "tripled", "three times" and "up 200%" all become the
multiple 3.0 x. Years, days of the month and durations are never counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from scaletui.events.model import Figure

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12, "a hundred": 100,
}
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "crores": 1e7,
    "lakh": 1e5, "lakhs": 1e5,
}
_SYMBOLS = {
    "us$": "USD", "$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "₩": "KRW",
}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "cny": "CNY", "euro": "EUR", "euros": "EUR", "eur": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY", "rupee": "INR", "rupees": "INR",
    "inr": "INR", "won": "KRW", "francs": "CHF", "swiss francs": "CHF",
}
# Words that make a bare "14.3 billion" money rather than a count of something.
_MONEY_CONTEXT = re.compile(
    r"\b(invest\w*|valu\w*|worth|fund\w*|rais\w*|revenue\w*|sales|spen[dt]\w*|pa(?:y|id|ying)|price\w*|"
    r"cost\w*|deal|acqui\w*|bought|buy\w*|purchas\w*|takeover|sold|sell\w*|fees?|profit\w*|loss(?:es)?|budget\w*|capital|cash|"
    r"financ\w*|earn\w*|income|contract\w*|bid|offer)\b",
    re.IGNORECASE,
)
_APPROXIMATE = re.compile(
    r"\b(about|around|approximately|roughly|nearly|almost|some|up to|over|more than|less than|"
    r"under|at least|at most|exceeding|close to|an estimated|estimated|hundreds|tens|thousands|"
    r"millions|billions|dozens|exceeding|above|below)\b",
    re.IGNORECASE,
)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|mn|mln|bn|tn|crores?|lakhs?|[kmb](?![a-z])"
_SYMBOL = r"US\$|[ACS]\$|HK\$|NZ\$|\$|£|€|¥|₹|₩|Rs\.?"
_CURRENCY = "|".join(sorted((re.escape(w) for w in _CURRENCY_WORDS), key=len, reverse=True))
# A hedge word before a figure ("about $5 billion") belongs to its text. Looked
# for only right before a number that matched, never tried at every position of
# the text, where an optional prefix of twenty words is the costliest part.
_QUALIFIER_WORDS = (
    r"about|around|approximately|roughly|nearly|almost|up to|over|more than|less than|"
    r"under|at least|at most|close to|an estimated|some|exceeding|above|below"
)
_QUALIFIER_END = re.compile(rf"(?:{_QUALIFIER_WORDS})\Z", re.IGNORECASE)
_QUALIFIER_REACH = 16  # longer than the longest hedge
_WORDNUM = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))

_MONEY_SYMBOL = re.compile(rf"(?P<sym>{_SYMBOL})\s?(?P<num>{_NUM})(?:\s?-?(?P<scale>{_SCALE})\b)?", re.IGNORECASE)
_MONEY_WORD = re.compile(rf"(?P<num>{_NUM})\s?(?:(?P<scale>{_SCALE})\s+)?(?P<cur>{_CURRENCY})\b", re.IGNORECASE)
_MONEY_VAGUE = re.compile(
    rf"\b(?P<order>tens|hundreds|thousands|millions|billions)\s+of\s+(?:(?P<scale>millions|billions|thousands|crores|"
    rf"lakhs)\s+of\s+)?(?P<cur>{_CURRENCY})\b",
    re.IGNORECASE,
)
_BARE_SCALED = re.compile(rf"(?P<num>{_NUM})\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn)\b", re.I)
_PERCENT = re.compile(rf"(?P<num>{_NUM})\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)
_MULTIPLE_VERB = re.compile(
    r"\b(?P<verb>doubled|tripled|trebled|quadrupled|quintupled|halved)\b|"
    r"\b(?P<verb2>twice|thrice)\s+as\s+(?:many|much|large|big|high|fast|often)\b",
    re.I,
)
_MULTIPLE_TIMES = re.compile(
    rf"\b(?P<num>{_WORDNUM}|\d+(?:\.\d+)?)[\s-]?(?:times|fold|x)\b(?!\s+(?:a|per|each|every)\b)", re.I
)
_AGE = re.compile(
    rf"\b(?P<num>\d{{1,3}}|{_WORDNUM})[\s-]years?[\s-]old\b|\baged\s+(?P<num2>\d{{1,3}})\b", re.IGNORECASE
)
_COUNT = re.compile(
    rf"\b(?P<num>{_NUM}|{_WORDNUM})\s+(?P<adj>(?:[a-z][\w-]*\s+){{0,2}}?)"
    r"(?P<noun>[a-z]{2,}s|people|staff|personnel|children|men|women|police)\b",
    re.IGNORECASE
)
_INCREASE = re.compile(
    r"\b(increase[sd]?|increasing|up|rise|rose|risen|rising|jump(?:ed|s)?|grew|grow(?:n|th|s)?|surge[sd]?|"
    r"soar(?:ed|s)?|climb(?:ed|s)?|gain(?:ed|s)?|boost(?:ed)?)\b",
    re.IGNORECASE,
)
_MULTIPLE_VERBS = {"twice": 2.0, "thrice": 3.0, "doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "quintupled": 5.0, "halved": 0.5}
_TIME_NOUNS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "decade", "decades", "quarter", "quarters", "century", "centuries", "times", "percent",
    "cent", "per", "of", "and", "or", "to", "the", "a", "an", "in", "on", "at", "for", "from", "by", "with",
}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}


# A figure needs a digit or one of these words: text with neither has none.
_FIGURE_WORDS = {*_WORD_NUMBERS, *_MULTIPLE_VERBS, "tens", "hundreds", "thousands", "millions", "billions"}
_MAY_HOLD_FIGURE = re.compile(
    r"\d|\b(?:" + "|".join(sorted(map(re.escape, _FIGURE_WORDS), key=len, reverse=True)) + ")", re.IGNORECASE
)

DIGIT = "#"  # in `screening_words`: the text holds a digit
_DIGIT = re.compile(r"\d")
_LETTER_RUN = re.compile(r"[a-z]+")
# Marks besides words that patterns need: a currency symbol, a percent sign, and "rs" anywhere
# ("Rs 500" is money, and the pattern asks for no word boundary before it).
_MARK = re.compile(r"[$£€¥₹₩%]|rs")
# Letters that re's IGNORECASE matches to an ASCII letter of another spelling (its documentation:
# "İ", "ı", "ſ", "K"), with that letter: a text holding one may match a pattern its lower-case words
# do not show, and what matched is read as the ASCII letter.
_ONTO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED_ONTO_ASCII = re.compile("[" + "".join(map(chr, _ONTO_ASCII)) + "]")


def matched_key(found: str) -> str:
    """What a pattern ignoring case found, lower-cased as the tables it is looked up in are written:
    "ſix" (long s) matches "six", and must be read as it."""
    return found.lower().translate(_ONTO_ASCII)


def lowered_alike(text: str) -> str | None:
    """`text` lower-cased, in which a pattern written in lower case finds without IGNORECASE what it
    finds in `text` with it, at the same offsets (it ignores case at every character it tries, some
    times slower); None where a letter of `text` may match otherwise (_FOLDED_ONTO_ASCII)."""
    if _FOLDED_ONTO_ASCII.search(text):
        return None
    return text.lower()


@lru_cache(maxsize=4)  # a statement's figures and its plain numbers read the same text (most have no time to blank)
def screening_words(text: str) -> frozenset[str] | None:
    """The runs of letters a-z of the lower-cased text, DIGIT if it holds a digit, and its marks
    (_MARK): a pattern that needs one of some of these (a number word followed by a space, "old"
    in "5 years old", "%") cannot match a text that holds none of them. None: the text is not
    screened (see _FOLDED_ONTO_ASCII).

    A pattern that ignores case tries its alternatives at every position of the text: finding the
    text's words once and scanning only for the patterns they allow costs a fraction of that.
    """
    lowered = lowered_alike(text)
    if lowered is None:
        return None
    words = set(_LETTER_RUN.findall(lowered))
    words.update(_MARK.findall(lowered))
    if _DIGIT.search(text):
        words.add(DIGIT)
    return frozenset(words)


# What each pattern needs among `screening_words`: every way it can match shows one of them,
# a word as a whole run of letters (a number word before a space or hyphen, "tenfold" as one run).
_NUMBER_WORDS = {phrase.split()[-1] for phrase in _WORD_NUMBERS}  # "a dozen" needs "dozen"
_NEEDS_ORDER = frozenset({"tens", "hundreds", "thousands", "millions", "billions"})
_NEEDS_SYMBOL = frozenset({"$", "£", "€", "¥", "₹", "₩", "rs"})
_NEEDS_CURRENCY = frozenset(phrase.split()[-1] for phrase in _CURRENCY_WORDS)
_NEEDS_PERCENT = frozenset({"%", "per", "percent", "pct"})
_NEEDS_SCALE = frozenset({"thousand", "million", "billion", "trillion", "bn", "mn", "tn"})
_NEEDS_MULTIPLE_VERB = frozenset(_MULTIPLE_VERBS)
_TIMES = ("times", "fold", "x")
_NEEDS_TIMES = frozenset({*_TIMES, *(number + times for number in _NUMBER_WORDS for times in _TIMES)})
_NEEDS_AGE = frozenset({"old", "aged"})
_NEEDS_NUMBER = frozenset({DIGIT, *_NUMBER_WORDS})
_ANY_NEED = (_NEEDS_ORDER | _NEEDS_SYMBOL | _NEEDS_CURRENCY | _NEEDS_PERCENT | _NEEDS_SCALE | _NEEDS_MULTIPLE_VERB
             | _NEEDS_TIMES | _NEEDS_AGE | _NEEDS_NUMBER)


def extract_figures(text: str) -> list[Figure]:
    """The money, percentages, multiples, ages and counts a text asserts, in text order."""
    words = screening_words(text)
    if words is None:
        if not _MAY_HOLD_FIGURE.search(text):
            return []
        words = _ANY_NEED  # as if it held every word needed: each pattern is scanned for
    elif words.isdisjoint(_ANY_NEED):
        return []
    found: list[tuple[int, Figure]] = []
    starts: list[int] = []  # the spans taken, in text order; they never overlap
    ends: list[int] = []

    def free(start: int, end: int) -> bool:
        # Of spans that never overlap, only the last one starting before `end` can
        # reach past `start`: one look, not a scan of every figure found so far.
        before = bisect_left(starts, end) - 1
        return before < 0 or ends[before] <= start

    def add(start: int, end: int, figure: Figure) -> None:
        at = bisect_left(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)
        found.append((start, figure))

    def scan(pattern: re.Pattern[str], needs: frozenset[str]) -> Iterator[re.Match[str]]:
        return pattern.finditer(text) if not needs.isdisjoint(words) else iter(())

    for match in scan(_MONEY_VAGUE, _NEEDS_ORDER):
        order = {"tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}[matched_key(match["order"])]
        scale = _SCALES.get((match["scale"] or "").lower().rstrip("s"), 1.0) if match["scale"] else 1.0
        unit = _CURRENCY_WORDS[matched_key(match["cur"])]
        add(*match.span(), Figure(text=match[0], kind="money", value=order * scale, unit=unit))
    for start, match in _hedged(scan(_MONEY_SYMBOL, _NEEDS_SYMBOL), text):
        if not free(start, match.end()):
            continue
        value = _number(match["num"]) * _scale(match["scale"])
        said = text[start : match.end()].strip()
        add(start, match.end(), Figure(text=said, kind="money", value=value, unit=_SYMBOLS[matched_key(match["sym"])]))
    for start, match in _hedged(scan(_MONEY_WORD, _NEEDS_CURRENCY), text):
        if not free(start, match.end()):
            continue
        value = _number(match["num"]) * _scale(match["scale"])
        said = text[start : match.end()].strip()
        add(start, match.end(), Figure(text=said, kind="money", value=value, unit=_CURRENCY_WORDS[matched_key(match["cur"])]))
    for start, match in _hedged(scan(_PERCENT, _NEEDS_PERCENT), text):
        if not free(start, match.end()):
            continue
        value = _number(match["num"])
        said = text[start : match.end()].strip()
        window = text[max(0, start - 40) : match.end() + 25]
        if _INCREASE.search(window) and not re.search(r"\bstake|share|own", window, re.I):
            # "up 200%" is the same claim as "tripled": compare as a multiple.
            add(start, match.end(), Figure(text=said, kind="multiple", value=1 + value / 100, unit="x"))
        else:
            add(start, match.end(), Figure(text=said, kind="percent", value=value, unit="%"))
    for start, match in _hedged(scan(_BARE_SCALED, _NEEDS_SCALE), text):
        if not free(start, match.end()):
            continue
        window = text[max(0, start - 60) : match.end() + 40]
        if _MONEY_CONTEXT.search(window):
            # Currency not stated: unit "" compares equal to any currency.
            value = _number(match["num"]) * _scale(match["scale"])
            add(start, match.end(), Figure(text=text[start : match.end()].strip(), kind="money", value=value, unit=""))
    for match in scan(_MULTIPLE_VERB, _NEEDS_MULTIPLE_VERB):
        if free(*match.span()):
            value = _MULTIPLE_VERBS[matched_key(match["verb"] or match["verb2"])]
            add(*match.span(), Figure(text=match[0], kind="multiple", value=value, unit="x"))
    for match in scan(_MULTIPLE_TIMES, _NEEDS_TIMES):
        if free(*match.span()):
            add(*match.span(), Figure(text=match[0], kind="multiple", value=_number(match["num"]), unit="x"))
    for match in scan(_AGE, _NEEDS_AGE):
        if free(*match.span()):
            add(*match.span(), Figure(text=match[0], kind="age", value=_number(match["num"] or match["num2"]), unit="years"))
    for match in scan(_COUNT, _NEEDS_NUMBER):
        if not free(*match.span()):
            continue
        figure = _count(text, match)
        if figure is not None:
            add(*match.span(), figure)
    return [figure for _, figure in sorted(found, key=lambda item: item[0])]


def _hedged(matches: Iterator[re.Match[str]], text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each of a pattern's `matches` in `text`, with where it starts once a hedge right before it is counted in.

    The same matches as a pattern that began with an optional hedge: the hedge
    is any of the words ending just before the whitespace before the match,
    never reaching back into the previous match.
    """
    floor = 0
    for match in matches:
        begin = match.start()
        gap = begin
        while gap > floor and text[gap - 1].isspace():
            gap -= 1
        if gap < begin:
            hedge = _QUALIFIER_END.search(text, max(floor, gap - _QUALIFIER_REACH), gap)
            if hedge is not None:
                begin = hedge.start()
        yield begin, match
        floor = match.end()


def is_approximate(figure: Figure) -> bool:
    """Whether the figure is hedged ("about", "up to", "hundreds of millions")."""
    return bool(_APPROXIMATE.search(figure.text))


def same_figure(a: Figure, b: Figure) -> bool:
    """Whether two figures state the same quantity (exact match, or one is hedged and covers the other)."""
    if a.kind != b.kind:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.value == b.value:
        return True
    low, high = sorted((abs(a.value), abs(b.value)))
    if high == 0:
        return True
    ratio = low / high
    if ratio > 0.995:
        return True
    vague = [f for f in (a, b) if re.search(r"\b(tens|hundreds|thousands|millions|billions|dozens) of\b", f.text, re.I)]
    if vague:
        # "hundreds of millions" covers 100 million up to (not including) a billion.
        base = vague[0].value
        other = b if vague[0] is a else a
        return base <= other.value < base * 10
    return False


def figure_key(figure: Figure) -> tuple[str, float]:
    """A coarse key for indexing: kind and the value to three significant figures."""
    value = figure.value
    return figure.kind, float(f"{value:.3g}") if value else 0.0


def _count(text: str, match: re.Match[str]) -> Figure | None:
    raw, noun = match["num"], match["noun"].lower()
    if noun in _TIME_NOUNS or noun in _MONTHS or any(w.lower() in _TIME_NOUNS | _MONTHS for w in match["adj"].split()):
        return None
    if raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2199:
        return None  # a year ("2025 models") is never a count
    before = text[max(0, match.start() - 12) : match.start()].lower()
    if re.search(r"(" + "|".join(_MONTHS) + r")\.?\s*$", before) or before.rstrip().endswith(("no.", "#")):
        return None  # "June 13 sources ..." or "No. 3"
    if re.match(r"[a-z]", raw, re.I) and raw.lower() == "one":
        return None  # "one of the sources", "one person" says nothing countable
    if noun in _VERBS_IN_S:
        return None  # "iPhone 4 has", "Apollo 11 was": a verb follows, nothing is counted
    value = _number(raw)
    # "5 million people", "two hundred workers", "3 lakh farmers": the scale word is part of the count.
    scale = match["adj"].split(maxsplit=1)[0].lower() if match["adj"] else ""
    value *= _COUNT_SCALES.get(scale, 1.0)
    unit = _singular(noun)
    return Figure(text=f"{raw} {match['adj'] or ''}{match['noun']}".replace("  ", " "), kind="count", value=value, unit=unit)


_COUNT_SCALES = {"hundred": 100.0, **{word: scale for word, scale in _SCALES.items() if len(word) > 2}}


_VERBS_IN_S = frozenset("has was is does says goes".split())


def _singular(noun: str) -> str:
    if noun in {"people", "staff", "personnel", "police"}:
        return "people"
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ses", "xes", "ches", "shes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _number(raw: str) -> float:
    raw = matched_key(raw.strip())
    if raw in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[raw])
    return float(raw.replace(",", ""))


def _scale(raw: str | None) -> float:
    if not raw:
        return 1.0
    return _SCALES.get(raw.lower(), 1.0)
