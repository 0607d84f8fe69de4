"""Figures: money, percentages, multiples, counts and ages, normalised for comparison."""

import pytest

from scaletui.events.figures import extract_figures, is_approximate, same_figure


def only(text: str, kind: str | None = None):
    figures = [f for f in extract_figures(text) if kind is None or f.kind == kind]
    assert len(figures) == 1, (text, figures)
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Meta made a $14.3 billion investment", 14.3e9, "USD"),
        ("giving it a price of $ 29 billion", 29e9, "USD"),
        ("Google planned to spend $200 million this year", 200e6, "USD"),
        ("Nissan will cash out 10 billion yuan", 10e9, "CNY"),
        ("the startup raised £5m", 5e6, "GBP"),
        ("a €2bn bond", 2e9, "EUR"),
        ("the deal was worth 1.2 billion dollars", 1.2e9, "USD"),
        ("revenue of US$870 million", 870e6, "USD"),
    ],
)
def test_money_is_normalised_to_units_and_currency(text, value, unit):
    figure = only(text, "money")
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


def test_bare_scaled_number_is_money_only_in_a_money_context():
    figure = only("Meta's 14.3 billion investment triggers an exodus", "money")
    assert figure.value == pytest.approx(14.3e9)
    assert figure.unit == ""  # currency not stated: compares equal to any currency
    assert not [f for f in extract_figures("The city has 1.2 million residents") if f.kind == "money"]


def test_vague_money_is_approximate_and_covers_exact_values_in_its_range():
    vague = only("expects hundreds of millions of dollars in new orders", "money")
    assert vague.unit == "USD" and is_approximate(vague)
    assert same_figure(vague, only("$300 million", "money"))
    assert not same_figure(vague, only("$3 billion", "money"))


def test_equal_money_with_and_without_currency_symbol_is_the_same_figure():
    assert same_figure(only("$14.3 billion investment"), only("Meta's 14.3 billion investment"))
    assert not same_figure(only("$14.3 billion investment"), only("$14 billion investment"))


@pytest.mark.parametrize("text", ["took a 49% stake", "a 49 per cent stake", "owns 49 percent of it"])
def test_percentages(text):
    figure = only(text)
    assert (figure.kind, figure.value, figure.unit) == ("percent", 49.0, "%")


def test_tripled_three_times_and_up_200_percent_are_the_same_multiple():
    tripled = only("the number of consultations had tripled")
    three_times = only("Our demand has been three times overnight")
    up = only("inquiries increased by 200% since the announcement")
    assert {f.kind for f in (tripled, three_times, up)} == {"multiple"}
    assert same_figure(tripled, three_times) and same_figure(tripled, up)
    doubled, rose, twice = only("volumes doubled"), only("volumes rose by 100%"), only("twice as many boxes")
    assert same_figure(doubled, rose) and same_figure(doubled, twice)
    assert not same_figure(doubled, tripled)


def test_counts_name_what_is_counted():
    five = only("five sources familiar with the matter said")
    assert (five.kind, five.value, five.unit) == ("count", 5.0, "source")
    workers = only("10,000 workers walked out")
    assert (workers.kind, workers.value, workers.unit) == ("count", 10_000.0, "worker")


def test_a_count_takes_its_scale_word():
    millions, written_out = only("About 5 million people were evacuated"), only("5,000,000 people were evacuated")
    assert (millions.kind, millions.value, millions.unit) == ("count", 5_000_000.0, "people")
    assert same_figure(millions, written_out)
    assert only("Two hundred workers marched").value == 200.0
    assert only("Around 5 lakh people attended").value == 500_000.0  # Indian English: a lakh is 100,000
    assert not same_figure(only("2 million people voted"), only("2 people voted"))


def test_a_verb_after_a_number_is_nothing_counted():
    assert extract_figures("The iPhone 4 has a new steel frame.") == []
    assert [f.text for f in extract_figures("Apollo 11 was launched with 3 astronauts.")] == ["3 astronauts"]


@pytest.mark.parametrize(
    "text",
    [
        "Scale AI was founded in 2016.",
        "The deal was announced on June 13, 2025.",
        "Google has been diversifying for three years and several months.",
        "In 2024 models improved.",
    ],
)
def test_years_dates_and_durations_are_not_counts(text):
    assert [f for f in extract_figures(text) if f.kind == "count"] == []


def test_age():
    age = only("Scale's 28-year-old CEO")
    assert (age.kind, age.value, age.unit) == ("age", 28.0, "years")


def test_figures_come_in_text_order():
    figures = extract_figures("a 49% stake values it at $29 billion, up from $14 billion")
    assert [f.kind for f in figures] == ["percent", "money", "money"]
    assert [f.value for f in figures][1:] == [29e9, 14e9]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("it raised about $5 billion", "about $5 billion"),
        ("sales rose more than  12% in June", "more than  12%"),
        ("an estimated 3 billion euros of debt", "an estimated 3 billion euros"),
        ("$5 billion, up from some $3 billion", "some $3 billion"),
    ],
)
def test_a_hedge_right_before_a_figure_is_part_of_it(text, said):
    figure = extract_figures(text)[-1]
    assert figure.text == said and is_approximate(figure)


def test_text_without_a_digit_or_number_word_has_no_figures_and_number_words_still_count():
    assert extract_figures("The company said the deal would close soon, after a review.") == []
    assert [f.kind for f in extract_figures("Profits doubled as a dozen stores opened")] == ["multiple", "count"]
    assert only("hundreds of millions of dollars").value == 1e8
    assert only("demand grew tenfold").value == 10
