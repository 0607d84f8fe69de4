"""The whole pipeline, headless: corpus -> sentences -> dated statements ->
entities -> events -> comparisons -> Timeline.
"""

from __future__ import annotations

from collections.abc import Callable

from events.clustering import cluster_events, event_span
from events.compare import compare_events
from events.corpus import Corpus
from events.entities import find_entities
from events.figures import extract_figures
from events.dating import CorpusDates, date_from_events, date_sources, redate
from events.model import Event, Modifier, Sentence, Source, Statement, Timeline
from events.ranking import rank_events
from events.sentences import split_sentences
from events.statements import statements_of

Progress = Callable[[str, float], None]

CURATED_ENTITIES = "entities.toml"


def _quiet(stage: str, fraction: float) -> None:
    pass


def build_timeline(corpus: Corpus, progress: Progress | None = None) -> Timeline:
    report = progress or _quiet
    documents = corpus.documents
    report("splitting sentences", 0.0)
    sentences = {doc.source.id: split_sentences(doc.source.id, doc.text) for doc in documents}
    report("dating articles", 0.1)
    dates = date_sources(documents, sentences)
    sources = dates.sources
    statements: list[Statement] = []
    for number, source in enumerate(sources):
        if number % 20 == 0:
            report("finding dated statements", 0.1 + 0.4 * number / max(len(documents), 1))
        statements.extend(_statements(source, sentences[source.id], dates))
    report("reading figures", 0.5)
    for statement in statements:
        statement.figures = extract_figures(statement.text)
    report("reconciling entities", 0.55)
    curated = corpus.folder / CURATED_ENTITIES
    entities = find_entities(statements, curated if curated.is_file() else None)
    report("clustering events", 0.7)
    events = cluster_events(statements, entities, sources)
    _date_undated_sources(events, statements, sentences, dates)
    report("comparing sources", 0.9)
    compare_events(events, entities, sources)
    rank_events(events, sources)
    # Within a day, events dated by their own words lead "reported by" ones,
    # and the better-attested lead the noise.
    events.sort(key=lambda e: (e.span.start, e.span.modifier is Modifier.REPORTED, -e.confidence, e.span.end, e.id))
    report("done", 1.0)
    return Timeline(corpus=str(corpus.folder), sources=sources, entities=entities, events=events)


def _statements(source: Source, sentences: list[Sentence], dates: CorpusDates) -> list[Statement]:
    return statements_of(
        sentences, source.published, source.published_estimated, dates.reference_years.get(source.id)
    )


def _date_undated_sources(
    events: list[Event], statements: list[Statement], sentences: dict[str, list[Sentence]], dates: CorpusDates
) -> None:
    """Date the articles that had no date of their own from the events they share, then their statements."""
    changed = date_from_events(events, dates)
    if not changed:
        return
    by_source: dict[str, list[Statement]] = {}
    for statement in statements:
        if statement.source in changed:
            by_source.setdefault(statement.source, []).append(statement)
    moved: set[str] = set()
    for source in dates.sources:
        if source.id in changed:
            moved |= redate(by_source.get(source.id, []), _statements(source, sentences[source.id], dates))
    for event in events:
        if any(s.id in moved for s in event.statements):
            event.span = event_span(event.statements)
