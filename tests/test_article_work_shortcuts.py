"""More of the per-article work's faster paths, each compared with the plain way on many inputs:
lemminflect's answers read from its tables, the date-line test's screen, figures set on a statement,
sentences and statements made without validation."""

from __future__ import annotations

import copy
import random
import re
from datetime import date

import lemminflect
import pytest
from wordfreq import top_n_list

from scaletui.events import published, words
from scaletui.events.figures import extract_figures
from scaletui.events.model import Statement
from scaletui.events.statements import reported_span
from test_article_work_speed import ROOT, _real_sentences


def _reference_dictionary_lemmas(word: str) -> dict:
    return lemminflect.getAllLemmas(word)


def test_dictionary_lemmas_are_lemminflects() -> None:
    """Every word of lemminflect's lemma dictionary and its overrides, wordfreq's commonest words,
    the real texts' words, each also capitalised and upper-cased, and random strings of letters that
    lower-case or fold oddly: the same answer as getAllLemmas; the dictionaries stay as they were."""
    lemmatizer = lemminflect.Lemmatizer()
    before = copy.deepcopy((lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()))
    vocabulary = sorted(lemmatizer._getLemmaDict()) + sorted(lemmatizer._getOverridesDict())
    vocabulary += top_n_list("en", 50_000) + sorted({w for line in _real_sentences() for w in words.tokens(line)})
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
    """Words in the dictionary and out of it (names, made-up words, odd letters): the lemma read from
    lemminflect's tables is the one its own look-ups give."""
    rng = random.Random(271)
    known = top_n_list("en", 5_000)
    unknown = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 14))) for _ in range(3_000)]
    odd = ["".join(rng.choice("aeiousntdé'’-\u0131\u017f") for _ in range(rng.randint(1, 9))) for _ in range(1_000)]
    names = sorted({w for line in _real_sentences() for w in words.tokens(" ".join(re.findall(r"\b[A-Z][\w'’-]*", line)))})
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
    lines = _real_sentences() + _random_lines(30_000, seed=27)
    answers = [published.looks_like_date_line(line) for line in lines]
    assert answers == [_reference_looks_like_date_line(line) for line in lines]
    assert sum(answers) > 1_000 and sum(not a for a in answers) > 1_000  # both kinds of line are there


def test_figures_set_on_a_statement_are_those_assigned() -> None:
    """A statement given its figures with set_derived (work_on) equals, field for field and in the
    fields it records as given, one given them by validated assignment."""
    span = reported_span(date(2020, 6, 1), False)
    lines = [line for line in _real_sentences() if line.strip()][:3_000]
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


def _validated(cls, **fields):
    return cls(**fields)


def _same_models(made_ones: list, validated: list) -> None:
    assert made_ones == validated
    for a, b in zip(made_ones, validated, strict=True):
        assert type(a) is type(b) and a.__dict__ == b.__dict__
        assert [type(v) for v in a.__dict__.values()] == [type(v) for v in b.__dict__.values()]
        assert list(a.__dict__) == list(b.__dict__) and a.model_fields_set == b.model_fields_set
        assert a.__pydantic_extra__ == b.__pydantic_extra__ and a.__pydantic_private__ == b.__pydantic_private__
        assert a.model_dump_json() == b.model_dump_json()
        if isinstance(a, Statement):
            assert a.span is b.span or a.span == b.span


def test_sentences_and_statements_made_are_the_validated_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every article of the seeds, the test corpora and a few ECB+ stories split and made into
    statements (dated, undated, with a known year only): the models made directly equal the
    validated ones in every value, type, given field and JSON."""
    from scaletui.events import sentences as sentences_module
    from scaletui.events import statements as statements_module
    from scaletui.events.sentences import split_sentences
    from scaletui.events.statements import statements_of

    folders = [ROOT / "seeds", *sorted((ROOT / "tests" / "corpora").iterdir())]
    folders += sorted((ROOT / "bench" / "data" / "ecbplus").iterdir())[:12]
    texts = [path.read_text(encoding="utf-8", errors="replace") for folder in folders if folder.is_dir()
             for path in sorted(folder.glob("*.txt"))]
    assert len(texts) > 50

    def work(text: str, number: int) -> tuple[list, list, list, list]:
        sentences = split_sentences(f"s{number}", text)
        return (sentences, statements_of(sentences, date(2021, 3, 4), number % 2 == 0),
                statements_of(sentences, None, True, 2019), statements_of(sentences, None, False))

    made_ones = [work(text, number) for number, text in enumerate(texts)]
    monkeypatch.setattr(sentences_module, "made", _validated)
    monkeypatch.setattr(statements_module, "made", _validated)
    validated = [work(text, number) for number, text in enumerate(texts)]
    for ours, theirs in zip(made_ones, validated, strict=True):
        for a, b in zip(ours, theirs, strict=True):
            _same_models(a, b)
    assert sum(len(found[1]) for found in made_ones) > 1_000


class _Text(str):
    pass


class _Number(int):
    pass


@pytest.mark.parametrize("odd", [
    {"text": _Text("A str subclass.")}, {"start": _Number(3)}, {"start": True}, {"heading": 1}, {"index": 2.0},
    {"start": "4"}, {"heading": "yes"}, {"source": None}, {"index": "x"},
])
def test_made_validates_any_other_value(odd: dict) -> None:
    """A value not of exactly its field's type is validated by pydantic: the same model, or the same error."""
    from pydantic import ValidationError

    from scaletui.events.model import Sentence
    from scaletui.events.sentences import made

    fields = {"source": "s", "index": 1, "text": "A sentence.", "start": 0, "end": 11, "heading": False, **odd}
    try:
        expected = Sentence(**fields)
    except ValidationError as error:
        with pytest.raises(ValidationError) as raised:
            made(Sentence, **fields)
        assert raised.value.errors() == error.errors()
        return
    _same_models([made(Sentence, **fields)], [expected])
