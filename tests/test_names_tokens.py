"""Tokens of statements: one string per spelling across a corpus, the same tokens either way."""

from __future__ import annotations

from scaletui.events.names import tokenize

STATEMENTS = [
    "Meta's chief executive said the deal with Scale AI closed on Monday.",
    "Hewlett-Packard's Mr. Wang said Meta-aligned labs and Reuters' desk agreed.",
    "MEta and meta: the deal, the DEAL and Meta again.",
]


def _described(tokens) -> list[tuple]:
    return [(t.text, t.lower, t.start, t.end, t.gap, t.possessive, t.after, t.capitalised, t.initial) for t in tokens]


def test_tokens_are_the_same_with_or_without_spellings_shared_across_statements():
    words: dict[str, str] = {}
    shared = [tokenize(text, words) for text in STATEMENTS]
    assert [_described(tokens) for tokens in shared] == [_described(tokenize(text)) for text in STATEMENTS]
    assert _described(shared[0])[:4] == [
        ("Meta", "meta", 0, 4, "\n", True, "'", True, True),
        ("chief", "chief", 7, 12, " ", False, " ", False, False),
        ("executive", "executive", 13, 22, " ", False, " ", False, False),
        ("said", "said", 23, 27, " ", False, " ", False, False),
    ]
    assert [t.text for t in shared[1][:5]] == ["Hewlett", "Packard", "Mr.", "Wang", "said"]


def test_a_spelling_is_one_string_however_many_statements_use_it():
    words: dict[str, str] = {}
    first, _, third = (tokenize(text, words) for text in STATEMENTS)
    metas = [t for t in first + third if t.text == "Meta"]
    deals = [t for t in first + third if t.text == "deal"]
    assert len(metas) == 2 and all(t.text is metas[0].text for t in metas)
    assert len(deals) == 2 and deals[0].text is deals[1].text
    # a lower-case word is its own lower case; "MEta", "meta" and "Meta" share that one
    assert deals[0].lower is deals[0].text
    assert len({id(t.lower) for t in first + third if t.lower == "meta"}) == 1


def test_a_hyphenated_name_leaves_the_words_after_it_their_next_character():
    tokens = tokenize("Hewlett-Packard bought the unit from Reuters' owner")
    reuters = next(t for t in tokens if t.text == "Reuters")
    assert reuters.after == "'" and reuters.possessive  # "Reuters'" owns "owner"


def test_a_word_after_wire_copys_underscore_dash_opens_a_clause():
    """ "The requirement _ Dating back to 1986 _": a capital after the dash is no sign of a name."""
    tokens = {t.text: t for t in tokenize("The requirement _ Dating back to 1986 _ ended in Congress")}
    assert tokens["Dating"].initial and not tokens["Congress"].initial
