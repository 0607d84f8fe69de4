"""Entity finding on made-up sentences: one entity per referent, canonical
spellings, kinds from evidence, outlets as reporters, no junk, and a segmenter
that stays linear on pathological text. Each test pins a concrete case."""

from __future__ import annotations

from datetime import date

from scaletui.events.entities import discover, find_entities
from scaletui.events.model import Entity, Kind, Precision, Statement, TimeSpan

SPAN = TimeSpan(start=date(2024, 5, 2), end=date(2024, 5, 2), precision=Precision.DAY)


def texts(*pairs: tuple[str, str]) -> list[Statement]:
    return [Statement(id=f"{src}:{i}", source=src, text=text, start=0, end=len(text), span=SPAN) for i, (src, text) in enumerate(pairs)]


def entity(entities: list[Entity], alias: str) -> Entity:
    found = [e for e in entities if any(a.text == alias for a in e.aliases)]
    assert len(found) == 1, f"{alias!r} is in {[e.name for e in found]}"
    return found[0]


def has(entities: list[Entity], alias: str) -> bool:
    return any(a.text == alias for e in entities for a in e.aliases)


# --- one entity per referent -------------------------------------------------------------


def test_a_surname_and_a_given_name_alone_join_the_one_person_who_has_them():
    entities = find_entities(texts(
        ("a", "The singer Michael Jackson released Thriller in 1982."),
        ("a", "Jackson toured the world the next year, and Michael later said he was tired."),
        ("b", "Fans of Michael Jackson gathered outside the court."),
        ("b", "Jackson did not appear."),
    ))
    jackson = entity(entities, "Michael Jackson")
    assert entity(entities, "Jackson").id == jackson.id
    assert entity(entities, "Michael").id == jackson.id
    assert jackson.name == "Michael Jackson" and jackson.kind is Kind.PERSON


def test_a_surname_shared_by_two_people_stays_apart():
    entities = find_entities(texts(
        ("a", "Michael Jackson and his sister Janet Jackson sang together."),
        ("a", "Janet Jackson, the singer, later toured alone."),
        ("b", "Jackson said the tour would go on."),
        ("b", "Michael Jackson said nothing."),
    ))
    michael, janet = entity(entities, "Michael Jackson"), entity(entities, "Janet Jackson")
    assert michael.id != janet.id
    if has(entities, "Jackson"):
        assert entity(entities, "Jackson").id not in {michael.id, janet.id}


def test_spacing_hyphen_and_case_variants_are_one_name_spelt_as_most_sources_do():
    entities = find_entities(texts(
        ("a", "OpenAI released a new model on Monday."),
        ("b", "OpenAI said the model was safer."),
        ("c", "Open AI declined to say how much it cost."),
        ("d", "Analysts said Open-AI would raise more money."),
    ))
    openai = entity(entities, "OpenAI")
    assert entity(entities, "Open AI").id == openai.id == entity(entities, "Open-AI").id
    assert openai.name == "OpenAI" and openai.kind is Kind.ORGANISATION


def test_the_majority_spelling_names_a_person_and_the_wider_world_breaks_a_tie():
    entities = find_entities(texts(
        ("a", "Chief scientist Ilya Sutskever left the company in May."),
        ("b", "Ilya Sutskever, the chief scientist, had voted to remove the CEO."),
        ("c", "Ilya Sutskevar, chief scientist, later regretted it."),
        ("a", "Microsoft chief executive Satya Nadella offered him a job."),
        ("c", "Microsoft boss Satya Nadela welcomed the news."),
    ))
    assert entity(entities, "Ilya Sutskevar").name == "Ilya Sutskever"  # two sources against one
    nadella = entity(entities, "Satya Nadela")
    assert nadella.name == "Satya Nadella"  # one against one: the spelling the world uses
    assert nadella.kind is Kind.PERSON and entity(entities, "Ilya Sutskever").kind is Kind.PERSON


def test_a_source_that_garbles_names_does_not_decide_a_tie():
    entities = find_entities(texts(
        ("clean", "Dana Whitcombe, the chief executive, said Korvex Systems would grow."),
        ("clean", "Korvex Systems hired Lena Marsh as its finance chief."),
        ("other", "Korvex Systems said Dana Whitcombe would stay."),
        ("garbled", "Korvax Sistems chief executive Dana Whitcomb say the Korvax Sistems grow."),
        ("garbled", "Korvax Sistems hire Lena Marsch, finance chief."),
        ("clean", "Lena Marsh starts in June."),
    ))
    # "Lena Marsh" / "Lena Marsch": one source each; the garbling source spells every name alone
    assert entity(entities, "Lena Marsch").name == "Lena Marsh"
    assert entity(entities, "Korvax Sistems").name == "Korvex Systems"


# --- kinds from evidence ------------------------------------------------------------------


def test_kinds_from_lists_legal_forms_places_and_usage():
    entities = find_entities(texts(
        ("a", "Tech companies such as Google, Microsoft and Salesforce bought chips from Nvidia Corporation."),
        ("a", "Salesforce and Microsoft declined to comment."),
        ("b", "OpenAI released ChatGPT in November, and the chatbot ChatGPT soon had millions of users."),
        ("b", "Brenner Logistik GmbH opened a depot in Germany."),
        ("b", "Shares of Alphabet's Google rose after it said it would invest in Poland."),
    ))
    kinds = {name: entity(entities, name).kind for name in ["Microsoft", "Salesforce", "Nvidia Corporation", "ChatGPT", "Brenner Logistik GmbH", "Germany", "Poland", "Alphabet"]}
    assert kinds == {
        "Microsoft": Kind.ORGANISATION, "Salesforce": Kind.ORGANISATION, "Nvidia Corporation": Kind.ORGANISATION,
        "ChatGPT": Kind.PRODUCT, "Brenner Logistik GmbH": Kind.ORGANISATION, "Germany": Kind.PLACE, "Poland": Kind.PLACE,
        "Alphabet": Kind.ORGANISATION,
    }


def test_a_song_is_no_person_and_a_common_word_is_no_name():
    entities = find_entities(texts(
        ("a", "He sang Billie Jean at the award show."),
        ("a", "The song Billie Jean topped the charts."),
        ("b", "League officials praised the show."),
        ("b", "Music critics were less kind."),
        ("c", "The Premier League said Music would play before the match."),
    ))
    assert entity(entities, "Billie Jean").kind is Kind.PRODUCT
    for word in ["League", "Music"]:
        assert not has(entities, word) or entity(entities, word).kind is not Kind.PERSON, word
    assert not has(entities, "League")


def test_given_name_and_title_make_a_person():
    found = discover(texts(
        ("a", "Mr Okonjo met the board on Friday."),
        ("b", "Chukwuma Okonjo, a director, said the talks went well."),
    ))
    okonjo = entity(found.entities, "Chukwuma Okonjo")
    assert okonjo.kind is Kind.PERSON and entity(found.entities, "Okonjo").id == okonjo.id


# --- outlets are sources, not actors ----------------------------------------------------


def test_an_outlet_named_only_as_reporter_is_no_entity():
    statements = texts(
        ("a", "Kestrel Freight cut 300 jobs, according to Reuters."),
        ("a", "Kestrel Freight chief executive Ana Ruiz told Reuters the cuts were final."),
        ("b", "Kestrel Freight will close two depots, The Information reported on Tuesday."),
        ("b", "Bloomberg first reported the plan, citing people familiar with it."),
        ("c", "LONDON, May 2 (Wire Daily) - Kestrel Freight shares fell 4%."),
    )
    entities = find_entities(statements)
    for outlet in ["Reuters", "The Information", "Information", "Bloomberg", "Wire Daily"]:
        assert not has(entities, outlet), outlet
    assert has(entities, "Kestrel Freight") and has(entities, "Ana Ruiz")


def test_an_outlet_the_story_is_about_stays_but_not_where_it_only_reports():
    statements = texts(
        ("a", "Reuters cut 500 newsroom jobs on Monday."),
        ("a", "The union said Reuters had broken its promise."),
        ("b", "Staff walked out, according to Reuters."),
    )
    entities = find_entities(statements)
    reuters = entity(entities, "Reuters")
    assert reuters.kind is Kind.ORGANISATION
    assert reuters.id in statements[0].entities and reuters.id in statements[1].entities
    assert reuters.id not in statements[2].entities


# --- no junk -----------------------------------------------------------------------------


def test_quote_fragments_glued_words_and_repeated_garble_are_no_entities():
    entities = find_entities(texts(
        ("a", "Meta bought half of Scale AI, and the Meta-Scale AI deal closed in June."),
        ("a", "Scale AI and Meta declined to comment."),
        ("b", "“Meta-Skele Deal is a turn,” said Jonathan Siddharth of Turing."),
        ("b", "“Leading AI Labs feel that neutrality is necessary,” Siddharth said."),
        ("c", "Handshake chief Garat Lord Lord Lord said demand was rising."),
        ("c", "Google planned to pay $200 million, which said Power Gemini, its model, needed data."),
        ("a", "Google built Gemini with that data."),
    ))
    for junk in ["Meta-Skele Deal", "Skele Deal", "Skele", "Deal", "Leading AI Labs", "Leading", "AI Labs",
                 "Garat Lord Lord Lord", "Lord Lord", "Power Gemini", "Power", "Meta-Scale AI", "Meta-Scale"]:
        assert not has(entities, junk), junk
    assert entity(entities, "Garat Lord").kind is Kind.PERSON
    assert entity(entities, "Meta").id != entity(entities, "Scale AI").id
    assert has(entities, "Gemini") and has(entities, "Jonathan Siddharth")


def test_a_hyphenated_name_no_part_of_which_stands_alone_stays_whole():
    entities = find_entities(texts(
        ("a", "Rolls-Royce won an engine order from Airbus."),
        ("b", "Rolls-Royce shares rose 3%."),
    ))
    assert entity(entities, "Rolls-Royce").kind is not Kind.PERSON  # two capitalised parts, no given name
    assert not has(entities, "Rolls") and not has(entities, "Royce")


def test_a_plural_of_a_common_word_opening_sentences_is_no_name():
    """ "Stocks" is rarer than "stock" in English, but still an ordinary word; "Globex" opening the same
    sentences is a name."""
    entities = find_entities(texts(
        ("a", "Stocks slide as oil jumps"),
        ("a", "Stocks fell sharply Tuesday as oil prices jumped to a two-year high."),
        ("b", "Globex shares rose after the results."),
        ("b", "Globex said it would hire more staff."),
    ))
    assert not has(entities, "Stocks")
    assert has(entities, "Globex")


# --- linear segmenter (issue 10) -----------------------------------------------------------


def test_name_segmenter_is_linear_on_100kb_of_capitalised_words():
    # once cubic: 'Acme ' * 4000 took 104 s. A hang fails this test; no timing is asserted.
    # also once quadratic: a possessive after every name, a role word before every core role
    for text in ["Acme " * 20_000, "Acme Beta " * 10_000, ("Acme Beta Gamma " * 6_000) + "said.",
                 "O'Neil's " * 11_000, "Chief Chief Executive " * 4_500]:
        statements = texts(("a", text), ("b", "Acme Beta said Acme would grow."), ("b", "Acme Beta Gamma Corp hired staff."))
        entities = find_entities(statements)
        assert all(len(a.text) < 200 for e in entities for a in e.aliases)
        assert statements[1].entities


# --- the seeds without their curated file, through the CLI export ------------------------


def test_seeds_without_curated_file_through_the_export(tmp_path):
    import shutil
    import tomllib
    from pathlib import Path

    from scaletui.tui.cli import main

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    for path in seeds.iterdir():
        if path.is_file() and path.name != "entities.toml":
            shutil.copy(path, corpus / path.name)
    out = tmp_path / "timeline.toml"
    assert main(["export", str(corpus), "-o", str(out)]) == 0
    entities = tomllib.loads(out.read_text(encoding="utf-8"))["entities"]
    aliases = {a["text"]: e for e in entities for a in e["aliases"]}
    for junk in ["Leading AI Labs", "Skele Deal", "Meta-Skele Deal", "Power Gemini", "Garat Lord Lord Lord", "Lord Lord"]:
        assert junk not in aliases, junk
    for outlet in ["Reuters", "The Information", "Thomson Reuters"]:  # only ever the reporters
        assert outlet not in aliases, outlet
    kinds = {name: aliases[name]["kind"] for name in ["Alphabet", "Amazon", "Microsoft", "Google", "Garat Lord", "Jonathan Siddharth"]}
    assert kinds == {"Alphabet": "organisation", "Amazon": "organisation", "Microsoft": "organisation",
                     "Google": "organisation", "Garat Lord": "person", "Jonathan Siddharth": "person"}
    groups = [("Alexandr Wang", "Alexandra Wang", "Alexander Wang", "Wang"), ("Meta", "Meta Platforms", "Mata"),
              ("OpenAI", "Openai"), ("Labelbox", "Labbox"), ("Handshake", "Handsheakes", "Handshek"), ("Llama", "Lama"),
              ("xAI", "Zai", "XAI"), ("Scale AI", "Scale"), ("Elon Musk", "Musk"), ("Mark Zuckerberg", "Zuckerberg")]
    for group in groups:
        assert len({aliases[a]["id"] for a in group}) == 1, group
