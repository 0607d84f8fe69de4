"""A deterministic synthetic Timeline of any size, for tests and the benchmark.

Every statement's offsets are real: `write_articles` writes the source files
the offsets point into, so the article view can be exercised too.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from scaletui.events.model import (
    Alias,
    Claim,
    Discrepancy,
    Entity,
    Event,
    Figure,
    Kind,
    Modifier,
    Precision,
    Source,
    Statement,
    Timeline,
    TimeSpan,
    month_end,
)

OUTLETS = ["Daily Ledger", "Wire Service", "Tech Review", "Market Watchers", "Evening Post", "Metro Bulletin"]
PEOPLE = ["Ada Brook", "Ben Carver", "Cleo Dunn", "Dev Ellis", "Eve Frost", "Finn Gale", "Gia Hart", "Hal Ives"]
ORGS = ["Northwind", "Globex", "Initech", "Umbrella Labs", "Stark Data", "Wayne Cloud", "Hooli", "Vandelay"]
PRODUCTS = ["Atlas Model", "Beacon Chip", "Cobalt API", "Delta Suite"]
PLACES = ["Lisbon", "Osaka", "Denver", "Nairobi"]
VERBS = ["announced", "confirmed", "denied", "signed", "cancelled", "delayed", "expanded", "reviewed"]
OBJECTS = ["a partnership", "the contract", "a funding round", "the merger", "a data deal", "new hiring"]


def _entities(count: int) -> list[Entity]:
    pools = [(Kind.PERSON, PEOPLE), (Kind.ORGANISATION, ORGS), (Kind.PRODUCT, PRODUCTS), (Kind.PLACE, PLACES)]
    entities: list[Entity] = []
    for index in range(count):
        kind, names = pools[index % len(pools)]
        base = names[(index // len(pools)) % len(names)]
        round_ = index // (len(pools) * len(names))
        name = base if round_ == 0 else f"{base} {round_ + 1}"
        aliases = [Alias(text=name, count=3)]
        if kind is Kind.PERSON:
            aliases.append(Alias(text=name.split()[-1], count=1))
        entities.append(Entity(id=f"e{index:04d}", name=name, kind=kind, aliases=aliases))
    return entities


def _span(rng: random.Random, day: date, published: date) -> tuple[TimeSpan, str]:
    roll = rng.random()
    if roll < 0.55:
        return TimeSpan(start=day, end=day, precision=Precision.DAY), f"{day.day} {day:%B %Y}"
    if roll < 0.75:
        first = day.replace(day=1)
        return (
            TimeSpan(start=first, end=month_end(day.year, day.month), precision=Precision.MONTH),
            f"{day:%B %Y}",
        )
    if roll < 0.85:
        return (
            TimeSpan(start=date(day.year, 1, 1), end=date(day.year, 12, 31), precision=Precision.YEAR),
            f"{day.year}",
        )
    if roll < 0.9:
        return (
            TimeSpan(
                start=date(day.year, 1, 1),
                end=date(day.year, 12, 31),
                precision=Precision.YEAR,
                modifier=Modifier.BY,
            ),
            f"by the end of {day.year}",
        )
    return TimeSpan(start=published, end=published, precision=Precision.DAY, modifier=Modifier.REPORTED), ""


def _preposition(time_text: str) -> str:
    if time_text.startswith("by"):
        return ""
    return "on " if time_text[0].isdigit() and len(time_text) > 4 else "in "


def synthetic_timeline(n_events: int, n_sources: int = 5, n_entities: int = 40, seed: int = 7) -> Timeline:
    return _build(n_events, n_sources, n_entities, seed)[0]


def synthetic_corpus(folder: Path, n_events: int, n_sources: int = 5, n_entities: int = 40, seed: int = 7) -> Timeline:
    """A synthetic timeline plus the article files its statements' offsets point into."""
    timeline, texts = _build(n_events, n_sources, n_entities, seed)
    folder.mkdir(parents=True, exist_ok=True)
    for source in timeline.sources:
        (folder / source.path).write_text(texts[source.id], encoding="utf-8")
    timeline.corpus = str(folder)
    return timeline


def _build(n_events: int, n_sources: int, n_entities: int, seed: int) -> tuple[Timeline, dict[str, str]]:
    rng = random.Random(seed)
    first_day = date(2016, 1, 4)
    days = min(max(n_events * 3, 400), 3650)
    published = first_day + timedelta(days=days)
    sources = [
        Source(
            id=f"s{index}",
            path=f"{index:03d}_article.txt",
            title=f"Report {index + 1}",
            outlet=OUTLETS[index % len(OUTLETS)],
            published=published - timedelta(days=index),
        )
        for index in range(n_sources)
    ]
    entities = _entities(n_entities)
    texts = {source.id: "" for source in sources}
    sentence_counts = {source.id: 0 for source in sources}
    events: list[Event] = []
    for number in range(n_events):
        day = first_day + timedelta(days=rng.randrange(days))
        span, time_text = _span(rng, day, published)
        subject, partner = rng.sample(entities, 2)
        verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
        reporting = sorted(rng.sample(sources, rng.randint(1, n_sources)), key=lambda s: s.id)
        amounts: dict[str, int] = {}
        statements: list[Statement] = []
        for source in reporting:
            amount = rng.choice([10, 12, 14, 29]) if rng.random() < 0.3 else 14
            amounts[source.id] = amount
            lead = f"{subject.aliases[-1].text} {verb} {obj} with {partner.name}"
            tail = f" worth ${amount} billion" if number % 3 == 0 else ""
            dating = f" {_preposition(time_text)}{time_text}" if time_text else ""
            sentence = f"{lead}{tail}{dating}."
            start = len(texts[source.id])
            texts[source.id] += sentence + ("\n\n" if sentence_counts[source.id] % 4 == 3 else " ")
            sentence_counts[source.id] += 1
            time_start = start + sentence.index(time_text) if time_text else None
            figures = []
            if tail:
                figure_text = f"${amount} billion"
                figures.append(Figure(text=figure_text, kind="money", value=amount * 1e9, unit="USD"))
            statements.append(
                Statement(
                    id=f"{source.id}:{sentence_counts[source.id] - 1}",
                    source=source.id,
                    text=sentence,
                    start=start,
                    end=start + len(sentence),
                    time_text=time_text,
                    time_start=time_start,
                    time_end=time_start + len(time_text) if time_start is not None else None,
                    span=span,
                    figures=figures,
                    entities=[subject.id, partner.id],
                )
            )
        discrepancies = []
        if number % 3 == 0 and len(set(amounts.values())) > 1:
            by_value: dict[int, list[str]] = {}
            for source_id, amount in amounts.items():
                by_value.setdefault(amount, []).append(source_id)
            discrepancies.append(
                Discrepancy(
                    field="figure",
                    topic="deal value",
                    claims=[Claim(value=f"${amount} billion", sources=ids) for amount, ids in by_value.items()],
                )
            )
        reported_ids = [source.id for source in reporting]
        events.append(
            Event(
                id=f"ev{number:05d}",
                title=f"{subject.name} {verb} {obj} with {partner.name}",
                span=span,
                entities=[subject.id, partner.id],
                sources=reported_ids,
                silent=[source.id for source in sources if source.id not in reported_ids],
                discrepancies=discrepancies,
                statements=statements,
            )
        )
    return Timeline(sources=sources, entities=entities, events=events), texts
