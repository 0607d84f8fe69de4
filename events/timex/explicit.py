"""Explicit calendar dates, read once the grammar has found them.

The grammar hands over a phrase it has already cut out of the text: "June 13 2025",
"Sept. 5", "11/20/2023". The common shape, a month word, a day and perhaps a year,
is read here directly (a dictionary look-up, where dateparser costs some 3 ms a
call); anything else, and any case where the calendar itself has to choose (a
29 February without a year outside a leap year), goes to dateparser, which is
good at reading a date phrase and poor at finding one in running text. Results
are cached per phrase and reference date: news repeats the same few dates many times.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import dateparser

# The month words of the grammar's MONTH pattern (rules.py), each with its number.
_MONTHS = {
    name: number
    for number, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sept sep", "october oct", "november nov", "december dec"),
        start=1,
    )
    for name in names.split()
}
# "June 13", "Sept. 5 2024": how the readers put a month-day or day-month match together.
_MONTH_DAY_YEAR = re.compile(r"(?P<month>[A-Za-z]+)(?P<dot>\.?) (?P<day>\d{1,2})(?: (?P<year>[12]\d{3}))?")


@lru_cache(maxsize=8192)
def parse_day(phrase: str, reference: date, day_first: bool = False) -> date | None:
    """The day an explicit phrase names, or None if it is not a real date (Feb. 30).

    The reference date is always the relative base, so nothing ever resolves against
    the machine's clock. Phrases without a year come back in the reference year;
    the caller chooses the year from the sentence's tense.
    """
    fast = _month_day_year(phrase, reference)
    if fast is not _UNREAD:
        return fast
    return _dateparser_day(phrase, reference, day_first)


_UNREAD = object()  # the fast path does not read this phrase: dateparser decides


def _month_day_year(phrase: str, reference: date) -> date | None | object:
    """What dateparser makes of a "month day [year]" phrase, read without it; _UNREAD for any other phrase."""
    match = _MONTH_DAY_YEAR.fullmatch(phrase)
    if not match:
        return _UNREAD
    word = match["month"].lower()
    month = _MONTHS.get(word)
    if month is None or (match["dot"] and len(word) > 4):  # "June." is no abbreviation the grammar makes
        return _UNREAD
    year = int(match["year"]) if match["year"] else reference.year
    try:
        return date(year, month, int(match["day"]))
    except ValueError:
        # No such day (30 February, 31 June) in any year; but without a year,
        # dateparser moves a 29 February to some leap year: leave that choice to it.
        return _UNREAD if not match["year"] and (month, match["day"].lstrip("0")) == (2, "29") else None


def _dateparser_day(phrase: str, reference: date, day_first: bool) -> date | None:
    settings = {
        "RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "current_period",
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def warm_dateparser() -> None:
    """Make dateparser's first parse (its settings and language data set up) now rather than at the first phrase."""
    _dateparser_day("3/4/2005", date(2006, 1, 1), day_first=False)
