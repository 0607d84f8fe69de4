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

from scaletui.events.entity_lexicon import known_place  # its gazetteers load on first use
from scaletui.events.figures import matched_key

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
    re.compile(rf"(?i)\b{_WEEKDAY}{_MONTH}-{_DAY}-(?P<year>\d\d(?:\d\d)?)\b"),  # Dec-19-05
]
# Only on a line that is nothing but a date: two-digit years are too ambiguous in running text.
_SHORT_NUMERIC = re.compile(r"\b(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>\d\d)\b")  # 06/13/25


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # '05 -> 2005, '98 -> 1998: news archives rarely reach further back
        year += 2000 if year < 70 else 1900
    return year


def _numeric(match: re.Match[str]) -> tuple[int | None, int, int, re.Match[str]] | None:
    """13/06/2025 or 06/13/2025: only when one side cannot be a month (or both are the same) is the date known."""
    first, second = int(match.group("first")), int(match.group("second"))
    year = _full_year(match.group("year"))
    if first > 12 >= second:
        return year, second, first, match
    if second > 12 >= first or first == second <= 12:
        return year, first, second, match
    return None

_KEYWORD_LINE = re.compile(
    r"(?i)^[\W_]*(?P<word>first\s+published|published|posted|released|issued|dated?|"
    r"last\s+updated|updated|last\s+modified|modified)(?:\s+(?:on|at))?\s*[:\-–—|]?\s*"
)
_BYLINE = re.compile(r"^[\W_]*[Bb]y\s+\S")
# A lone underscore is the dash of wire copy typed without one ("NEW YORK (AP) _ Stocks fell").
_SEPARATOR = re.compile(r"\s*(?:—|–|--)\s*|\s+-\s*|\s*-\s+|\s+_\s+")
_DATELINE_BEFORE = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.'’ -]*)*,?)?\s*(?:\([^)]{1,40}\)\s*)?$")
# The place may be left out: "(CNN) -- A powerful earthquake struck".
_PLACE_AND_AGENCY = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.'’ -]*)*,?\s*)?(?:\([A-Za-z][^)]{0,39}\)|/[^/]{1,40}/)\s*$")
_LOWER_CASE = re.compile(r"\b[a-z]{3,}\b")  # a word of running text, not a headline's
_PLACE_ONLY = re.compile(r"^\s*([A-Z][A-Z.'’ -]{2,})(?:,\s*[A-Z][\w.'’ -]*)?,?\s*$")
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
    month = int(month_text) if month_text.isdigit() else _MONTHS[matched_key(month_text[:3])]
    year = best.group("year")
    return (_full_year(year) if year else None), month, int(best.group("day")), best


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
    "date line" (a line near the top holding only a date stamp, or a byline with a date),
    "updated line" ("Updated 20 November 2023": later than publication, but close).
    A year borrowed from the copyright line adds ", year from copyright" to the basis.
    """
    found = _stated_dates(text)
    fallback_year = copyright_year(text)
    for basis in _BASES:
        if basis in found:
            year, month, day = found[basis]
            when = _to_date(year, month, day, fallback_year)
            if when:
                return when[0], f"{basis}, year from copyright" if when[1] else basis
    return None


def find_yearless(text: str) -> tuple[int, int, str] | None:
    """(month, day, basis) of a dateline or date line that gives no year ("LONDON, June 13 (Reuters) -").

    The year is the corpus's to find: see `pipeline.date_sources`.
    """
    found = _stated_dates(text)
    for basis in _BASES:
        if basis in found and found[basis][0] is None:
            _, month, day = found[basis]
            try:
                date(2000, month, day)  # a leap year: any real month and day passes
            except ValueError:
                continue
            return month, day, basis
    return None


_BASES = ("published line", "dateline", "date line", "updated line")


def _stated_dates(text: str) -> dict[str, tuple[int | None, int, int]]:
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    found: dict[str, tuple[int | None, int, int]] = {}
    for line in filled:
        if len(line.split()) > 16:
            continue
        keyword = _KEYWORD_LINE.match(line)
        if not keyword:
            continue
        parsed = _date_at(line[keyword.end() :]) or _stamp_date(line[keyword.end() :])
        if not parsed:
            continue
        kind = "updated line" if re.search(r"(?i)updated|modified", keyword.group("word")) else "published line"
        found.setdefault(kind, parsed[:3])
    for line in filled[:_LEADING_LINES]:
        if _KEYWORD_LINE.match(line):
            continue  # read above, with its keyword's meaning
        dateline = _match_dateline(line)
        if dateline and dateline[1]:
            found.setdefault("dateline", dateline[1][:3])
        stamp = _stamp_date(line) or _byline_date(line)
        if stamp:
            found.setdefault("date line", stamp[:3])
    return found


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
    if _PLACE_AND_AGENCY.match(prefix) or (_known_place(prefix) and _LOWER_CASE.search(line, separator.end(), separator.end() + 60)):
        return separator.end(), None
    return None


def _known_place(prefix: str) -> bool:
    """A dateline of a place alone, in capitals ("WASHINGTON _", "LOS ANGELES, Calif. -"), when the
    gazetteer knows the place: a capitalised word before a dash is otherwise often the subject ("NASA - ").
    Its caller also wants running text after the dash: "CHINA - US Trade Talks Resume" is a headline."""
    found = _PLACE_ONLY.match(prefix)
    if found is None:
        return False
    return known_place(found[1].strip())


# What a date stamp may carry beside its date: "Posted", "Updated on Mon", "7:15 a.m. ET", "(GMT+05:00)".
_STAMP_WORDS = frozenset(
    """on at posted published updated edited last modified first date dated time and am pm noon midnight
    gmt utc bst cet cest eet ist jst aest aedt et est edt ct cst cdt mt mst mdt pt pst pdt hst akst""".split()
)
_WEEKDAYS = frozenset(
    """mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday""".split()
)
_LETTERS = re.compile(r"[A-Za-z]+")
_STAMP_MAX_WORDS = 14


def _stamp_date(line: str) -> tuple[int | None, int, int, re.Match[str]] | None:
    """The date of a line that is only a date stamp ("7:15 a. m. Dec. 7, 2009", "06 / 06 / 13 07:05 PM ET")."""
    if len(line.split()) > _STAMP_MAX_WORDS:
        return None
    text = re.sub(r"\s*/\s*", "/", line)
    parsed = _date_at(text, search=True)
    numeric = _SHORT_NUMERIC.search(text) or _DATE_FORMS[3].search(text)
    if numeric and (parsed is None or numeric.start() <= parsed[3].start()):
        parsed = _numeric(numeric)
    if parsed is None:
        return None
    match = parsed[3]
    rest = text[: match.start()] + " " + text[match.end() :]
    for word in _LETTERS.findall(rest):
        lower = word.lower()
        if len(lower) == 1 or lower in _STAMP_WORDS or lower in _WEEKDAYS:
            continue
        return None
    return parsed


def _byline_date(line: str) -> tuple[int | None, int, int, re.Match[str]] | None:
    """The date at the end of a short byline ("By Jane Doe, June 13, 2025"); bylines without a year say too little."""
    if len(line.split()) > _STAMP_MAX_WORDS or not _BYLINE.match(line):
        return None
    parsed = _date_at(line, search=True)
    return parsed if parsed and parsed[0] is not None else None


_BYLINE_WORDS = 8
_DIGIT = re.compile(r"\d")  # as the date forms read it: any Unicode digit


def looks_like_date_line(text: str) -> bool:
    """Whether a short line is page furniture about the article (a date stamp, a byline), not a headline."""
    line = text.strip()
    if _DIGIT.search(line) is None:  # every date form, the clock time's too, has a digit: only a byline is left to be
        return bool(_BYLINE.match(line)) and len(line.split()) <= _BYLINE_WORDS
    if _stamp_date(line):
        return True
    if _KEYWORD_LINE.match(line) and (_date_at(line, search=True) or re.search(r"\d{1,2}[:.]\d\d", line)):
        return True
    return bool(_BYLINE.match(line)) and len(line.split()) <= _BYLINE_WORDS
