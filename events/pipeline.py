"""The whole pipeline, headless: corpus -> sentences -> dated statements ->
entities -> events -> comparisons -> Timeline.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from events.clustering import cluster_events
from events.compare import compare_events
from events.corpus import Corpus, Document
from events.entities import find_entities
from events.figures import extract_figures
from events.model import Modifier, Precision, Sentence, Source, Statement, Timeline
from events.ranking import rank_events
from events.published import copyright_year, find_published
from events.sentences import split_sentences
from events.statements import statements_of
from events.timex import tag

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
    sources = date_sources(documents, sentences, corpus.folder)
    statements: list[Statement] = []
    for number, source in enumerate(sources):
        if number % 20 == 0:
            report("finding dated statements", 0.1 + 0.4 * number / max(len(documents), 1))
        assert source.published is not None
        statements.extend(statements_of(sentences[source.id], source.published, source.published_estimated))
    report("reading figures", 0.5)
    for statement in statements:
        statement.figures = extract_figures(statement.text)
    report("reconciling entities", 0.55)
    curated = corpus.folder / CURATED_ENTITIES
    entities = find_entities(statements, curated if curated.is_file() else None)
    report("clustering events", 0.7)
    events = cluster_events(statements, entities, sources)
    report("comparing sources", 0.9)
    compare_events(events, entities, sources)
    rank_events(events, sources)
    # Within a day, events dated by their own words lead "reported by" ones,
    # and the better-attested lead the noise.
    events.sort(key=lambda e: (e.span.start, e.span.modifier is Modifier.REPORTED, -e.confidence, e.span.end, e.id))
    report("done", 1.0)
    return Timeline(corpus=str(corpus.folder), sources=sources, entities=entities, events=events)


def date_sources(documents: list[Document], sentences: dict[str, list[Sentence]], folder: Path) -> list[Source]:
    """Every source with a publication date: given, found in its text, or estimated.

    Estimates never use today's date: an article of 2023 read in 2026 is still
    about 2023. They come from what the article itself dates absolutely and
    from the sources of the corpus whose dates are known.
    """
    sources = []
    for doc in documents:
        source = doc.source.model_copy()
        if source.published is None:
            found = find_published(doc.text)
            if found:
                source.published, source.published_basis = found
                source.published_estimated = False
        sources.append(source)
    known = [s.published for s in sources if s.published is not None]
    corpus_day = _median_day(known)
    for doc, source in zip(documents, sources):
        if source.published is not None:
            continue
        latest = _latest_absolute(sentences[source.id], corpus_day or date(2000, 1, 1))
        year = copyright_year(doc.text)
        source.published, source.published_basis = _estimate(latest, year, corpus_day, folder / source.path)
        source.published_estimated = True
    return sources


def _median_day(days: list[date]) -> date | None:
    if not days:
        return None
    return date.fromordinal(int(statistics.median_low(d.toordinal() for d in days)))


def _latest_absolute(sentences: list[Sentence], provisional: date) -> tuple[date, date] | None:
    """The latest (start, end) the article dates without needing its own date."""
    latest: tuple[date, date] | None = None
    for sentence in sentences:
        for expression in tag(sentence.text, provisional):
            if expression.anchored or expression.tense == "future" or expression.timex_type != "DATE":
                continue
            if expression.span.precision.rank > Precision.YEAR.rank:
                continue
            bounds = (expression.span.start, expression.span.end)
            if latest is None or bounds[0] > latest[0]:
                latest = bounds
    return latest


def _estimate(
    latest: tuple[date, date] | None, copyright: int | None, corpus_day: date | None, file: Path
) -> tuple[date, str]:
    if corpus_day is not None:
        # The article cannot predate the latest thing it reports as past.
        if latest is None or latest[0] <= corpus_day:
            return corpus_day, "estimated: from the other sources of the corpus"
        return latest[0], "estimated: latest date the article mentions"
    if latest is not None:
        if latest[0] == latest[1]:
            return latest[0], "estimated: latest date the article mentions"
        return latest[1], "estimated: end of the latest period the article mentions"
    if copyright is not None:
        return date(copyright, 7, 1), "estimated: copyright year"
    # Nothing in the text or the corpus dates it: the file's own age is the
    # last, weak, witness left (still not the reader's today).
    try:
        modified = datetime.fromtimestamp(file.stat().st_mtime).date()
    except OSError:
        modified = date(1970, 1, 1)
    return modified, "estimated: file modification date"
