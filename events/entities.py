"""Entity discovery: who and what the statements name, with spelling variants
reconciled into one entity each.

    find_entities(statements, curated=None) -> list[Entity]

sets `statement.entities` in place (ids in order of appearance) and returns the
entities. No list of names is needed: candidates come from capitalised
sequences (`events.names`), variants are grouped with context as well as
spelling (`events.reconcile`). A curated alias file may pin canonical names and
kinds for a corpus:

    [[entities]]
    name = "xAI"
    kind = "organisation"
    aliases = ["Zai", "XAI"]
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from events.errors import CorpusError
from events.model import Alias, Entity, Kind, Statement
from events.names import (
    CONNECTORS,
    GENERIC_ACRONYMS,
    Mention,
    Token,
    Vocabulary,
    extract,
    headline_like,
    is_acronym,
    is_camel,
    tokenize,
)
from events.reconcile import Curated, Form, Groups, key, reconcile


@dataclass
class Discovery:
    """What `discover` found: the entities, and per entity the role words seen with it."""

    entities: list[Entity]
    roles: dict[str, list[str]] = field(default_factory=dict)  # entity id -> roles, most used first


def find_entities(statements: list[Statement], curated: Path | None = None) -> list[Entity]:
    return discover(statements, curated).entities


def discover(statements: list[Statement], curated: Path | None = None) -> Discovery:
    pinned = load_curated(curated) if curated is not None else []
    tokens = [tokenize(s.text) for s in statements]
    vocab = Vocabulary()
    for toks in tokens:
        vocab.add(toks)

    headlines = [headline_like(s.text, toks) for s, toks in zip(statements, tokens)]
    mentions: list[list[Mention]] = [
        [] if headlines[i] else extract(toks, vocab, i) for i, toks in enumerate(tokens)
    ]
    known = _known_forms(mentions)
    for i, toks in enumerate(tokens):
        if headlines[i]:
            raw = extract(toks, vocab, i, headline=True)
            mentions[i] = [m for raw_m in raw for m in _segment(raw_m, toks, known, vocab, headline=True)]
        else:
            mentions[i] = [m for raw_m in mentions[i] for m in _segment(raw_m, toks, known, vocab, headline=raw_m.headline)]

    forms = _forms(statements, mentions)
    groups = reconcile(forms, pinned, vocab.common)
    return _entities(statements, mentions, forms, groups, pinned, vocab.common)


def load_curated(path: Path) -> list[Curated]:
    """Read a curated alias file; a bad one raises CorpusError naming the file."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"{path}: curated entity file not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"{path}: cannot read curated entity file ({err.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{path}: not valid TOML ({err})") from None
    entries = data.get("entities", [])
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: 'entities' must be an array of tables ([[entities]])")
    curated = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise CorpusError(f"{path}: entity {n} needs a name")
        kind = entry.get("kind")
        if kind is not None and kind not in {k.value for k in Kind}:
            raise CorpusError(f"{path}: entity {entry['name']!r} has unknown kind {kind!r} (use {', '.join(k.value for k in Kind)})")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise CorpusError(f"{path}: aliases of {entry['name']!r} must be a list of strings")
        curated.append(Curated(entry["name"].strip(), Kind(kind) if kind else None, aliases))
    return curated


def _known_forms(mentions: list[list[Mention]]) -> dict[tuple[str, ...], int]:
    """Token sequences (lower-cased) seen as names in running text, with counts."""
    known: Counter = Counter()
    for ms in mentions:
        for m in ms:
            if not m.headline:
                known[tuple(key(m.text).split())] += 1
    return known


def _segment(m: Mention, tokens: list[Token], known: dict, vocab: Vocabulary, headline: bool) -> list[Mention]:
    """Cut a title-case run into the names it contains: in a heading keep only
    names seen in running text ("Brightwater Logistics Group Agrees To Buy Kestrel
    Terminals" -> two names); in text, split a one-off run that is two known names
    with ordinary words between ("Meta Deal Scale AI")."""
    words = key(m.text).split()
    if (
        not headline
        and m.initial
        and len(words) >= 2
        and known.get(tuple(words), 0) <= 1
        and known.get(tuple(words[1:]), 0) >= 1
        and vocab.capital[words[0]] == 0
        and words[1] not in CONNECTORS
    ):
        # "Rival Verona Biotech": the opening word is never capitalised mid-sentence,
        # and the rest is a name seen elsewhere
        toks = [t for t in tokens if m.start <= t.start and t.end <= m.end]
        if len(toks) == len(words):
            sub = Mention(m.statement, toks[1].start, m.end, " ".join(t.text for t in toks[1:]), False, m.possessive)
            sub.cues, sub.role = m.cues, m.role
            return [sub]
    if not headline and len(words) < 3:
        return [m]
    toks = [t for t in tokens if m.start <= t.start and t.end <= m.end]
    if len(toks) != len(words):
        return [m] if not headline else []
    pieces: list[tuple[int, int]] = []  # token index ranges
    i = 0
    while i < len(toks):
        best = 0
        for j in range(len(toks), i, -1):
            if j - i < len(toks) or headline:
                if known.get(tuple(words[i:j]), 0) >= 1 and (j - i > 1 or not vocab.common(words[i])):
                    best = j
                    break
        if best:
            pieces.append((i, best))
            i = best
        elif headline and (is_camel(toks[i].text) or is_acronym(toks[i].text)) and toks[i].lower not in GENERIC_ACRONYMS:
            pieces.append((i, i + 1))
            i += 1
        else:
            if not headline and (i == 0 or vocab.common(words[i]) is False):
                return [m]  # an unknown word at the edge or a rare word inside: keep the run whole
            i += 1
    if not headline and (not pieces or pieces[-1][1] != len(toks)):
        return [m]
    if not headline and any(known.get(tuple(words[a:b]), 0) < known.get(tuple(words), 0) for a, b in pieces):
        return [m]  # the whole run is at least as common as its parts: a name of its own
    out = []
    for a, b in pieces:
        first, last = toks[a], toks[b - 1]
        sub = Mention(m.statement, first.start, last.end, " ".join(t.text for t in toks[a:b]), m.initial if a == 0 else False,
                      last.possessive if b == len(toks) else toks[b - 1].possessive, headline=headline)
        sub.cues = m.cues.copy() if (a, b) == (0, len(toks)) else Counter()
        sub.role = m.role if b == len(toks) else ""
        sub.possessor = m.possessor if a == 0 else ""
        out.append(sub)
    return out


def _forms(statements: list[Statement], mentions: list[list[Mention]]) -> dict[str, Form]:
    forms: dict[str, Form] = {}
    for i, ms in enumerate(mentions):
        source = statements[i].source
        for m in ms:
            k = key(m.text)
            form = forms.get(k)
            if form is None:
                form = forms[k] = Form(k)
            count, sources = form.surfaces.get(m.text, (0, set()))
            sources.add(source)
            form.surfaces[m.text] = (count + 1, sources)
            form.count += 1
            form.sources.add(source)
            form.statements.add(i)
            for kind, weight in m.cues.items():
                form.cues[kind] += weight
            if m.possessor:
                form.possessors[key(m.possessor)] += 1
            if m.role:
                form.roles[m.role] += 1
            if m.initial:
                form.initial += 1
    return forms


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def _well_formed(text: str) -> bool:
    """Written as a name is written: not shouted, not all lower case."""
    if text.islower():
        return False
    words = text.split()
    return not (text.isupper() and (len(words) > 1 or len(text) > 6))


def _canonical(members: list[Form], curated: Curated | None, kind: Kind) -> str:
    if curated is not None:
        return curated.name
    surfaces: Counter = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for form in members:
        for text, (count, srcs) in form.surfaces.items():
            surfaces[text] += count
            sources[text] |= srcs
    ranked = sorted(surfaces, key=lambda t: (not _well_formed(t), -surfaces[t], -len(sources[t]), t))
    best = ranked[0]
    if kind is Kind.PERSON:
        # a person by full name ("Mark Zuckerberg"), not by the surname alone
        full = [t for t in ranked if " " in t and _well_formed(t)]
        if full:
            return full[0]
    # a fuller form used by more than one source ("Kestrel Terminals" over "Kestrel")
    longer = [
        t for t in surfaces
        if t != best and key(t).startswith(key(best) + " ") and len(sources[t]) >= 2 and _well_formed(t)
        and 10 * surfaces[t] >= 3 * surfaces[best]
    ]
    if longer:
        best = max(longer, key=lambda t: (len(sources[t]), surfaces[t], -len(t), t))
    return best


def _kind(members: list[Form], curated: Curated | None) -> Kind:
    if curated is not None and curated.kind is not None:
        return curated.kind
    cues: Counter = Counter()
    for form in members:
        cues.update(form.cues)
    if not cues:
        return Kind.OTHER
    kind, weight = max(cues.items(), key=lambda kv: (kv[1], -_TIE_ORDER.index(Kind(kv[0]))))
    return Kind(kind) if weight >= 1 else Kind.OTHER


# on equal evidence: a capitalised pair is more often a company than a person
_TIE_ORDER = [Kind.ORGANISATION, Kind.PERSON, Kind.PRODUCT, Kind.PLACE, Kind.OTHER]


def _keep(members: list[Form], curated: Curated | None, vocab_common) -> bool:
    """Repetition, a mid-sentence capital, or a strong cue: otherwise a sentence start."""
    if curated is not None:
        return True
    count = sum(f.count for f in members)
    strong = max((w for f in members for w in f.cues.values()), default=0) >= 2
    form = members[0]
    if not strong and count < 2 and all(vocab_common(w) for f in members for w in f.words):
        return False  # "in Business": an ordinary word, capitalised once
    if len(members) == 1 and form.initial == form.count and " " not in form.key and not strong:
        # only ever a sentence start: "Shipping lines ...", "Leading ..."
        if re.search(r"(ing|ed|ly)$", form.key) or count < 2:
            return False
    return count >= 2 or form.initial == 0 or strong


def _entities(statements, mentions, forms: dict[str, Form], groups: Groups, pinned: list[Curated], vocab_common) -> Discovery:
    grouped: dict[str, list[Form]] = defaultdict(list)
    for k, form in forms.items():
        grouped[groups.find(k)].append(form)

    built: list[tuple[int, Entity, Counter]] = []
    for root, members in grouped.items():
        pin = groups.pin.get(root)
        cur = pinned[pin] if pin is not None else None
        if not _keep(members, cur, vocab_common):
            continue
        aliases = []
        for form in members:
            for text, (count, srcs) in form.surfaces.items():
                aliases.append(Alias(text=text, sources=sorted(srcs), count=count))
        aliases.sort(key=lambda a: (-a.count, a.text))
        roles: Counter = Counter()
        for form in members:
            roles.update(form.roles)
        total = sum(f.count for f in members)
        kind = _kind(members, cur)
        entity = Entity(id="", name=_canonical(members, cur, kind), kind=kind, aliases=aliases)
        built.append((total, entity, roles))

    # ids: slug of the name; a collision gets -2, -3 in order of mention count then name
    built.sort(key=lambda t: (-t[0], t[1].name, [a.text for a in t[1].aliases]))
    used: set[str] = set()
    by_key: dict[str, str] = {}
    roles_by_id: dict[str, list[str]] = {}
    entities = []
    for _, entity, roles in built:
        base = slug(entity.name)
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        entity.id = ident
        for alias in entity.aliases:
            by_key[key(alias.text)] = ident
        roles_by_id[ident] = [r for r, _ in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))]
        entities.append(entity)

    for statement, ms in zip(statements, mentions):
        ids: list[str] = []
        for m in sorted(ms, key=lambda m: m.start):
            ident = by_key.get(key(m.text))
            if ident and ident not in ids:
                ids.append(ident)
        if ids or statement.entities:
            statement.entities = ids
    entities.sort(key=lambda e: e.id)
    return Discovery(entities, roles_by_id)
