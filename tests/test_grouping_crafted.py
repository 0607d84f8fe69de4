"""Grouping on small invented corpora, each written to pin one rule (tests/corpora/<name>/sources.toml
says what it shows)."""

from pathlib import Path

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline

CORPORA = Path(__file__).resolve().parent / "corpora"


def event_finder(corpus: str):
    timeline = build_timeline(load_corpus(CORPORA / corpus))

    def event_of(source: str, fragment: str):
        return next(e for e in timeline.events for s in e.statements if s.source == source and fragment in s.text)

    return event_of


def test_less_than_two_weeks_ago_joins_this_months_report_not_one_three_years_back():
    event_of = event_finder("less_than")
    recent = event_of("sales-2010", "less than two weeks ago")
    assert recent is event_of("show-2010", "unveiled the Pip 4")
    assert recent is not event_of("launch-2007", "unveiled its first handset")


def test_the_opening_follows_its_headline_into_the_other_outlets_event():
    # The headline says "resigns" like the other outlet; the opening says "has chosen to step down".
    event_of = event_finder("headline_opening")
    resigned = event_of("daily", "Keller resigned from her post")
    assert event_of("wire", "Dana Keller resigns") is resigned
    assert event_of("wire", "has chosen to step down") is resigned
    assert event_of("wire", "founded the lender in 1998") is not resigned
