"""Statements from different sources that report the same happening become one event.

Method, in three steps that each cost about linear time in the number of statements:

1. Profile every statement: IDF-weighted content words (crudely stemmed), its
   entity ids, its figures and the calendar window its time span allows.
2. Candidate pairs come from an inverted index over blocking keys: rare words,
   figures, entity pairs and entity+figure pairs. A key shared by too many
   statements is not dropped (that would lose the best-reported events) but
   paired only with its neighbours in corpus order (sorted neighbourhood).
3. Pairs are scored (word cosine, entity cosine, shared figures, rapidfuzz
   token_set_ratio) and merged best-first into clusters, refusing a merge when
   the time windows cannot overlap, when two statements of one source would
   join without being near-duplicates, or when the clusters are not similar on
   average (no chaining through one loose link).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from events.compare import figure_role
from events.figures import figure_key, same_figure
from events.statements import has_finite_verb
from events.model import Entity, Event, Figure, Modifier, Precision, Source, Statement, TimeSpan
from events.titles import event_title
from events.words import content_lemmas, rarity

CROSS_SOURCE_THRESHOLD = 0.34  # a pair of statements from two sources this similar reports one happening
SAME_SOURCE_THRESHOLD = 0.62  # one source repeats itself only in near-duplicates (headline and body)
AVERAGE_LINK_THRESHOLD = 0.22  # two clusters merge only if alike on average, not through one link
BLOCK_LIMIT = 40  # a key shared by more statements pairs each only with its neighbours
NEIGHBOURS = 12
SCORE_CACHE_LIMIT = 100_000
RARE_WORDS_PER_STATEMENT = 8
AVERAGE_LINK_SAMPLE = 8
REPORTED_REACH_DAYS = 366
NEAR_FIGURE_RATIO = 0.85
BACKGROUND_WEIGHT = 0.4  # words only in a trailing appositive
DISTINCTIVE_SHARE = 0.34  # a figure+entity pairing found in at most this share of the entity's statements is distinctive  # figures this close may be one number rounded or misreported

_FAR_PAST = -(10**9)
_FAR_FUTURE = 10**9

_STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either else even ever every few for from
    further had has have having he her here hers him his how however i if in into is it its itself just least less
    like made make many may me might more most much must my neither no nor not now of off on once one only or other
    our out over own per same says said say she should since so some such than that the their them then there these
    they this those though through to too under until up upon us very via was we were what when where whether which
    while who whom whose why will with within without would yet you your according reportedly reported report reports
    told tell telling source sources familiar matter people person new including include includes included another
    well still already several recently now also according among around across toward towards amid
    thousand million billion trillion percent dollar dollars""".split()
)
_WORD = re.compile(r"[a-z][a-z0-9'’-]*[a-z0-9]|[a-z]")
# Outlets name one happening with different words. A small table of general
# business-news synonyms (after stemming), each group mapped to one word:
# never a corpus's own names or facts, only how the trade press words deals,
# exits, moves and refusals.
_SYNONYM_GROUPS = [
    ("acquire", "acquir acquisition buy bought purchas purchase takeover"),
    ("stake", "stake investment invest funding injection infusion"),
    ("sever", "sever cut terminat ditch"),
    ("tie", "tie ties relationship relation"),
    ("withdraw", "withdraw withdrawal pullout retreat exit"),
    ("rise", "rise rose jump soar surg climb"),
    ("fall", "fall fell plung slump tumbl"),
    ("valu", "valu valuation worth"),
    ("deal", "deal agreement pact accord"),
    ("declin", "declin refus"),
    ("announc", "announc unveil"),
    ("customer", "customer client"),
]
_APPOSITIVE_START = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
_SYNONYMS = {word: canonical for canonical, words in _SYNONYM_GROUPS for word in words.split()}
_CANONICAL = frozenset(canonical for canonical, _ in _SYNONYM_GROUPS)
_BOILERPLATE = re.compile(
    r"©|\ball rights reserved\b|\bdisclaimer\b|\bposted by\b|\brelated articles?\b|\brecommended\b|"
    r"\bsubscribe\b|\bnewsletter\b|\bsign up\b|\bclick here\b|\bcopy (?:article|link)|\btotal views\b|"
    r"\bnot (?:been )?edited by\b|\bauto-generated\b|\bsyndicated feed\b|\bread more\b|\bfollow us\b|"
    r"\bcookies?\b|\badvertisement\b|\bshare this\b|\bpast performance\b|\bfinancial advi[cs]",
    re.IGNORECASE,
)


def cluster_events(statements: list[Statement], entities: list[Entity], sources: list[Source]) -> list[Event]:
    """Group statements into events; every statement lands in exactly one event."""
    if not statements:
        return []
    source_rank = {source.id: number for number, source in enumerate(sources)}
    profiles = _profiles(statements, source_rank)
    scored = []
    for a, partners in _candidates(profiles):
        first = profiles[a]
        for b in partners:
            score = pair_score(first, profiles[b])
            if score >= CROSS_SOURCE_THRESHOLD:
                scored.append((score, a, b))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    clusters = _merge(profiles, scored)
    main_entities = _main_entities(statements, len(sources))
    events = [_event(profiles, members, source_rank, main_entities, len(sources)) for members in clusters]
    _disambiguate_ids(events)
    events.sort(key=lambda e: (e.span.start, e.span.end, e.id))
    return events


# -- profiles -----------------------------------------------------------------------------------------


@dataclass
class _Profile:
    index: int
    statement: Statement
    order: tuple[int, str, int]
    words: dict[str, float]  # content word -> idf weight
    word_norm: float
    entities: dict[str, float]  # entity id -> idf weight
    entity_norm: float
    figures: list[Figure]
    lo: int  # ordinals of the calendar window the statement's time allows
    hi: int
    dated: bool
    fuzzy_text: str
    actions: frozenset[str]  # canonical news verbs/nouns it uses ("stake", "sever", ...)
    distinctive: set[tuple[str, str, str]]  # (entity, figure, role) that few statements naming the entity share
    keys: list[tuple] = field(default_factory=list)


def content_words(text: str) -> list[str]:
    """The lemmas of the statement's content words (see `events.words`)."""
    return content_lemmas(text)


def main_clause(text: str) -> str:
    """The statement without its trailing appositives ("..., the startup recently backed by $14.3 billion").

    An appositive describes what the main clause names: background the outlet
    recalls, not the happening it reports, so it weighs less in the comparison.
    """
    chunks = text.split(", ")
    while len(chunks) > 1:
        last = chunks[-1]
        if not _APPOSITIVE_START.match(last) or has_finite_verb(last):
            break
        chunks.pop()
    return ", ".join(chunks)


def _profiles(statements: list[Statement], source_rank: dict[str, int]) -> list[_Profile]:
    mains = [main_clause(s.text) for s in statements]
    main_words = [set(content_words(m)) for m in mains]
    word_sets = [set(content_words(s.text)) for s in statements]
    kept_figures = [
        [f for f in s.figures if not _is_attribution_count(f) and (main == s.text or f.text in main)]
        for s, main in zip(statements, mains)
    ]
    # A figure is a word of its own: a rare one ("49%") says as much as a rare name.
    figure_tokens = [{_figure_token(f) for f in figures} for figures in kept_figures]
    word_df = Counter(w for words in word_sets for w in words)
    word_df.update(t for tokens in figure_tokens for t in tokens)
    entity_df = Counter(e for s in statements for e in set(s.entities))
    anchored = [_anchored_figures(s, figures) for s, figures in zip(statements, kept_figures)]
    anchored_df = Counter(k for keys in anchored for k in keys)
    total = len(statements)
    profiles = []
    for number, (statement, words, figures) in enumerate(zip(statements, word_sets, kept_figures)):
        weighted = {
            w: (math.log((1 + total) / word_df[w]) if w[0] == "#" else rarity(w))
            * (1.0 if w in main_words[number] or w[0] == "#" else BACKGROUND_WEIGHT)
            for w in words | figure_tokens[number]
        }
        entities = {e: math.log((1 + total) / entity_df[e]) + 0.1 for e in set(statement.entities)}
        lo, hi = time_window(statement.span)
        profiles.append(
            _Profile(
                index=number,
                statement=statement,
                order=(source_rank.get(statement.source, len(source_rank)), statement.source, statement.start),
                words=weighted,
                word_norm=math.sqrt(sum(v * v for v in weighted.values())),
                entities=entities,
                entity_norm=math.sqrt(sum(v * v for v in entities.values())),
                figures=figures,
                lo=lo,
                hi=hi,
                dated=statement.span.modifier is not Modifier.REPORTED and statement.span.confidence >= 0.4,
                fuzzy_text=" ".join(sorted(words)),
                actions=frozenset(words & _CANONICAL),
                distinctive={k for k in anchored[number] if anchored_df[k] <= DISTINCTIVE_SHARE * entity_df[k[0]]},
            )
        )
        profiles[-1].keys = _keys(profiles[-1], word_df)
    return profiles


def _figure_token(figure: Figure) -> str:
    kind, value = figure_key(figure)
    return f"#{kind}:{value:g}"


def _anchored_figures(statement: Statement, figures: list[Figure]) -> set[tuple[str, str, str]]:
    """(entity, figure, role) for every named entity and measured figure of the statement.

    The role ("stake", "valuation", ...) keeps "$200 million planned" apart from "$200 million revenue".
    """
    measured = {(_figure_token(f), figure_role(statement.text, f)) for f in figures if f.kind != "count"}
    return {(entity, token, role) for entity in set(statement.entities) for token, role in measured}


def _is_attribution_count(figure: Figure) -> bool:
    # "five sources said" counts the reporters' witnesses, not the happening.
    return figure.kind == "count" and figure.unit in {"source", "person", "people", "insider", "official"}


def time_window(span: TimeSpan) -> tuple[int, int]:
    """The ordinals between which the happening can lie, with slack for outlets that round."""
    start, end = span.start.toordinal(), span.end.toordinal()
    slack = 3 if span.precision in (Precision.DAY, Precision.WEEK) else 0
    if span.confidence < 0.4 and span.modifier is not Modifier.REPORTED:
        return _FAR_PAST, _FAR_FUTURE
    match span.modifier:
        case Modifier.REPORTED:
            # Undated news is recent news: what an article leaves undated happened
            # within about a year before it was published, not a decade before.
            return end - REPORTED_REACH_DAYS, end + slack
        case Modifier.BY:
            return _FAR_PAST, end + slack
        case Modifier.BEFORE:
            return _FAR_PAST, start + slack
        case Modifier.AFTER:
            return end - slack, _FAR_FUTURE
        case Modifier.SINCE:
            return start - slack, _FAR_FUTURE
        case Modifier.MORE_THAN | Modifier.LESS_THAN:
            return _FAR_PAST, _FAR_FUTURE
        case Modifier.AROUND:
            width = max(end - start, 7)
            return start - width, end + width
    if span.precision is Precision.APPROXIMATE:
        width = max(end - start, 30) // 2
        return start - width, end + width
    return start - slack, end + slack


def _keys(profile: _Profile, word_df: Counter) -> list[tuple]:
    keys: list[tuple] = []
    rare = sorted((w for w in profile.words if word_df[w] >= 2 and w[0] != "#"), key=lambda w: (word_df[w], w))
    keys.extend(("w", w) for w in rare[:RARE_WORDS_PER_STATEMENT])
    figure_keys = sorted({figure_key(f) for f in profile.figures})
    keys.extend(("f", k) for k in figure_keys)
    entity_ids = sorted(profile.entities, key=lambda e: (-profile.entities[e], e))[:4]
    keys.extend(("ee", a, b) for i, a in enumerate(entity_ids) for b in entity_ids[i + 1 :])
    keys.extend(("ef", e, k) for e in entity_ids[:2] for k in figure_keys)
    return keys


# -- candidates and scores ----------------------------------------------------------------------------


def _candidate_pairs(profiles: list[_Profile]) -> set[tuple[int, int]]:
    """Every candidate pair (a, b), a < b: for inspection; clustering streams them instead."""
    return {(a, b) for a, partners in _candidates(profiles) for b in partners}


def _candidates(profiles: list[_Profile]) -> Iterator[tuple[int, set[int]]]:
    """Statement by statement, the later statements it must be compared with.

    Streamed so that memory holds the postings and one statement's partners,
    never the set of all pairs.
    """
    postings: dict[tuple, list[int]] = defaultdict(list)
    for profile in profiles:
        for key in profile.keys:
            postings[key].append(profile.index)
    # Too common to pair all-with-all: a crowded key pairs each statement with
    # its neighbours in time, then source order.
    position: dict[tuple, dict[int, int]] = {}
    for key, members in postings.items():
        if len(members) > BLOCK_LIMIT:
            members.sort(key=lambda m: (profiles[m].hi, profiles[m].order))
            position[key] = {m: i for i, m in enumerate(members)}
    for profile in profiles:
        partners: set[int] = set()
        for key in profile.keys:
            members = postings[key]
            if len(members) < 2:
                continue
            if key in position:
                at = position[key][profile.index]
                partners.update(members[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1])
            else:
                partners.update(members)
        yield profile.index, {b for b in partners if b > profile.index}


def compatible_windows(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1])


def pair_score(a: _Profile, b: _Profile) -> float:
    """How strongly two statements look like reports of one happening: 0 (no) to about 1."""
    if not compatible_windows((a.lo, a.hi), (b.lo, b.hi)):
        return 0.0
    words = _cosine(a.words, a.word_norm, b.words, b.word_norm)
    entities = _cosine(a.entities, a.entity_norm, b.entities, b.entity_norm)
    shared = [f for f in a.figures if any(same_figure(f, g) for g in b.figures)]
    fuzzy = fuzz.token_set_ratio(a.fuzzy_text, b.fuzzy_text) / 100 if a.fuzzy_text and b.fuzzy_text else 0.0
    score = 0.5 * words + 0.2 * entities + 0.1 * fuzzy
    if a.entities and b.entities and not entities:
        score -= 0.15  # both name who acted, and no one in common
    if shared:
        score += 0.2 if any(f.kind != "count" for f in shared) else 0.1
        if a.statement.source != b.statement.source and a.distinctive & b.distinctive:
            score += 0.1  # two outlets give one entity the same distinctive figure in the same role
    elif _near_figures(a.figures, b.figures):
        score += 0.1  # "$1.15 billion" vs "$1.2 billion": likely one figure, reported differently
    elif _clashing_figures(a.figures, b.figures):
        score -= 0.1
    if a.actions & b.actions and len(a.entities.keys() & b.entities.keys()) >= 2:
        score += 0.1  # the same kind of act between the same parties: who did what to whom
    if a.dated and b.dated:
        score += 0.05  # both pin a time and the times agree
    return max(score, 0.0)


def _near_figures(a: list[Figure], b: list[Figure]) -> bool:
    for f in a:
        for g in b:
            if f.kind == g.kind != "count" and (not f.unit or not g.unit or f.unit == g.unit):
                low, high = sorted((abs(f.value), abs(g.value)))
                if high and low / high >= NEAR_FIGURE_RATIO:
                    return True
    return False


def _clashing_figures(a: list[Figure], b: list[Figure]) -> bool:
    kinds = {f.kind for f in a} & {f.kind for f in b}
    return bool(kinds - {"count"})


def _cosine(a: dict[str, float], a_norm: float, b: dict[str, float], b_norm: float) -> float:
    if not a_norm or not b_norm:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b[key] for key, weight in a.items() if key in b) / (a_norm * b_norm)


# -- merging ------------------------------------------------------------------------------------------


@dataclass
class _Cluster:
    members: list[int]
    lo: int
    hi: int
    by_source: dict[str, list[int]]


def _merge(profiles: list[_Profile], scored: Iterable[tuple[float, int, int]]) -> list[list[int]]:
    parent = list(range(len(profiles)))
    cache: dict[tuple[int, int], float] = {}

    def score(x: int, y: int) -> float:
        key = (x, y) if x < y else (y, x)
        if key not in cache:
            if len(cache) >= SCORE_CACHE_LIMIT:
                cache.clear()  # bounded: merges revisit recent pairs, rarely old ones
            cache[key] = pair_score(profiles[key[0]], profiles[key[1]])
        return cache[key]
    clusters = {
        p.index: _Cluster([p.index], p.lo, p.hi, {p.statement.source: [p.index]})
        for p in profiles
    }

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _score, a, b in scored:
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            continue
        first, second = clusters[root_a], clusters[root_b]
        if not _may_merge(score, first, second):
            continue
        if len(first.members) < len(second.members):
            root_a, root_b, first, second = root_b, root_a, second, first
        parent[root_b] = root_a
        first.members.extend(second.members)
        first.lo, first.hi = max(first.lo, second.lo), min(first.hi, second.hi)
        for source, members in second.by_source.items():
            first.by_source.setdefault(source, []).extend(members)
        del clusters[root_b]
    return _join_same_happening(profiles, list(clusters.values()))


def _signature(profiles: list[_Profile], cluster: _Cluster) -> tuple | None:
    """Who did what to whom, as the cluster's sources agree: its two main entities and its act.

    None unless at least two sources report the cluster and most of them name
    both entities and the act.
    """
    if len(cluster.by_source) < 2:
        return None
    entity_sources: dict[str, set[str]] = defaultdict(set)
    action_sources: dict[str, set[str]] = defaultdict(set)
    for member in cluster.members:
        profile = profiles[member]
        for entity in profile.entities:
            entity_sources[entity].add(profile.statement.source)
        for action in profile.actions:
            action_sources[action].add(profile.statement.source)
    needed = len(cluster.by_source) / 2
    entities = sorted((e for e, s in entity_sources.items() if len(s) >= needed), key=lambda e: (-len(entity_sources[e]), e))
    actions = sorted((a for a, s in action_sources.items() if len(s) >= needed), key=lambda a: (-len(action_sources[a]), a))
    if len(entities) < 2 or not actions:
        return None
    return frozenset(entities[:2]), actions[0]


def _join_same_happening(profiles: list[_Profile], clusters: list[_Cluster]) -> list[list[int]]:
    """Join events that several outlets each report, about the same act between the same parties.

    One outlet often tells its main happening twice in different words (headline
    and body): "a $14.3 billion investment" and "a 49% stake". Statement by
    statement the two tellings share too little to pass the same-source guard,
    but as events they agree on who did what to whom, at compatible times.
    """
    by_signature: dict[tuple, list[_Cluster]] = defaultdict(list)
    kept: list[_Cluster] = []
    for cluster in clusters:
        signature = _signature(profiles, cluster)
        if signature is None:
            kept.append(cluster)
        else:
            by_signature[signature].append(cluster)
    for group in by_signature.values():
        group.sort(key=lambda c: (-len(c.by_source), min(profiles[m].order for m in c.members)))
        joined: list[_Cluster] = []
        for cluster in group:
            into = next((j for j in joined if compatible_windows((j.lo, j.hi), (cluster.lo, cluster.hi))), None)
            if into is None:
                joined.append(cluster)
                continue
            into.members.extend(cluster.members)
            into.lo, into.hi = max(into.lo, cluster.lo), min(into.hi, cluster.hi)
            for source, members in cluster.by_source.items():
                into.by_source.setdefault(source, []).extend(members)
        kept.extend(joined)
    return [sorted(c.members) for c in kept]


def _may_merge(score: Callable[[int, int], float], a: _Cluster, b: _Cluster) -> bool:
    if not compatible_windows((a.lo, a.hi), (b.lo, b.hi)):
        return False
    for source in a.by_source.keys() & b.by_source.keys():
        for x in a.by_source[source][:AVERAGE_LINK_SAMPLE]:
            for y in b.by_source[source][:AVERAGE_LINK_SAMPLE]:
                if score(x, y) < SAME_SOURCE_THRESHOLD:
                    return False
    left, right = a.members[:AVERAGE_LINK_SAMPLE], b.members[:AVERAGE_LINK_SAMPLE]
    if len(left) * len(right) == 1:
        return True
    average = sum(score(x, y) for x in left for y in right) / (len(left) * len(right))
    return average >= AVERAGE_LINK_THRESHOLD


# -- events -------------------------------------------------------------------------------------------


def _main_entities(statements: list[Statement], source_count: int) -> set[str]:
    """The entities the story is about: named by many of the sources."""
    sources_by_entity: dict[str, set[str]] = defaultdict(set)
    for statement in statements:
        for entity in statement.entities:
            sources_by_entity[entity].add(statement.source)
    if not sources_by_entity:
        return set()
    needed = max(2, math.ceil(0.4 * source_count)) if source_count > 1 else 1
    main = {e for e, used in sources_by_entity.items() if len(used) >= needed}
    if not main:
        top = max(len(used) for used in sources_by_entity.values())
        main = {e for e, used in sources_by_entity.items() if len(used) == top}
    return main


def _event(
    profiles: list[_Profile],
    members: list[int],
    source_rank: dict[str, int],
    main_entities: set[str],
    source_count: int,
) -> Event:
    ordered = sorted(members, key=lambda m: profiles[m].order)
    statements = [profiles[m].statement for m in ordered]
    anchor = min(statements, key=lambda s: (s.source, s.start))
    entity_counts = Counter(e for s in statements for e in dict.fromkeys(s.entities))
    entities = [e for e, _ in sorted(entity_counts.items(), key=lambda item: (-item[1], item[0]))]
    sources = sorted({s.source for s in statements}, key=lambda s: (source_rank.get(s, len(source_rank)), s))
    return Event(
        id=event_id(anchor),
        title=event_title(statements),
        span=event_span(statements),
        confidence=event_confidence(statements, entities, sources, main_entities, source_count),
        entities=entities,
        sources=sources,
        statements=statements,
    )


def event_id(anchor: Statement) -> str:
    """Stable across runs and across edits elsewhere: a hash of the anchor statement's source and words."""
    normalised = " ".join(re.findall(r"[a-z0-9]+", anchor.text.lower()))
    digest = hashlib.sha1(f"{anchor.source}|{normalised}".encode()).hexdigest()
    return f"ev-{digest[:10]}"


def _disambiguate_ids(events: list[Event]) -> None:
    # Two events anchored on the same words of one source (a repeated line): number
    # the later ones by position so that each id stays unique and still stable.
    by_id: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_id[event.id].append(event)
    for same in by_id.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda e: min((s.source, s.start) for s in e.statements))
        for number, event in enumerate(same[1:], start=2):
            event.id = f"{event.id}-{number}"


def event_span(statements: list[Statement]) -> TimeSpan:
    """The most precise trustworthy span the statements give; a "reported by" bound only when none dates it."""
    dated = [s.span for s in statements if s.span.modifier not in (Modifier.REPORTED, Modifier.UNDATED)]
    trusted = [span for span in dated if span.confidence >= 0.5] or dated
    trusted = _corroborated(statements, trusted)
    if trusted:
        votes = Counter((span.start, span.end) for span in trusted)
        return min(
            trusted,
            key=lambda span: (
                span.precision.rank,
                span.modifier is not Modifier.NONE,
                -votes[(span.start, span.end)],
                -span.confidence,
                span.start,
            ),
        )
    reported = [s.span for s in statements if s.span.modifier is Modifier.REPORTED] or [s.span for s in statements]
    return min(reported, key=lambda span: (span.end, -span.confidence))


def _corroborated(statements: list[Statement], spans: list[TimeSpan]) -> list[TimeSpan]:
    """Drop a date that one source gives long before everyone else reports the event.

    Such a date usually belongs to another fact in the same sentence ("founded in
    2016 and valued at $29 billion after the deal"); the others leave it undated.
    """
    sources = {s.source for s in statements}
    undated_sources = sources - {s.source for s in statements if s.span.modifier is not Modifier.REPORTED}
    if len(undated_sources) < 2 or len(undated_sources) * 2 < len(sources):
        return spans
    first_report = min((s.span.end for s in statements if s.span.modifier is Modifier.REPORTED), default=None)
    if first_report is None:
        return spans
    dating_sources: dict[tuple[date, date], set[str]] = defaultdict(set)
    for statement in statements:
        if statement.span.modifier is not Modifier.REPORTED:
            dating_sources[(statement.span.start, statement.span.end)].add(statement.source)
    return [
        span
        for span in spans
        if len(dating_sources[(span.start, span.end)]) >= 2 or (first_report - span.end).days <= 366
    ]


def event_confidence(
    statements: list[Statement],
    entities: list[str],
    sources: list[str],
    main_entities: set[str],
    source_count: int,
) -> float:
    """High for a happening several sources date and name; low for noise."""
    if all(_BOILERPLATE.search(s.text) for s in statements):
        return 0.05
    confidence = 0.35 + 0.6 * (len(sources) - 1) / max(source_count - 1, 1) if source_count > 1 else 0.6
    if any(s.span.modifier is not Modifier.REPORTED for s in statements):
        confidence += 0.1
    if any(s.figures for s in statements):
        confidence += 0.05
    if not entities:
        # Opinion filler or a stray line: nothing the story is about is named.
        confidence *= 0.3 if len(sources) == 1 else 0.6
    elif main_entities and not set(entities) & main_entities:
        confidence *= 0.35  # names only things the rest of the corpus never mentions: off-topic
    if len(sources) == 1 and all(len(content_words(s.text)) < 5 for s in statements):
        confidence *= 0.5
    return round(min(max(confidence, 0.0), 1.0), 2)
