"""Importance ranking: what a reader cares about comes first, copies count once, noise sinks."""

from __future__ import annotations

from datetime import date

from scaletui.events.model import Claim, Discrepancy, Event, Modifier, Precision, Source, Statement, TimeSpan
from scaletui.events.ranking import (
    SMALL_STORY_KEY_EVENTS,
    importance,
    independent_outlets,
    key_view_size,
    rank_events,
    source_families,
)
from scaletui.events.rounding import only_rounding

DAY = date(2024, 3, 5)
SOURCES = [Source(id=f"s{i}", path=f"{i}.txt", outlet=f"Outlet {i}") for i in range(6)]


def span(reported: bool = False) -> TimeSpan:
    return TimeSpan(start=DAY, end=DAY, precision=Precision.DAY, modifier=Modifier.REPORTED if reported else Modifier.NONE)


def event(event_id: str, texts: dict[str, str], entities=("e1", "e2"), reported=False, **extra) -> Event:
    statements = [
        Statement(id=f"{source}:{event_id}", source=source, text=text, start=0, end=len(text), span=span(reported), entities=list(entities))
        for source, text in texts.items()
    ]
    return Event(
        id=event_id,
        title=next(iter(texts.values())),
        span=span(reported),
        entities=list(entities),
        sources=list(texts),
        statements=statements,
        **extra,
    )


def background(n: int) -> list[Event]:
    """Single-source filler so the key view is smaller than the timeline; names the central entities."""
    return [event(f"bg{i}", {f"s{i % 6}": f"Filler sentence number {i} about the market mood"}, entities=("e1",), reported=True) for i in range(n)]


def ranks(events: list[Event]) -> dict[str, int]:
    rank_events(events, SOURCES)
    return {e.id: e.rank for e in events}


def test_every_event_gets_a_distinct_rank_and_the_top_ones_are_key():
    events = background(40)
    rank_events(events, SOURCES)
    assert sorted(e.rank for e in events) == list(range(1, 41))
    size = key_view_size(40, len(SOURCES))
    assert sum(e.key for e in events) == size
    assert all(e.key == (e.rank <= size) for e in events)


def test_more_independent_outlets_rank_higher():
    wide = event("wide", {"s0": "Acme bought Zenco for $5 million", "s1": "Zenco was acquired by Acme in a cash deal", "s2": "The purchase of Zenco by Acme closed"})
    narrow = event("narrow", {"s3": "Acme opened an office in Lyon"})
    order = ranks([narrow, wide, *background(10)])
    assert order["wide"] < order["narrow"]


def test_copies_of_one_report_count_once():
    text = "Acme agreed to buy Zenco for five million dollars on Tuesday, the company said."
    copied = event("copied", {"s0": text, "s1": text.replace("the company said", "the firm said")})
    independent = event("independent", {"s2": "Acme hired a new chief executive from a rival", "s3": "The board of Acme named a new boss, poached from a competitor"})
    assert independent_outlets(copied, {}) == 1
    assert independent_outlets(independent, {}) == 2
    order = ranks([copied, independent, *background(10)])
    assert order["independent"] < order["copied"]


def test_a_source_that_rewrites_another_is_one_family():
    rewrites = [
        event(f"r{i}", {"s0": f"Acme reported quarterly sales of {i} million units in the northern region", "s1": f"Acme reported quarterly sales of {i} million units in the northern region today"})
        for i in range(4)
    ]
    families = source_families(rewrites)
    assert families["s0"] == families["s1"]
    other = event("other", {"s0": "Acme cut its dividend", "s1": "Shareholders will get a smaller payout from Acme"})
    # Different words in this event, but s1 copies s0 elsewhere: still one outlet.
    assert independent_outlets(other, families) == 1


def test_an_own_date_ranks_above_only_reported():
    dated = event("dated", {"s0": "Acme signed the contract with Zenco"})
    reported = event("reported", {"s1": "Acme signed the contract with Zenco"}, reported=True)
    order = ranks([reported, dated, *background(10)])
    assert order["dated"] < order["reported"]


def test_an_undated_event_has_no_date_of_its_own():
    from scaletui.events.model import undated_span

    reported = event("reported", {"s1": "Acme signed the contract with Zenco"}, reported=True)
    undated = event("undated", {"s1": "Acme signed the contract with Zenco"})
    undated.span = undated_span()
    coverage = {"e1": 1.0, "e2": 1.0}
    # Nothing dates it: it counts like an event known only from its report, not like a dated one.
    assert importance(undated, {}, coverage) == importance(reported, {}, coverage)


def test_central_participants_rank_above_peripheral_ones():
    central = event("central", {"s0": "The board approved the plan"}, entities=("e1",))
    peripheral = event("peripheral", {"s1": "The board approved the plan"}, entities=("rare",))
    order = ranks([peripheral, central, *background(12)])
    assert order["central"] < order["peripheral"]


def test_a_disagreement_raises_an_event():
    claims = [Claim(value="$5 million", sources=["s0"]), Claim(value="$7 million", sources=["s1"])]
    disputed = event("disputed", {"s0": "Acme paid for Zenco", "s1": "Acme paid a sum for Zenco"}, discrepancies=[Discrepancy(field="figure", topic="price", claims=claims)])
    plain = event("plain", {"s2": "Acme paid for Zenco", "s3": "Acme paid a sum for Zenco"})
    order = ranks([plain, disputed, *background(10)])
    assert order["disputed"] < order["plain"]


def test_noise_sinks_boilerplate_opinion_speculation_and_no_entity():
    fact = event("fact", {"s0": "Acme closed its factory in Leeds"})
    boilerplate = event("boilerplate", {"s1": "Acme declined to comment on the report"})
    opinion = event("opinion", {"s2": "“This is the end of an era for the whole industry,” an analyst said"})
    speculation = event("speculation", {"s3": "Acme could lose customers if the trend continues"})
    nameless = event("nameless", {"s4": "Acme closed its factory in Leeds"}, entities=())
    order = ranks([boilerplate, opinion, speculation, nameless, fact, *background(10)])
    assert all(order["fact"] < order[noise] for noise in ("boilerplate", "opinion", "speculation", "nameless"))


def test_key_view_size_stays_small_and_under_one_per_article():
    assert key_view_size(98, 5) == SMALL_STORY_KEY_EVENTS
    assert key_view_size(8, 5) == 8
    # key events, a fold between each two and a heading over each: still under one row per article
    assert 3 * key_view_size(6500, 138) <= 138
    assert key_view_size(0, 5) == 0


def test_the_pipeline_ranks_the_seeds():
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline
    from scaletui.events.seeds import bundled_corpus

    timeline = build_timeline(load_corpus(bundled_corpus()))
    ranked = sorted(timeline.events, key=lambda e: e.rank)
    assert [e.rank for e in ranked] == list(range(1, len(ranked) + 1))
    key = [e for e in ranked if e.key]
    assert 0 < len(key) <= 25
    # The top event is reported by more outlets than the median event.
    counts = sorted(len(set(e.sources)) for e in timeline.events)
    assert len(set(ranked[0].sources)) > counts[len(counts) // 2]
    # The key events hold the story: the stake, Google's money then and now, Wang, the others pulling back,
    # the founding.
    told = " ".join(s.text for e in key for s in e.statements)
    for happening in ("49% stake", "$150 million", "200 million", "Wang", "OpenAI", "2016"):
        assert happening in told, happening
    titles = " ".join(e.title for e in key)
    assert "Microsoft" in titles and "xAI" in titles  # pulling back, each an event of its own


def figures(*values: str) -> Discrepancy:
    return Discrepancy(field="figure", topic="stake", claims=[Claim(value=v, sources=[f"s{i}"]) for i, v in enumerate(values)])


def test_rounding_is_told_apart_from_a_real_difference():
    assert only_rounding(figures("$14 billion", "$14.3 billion"))
    assert only_rounding(figures("49%", "49.5%"))
    assert not only_rounding(figures("$14 billion", "$14.8 billion"))  # 14.8 does not round to 14
    assert not only_rounding(figures("$14.3 billion", "$14.8 billion"))  # same precision, different values
    assert not only_rounding(figures("$150 million", "$200 million"))  # a trailing zero is not coarser
    assert not only_rounding(figures("$14 billion", "$14 million"))
    assert not only_rounding(figures("$14 billion", "$14.3 billion", "$14.8 billion"))
    assert not only_rounding(Discrepancy(field="date", topic="x", claims=[Claim(value="2024", sources=["a"]), Claim(value="2025", sources=["b"])]))
