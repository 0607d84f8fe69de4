"""What each source says about an event, and where sources disagree."""

from datetime import date

from scaletui.events.compare import attributions, compare_event, figure_role
from scaletui.events.figures import extract_figures
from scaletui.events.model import Alias, Entity, Event, Modifier, Precision, Source, Statement, TimeSpan

PUBLISHED = date(2025, 6, 14)
SOURCES = [Source(id=f"s{n}", path=f"s{n}.txt", published=PUBLISHED) for n in range(5)]
REPORTED = TimeSpan(start=PUBLISHED, end=PUBLISHED, precision=Precision.DAY, modifier=Modifier.REPORTED, confidence=0.5)


def statement(source: str, text: str, entities=(), span: TimeSpan = REPORTED) -> Statement:
    made = Statement(id=f"{source}:0", source=source, text=text, start=0, end=len(text), span=span, entities=list(entities))
    made.figures = extract_figures(text)
    return made


def event(*statements: Statement) -> Event:
    sources = list(dict.fromkeys(s.source for s in statements))
    return Event(id="ev", title="t", span=REPORTED, statements=list(statements), sources=sources)


def compared(*statements: Statement, entities=()) -> Event:
    made = event(*statements)
    compare_event(made, list(entities), SOURCES)
    return made


def by_field(made: Event, field: str):
    return [d for d in made.discrepancies if d.field == field]


def claims(discrepancy) -> dict[str, list[str]]:
    return {c.value: c.sources for c in discrepancy.claims}


def test_silent_sources_are_those_that_do_not_report_the_event_in_source_order():
    made = compared(statement("s3", "Meta took a 49% stake in Scale AI."), statement("s1", "Meta took a 49% stake."))
    assert made.silent == ["s0", "s2", "s4"]


def test_silent_sources_of_events_reported_by_a_few_or_by_most_of_a_large_corpus():
    many = [Source(id=f"w{n:02d}", path=f"w{n:02d}.txt", published=PUBLISHED) for n in range(60)]
    few = event(statement("w07", "The port reopened on Monday."), statement("w41", "The port reopened."),
                statement("elsewhere", "The port reopened."))  # a source the corpus does not list
    compare_event(few, [], many)
    assert few.silent == [s.id for s in many if s.id not in ("w07", "w41")]
    most = event(*(statement(f"w{n:02d}", "The port reopened.") for n in range(60) if n % 7))
    compare_event(most, [], many)
    assert most.silent == ["w00", "w07", "w14", "w21", "w28", "w35", "w42", "w49", "w56"]


def test_an_event_naming_nobody_is_silent_only_for_the_sources_of_its_own_story():
    # a folder of two stories: s0-s2 on the port strike, s3-s4 on a football transfer
    entities = [
        Entity(id="port", name="Port of Brightwater", aliases=[Alias(text="Port of Brightwater", sources=["s0", "s1", "s2"])]),
        Entity(id="union", name="Dockers Union", aliases=[Alias(text="Dockers Union", sources=["s0", "s2"])]),
        Entity(id="club", name="Rovers", aliases=[Alias(text="Rovers", sources=["s3", "s4"])]),
    ]
    commentary = compared(statement("s1", "Analysts expect the shift to go on for weeks."), entities=entities)
    assert commentary.silent == ["s0", "s2"]
    other_story = compared(statement("s3", "The fee was not disclosed."), entities=entities)
    assert other_story.silent == ["s4"]
    with_entity = event(statement("s0", "The Dockers Union walked out.", entities=["union"]))
    with_entity.entities = ["union"]
    compare_event(with_entity, entities, SOURCES)
    assert with_entity.silent == ["s2"]  # an event's own entities decide, as before
    # a source naming nobody at all: nothing says which story it tells, so every source counts
    lone = compared(statement("s4", "It rained."), entities=entities[:2])
    assert lone.silent == ["s0", "s1", "s2", "s3"]


def test_differing_figures_in_the_same_role_are_a_disagreement_saying_who_said_what():
    made = compared(
        statement("s0", "Meta's $14 billion investment in Scale AI."),
        statement("s2", "Scale AI was backed by a massive $14.3 billion investment from Meta."),
        statement("s3", "Meta's 14.3 billion investment triggers an exodus."),
    )
    [found] = by_field(made, "figure")
    assert found.topic == "investment"
    assert claims(found) == {"$14 billion": ["s0"], "$14.3 billion": ["s2", "s3"]}


def test_equivalent_figures_are_not_a_disagreement():
    made = compared(
        statement("s1", "Handshake said its demand has been three times higher overnight."),
        statement("s2", "Handshake reported inquiry increases of 200% since the announcement."),
        statement("s3", "Handshake revealed that the number of consultations had tripled."),
        statement("s4", "Meta's $14.3 billion investment in Scale; its 14.3 billion investment."),
    )
    assert by_field(made, "figure") == []


def test_one_count_written_with_a_scale_word_and_in_digits_is_not_a_disagreement():
    made = compared(
        statement("s0", "Officials evacuated 5 million residents before the storm."),
        statement("s1", "Officials evacuated 5,000,000 residents before the storm."),
    )
    assert by_field(made, "figure") == []


def test_figures_in_different_roles_are_not_compared():
    made = compared(
        statement("s0", "Meta took a 49% stake, valuing Scale at $29 billion, up from a previous $14 billion valuation."),
        statement("s3", "Its valuation soared to $29 billion after Meta took the 49% stake."),
    )
    assert by_field(made, "figure") == []
    text = "Scale recorded revenue in 2024 of $870 million, and Google spent $150 million last year."
    first, second = extract_figures(text)
    assert (figure_role(text, first), figure_role(text, second)) == ("revenue", "spending")


def test_counts_of_different_things_are_not_compared_counts_of_one_thing_are():
    made = compared(
        statement("s0", "Police arrested 4 suspects after the raid."),
        statement("s1", "Officers questioned 4 witnesses and held 3 suspects after the raid."),
    )
    [dispute] = by_field(made, "figure")
    assert claims(dispute) == {"4 suspects": ["s0"], "3 suspects": ["s1"]}  # the witnesses are no dispute


def test_name_spellings_say_which_source_spelled_it_how():
    wang = Entity(
        id="wang",
        name="Alexandr Wang",
        aliases=[
            Alias(text="Alexandr Wang", sources=["s0", "s2", "s4"]),
            Alias(text="Alexandra Wang", sources=["s1"]),
            Alias(text="Alexander Wang", sources=["s3"]),
            Alias(text="Wang", sources=["s1", "s4"]),
        ],
    )
    made = compared(
        statement("s0", "Its CEO, Alexandr Wang, is moving to Meta.", ["wang"]),
        statement("s1", "Its CEO, Alexandra Wang, proceeds to Meta.", ["wang"]),
        statement("s3", "Meta poached Scale's CEO Alexander Wang.", ["wang"]),
        statement("s4", "Meta is onboarding Wang.", ["wang"]),
        entities=[wang],
    )
    made.entities = ["wang"]
    compare_event(made, [wang], SOURCES)
    [found] = by_field(made, "name")
    assert found.topic == "Alexandr Wang"
    assert claims(found) == {"Alexandr Wang": ["s0"], "Alexandra Wang": ["s1"], "Alexander Wang": ["s3"]}


def test_short_forms_and_case_are_not_spelling_disagreements():
    openai = Entity(id="openai", name="OpenAI", aliases=[Alias(text="OpenAI"), Alias(text="Openai"), Alias(text="OpenAI Inc")])
    made = event(statement("s0", "OpenAI pulled back.", ["openai"]), statement("s1", "Openai pulled back.", ["openai"]))
    made.entities = ["openai"]
    compare_event(made, [openai], SOURCES)
    assert by_field(made, "name") == []


def test_attribution_disagreement():
    made = compared(
        statement("s0", "Google plans to cut ties with Scale AI, according to Reuters."),
        statement("s3", "According to Reuters, Google plans to cut its business dealings."),
        statement("s4", "According to internal sources cited by The Information, Google views it as a conflict."),
    )
    [found] = by_field(made, "attribution")
    assert claims(found) == {"Reuters": ["s0", "s3"], "The Information": ["s4"]}
    assert attributions("Labelbox's CEO, Manu Sharma told Reuters.") == ["Reuters"]
    assert attributions("Sources said the plan was dropped.") == []


def test_one_attribution_is_no_disagreement():
    made = compared(statement("s0", "Google will cut ties, Reuters reported."), statement("s1", "Google cut ties, five sources told Reuters."))
    assert by_field(made, "attribution") == []


def test_dates_that_cannot_both_be_right_are_a_disagreement():
    tuesday = TimeSpan(start=date(2024, 3, 5), end=date(2024, 3, 5), precision=Precision.DAY)
    sixth = TimeSpan(start=date(2024, 3, 6), end=date(2024, 3, 6), precision=Precision.DAY)
    march = TimeSpan(start=date(2024, 3, 1), end=date(2024, 3, 31), precision=Precision.MONTH)
    made = compared(
        statement("s0", "Brightwater agreed on Tuesday to buy Kestrel.", span=tuesday),
        statement("s1", "Brightwater agreed on Tuesday to buy Kestrel.", span=tuesday),
        statement("s2", "Brightwater agreed on March 6 to buy Kestrel.", span=sixth),
        statement("s3", "Brightwater agreed in March to buy Kestrel.", span=march),
    )
    [found] = by_field(made, "date")
    assert claims(found) == {"5 Mar 2024": ["s0", "s1"], "6 Mar 2024": ["s2"]}


# -- through the whole pipeline, on the seeds and on second_story -----------------------------------

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SECOND = ROOT / "tests" / "corpora" / "second_story"


def _pipeline():
    try:
        from scaletui.events.corpus import load_corpus
        from scaletui.events.pipeline import build_timeline
    except ImportError as missing:  # the lead's pipeline lands in stages
        pytest.skip(f"pipeline not importable yet: {missing}")
    return load_corpus, build_timeline


def build_timeline(corpus):
    return _pipeline()[1](corpus)


def load_corpus(folder):
    return _pipeline()[0](folder)


@pytest.fixture(scope="module")
def second():
    return build_timeline(load_corpus(SECOND))


def events_saying(timeline, *fragments):
    return [e for e in timeline.events if any(all(f in s.text for f in fragments) for s in e.statements)]


def test_every_statement_is_in_exactly_one_event(seeds, second):
    for timeline in (seeds, second):
        ids = [s.id for e in timeline.events for s in e.statements]
        assert len(ids) == len(set(ids))
        assert len({e.id for e in timeline.events}) == len(timeline.events)


def test_seed_stake_is_one_event_reported_by_most_sources(seeds):
    stake = max(events_saying(seeds, "49%"), key=lambda e: len(e.sources))
    assert len(stake.sources) >= 3
    assert stake.title and not stake.title.endswith("…")  # stored whole; the screen truncates


def test_seed_spent_last_year_and_planned_this_year_stay_apart(seeds):
    [spent] = {e.id: e for e in events_saying(seeds, "150 million")}.values()
    by_file = {Path(s.path).name[:3]: s.id for s in seeds.sources}
    assert set(spent.sources) >= {by_file["000"], by_file["001"]}
    planned = events_saying(seeds, "200 million")
    assert planned and all(e.id != spent.id for e in planned)


def test_seed_name_spellings_are_flagged(seeds):
    spellings = [
        {c.value for c in d.claims} for e in seeds.events for d in e.discrepancies if d.field == "name"
    ]
    assert any({"Alexandr Wang", "Alexandra Wang"} <= found for found in spellings), spellings


def test_seed_boilerplate_is_not_a_confident_event(seeds):
    for event in events_saying(seeds, "©"):
        assert event.confidence < 0.3


def test_ids_survive_a_small_edit_to_one_article(tmp_path, seeds):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    edited = sorted(copy.glob("*.txt"))[4]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("TECH TIMES NEWS", "TECH TIMES NEWS DESK"), encoding="utf-8")
    after = {e.id for e in build_timeline(load_corpus(copy)).events}
    before = {e.id for e in seeds.events}
    assert len(before - after) <= 1


def test_second_story_deal_figures_and_dates_disagree(second):
    [deal] = events_saying(second, "agreed on Tuesday to buy")
    assert len(deal.sources) >= 3
    figures = [d for d in deal.discrepancies if d.field == "figure"]
    assert any({"1.2 billion", "1.15 billion"} <= {c.value.lstrip("$") for c in d.claims} for d in figures), figures
    assert [d for d in deal.discrepancies if d.field == "date"]


def test_second_story_profit_last_year_and_this_year_stay_apart(second):
    last = events_saying(second, "210 million")
    expected = events_saying(second, "250 million")
    assert last and expected
    assert not {e.id for e in last} & {e.id for e in expected}


def test_second_story_doubled_is_not_a_disagreement(second):
    for event in events_saying(second, "doubled"):
        assert not [d for d in event.discrepancies if d.field == "figure" and d.topic in ("growth", "multiple")]


def test_second_story_silent_sources_are_listed(second):
    for event in second.events:
        assert not set(event.silent) & set(event.sources)
        assert set(event.silent) | set(event.sources) <= {s.id for s in second.sources}
