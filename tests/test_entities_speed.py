"""The entity stage's faster paths give what the plain ones gave."""

from __future__ import annotations

import random
import re

from scaletui.events.names import _BREAKERS, _MODEL_NUMBER, ABBREVIATIONS, CONNECTORS, Token, _gap_joins, _lower, _shared, raw_sequences, tokenize

# The word pattern and the loop `tokenize` had before it split the text in one pass:
# kept here as the reference its results must match.
_REFERENCE_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_](?:[\w]|[.'’&\-](?=[^\W_]))*")


def _reference_tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    last = 0
    shared: dict[str, str] = {}
    for m in _REFERENCE_WORD.finditer(text):
        start, end = m.span()
        word = text[start:end]
        gap = text[last:start] if tokens else "\n" + text[last:start]
        last = end
        if word.islower() and "-" not in word and "'" not in word and "’" not in word:
            tokens.append(Token(word, start, end, gap, False, text[end : end + 1], word))
            continue
        if "-" in word and not word.islower():
            offset = start
            parts = word.split("-")
            for i, part in enumerate(parts):
                if part:
                    owned = i == len(parts) - 1 and len(part) > 2 and part[-2:] in ("'s", "’s")
                    length = len(part) - 2 if owned else len(part)
                    piece = _shared(shared, part[:length])
                    tokens.append(Token(piece, offset, offset + length, gap if i == 0 else "-", owned, text[offset + length : offset + length + 1], _lower(shared, piece)))
                offset += len(part) + 1
            continue
        if len(word) <= 4 and text[end : end + 1] == "." and word.lower() in ABBREVIATIONS:
            word, end, last = word + ".", end + 1, end + 1
        possessive = False
        if word[-2:] in ("'s", "’s", "'S", "’S") and len(word) > 2:
            word, end, possessive = word[:-2], end - 2, True
        after = text[end : end + 1]
        if after in ("'", "’") and word[-1] == "s" and word[0].isupper():
            possessive = True
        tokens.append(Token(word, start, end, gap, possessive, after, word.lower()))
    return tokens


def _fields(tokens: list[Token]) -> list[tuple]:
    return [(t.text, t.lower, t.start, t.end, t.gap, t.possessive, t.after, t.capitalised, t.initial) for t in tokens]


_HARD = [
    "U.S.A. and AT&T's Meta-Scale deal, said Mr. Wang of Z.ai.",
    "Hewlett-Packard's chief; Reuters' report: O'Neil’s x_y _a a_ 3.5 R&D. e.g. i.e.x",
    "Mr.Smith met Dr. Jones and Gov.. Palin -- NEW YORK (AP) _ Stocks fell",
    "ÜBER straße 東京 ١٢٣ x' a..b a.-b k.l.m.n Co.-op St. Louis",
    "",
    "...",
    "Meta-",
    "-Meta",
]
_ALPHABET = list("aAbZzé東_1 .'’&-,;:\"\n") + ["Mr", "Co", "St", "'s", "’S", "U.S.", "–", "  "]


def test_tokens_as_the_reference_finds_them():
    rng = random.Random(25)
    texts = _HARD + ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 40))) for _ in range(20_000)]
    for text in texts:
        assert _fields(tokenize(text)) == _fields(_reference_tokenize(text)), text


def test_spellings_shared_across_statements():
    spellings: dict[str, str] = {}
    first = tokenize("Kestrel Terminals said the port reopened.", spellings)
    second = tokenize("The port said Kestrel would pay.", spellings)
    assert first[0].text is second[3].text  # "Kestrel"
    assert first[4].text is second[1].text  # "port"


def _reference_raw_sequences(tokens: list[Token]) -> list[list[int]]:
    """`raw_sequences` as it read every word, before it skipped to the next capital: runs
    cut where they end, then their trailing connectors dropped."""
    cut: list[list[int]] = [[]]
    for i, tok in enumerate(tokens):
        current = cut[-1]
        if current and not _gap_joins(tok.gap) and not (tok.gap == "-" and tok.capitalised and tokens[current[-1]].capitalised):
            cut.append([])
            current = cut[-1]
        if tok.capitalised and tok.lower not in _BREAKERS:
            current.append(i)
            ends = tok.possessive
        elif current and tok.lower in CONNECTORS and i + 1 < len(tokens) and tokens[i + 1].capitalised and _gap_joins(tokens[i + 1].gap) and not tokens[current[-1]].possessive:
            current.append(i)
            ends = tok.possessive
        elif current and _MODEL_NUMBER.fullmatch(tok.text) and not tokens[current[-1]].possessive and (tok.after == "" or tok.after not in "%,-–"):
            current.append(i)
            ends = True
        else:
            ends = bool(current)
        if ends:
            cut.append([])
    runs = []
    for run in cut:
        while run and tokens[run[-1]].lower in CONNECTORS:
            run.pop()
        if run:
            runs.append(run)
    return runs


_WORDS = [
    "Meta", "of", "the", "Bank", "America", "Monday", "I", "4", "12", "3.5", "Llama", "Reuters'", "Musk's", "Rolls-Royce",
    "said", "van", "de", "Co.", "Mr.", "5%", "x", "iPhone", "eBay", "AT&T", "U.S.", "Hewlett-Packard's", "Meta-aligned",
    "New", "York", "the", "and", "ChatGPT", "OpenAI", "chief", "CEO", "Sept", "'", "“", "(", ")",
]
_SEPARATORS = [" ", " ", " ", " ", ", ", ". ", "-", " - ", "\n", ": ", "", "%", " (", ") "]


def test_runs_as_the_reference_finds_them():
    rng = random.Random(25)
    for _ in range(20_000):
        text = "".join(rng.choice(_WORDS) + rng.choice(_SEPARATORS) for _ in range(rng.randrange(1, 16)))
        tokens = tokenize(text)
        assert raw_sequences(tokens) == _reference_raw_sequences(tokens), text
