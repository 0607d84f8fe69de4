"""The entity sidebar on a story with many entities, driven through its keys:
ranked by how many events and sources name each, the long tail folded under a
row that Enter unfolds, outlets shown by name."""

from __future__ import annotations

from datetime import date

from conftest import SIZE, quiet_app
from screen_text import screen_text

from scaletui.events.model import Alias, Entity, Event, Kind, Precision, Source, Statement, Timeline, TimeSpan
from scaletui.tui.widgets.entity_sidebar import SHOWN_PER_KIND

DAY = TimeSpan(start=date(2024, 3, 8), end=date(2024, 3, 8), precision=Precision.DAY)
OUTLETS = ["Harbour Ledger", "Meridian Wire", "Freight Desk", "Baltic Review"]


def crowded_timeline(people: int = 60) -> Timeline:
    """`people` persons: person n is named by (people - n) events; two organisations
    named by equally many events, one by more sources."""
    sources = [Source(id=f"{1000 + i}", path=f"{i}.txt", outlet=outlet, published=date(2024, 3, 8)) for i, outlet in enumerate(OUTLETS)]
    entities = [
        Entity(id=f"p{n:02d}", name=f"Person {n:02d}", kind=Kind.PERSON,
               aliases=[Alias(text=f"Person {n:02d}", sources=["1000"], count=1), Alias(text=f"P. {n:02d}", sources=["1003"], count=1)])
        for n in range(people)
    ]
    entities.append(Entity(id="wide", name="Widely Named Co", kind=Kind.ORGANISATION,
                           aliases=[Alias(text="Widely Named Co", sources=["1000", "1001", "1002"], count=3)]))
    entities.append(Entity(id="narrow", name="Acme Narrow", kind=Kind.ORGANISATION,
                           aliases=[Alias(text="Acme Narrow", sources=["1000"], count=3)]))
    events = []
    for n in range(people):
        for k in range(people - n):
            eid = f"ev{n:02d}{k:02d}"
            named = [f"p{n:02d}"] + (["wide", "narrow"] if n == 0 and k < 3 else [])
            statement = Statement(id=f"{eid}:s", source="1000", text=f"Person {n:02d} spoke.", start=0, end=10, span=DAY, entities=named)
            events.append(Event(id=eid, title=f"Person {n:02d} spoke", span=DAY, entities=named, sources=["1000"], statements=[statement]))
    return Timeline(sources=sources, entities=entities, events=events)


def person_rows(app) -> list[str]:
    return [o.id for o in app.sidebar.option_list.options if o.id and o.id.startswith("p")]


async def test_people_ranked_by_events_with_the_tail_folded_until_enter():
    timeline = crowded_timeline()
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert app.sidebar.highlighted_entity.id == "p00"  # named by the most events
        assert person_rows(app) == [f"p{n:02d}" for n in range(SHOWN_PER_KIND)]
        assert f"{60 - SHOWN_PER_KIND} more people" in screen_text(app)
        await pilot.press(*["down"] * SHOWN_PER_KIND)  # onto the "more" row
        assert app.sidebar.highlighted_entity is None
        await pilot.press("enter")
        assert person_rows(app) == [f"p{n:02d}" for n in range(60)]
        assert app.sidebar.highlighted_entity.id == f"p{SHOWN_PER_KIND:02d}"  # the first row unfolded
        await pilot.press("space")  # and it filters like any other
        assert app.sidebar.selected == (f"p{SHOWN_PER_KIND:02d}",)
        await pilot.press("a")  # everything unfolded, then "a" folds every kind back
        await pilot.press("a")
        rows = person_rows(app)
        assert rows[:SHOWN_PER_KIND] == [f"p{n:02d}" for n in range(SHOWN_PER_KIND)]
        assert f"p{SHOWN_PER_KIND:02d}" in rows  # a chosen entity stays in sight when folded
        assert len(rows) == SHOWN_PER_KIND + 1


async def test_equal_events_then_more_sources_rank_first():
    app = quiet_app(timeline=crowded_timeline())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        ids = [o.id for o in app.sidebar.option_list.options if o.id in ("wide", "narrow")]
        assert ids == ["wide", "narrow"]


async def test_spellings_show_the_outlets_that_used_them_not_source_ids():
    app = quiet_app(timeline=crowded_timeline())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        variants = str(app.sidebar.query_one("#entity-variants").render())
        assert "P. 00" in variants and "Baltic Review" in variants and "Harbour Ledger" in variants
        assert "1003" not in variants and "1000" not in variants
        assert "60 events" in variants


async def test_a_small_timeline_shows_every_entity():
    app = quiet_app(timeline=crowded_timeline(people=12))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert len(person_rows(app)) == 12
        assert "more people" not in screen_text(app)
