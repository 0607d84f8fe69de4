"""The tagger's contract and its parts: offsets, resolution rules, tense, calendar arithmetic."""

from datetime import date, datetime

import pytest

from scaletui.events.model import Modifier, Precision, TimeExpression
from scaletui.events.timex import tag
from scaletui.events.timex import calendar_units as cal
from scaletui.events.timex import explicit
from scaletui.events.timex.numbers import parse_count
from scaletui.events.timex.tense import clause_tense, tense_for

REF = date(2025, 6, 13)  # a Friday


def values(text: str, reference: date = REF) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in tag(text, reference)]


# ---- the API contract --------------------------------------------------------------------


def test_returns_time_expressions_sorted_with_exact_offsets():
    text = "On Monday, two years ago, the firm said that in 2016 and last week it grew 49%."
    found = tag(text, REF)
    assert all(isinstance(e, TimeExpression) for e in found)
    assert [e.text for e in found] == ["Monday", "two years ago", "2016", "last week"]
    assert [e.start for e in found] == sorted(e.start for e in found)
    for e in found:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("text", ["", "   ", "No dates here at all.", "$29 billion, 49%, 28-year-old"])
def test_nothing_to_find(text):
    assert tag(text, REF) == []


def test_a_datetime_reference_is_accepted():
    assert values("It happened last year.", datetime(2025, 6, 13, 15, 30)) == [("last year", "2024")]


def test_resolution_depends_on_the_reference_not_on_today():
    old = date(1999, 3, 10)  # a Wednesday
    assert values("It fell last year and rose yesterday, on Monday and in June.", old) == [
        ("last year", "1998"), ("yesterday", "1999-03-09"), ("Monday", "1999-03-08"), ("June", "1998-06"),
    ]


def test_anchored_marks_what_needed_the_reference():
    anchored = {e.text: e.anchored for e in tag("In 2016, on June 12, 2025, and last year and on Friday.", REF)}
    assert anchored == {"2016": False, "June 12, 2025": False, "last year": True, "Friday": True}


def test_confidence_is_higher_for_explicit_dates_than_for_vague_ones():
    found = {e.text: e.span.confidence for e in tag("On June 12, 2025, several months ago, and in June.", REF)}
    assert found["June 12, 2025"] > found["June"] > found["several months ago"]
    assert all(0 <= c <= 1 for c in found.values())


def test_dateparser_reads_only_found_phrases_and_is_cached(monkeypatch):
    calls = []
    real = explicit.dateparser.parse

    def counting(phrase, *args, **kwargs):
        calls.append(phrase)
        settings = kwargs["settings"]
        assert settings["RELATIVE_BASE"] == datetime(2021, 2, 3)
        return real(phrase, *args, **kwargs)

    monkeypatch.setattr(explicit.dateparser, "parse", counting)
    explicit.parse_day.cache_clear()
    # Numeric dates: "Nov. 18, 2020" and the like are read without dateparser (test_timex_fast.py).
    sentence = "The deal, signed on 11/18/2020, after talks last year, closed on 12/20/2020."
    for _ in range(3):
        assert values(sentence, date(2021, 2, 3)) == [
            ("11/18/2020", "2020-11-18"), ("last year", "2020"), ("12/20/2020", "2020-12-20"),
        ]
    assert sorted(calls) == ["11/18/2020", "12/20/2020"]  # each phrase once


@pytest.mark.parametrize("reference", [date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29)])
def test_extreme_references_never_raise(reference):
    text = "Last year, two years ago, next week, in 9999 years from now, on Feb. 29 and in the 1990s."
    for e in tag(text, reference):
        assert text[e.start : e.end] == e.text


def test_impossible_dates_are_dropped():
    assert values("It was filed on 2023-02-30 and on Feb. 30, 2024.") == []


# ---- resolution rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    "reference,text,expected",
    [
        (date(2025, 6, 16), "They met on Friday.", "2025-06-13"),  # Monday: back to last Friday
        (date(2025, 6, 16), "They will meet on Friday.", "2025-06-20"),
        (date(2025, 6, 13), "They will meet on Friday.", "2025-06-20"),  # not the same day
        (date(2025, 6, 13), "They met last Friday.", "2025-06-06"),
        (date(2025, 1, 2), "Sales fell last week.", "2024-W52"),
        (date(2025, 1, 2), "Sales fell last month.", "2024-12"),
        (date(2024, 12, 30), "The plan starts next month.", "2025-01"),
        (date(2025, 6, 13), "They met in December.", "2024-12"),
        (date(2025, 6, 13), "They will meet in December.", "2025-12"),
        (date(2025, 6, 13), "They will meet in June.", "2025-06"),
        (date(2025, 2, 10), "The report comes out in December.", "2024-12"),  # nearest reading
        (date(2025, 6, 13), "They met last June.", "2024-06"),
        (date(2025, 6, 13), "It rose last summer.", "2024-SU"),
        (date(2025, 6, 13), "It rose last spring.", "2025-SP"),
        (date(2025, 6, 13), "It will launch in Q4.", "2025-Q4"),
        (date(2025, 6, 13), "It rose in H1 2025.", "2025-H1"),
        (date(2025, 6, 13), "It was popular in the '90s.", "199"),
        (date(2025, 6, 13), "It grew in the last quarter.", "P1Q"),
        (date(2025, 6, 13), "Profit rose last quarter.", "2025-Q1"),
        (date(2025, 6, 13), "Sales are up this quarter.", "2025-Q2"),
        (date(2024, 3, 1), "They met on Feb. 29.", "2024-02-29"),
        (date(2025, 6, 13), "They meet every Monday.", "XXXX-WXX-1"),
        (date(2025, 6, 13), "Dividends are paid quarterly.", "P1Q"),
        (date(2025, 6, 13), "Shops closed on Christmas Day.", "2024-12-25"),
        (date(2025, 6, 13), "The firm will report on 7/24/2025.", "2025-07-24"),
        (date(2025, 6, 13), "Losses mounted over the weekend.", "2025-W23-WE"),
        (date(2025, 6, 13), "It happened the day before yesterday.", "2025-06-11"),
        (date(2025, 6, 13), "Talks resume at noon tomorrow.", "2025-06-14T12:00"),
        (date(2025, 6, 13), "It was 18 months ago.", "2023-12"),
        (date(2025, 6, 13), "It ends two years from now.", "2027"),
        (date(2025, 6, 13), "Brent rose to $73.10 a barrel by 1300 GMT.", "2025-06-13T13:00"),
        (date(2025, 6, 13), "She has been CEO since March and will step down in July.", "2025-03"),
        (date(2025, 6, 13), "Dozens gathered on Thursday night.", "2025-06-12TNI"),
    ],
)
def test_resolution(reference, text, expected):
    assert tag(text, reference)[0].value == expected


def test_early_mid_late_narrow_to_a_third():
    spans = {e.text: (e.span.start, e.span.end) for e in tag("Early 2024, mid-2024 and late 2024 differed.", REF)}
    assert spans == {
        "Early 2024": (date(2024, 1, 1), date(2024, 4, 30)),
        "mid-2024": (date(2024, 5, 1), date(2024, 8, 31)),
        "late 2024": (date(2024, 9, 1), date(2024, 12, 31)),
    }


def test_by_a_month_is_a_deadline_label():
    (e,) = tag("The deal must close by September.", REF)
    assert e.span.modifier is Modifier.BY and e.span.label() == "by Sep 2025"


def test_over_is_a_signal_before_the_and_a_quantity_before_a_count():
    first, second = tag("Over the past year it grew, and it shrank for over three years.", REF)
    assert (first.text, first.mod) == ("the past year", "")
    assert (second.text, second.mod, second.span.modifier) == ("over three years", "MORE_THAN", Modifier.MORE_THAN)


@pytest.mark.parametrize(
    "text",
    [
        "The fund has $2000 in cash and 1500 employees.",
        "Version 2024 of the app ships with GPT-4.",
        "It ran Windows 2000 on 2,016 machines at 49.5%.",
        "Theresa May said it may rain; March on, he said.",
        "The Sunday Times reported Black Friday sales.",
        "The 28-year-old rode a two-year-old horse.",
        "Analysts weigh the future of neutrality in the spring of innovation.",
        "She scored 2019 points in a second attempt.",
        "The firm, at 1600 Amphitheatre Parkway, rose to 1300 points.",
    ],
)
def test_not_dates(text):
    assert tag(text, REF) == []


def test_month_names_that_are_names_need_context():
    assert values("April Ryan and June Carter spoke in August.") == [("August", "2024-08")]


# ---- parts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The company will announce it in June.", "future"),
        ("The company announced it in June.", "past"),
        ("The summit will be held in June.", "future"),
        ("The company plans to open a plant in June.", "future"),
        ("Google had already begun pulling back in June, though it will continue.", "past"),
        ("The company holds its meeting in June.", ""),
    ],
)
def test_clause_tense(sentence, expected):
    start = sentence.index("June")
    assert clause_tense(sentence, start, start + 4) == expected


def test_the_expression_carries_its_own_direction():
    text = "It will report last year's results next week."
    assert tense_for(text, text.index("last"), text.index("last") + 9) == "past"
    assert tense_for(text, text.index("next"), text.index("next") + 9) == "future"


@pytest.mark.parametrize("words,count", [("three", 3), ("twenty-five", 25), ("18", 18), ("a", 1), ("a couple of", 2), ("several", None)])
def test_parse_count(words, count):
    assert parse_count(words) == count


def test_pick_year_directions():
    def june(year):
        return cal.month_range(year, 6)

    assert cal.pick_year(june, date(2025, 6, 13), "past")[0] == 2025
    assert cal.pick_year(june, date(2025, 6, 13), "future")[0] == 2025
    assert cal.pick_year(june, date(2025, 5, 1), "past")[0] == 2024
    assert cal.pick_year(june, date(2025, 7, 1), "future")[0] == 2026
    assert cal.pick_year(june, date(2025, 1, 1), "")[0] == 2025


def test_narrow_short_span_by_days():
    assert cal.narrow(date(2025, 6, 1), date(2025, 6, 30), "early") == (date(2025, 6, 1), date(2025, 6, 10))
    assert cal.narrow(date(2025, 6, 1), date(2025, 6, 30), "late") == (date(2025, 6, 21), date(2025, 6, 30))


def test_precisions_cover_every_unit():
    text = ("On June 3 last week in May of Q1 2025 in the first half of 2024 in summer 2023 "
            "in 2022 in the 1990s and for several months.")
    assert [e.span.precision for e in tag(text, REF)] == [
        Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.QUARTER, Precision.HALF,
        Precision.SEASON, Precision.YEAR, Precision.DECADE, Precision.APPROXIMATE,
    ]


# A trailing attribution ("..., the union said") is past tense, but the date
# belongs to what was said; and a yearless day a few weeks from publication is
# that day whatever the verb.
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Dock workers will walk out for two days from March 11, their union said.", date(2024, 3, 11)),
        ("The union announced a strike of 48 hours from 11 March.", date(2024, 3, 11)),
        ("The board met on March 5 to approve the sale.", date(2024, 3, 5)),
        ("The board will meet on March 5, a spokesman said.", date(2024, 3, 5)),
        ("The board met on June 5 to approve the sale.", date(2023, 6, 5)),
        ("The board will meet on June 5.", date(2024, 6, 5)),
    ],
)
def test_yearless_days_near_publication(sentence, expected):
    found = [e for e in tag(sentence, date(2024, 3, 8)) if e.span.precision is Precision.DAY]
    assert [e.span.start for e in found] == [expected]
