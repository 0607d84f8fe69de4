"""The grammar: one regular expression per kind of time expression, and its reader.

Each rule finds candidates; `tagger` keeps the longest non-overlapping ones, widens
them with qualifiers ("early", "about", "the end of"), and only then calls the rule's
reader (in `readers`) with the reference date and the clause's tense. A rule's checks
reject the look-alikes its pattern cannot ("May" the modal, "2000" the count).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import context
from .numbers import COUNT, NUMBER_WORD
from .readers import (
    Reading,
    Situation,
    read_ago,
    read_century,
    read_christmas,
    read_clock,
    read_day_month,
    read_day_word,
    read_decade,
    read_duration,
    read_earlier_later,
    read_fiscal_year,
    read_half,
    read_iso,
    read_month,
    read_month_day,
    read_month_year,
    read_numeric,
    read_part_of_day,
    read_plural_unit,
    read_quarter,
    read_recent_units,
    read_reference_word,
    read_relative_unit,
    read_season,
    read_set,
    read_span_duration,
    read_the_unit,
    read_unit_end,
    read_weekday,
    read_weekend,
    read_year,
)

Reader = Callable[[re.Match, Situation], Reading | None]
Check = Callable[[str, re.Match, int, int], bool]


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    read: Reader
    check: Check | None = None
    priority: int = 0  # breaks ties between equally long candidates
    # words of which the sentence must hold one for the rule to run ("#" is any digit): the rarest the
    # pattern cannot match without ("q" of "Q3", "m" of "5 p.m.")
    needs: str = ""

    def __post_init__(self) -> None:
        self.keywords = frozenset(self.needs.split())
        # A pattern ignoring case that is written in lower case (its named groups aside) finds in the
        # lower-cased text (`figures.lowered_alike`) what it finds in the text: scanning there without
        # ignoring case, some times faster, tells whether it finds anything (in most sentences nothing).
        written = re.sub(r"\(\?P[<=]", "", self.pattern.pattern)
        in_lower_case = self.pattern.flags & re.IGNORECASE and not re.search("[A-Z]", written)
        self.in_lowered = re.compile(self.pattern.pattern, self.pattern.flags & ~re.IGNORECASE) if in_lower_case else None


MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)"
RELATIVE = r"(?:last|next|this|past|coming|this\s+past|previous|following|current)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

_MONTH_WORDS = ("january february march april may june july august september october november december "
                "jan feb mar apr jun jul aug sep sept oct nov dec")
_WEEKDAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday"
_UNIT_WORDS = ("second seconds minute minutes hour hours day days week weeks fortnight fortnights month months "
               "quarter quarters year years decade decades century centuries")


def _flags(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


# ---- checks ------------------------------------------------------------------------------


def check_year(text: str, m: re.Match, start: int, end: int) -> bool:
    return context.plausible_year(text, start, end)


def check_month(text: str, m: re.Match, start: int, end: int) -> bool:
    groups = m.groupdict()
    return context.plausible_month(text, m.start("month"), m.end("month"), m.group("month"),
                                   bool(groups.get("day") or groups.get("year")), bool(groups.get("rel")))


def check_month_number(text: str, m: re.Match, start: int, end: int) -> bool:
    if not m.group("month")[:1].isupper():
        return False
    if m.groupdict().get("weekday") and not m.group("weekday")[:1].isupper():
        return False
    after = text[end : end + 3]
    if re.match(r"(?:[,.]\d|\d|%|:\d)", after):
        return False  # "May 2,500", "June 13.5", "March 3:1"
    following = context.word_after(text, end).lower()
    if not m.groupdict().get("year") and following in context.UNIT_NOUNS:
        return False  # "May 20 people" is not a date
    if m.group("month").lower() == "may" and context.word_before(text, m.start("month")).lower() in ("it", "they", "we", "you", "he", "she", "which", "that", "who"):
        return False
    return 1 <= int(m.group("day")) <= 31


def check_weekday(text: str, m: re.Match, start: int, end: int) -> bool:
    return context.plausible_weekday(text, m.start("weekday"), m.end("weekday"), m.group("weekday"))


def check_season(text: str, m: re.Match, start: int, end: int) -> bool:
    relative = (m.group("rel") or "").lower()
    if m.group("year") or relative not in ("", "the"):
        return True
    previous = context.word_before(text, start).lower()
    # "fall" is first a verb and a noun: "dies in fall", "injured by a fall". Bare, it is the
    # season only after words that want a time ("during fall", "early fall").
    time_words = ("during", "until", "since", "through", "throughout", "this", "early", "late", "mid", "each", "every", "last", "next")
    if m.group("season").lower() == "fall" and previous not in time_words and relative != "the":
        return False
    if previous in ("in", "by", "over", *time_words):
        return not re.match(r"\s+of\b(?!\s+\d{4})", text[end:])
    return False


def check_lowercase_unit(text: str, m: re.Match, start: int, end: int) -> bool:
    return m.group("unit").islower()


def check_half(text: str, m: re.Match, start: int, end: int) -> bool:
    if m.group("year") or m.groupdict().get("yrel") or m.group("h").isdigit():
        return True
    return not re.match(r"\s+of\b", text[end:])  # "the first half of the match"


def check_reference_word(text: str, m: re.Match, start: int, end: int) -> bool:
    word = m.group("word").lower()
    if word in ("the past", "the future", "the present") and re.match(r"\s+(?:of|tense|participle)\b", text[end:]):
        return False  # "the future of neutrality"
    if word == "now" and text[end : end + 1] == "-":
        return False  # "now-defunct"
    return True


RULES: list[Rule] = [
    Rule("iso", re.compile(r"\b(?P<year>[12]\d{3})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b(?![-:]?\d)"), read_iso, priority=5, needs="#"),
    Rule("numeric", re.compile(r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b(?!/)"), read_numeric, needs="#"),
    Rule(
        "month-day",
        _flags(rf"\b(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
               rf"(?:,?\s*(?P<year>[12]\d{{3}})\b(?![-/,.]?\d))?"),
        read_month_day, check_month_number, priority=2, needs=_MONTH_WORDS),
    Rule(
        "day-month",
        _flags(rf"\b(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})"
               rf"(?:,?\s+(?P<year>[12]\d{{3}})\b(?![-/,.]?\d))?"),
        read_day_month, check_month_number, priority=2, needs=_MONTH_WORDS),
    Rule("month-year", _flags(rf"\b(?P<month>{MONTH})(?:\s+of|,)?\s+(?P<year>[12]\d{{3}})\b(?![-/,.]?\d)"),
         read_month_year, check_month, needs=_MONTH_WORDS),
    Rule("month", _flags(rf"\b(?:(?P<rel>{RELATIVE})\s+)?(?P<month>{MONTH})(?![\w-])"), read_month, check_month, needs=_MONTH_WORDS),
    Rule(
        "weekday",
        _flags(rf"\b(?:(?P<rel>{RELATIVE})\s+)?(?P<weekday>{WEEKDAY})\b(?:\s+(?P<pod>{PART_OF_DAY})\b)?"),
        read_weekday, check_weekday, needs=_WEEKDAY_WORDS),
    Rule("year", re.compile(r"\b(?P<year>[12]\d{3})\b"), read_year, check_year, needs="#"),
    Rule("fiscal-year", _flags(r"\b(?:fiscal(?:\s+year)?\s*|FY\s?)'?(?P<year>[12]\d{3}|\d{2})\b(?![-/,.]?\d)"), read_fiscal_year, priority=1, needs="fiscal fy"),
    Rule("decade", _flags(r"\b(?:the\s+)?(?:(?P<full>1\d{2}0|20\d0)'?s|'(?P<short>\d0)s)\b"), read_decade, needs="#"),
    Rule("century", _flags(r"\bthe\s+(?P<ord>\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first)\s+century\b"), read_century, needs="century"),
    Rule(
        "quarter",
        _flags(r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal\s+|calendar\s+)?quarter\b"
               r"(?:\s+of\s+(?:(?:fiscal\s+|the\s+)?(?P<year>[12]\d{3})\b|(?P<yrel>this|last|next|the|previous)\s+year\b)"
               r"|\s+(?P<ybare>this|last|next|previous)\s+year\b)?"),
        read_quarter, needs="quarter"),
    Rule("quarter-code", re.compile(r"\bQ(?P<q>[1-4])(?:\s*(?:of\s+)?(?P<year>[12]\d{3}|'?\d{2})\b)?(?![-/,.]?\d)"),
         read_quarter, needs="q"),
    Rule("quarter-code-reversed", re.compile(r"\b(?P<q>[1-4])Q(?:\s*(?P<year>[12]\d{3}|'?\d{2})\b)?(?![-/,.]?\d)"),
         read_quarter, needs="#"),
    Rule("year-quarter", re.compile(r"\b(?P<year>[12]\d{3})\s+Q(?P<q>[1-4])\b"), read_quarter, priority=1, needs="q"),
    Rule(
        "half",
        _flags(r"\b(?:the\s+)?(?P<h>first|second|1st|2nd|latter)\s+half\b"
               r"(?:\s+of\s+(?:(?:fiscal\s+|the\s+)?(?P<year>[12]\d{3})\b|(?P<yrel>this|last|next|the|previous)\s+year\b))?"),
        read_half, check_half, needs="half"),
    Rule("half-code", re.compile(r"\bH(?P<h>[12])(?:\s*(?P<year>[12]\d{3}))?\b(?![-/,.]?\d)"), read_half, needs="h"),
    Rule(
        "season",
        _flags(r"\b(?:(?P<rel>this\s+past|this|last|next|past|coming|the)\s+)?(?P<season>spring|summer|autumn|fall|winter)\b"
               r"(?:\s+(?:of\s+)?(?P<year>[12]\d{3})\b)?"),
        read_season, check_season, needs="spring summer autumn fall winter"),
    Rule("relative-unit", _flags(rf"\b(?P<rel>{RELATIVE}|the\s+previous|the\s+following|the\s+current)\s+(?P<unit>week|month|quarter|year|decade|century)\b(?!-)"),
         read_relative_unit, needs="week month quarter year decade century"),
    Rule("weekend", _flags(rf"\b(?:(?P<rel>{RELATIVE})\s+|the\s+)?weekend\b"), read_weekend, needs="weekend"),
    Rule(
        "span-duration",
        _flags(rf"\bthe\s+(?P<rel>past|last|next|coming|upcoming)\s+(?:(?P<num>{COUNT})\s+)?(?P<unit>{UNIT}s?)\b"),
        read_span_duration, priority=1, needs=_UNIT_WORDS),
    Rule("recent-units", _flags(r"\brecent\s+(?P<unit>years|months|weeks|days|decades)\b"), read_recent_units, needs="recent"),
    Rule("the-unit", _flags(r"\bthe\s+(?P<unit>year|month|week|quarter)\b(?![-’']|\s+(?:before|after|earlier|later|ago|to\s+(?:date|"
              rf"{MONTH})|ended|ending|that|when|in\s+which|of|prior|ahead))"),
         read_the_unit, check_lowercase_unit, needs="year month week quarter"),
    Rule("unit-end", _flags(r"\b(?P<unit>year|month|quarter)[-\s]end\b"), read_unit_end, check_lowercase_unit, needs="end"),
    Rule("earlier-later", _flags(r"\b(?P<dir>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year|quarter)\b"), read_earlier_later, priority=1, needs="earlier later"),
    Rule("day-word", _flags(rf"\b(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b(?:\s+(?P<pod>{PART_OF_DAY})\b)?"),
         read_day_word, needs="today tonight yesterday tomorrow"),
    Rule("part-of-day", _flags(rf"\b(?P<rel>this|last)\s+(?P<pod>{PART_OF_DAY})\b"), read_part_of_day, needs="morning afternoon evening night"),
    Rule("clock", _flags(r"\b(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)(?:\s+(?P<tz>[A-Z]{2,4}T|GMT|UTC|ET|PT|CT)\b)?"), read_clock, needs="m am pm"),
    Rule("clock-24h", re.compile(r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|ET|JST|IST)\b"),
         read_clock, priority=2, needs="gmt utc bst cet cest est edt et jst ist"),
    Rule("clock-word", _flags(r"\b(?P<word>noon|midday|midnight)\b"), read_clock, needs="noon midday midnight"),
    Rule(
        "ago",
        _flags(rf"\b(?P<num>{COUNT})(?P<half1>\s+and\s+a\s+half)?[\s-]+(?P<unit>{UNIT}s?)(?P<half2>\s+and\s+a\s+half)?\s+(?P<dir>ago|earlier|before\s+now|from\s+now|hence)\b"),
        read_ago, priority=2, needs="ago earlier now hence before"),
    Rule("vague-ago", _flags(r"\b(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|from\s+now)\b"), read_ago, needs="ago now"),
    Rule(
        "duration",
        _flags(rf"\b(?P<num>{COUNT})(?P<half1>\s+and\s+a\s+half)?[\s-]+(?P<unit>{UNIT}s?)(?P<half2>\s+and\s+a\s+half)?\b(?![-\s]+old\b|-)"),
        read_duration, needs=_UNIT_WORDS),
    Rule("plural-unit", _flags(r"\b(?:for|in|over|within|of)\s+(?P<core>(?P<unit>years|months|weeks|decades))\b(?!\s+(?:ago|of|to\s+come))"),
         read_plural_unit, needs="years months weeks decades"),
    Rule(
        "reference-word",
        _flags(r"\b(?P<word>now|currently|presently|nowadays|these\s+days|recently|lately|soon|the\s+near\s+future|the\s+future|the\s+past|the\s+present)\b"),
        read_reference_word, check_reference_word, needs="now currently presently nowadays days recently lately soon future past present"),
    Rule("set-every", _flags(rf"\b(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<weekday>{WEEKDAY})|(?P<unit>{UNIT}))\b"), read_set, priority=1, needs="every each per"),
    Rule("set-adverb", _flags(r"\b(?P<adv>annually|yearly|weekly|daily|monthly|quarterly|hourly|nightly|biweekly|semiannually)\b"), read_set, needs="annually yearly weekly daily monthly quarterly hourly nightly biweekly semiannually"),
    Rule("set-times", _flags(rf"\b(?:once|twice|thrice|{COUNT}\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>{UNIT})\b"), read_set, priority=2, needs="once twice thrice times"),
    Rule("set-rate", _flags(r"(?:\d|%|million|billion|trillion|thousand|dollars|euros|pounds)\s+(?P<core>(?:a|an|per)\s+(?P<unit>year|month|week|day|hour))\b"),
         read_set, priority=3, needs="year month week day hour"),
    # A rate of things, not a time: "1,000 cars a day", "two flights a week" ("a day after" is a time).
    Rule("set-rate-noun", _flags(rf"(?:\d|\b{NUMBER_WORD})\s+[a-z]+(?:\s+of\s+[a-z]+)?\s+(?P<core>(?:a|an|per)\s+(?P<unit>year|month|week|day|hour))\b"
                                 r"(?!\s+(?:ago|earlier|later|before|after|from|old|or)\b)"),
         read_set, priority=3, needs="year month week day hour"),
    Rule("holiday", _flags(r"\b(?:christmas(?:\s+eve|\s+day)?|new\s+year's\s+(?:eve|day))(?:\s+(?P<year>[12]\d{3}))?\b"), read_christmas, needs="christmas new"),
]
