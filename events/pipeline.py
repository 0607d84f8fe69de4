"""The whole pipeline, headless: corpus -> sentences -> dated statements ->
entities -> events -> comparisons -> Timeline.

A corpus built before, unchanged, is read back from the cache (events/build_cache.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from scaletui.events.build_cache import build_key, keep_build, read_build, timeline_cache
from scaletui.events.clustering import cluster_events, event_span
from scaletui.events.compare import compare_events
from scaletui.events.corpus import Corpus, Document
from scaletui.events.entities import find_entities
from scaletui.events.dating import CorpusDates, date_from_events, date_sources, redate_article
from scaletui.events.model import Event, Modifier, Sentence, Statement, Timeline
from scaletui.events.parallel import ArticleJob, read_articles
from scaletui.events.passing import add_passing_mentions
from scaletui.events.ranking import rank_events
from scaletui.events.sentences import split_sentences
from scaletui.events.statements import carry_subject_entities
from scaletui.events.store import collector_paused
from scaletui.events.timex import Found
from scaletui.events.words import given_lemmas

Progress = Callable[[str, float], None]

CURATED_ENTITIES = "entities.toml"


def _quiet(stage: str, fraction: float) -> None:
    pass


def build_timeline(corpus: Corpus, progress: Progress | None = None) -> Timeline:
    report = progress or _quiet
    curated_path = corpus.curated  # entities.toml, once the corpus reader found it safe to read
    cache = timeline_cache()
    key = build_key(corpus, curated_path) if cache.folder is not None else ""
    report("looking for an earlier build", 0.0)
    timeline = read_build(cache, key, corpus)
    if timeline is None:
        try:
            timeline = _build(corpus, curated_path, report)
        finally:
            gc.unfreeze()  # what _build set aside is the collector's again
        keep_build(cache, key, timeline)
    report("done", 1.0)
    return timeline


def _build(corpus: Corpus, curated: Path | None, report: Progress) -> Timeline:
    documents = corpus.documents
    report("dating articles", 0.0)
    # Phase one needs an article's sentences only for a dateline without a year
    # in a corpus with no other dates: split those here, the rest in read_articles.
    dates = date_sources(documents, _SentencesOnDemand(documents))
    sources = dates.sources
    stage = "finding dated statements"
    report(stage, 0.05)
    jobs = [
        ArticleJob(source.id, doc.text, source.published, source.published_estimated, dates.reference_years.get(source.id),
                   doc.chrome)
        for doc, source in zip(documents, sources)
    ]
    works = read_articles(jobs, lambda done: report(stage, 0.05 + 0.5 * done / max(len(jobs), 1)))
    statements: list[Statement] = [statement for work in works for statement in work.statements]
    features = [feature for work in works for feature in work.features]  # grouping's per-statement part, done with each article
    to_redate = {job.source_id: (work.to_redate, work.found) for job, work in zip(jobs, works) if work.to_redate}
    given_lemmas({word: base for work in works for word, base in work.name_lemmas.items()})
    del works, jobs
    report("reconciling entities", 0.55)
    # Tokens and mentions by the hundred thousand, none cyclic: the collector, left on, walked
    # them a seventh of the stage, and once more (a full collection) as subjects were carried.
    with collector_paused():
        entities = find_entities(statements, curated)
        carry_subject_entities(statements, entities)
    # The statements and entities live to the end of the build: set aside, the collector
    # no longer walks all of them each time grouping and comparing make more objects.
    gc.freeze()
    # What passing mentions ask of each statement, kept from the per-article work before grouping takes it.
    known_acts = {s.id: f.actions for s, f in zip(statements, features) if f is not None}
    report("clustering events", 0.7)
    # Grouping and comparing make a few million short-lived objects (heap entries, centroids,
    # pairs) and no cycle: the collector would only walk them, over and over.
    with collector_paused():
        events = cluster_events(statements, entities, sources, features)
    del features
    _date_undated_sources(events, statements, to_redate, dates)
    add_passing_mentions(events, {source.id: number for number, source in enumerate(sources)}, known_acts)
    del known_acts
    report("comparing sources", 0.9)
    with collector_paused():
        compare_events(events, entities, sources)
        rank_events(events, sources)
    # Within a day, events dated by their own words lead "reported by" ones,
    # and the better-attested lead the noise.
    events.sort(key=lambda e: (e.span.start, e.span.modifier is Modifier.REPORTED, -e.confidence, e.span.end, e.id))
    return Timeline(corpus=str(corpus.folder), sources=sources, entities=entities, events=events)


class _SentencesOnDemand(Mapping[str, list[Sentence]]):
    """Each document's sentences by source id, split when first asked for."""

    def __init__(self, documents: list[Document]) -> None:
        self._texts = {doc.source.id: doc.text for doc in documents}
        self._chrome = {doc.source.id: doc.chrome for doc in documents}
        self._split: dict[str, list[Sentence]] = {}

    def __getitem__(self, source_id: str) -> list[Sentence]:
        if source_id not in self._split:
            self._split[source_id] = split_sentences(source_id, self._texts[source_id], chrome=self._chrome[source_id])
        return self._split[source_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def _date_undated_sources(
    events: list[Event], statements: list[Statement],
    to_redate: Mapping[str, tuple[list[Sentence], list[Found]]], dates: CorpusDates,
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
            sentences, found = to_redate.get(source.id, ([], []))
            moved |= redate_article(by_source.get(source.id, []), sentences, source, dates.reference_years.get(source.id), found)
    for event in events:
        if any(s.id in moved for s in event.statements):
            event.span = event_span(event.statements)
