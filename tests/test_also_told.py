"""A statement grouped with one event whose words are closer to another event's reports tells that
event too: its outlet is among that event's sources, not marked silent on it (ECB+ story 45_ecb,
where one outlet's "a jury ... convicted Scott Peterson" sits with the "found guilty" reports)."""

import tomllib
from pathlib import Path

import pytest

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline
from scaletui.events.store import dumps_timeline, loads_timeline

CORPUS = Path(__file__).resolve().parent / "corpora" / "ecbplus" / "45_ecb"


@pytest.fixture(scope="module")
def verdict():
    return build_timeline(load_corpus(CORPUS))


def event_of(timeline, source: str, fragment: str):
    return next(e for e in timeline.events for s in e.statements if s.source == source and fragment in s.text)


def statement_of(timeline, source: str, fragment: str):
    return next(s for e in timeline.events for s in e.statements if s.source == source and fragment in s.text)


def test_a_report_grouped_elsewhere_tells_the_event_its_words_are_closest_to(verdict):
    convicted = event_of(verdict, "45_1ecb", "So Scott Peterson was convicted because")
    teller = statement_of(verdict, "45_2ecb", "a jury in Redwood City, California, convicted Scott Peterson")
    assert teller not in convicted.statements  # it stays where grouping put it
    assert teller in event_of(verdict, "45_1ecb", "has been found guilty of first-degree murder").statements
    assert teller.id in convicted.mentions
    assert "45_2ecb" in convicted.sources and "45_2ecb" not in convicted.silent


def test_a_statement_closer_to_its_own_event_tells_no_other(verdict):
    convicted = event_of(verdict, "45_1ecb", "So Scott Peterson was convicted because")
    # 45_3ecb's one report of the verdict (the crowd applauding it) sits with the "found guilty" reports
    assert not any(m.startswith("45_3ecb:") for m in convicted.mentions)
    assert "45_3ecb" in convicted.silent


def test_the_teller_is_saved_and_its_outlet_stays_off_the_silent_list_on_reopening(verdict):
    text = dumps_timeline(verdict)
    convicted = event_of(loads_timeline(text), "45_1ecb", "So Scott Peterson was convicted because")
    assert "45_2ecb" in convicted.sources and "45_2ecb" not in convicted.silent
    table = next(e for e in tomllib.loads(text)["events"] if e["id"] == convicted.id)
    assert any(m.startswith("45_2ecb:") for m in table["mentions"])


def test_on_the_seeds_the_outlet_telling_the_cut_among_the_planned_spending_is_not_silent_on_it():
    seeds = build_timeline(load_corpus(Path(__file__).resolve().parents[1] / "seeds"))
    sever = event_of(seeds, "rewrite-b", "Google has initiated plans to completely sever")
    planning = statement_of(seeds, "reuters-ndtv", "is planning to cut the relationship")
    assert planning not in sever.statements and planning.id in sever.mentions
    assert "reuters-ndtv" in sever.sources and "reuters-ndtv" not in sever.silent


def test_two_outlets_explaining_one_thing_without_a_verb_for_it_are_not_silent_on_each_others_event(seeds):
    # GIGAZINE's "The root cause of this withdrawal storm lies in the game of data sovereignty: when customers
    # share proprietary data and product prototypes ..." names no act by a verb; Reuters' "customers often
    # share ownership data as well as prototype products" is its own event. Each tells the other's.
    sovereignty = event_of(seeds, "gigazine", "The root cause of this withdrawal storm")
    contracting = event_of(seeds, "reuters-ndtv", "By contracting with Scale AI, customers often share")
    assert sovereignty.id != contracting.id
    assert "reuters-ndtv" in sovereignty.sources and "reuters-ndtv" not in sovereignty.silent
    assert "gigazine" in contracting.sources and "gigazine" not in contracting.silent


@pytest.fixture(scope="module")
def quake():
    return build_timeline(load_corpus(CORPUS.parent / "38_ecbplus"))


def test_a_sentence_telling_a_second_event_reported_by_several_outlets_counts_for_it_too(quake):
    # "An earthquake measuring 4.6 rattled Sonoma and Lake counties" is nearer the quake's own reports
    # than the temblor "felt over a wide area" that four other outlets report, yet it tells that too
    felt = event_of(quake, "38_7ecbplus", "The temblor struck at 2:09")
    teller = statement_of(quake, "38_2ecbplus", "An earthquake measuring 4.6 rattled Sonoma and Lake counties")
    assert teller not in felt.statements and teller.id in felt.mentions
    assert "38_2ecbplus" in felt.sources and "38_2ecbplus" not in felt.silent


def test_a_second_event_told_by_one_outlet_alone_gets_no_second_teller():
    # "She moved to Florida shortly thereafter, became a born-again Christian" is alike to one outlet's
    # lone "Beginning with the 1970s, she battled mental illness" (the same years of her life), but
    # that lone sentence is no happening several outlets report: the likeness alone does not tell it
    timeline = build_timeline(load_corpus(CORPUS.parent / "4_ecb"))
    battled = event_of(timeline, "4_8ecb", "Beginning with the 1970s, she battled mental illness")
    assert "4_10ecb:6" not in battled.mentions
    assert "4_10ecb" not in battled.sources
