"""An outlet that names an event only in passing, by its noun, is not silent on it: the sentence stays
in its own event and is listed among the other's mentions, saved and reopened with it."""

import tomllib
from pathlib import Path

import pytest

from scaletui.events.corpus import load_corpus
from scaletui.events.passing import _derived_nouns
from scaletui.events.pipeline import build_timeline
from scaletui.events.store import dumps_timeline, loads_timeline

CORPUS = Path(__file__).resolve().parent / "corpora" / "passing_mention"


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(load_corpus(CORPUS))


def in_corpus_order(timeline, ids: set[str]) -> list[str]:
    return [source.id for source in timeline.sources if source.id in ids]


def test_a_noun_naming_the_event_with_its_participants_is_a_passing_mention(timeline, event_saying):
    deal = event_saying(timeline, "wire", "acquired Larkspur Batteries")
    passing = next(s for e in timeline.events for s in e.statements if "acquisition of Larkspur Batteries has angered" in s.text)
    assert passing not in deal.statements  # it tells of the strike, and stays with it
    assert passing in event_saying(timeline, "strike", "walked out on Wednesday over pay").statements
    assert deal.mentions == [passing.id]
    assert deal.sources == in_corpus_order(timeline, {"wire", "daily", "strike"})
    assert "strike" not in deal.silent


def test_a_passing_mentions_figure_is_compared_with_the_events_own(timeline, event_saying):
    deal = event_saying(timeline, "wire", "acquired Larkspur Batteries")
    price = next(d for d in deal.discrepancies if d.field == "figure")
    assert {claim.value: claim.sources for claim in price.claims} == {"$2 billion": in_corpus_order(timeline, {"wire", "daily"}), "$2.5 billion": ["strike"]}


def test_the_strike_is_not_mentioned_by_the_deal_reports(timeline, event_saying):
    strike = event_saying(timeline, "strike", "walked out on Wednesday over pay")
    assert strike.mentions == [] and strike.sources == ["strike"]


def test_mentions_survive_save_and_reopen_and_sources_stay_derived(timeline, event_saying):
    text = dumps_timeline(timeline)
    again = loads_timeline(text)
    deal = event_saying(again, "wire", "acquired Larkspur Batteries")
    assert deal.mentions and deal.sources == in_corpus_order(again, {"wire", "daily", "strike"})
    assert "strike" not in deal.silent
    table = next(e for e in tomllib.loads(text)["events"] if e["id"] == deal.id)
    assert table["mentions"] == deal.mentions
    assert "sources" not in table and "silent" not in table  # derived from statements and mentions on load


def test_a_doer_noun_or_a_word_of_a_name_names_no_act():
    assert _derived_nouns("the acquisition of Larkspur") == {"acqui"}
    assert _derived_nouns("Internet Explorer users told investors and reporters") == set()


def test_the_acts_read_with_each_article_are_not_read_again(monkeypatch, event_saying):
    """The pipeline hands over the acts the per-article work read: passing mentions find the same
    mention without reading any statement's acts themselves."""
    from scaletui.events import passing

    def read_again(text):
        raise AssertionError(f"acts read again: {text!r}")

    monkeypatch.setattr(passing, "action_lemmas", read_again)
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    rebuilt = build_timeline(load_corpus(CORPUS))
    deal = event_saying(rebuilt, "wire", "acquired Larkspur Batteries")
    assert len(deal.mentions) == 1
    assert "acquisition of Larkspur Batteries has angered" in next(
        s.text for e in rebuilt.events for s in e.statements if s.id == deal.mentions[0]
    )
