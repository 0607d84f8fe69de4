"""Counts written the way news writes them: "three", "twenty-five", "18", "a few"."""

from __future__ import annotations

import re

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

# Quantities that say "more than one" without saying how many: TIMEX3 writes them as X ("PXM").
# The pair is the range of counts a reader would take them to mean, used for approximate spans.
VAGUE = {
    "a few": (2, 4), "few": (2, 4), "several": (3, 7), "some": (2, 6), "many": (4, 12),
    "a number of": (3, 8), "dozens of": (24, 60), "hundreds of": (200, 600),
}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)"
)
# Any count a duration can carry; the longer vague phrases come first so "a few" beats "a".
COUNT = (
    r"(?:\d+(?:\.\d+)?|" + NUMBER_WORD + r"|a\s+couple\s+of|a\s+couple|a\s+few|a\s+number\s+of|dozens\s+of"
    r"|hundreds\s+of|several|few|some|many|an?)"
)

_SPACE = re.compile(r"[\s-]+")


def parse_count(words: str) -> float | None:
    """The number a count phrase names, or None when it is vague ("several")."""
    key = _SPACE.sub(" ", words.strip().lower())
    if key in ("a", "an"):
        return 1
    if key in ("a couple", "a couple of"):
        return 2
    if key in VAGUE:
        return None
    try:
        return float(key)
    except ValueError:
        pass
    parts = key.split(" ")
    if len(parts) == 1:
        return _ONES.get(parts[0], _TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ONES:
        return _TENS[parts[0]] + _ONES[parts[1]]
    return None


def vague_range(words: str) -> tuple[int, int]:
    """The counts a vague quantity plausibly covers ("several" -> 3..7)."""
    key = _SPACE.sub(" ", words.strip().lower())
    return VAGUE.get(key, (2, 6))
