"""The tagger on real sentences from the bundled articles (published 13 June 2025, a Friday)."""

import re
from datetime import date
from pathlib import Path

import pytest

from scaletui.events.model import Modifier, Precision
from scaletui.events.timex import tag

REF = date(2025, 6, 13)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def only(sentence: str):
    found = tag(sentence, REF)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


def test_last_year_is_the_whole_previous_year():
    e = only("Google spent around $150 million on Scale AI's services last year.")
    assert (e.text, e.timex_type, e.value) == ("last year", "DATE", "2024")
    assert (e.span.start, e.span.end, e.span.precision) == (date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR)
    assert e.anchored and e.tense == "past"


def test_said_on_friday_is_the_publication_day():
    e = only("Openai’s CFO said on Friday that the company will continue to work with Scale AI.")
    assert (e.text, e.value, e.span.start, e.span.precision) == ("Friday", "2025-06-13", REF, Precision.DAY)


def test_several_months_ago_is_an_approximate_span_before_publication():
    sentence = ("OpenAI, while spending less than Google, had already begun pulling back several months ago, "
                "though its CFO recently stated the company will continue to work with Scale AI.")
    first, second = tag(sentence, REF)
    assert (first.text, first.value, first.tense) == ("several months ago", "PAST_REF", "past")
    assert first.span.precision is Precision.APPROXIMATE
    assert date(2024, 10, 1) <= first.span.start < first.span.end <= date(2025, 5, 1)
    assert first.span.confidence < 0.6
    assert (second.text, second.value) == ("recently", "PAST_REF")


def test_this_week_is_the_iso_week_of_publication():
    e = only("The search giant already interacted with several AI rivals this week, as it tries to overcome that charge.")
    assert (e.value, e.span.start, e.span.end, e.span.precision) == ("2025-W24", date(2025, 6, 9), date(2025, 6, 15), Precision.WEEK)


def test_by_the_end_of_the_year_is_a_deadline_at_december_31():
    e = only('Labelbox expected to receive "hundreds of millions of dollars in transfer orders" by the end of the year.')
    assert (e.text, e.value, e.mod) == ("the end of the year", "2025", "END")
    assert e.span.modifier is Modifier.BY and e.span.end == date(2025, 12, 31)
    assert e.span.label() == "by end 2025"


def test_in_the_coming_year_looks_ahead():
    e = only("This could create performance divergence among competing AI models in the coming year.")
    assert (e.text, e.timex_type, e.value, e.tense) == ("the coming year", "DURATION", "P1Y", "future")
    assert e.span.start == REF and e.span.end == date(2026, 6, 13)


def test_established_in_2016():
    e = only("Established in 2016, Scale AI provides large amounts of label data.")
    assert (e.text, e.value, e.anchored, e.span.precision) == ("2016", "2016", False, Precision.YEAR)


def test_released_in_april_is_april_this_year_and_may_is_a_verb():
    e = only("Meta is fighting the assumption that the Lama released in April after the initial set of "
             "4 big language models may be behind in the AI race.")
    assert (e.text, e.value, e.span.start, e.span.end) == ("April", "2025-04", date(2025, 4, 1), date(2025, 4, 30))


def test_for_over_a_year_reaches_back_past_a_year_ago():
    e = only("For over a year, Google has been exploring diversification of its data service providers.")
    assert (e.text, e.timex_type, e.value, e.mod) == ("over a year", "DURATION", "P1Y", "MORE_THAN")
    assert e.span.modifier is Modifier.MORE_THAN
    assert e.span.end <= date(2024, 6, 13) and e.span.start >= date(2023, 1, 1)


def test_this_year_and_in_2025():
    assert only("Google planned to pay around $ 200 million this year for human-labeled training data.").value == "2025"
    assert only("Google had planned to spend approximately $200 million with the company in 2025.").value == "2025"


@pytest.mark.parametrize(
    "sentence",
    [
        "Meta has acquired a 49% stake in Scale AI.",
        "a deal that values the company at $ 29 billion, a jump from its previous $14 billion valuation.",
        "Meta also poached Scale's 28-year-old CEO Alexander Wang.",
        "after the initial set of 4 big language models",
        "Total views: 656",
        "Sources said Scale AI recorded revenue for $ 870 million, with five sources familiar to the matter.",
        "its self-developed Llama model was internally rated as behind industry standards",
    ],
)
def test_seed_numbers_are_not_dates(sentence):
    assert tag(sentence, REF) == []


def _seed_sentences():
    for path in sorted(SEEDS.glob("*.txt")):
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")):
            if sentence.strip():
                yield sentence


def test_whole_seed_corpus_offsets_and_no_money_dates():
    sentences = list(_seed_sentences())
    assert len(sentences) > 50
    found = 0
    for sentence in sentences:
        expressions = tag(sentence, REF)
        previous_end = 0
        for e in expressions:
            assert sentence[e.start : e.end] == e.text
            assert e.start >= previous_end  # sorted, non-overlapping
            previous_end = e.end
            assert not re.search(r"[$%]|billion|million|year-old", e.text)
            assert 0 <= e.span.confidence <= 1 and e.span.start <= e.span.end
        found += len(expressions)
    assert found >= 25
