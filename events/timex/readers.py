"""What each kind of time expression means: readers that turn a match into a Reading.

A reader gets the regular-expression match and the Situation (the reference date,
the clause's tense, the expression's own qualifier) and returns the TIMEX3 type and
value and the calendar span, before signals such as "by" or "since" are applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from lemminflect import getAllLemmas

from scaletui.events.model import Precision

from . import calendar_units as cal
from . import context
from .explicit import parse_day
from .numbers import ORDINALS, parse_count, vague_range

P = Precision

@dataclass
class Reading:
    """What an expression means, before modifiers and signals are applied."""

    timex_type: str
    value: str
    start: date
    end: date
    precision: Precision
    anchored: bool
    confidence: float
    duration: bool = False


@dataclass
class Situation:
    """Everything a reader may need besides the match itself."""

    text: str
    reference: date
    tense: str
    mod: str  # the TIMEX3 mod the expression's own words carry: START, APPROX, MORE_THAN ...


_MONTH_NUMBERS = {name: index for index, name in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_UNIT_CODES = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}
_UNIT_DAYS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14,
    "month": 30.44, "quarter": 91.3, "year": 365.25, "decade": 3652.5, "century": 36525,
}


def month_number(word: str) -> int:
    return _MONTH_NUMBERS[word.lower()[:3]]


def unit_name(word: str) -> str:
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") else word


# ---- calendar units relative to a day --------------------------------------------------


def unit_at(unit: str, day: date) -> tuple[str, date, date, Precision]:
    """The TIMEX3 value and range of the `unit` containing `day`."""
    if unit == "day":
        return day.isoformat(), day, day, P.DAY
    if unit in ("week", "fortnight"):
        start, end = cal.week_range(day)
        return cal.week_value(day), start, end, P.WEEK
    if unit == "weekend":
        start, end = cal.weekend_range(day)
        return cal.week_value(day) + "-WE", start, end, P.WEEK
    if unit == "month":
        start, end = cal.month_range(day.year, day.month)
        return f"{day.year}-{day.month:02d}", start, end, P.MONTH
    if unit == "quarter":
        quarter = cal.quarter_of(day)
        start, end = cal.quarter_range(day.year, quarter)
        return f"{day.year}-Q{quarter}", start, end, P.QUARTER
    if unit == "decade":
        first = day.year // 10 * 10
        start, end = cal.decade_range(first)
        return str(first // 10), start, end, P.DECADE
    if unit == "century":
        first = day.year // 100 * 100
        return str(first // 100), date(first, 1, 1), date(first + 99, 12, 31), P.APPROXIMATE
    start, end = cal.year_range(day.year)
    return str(day.year), start, end, P.YEAR


def shift(day: date, unit: str, steps: float) -> date:
    """`day` moved by `steps` units; calendar units move on the calendar, not by days."""
    whole = int(steps) == steps
    if whole and unit in ("month", "quarter", "year", "decade", "century"):
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
        return cal.add_months(day, int(steps) * months)
    if whole and unit in ("day", "week", "weekend", "fortnight"):
        return day + timedelta(days=int(steps) * {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}[unit])
    return day + timedelta(days=round(steps * _UNIT_DAYS.get(unit, 1)))


# ---- readers ---------------------------------------------------------------------------


def _explicit_day(m: re.Match, s: Situation, day_first: bool) -> Reading | None:
    year = m.group("year")
    phrase = f"{m.group('month')} {m.group('day')}"
    if year:
        found = parse_day(f"{phrase} {year}", s.reference, day_first)
        if not found:
            return None
        return Reading("DATE", found.isoformat(), found, found, P.DAY, False, 0.97)
    found = parse_day(phrase, s.reference, day_first)
    if not found:
        return None

    def occurrence(year: int) -> cal.Range:
        try:
            day = found.replace(year=year)
        except ValueError:  # 29 February outside a leap year
            day = date(year, 2, 28)
        return day, day

    weekday = m.groupdict().get("weekday")
    if weekday:  # "Friday, June 13": the year in which June 13 is a Friday, if one is near
        wanted = _WEEKDAYS.index(weekday.lower())
        matching = [y for y in (s.reference.year, s.reference.year - 1, s.reference.year + 1)
                    if occurrence(y)[0].weekday() == wanted]
        if matching:
            day = occurrence(matching[0])[0]
            return Reading("DATE", day.isoformat(), day, day, P.DAY, True, 0.9)
    _, (day, _) = cal.pick_year(occurrence, s.reference, s.tense)
    return Reading("DATE", day.isoformat(), day, day, P.DAY, True, 0.85 if s.tense else 0.75)


def read_month_day(m: re.Match, s: Situation) -> Reading | None:
    return _explicit_day(m, s, day_first=False)


def read_day_month(m: re.Match, s: Situation) -> Reading | None:
    return _explicit_day(m, s, day_first=True)


def read_iso(m: re.Match, s: Situation) -> Reading | None:
    try:
        day = date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    except ValueError:
        return None
    return Reading("DATE", day.isoformat(), day, day, P.DAY, False, 0.98)


def read_numeric(m: re.Match, s: Situation) -> Reading | None:
    day = parse_day(m.group(0), s.reference, False)
    if not day or not 1900 <= day.year <= 2100:
        return None
    return Reading("DATE", day.isoformat(), day, day, P.DAY, False, 0.9)


def read_month_year(m: re.Match, s: Situation) -> Reading | None:
    year, month = int(m.group("year")), month_number(m.group("month"))
    start, end = cal.month_range(year, month)
    return Reading("DATE", f"{year}-{month:02d}", start, end, P.MONTH, False, 0.95)


def _relative_choice(relative: str | None, unit: Callable[[int], cal.Range], s: Situation) -> tuple[int, cal.Range, float]:
    """Which occurrence of a yearless unit ("June", "summer", "the third quarter") is meant."""
    word = (relative or "").lower().split()[-1] if relative else ""
    if word in ("last", "past", "previous"):
        year, span = cal.last_before(unit, s.reference)
        return year, span, 0.85
    if word in ("next", "coming", "following"):
        year, span = cal.next_after(unit, s.reference)
        return year, span, 0.85
    if word in ("this", "current"):
        year, span = cal.pick_year(unit, s.reference, s.tense)
        return year, span, 0.85
    year, span = cal.pick_year(unit, s.reference, s.tense)
    return year, span, 0.8 if s.tense else 0.7


def read_month(m: re.Match, s: Situation) -> Reading | None:
    month = month_number(m.group("month"))
    year, (start, end), confidence = _relative_choice(m.group("rel"), lambda y: cal.month_range(y, month), s)
    return Reading("DATE", f"{year}-{month:02d}", start, end, P.MONTH, True, confidence)


def read_weekday(m: re.Match, s: Situation) -> Reading | None:
    wanted = _WEEKDAYS.index(m.group("weekday").lower())
    relative = (m.group("rel") or "").lower().split()[-1:] or [""]
    ref = s.reference
    back = (ref.weekday() - wanted) % 7
    ahead = (wanted - ref.weekday()) % 7 or 7
    if relative[0] in ("last", "past", "previous"):
        day, confidence = ref - timedelta(days=back or 7), 0.85
    elif relative[0] in ("next", "coming", "following"):
        day, confidence = ref + timedelta(days=ahead), 0.8
    elif relative[0] == "this":
        day, confidence = cal.week_range(ref)[0] + timedelta(days=wanted), 0.85
    elif s.tense == "future":
        day, confidence = ref + timedelta(days=ahead), 0.8
    else:  # news reports what happened: the most recent such day, the same day included
        day, confidence = ref - timedelta(days=back), 0.85 if s.tense else 0.75
    part = m.group("pod")
    if part:
        return Reading("TIME", f"{day.isoformat()}T{cal.PART_OF_DAY[part.lower()]}", day, day, P.DAY, True, confidence)
    return Reading("DATE", day.isoformat(), day, day, P.DAY, True, confidence)


def read_year(m: re.Match, s: Situation) -> Reading | None:
    year = int(m.group("year"))
    start, end = cal.year_range(year)
    return Reading("DATE", str(year), start, end, P.YEAR, False, 0.95)


def read_fiscal_year(m: re.Match, s: Situation) -> Reading | None:
    digits = m.group("year")
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    start, end = cal.year_range(year)
    return Reading("DATE", str(year), start, end, P.YEAR, False, 0.85)


def read_decade(m: re.Match, s: Situation) -> Reading | None:
    if m.group("full"):
        first = int(m.group("full"))
    else:
        short = int(m.group("short"))
        first = 2000 + short if 2000 + short <= s.reference.year else 1900 + short
    start, end = cal.decade_range(first)
    return Reading("DATE", str(first // 10), start, end, P.DECADE, m.group("full") is None, 0.9)


def read_century(m: re.Match, s: Situation) -> Reading | None:
    word = m.group("ord").lower()
    number = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}.get(word) or int(re.sub(r"\D", "", word))
    first = (number - 1) * 100
    return Reading("DATE", f"{number - 1:02d}", date(max(first, 1), 1, 1), date(first + 99, 12, 31), P.APPROXIMATE, False, 0.9)


def _year_of(m: re.Match, s: Situation) -> int | None:
    """The year a quarter or half names explicitly ("of 2024", "of last year"), if any."""
    year = m.groupdict().get("year")
    if year:
        year = year.lstrip("'")
        return int(year) if len(year) == 4 else 2000 + int(year)
    relative = _relative_year(m)
    if relative:
        return s.reference.year + {"last": -1, "previous": -1, "next": 1}.get(relative, 0)
    return None


def _relative_year(m: re.Match) -> str:
    """The word naming a quarter's or half's year relative to now ("of last year", "last year"), lower case; "" if none."""
    groups = m.groupdict()
    return (groups.get("yrel") or groups.get("ybare") or "").lower()


def read_quarter(m: re.Match, s: Situation) -> Reading | None:
    word = (m.group("q") or "").lower()
    quarter = int(word) if word.isdigit() else ORDINALS.get(word, 4 if word == "final" else 0)
    if not 1 <= quarter <= 4:
        return None
    year = _year_of(m, s)
    if year is None:
        year, (start, end) = cal.pick_year(lambda y: cal.quarter_range(y, quarter), s.reference, s.tense)
        return Reading("DATE", f"{year}-Q{quarter}", start, end, P.QUARTER, True, 0.75)
    start, end = cal.quarter_range(year, quarter)
    return Reading("DATE", f"{year}-Q{quarter}", start, end, P.QUARTER, bool(_relative_year(m)), 0.93)


def read_half(m: re.Match, s: Situation) -> Reading | None:
    word = (m.group("h") or "").lower()
    half = 1 if word in ("1", "first", "1st") else 2
    year = _year_of(m, s)
    anchored = year is None or bool(_relative_year(m))
    if year is None:
        year, (start, end) = cal.pick_year(lambda y: cal.half_range(y, half), s.reference, s.tense)
    else:
        start, end = cal.half_range(year, half)
    return Reading("DATE", f"{year}-H{half}", start, end, P.HALF, anchored, 0.75 if anchored else 0.93)


def read_season(m: re.Match, s: Situation) -> Reading | None:
    code = cal.SEASON_CODES[m.group("season").lower()]
    if m.group("year"):
        year = int(m.group("year"))
        start, end = cal.season_range(year, code)
        return Reading("DATE", f"{year}-{code}", start, end, P.SEASON, False, 0.93)
    relative = m.group("rel")
    relative = None if relative and relative.lower() == "the" else relative
    year, (start, end), confidence = _relative_choice(relative, lambda y: cal.season_range(y, code), s)
    return Reading("DATE", f"{year}-{code}", start, end, P.SEASON, True, confidence - 0.05)


def read_relative_unit(m: re.Match, s: Situation) -> Reading | None:
    """ "last year", "this week", "next month", "the previous quarter"."""
    return _relative_unit(m.group("rel"), m.group("unit").lower(), s)


def _relative_unit(relative: str, unit: str, s: Situation) -> Reading:
    relative = relative.lower().split()[-1]
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(relative, 0)
    value, start, end, precision = unit_at(unit, shift(s.reference, unit, step))
    confidence = 0.6 if relative in ("previous", "following") else 0.92
    return Reading("DATE", value, start, end, precision, True, confidence)


def read_weekend(m: re.Match, s: Situation) -> Reading | None:
    """ "this weekend", "last weekend"; "the weekend" is the last one unless the verb is future."""
    if m.group("rel"):
        return _relative_unit(m.group("rel"), "weekend", s)
    ref = s.reference
    started = ref.weekday() >= 5
    if s.tense == "future":
        day = ref if ref.weekday() < 6 else ref + timedelta(days=7)
    else:
        day = ref if started else ref - timedelta(days=7)
    value, start, end, precision = unit_at("weekend", day)
    return Reading("DATE", value, start, end, precision, True, 0.75)


def read_the_unit(m: re.Match, s: Situation) -> Reading | None:
    """ "the year", "the month": the reference's own unit, said without "this"."""
    unit = m.group("unit").lower()
    day = s.reference
    if unit == "quarter" and s.tense == "past":
        day = shift(day, "quarter", -1)  # results "for the quarter" are for the one just ended
    value, start, end, precision = unit_at(unit, day)
    return Reading("DATE", value, start, end, precision, True, 0.7)


def read_unit_end(m: re.Match, s: Situation) -> Reading | None:
    """ "year-end", "month-end": the end of the reference's unit."""
    value, start, end, precision = unit_at(m.group("unit").lower(), s.reference)
    start, end = cal.narrow(start, end, "late")
    return Reading("DATE", value, start, end, precision, True, 0.75)


def read_earlier_later(m: re.Match, s: Situation) -> Reading | None:
    """ "earlier this month" (before publication), "later this year" (after it)."""
    unit = m.group("unit").lower()
    value, start, end, precision = unit_at(unit, s.reference)
    if m.group("dir").lower() == "earlier":
        end = max(start, s.reference - timedelta(days=1))
    else:
        start = min(end, s.reference + timedelta(days=1))
    return Reading("DATE", value, start, end, precision, True, 0.8)


def read_day_word(m: re.Match, s: Situation) -> Reading | None:
    word = re.sub(r"\s+", " ", m.group("word").lower())
    offset = {
        "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }[word]
    day = s.reference + timedelta(days=offset)
    part = (m.group("pod") or "").lower() or ("night" if word == "tonight" else "")
    if part:
        return Reading("TIME", f"{day.isoformat()}T{cal.PART_OF_DAY[part]}", day, day, P.DAY, True, 0.9)
    return Reading("DATE", day.isoformat(), day, day, P.DAY, True, 0.95)


def read_part_of_day(m: re.Match, s: Situation) -> Reading | None:
    """ "this morning", "last night"."""
    part = m.group("pod").lower()
    day = s.reference
    if m.group("rel").lower() == "last":
        day = day - timedelta(days=1) if part in ("night", "evening") else day - timedelta(days=1)
    return Reading("TIME", f"{day.isoformat()}T{cal.PART_OF_DAY[part]}", day, day, P.DAY, True, 0.85)


def read_clock(m: re.Match, s: Situation) -> Reading | None:
    if m.groupdict().get("word"):
        hour, minute = (12, 0) if m.group("word").lower() in ("noon", "midday") else (0, 0)
    else:
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        if m.groupdict().get("ampm"):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
    day = s.reference  # the tagger moves it to a day named next to it
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", day, day, P.DAY, True, 0.7)


def _count_of(m: re.Match) -> float | None:
    count = parse_count(m.group("num"))
    if count is not None and (m.groupdict().get("half1") or m.groupdict().get("half2")):
        count += 0.5
    return count


def read_ago(m: re.Match, s: Situation) -> Reading | None:
    """ "two years ago" (the year 2023), "several months ago" (an approximate span)."""
    unit = unit_name(m.group("unit"))
    direction = -1 if m.group("dir").lower() in ("ago", "earlier", "before now") else 1
    count = _count_of(m) if m.groupdict().get("num") else None
    ref = s.reference
    if count is None:  # several / a few / bare "years ago"
        low, high = vague_range(m.group("num")) if m.groupdict().get("num") else (2, 10)
        near, far = shift(ref, unit, direction * low), shift(ref, unit, direction * high)
        start, end = min(near, far), max(near, far)
        value = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return Reading("DATE", value, start, end, P.APPROXIMATE, True, 0.4)
    target = shift(ref, unit, direction * count)
    if unit in ("hour", "minute", "second"):
        return Reading("TIME", "PAST_REF" if direction < 0 else "FUTURE_REF", target, target, P.DAY, True, 0.7)
    if count != int(count):  # "a year and a half ago": about a point, not a calendar unit
        return Reading("DATE", target.strftime("%Y-%m"), target - timedelta(days=45), target + timedelta(days=45), P.APPROXIMATE, True, 0.6)
    value, start, end, precision = unit_at(unit, target)
    confidence = 0.85 if unit in ("day", "week", "month", "year") else 0.7
    if s.mod in ("APPROX", "MORE_THAN", "LESS_THAN"):
        confidence -= 0.2
    return Reading("DATE", value, start, end, precision, True, confidence)


def duration_value(count: float | None, unit: str) -> str:
    code = _UNIT_CODES[unit]
    if unit == "fortnight" and count is not None:
        count *= 2
    amount = "X" if count is None else (str(int(count)) if count == int(count) else f"{count:g}")
    if code.startswith("T"):
        return f"PT{amount}{code[1]}"
    return f"P{amount}{code}"


def duration_reading(count: float | None, unit: str, s: Situation, words: str = "", confidence: float = 0.5) -> Reading:
    """A duration placed on the calendar: the stretch it covers ending (or starting) now.

    "for over a year" means it began more than a year ago, so that reading spans from
    about two lengths back to one length back: when it probably began.
    """
    ref = s.reference
    if count is None:
        low, high = vague_range(words) if words else (2, 6)
    else:
        low = high = count
    if s.mod == "MORE_THAN":
        start, end = shift(ref, unit, -2 * high), shift(ref, unit, -low)
    elif s.tense == "future":
        start, end = ref, shift(ref, unit, high)
    else:
        start, end = shift(ref, unit, -high), ref
    return Reading("DURATION", duration_value(count, unit), start, end, P.APPROXIMATE, True,
                   confidence if count is not None else confidence - 0.1, duration=True)


def read_duration(m: re.Match, s: Situation) -> Reading | None:
    unit = unit_name(m.group("unit"))
    words = m.group("num")
    if unit in ("second", "minute", "quarter") and words.lower() in ("a", "an", "one"):
        # "a second term", "a quarter of its revenue": not durations
        following = context.word_after(s.text, m.end()).lower()
        if unit != "minute" and following not in ("", "and", "or", "to", "ago", "later", "earlier", "before", "after"):
            return None
    return duration_reading(_count_of(m), unit, s, words)


def read_plural_unit(m: re.Match, s: Situation) -> Reading | None:
    """ "for years", "in months": some number of the unit."""
    return duration_reading(None, unit_name(m.group("unit")), s, "", 0.4)


def read_span_duration(m: re.Match, s: Situation) -> Reading | None:
    """ "the past decade", "the next three years", "the coming months", "the past few weeks"."""
    unit = unit_name(m.group("unit"))
    words = m.group("num") or ""
    plural = m.group("unit").lower().endswith("s") and unit != "century" or m.group("unit").lower() == "centuries"
    count = parse_count(words) if words else (None if plural else 1)
    direction = m.group("rel").lower()
    tense = "future" if direction in ("next", "coming", "upcoming") else "past"
    situation = Situation(s.text, s.reference, tense, s.mod)
    reading = duration_reading(count, unit, situation, words, 0.6)
    return reading


def read_recent_units(m: re.Match, s: Situation) -> Reading | None:
    unit = unit_name(m.group("unit"))
    return Reading("DATE", "PAST_REF", shift(s.reference, unit, -5), s.reference, P.APPROXIMATE, True, 0.35)


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
}


def read_reference_word(m: re.Match, s: Situation) -> Reading | None:
    value = _REFS[re.sub(r"\s+", " ", m.group("word").lower())]
    ref = s.reference
    if value == "PRESENT_REF":
        return Reading("DATE", value, ref, ref, P.DAY, True, 0.6)
    if value == "PAST_REF":
        far = 3650 if m.group("word").lower() == "the past" else 120
        return Reading("DATE", value, ref - timedelta(days=far), ref, P.APPROXIMATE, True, 0.35)
    far = 3650 if "future" in m.group("word").lower() else 180
    return Reading("DATE", value, ref, ref + timedelta(days=far), P.APPROXIMATE, True, 0.3)


_SET_UNITS = {"annually": "year", "yearly": "year", "weekly": "week", "daily": "day", "monthly": "month",
              "quarterly": "quarter", "hourly": "hour", "nightly": "day", "biweekly": "fortnight",
              "semiannually": "half"}


def read_set(m: re.Match, s: Situation) -> Reading | None:
    groups = m.groupdict()
    ref = s.reference
    if groups.get("weekday"):
        index = _WEEKDAYS.index(groups["weekday"].lower()) + 1
        return Reading("SET", f"XXXX-WXX-{index}", ref, ref, P.APPROXIMATE, True, 0.3)
    unit = _SET_UNITS.get((groups.get("adv") or "").lower()) or unit_name(groups["unit"])
    if unit == "half":
        return Reading("SET", "P6M", ref, ref, P.APPROXIMATE, True, 0.3)
    count = 2 if groups.get("other") else 1
    value = duration_value(count, unit)
    _, start, end, _ = unit_at({"fortnight": "week", "hour": "day", "minute": "day", "second": "day"}.get(unit, unit), ref)
    return Reading("SET", value, start, end, P.APPROXIMATE, True, 0.3)


# After a holiday's name, these words still name a time ("Christmas morning"); any other noun
# makes the name a modifier: an office "Christmas party" or "Christmas tree" is no date.
_HOLIDAY_TIMES = frozenset("eve day morning afternoon evening night weekend week holiday holidays break period season".split())


def lemma_is_noun(word: str) -> bool:
    return "NOUN" in getAllLemmas(word)


def read_christmas(m: re.Match, s: Situation) -> Reading | None:
    word = m.group(0).lower()
    following = context.word_after(s.text, m.end())
    if not m.group("year") and following[:1].islower() and following.lower() not in _HOLIDAY_TIMES:
        if following.lower() not in context.DATE_CONTEXT and lemma_is_noun(following.lower()):
            return None
    month, day = (1, 1) if "day" in word and "new" in word else (12, 31) if "eve" in word and "new" in word else (12, 24) if "eve" in word else (12, 25)
    if m.group("year"):
        found = date(int(m.group("year")), month, day)
        return Reading("DATE", found.isoformat(), found, found, P.DAY, False, 0.9)
    _, (found, _) = cal.pick_year(lambda y: (date(y, month, day),) * 2, s.reference, s.tense)
    return Reading("DATE", found.isoformat(), found, found, P.DAY, True, 0.75)
