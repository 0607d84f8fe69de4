"""Entity discovery: who and what the statements name, with spelling variants
reconciled into one entity each.

    find_entities(statements, curated=None) -> list[Entity]

sets `statement.entities` in place (ids in order of appearance) and returns the
entities. No list of names is needed: candidates come from capitalised
sequences (`events.names`), hyphenated words are judged (`entity_hyphens`),
title-case runs cut into the names they hold (`entity_segments`), variants
grouped with context as well as spelling (`events.reconcile`), kinds decided
from the story's usage and what packages know of the name (`entity_kinds`,
`entity_lexicon`). Outlets named only as reporters are left out
(`entity_outlets`). Everything is one pass or a dictionary lookup per mention,
so the cost grows with the corpus, plus a fixed second or two to load word
lists on first use. A curated alias file may pin canonical names and kinds for
a corpus:

    [[entities]]
    name = "xAI"
    kind = "organisation"
    aliases = ["Zai", "XAI"]
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from scaletui.events import entity_lexicon, safe_io
from scaletui.events.errors import CorpusError
from scaletui.events.forked_half import split_map
from scaletui.events.model import Alias, Entity, Kind, Statement
from scaletui.events.entity_hyphens import split_hyphens, squash
from scaletui.events.entity_kinds import company_kept, decide
from scaletui.events.entity_lexicon import inflects_common_word, world_spelling
from scaletui.events.entity_segments import KnownNames, mention_tokens, segment
from scaletui.events.names import Mention, Vocabulary, extract, forget_spellings, headline_like, tokenize
from scaletui.events.reconcile import Curated, Form, Groups, initials, key, reconcile


@dataclass
class Discovery:
    """What `discover` found: the entities, and per entity the role words seen with it."""

    entities: list[Entity]
    roles: dict[str, list[str]] = field(default_factory=dict)  # entity id -> roles, most used first


_start = attrgetter("start")  # a mention's place in its statement

# Statements from which a forked child reads the names in half of them (events/forked_half.py):
# 60 to 75 microseconds a statement, so from here the child's half is worth 0.3 s or more, and
# its mentions, handed back pickled, cost this process a twentieth of what it saved. Each half
# looks its own words up in the word lists (the caches are not shared), and the child pickles
# and copies pages: together they spend a fifth to a third more CPU than one process, so the
# wall time gained is the other core's to give (none on a machine whose cores are both busy).
NAMES_IN_TWO_FROM = 10_000


def find_entities(statements: list[Statement], curated: Path | None = None) -> list[Entity]:
    return discover(statements, curated).entities


def discover(statements: list[Statement], curated: Path | None = None) -> Discovery:
    pinned = load_curated(curated) if curated is not None else []
    spellings: dict[str, str] = {}  # each word once, however many tokens spell it
    tokens = [tokenize(s.text, spellings) for s in statements]
    vocab = Vocabulary()
    for toks in tokens:
        vocab.add(toks)

    headlines = [headline_like(s.text, toks) for s, toks in zip(statements, tokens)]

    def raw_names(i: int) -> list[Mention]:
        return extract(tokens[i], vocab, i, headline=headlines[i])

    # the first reading needs every statement's words counted (vocab), and nothing of the others' names
    entity_lexicon.load()
    mentions: list[list[Mention]] = split_map(raw_names, range(len(tokens)), NAMES_IN_TWO_FROM)
    known = _known_forms(mentions)  # running text's names: a headline's are all marked `headline`
    names = KnownNames.of(known)
    plain = {k[0] for k in known if "-" not in k[0]} | {k[0] for k in known if len(k) > 1}
    squashed = {squash(" ".join(k)) for k in known if not any("-" in w for w in k)}
    for i, toks in enumerate(tokens):
        raw = mentions[i]
        if not raw:
            continue
        starts = [t.start for t in toks]
        found = []
        for raw_m in raw:
            m_toks = mention_tokens(raw_m, toks, starts)
            for m in split_hyphens(raw_m, m_toks, plain, squashed):
                sub_toks = m_toks if m is raw_m else mention_tokens(m, toks, starts)
                found.extend(segment(m, sub_toks, names, vocab, headline=headlines[i] or m.headline))
        mentions[i] = [m for m in found if not m.fragile or squash(key(m.text)) in squashed]

    forget_spellings()
    forms = _forms(statements, mentions)
    groups = reconcile(forms, pinned, vocab.common)
    return _entities(statements, mentions, forms, groups, pinned, vocab.common)


def load_curated(path: Path) -> list[Curated]:
    """Read a curated alias file; a bad one raises CorpusError naming the file."""
    try:
        data = tomllib.loads(safe_io.read_regular(Path(path), safe_io.LISTING_LIMIT).decode("utf-8"))
    except safe_io.Refused as refused:
        raise CorpusError(f"{path}: {refused}") from None
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


def _known_forms(mentions: list[list[Mention]]) -> Counter:
    """Word sequences (lower-cased) seen as names in running text, with counts."""
    known: Counter = Counter()
    for ms in mentions:
        for m in ms:
            if not m.headline and not m.fragile:
                known[tuple(key(m.text).split())] += 1
    return known


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
            for kind, weight in m.priors.items():
                form.priors[kind] = max(form.priors[kind], weight)  # what the world knows, once per spelling
            if m.possessor:
                form.possessors[key(m.possessor)] += 1
            if m.role:
                form.roles[m.role] += 1
            if m.initial:
                form.initial += 1
            if m.attribution:
                form.attributions += 1
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


def _canonical(members: list[Form], curated: Curated | None, kind: Kind, trust: dict[str, float]) -> str:
    """The spelling most sources use; on a tie the one the wider world uses (wordfreq),
    then the one of sources that rarely stand alone in their spellings (a garbled
    translation does not decide), then the most used.

    The trust of a spelling's sources is summed exactly (`math.fsum`): added up in
    the order of a set of ids, which changes from run to run, two equal sums could
    differ in their last bit and the chosen name with them."""
    if curated is not None:
        return curated.name
    surfaces: Counter = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for form in members:
        for text, (count, srcs) in form.surfaces.items():
            surfaces[text] += count
            sources[text] |= srcs
    ranked = _ranked(surfaces, sources, trust)
    best = ranked[0]
    if kind is Kind.PERSON:
        # a person by full name ("Mark Zuckerberg"), not by the surname alone
        full = [t for t in ranked if " " in t and _well_formed(t)]
        if full:
            return full[0]
    # an acronym's expansion used by more than one source ("Electronic Data Systems" over "EDS")
    if best.replace(".", "").isupper() and " " not in best:
        spelled = [t for t in ranked if " " in t or "-" in t]
        spelled = [t for t in spelled if initials(key(t).split()) == key(best) and len(sources[t]) >= 2 and _well_formed(t)]
        if spelled:
            return spelled[0]
    # a fuller form used by more than one source ("Kestrel Terminals" over "Kestrel")
    # or qualified by where it is from, "San Diego Chargers" over "Chargers"
    longer = [
        t for t in surfaces
        if t != best and (key(t).startswith(key(best) + " ") or key(t).endswith(" " + key(best)))
        and len(sources[t]) >= 2 and _well_formed(t) and 10 * surfaces[t] >= 3 * surfaces[best]
    ]
    if longer:
        best = max(longer, key=lambda t: (len(sources[t]), surfaces[t], -len(t), t))
    return best


def _ranked(surfaces: Counter, sources: dict[str, set[str]], trust: dict[str, float]) -> list[str]:
    """The spellings best first: well formed, then by more sources, then by the wider world's
    usage, the trust of their sources, their count, and alphabetically.

    The world's usage is a word-list lookup per spelling (a few dozen microseconds each
    time it is new): asked only of spellings tied with another on the first two, since
    the rest never reach it (most names have one spelling, which needs no ranking)."""
    if len(surfaces) == 1:
        return list(surfaces)
    first = {t: (not _well_formed(t), -len(sources[t])) for t in surfaces}
    tied = Counter(first.values())

    def rank(t: str) -> tuple:
        if tied[first[t]] == 1:
            return first[t]  # alone in its place: the rest of its key is never compared
        return (*first[t], -world_spelling(t), -math.fsum(trust.get(s, 1.0) for s in sources[t]), -surfaces[t], t)

    return sorted(surfaces, key=rank)


def source_trust(groups: list[list[Form]]) -> dict[str, float]:
    """Per source, 1 / (1 + how often it spells a name unlike every other source that names it)."""
    lone: Counter = Counter()
    for members in groups:
        by_source: dict[str, set[str]] = defaultdict(set)
        for form in members:
            for text, (_, srcs) in form.surfaces.items():
                for src in srcs:
                    by_source[src].add(text)
        if len(by_source) < 2:
            continue
        users = Counter(text for texts in by_source.values() for text in texts)
        for src, texts in by_source.items():
            if all(users[text] == 1 for text in texts):
                lone[src] += 1
    return {src: 1 / (1 + n) for src, n in lone.items()}


def _kind(members: list[Form], curated: Curated | None, cues: Counter) -> Kind:
    if curated is not None and curated.kind is not None:
        return curated.kind
    return decide(cues, members)


def _keep(members: list[Form], curated: Curated | None, vocab_common) -> bool:
    """Repetition, a mid-sentence capital, or a strong cue: otherwise a sentence start."""
    if all(f.attributions == f.count for f in members):
        return False  # an outlet named only as the reporter belongs to the sources
    if curated is not None:
        return True
    count = sum(f.count for f in members)
    strong = max((w for f in members for w in f.cues.values()), default=0) >= 2
    form = members[0]
    if not strong and count < 2 and all(vocab_common(w) for f in members for w in f.words):
        return False  # "in Business": an ordinary word, capitalised once
    if len(members) == 1 and form.initial == form.count and " " not in form.key and not strong:
        # only ever a sentence start: "Shipping lines ...", "Leading ...", "Stocks fell ..."
        if re.search(r"(ing|ed|ly)$", form.key) or count < 2 or inflects_common_word(form.key):
            return False
    # "Northwind Traders said": two or more words none of which English uses on its own
    unusual = " " in form.key and not any(vocab_common(w) for w in form.words)
    return count >= 2 or form.initial == 0 or strong or unusual


def _entities(statements, mentions, forms: dict[str, Form], groups: Groups, pinned: list[Curated], vocab_common) -> Discovery:
    grouped: dict[str, list[Form]] = defaultdict(list)
    for k, form in forms.items():
        grouped[groups.find(k)].append(form)

    kept: dict[str, Curated | None] = {}
    for root, members in grouped.items():
        pin = groups.pin.get(root)
        cur = pinned[pin] if pin is not None else None
        if _keep(members, cur, vocab_common):
            kept[root] = cur
    root_of = {k: groups.find(k) for k in forms if groups.find(k) in kept}
    cues = {root: sum((f.evidence for f in grouped[root]), Counter()) for root in kept}  # evidence: cues + priors
    kinds = {root: _kind(grouped[root], cur, cues[root]) for root, cur in kept.items()}
    extra = company_kept([s.text for s in statements], mentions, root_of, kinds, key)
    for root, more in extra.items():
        if kept[root] is None or kept[root].kind is None:
            kinds[root] = _kind(grouped[root], kept[root], cues[root] + more)

    trust = source_trust([grouped[root] for root in kept])
    built: list[tuple[int, str, Kind, list[Alias], Counter]] = []  # the entity is made once its id is known
    for root, cur in kept.items():
        members = grouped[root]
        aliases = []
        for form in members:
            for text, (count, srcs) in form.surfaces.items():
                aliases.append(Alias(text=text, sources=sorted(srcs), count=count))
        aliases.sort(key=lambda a: (-a.count, a.text))
        roles: Counter = Counter()
        for form in members:
            roles.update(form.roles)
        total = sum(f.count for f in members)
        kind = kinds[root]
        built.append((total, _canonical(members, cur, kind, trust), kind, aliases, roles))

    # ids: slug of the name; a collision gets -2, -3 in order of mention count then name
    built.sort(key=lambda t: (-t[0], t[1], [a.text for a in t[3]]))
    used: set[str] = set()
    by_key: dict[str, str] = {}
    roles_by_id: dict[str, list[str]] = {}
    entities = []
    for _, name, kind, aliases, roles in built:
        base = slug(name)
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        entity = Entity(id=ident, name=name, kind=kind, aliases=aliases)
        for alias in entity.aliases:
            by_key[key(alias.text)] = ident
        roles_by_id[ident] = [r for r, _ in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))]
        entities.append(entity)

    for statement, ms in zip(statements, mentions):
        ids: list[str] = []
        for m in sorted(ms, key=_start):
            if m.attribution:
                continue  # "according to Reuters": the reporter, not an actor of the statement
            ident = by_key.get(key(m.text))
            if ident and ident not in ids:
                ids.append(ident)
        if ids or statement.entities:
            statement.set_derived("entities", ids)  # ids this loop made: validating each again on assignment tells nothing
    entities.sort(key=lambda e: e.id)
    return Discovery(entities, roles_by_id)
