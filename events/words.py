"""Word knowledge for comparing statements: lemmas and how telling a word is.

Lemmas come from lemminflect (its English dictionary plus its rules for words
it has not seen), so "stole", "stolen" and "steals" are all "steal" without
hand-cut suffixes. How much a shared word says comes from wordfreq, how often
the word turns up in English at large: two outlets that both write "heist"
agree on something, two that both write "said" do not. A story's own corpus is
too small and too one-sided to judge that: its central words ("robbers",
"Paris") are in most of its sentences, which is why they matter, not why they
don't.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

import lemminflect.core.Inflections
import lemminflect.core.Lemmatizer
from lemminflect import getAllLemmas, getInflection, getLemma
from lemminflect.core.Lemmatizer import Lemmatizer
from lemminflect.core.LexicalUtils import getCapsStyle
from wordfreq import get_frequency_dict, zipf_frequency

from scaletui.events.figures import _WORD_NUMBERS as _NUMBER_WORDS  # the number words figures read
from scaletui.events.figures import DIGIT, matched_key, screening_words

# Zipf frequency (log10 of uses per billion words) at and above which a word says
# nothing about which happening a sentence reports: "the" 7.7, "said" 6.0, "also" 6.2.
_COMMON_ZIPF = 6.0
_WORD = re.compile(r"[a-z][a-z0-9'’-]*[a-z0-9]|[a-z]")
_MIN_LENGTH = 3


def _dictionary_lemmas(word: str) -> dict:
    """`getAllLemmas(word)`; for a word already in lower case (every word the per-article work asks
    about), read from lemminflect's tables without its copies and caps-style passes: every word new
    to a process is looked up once in each worker."""
    if word != word.lower() or getCapsStyle(word) != "lower":
        return getAllLemmas(word)
    lemmatizer = Lemmatizer()
    entry = lemmatizer._getLemmaDict().get(word)
    overrides = lemmatizer._getOverridesDict().get(word)
    if entry is None and overrides is None:
        return {}
    lemmas = entry if overrides is None else {**(entry or {}), **overrides}
    # lemminflect's answer gives every form in the word's case (applyCapsStyleToDict)
    return {pos: tuple(map(str.lower, forms)) if isinstance(forms, (list, tuple)) else forms.lower()
            for pos, forms in lemmas.items()}


# One look-up per word however many readers ask; what it returns is only read.
_all_lemmas = lru_cache(maxsize=200_000)(_dictionary_lemmas)


def copy_entry(entry: Any, memo: dict | None = None) -> Any:
    """`copy.deepcopy(entry)`, at a dict copy's cost for a dict of tuples of strings: a tuple of
    strings is its own deep copy, so the copy holds the very tuples deepcopy would."""
    if type(entry) is dict and all(type(v) is tuple and all(type(s) is str for s in v) for v in entry.values()):
        return dict(entry)
    return copy.deepcopy(entry, memo)


# lemminflect deep-copies the dictionary entry it answers from (a dict of tuples of strings) at
# every look-up and inflection: some 5% of the per-article work, for each word new to a process.
# Its modules copy with `copy_entry` instead, the same copy.
for _module in (lemminflect.core.Lemmatizer, lemminflect.core.Inflections):
    if getattr(_module, "deepcopy", None) is copy.deepcopy:
        _module.deepcopy = copy_entry
# Lemmas another process worked out with this code (given_lemmas): taken as they are.
_LEMMAS_GIVEN: dict[str, str] = {}


def given_lemmas(known: Mapping[str, str]) -> None:
    """Take lemmas the per-article workers found, so that this process need not look them up again.

    A worker's lemmas die with it; grouping then lemmatises the words of every entity's
    names once more here (lemminflect guesses a name's lemma slowly: a second for the
    10,000 name words of 2,400 articles).
    """
    if len(_LEMMAS_GIVEN) > _MOST_GIVEN:  # a long session opening corpus after corpus
        _LEMMAS_GIVEN.clear()
    _LEMMAS_GIVEN.update(known)


_MOST_GIVEN = 500_000


def name_lemmas(text: str) -> dict[str, str]:
    """The lemma of each word of `text` written with a capital: the words names are made of."""
    # One call for all of them: a space ends a token as the end of the text does.
    return {word: lemma(word) for word in tokens(" ".join(_CAPITALISED.findall(text)))}


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a lower-case word: a verb's infinitive, a noun's singular."""
    given = _LEMMAS_GIVEN.get(word)
    if given is not None:
        return given
    lemmas = _all_lemmas(word)
    for pos in ("VERB", "NOUN", "ADJ", "AUX", "ADV", "PROPN"):
        if pos in lemmas:
            return lemmas[pos][0]
    guessed = getLemma(word, upos="NOUN", lemmatize_oov=True)
    return guessed[0] if guessed else word


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """How much sharing this word says, from 0 (everyday words) up: its distance below common use."""
    return max(0.0, _COMMON_ZIPF - zipf(word))


_PLAIN_WORD = re.compile(r"[a-z]+")
_ZIPF_OF_FREQUENCY: dict[float | None, float] = {}  # a plain word's frequency in the list (None: not in it) -> its Zipf value


def zipf(word: str) -> float:
    """`zipf_frequency(word, "en")`, a dictionary look-up for a plain lower-case word.

    wordfreq reads a word as its tokens (normalised, split, numbers smashed) and
    rounds the frequency they give, some 30 microseconds a word: every process of
    an export asks it of every word of the corpus. A word of letters a-z alone is
    its one token, so its value is that of its frequency in the word list, the same
    for every word sharing that frequency (a few hundred values in all): each is
    worked out once by wordfreq itself, from the first word that has it."""
    if not _PLAIN_WORD.fullmatch(word):
        return zipf_frequency(word, "en")
    frequency = _frequencies().get(word)
    value = _ZIPF_OF_FREQUENCY.get(frequency)
    if value is None:
        value = _ZIPF_OF_FREQUENCY[frequency] = zipf_frequency(word, "en")
    return value


@cache
def _frequencies() -> dict[str, float]:
    return get_frequency_dict("en", "best")  # the very list zipf_frequency reads (its cache is keyed by these arguments)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, possessives dropped."""
    # A token starts with a letter, so none is all digits; only one holding an apostrophe can be possessive.
    found = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if "'" in word:
            word = word.removesuffix("'s").removesuffix("'")
        if len(word) >= _MIN_LENGTH or word == "to":
            found.append(word)
    return found


@lru_cache(maxsize=200_000)
def is_verb_form(word: str) -> bool:
    """Whether a lower-case word reads as an inflected verb ("stole", "placed", "overturns"): a happening's action.

    An -s form that is also a plural noun ("games") is taken for the noun.
    """
    lemmas = _all_lemmas(word)
    verb = lemmas.get("VERB")
    if not verb or word in verb:
        return False
    return word.endswith(("ed", "ing")) or "NOUN" not in lemmas


@lru_cache(maxsize=200_000)
def names_an_act(lemma_: str) -> bool:
    """Whether a lemma is a noun that is also a verb: a happening named without a verb ("the cut", "his leave")."""
    lemmas = _all_lemmas(lemma_)
    return "NOUN" in lemmas and "VERB" in lemmas


@lru_cache(maxsize=20_000)
def simple_past(word: str, or_base: bool = False) -> bool:
    """Whether a lower-case word is some verb's simple past ("died", "fled"); with `or_base`,
    also one spelt as its base ("hit", "cut", "quit"), which can as well be the present."""
    return any(
        (or_base or lemma_ != word) and word in getInflection(lemma_, "VBD") for lemma_ in _all_lemmas(word).get("VERB", ())
    )


@lru_cache(maxsize=20_000)
def past_form(word: str) -> bool:
    """Whether a lower-case word may be some verb's simple past, also one spelt as its base ("fired",
    "began", "cut"), or a past participle spelt otherwise than its base ("been", "taken")."""
    return simple_past(word, or_base=True) or any(
        lemma_ != word and word in getInflection(lemma_, "VBN") for lemma_ in _all_lemmas(word).get("VERB", ())
    )


def action_lemmas(text: str) -> set[str]:
    """Lemmas of the content verbs the text uses in an inflected form: its acts.

    A verb that takes "to" and another verb ("planning to cut", "decided to
    pull back") frames the act: both are taken, the verb after "to" being the
    act itself unless it is an everyday verb that says little ("intends to keep").
    """
    words = _tokens_kept(text)
    after_modal = set(_MODAL_THEN_VERB.findall(text.lower()))
    found = set()
    for number, word in enumerate(words):
        if not (is_verb_form(word) or word in after_modal and "VERB" in _all_lemmas(word)):
            continue
        if number + 2 < len(words) and words[number + 1] == "to":
            following = words[number + 2]
            if "VERB" in _all_lemmas(following) and rarity(lemma(following)) > 0.0:
                found.add(lemma(following))
        base = lemma(word)
        if rarity(base) > 0.0:
            found.add(base)
    return found


# Base forms are nouns as often as verbs ("leave", "cut"); after a modal ("will
# leave", "could cut") they can only be the verb.
_MODAL_THEN_VERB = re.compile(r"\b(?:will|would|shall|should|can|could|may|might|must)\s+(?:not\s+|also\s+|soon\s+)?([a-z]+)\b")


def content_lemmas(text: str) -> list[str]:
    """The lemmas of the words that carry content, in order (everyday words dropped)."""
    return list(_content_lemmas(text))


@lru_cache(maxsize=50_000)  # a statement's text is read for its words, its main clause's, its names'
def _content_lemmas(text: str) -> tuple[str, ...]:
    found = map(_content_lemma, _tokens_kept(text))
    return tuple(base for base in found if base is not None)


@lru_cache(maxsize=200_000)
def _content_lemma(word: str) -> str | None:
    """The word's lemma if the word carries content, else None."""
    base = lemma(word)
    return base if rarity(base) > 0.0 and rarity(word) > 0.0 else None


@lru_cache(maxsize=16)  # a statement's main clause is read for its acts, then for its words
def _tokens_kept(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


_FAMILY_PREFIX = 5


def family(lemma_: str) -> str:
    """A lemma's derivational family: "acquire" and "acquisition", "invest" and "investment", "rob" and "robbery".

    lemminflect knows inflection, not derivation; lemmas that share their first
    five letters are taken for one family. Short lemmas stand for themselves.
    """
    return lemma_[:_FAMILY_PREFIX]


_IN_DIGITS = r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w:/]|[.,]\d)"
_NUMBER = re.compile(_IN_DIGITS + r"|\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
# The same where the text holds no number word: the digits alone, looked for only where a digit stands.
_NUMBER_IN_DIGITS = re.compile(r"(?=\d)" + _IN_DIGITS)
# What a number word shows among `figures.screening_words` ("a dozen": "dozen").
_NUMBER_WORD_RUNS = frozenset(phrase.split()[-1] for phrase in _NUMBER_WORDS)
_YEARS = range(1800, 2101)


def plain_numbers(text: str) -> set[float]:
    """Every number the text gives, in digits or words ("Ten dead", "kills 10", "a 5.9 quake"), years left out.

    Figures (`events.figures`) read amounts with their units; a bare number two
    outlets share ("10" dead, magnitude "5.9") also says they report one thing.
    """
    words = screening_words(text)
    if words is None or not words.isdisjoint(_NUMBER_WORD_RUNS):
        pattern = _NUMBER
    elif DIGIT in words:
        pattern = _NUMBER_IN_DIGITS  # no number word to find: the word scan, ignoring case, is the costly part
    else:
        return set()
    found = set()
    for match in pattern.finditer(text):
        digits = match[1]
        value = float(digits.replace(",", "")) if digits else float(_NUMBER_WORDS[matched_key(match[2])])
        if not (value.is_integer() and int(value) in _YEARS):
            found.add(value)
    return found


def compound_heads(vocabulary: set[str]) -> dict[str, str]:
    """Closed compounds of a story's words mapped to their head where the story also uses the head alone:
    "earthquake" and "quake", "gunfire" and "fire". An English compound names a kind of its last part."""
    found = {}
    for word in vocabulary:
        if "-" in word or not _noun_only(word):
            continue
        for cut in range(_MIN_MODIFIER, len(word) - _MIN_HEAD + 1):
            head, modifier = word[cut:], word[:cut]
            if head in vocabulary and _may_head(head) and _names_a_thing(modifier):
                found[word] = head
                break
    return found


# Each asked once a word: a corpus of many stories asks again of the same words.
@lru_cache(maxsize=200_000)
def _may_head(word: str) -> bool:
    return word not in _SUFFIXES and zipf(word) < _EVERYDAY_HEAD_ZIPF and "NOUN" in _all_lemmas(word)


@lru_cache(maxsize=200_000)
def _noun_only(word: str) -> bool:
    lemmas = _all_lemmas(word)
    return "NOUN" in lemmas and "VERB" not in lemmas


@lru_cache(maxsize=200_000)
def _names_a_thing(word: str) -> bool:
    lemmas = _all_lemmas(word)
    return ("NOUN" in lemmas or "ADJ" in lemmas) and zipf(word) >= _MODIFIER_ZIPF


_MIN_MODIFIER = 3
_MIN_HEAD = 4
_MODIFIER_ZIPF = 3.5
# Endings that make a word of another rather than name a kind of it ("ownership", "homeless").
_SUFFIXES = frozenset("ship hood less ness ment able ible ability ward wards wise like ful some dom".split())
# A head this common ("thing", "side", "work", "place") is no shortening a story uses for its compound.
_EVERYDAY_HEAD_ZIPF = 5.5
