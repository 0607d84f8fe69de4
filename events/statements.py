"""Sentences to dated statements.

A sentence that claims something becomes a statement. When one sentence joins
two facts with two time expressions ("revenue in 2024 ..., and Google spent
$150 million last year") it is cut at the clause boundary between them, one
statement per fact. A sentence with no time expression is dated by its
source's publication date as a "reported by" bound.
"""

from __future__ import annotations

import re
from datetime import date

from events.model import Modifier, Precision, Sentence, Statement, TimeExpression, TimeSpan
from events.timex import tag

# Where one fact ends and the next begins. Only boundaries between two time
# expressions are ever used, so a comma alone is too weak; these words start a
# new clause with its own subject in news prose.
_CLAUSE_BOUNDARY = re.compile(
    r"(?:[;:]\s+|,\s+(?:and|but|while|whereas|although|though|after|before|when|as|yet|so)\s+|\s+(?:and|but|while|whereas)\s+(?=[A-Z]))"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_MIN_WORDS = 4

# The strength of a "reported by" bound: the source says it happened by then,
# nothing more. Lower again when the publication date is itself estimated.
_REPORTED_CONFIDENCE = 0.5
_ESTIMATED_REPORTED_CONFIDENCE = 0.3


def is_claim(sentence: Sentence, headline_index: int | None) -> bool:
    """Whether a sentence asserts something (rather than label a section or ask)."""
    words = _WORD.findall(sentence.text)
    if len(words) < _MIN_WORDS:
        return False
    if sentence.text.rstrip().endswith("?"):
        return False
    if sentence.heading:
        # The article's own headline claims the story; section headings only label it.
        return sentence.index == headline_index and len(words) >= 5
    return True


def reported_span(published: date, estimated: bool) -> TimeSpan:
    return TimeSpan(
        start=published,
        end=published,
        precision=Precision.DAY,
        modifier=Modifier.REPORTED,
        confidence=_ESTIMATED_REPORTED_CONFIDENCE if estimated else _REPORTED_CONFIDENCE,
    )


def _boundaries(text: str, expressions: list[TimeExpression]) -> list[int]:
    """Cut points in `text`, one at most between each pair of neighbouring expressions."""
    cuts = []
    for before, after in zip(expressions, expressions[1:]):
        gap = text[before.end : after.start]
        found = list(_CLAUSE_BOUNDARY.finditer(gap))
        if found:
            cuts.append(before.end + found[-1].start())
    return cuts


def _primary(expressions: list[TimeExpression]) -> TimeExpression:
    """The expression that dates a clause holding several (e.g. "on Friday, June 13")."""
    return min(
        expressions,
        key=lambda e: (e.timex_type not in ("DATE", "TIME"), e.span.precision.rank, -e.span.confidence, e.start),
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:–—-":
        start += 1
    while end > start and text[end - 1] in " ,;:–—-":
        end -= 1
    return start, end


def statements_of(
    sentences: list[Sentence],
    published: date,
    published_estimated: bool,
) -> list[Statement]:
    headline = next((s.index for s in sentences), None)
    statements: list[Statement] = []
    for sentence in sentences:
        if not is_claim(sentence, headline):
            continue
        expressions = [e for e in tag(sentence.text, published) if e.timex_type != "SET"]
        statements.extend(_split(sentence, expressions, published, published_estimated))
    return statements


def _split(sentence: Sentence, expressions: list[TimeExpression], published: date, estimated: bool) -> list[Statement]:
    base = f"{sentence.source}:{sentence.index}"
    if not expressions:
        return [
            Statement(
                id=base,
                source=sentence.source,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                span=reported_span(published, estimated),
            )
        ]
    cuts = _boundaries(sentence.text, expressions)
    edges = [0, *cuts, len(sentence.text)]
    parts = []
    for left, right in zip(edges, edges[1:]):
        inside = [e for e in expressions if left <= e.start and e.end <= right]
        parts.append((left, right, inside))
    # A clause without a time expression of its own belongs to its neighbour.
    merged: list[tuple[int, int, list[TimeExpression]]] = []
    for left, right, inside in parts:
        if merged and not inside:
            prev_left, _, prev_inside = merged[-1]
            merged[-1] = (prev_left, right, prev_inside)
        elif merged and not merged[-1][2]:
            merged[-1] = (merged[-1][0], right, inside)
        else:
            merged.append((left, right, inside))
    statements = []
    for number, (left, right, inside) in enumerate(merged):
        left, right = _trimmed(sentence.text, left, right)
        primary = _primary(inside)
        statements.append(
            Statement(
                id=base if len(merged) == 1 else f"{base}.{number + 1}",
                source=sentence.source,
                text=sentence.text[left:right],
                start=sentence.start + left,
                end=sentence.start + right,
                time_text=primary.text,
                time_start=sentence.start + primary.start,
                time_end=sentence.start + primary.end,
                span=primary.span,
            )
        )
    return statements
