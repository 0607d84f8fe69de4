"""What a time expression's modifier allows: "less than two weeks ago" is near its span, not any time."""

from pathlib import Path

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline

CORPUS = Path(__file__).resolve().parent / "corpora" / "less_than"


def test_less_than_two_weeks_ago_joins_this_months_report_not_one_three_years_back():
    timeline = build_timeline(load_corpus(CORPUS))

    def event_of(source: str, fragment: str):
        return next(e for e in timeline.events for s in e.statements if s.source == source and fragment in s.text)

    recent = event_of("sales-2010", "less than two weeks ago")
    assert recent is event_of("show-2010", "unveiled the Pip 4")
    assert recent is not event_of("launch-2007", "unveiled its first handset")
