"""Sentences to statements: a sentence that packs two happenings becomes two statements."""

from datetime import date

import pytest

from scaletui.events.model import Modifier, Sentence
from scaletui.events.statements import clause_cuts, has_finite_verb, statements_of

PUBLISHED = date(2024, 5, 17)


def statements(text: str, prefix: str = "Intro line here. "):
    """The statements of `text` as the second sentence of a source (offsets into the whole file)."""
    full = prefix + text
    sentence = Sentence(source="src", index=1, text=text, start=len(prefix), end=len(full))
    headline = Sentence(source="src", index=0, text=prefix.strip(), start=0, end=len(prefix.strip()))
    made = [s for s in statements_of([headline, sentence], PUBLISHED, False) if s.id.startswith("src:1")]
    for statement in made:
        assert full[statement.start : statement.end] == statement.text
        if statement.time_text:
            assert full[statement.time_start : statement.time_end] == statement.time_text
    return made


def pieces(text: str) -> list[str]:
    edges = [0, *clause_cuts(text), len(text)]
    return [text[a:b].strip(" ,;") for a, b in zip(edges, edges[1:])]


# Each case: a sentence, and the beginnings of the clauses it must be cut into.
# Every piece is a whole claim with its own subject.
SPLIT = [
    (
        "After the union rejected the final pay offer, the port authority cancelled all weekend sailings.",
        ["After the union rejected", "the port authority cancelled"],
    ),
    (
        "Following talks that collapsed late on Sunday, the company said it would shut two plants.",
        ["Following talks that collapsed", "the company said"],
    ),
    (
        "The council approved the new stadium plan; construction firms will bid for the contract next month.",
        ["The council approved", "construction firms will bid"],
    ),
    # a concession with its own subject grants a claim of its own
    (
        "Although the carrier's finance chief said it would keep Brightline as a supplier, analysts warned that more orders would leave.",
        ["Although the carrier's finance chief said", "analysts warned"],
    ),
    (
        "Though the mayor denied any wrongdoing, the council voted to open an inquiry into the contract.",
        ["Though the mayor denied", "the council voted"],
    ),
]

# A consequence or relative clause has no subject of its own: cut off, it would
# start mid-sentence ("prompting rival Crustworks ...", "which has prompted ..."),
# so the sentence stays one statement.
NO_SUBJECT = [
    "Harlow Foods agreed to buy the Pemberton bakery chain for $410 million, prompting rival Crustworks to withdraw its bid.",
    "The regulator fined Norvale Bank $12 million over lax checks, which has prompted two other lenders to review their own controls.",
    "The merger, which gives Tessaly Air a 60% share of regional routes, has triggered an antitrust inquiry in Brussels.",
    "Shares of Ardent Mining fell 9% after the company said output at its main mine had dropped sharply.",
    "Voltra recalled 40,000 electric scooters over battery fires, sending its shares down 12% in early trading.",
    "Quillon Pharma won approval for its asthma inhaler, which sparked a rally in the shares of its suppliers.",
]

WHOLE = [
    # a concession with no subject of its own ("Although not ...", "Though hurt, ...") is no claim
    "Although not discussed in detail at the launch, the larger laptop was also updated with a faster chip.",
    "Though badly hurt in the crash, the driver walked to the ambulance without help.",
    # "after" + a noun phrase with no verb of its own is no second happening
    "Brightline cut 300 jobs after a difficult year for the whole freight industry.",
    "Following the deal, the combined group will employ about 12,000 people.",
    # too short to stand alone on one side
    "Sales rose sharply, prompting cheers.",
    # the consequence word is a noun, not a clause
    "The prompting of investors was not needed for the board to act quickly.",
    # a semicolon inside a list of names, not between two clauses
    "The panel included Ana Ruiz, chair; Tom Bell, treasurer; and Mia Cho, secretary of the board.",
    # the boundary sits inside a quotation
    "\u201cWe raised prices after costs went up; customers understood,\u201d the owner of the bakery said on Monday.",
]


@pytest.mark.parametrize("text, starts", SPLIT, ids=[s[0][:30] for s in SPLIT])
def test_two_happenings_are_cut_at_the_clause_boundary(text, starts):
    found = pieces(text)
    assert len(found) == len(starts), found
    for piece, start in zip(found, starts):
        assert piece.startswith(start), (piece, start)


@pytest.mark.parametrize("text", WHOLE + NO_SUBJECT, ids=[t[:30] for t in WHOLE + NO_SUBJECT])
def test_one_happening_stays_whole(text):
    assert pieces(text) == [text.strip(" ,;")]


def test_split_statements_keep_exact_offsets_and_stable_ids():
    text = SPLIT[0][0]
    made = statements(text)
    assert [s.id for s in made] == ["src:1.1", "src:1.2"]
    assert made[0].text.endswith("pay offer") and made[1].text.startswith("the port authority")
    assert statements(WHOLE[0])[0].id == "src:1"


def test_the_time_expression_stays_with_its_own_clause():
    text = "Talks broke down on Tuesday, prompting the union to call a strike at the container terminal."
    [whole] = statements(text)
    assert whole.time_text.endswith("Tuesday") and whole.span.start == date(2024, 5, 14)
    leading = "After the board approved the plan in March, the company hired 200 engineers for its new site."
    first, second = statements(leading)
    assert first.time_text.endswith("March") and second.time_text == ""


def test_two_time_expressions_still_split_between_them():
    text = (
        "Sources said Scale AI recorded revenue in 2024 for $ 870 million, and Google spent $ 150 million "
        "on AI's services last year."
    )
    first, second = statements(text)
    assert first.time_text == "2024" and "870" in first.text and "last year" not in first.text
    assert second.time_text == "last year" and second.text.startswith("Google spent")
    assert second.span.start == date(2023, 1, 1)


def test_a_list_going_on_after_a_date_is_no_clause_of_its_own():
    offers = (
        "The Hawks are reportedly at six years and $90 million since Monday, the Owls around five years, "
        "and the Rays at six years, $95 million."
    )
    [whole] = statements(offers)  # "and the Rays at six years": no verb, no claim
    assert whole.text == offers
    verdict = (
        "A jury found Dana Keller guilty Friday of defrauding her employer, Orbis, and its pension fund "
        "in a scheme that ran for nearly three years."
    )
    [whole] = statements(verdict)
    assert whole.time_text.endswith("Friday") and whole.text == verdict


def test_a_date_in_the_closing_attribution_dates_the_telling_not_the_happening():
    text = (
        "The streaming service in February passed its rival to become the largest music seller, "
        "according to figures released May 3 by a market research firm."
    )
    [whole] = statements(text)
    assert whole.time_text == "February" and whole.span.start == date(2024, 2, 1)
    # Without the attribution the more precise day wins, as before.
    [plain] = statements("The board met on May 3 and approved the February budget.")
    assert plain.time_text == "May 3"


def test_an_undated_article_dates_a_clause_by_the_expression_a_dated_one_would():
    # Undated, "Tuesday" cannot be resolved and "2007" can; the clause is still told on Tuesday.
    text = "The army on Tuesday released video footage from 2007 showing militants firing from the compound."
    sentence = Sentence(source="src", index=0, text=text, start=0, end=len(text))
    [undated] = statements_of([sentence], None, False)
    [dated] = statements_of([sentence], PUBLISHED, False)
    assert undated.time_text == dated.time_text == "Tuesday"
    assert undated.span.modifier is Modifier.UNDATED and dated.span.start == date(2024, 5, 14)


def test_finite_verbs():
    assert has_finite_verb("the company said output had dropped")
    assert has_finite_verb("Meta announced the acquisition")
    assert not has_finite_verb("a difficult year for the whole freight industry")
    assert not has_finite_verb("the recently announced deal")


def test_a_second_predicate_with_its_own_date_is_its_own_claim_carrying_the_subject():
    text = "Apple Computer was started by Steve Jobs and Steve Wozniak in 1976, and launched the iTunes Music Store in 2003."
    founded, launched = statements(text)
    assert founded.time_text == "1976" and founded.subject == "" and "iTunes" not in founded.text
    assert launched.text == "launched the iTunes Music Store in 2003." and launched.time_text == "2003"
    assert launched.subject == "Apple Computer"
    assert launched.claim == "Apple Computer launched the iTunes Music Store in 2003."
    fought, took = statements("In 2005, he fought cancer for months and took six months off in early 2009.")
    assert took.subject == "he" and took.time_text == "early 2009" and fought.time_text == "2005"


def test_a_second_predicate_stays_in_its_sentence_when_its_subject_is_unclear():
    # Whose is "was charged": the police's or the gunman's? And "killed" belongs to the relative clause.
    for text in (
        "Police said the gunman surrendered after two hours on Friday and was charged Saturday with murder.",
        "A former employee who opened fire at a party on Friday and killed one man was charged Saturday.",
        "The new system was announced in March and will replace the old one, which was released in 2009.",
        '"He has been feigning illness for years and is still doing so today," the judge said in 2007.',
    ):
        assert not any(s.subject for s in statements(text)), text


def test_the_carried_subject_leaves_out_an_attribution_and_adverbs_and_a_clause_starts_at_its_words():
    planned, turned = statements(
        "According to Reuters, the retailer originally planned to spend $20 million this year, "
        "but has now turned to its rivals for the work."
    )
    assert turned.subject == "the retailer" and turned.text.startswith("has now turned")
    pulled, stated = statements(
        "The carrier had begun pulling back several months ago, though its CFO recently stated the work goes on."
    )
    assert stated.text.startswith("its CFO recently stated") and stated.subject == ""
