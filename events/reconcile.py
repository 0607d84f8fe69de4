"""Fold spelling variants of one name into one group, and keep different
things with similar names apart.

Each rule needs evidence besides string similarity, because similarity alone
is wrong often enough ("Brightwater" / "Brightway", "Meta AI" / "Scale AI"):

- the same name with a legal suffix ("Kestrel Terminals Inc"), or an acronym
  whose letters are the initials of exactly one longer name ("IHWU");
- a close spelling used only by sources that never use the other spelling
  (misspellings live inside one source: "Labbox" / "Labelbox");
- the same surname with a close given name ("Alexandra Wang" / "Alexandr Wang");
- the same possessor ("Elon Musk's Zai" / "Elon Musk's xAI");
- a surname alone that belongs to one person only ("Wang");
- a shorter form of a longer name whose extra words are descriptive
  ("Meta" / "Meta Platforms", "Scale" / "Scale AI"), unless the two are named
  in one statement as different things ("Kestrel ... spun off from Kestrel Capital");
- a one-off misspelling one letter away from a far more frequent name ("Mata").

When in doubt the groups stay apart: a missed merge shows two rows, a wrong one
hides a company.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from scaletui.events.entity_lexicon import city_population, common_word, country, given_name, region, zipf
from scaletui.events.model import Kind
from scaletui.events.names import CONNECTORS, GENERIC_ACRONYMS, ORG_SUFFIXES, STOPWORDS, empty_counter

# Suffixes that say only "this is a company": dropped before comparing.
LEGAL_SUFFIXES = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "holdings", "limited", "sa", "ag", "gmbh", "nv", "bv", "ab", "asa", "spa", "srl"}


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """The comparison key of a surface form: case, dots and 'the' do not matter."""
    k = text.replace("’", "'").replace(".", "").lower()
    k = re.sub(r"\s+", " ", k).strip()
    return k[4:] if k.startswith("the ") else k


@dataclass
class Form:
    """Everything seen about one spelling (up to case and dots)."""

    key: str
    surfaces: dict[str, tuple[int, set[str]]] = field(default_factory=dict)  # text -> (count, sources)
    count: int = 0
    sources: set[str] = field(default_factory=set)
    statements: set[int] = field(default_factory=set)
    cues: Counter = field(default_factory=empty_counter)
    priors: Counter = field(default_factory=empty_counter)  # gazetteer evidence: counts for the kind, not for merging
    possessors: Counter = field(default_factory=empty_counter)
    roles: Counter = field(default_factory=empty_counter)
    initial: int = 0  # mentions that open a sentence
    attributions: int = 0  # mentions naming the reporter ("according to X")

    @property
    def words(self) -> list[str]:
        return self.key.split()

    @cached_property
    def evidence(self) -> Counter:
        return self.cues + self.priors

    @cached_property
    def leaning(self) -> Kind | None:
        """The kind the evidence points to, however weakly."""
        if not self.evidence:
            return None
        return Kind(max(self.evidence.items(), key=lambda kv: (kv[1], kv[0]))[0])

    @cached_property
    def kind(self) -> Kind | None:
        """The kind the evidence points to, or None when it says little."""
        return _strong(self.evidence)

    @cached_property
    def context_kind(self) -> Kind | None:
        """The kind the story's own usage points to, gazetteers and name shapes aside
        ("Jordan" is a country, but "Jordan fixed some contracts" is Michael Jordan)."""
        return _strong(self.cues)


def _strong(cues: Counter) -> Kind | None:
    if not cues:
        return None
    kind, weight = max(cues.items(), key=lambda kv: (kv[1], kv[0]))
    return Kind(kind) if weight >= 2 else None


@dataclass
class Curated:
    name: str
    kind: Kind | None
    aliases: list[str]


class Groups:
    """Union-find over form keys; curated pins keep two curated entities apart."""

    def __init__(self, keys: list[str], pins: dict[str, int]):
        self.parent = {k: k for k in keys}
        self.pin = {k: pins[k] for k in keys if k in pins}

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        pa, pb = self.pin.get(ra), self.pin.get(rb)
        if pa is not None and pb is not None and pa != pb:
            return False
        # deterministic root: the smaller key
        if rb < ra:
            ra, rb = rb, ra
            pa, pb = pb, pa
        self.parent[rb] = ra
        if pa is None and pb is not None:
            self.pin[ra] = pb
        return True

    def same(self, a: str, b: str) -> bool:
        return self.find(a) == self.find(b)


def _kinds_clash(a: Form, b: Form) -> bool:
    ka, kb = a.kind, b.kind
    return ka is not None and kb is not None and ka != kb


def _cooccur(a: Form, b: Form) -> bool:
    return not a.statements.isdisjoint(b.statements)


def _complementary(a: Form, b: Form) -> bool:
    """No source uses both spellings: one of them is that source's misspelling."""
    return a.sources.isdisjoint(b.sources)


def _distinct_similarity(a: list[str], b: list[str]) -> float:
    """Similarity of the words that differ, so a shared generic word ("Logistics",
    "AI") adds nothing: "Brightwater Logistics" vs "Brightway Logistics" is 80, not 90."""
    diff_a = [x for x, y in zip(a, b) if x != y]
    diff_b = [y for x, y in zip(a, b) if x != y]
    if not diff_a:
        return 100.0
    return fuzz.ratio(" ".join(diff_a), " ".join(diff_b))


def initials(words: list[str]) -> str:
    parts = [p for w in words for p in w.split("-") if p]  # "Hewlett-Packard" -> HP
    return "".join(w[0] for w in parts if w not in CONNECTORS and w not in STOPWORDS and w[:1].isalpha())


def reconcile(forms: dict[str, Form], curated: list[Curated], common: Callable[[str], bool]) -> Groups:
    def place(text: str) -> bool:
        return region(text) or city_population(text) >= 15000 and len(text) > 3

    """Group the forms. `common(word)` says whether a word is ordinary vocabulary."""
    pins: dict[str, int] = {}
    for i, entry in enumerate(curated):
        for text in [entry.name, *entry.aliases]:
            pins.setdefault(key(text), i)
    groups = Groups(list(forms), pins)
    by_pin: dict[int, list[str]] = defaultdict(list)
    for k in forms:
        if k in pins:
            by_pin[pins[k]].append(k)
    for members in by_pin.values():
        for other in members[1:]:
            groups.union(members[0], other)

    _squashed(forms, groups)
    _legal_suffixes(forms, groups)
    _acronyms(forms, groups)
    _fuzzy(forms, groups)
    _possessors(forms, groups)
    _prefixes(forms, groups, common)
    _place_heads(forms, groups, place)
    _surnames(forms, groups)
    return groups


def _squashed(forms: dict[str, Form], groups: Groups) -> None:
    """"Open AI", "Open-AI", "OpenAI": spacing and hyphens do not make another name."""
    by_squash: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        by_squash[k.replace(" ", "").replace("-", "")].append(k)
    for members in by_squash.values():
        for other in members[1:]:
            if not _kinds_clash(forms[members[0]], forms[other]):
                groups.union(members[0], other)


def _legal_suffixes(forms: dict[str, Form], groups: Groups) -> None:
    cores: dict[str, list[str]] = defaultdict(list)
    for k, form in forms.items():
        words = form.words
        while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
            words = words[:-1]
        cores[" ".join(words)].append(k)
    for core, members in cores.items():
        if core in forms and core not in members:
            members.append(core)
        for other in members[1:]:
            if not _kinds_clash(forms[members[0]], forms[other]):
                groups.union(members[0], other)


def _acronyms(forms: dict[str, Form], groups: Groups) -> None:
    by_initials: dict[str, list[str]] = defaultdict(list)
    for k, form in forms.items():
        words = form.words
        if len(words) >= 2 or "-" in k:
            by_initials[initials(words)].append(k)
    for k, form in forms.items():
        if " " in k or k in GENERIC_ACRONYMS or not 2 <= len(k) <= 6:
            continue
        if not any(s.replace(".", "").isupper() for s in form.surfaces):
            continue
        # people go by their names, not their initials: "RB" is a running back, not Reggie Bush
        matches = {
            groups.find(m) for m in by_initials.get(k, [])
            if initials(forms[m].words) == k and not _person_named(forms[m])
        } - {groups.find(k)}
        if len(matches) == 1:
            groups.union(k, matches.pop())


def _fuzzy(forms: dict[str, Form], groups: Groups) -> None:
    given_names_of = _given_names_of(forms)
    # block by first letter and word count: spelling variants rarely differ in either
    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in forms:
        blocks[(k[:1], len(k.split()))].append(k)
    for block in blocks.values():
        if len(block) < 2:
            continue
        for i, a in enumerate(block):
            rest = block[i + 1 :]
            for b, score, _ in process.extract(a, rest, scorer=fuzz.ratio, score_cutoff=75, limit=None):
                if not groups.same(a, b) and _variants(forms[a], forms[b]) and not _two_surnames(a, b, given_names_of):
                    groups.union(a, b)


def _given_names_of(forms: dict[str, Form]) -> dict[str, set[str]]:
    """Surname -> the given names it is written with in full ("lowe" -> {"derek"})."""
    found: dict[str, set[str]] = defaultdict(set)
    for form in forms.values():
        if len(form.words) >= 2 and _person_named(form):
            found[form.words[-1]].add(form.words[0])
    return found


def _two_surnames(a: str, b: str, given_names_of: dict[str, set[str]]) -> bool:
    """Each a surname written in full with given names the other never has: two people
    ("Derek Lowe", "Mike Lowell"), not one misspelt."""
    mine, theirs = given_names_of.get(a), given_names_of.get(b)
    return bool(mine and theirs) and mine.isdisjoint(theirs)


def _variants(a: Form, b: Form) -> bool:
    if _cooccur(a, b) and min(a.count, b.count) > 1 or _kinds_clash(a, b):
        return False
    if _DIGITS.findall(a.key) != _DIGITS.findall(b.key):
        return False  # "MBP15" and "MBP17" are two models
    if _acronym(a) and _acronym(b) and not (a.key.startswith(b.key) or b.key.startswith(a.key)):
        return False  # "IRNA" and "ISNA", "AFP" and "AP" are two agencies; "US" and "USA" one country
    minor, major = sorted((a, b), key=lambda f: (f.count, f.key))
    wa, wb = a.words, b.words
    if len(wa) == len(wb) == 1 and _words_of_their_own(a.key, b.key):
        return False
    distinct = _distinct_similarity(wa, wb)
    if len(wa) >= 2 and not _cooccur(a, b):
        # the same person: same surname, close given name ("Alexandra Wang")
        if wa[-1] == wb[-1] and _distinct_similarity(wa[:-1], wb[:-1]) >= 85 and Kind.PERSON in (a.kind, b.kind):
            return True
    if distinct >= 80 and _complementary(a, b) and not _cooccur(a, b):
        return True
    # a one-off slip of one letter next to a name used far more often ("Mata")
    if (
        len(wa) == 1
        and len(a.key) >= 4
        and minor.count <= 2
        and major.count >= max(5, 5 * minor.count)
        and a.key[0] == b.key[0]
        and DamerauLevenshtein.distance(a.key, b.key) == 1
        and Kind.PERSON not in (a.kind, b.kind)
    ):
        return True
    return False


_DIGITS = re.compile(r"\d+")
SLIP_ZIPF = 4.0  # a word English writes ten times in a million words or more is a word of its own


def _words_of_their_own(a: str, b: str) -> bool:
    """Two words English writes often, neither the other plus an ending: no slip of one for the
    other ("Angels", "Angeles"), where "Israeli" and "Greeks" go with "Israel" and "Greek"."""
    return min(zipf(a), zipf(b)) >= SLIP_ZIPF and not (a.startswith(b) or b.startswith(a))


def _person_named(form: Form) -> bool:
    """A person's name: it opens with a given name, one that is no English word ("Reggie", not
    "General") or one the name's own evidence makes a person's ("Ray Boone")."""
    first = form.words[0]
    return given_name(first) and (not common_word(first) or form.kind is Kind.PERSON)


def _acronym(form: Form) -> bool:
    """Written only in capitals, one word: letters that stand for a name, each of them telling."""
    return " " not in form.key and all(text.replace(".", "").isupper() for text in form.surfaces)


def _possessors(forms: dict[str, Form], groups: Groups) -> None:
    owned: dict[str, list[str]] = defaultdict(list)
    for k, form in forms.items():
        for owner in form.possessors:
            owned[owner.split()[-1]].append(k)
    for members in owned.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                fa, fb = forms[a], forms[b]
                if groups.same(a, b) or _kinds_clash(fa, fb) or _cooccur(fa, fb):
                    continue
                if len(fa.words) == len(fb.words) == 1 and fuzz.ratio(a, b) >= 60:
                    groups.union(a, b)


def _descriptive(word: str, forms: dict[str, Form], common: Callable[[str], bool]) -> bool:
    """A word that only describes ("Platforms", "AI", "Terminals"), not a name of its own."""
    if word in ORG_SUFFIXES or word in GENERIC_ACRONYMS:
        return True
    standalone = forms.get(word)
    if standalone is not None and standalone.count >= 2 and not common(word):
        return False
    return common(word)


def _well_known_place(text: str) -> bool:
    """A country, a region or a city of 100,000 people: a town's name ("Summit") is a company's as often."""
    return bool(country(text) or region(text) or city_population(text) >= 100_000)


def _prefixes(forms: dict[str, Form], groups: Groups, common: Callable[[str], bool]) -> None:
    """Fold a short name into its longer form with one descriptive word more.

    Not a place's name: what is named after a place ("New York Times", "Bedford
    Police", "Tennessee Tech") is not the place.

    A short name with two longer forms that one source uses side by side
    ("Kestrel Terminals" and "Kestrel Capital") is a shared first word of two
    things: it goes with the far more frequent one, or with neither.
    """
    extensions: dict[str, list[str]] = defaultdict(list)
    for k, long in forms.items():
        words = long.words
        while len(words) > 2 and words[-1] in LEGAL_SUFFIXES:
            words = words[:-1]
        if len(words) < 2:
            continue
        # one descriptive word more, no further: "Hamburg Port Authority" is not Hamburg
        short_key = " ".join(words[:-1])
        short = forms.get(short_key)
        if short is None or short_key in GENERIC_ACRONYMS or common(short_key) or _well_known_place(short_key):
            continue
        if not _descriptive(words[-1], forms, common):
            continue
        if Kind.PERSON in (short.kind, long.kind) or _kinds_clash(short, long):
            continue
        extensions[short_key].append(k)
    for short_key, longs in extensions.items():
        short = forms[short_key]
        roots: dict[str, list[str]] = defaultdict(list)
        for k in longs:
            roots[groups.find(k)].append(k)
        members = list(roots.values())
        sources = [set().union(*(forms[k].sources for k in ks)) for ks in members]
        counts = [sum(forms[k].count for k in ks) for ks in members]
        if len(members) == 1:
            ks = members[0]
            if counts[0] < short.count and any(_cooccur(short, forms[k]) for k in ks):
                continue  # "Kestrel, ... spun off from Kestrel Capital": named side by side as two things
            groups.union(short_key, ks[0])
            continue
        distinct = any(not sources[i].isdisjoint(sources[j]) for i in range(len(members)) for j in range(i + 1, len(members)))
        if not distinct:
            for ks in members:  # "Meta AI" and "Meta Platforms", each in a different source: all Meta
                groups.union(short_key, ks[0])
            continue
        top = max(range(len(members)), key=lambda i: (counts[i], members[i][0]))
        if all(counts[top] >= 2 * c for i, c in enumerate(counts) if i != top):
            groups.union(short_key, members[top][0])


def _surnames(forms: dict[str, Form], groups: Groups) -> None:
    """A surname ("Jackson") or a given name ("Michael") alone joins the one person
    of the story who has it; with two such people it stays apart, unless one of them
    is named far more often (`_dominant`)."""
    people: dict[str, set[str]] = defaultdict(set)
    firsts: dict[str, set[str]] = defaultdict(set)
    counts: Counter = Counter()
    named: Counter = Counter()  # group root -> mentions by a full name
    for k, form in forms.items():
        words = [w for w in form.words if w not in CONNECTORS]
        # a person by a role or title, or by shape alone if the surname is not used far
        # more often on its own ("Thomson Reuters" is not a person called Reuters)
        if len(words) >= 2 and form.leaning is Kind.PERSON:
            root = groups.find(k)
            people[words[-1]].add(root)
            firsts[words[0]].add(root)
            named[root] += form.count
            if form.kind is Kind.PERSON:
                counts[words[-1]] += 10**6
            counts[words[-1]] += form.count
    for k, form in forms.items():
        if " " in k:
            continue
        # Read as something else by a cue or two ("the series. Capaldi seems", a lost full
        # stop; "track Orozco down"), a surname still goes with a person its full name
        # makes sure of; told as something else again and again, it does not.
        weakly_other = form.context_kind not in (None, Kind.PERSON)
        if weakly_other and (max(form.cues.values(), default=0) >= _FIRM_CUES or k not in people):
            continue
        if k in people:
            owner = _dominant(people[k], named)
            if owner is not None and form.count <= 2 * counts[k] and (not weakly_other or counts[k] >= 10**6):
                groups.union(k, owner)
        elif k in firsts:
            owner = _dominant(firsts[k], named)
            # a given name, or a rare word ("Stephenie") that only starts this person's name
            if owner is not None and (given_name(k) or not common_word(k) and form.count <= 2 * named[owner]):
                groups.union(k, owner)


# Cue weight of a name's context above which it is taken at its word (events/names.py)
_FIRM_CUES = 4


def _dominant(owners: set[str], named: Counter) -> str | None:
    """The one person a bare surname or given name means: the only one who has it, or
    one named far more often than the others ("Weitz" is Chris Weitz, named a dozen
    times, not his brother Paul, named once)."""
    if len(owners) == 1:
        return next(iter(owners))
    ranked = sorted(owners, key=lambda o: (-named[o], o))
    if named[ranked[0]] >= 3 * sum(named[o] for o in ranked[1:]):
        return ranked[0]
    return None


def _place_heads(forms: dict[str, Form], groups: Groups, is_place: Callable[[str], bool]) -> None:
    """"Chargers" is "San Diego Chargers", "Highway Patrol" is "California Highway
    Patrol": a name qualified by a place, used without it, when only one name ends so."""
    tails: dict[str, set[str]] = defaultdict(set)
    for k, form in forms.items():
        words = form.words
        for n in range(1, min(len(words) - 1, 3) + 1):
            if is_place(" ".join(words[:n])):
                tails[" ".join(words[n:])].add(k)
    for tail, longs in tails.items():
        short = forms.get(tail)
        if short is None or len(longs) != 1:
            continue
        long = next(iter(longs))
        if not _kinds_clash(short, forms[long]) and Kind.PERSON not in (short.kind, forms[long].kind):
            groups.union(tail, long)
