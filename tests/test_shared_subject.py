"""A second predicate with its own date is its own claim: grouped with other outlets' reports of that
happening, kept apart from the first predicate's, shown and saved with the subject it shares."""

from pathlib import Path

import pytest

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline
from scaletui.events.store import dumps_timeline, loads_timeline

CORPUS = Path(__file__).resolve().parent / "corpora" / "shared_subject"


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(load_corpus(CORPUS))


def test_the_second_predicate_joins_the_other_outlets_report_and_leaves_the_first(timeline, event_saying):
    opened = event_saying(timeline, "profile", "opened its first assembly plant")
    assert opened is event_saying(timeline, "history", "opened its first assembly plant")
    assert opened is not event_saying(timeline, "profile", "was founded by two brothers")
    clause = next(s for s in opened.statements if s.source == "profile")
    assert clause.subject == "Northwind Motors" and clause.text.startswith("opened")
    assert clause.span.start.year == 1982 and clause.entities  # the subject's entity goes with it


def test_the_shared_subject_survives_save_and_reopen(timeline):
    again = loads_timeline(dumps_timeline(timeline))
    clause = next(s for e in again.events for s in e.statements if s.subject)
    assert clause.claim == "Northwind Motors opened its first assembly plant in Texas in 1982."
