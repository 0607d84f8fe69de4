"""The per-article work's faster paths give what the plain ones gave, on real sentences and on
random text made of the pieces those paths single out."""

from __future__ import annotations

import random
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from scaletui.events import figures, words
from scaletui.events.figures import extract_figures, lowered_alike, screening_words
from scaletui.events.timex import tagger
from scaletui.events.timex import tense as tense_module
from scaletui.events.words import plain_numbers

ROOT = Path(__file__).resolve().parent.parent


def _real_sentences() -> list[str]:
    """Lines of real news: the seeds, the test corpora and a few ECB+ stories."""
    folders = [ROOT / "seeds", *sorted((ROOT / "tests" / "corpora").iterdir())]
    folders += sorted((ROOT / "bench" / "data" / "ecbplus").iterdir())[:12]
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            text = path.read_text(encoding="utf-8", errors="replace")
            found.extend(line for piece in text.split("\n") for line in re.split(r"(?<=[.!?])\s+", piece) if line.strip())
    return found


# What the screens look at: number words, currencies and symbols, scales, multiples, ages,
# the letters IGNORECASE folds onto ASCII ones, and words that hold those pieces without being them.
# (Not "ſix" nor "ſ$": figures and plain numbers match them as "six" and "S$", then fail to read them,
# screened or not.)
_PIECES = [
    "one", "One", "ONE", "a dozen", "A Dozen", "dozen", "a hundred", "hundred", "twenty", "ten", "tenfold", "Ten-fold",
    "twofold", "fivex", "3x", "3 x", "2.5-fold", "three times", "twice as many", "Thrice as much", "doubled", "halved",
    "tens of", "Hundreds of millions of", "thousands of dollars", "billions of euros", "$", "US$", "HK$", "£", "€", "¥",
    "₹", "₩", "Rs", "Rs.", "Mrs", "rs", "%", "per cent", "percent", "pct", "5", "14.3", "1,200", "2,500,000", "2025",
    "million", "bn", "mn", "tn", "billion", "trillion", "k", "m", "b", "dollars", "yuan", "swiss francs", "francs",
    "won", "pounds", "years old", "year-old", "-year-old", "aged", "Aged", "old", "people", "staff", "workers",
    "police", "children", "sources", "the", "and", "often", "someone", "tension", "money", "phone", "attention",
    "noon", "once", "bond", "Kone", "İten", "tıme", "Kelvin \u212a", "\u0130", "\u0131", "ſtory",
    "\u212a", "é", "ß", "Σ", "ﬁve", "٣", "１２", "_one", "one_", "x1", "no.", "#", "June", "iPhone", "4", "has",
    "up", "rose", "stake", "invest", "deal", "sold", "revenue", "about", "nearly", "over", "more than", "an estimated",
]
_GLUE = [" ", " ", " ", "", "-", ", ", ". ", "/", "'", "’", "\n", "  "]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 14)):
            piece = rng.choice(_PIECES)
            if rng.random() < 0.2:
                piece = piece.upper() if rng.random() < 0.5 else piece.capitalize()
            parts.append(piece)
            parts.append(rng.choice(_GLUE))
        texts.append("".join(parts))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _real_sentences() + _random_texts(20_000, seed=26)


def _unscreened(monkeypatch: pytest.MonkeyPatch) -> None:
    # No screening: every pattern is scanned for, as before there was any.
    monkeypatch.setattr(figures, "screening_words", lambda text: None)
    monkeypatch.setattr(words, "screening_words", lambda text: None)


def test_real_sentences_are_many() -> None:
    assert len(_real_sentences()) > 2_000


def test_figures_are_those_every_pattern_finds(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    screened = [extract_figures(text) for text in texts]
    assert sum(map(bool, screened)) > 5_000  # the inputs do hold figures of every kind
    assert {f.kind for found in screened for f in found} == {"money", "percent", "multiple", "age", "count"}
    _unscreened(monkeypatch)
    assert [extract_figures(text) for text in texts] == screened


def test_plain_numbers_are_those_every_pattern_finds(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    screened = [list(plain_numbers(text)) for text in texts]  # in the set's order: it is listed as it comes
    assert sum(map(bool, screened)) > 5_000
    _unscreened(monkeypatch)
    assert [list(plain_numbers(text)) for text in texts] == screened


def test_only_the_folded_letters_match_ascii_letters_ignoring_case() -> None:
    """What the screen stands on: apart from the letters it does not screen, no character outside
    ASCII matches an ASCII letter ignoring case, nor lower-cases to a string holding one."""
    every = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folded = set(re.findall(r"[a-z]", every, re.IGNORECASE))
    assert folded == {"\u0130", "\u0131", "\u017f", "\u212a"}
    lowered = {c for c in every if re.search(r"[a-z]", c.lower())}
    assert lowered <= folded
    assert all(screening_words(f"one {c} two") is None and lowered_alike(f"{c}") is None for c in folded)


def test_lowering_keeps_every_offset_and_class() -> None:
    """What `lowered_alike` stands on: any other character lower-cases to one character, a word
    character (re's \\w) or a space as it was."""
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF or c in "\u0130\u0131\u017f\u212a":
            continue
        low = c.lower()
        assert len(low) == 1, hex(code)
        assert bool(re.fullmatch(r"\w", c)) == bool(re.fullmatch(r"\w", low)), hex(code)
        assert bool(re.fullmatch(r"\s", c)) == bool(re.fullmatch(r"\s", low)), hex(code)


def _reference_tokens(text: str) -> list[str]:
    # `words.tokens` as it was: every token's suffixes tried, and digits ruled out
    found = []
    for raw in words._WORD.findall(text.lower().replace("’", "'")):
        word = raw.removesuffix("'s").removesuffix("'")
        if (len(word) >= words._MIN_LENGTH or word == "to") and not word.isdigit():
            found.append(word)
    return found


_APOSTROPHES = ["Reuters'", "Reuters’", "AT&T's", "O'Neil’s", "x''s", "rock'n'roll's", "'s", "’s", "a's", "to", "TO", "ok"]


def test_tokens_are_the_plain_ones(texts: list[str]) -> None:
    rng = random.Random(9)
    texts = texts + [" ".join(rng.choices(_APOSTROPHES + _PIECES, k=8)) for _ in range(5_000)]
    assert [words.tokens(text) for text in texts] == [_reference_tokens(text) for text in texts]


def test_name_lemmas_are_each_capitalised_words(texts: list[str]) -> None:
    rng = random.Random(10)
    texts = texts + ["".join(rng.choices(_APOSTROPHES + _PIECES + _GLUE + ["Σ", "ΟΔΟΣ", "AΣ'", "İ"], k=12)) for _ in range(5_000)]
    for text in texts:
        one_by_one = {w: words.lemma(w) for raw in words._CAPITALISED.findall(text) for w in _reference_tokens(raw)}
        assert list(words.name_lemmas(text).items()) == list(one_by_one.items()), text


def _reference_clause_tense(text: str, start: int, end: int) -> str:
    # `tense.clause_tense` as it was: every cue weighed in full, in the order found
    def cues(left_from: int, right_to: int):
        future, past = tense_module._CUES_IGNORING_CASE
        for pattern, tense in ((future, tense_module.FUTURE), (past, tense_module.PAST)):
            for cue in pattern.finditer(text, left_from, right_to):
                yield cue, tense
        for word in tense_module._LOWER_WORD.finditer(text, left_from, right_to):
            if words.simple_past(word.group(0)):
                yield word, tense_module.PAST

    left_from = max(0, start - tense_module.CLAUSE_REACH)
    for boundary in tense_module._CLAUSE_LEFT.finditer(text, left_from, start):
        left_from = boundary.end()
    reach = min(len(text), end + tense_module.CLAUSE_REACH)
    right = tense_module._CLAUSE_RIGHT.search(text, end, reach)
    right_to = right.start() if right else reach
    best = None
    for cue, tense in cues(left_from, right_to):
        if start <= cue.start() < end:
            continue
        found = tense
        if tense == tense_module.PAST and cue.group(0).lower() in tense_module._NOT_PAST:
            continue
        if tense == tense_module.PAST and tense_module._FUTURE_PASSIVE.search(text, max(0, cue.start() - 30), cue.start()):
            found = tense_module.FUTURE
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        distance = distance if cue.end() <= start else distance + 12
        if cue.start() >= end and tense_module._ATTRIBUTION.fullmatch(cue.group(0)):
            distance += 60
        if best is None or distance < best[0]:
            best = (distance, found)
    return best[1] if best else ""


def test_clause_tense_is_the_plain_one(texts: list[str]) -> None:
    """At every time expression of the real sentences, and at random stretches of every text."""
    rng = random.Random(11)
    stretches = []
    for text in texts:
        stretches.extend((text, c.start, c.end) for c in tagger._find(text))
        if text:
            start = rng.randrange(len(text))
            stretches.append((text, start, min(len(text), start + rng.randint(1, 20))))
    said = [tense_module.clause_tense(*stretch) for stretch in stretches]
    assert said.count("past") > 1_000 and said.count("future") > 200
    assert said == [_reference_clause_tense(*stretch) for stretch in stretches]


# Simple pasts only the word scan finds, the cues the patterns find, and words of every length
# between them: which is nearest, and where a scan bounded by the nearest cue starts, vary.
_TENSE_PIECES = [
    "fled", "wept", "dug", "bled", "swam", "shrank", "dealt", "slew", "spun", "strode", "ate", "Fled", "x-fled", "fled_",
    "will", "would", "said", "was", "next", "planned to", "has been", "is expected to", "told", "announced",
    "a", "an", "the", "xx", "market", "shares", "Monday", "on", "in", "5", "Q3", "2024", "é", "İ",
]


def test_clause_tense_is_the_plain_one_between_near_cues() -> None:
    rng = random.Random(15)
    stretches = []
    for _ in range(4_000):
        text = " ".join(rng.choices(_TENSE_PIECES, k=rng.randint(3, 16)))
        for _ in range(4):
            start = rng.randrange(len(text))
            stretches.append((text, start, min(len(text), start + rng.randint(1, 8))))
    said = [tense_module.clause_tense(*stretch) for stretch in stretches]
    assert said == [_reference_clause_tense(*stretch) for stretch in stretches]


_TIME_PIECES = [
    "Q1", "q3", "Q4 2024", "2024 Q2", "1Q", "3Qs", "1Q2014", "H1", "H2 2025", "h1", "5 p.m.", "11am", "5:30PM", "7 A.M.",
    "I'm", "1400 GMT", "0900GMT", "2300 utc", "10 ET", "1990s", "'90s", "the 1980S", "May 5", "5 June", "June 2024",
    "2024-06-13", "6/13/2025", "last year", "three years ago", "next week", "Friday", "FY2024", "fiscal 2023",
]


# Rules that needed only a digit before they were given a rarer word.
_NEEDED_A_DIGIT = {"quarter-code", "year-quarter", "half-code", "clock", "clock-24h"}


def test_find_is_what_each_rule_found_scanned_for(texts: list[str]) -> None:
    """Neither the words those rules now need nor the scan of the lower-cased text first skip a
    candidate that scanning for each rule the text holds words for finds."""
    rng = random.Random(12)
    texts = texts + [
        "".join(x for _ in range(8) for x in (rng.choice(_TIME_PIECES + _PIECES), rng.choice(_GLUE))) for _ in range(10_000)
    ]
    kept = [[(c.start, c.end, c.rule.name) for c in tagger._find(text)] for text in texts]
    assert sum(map(bool, kept)) > 5_000
    assert {name for found in kept for *_, name in found} >= _NEEDED_A_DIGIT
    assert sum(rule.in_lowered is not None for rule in tagger.RULES) > 25
    every = []
    for text in texts:
        found = []
        words = set(tagger._WORDS.findall(text.lower()))
        if words & tagger._DIGITS:
            words.add("#")
        for rule in tagger.RULES:
            needs = {"#"} if rule.name in _NEEDED_A_DIGIT else rule.keywords
            if needs and needs.isdisjoint(words):
                continue
            for match in rule.pattern.finditer(text):
                start, end = tagger._extent(match)
                if rule.check is None or rule.check(text, match, start, end):
                    found.append((start, end, rule.name))
        every.append(found)
    assert kept == every


def test_lemminflect_answers_as_with_its_deep_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word of lemminflect's dictionaries, in three spellings, looked up with `words.copy_entry`
    as its copy and with `copy.deepcopy`; and its dictionaries stay as they were."""
    import copy

    import lemminflect
    import lemminflect.core.Inflections
    import lemminflect.core.Lemmatizer

    assert lemminflect.core.Lemmatizer.deepcopy is words.copy_entry  # taken up on importing events.words
    assert lemminflect.core.Inflections.deepcopy is words.copy_entry
    lemmatizer, inflections = lemminflect.Lemmatizer(), lemminflect.Inflections()
    lemma_words = sorted(lemmatizer._getLemmaDict()) + ["qzxv", "Quorvantix", "RUNNING", "Running"]
    lemma_words += [w.upper() for w in lemma_words[::50]] + [w.capitalize() for w in lemma_words[::50]]
    lemmas = sorted(inflections._getInflDict())
    before = copy.deepcopy((lemmatizer._getLemmaDict(), inflections._getInflDict()))

    def answers() -> list:
        return [lemminflect.getAllLemmas(w) for w in lemma_words] + [lemminflect.getAllInflections(w) for w in lemmas]

    shallow = answers()
    monkeypatch.setattr(lemminflect.core.Lemmatizer, "deepcopy", copy.deepcopy)
    monkeypatch.setattr(lemminflect.core.Inflections, "deepcopy", copy.deepcopy)
    assert shallow == answers()
    assert (lemmatizer._getLemmaDict(), inflections._getInflDict()) == before


def test_copy_entry_is_a_deep_copy() -> None:
    import copy

    entries = [{}, {"VERB": ("run",)}, {"NOUN": ("a", "b"), "VERB": ()}, {"VERB": ["run"]}, {"VERB": "run"},
               {"VERB": (["run"],)}, ("a",), [("a",)], {"x": {"y": ("z",)}}]
    for entry in entries:
        copied = words.copy_entry(entry)
        assert copied == entry and (copied is entry) == (copy.deepcopy(entry) is entry)
        for key, value in entry.items() if isinstance(entry, dict) else ():
            if not isinstance(value, (str, tuple)) or any(not isinstance(s, str) for s in value):
                assert copied[key] is not value  # anything mutable in it is copied too


def test_statement_features_refuse_a_lemma_the_joining_would_not_give_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from scaletui.events import similarity
    from scaletui.events.model import Statement
    from scaletui.events.statements import reported_span

    statement = Statement(id="a:1", source="a", text="Acme Corp bought Foobar Labs for $5 million.", start=0, end=44,
                          span=reported_span(date(2024, 5, 1), False))
    assert similarity.statement_features(statement) is not None
    for lists in [(["a b"], [], set()), ([], ["ok", ""], set()), ([], [], {"x y"}), ([""], ["a"], {"b"})]:
        monkeypatch.setattr(similarity, "_own_part", lambda s, lists=lists: ("m", *lists, -1, [], (0, 0, 0, 0)))
        assert similarity.statement_features(statement) is None
    monkeypatch.setattr(similarity, "_own_part", lambda s: ("m", ["a", "b"], ["c"], {"d"}, -1, [], (0, 0, 0, 0)))
    assert similarity.statement_features(statement) == similarity.StatementFeatures(1, "a b", "c", "d", -1, [], (0, 0, 0, 0))


_PREFIX_PIECES = [
    "early", "Early", "EARLY", "very early", "the end of", "The End Of the", "mid-", "mid", "Middle of", "late", "latter part of",
    "turn of the", "about", "Around", "roughly", "some", "nearly", "close to", "more than", "over", "just over", "At Least",
    "less than", "up to", "no more than", "by", "By", "before", "after", "since", "Since", "prior to", "ahead of", "following",
    "no later than", "until", "through", "as of", "As Of", "ſince", "\u212aate", "İn", "ıate",
]


def test_tag_reads_prefixes_in_the_lowered_text_as_ignoring_case(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every time expression of the real sentences and of random ones made of time expressions and
    the words that qualify them, against two days, as when the prefixes are looked for ignoring case."""
    rng = random.Random(14)
    pieces = _TIME_PIECES + _PREFIX_PIECES
    texts = texts[:3_000] + [
        "".join(x for _ in range(10) for x in (rng.choice(pieces + _PIECES[:40]), rng.choice(_GLUE))) for _ in range(6_000)
    ]
    days = [date(2024, 6, 13), date(2001, 1, 1)]

    def read() -> list:
        tagger._candidates.cache_clear()
        tagger._tense_for.cache_clear()
        return [[e.model_dump() for e in tagger.tag(text, day)] for text in texts for day in days]

    lowered = read()
    assert sum(e["mod"] != "" for found in lowered for e in found) > 2_000
    monkeypatch.setattr(tagger, "lowered_alike", lambda text: None)
    assert lowered == read()
