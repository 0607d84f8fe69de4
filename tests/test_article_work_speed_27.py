"""More of the per-article work's faster paths, each compared with the plain way on many inputs:
lemminflect's answers read from its tables, the date-line test's screen, figures set on a statement."""

from __future__ import annotations

import copy
import random
import re
from datetime import date
from pathlib import Path

import lemminflect
import pytest
from wordfreq import top_n_list

from scaletui.events import published, words
from scaletui.events.figures import extract_figures
from scaletui.events.model import Statement
from scaletui.events.statements import reported_span

ROOT = Path(__file__).resolve().parent.parent


def _real_lines() -> list[str]:
    """Lines and sentences of real news: the seeds, the test corpora and a few ECB+ stories."""
    folders = [ROOT / "seeds", *sorted((ROOT / "tests" / "corpora").iterdir())]
    folders += sorted((ROOT / "bench" / "data" / "ecbplus").iterdir())[:12]
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            text = path.read_text(encoding="utf-8", errors="replace")
            for piece in text.split("\n"):
                found.append(piece)
                found.extend(line for line in re.split(r"(?<=[.!?])\s+", piece) if line.strip())
    return found


def test_real_lines_are_many() -> None:
    assert len(_real_lines()) > 2_000


def _reference_dictionary_lemmas(word: str) -> dict:
    return lemminflect.getAllLemmas(word)


def test_dictionary_lemmas_are_lemminflects() -> None:
    """Every word of lemminflect's lemma dictionary and its overrides, wordfreq's commonest words,
    the real texts' words, each also capitalised and upper-cased, and random strings of letters that
    lower-case or fold oddly: the same answer as getAllLemmas; the dictionaries stay as they were."""
    lemmatizer = lemminflect.Lemmatizer()
    before = copy.deepcopy((lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()))
    vocabulary = sorted(lemmatizer._getLemmaDict()) + sorted(lemmatizer._getOverridesDict())
    vocabulary += top_n_list("en", 50_000) + sorted({w for line in _real_lines() for w in words.tokens(line)})
    vocabulary += [w.capitalize() for w in vocabulary[::7]] + [w.upper() for w in vocabulary[::11]]
    rng = random.Random(27)
    letters = "abcdeilsz'’-. ABKSZ\u0130\u0131\u017f\u212aÉéßΣς"
    vocabulary += ["".join(rng.choice(letters) for _ in range(rng.randint(0, 10))) for _ in range(20_000)]
    for word in vocabulary:
        assert words._dictionary_lemmas(word) == _reference_dictionary_lemmas(word), word
    assert (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()) == before


def _reference_lemma(word: str) -> str:
    lemmas = lemminflect.getAllLemmas(word)
    for pos in ("VERB", "NOUN", "ADJ", "AUX", "ADV", "PROPN"):
        if pos in lemmas:
            return lemmas[pos][0]
    guessed = lemminflect.getLemma(word, upos="NOUN", lemmatize_oov=True)
    return guessed[0] if guessed else word


def test_lemma_is_the_plain_one() -> None:
    """Words in the dictionary and out of it (names, made-up words, odd letters): lemminflect's guess
    for an unknown word taken without its dictionary look-up is the one getLemma gives."""
    rng = random.Random(271)
    known = top_n_list("en", 5_000)
    unknown = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 14))) for _ in range(3_000)]
    odd = ["".join(rng.choice("aeiousntdé'’-\u0131\u017f") for _ in range(rng.randint(1, 9))) for _ in range(1_000)]
    names = sorted({w for line in _real_lines() for w in words.tokens(" ".join(re.findall(r"\b[A-Z][\w'’-]*", line)))})
    for word in known + unknown + odd + names + [w.capitalize() for w in unknown[:300]]:
        assert words.lemma.__wrapped__(word) == _reference_lemma(word), word


def _reference_looks_like_date_line(text: str) -> bool:
    line = text.strip()
    if published._stamp_date(line):
        return True
    if published._KEYWORD_LINE.match(line) and (published._date_at(line, search=True) or re.search(r"\d{1,2}[:.]\d\d", line)):
        return True
    return bool(published._BYLINE.match(line)) and len(line.split()) <= published._BYLINE_WORDS


_LINE_PIECES = [
    "By", "by", "BY", "Posted", "posted on", "Updated:", "Last updated", "First published", "Published", "Dated",
    "on", "at", "June", "Dec.", "December", "Mon", "Tuesday,", "13", "7", "2025", "'05", "06/13/25", "13/06/2025",
    "2025-06-13", "Dec-19-05", "7:15", "7.15", "a.m.", "p. m.", "ET", "GMT", "(GMT+05:00)", "|", "-", "—", ":", "/",
    "Jane", "Doe", "Reuters", "said", "the", "fell", "13th", "\u0663", "\uff11\uff12", "\u0661\u0663 June", "noon",
    "ſep.", "\u212a", "of", "and", "Staff", "Writer", "www.example.com", "?", "\n", "  ",
]


def _random_lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_LINE_PIECES) for _ in range(rng.randint(1, 16))) for _ in range(count)]


def test_date_line_test_is_the_plain_one() -> None:
    """Real lines and sentences, and random lines of date stamps', bylines' and keyword lines' pieces
    with and without digits (other scripts' too): the screen for a digit changes no answer."""
    lines = _real_lines() + _random_lines(30_000, seed=27)
    answers = [published.looks_like_date_line(line) for line in lines]
    assert answers == [_reference_looks_like_date_line(line) for line in lines]
    assert sum(answers) > 1_000 and sum(not a for a in answers) > 1_000  # both kinds of line are there


def test_figures_set_on_a_statement_are_those_assigned() -> None:
    """A statement given its figures with set_derived (work_on) equals, field for field and in the
    fields it records as given, one given them by validated assignment."""
    span = reported_span(date(2020, 6, 1), False)
    lines = [line for line in _real_lines() if line.strip()][:3_000]
    with_figures = 0
    for number, line in enumerate(lines):
        made = [Statement(id=f"s:{number}", source="s", text=line, start=0, end=len(line), span=span) for _ in range(2)]
        found = extract_figures(line)
        with_figures += bool(found)
        made[0].figures = found
        made[1].set_derived("figures", found)
        assigned, derived = made
        assert derived == assigned
        assert derived.model_dump() == assigned.model_dump()
        assert derived.model_fields_set == assigned.model_fields_set
        assert derived.model_dump_json() == assigned.model_dump_json()
        assert derived.figures is not found and all(a is b for a, b in zip(derived.figures, assigned.figures))
    assert with_figures > 100


@pytest.mark.parametrize("word", ["", "Said", "SAID", "said", "Comeaux", "comeaux"])
def test_dictionary_lemmas_of_spellings(word: str) -> None:
    assert words._dictionary_lemmas(word) == lemminflect.getAllLemmas(word)
