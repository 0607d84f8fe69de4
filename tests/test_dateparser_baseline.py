"""Why dateparser's `search_dates` alone is not a news tagger, and that `tag` gets it right.

Each test runs the naive pass (search_dates with the publication date as RELATIVE_BASE,
so it is not even penalised for using today's date) on a real sentence from the seed
articles, shows what it gets wrong, then checks `tag` on the same sentence.
"""

from datetime import date, datetime

from dateparser.search import search_dates

from scaletui.events.model import Modifier, Precision
from scaletui.events.timex import tag

REF = date(2025, 6, 13)


def naive(sentence: str) -> list[tuple[str, datetime]]:
    return search_dates(sentence, languages=["en"], settings={"RELATIVE_BASE": datetime(2025, 6, 13)}) or []


def test_a_percentage_is_not_a_year():
    sentence = "Meta has acquired a 49% stake in Scale AI."
    found = naive(sentence)
    assert any("49" in text and moment.year % 100 == 49 for text, moment in found)  # "a 49%" read as a year
    assert tag(sentence, REF) == []


def test_a_dollar_amount_is_not_a_day_of_the_month():
    sentence = "a deal that now values the company at an impressive $29 billion"
    found = naive(sentence)
    assert any(text == "$29" and moment.day == 29 for text, moment in found)  # "at $29" read as the 29th
    assert [e.text for e in tag(sentence, REF)] == ["now"]


def test_may_the_modal_is_not_the_month():
    sentence = ("Meta is fighting the assumption that the Lama released in April after the initial set of "
                "4 big language models may be behind in the AI race.")
    found = naive(sentence)
    assert any(text.lower() == "may" and moment.month == 5 for text, moment in found)
    assert [(e.text, e.value) for e in tag(sentence, REF)] == [("April", "2025-04")]


def test_last_year_is_a_year_not_one_day():
    sentence = "Google spent around $150 million on Scale AI's services last year."
    ((text, moment),) = naive(sentence)
    assert text == "last year" and moment.date() == date(2024, 6, 13)  # one arbitrary day
    (e,) = tag(sentence, REF)
    assert (e.span.start, e.span.end, e.span.precision) == (date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR)


def test_this_week_is_a_week_not_one_day():
    sentence = "The search giant already interacted with several AI rivals this week."
    ((text, moment),) = naive(sentence)
    assert moment.date() == REF
    (e,) = tag(sentence, REF)
    assert (e.value, e.span.precision, e.span.start, e.span.end) == ("2025-W24", Precision.WEEK, date(2025, 6, 9), date(2025, 6, 15))


def test_several_months_ago_is_missed():
    sentence = "OpenAI had already begun pulling back several months ago."
    assert naive(sentence) == []
    (e,) = tag(sentence, REF)
    assert e.text == "several months ago" and e.span.end < REF and e.span.precision is Precision.APPROXIMATE


def test_by_the_end_of_the_year_is_missed():
    sentence = 'Labelbox expected to receive "hundreds of millions of dollars in transfer orders" by the end of the year.'
    assert naive(sentence) == []
    (e,) = tag(sentence, REF)
    assert e.span.modifier is Modifier.BY and e.span.end == date(2025, 12, 31)


def test_in_the_coming_year_is_missed():
    sentence = "This could create performance divergence among competing AI models in the coming year."
    assert naive(sentence) == []
    (e,) = tag(sentence, REF)
    assert e.tense == "future" and e.span.start >= REF


def test_a_signal_word_is_swallowed_into_the_extent():
    sentence = "Established in 2016, Scale AI provides large amounts of label data."
    ((text, moment),) = naive(sentence)
    assert text == "in 2016" and moment.date() == date(2016, 6, 13)  # a day, with "in" in the extent
    (e,) = tag(sentence, REF)
    assert (e.text, e.value, e.span.precision) == ("2016", "2016", Precision.YEAR)
