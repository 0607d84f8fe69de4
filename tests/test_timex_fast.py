"""Common explicit dates are read without dateparser, and exactly as dateparser reads them."""

from __future__ import annotations

from datetime import date

import pytest

from scaletui.events.timex import explicit, tag

MONTH_WORDS = ["January", "february", "MARCH", "Apr.", "May", "June", "Jun.", "jul", "Sept.", "Sep", "Nov.", "dec", "June."]
DAYS = ["1", "01", "13", "29", "30", "31", "0", "32"]
YEARS = ["", "2025", "2024", "2023", "1066"]
REFERENCES = [date(2025, 6, 13), date(2024, 1, 1), date(2023, 3, 1), date(1, 1, 1), date(9999, 12, 31)]


def phrases(reference: date) -> list[str]:
    # The shape the readers build from "June 13, 2025", "13 June 2025", "June 13", "Sept. 5th".
    # A year given reads alike against any reference: those are tried against the first only.
    years = YEARS if reference == REFERENCES[0] else [""]
    return [f"{month} {day} {year}".strip() for month in MONTH_WORDS for day in DAYS for year in years]


@pytest.mark.parametrize("reference", REFERENCES)
def test_fast_path_reads_month_day_year_as_dateparser_does(reference, monkeypatch):
    explicit.parse_day.cache_clear()
    expected = {(p, first): explicit._dateparser_day(p, reference, first) for p in phrases(reference) for first in (False, True)}
    calls = []
    real = explicit.dateparser.parse
    monkeypatch.setattr(explicit.dateparser, "parse", lambda phrase, *a, **k: calls.append(phrase) or real(phrase, *a, **k))
    explicit.parse_day.cache_clear()
    got = {(p, first): explicit.parse_day(p, reference, first) for p in phrases(reference) for first in (False, True)}
    assert got == expected
    # Only a 29 February without a year, outside a leap year, is left to dateparser.
    assert all(phrase.split()[1] == "29" and len(phrase.split()) == 2 for phrase in calls)
    assert "June 13 2025" not in calls and "June 13" not in calls


def test_other_phrases_still_go_to_dateparser(monkeypatch):
    calls = []
    real = explicit.dateparser.parse
    monkeypatch.setattr(explicit.dateparser, "parse", lambda phrase, *a, **k: calls.append(phrase) or real(phrase, *a, **k))
    explicit.parse_day.cache_clear()
    assert explicit.parse_day("11/20/2023", date(2025, 1, 1)) == date(2023, 11, 20)
    assert explicit.parse_day("Juno 13 2025", date(2025, 1, 1)) is None
    assert calls == ["11/20/2023", "Juno 13 2025"]


def test_sentences_read_their_dates_without_dateparser(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("dateparser called")

    monkeypatch.setattr(explicit.dateparser, "parse", refuse)
    explicit.parse_day.cache_clear()
    text = ("On June 13, 2025 the board met; filings dated 2025-06-12 and 13 June 2025 followed, "
            "and the vote is set for Sept. 5th.")
    found = [(e.text, e.span.start.isoformat()) for e in tag(text, date(2025, 6, 20))]
    assert found == [
        ("June 13, 2025", "2025-06-13"), ("2025-06-12", "2025-06-12"), ("13 June 2025", "2025-06-13"),
        ("Sept. 5th", "2025-09-05"),
    ]
