"""Calendar units as inclusive date ranges, and TIMEX3 values for them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from scaletui.events.model import month_end

Range = tuple[date, date]

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_CODES = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, month_end(year, month).day))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def year_range(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31)


def month_range(year: int, month: int) -> Range:
    return date(year, month, 1), month_end(year, month)


def quarter_range(year: int, quarter: int) -> Range:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_end(year, first + 2)


def half_range(year: int, half: int) -> Range:
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def season_range(year: int, code: str) -> Range:
    """Seasons by meteorological months; winter Y runs from December Y into February Y+1."""
    first = SEASON_MONTHS[code]
    start = date(year, first, 1)
    return start, add_months(start, 3) - timedelta(days=1)


def week_range(day: date) -> Range:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekend_range(day: date) -> Range:
    saturday = week_range(day)[0] + timedelta(days=5)
    return saturday, saturday + timedelta(days=1)


def decade_range(decade_start: int) -> Range:
    return date(decade_start, 1, 1), date(decade_start + 9, 12, 31)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


NEAR_DAY_WINDOW = 31


def pick_year(unit: Callable[[int], Range], reference: date, tense: str) -> tuple[int, Range]:
    """The year in which a yearless unit ("June", "the third quarter", "Nov. 18") falls.

    Future tense: the first occurrence that has not ended by the reference date.
    Past tense: the last occurrence that had begun by it. Otherwise the nearest
    occurrence; one containing the reference date is nearest of all.
    """
    options = [(year, unit(year)) for year in (reference.year - 1, reference.year, reference.year + 1)]

    def distance(option: tuple[int, Range]) -> int:
        start, end = option[1]
        if start <= reference <= end:
            return 0
        return (start - reference).days if start > reference else (reference - end).days

    nearest = min(options, key=distance)
    # A yearless day a few weeks from publication is that day, whatever the
    # verb: news does not write "met on March 11" for a date almost a year
    # back, nor "will meet on March 5" three days after it passed.
    if nearest[1][0] == nearest[1][1] and distance(nearest) <= NEAR_DAY_WINDOW:
        return nearest
    if tense == "future":
        return next(option for option in options if option[1][1] >= reference)
    if tense == "past":
        return [option for option in options if option[1][0] <= reference][-1]
    return nearest


def last_before(unit: Callable[[int], Range], reference: date) -> tuple[int, Range]:
    """ "last June": the latest occurrence that ended before the reference date."""
    options = [(year, unit(year)) for year in range(reference.year - 2, reference.year + 1)]
    return [option for option in options if option[1][1] < reference][-1]


def next_after(unit: Callable[[int], Range], reference: date) -> tuple[int, Range]:
    """ "next June": the earliest occurrence that starts after the reference date."""
    options = [(year, unit(year)) for year in range(reference.year - 1, reference.year + 3)]
    return next(option for option in options if option[1][0] > reference)


def narrow(start: date, end: date, part: str) -> Range:
    """The first, middle or last third of a span ("early 2025" is January to April).

    Spans of whole months split on month boundaries, shorter ones on days.
    """
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if whole_months and months >= 3:
        third = months // 3
        extra = months - 3 * third  # any remainder widens the middle third
        bounds = {
            "early": (0, third),
            "mid": (third, 2 * third + extra),
            "late": (2 * third + extra, months),
        }[part]
        first = add_months(start, bounds[0])
        last_month = add_months(start, bounds[1] - 1)
        return first, month_end(last_month.year, last_month.month)
    days = (end - start).days + 1
    third = days // 3
    if part == "early":
        return start, start + timedelta(days=max(third, 1) - 1)
    if part == "mid":
        return start + timedelta(days=third), end - timedelta(days=third)
    return end - timedelta(days=max(third, 1) - 1), end
