"""When each article was published, worked out across the corpus.

An article's own words come first (`published.find_published`). What they
leave open the corpus settles, and the basis says how:

- a dateline without a year ("SAN FRANCISCO, June 13 (Reuters) -") takes the
  year that puts it nearest the corpus's other publication dates, or else the
  year of the latest date the article itself reports as past;
- an article with no date of its own takes the dates of the articles that
  report the same events (after grouping), or at least their year;
- where nothing dates an article it stays undated: its relative expressions
  keep their words and are not resolved. A file's modification time is never
  a witness: it is the day the file was copied, not the day it was written.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from scaletui.events.corpus import Document
from scaletui.events.model import Event, Precision, Sentence, Source, Statement, undated_span
from scaletui.events.published import copyright_year, find_yearless
from scaletui.events.statements import claim_statements, reported_span, sentence_index
from scaletui.events.timex import Found, remember_found, tag


@dataclass
class CorpusDates:
    """The sources with what phase one found, and the year alone where only that is known."""

    sources: list[Source]
    reference_years: dict[str, int] = field(default_factory=dict)  # source id -> year, for undated sources


def date_sources(documents: list[Document], sentences: dict[str, list[Sentence]]) -> CorpusDates:
    """Every source with the publication date its text or sources.toml states, year-less datelines completed."""
    sources = [doc.source.model_copy() for doc in documents]
    known = [s.published for s in sources if s.published is not None]
    # The corpus's middle day, found once: a folder of thousands of datelines without a year asks it of each.
    middle = date.fromordinal(int(statistics.median_low(d.toordinal() for d in known))) if known else None
    reference_years: dict[str, int] = {}
    for doc, source in zip(documents, sources):
        if source.published is not None:
            continue
        yearless = find_yearless(doc.text)
        if yearless:
            month, day, basis = yearless
            found = _year_for(month, day, middle, sentences[source.id])
            if found:
                year, why = found
                source.published = date(year, month, day)
                source.published_basis = f"{basis}, year from {why}"
                source.published_estimated = True
                continue
        year = copyright_year(doc.text)
        if year is not None:
            reference_years[source.id] = year
            source.published_basis = "year only, from the copyright line"
    return CorpusDates(sources, reference_years)


def _year_for(month: int, day: int, middle: date | None, sentences: list[Sentence]) -> tuple[int, str] | None:
    """The year of a dateline that gives only month and day; `middle`: the median day of the corpus's dated articles."""
    if middle is not None:
        candidates = [y for y in (middle.year - 1, middle.year, middle.year + 1) if _valid(y, month, day)]
        if candidates:
            year = min(candidates, key=lambda y: abs((date(y, month, day) - middle).days))
            return year, "the corpus's other articles"
    latest = _latest_reported_past(sentences)
    if latest is not None:
        year = latest.year if _valid(latest.year, month, day) and date(latest.year, month, day) >= latest else latest.year + 1
        if _valid(year, month, day):
            return year, "the dates the article reports"
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _latest_reported_past(sentences: list[Sentence]) -> date | None:
    """The latest day the article dates on its own words alone ("in 2024", "on June 3, 2025"), futures aside."""
    latest: date | None = None
    reference = date(2000, 1, 1)  # unused: anchored expressions are skipped
    for sentence in sentences:
        for expression in tag(sentence.text, reference):
            if expression.anchored or expression.tense == "future" or expression.timex_type != "DATE":
                continue
            if expression.span.precision.rank > Precision.YEAR.rank:
                continue
            if latest is None or expression.span.start > latest:
                latest = expression.span.start
    return latest


# -- phase two: after grouping -------------------------------------------------------------------


def date_from_events(events: list[Event], dates: CorpusDates) -> set[str]:
    """Date the undated sources that share events with dated ones; the ids of those it dated.

    Each undated source takes the median publication date of the dated sources
    it reports events with, counted once per shared event; failing that, the year
    its co-reporters' copyright lines agree on. Sources are changed in place.
    """
    by_id = {s.id: s for s in dates.sources}
    undated = {s.id for s in dates.sources if s.published is None}
    if not undated:
        return set()
    witnesses: dict[str, list[date]] = defaultdict(list)
    year_witnesses: dict[str, list[int]] = defaultdict(list)
    for event in events:
        present = {s.source for s in event.statements}
        if len(present) < 2:
            continue
        for source_id in present & undated:
            for other in present - {source_id}:
                published = by_id[other].published
                if published is not None and other not in undated:
                    witnesses[source_id].append(published)
                elif other in dates.reference_years:
                    year_witnesses[source_id].append(dates.reference_years[other])
    changed: set[str] = set()
    for source_id in sorted(undated):
        source = by_id[source_id]
        own_year = dates.reference_years.get(source_id)
        days = witnesses.get(source_id)
        if days:
            middle = date.fromordinal(int(statistics.median_low(d.toordinal() for d in days)))
            if own_year is None or own_year == middle.year:
                reporters = len(set(days))
                source.published = middle
                source.published_estimated = True
                source.published_basis = (
                    f"estimated: from {reporters} dated article{'s' if reporters != 1 else ''} reporting the same events"
                )
                changed.add(source_id)
                continue
        if own_year is None and year_witnesses.get(source_id):
            years = year_witnesses[source_id]
            year = max(set(years), key=years.count)
            dates.reference_years[source_id] = year
            source.published_basis = "year only, from articles reporting the same events"
            changed.add(source_id)
    return changed


def redate_article(
    statements: list[Statement], to_redate: list[Sentence], source: Source, reference_year: int | None,
    found: Sequence[Found] = (),
) -> set[str]:
    """Give one article's statements the times `statements_of` would give them with what is now
    known of its date (`source.published`, `reference_year`); the ids of those that changed.

    Without splitting and tagging the article again: a claim whose sentence holds nothing the
    tagger could read only changes its bound; the others (`ArticleWork.to_redate`, kept from the
    article's first reading) are read again, with what their first tagging found that no date
    changes (`found`, per sentence of `to_redate`, as `timex.found_in` gave it).
    """
    reread = {sentence.index for sentence in to_redate}
    untimed = reported_span(source.published, source.published_estimated) if source.published else undated_span()
    changed = set()
    for statement in statements:
        if statement.span != untimed and sentence_index(statement) not in reread:
            statement.span = untimed
            changed.add(statement.id)
    fresh = []
    for number, sentence in enumerate(to_redate):
        if number < len(found):
            remember_found(sentence.text, found[number])
        fresh += claim_statements(sentence, source.published, source.published_estimated, reference_year)
    return changed | redate(statements, fresh)


def redate(statements: list[Statement], fresh: list[Statement]) -> set[str]:
    """Copy the time of `fresh` statements (same ids, newly resolved) onto `statements`; the ids changed."""
    by_id = {s.id: s for s in fresh}
    changed = set()
    for statement in statements:
        new = by_id.get(statement.id)
        if new is None or (new.span == statement.span and new.time_text == statement.time_text):
            continue
        statement.time_text = new.time_text
        statement.time_start = new.time_start
        statement.time_end = new.time_end
        statement.span = new.span
        changed.add(statement.id)
    return changed

