"""What each source says about one event, and where the sources disagree.

Four kinds of disagreement: figures that play the same role but differ
("$14.3 billion" vs "$14 billion" invested), dates that cannot both be right,
spellings of one name, and whom a source credits for the news. Equivalent
figures ("tripled" and "up 200%") never count as a disagreement.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from scaletui.events.figures import is_approximate, same_figure
from scaletui.events.forked_half import split_map
from scaletui.events.model import Claim, Discrepancy, Entity, Event, Figure, Modifier, Source, Statement, TimeSpan

# The role a figure plays, read from the words right around it. General
# financial-news vocabulary: the first pattern that matches names the role.
_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("stake", re.compile(r"\b(stake|ownership|owns?|holding|equity|shares? in)\b", re.I)),
    ("valuation", re.compile(r"\b(valu\w+|worth|price tag|giving it a price)\b", re.I)),
    ("investment", re.compile(r"\b(invest\w*|injection|backed|backing|funding|financing)\b", re.I)),
    ("revenue", re.compile(r"\b(revenue|sales|turnover|income)\b", re.I)),
    ("spending", re.compile(r"\b(spen[dt]\w*|pa(?:y|id|ying)|fees?|contracts?|budget\w*)\b", re.I)),
    ("price", re.compile(r"\b(acqui\w+|bought|buy\w*|purchase\w*|sold|sell\w*|deal)\b", re.I)),
    ("growth", re.compile(r"\b(demand|inquir\w+|consultations?|business|orders?|growth|increase\w*|rose|jump\w*)\b", re.I)),
    ("age", re.compile(r"\byear-old|years old|aged\b", re.I)),
]
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|although)\b|;|\.\s|\s[–—]\s")
_PREVIOUS = re.compile(r"\b(previous|prior|earlier|before the|former|up from|from its|was)\b", re.I)

# An outlet's name: a capitalised word and at most six more. Bounded so that a
# run of thousands of capitalised words ("June June June ...") is not tried
# from every word to its end, which made one sentence take half a minute.
_NAME = r"(?:the |The )?[A-Z][\w&.'’-]*+(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*+){0,6}"
# Each with text it cannot match without (the first in lower case): most
# statements hold none of them and are not scanned at all.
_ATTRIBUTION = [
    ("ccord", re.compile(rf"\b(?i:according to) (?P<who>{_NAME})")),
    ("d by ", re.compile(rf"\b(?:cited|reported|first reported|quoted) by (?P<who>{_NAME})")),
    ("told ", re.compile(rf"\btold (?:to )?(?P<who>{_NAME})")),
    ("reported to ", re.compile(rf"\breported to (?P<who>{_NAME})")),
    (" report", re.compile(rf"(?P<who>\b{_NAME}) (?:reported|reports|first reported)\b")),
]
# Capitalised words that start a sentence or name no outlet.
_NOT_AN_OUTLET = frozenset(
    "sources source people insiders analysts officials it he she they we i this that the a an internal industry".split()
)


def compare_events(events: list[Event], entities: list[Entity], sources: list[Source]) -> None:
    """Fill `silent` and `discrepancies` of every event, indexing the corpus once.

    An event's figures are compared with those of the sentences that name it in
    passing too ("a $13.2 billion acquisition" against "for $13.9 billion"); its
    dates and names only among its own statements (a passing sentence is dated
    by the happening it tells).
    """
    corpus = _corpus_index(entities, sources)
    wanted = {mention for event in events for mention in event.mentions}
    by_id = {s.id: s for event in events for s in event.statements if s.id in wanted} if wanted else {}
    # Most of the cost, and few results: half of it worked out by a forked child (events.forked_half).
    found = split_map(
        lambda event: _discrepancies(event, corpus, [by_id[m] for m in event.mentions if m in by_id]), events, IN_TWO_FROM
    )
    for event, discrepancies in zip(events, found):
        _set_silent(event, corpus)
        event.discrepancies = discrepancies


# Events from which a forked child finds half of their discrepancies (events.forked_half.split_map):
# below it, starting the child costs about what it saves.
IN_TWO_FROM = 2_000


def compare_event(event: Event, entities: list[Entity], sources: list[Source]) -> None:
    """Fill `event.silent` and `event.discrepancies` in place."""
    corpus = _corpus_index(entities, sources)
    _set_silent(event, corpus)
    event.discrepancies = _discrepancies(event, corpus)


def silent_for_events(events: list[Event], entities: list[Entity], sources: list[Source]) -> list[list[str]]:
    """Each event's silent sources, exactly as `compare_events` fills them (a saved timeline derives them on load)."""
    silent = silent_finder(entities, sources)
    return [silent(event) for event in events]


def silent_finder(entities: list[Entity], sources: list[Source]) -> Callable[[Event], list[str]]:
    """An event's silent sources, as `compare_events` fills them, the corpus indexed once for many events."""
    corpus = _corpus_index(entities, sources)
    return lambda event: silent_sources(event, _present(event), corpus)


def _present(event: Event) -> set[str]:
    return set(event.sources) | {s.source for s in event.statements}


def _set_silent(event: Event, corpus: _CorpusIndex) -> None:
    # Set as derived: the ids are the corpus's own, and validating a list of
    # hundreds of them again on every event cost more than finding them.
    event.set_derived("silent", silent_sources(event, _present(event), corpus))


def _discrepancies(event: Event, corpus: _CorpusIndex, passing: list[Statement] = ()) -> list[Discrepancy]:
    source_rank = corpus.source_rank
    found: list[Discrepancy] = []
    found.extend(figure_discrepancies([*event.statements, *passing] if passing else event.statements, source_rank))
    found.extend(date_discrepancies(event.statements, source_rank))
    found.extend(name_discrepancies(event, corpus, source_rank))
    found.extend(attribution_discrepancies(event.statements, source_rank))
    return found


@dataclass
class _CorpusIndex:
    source_rank: dict[str, int]
    entities: dict[str, Entity]
    sources_naming: dict[str, set[str]]  # entity id -> sources that name it
    named_by: dict[str, set[str]]  # source id -> entities it names
    in_order: list[str]  # every source id once, in corpus order
    # entity id -> the spellings each source wrote, and those no source is given for; made
    # once per entity, not per event: a name written by hundreds of sources has as many aliases.
    spellings: dict[str, tuple[dict[str, list[str]], list[str]]] = field(default_factory=dict)
    stories: dict[str, list[str]] = field(default_factory=dict)  # source id -> story_of it

    def story_of(self, source: str) -> list[str]:
        """The sources naming someone `source` names, in corpus order (itself among them): those covering its
        story. Found once per source: most events naming nobody are one source's."""
        known = self.stories.get(source)
        if known is None:
            covering = set().union(*(self.sources_naming[entity_id] for entity_id in self.named_by.get(source, ())))
            rank = self.source_rank
            in_order = sorted(covering, key=rank.__getitem__) if covering <= rank.keys() else sorted(
                covering, key=lambda s: (rank.get(s, 10**9), s))
            known = self.stories[source] = in_order
        return known

    def spellings_of(self, entity: Entity) -> tuple[dict[str, list[str]], list[str]]:
        known = self.spellings.get(entity.id)
        if known is None:
            by_source: dict[str, list[str]] = defaultdict(list)
            unattributed = []
            for alias in entity.aliases:
                if not alias.sources:
                    unattributed.append(alias.text)
                for source in dict.fromkeys(alias.sources):
                    by_source[source].append(alias.text)
            known = self.spellings[entity.id] = (dict(by_source), unattributed)
        return known


def _corpus_index(entities: list[Entity], sources: list[Source]) -> _CorpusIndex:
    rank = {s.id: n for n, s in enumerate(sources)}
    in_order = sorted(rank, key=rank.__getitem__)
    naming = {e.id: {source for alias in e.aliases for source in alias.sources} for e in entities}
    named_by: dict[str, set[str]] = defaultdict(set)
    for entity_id, naming_sources in naming.items():
        for source in naming_sources:
            named_by[source].add(entity_id)
    return _CorpusIndex(
        source_rank=rank,
        entities={e.id: e for e in entities},
        sources_naming=naming,
        named_by=named_by,
        in_order=in_order,
    )


def silent_sources(event: Event, present: set[str], corpus: _CorpusIndex) -> list[str]:
    """The sources that cover the story this event belongs to but do not report the event.

    A source that names none of the event's entities is about something else (in a
    corpus mixing stories). An event that names nobody ("Analysts expect the shift to
    go on") belongs to the story its reporting sources tell: the sources covering it
    are those naming someone they name. Were it every source of the corpus, a folder
    of a thousand stories would list a thousand sources silent on each such event (a
    third of them), in memory and on screen. When the sources do not say whom they
    name, every source counts.
    """
    covering: set[str] = set()
    for entity_id in event.entities:
        covering |= corpus.sources_naming.get(entity_id, set())
    if not covering:
        stories = [corpus.story_of(source) for source in present]
        if len(stories) == 1 and stories[0]:
            return _without(stories[0], present)  # most such events: one source's, its story already in order
        covering = set().union(*stories)
    if not covering:
        # Every source but the reporting ones, already in order: with hundreds of
        # sources, sorting them again for every event was most of this stage.
        return _without(corpus.in_order, present)
    silent = covering - present
    if silent <= corpus.source_rank.keys():
        # Most of the corpus: picking them out of the ordered list beats sorting them.
        if 4 * len(silent) > len(corpus.in_order):
            return [s for s in corpus.in_order if s in silent]
        return sorted(silent, key=corpus.source_rank.__getitem__)
    return sorted(silent, key=lambda s: (corpus.source_rank.get(s, 10**9), s))


def _without(in_order: list[str], present: set[str]) -> list[str]:
    """`in_order` but the sources in `present`.

    An event is reported by a handful of sources: the whole list is copied and
    those few taken out (a copy and a few moves in C), rather than every source
    tested against them one by one.
    """
    if len(present) > _FEW_PRESENT:
        return [s for s in in_order if s not in present]
    out = list(in_order)
    for source in present:
        if source in out:
            out.remove(source)
    return out


_FEW_PRESENT = 32


# -- figures ------------------------------------------------------------------------------------------


def figure_role(statement_text: str, figure: Figure) -> str:
    """What the figure measures ("stake", "valuation", ...): the nearest role word in its own clause."""
    at = statement_text.find(figure.text)
    at = max(at, 0)
    before = statement_text[max(0, at - 60) : at]
    after = statement_text[at + len(figure.text) : at + len(figure.text) + 60]
    # Stay inside the figure's clause: "revenue ... $870 million, and Google spent" is not spending.
    before = _CLAUSE_BREAK.split(before)[-1]
    after = _CLAUSE_BREAK.split(after)[0]
    best: tuple[int, str] | None = None
    for name, pattern in _ROLES:
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, name)
        for match in pattern.finditer(after):
            distance = match.start()
            if best is None or distance < best[0]:
                best = (distance, name)
    role = best[1] if best else figure.kind
    if role in ("valuation", "stake") and _PREVIOUS.search(before[-25:] + " " + after[:25]):
        role = f"previous {role}"
    return role


def figure_discrepancies(statements: list[Statement], source_rank: dict[str, int]) -> list[Discrepancy]:
    # (kind, role, what a count counts) -> list of (figure, source)
    groups: dict[tuple[str, str, str], list[tuple[Figure, str]]] = defaultdict(list)
    for statement in statements:
        roles: dict[tuple[str, str], str] = {}  # a figure's role depends on its text alone: read it once
        for figure in statement.figures:
            if figure.kind == "count" and figure.unit in {"source", "people", "person"}:
                continue
            said = (figure.text, figure.kind)
            if said not in roles:
                roles[said] = figure_role(statement.text, figure)
            # "4 customers" and "4 antenna issues" count different things: no dispute between them.
            counted = figure.unit if figure.kind == "count" else ""
            groups[(figure.kind, roles[said], counted)].append((figure, statement.source))
    found = []
    for (_kind, role, _counted), items in sorted(groups.items()):
        values: list[tuple[Figure, set[str]]] = []  # one entry per distinct value
        # A figure like one already placed lands where it did: the values are
        # scanned once per distinct figure, not once per statement that gives it.
        placed: dict[tuple[str, str, float, str], int] = {}
        for figure, source in items:
            same = (figure.kind, figure.unit, figure.value, figure.text)
            if same not in placed:
                at = next((i for i, (known, _) in enumerate(values) if same_figure(known, figure)), len(values))
                if at == len(values):
                    values.append((figure, set()))
                placed[same] = at
            values[placed[same]][1].add(source)
        exact = [(f, s) for f, s in values if not _covers_others(f, values)]
        if len(exact) < 2:
            continue
        all_sources = set().union(*(s for _, s in exact))
        if len(all_sources) < 2 or all(s == all_sources for _, s in exact):
            continue  # one source, or every source gives every value: different quantities, no dispute
        claims = [Claim(value=show_figure(f), sources=_ordered(s, source_rank)) for f, s in exact]
        claims.sort(key=lambda c: (source_rank.get(c.sources[0], 10**6), c.value))
        found.append(Discrepancy(field="figure", topic=role, claims=claims))
    return found


def _covers_others(figure: Figure, values: list[tuple[Figure, set[str]]]) -> bool:
    # A hedged figure ("up to", "hundreds of millions") that some exact one
    # falls within is not a claim of its own.
    return is_approximate(figure) and any(other is not figure and same_figure(figure, other) for other, _ in values)


def plural(noun: str) -> str:
    """The plural of a counted noun, from lemminflect's dictionary ("suspect" -> "suspects", "child" -> "children")."""
    from lemminflect import getInflection  # here, not at the top: see _variant_spellings

    found = getInflection(noun, tag="NNS") if noun else ()
    return found[0] if found else noun


def show_figure(figure: Figure) -> str:
    value = figure.value
    match figure.kind:
        case "money":
            for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
                if abs(value) >= scale:
                    number = f"{value / scale:.3g}"
                    return f"{_currency(figure.unit)}{number} {word}".strip()
            return f"{_currency(figure.unit)}{value:,.0f}"
        case "percent":
            return f"{value:g}%"
        case "multiple":
            return f"x{value:g}"
        case "age":
            return f"{value:g} years old"
        case "count":
            # The unit is kept singular to compare ("suspect"); shown, a count reads as counted.
            return f"{value:,.0f} {figure.unit if value == 1 else plural(figure.unit)}".strip()
        case _:
            return f"{value:,.0f} {figure.unit}".strip()


def _currency(unit: str) -> str:
    return {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹", "": ""}.get(unit, f"{unit} ")


# -- dates --------------------------------------------------------------------------------------------


def date_discrepancies(statements: list[Statement], source_rank: dict[str, int]) -> list[Discrepancy]:
    """Sources that date the event at times that cannot both be right."""
    spans: list[tuple[TimeSpan, set[str]]] = []
    for statement in statements:
        span = statement.span
        if span.modifier not in (Modifier.NONE, Modifier.AROUND) or span.confidence < 0.5:
            continue
        for known, said_by in spans:
            if (known.start, known.end) == (span.start, span.end):
                said_by.add(statement.source)
                break
        else:
            spans.append((span, {statement.source}))
    clashing = [
        (span, said_by)
        for span, said_by in spans
        if any(other.end < span.start or other.start > span.end for other, _ in spans if other is not span)
    ]
    if len(clashing) < 2 or len(set().union(*(s for _, s in clashing))) < 2:
        return []
    claims = [Claim(value=span.label(), sources=_ordered(said_by, source_rank)) for span, said_by in clashing]
    return [Discrepancy(field="date", topic="when", claims=claims)]


# -- names --------------------------------------------------------------------------------------------


def name_discrepancies(event: Event, corpus: _CorpusIndex, source_rank: dict[str, int]) -> list[Discrepancy]:
    """One entity spelt differently by the sources of this event."""
    found = []
    for entity_id in event.entities:
        entity = corpus.entities.get(entity_id)
        if entity is None or len(entity.aliases) < 2:
            continue
        by_source, unattributed = corpus.spellings_of(entity)
        used: dict[str, set[str]] = defaultdict(set)  # alias -> sources that wrote it in this event
        for statement in event.statements:
            if entity_id not in statement.entities:
                continue
            for text in (*by_source.get(statement.source, ()), *unattributed):
                if _as_whole_words(text, statement.text):
                    used[text].add(statement.source)
        spellings = _variant_spellings(list(used))
        if len(spellings) < 2 or len(set().union(*(used[s] for s in spellings))) < 2:
            continue
        claims = [Claim(value=s, sources=_ordered(used[s], source_rank)) for s in spellings]
        claims.sort(key=lambda c: (source_rank.get(c.sources[0], 10**6), c.value))
        found.append(Discrepancy(field="name", topic=entity.name, claims=claims))
    return found


def _as_whole_words(words: str, text: str) -> bool:
    """Whether `words` occur in `text` not inside a longer word (what `(?<!\\w)words(?!\\w)` finds).

    Without a regular expression: compiling one per alias cost more than all the searching.
    """
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and _word_character(text[at - 1])) and not (end < len(text) and _word_character(text[end])):
            return True
        at = text.find(words, at + 1)
    return False


def _word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _variant_spellings(aliases: list[str]) -> list[str]:
    """The aliases that are misspellings of one another, not short forms ("Wang") or case changes."""
    longest = [a for a in aliases if not any(a != b and _short_form(a, b) for b in aliases)]
    distinct: dict[str, str] = {}
    for alias in longest:
        distinct.setdefault(alias.casefold(), alias)
    names = list(distinct.values())
    # Imported where used: opening a saved timeline imports this module only to derive silent
    # sources, and lemminflect (numpy) and rapidfuzz took a quarter of a second of that open.
    from rapidfuzz import fuzz

    variants = [a for a in names if any(a is not b and fuzz.ratio(a.casefold(), b.casefold()) >= 70 for b in names)]
    return sorted(variants)


def _short_form(short: str, long: str) -> bool:
    short_words, long_words = short.casefold().split(), long.casefold().split()
    return len(short_words) < len(long_words) and all(w in long_words for w in short_words)


# -- attribution --------------------------------------------------------------------------------------


def attributions(text: str) -> list[str]:
    """Whom the text credits for its news: "according to Reuters", "told Reuters", "cited by The Information"."""
    found = []
    lowered = text.lower()
    for number, (needed, pattern) in enumerate(_ATTRIBUTION):
        if needed not in (lowered if number == 0 else text):
            continue
        for match in pattern.finditer(text):
            who = match["who"].strip(" .,'’")
            if who.split()[0].casefold() in _NOT_AN_OUTLET and len(who.split()) == 1:
                continue
            if match.start("who") == 0 and number == len(_ATTRIBUTION) - 1 and len(who.split()) > 3:
                continue
            found.append(who)
    return list(dict.fromkeys(found))


def attribution_discrepancies(statements: list[Statement], source_rank: dict[str, int]) -> list[Discrepancy]:
    credited: dict[str, set[str]] = defaultdict(set)  # outlet as first written -> sources crediting it
    written: dict[str, str] = {}
    for statement in statements:
        for who in attributions(statement.text):
            key = re.sub(r"^the\s+", "", who, flags=re.I).casefold()
            credited[written.setdefault(key, who)].add(statement.source)
    if len(credited) < 2:
        return []
    if len(set().union(*credited.values())) < 2:
        return []  # one source credits two outlets: not a disagreement between sources
    claims = [Claim(value=who, sources=_ordered(said_by, source_rank)) for who, said_by in credited.items()]
    claims.sort(key=lambda c: (source_rank.get(c.sources[0], 10**6), c.value))
    return [Discrepancy(field="attribution", topic="reported by", claims=claims)]


def _ordered(source_ids: set[str], source_rank: dict[str, int]) -> list[str]:
    return sorted(source_ids, key=lambda s: (source_rank.get(s, 10**6), s))
