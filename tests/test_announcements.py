"""An article's headline and opening sentence announce one happening: when the headline joins another
outlet's report of it, the opening, told in other words, goes with it."""

from pathlib import Path

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline

CORPUS = Path(__file__).resolve().parent / "corpora" / "headline_opening"


def test_the_opening_follows_its_headline_into_the_other_outlets_event():
    timeline = build_timeline(load_corpus(CORPUS))

    def event_of(source: str, fragment: str):
        return next(e for e in timeline.events for s in e.statements if s.source == source and fragment in s.text)

    resigned = event_of("daily", "Keller resigned from her post")
    assert event_of("wire", "Dana Keller resigns") is resigned
    assert event_of("wire", "has chosen to step down") is resigned
    assert event_of("wire", "founded the lender in 1998") is not resigned
