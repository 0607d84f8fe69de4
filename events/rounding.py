"""Figures that differ only because one source rounded: "$14 billion" and "$14.3 billion".

A rounded figure is not a disagreement a reader must settle: the app marks it
≈ instead of ≠. The precision a figure is given at is read from how it is
written: "14.3" to a tenth, "14" and "150" to a unit (a trailing zero may be
exact, so it is not read as coarser).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from scaletui.events.figures import extract_figures
from scaletui.events.model import Discrepancy

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def only_rounding(discrepancy: Discrepancy) -> bool:
    """True when the claims are one figure given at different precisions."""
    if discrepancy.field != "figure" or len(discrepancy.claims) < 2:
        return False
    return _values_only_rounding(tuple(claim.value for claim in discrepancy.claims))


@lru_cache(maxsize=8192)  # asked per row drawn and per search; the same few values recur
def _values_only_rounding(claims: tuple[str, ...]) -> bool:
    parsed = [_written(value) for value in claims]
    if any(item is None for item in parsed):
        return False
    values = [item for item in parsed if item is not None]
    if len({(kind, unit) for kind, unit, _, _ in values}) != 1:
        return False
    return all(_agree(a, b) for index, a in enumerate(values) for b in values[index + 1 :])


def _agree(a: tuple, b: tuple) -> bool:
    """The finer of the two lies within half a step of the coarser one's precision."""
    _, _, value_a, step_a = a
    _, _, value_b, step_b = b
    if step_a == step_b:
        return False  # same precision, different values: a real difference
    return abs(value_a - value_b) * 2 <= max(step_a, step_b)


def _written(text: str) -> tuple[str, str, Decimal, Decimal] | None:
    """(kind, unit, value, precision step) of a figure as written, or None if it is not one figure."""
    figures = extract_figures(text)
    match = _NUMBER.search(text)
    if len(figures) != 1 or match is None:
        return None
    figure = figures[0]
    digits = match.group(0).replace(",", "")
    try:
        mantissa = Decimal(digits)
    except InvalidOperation:
        return None
    if mantissa == 0:
        return None
    scale = Decimal(repr(figure.value)) / mantissa
    step = Decimal(1).scaleb(-len(digits.split(".")[1])) if "." in digits else Decimal(1)
    return figure.kind, figure.unit, (mantissa * scale).normalize(), (step * scale).normalize()
