"""The tagger on news sentences written for these tests, one kind of expression each.

Each case gives the sentence, and for every expression the tagger must find: its TimeML
extent, TIMEX3 type and value, and the resolved span (start, end, precision). The
reference (publication) date is Friday 13 June 2025 unless a case says otherwise.
"""

from datetime import date

import pytest

from scaletui.events.model import Modifier
from scaletui.events.timex import tag

REF = date(2025, 6, 13)  # a Friday

# (sentence, [(extent, type, value, span start, span end, precision), ...])
CASES = [
    # weekdays: the last such day on or before publication, unless the verb is future
    ("The company said on Friday that it would cut 500 jobs.",
     [("Friday", "DATE", "2025-06-13", "2025-06-13", "2025-06-13", "day")]),
    ("Officials will meet on Monday to discuss the proposal.",
     [("Monday", "DATE", "2025-06-16", "2025-06-16", "2025-06-16", "day")]),
    ("The strike ended Sunday.",
     [("Sunday", "DATE", "2025-06-08", "2025-06-08", "2025-06-08", "day")]),
    ("The group said it would present the plan on Tuesday.",
     [("Tuesday", "DATE", "2025-06-17", "2025-06-17", "2025-06-17", "day")]),
    ("The vote is scheduled for next Tuesday.",
     [("next Tuesday", "DATE", "2025-06-17", "2025-06-17", "2025-06-17", "day")]),
    ("Tuesday's vote was postponed.",
     [("Tuesday", "DATE", "2025-06-10", "2025-06-10", "2025-06-10", "day")]),
    # an irregular past ("died", "fled") looks back; a name starting "Will" is no "will"
    ("Williams died peacefully in her sleep Friday, her publicist announced.",
     [("Friday", "DATE", "2025-06-13", "2025-06-13", "2025-06-13", "day")]),
    ("The suspect fled Wednesday.",
     [("Wednesday", "DATE", "2025-06-11", "2025-06-11", "2025-06-11", "day")]),
    ("Williams will speak Tuesday.",
     [("Tuesday", "DATE", "2025-06-17", "2025-06-17", "2025-06-17", "day")]),
    ("Police said the attack happened Monday morning.",
     [("Monday morning", "TIME", "2025-06-09TMO", "2025-06-09", "2025-06-09", "day")]),
    # months without a year follow the tense
    ("The ministers met in June and will meet again in September.",
     [("June", "DATE", "2025-06", "2025-06-01", "2025-06-30", "month"),
      ("September", "DATE", "2025-09", "2025-09-01", "2025-09-30", "month")]),
    ("The deal is expected to close in March.",
     [("March", "DATE", "2026-03", "2026-03-01", "2026-03-31", "month")]),
    ("The merger was announced on Oct. 3.",
     [("Oct. 3", "DATE", "2024-10-03", "2024-10-03", "2024-10-03", "day")]),
    ("The firm will report results on July 24.",
     [("July 24", "DATE", "2025-07-24", "2025-07-24", "2025-07-24", "day")]),
    ("Between April and May, prices rose.",
     [("April", "DATE", "2025-04", "2025-04-01", "2025-04-30", "month"),
      ("May", "DATE", "2025-05", "2025-05-01", "2025-05-31", "month")]),
    # explicit dates
    ("The report was published on 2023-11-20.",
     [("2023-11-20", "DATE", "2023-11-20", "2023-11-20", "2023-11-20", "day")]),
    ("The summit took place on 20 November 2023 in Paris.",
     [("20 November 2023", "DATE", "2023-11-20", "2023-11-20", "2023-11-20", "day")]),
    ("WASHINGTON, Nov. 18 (Reuters) - The Senate passed the bill.",
     [("Nov. 18", "DATE", "2024-11-18", "2024-11-18", "2024-11-18", "day")]),
    ("LONDON, June 13 (Reuters) - Oil prices rose on Friday.",
     [("June 13", "DATE", "2025-06-13", "2025-06-13", "2025-06-13", "day"),
      ("Friday", "DATE", "2025-06-13", "2025-06-13", "2025-06-13", "day")]),
    ("The law takes effect on Jan. 1, 2026.",
     [("Jan. 1, 2026", "DATE", "2026-01-01", "2026-01-01", "2026-01-01", "day")]),
    ("Prices peaked on March 8, 2022, and fell for the next 18 months.",
     [("March 8, 2022", "DATE", "2022-03-08", "2022-03-08", "2022-03-08", "day"),
      ("the next 18 months", "DURATION", "P18M", "2025-06-13", "2026-12-13", "approximate")]),
    ("Wall Street closed at a record high on Wednesday, June 11, 2025.",
     [("Wednesday, June 11, 2025", "DATE", "2025-06-11", "2025-06-11", "2025-06-11", "day")]),
    ("Inflation hit 9.1% in June 2022, the highest in four decades.",
     [("June 2022", "DATE", "2022-06", "2022-06-01", "2022-06-30", "month"),
      ("four decades", "DURATION", "P4DE", "1985-06-13", "2025-06-13", "approximate")]),
    # years, decades, centuries
    ("The company, which was founded in 1998, has 2,000 employees.",
     [("1998", "DATE", "1998", "1998-01-01", "1998-12-31", "year")]),
    ("The 2024 election changed everything.",
     [("2024", "DATE", "2024", "2024-01-01", "2024-12-31", "year")]),
    ("He served as chairman from 2010 to 2015.",
     [("2010", "DATE", "2010", "2010-01-01", "2010-12-31", "year"),
      ("2015", "DATE", "2015", "2015-01-01", "2015-12-31", "year")]),
    ("The study covered the years 2016-2018.",
     [("2016", "DATE", "2016", "2016-01-01", "2016-12-31", "year"),
      ("2018", "DATE", "2018", "2018-01-01", "2018-12-31", "year")]),
    ("The fund lost $2 billion in fiscal 2024.",
     [("fiscal 2024", "DATE", "2024", "2024-01-01", "2024-12-31", "year")]),
    ("Prices soared in the 1990s and again in the mid-2000s.",
     [("the 1990s", "DATE", "199", "1990-01-01", "1999-12-31", "decade"),
      ("the mid-2000s", "DATE", "200", "2003-05-01", "2006-08-31", "decade")]),
    ("He lived there in the 20th century.",
     [("the 20th century", "DATE", "19", "1900-01-01", "1999-12-31", "approximate")]),
    # quarters, halves, seasons
    ("Sales fell 3% in the third quarter, the company said.",
     [("the third quarter", "DATE", "2024-Q3", "2024-07-01", "2024-09-30", "quarter")]),
    # a quarter as an adjective, as business news writes it; its year told after it without "of"
    ("The carmaker posted a first-quarter loss of $3 billion.",
     [("first-quarter", "DATE", "2025-Q1", "2025-01-01", "2025-03-31", "quarter")]),
    ("Its fourth-quarter sales will rise, the company said.",
     [("fourth-quarter", "DATE", "2025-Q4", "2025-10-01", "2025-12-31", "quarter")]),
    ("In the fourth quarter last year, the bank earned $1 billion.",
     [("the fourth quarter last year", "DATE", "2024-Q4", "2024-10-01", "2024-12-31", "quarter")]),
    ("Revenue for Q3 2024 rose to $5.2 billion.",
     [("Q3 2024", "DATE", "2024-Q3", "2024-07-01", "2024-09-30", "quarter")]),
    ("The bank raised rates in the first half of 2023.",
     [("the first half of 2023", "DATE", "2023-H1", "2023-01-01", "2023-06-30", "half")]),
    ("The company plans to launch the product in the second half.",
     [("the second half", "DATE", "2025-H2", "2025-07-01", "2025-12-31", "half")]),
    ("The factory opened in summer 2025 after two years of delays.",
     [("summer 2025", "DATE", "2025-SU", "2025-06-01", "2025-08-31", "season"),
      ("two years", "DURATION", "P2Y", "2023-06-13", "2025-06-13", "approximate")]),
    ("He joined the firm in the fall of 2021.",
     [("the fall of 2021", "DATE", "2021-FA", "2021-09-01", "2021-11-30", "season")]),
    ("The ceasefire held through the winter.",
     [("the winter", "DATE", "2024-WI", "2024-12-01", "2025-02-28", "season")]),
    # deictic units
    ("Profits rose last month and are expected to rise again next week.",
     [("last month", "DATE", "2025-05", "2025-05-01", "2025-05-31", "month"),
      ("next week", "DATE", "2025-W25", "2025-06-16", "2025-06-22", "week")]),
    ("The minister resigned yesterday and his successor will be named tomorrow.",
     [("yesterday", "DATE", "2025-06-12", "2025-06-12", "2025-06-12", "day"),
      ("tomorrow", "DATE", "2025-06-14", "2025-06-14", "2025-06-14", "day")]),
    ("Today, the board approved the plan.",
     [("Today", "DATE", "2025-06-13", "2025-06-13", "2025-06-13", "day")]),
    ("The stock has lost a third of its value this year.",
     [("this year", "DATE", "2025", "2025-01-01", "2025-12-31", "year")]),
    ("The summit will be held this weekend.",
     [("this weekend", "DATE", "2025-W24-WE", "2025-06-14", "2025-06-15", "week")]),
    ("Stocks closed higher this afternoon.",
     [("this afternoon", "TIME", "2025-06-13TAF", "2025-06-13", "2025-06-13", "day")]),
    ("Last night, rebels attacked the base.",
     [("Last night", "TIME", "2025-06-12TNI", "2025-06-12", "2025-06-12", "day")]),
    ("Shares rose earlier this month.",
     [("earlier this month", "DATE", "2025-06", "2025-06-01", "2025-06-12", "month")]),
    ("Earnings will be released later this year.",
     [("later this year", "DATE", "2025", "2025-06-14", "2025-12-31", "year")]),
    # ago / from now
    ("The company was founded two years ago.",
     [("two years ago", "DATE", "2023", "2023-01-01", "2023-12-31", "year")]),
    ("Three weeks ago, the central bank intervened.",
     [("Three weeks ago", "DATE", "2025-W21", "2025-05-19", "2025-05-25", "week")]),
    ("A decade ago, the company was a startup.",
     [("A decade ago", "DATE", "201", "2010-01-01", "2019-12-31", "decade")]),
    ("OpenAI had quietly shifted part of its business a few months ago.",
     [("a few months ago", "DATE", "PAST_REF", "2025-02-13", "2025-04-13", "approximate")]),
    # early / mid / late and the end of
    ("The firm said late last year that it would expand.",
     [("late last year", "DATE", "2024", "2024-09-01", "2024-12-31", "year")]),
    ("The company expects to turn a profit early next year.",
     [("early next year", "DATE", "2026", "2026-01-01", "2026-04-30", "year")]),
    ("The shares, which peaked in mid-March, have fallen since.",
     [("mid-March", "DATE", "2025-03", "2025-03-11", "2025-03-21", "month")]),
    ("The report, due out at the end of the month, will show growth.",
     [("the end of the month", "DATE", "2025-06", "2025-06-21", "2025-06-30", "month")]),
    ("Shares have doubled since early 2023, he said.",
     [("early 2023", "DATE", "2023", "2023-01-01", "2023-04-30", "year")]),
    # durations
    ("Growth has slowed over the past decade.",
     [("the past decade", "DURATION", "P1DE", "2015-06-13", "2025-06-13", "approximate")]),
    ("The talks lasted three days.",
     [("three days", "DURATION", "P3D", "2025-06-10", "2025-06-13", "approximate")]),
    ("The plant will be built over the next five years.",
     [("the next five years", "DURATION", "P5Y", "2025-06-13", "2030-06-13", "approximate")]),
    ("The company has been losing money for about three years.",
     [("about three years", "DURATION", "P3Y", "2022-06-13", "2025-06-13", "approximate")]),
    ("The case has dragged on for more than a year.",
     [("more than a year", "DURATION", "P1Y", "2023-06-13", "2024-06-13", "approximate")]),
    ("The agency will publish new figures in the coming weeks.",
     [("the coming weeks", "DURATION", "PXW", "2025-06-13", "2025-07-25", "approximate")]),
    # sets
    ("The committee meets every week.",
     [("every week", "SET", "P1W", "2025-06-09", "2025-06-15", "approximate")]),
    ("The company pays its interns $2,000 a month.",
     [("a month", "SET", "P1M", "2025-06-01", "2025-06-30", "approximate")]),
    # a rate of things is no time, whatever is counted; "a day after" still is one
    ("The plant makes 1,000 cars a day.",
     [("a day", "SET", "P1D", "2025-06-13", "2025-06-13", "approximate")]),
    ("The field pumps 500 barrels of oil a day.",
     [("a day", "SET", "P1D", "2025-06-13", "2025-06-13", "approximate")]),
    ("Three people died a day after the blast.",
     [("a day", "DURATION", "P1D", "2025-06-12", "2025-06-13", "approximate")]),
    # clock times take the day named beside them
    ("The meeting began at 10:30 a.m. ET on Thursday.",
     [("10:30 a.m. ET", "TIME", "2025-06-12T10:30", "2025-06-12", "2025-06-12", "day"),
      ("Thursday", "DATE", "2025-06-12", "2025-06-12", "2025-06-12", "day")]),
    # vague references
    ("The company currently employs 3,000 people.",
     [("currently", "DATE", "PRESENT_REF", "2025-06-13", "2025-06-13", "day")]),
    ("The firm has grown rapidly in recent years.",
     [("recent years", "DATE", "PAST_REF", "2020-06-13", "2025-06-13", "approximate")]),
    # not dates at all
    ("Scale AI was valued at $29 billion, up from $14 billion.", []),
    ("The 28-year-old founder launched Llama 4 and GPT-4 rivals.", []),
    ("He bought an iPhone 15 and ran Windows 2000.", []),
    # a year completing a gathering's name is the year it is held
    ("Jobs gave the opening keynote to WWDC 2005", [("2005", "DATE", "2005", "2005-01-01", "2005-12-31", "year")]),
    ("Apple unveils iPhone 4 at Worldwide Developers Conference 2010",
     [("2010", "DATE", "2010", "2010-01-01", "2010-12-31", "year")]),
    ("The airline carried 1999 passengers on 2000 flights.", []),
    ("Theresa May said the plan may fail.", []),
    ("The army will march on the capital.", []),
    ("Australian Ski Mountaineer Dies in Fall in New Zealand", []),
    ("He was badly hurt in a fall in the spring.",
     [("the spring", "DATE", "2025-SP", "2025-03-01", "2025-05-31", "season")]),
    ("The company reported 870 million users and 5 sources confirmed it.", []),
    # A holiday naming a party or a tree is no date; its eve, its day or the holiday itself is.
    ("A gunman opened fire at an office Christmas party, killing his boss.", []),
    ("Shoppers crowded the stores on Christmas Eve.",
     [("Christmas Eve", "DATE", "2024-12-24", "2024-12-24", "2024-12-24", "day")]),
    ("He will return after Christmas, his lawyer said.",
     [("Christmas", "DATE", "2025-12-25", "2025-12-25", "2025-12-25", "day")]),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_news_sentence(sentence, expected):
    found = tag(sentence, REF)
    got = [(e.text, e.timex_type, e.value, e.span.start.isoformat(), e.span.end.isoformat(), e.span.precision.value)
           for e in found]
    assert got == expected
    for expression in found:
        assert sentence[expression.start : expression.end] == expression.text


def test_case_count_covers_at_least_sixty_expressions():
    assert sum(len(expected) for _, expected in CASES) >= 60


# ---- modifiers: signals outside the extent, qualifiers inside it -----------------------

MODIFIER_CASES = [
    ("The project must be finished by June.", "June", Modifier.BY, "ON_OR_BEFORE"),
    ("Construction began before 2020.", "2020", Modifier.BEFORE, "BEFORE"),
    ("Prices fell after March 8, 2022.", "March 8, 2022", Modifier.AFTER, "AFTER"),
    ("Unemployment has risen since 2016.", "2016", Modifier.SINCE, "ON_OR_AFTER"),
    ("Around 2010, the company moved to Texas.", "Around 2010", Modifier.AROUND, "APPROX"),
    ("The firm said late last year that it would expand.", "late last year", Modifier.LATE, "END"),
    ("The company expects a profit early next year.", "early next year", Modifier.EARLY, "START"),
    ("The shares peaked in mid-March.", "mid-March", Modifier.MID, "MID"),
    ("The case has dragged on for more than a year.", "more than a year", Modifier.MORE_THAN, "MORE_THAN"),
    ("The deal closed in under a month.", "under a month", Modifier.LESS_THAN, "LESS_THAN"),
    ("Orders are due by the end of the year.", "the end of the year", Modifier.BY, "END"),
    ("The rebels have held the town for nearly a decade.", "nearly a decade", Modifier.LESS_THAN, "LESS_THAN"),
]


@pytest.mark.parametrize("sentence,extent,modifier,mod", MODIFIER_CASES, ids=[c[1] for c in MODIFIER_CASES])
def test_modifiers(sentence, extent, modifier, mod):
    (expression,) = [e for e in tag(sentence, REF) if e.text == extent]
    assert expression.span.modifier is modifier
    assert expression.mod == mod


def test_signal_prepositions_stay_outside_the_extent():
    texts = [e.text for e in tag("It has grown since 2016, by June, in April, on Friday and for three years.", REF)]
    assert texts == ["2016", "June", "April", "Friday", "three years"]


def test_qualifiers_are_inside_the_extent():
    texts = [e.text for e in tag("It rose about a year ago, fell in early 2024 and will end by the end of the year.", REF)]
    assert texts == ["about a year ago", "early 2024", "the end of the year"]
