"""When an article says it was published: datelines, "Published:" lines, date lines.

Only what the text states explicitly counts. Nothing is resolved against
today's date. A dateline without a year ("SAN FRANCISCO, June 13 (Reuters) -")
takes its year from the page's copyright line ("© Thomson Reuters 2025") and
gives no date when there is none: other years in the story are about the
story's events, not about when it was written, so they are left to the
pipeline's estimate, which is marked as such.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|\b)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_DATE_FORMS = [
    re.compile(rf"(?i)\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),  # June 13, 2025
    re.compile(rf"(?i)\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"),  # 13 June 2025
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)\b"),  # 2025-06-13
    re.compile(r"\b(?P<first>[0-3]?\d)[/.](?P<second>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),  # 13/06/2025
]


def _numeric(match: re.Match[str]) -> tuple[int | None, int, int, re.Match[str]] | None:
    """13/06/2025 or 06/13/2025: only when one side cannot be a month is the order known."""
    first, second = int(match.group("first")), int(match.group("second"))
    if first > 12 >= second:
        return int(match.group("year")), second, first, match
    if second > 12 >= first:
        return int(match.group("year")), first, second, match
    return None

_KEYWORD_LINE = re.compile(
    r"(?i)^[\W_]*(?P<word>first\s+published|published|posted|released|issued|dated?|"
    r"last\s+updated|updated|last\s+modified|modified)(?:\s+(?:on|at))?\s*[:\-–—|]?\s*"
)
_BYLINE = re.compile(r"^[\W_]*[Bb]y\s+\S")
_SEPARATOR = re.compile(r"\s*(?:—|–|--)\s*|\s+-\s*|\s*-\s+")
_DATELINE_BEFORE = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.'’ -]*)*,?)?\s*(?:\([^)]{1,40}\)\s*)?$")
_PLACE_AND_AGENCY = re.compile(r"^\s*[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.'’ -]*)*,?\s*(?:\([^)]{1,40}\)|/[^/]{1,40}/)\s*$")
_DATELINE_AFTER = re.compile(r"^[\s,]*(?:\([^)]{1,40}\)|/[^/]{1,40}/)?\s*$")
_TIME_TAIL = re.compile(
    r"(?i)^[\s,|·•/-]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5}|utc[+-]?\d*|gmt[+-]?\d*)?)?[\s,|·•]*$"
)
_COPYRIGHT = re.compile(r"(?i)©|\(c\)|^\W*copyright\b")
_YEAR_ANYWHERE = re.compile(r"\b(19[89]\d|20\d\d|2100)\b")

_LEADING_LINES = 12  # datelines and date lines stand at the top of the story


def _date_at(text: str, search: bool = False) -> tuple[int | None, int, int, re.Match[str]] | None:
    """(year or None, month, day, match) of the first date form at (or, searching, in) text."""
    best = None
    for form in _DATE_FORMS:
        match = form.search(text) if search else form.match(text)
        if not match:
            continue
        if best is None or match.start() < best.start():
            best = match
    if best is None:
        return None
    if "first" in best.re.groupindex:
        return _numeric(best)
    month_text = best.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
    year = best.group("year")
    return (int(year) if year else None), month, int(best.group("day")), best


def _to_date(year: int | None, month: int, day: int, fallback_year: int | None) -> tuple[date, bool] | None:
    """The date, and whether its year came from the copyright line."""
    borrowed = year is None
    year = year or fallback_year
    if year is None:
        return None
    try:
        return date(year, month, day), borrowed
    except ValueError:
        return None


def copyright_year(text: str) -> int | None:
    """The latest year on a copyright line ("© Thomson Reuters 2025", "Copyright 2010-2024")."""
    years = []
    for line in text.splitlines():
        if len(line.split()) <= 20 and _COPYRIGHT.search(line):
            years.extend(int(y) for y in _YEAR_ANYWHERE.findall(line))
    return max(years) if years else None


def find_published(text: str) -> tuple[date, str] | None:
    """The publication date the text states, and how it says it.

    Basis, in order of preference: "published line" ("Published: 2023-11-20"),
    "dateline" ("SAN FRANCISCO, June 13, 2025 (Reuters) -", "Nov 18, 2023 -"),
    "date line" (a line near the top holding only a date, or a byline with a date),
    "updated line" ("Updated 20 November 2023": later than publication, but close).
    A year borrowed from the copyright line adds ", year from copyright" to the basis.
    """
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    leading = filled[:_LEADING_LINES]
    fallback_year = copyright_year(text)
    found: dict[str, tuple[date, bool]] = {}

    for line in filled:
        if len(line.split()) > 16:
            continue
        keyword = _KEYWORD_LINE.match(line)
        if not keyword:
            continue
        parsed = _date_at(line[keyword.end() :])
        if not parsed:
            continue
        when = _to_date(*parsed[:3], fallback_year)
        kind = "updated line" if re.search(r"(?i)updated|modified", keyword.group("word")) else "published line"
        if when and kind not in found:
            found[kind] = when

    for line in leading:
        when = _dateline(line, fallback_year)
        if when and "dateline" not in found:
            found["dateline"] = when
        when = _date_line(line, fallback_year)
        if when and "date line" not in found:
            found["date line"] = when

    for basis in ("published line", "dateline", "date line", "updated line"):
        if basis in found:
            when, borrowed = found[basis]
            return when, f"{basis}, year from copyright" if borrowed else basis
    return None


def _dateline(line: str, fallback_year: int | None) -> tuple[date, bool] | None:
    """The date of a paragraph opening "PLACE, Date (Agency) -" or "Date -"."""
    found = _match_dateline(line)
    if not found or not found[1]:
        return None
    return _to_date(*found[1][:3], fallback_year)


def dateline_length(line: str) -> int:
    """How much of `line` is a dateline ("LONDON, June 13 (Reuters) - ", "PARIS (AFP) — "); 0 if none."""
    found = _match_dateline(line)
    return found[0] if found else 0


def _match_dateline(line: str) -> tuple[int, tuple | None] | None:
    """(length of the dateline with its dash, the parsed date or None when it has none)."""
    separator = _SEPARATOR.search(line, 0, 120)
    if not separator or not line[: separator.start()].strip():
        return None
    prefix = line[: separator.start()]
    parsed = _date_at(prefix, search=True)
    if parsed:
        match = parsed[3]
        if _DATELINE_BEFORE.match(prefix[: match.start()]) and _DATELINE_AFTER.match(prefix[match.end() :]):
            return separator.end(), parsed
        return None
    if _PLACE_AND_AGENCY.match(prefix):
        return separator.end(), None
    return None


def _date_line(line: str, fallback_year: int | None) -> tuple[date, bool] | None:
    """A line near the top that is just a date (maybe with a time), or a byline ending in one."""
    if len(line.split()) > 14:
        return None
    parsed = _date_at(line)
    if parsed and _TIME_TAIL.match(line[parsed[3].end() :]):
        return _to_date(*parsed[:3], fallback_year)
    if _BYLINE.match(line):
        parsed = _date_at(line, search=True)
        if parsed and parsed[0] is not None:
            return _to_date(*parsed[:3], None)
    return None
