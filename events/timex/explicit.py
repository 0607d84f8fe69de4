"""Explicit calendar dates, parsed by dateparser once the grammar has found them.

dateparser is good at reading a date phrase ("20 November 2023", "Sept. 5th, 2024",
"11/20/2023") and poor at finding one in running text, so it only ever sees phrases
the grammar has already cut out. Results are cached per phrase and reference date:
news repeats the same few dates many times.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

import dateparser

@lru_cache(maxsize=8192)
def parse_day(phrase: str, reference: date, day_first: bool = False) -> date | None:
    """The day an explicit phrase names, or None if it is not a real date (Feb. 30).

    The reference date is always the relative base, so nothing ever resolves against
    the machine's clock. Phrases without a year come back in the reference year;
    the caller chooses the year from the sentence's tense.
    """
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
