"""Passing mentions: a sentence about one happening that names another by its noun.

"Industry analysts say they believe that Hewlett-Packard's forthcoming $13.9
billion acquisition of Electronic Data Systems ..." tells what analysts think;
the acquisition it names is another event, which other outlets report in
sentences of their own ("HP will acquire EDS"). The outlet that wrote it is not
silent on the acquisition: it mentions it in passing. Such a sentence stays in its
own event and is listed among the other event's `mentions`, so that event counts
the outlet among its sources and the comparison shows what it said.

A mention needs three things, so that a word in common is not enough:
- the event's act named by a noun derived from it ("acquisition", "investment",
  "resignation": a noun that is no verb form and no doer, written in lower case),
  where the event's own statements tell that act as a verb and use its family at
  least twice (as verb or noun), and the sentence does not use it as its own verb;
- both of the event's main participants (the two entities most of its outlets
  name) named in the sentence;
- an event reported by two outlets or more, the most widely reported of those
  the noun could name, which the sentence's outlet does not report itself.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Mapping
from functools import lru_cache

from lemminflect import getAllLemmas

from scaletui.events.model import Event, Statement
from scaletui.events.store import sources_in_order
from scaletui.events.similarity import main_clause
from scaletui.events.words import action_lemmas, family, lemma, rarity

_Acts = Callable[[Statement], set[str]]

# How many of an event's most-named entities a sentence must name to mention it.
PARTICIPANTS = 2
# An event's act families are those its statements use at least this often.
ACT_USES = 2


def add_passing_mentions(
    events: list[Event], source_order: dict[str, int], known_acts: Mapping[str, str] | None = None
) -> None:
    """Fill each event's `mentions` (and count their outlets among its `sources`).

    `known_acts`: statement id -> its main clause's acts, space-separated, where the
    per-article work already read them (`StatementFeatures.actions`); others are read here.
    """

    read: dict[str, set[str]] = {}  # a reported event's statement is asked about again as a mention
    known = known_acts or {}

    def acts_of(statement: Statement) -> set[str]:
        acts = read.get(statement.id)
        if acts is None:
            verbs = known[statement.id].split() if statement.id in known else action_lemmas(main_clause(statement.claim))
            acts = read[statement.id] = {family(verb) for verb in verbs}
        return acts

    reported = [event for event in events if len(set(event.sources)) >= 2]
    by_family: dict[str, list[tuple[Event, frozenset[str]]]] = defaultdict(list)
    for event in reported:
        participants = _participants(event)
        if len(participants) < PARTICIPANTS:
            continue
        for act in _act_families(event, acts_of):
            by_family[act].append((event, participants))
    if not by_family:
        return
    found: dict[str, list[Statement]] = defaultdict(list)
    for home in events:
        for statement in home.statements:
            event = _mentioned(statement, home, by_family, acts_of)
            if event is not None:
                found[event.id].append(statement)
    for event in events:
        mentioning = found.get(event.id)
        if mentioning:
            mentioning.sort(key=lambda s: (source_order.get(s.source, len(source_order)), s.start, s.id))
            event.mentions = list(dict.fromkeys([*event.mentions, *(statement.id for statement in mentioning)]))
            event.sources = sources_in_order(event, source_order)


def _mentioned(
    statement: Statement, home: Event, by_family: dict[str, list[tuple[Event, frozenset[str]]]], acts_of: _Acts
) -> Event | None:
    """The event the statement names in passing, if any.

    A noun names the most widely reported happening of its kind between those
    participants ("the investment": the story's investment, not a side event that
    also speaks of it); a statement of that event, or of an outlet that reports
    it, mentions nothing new.
    """
    if len(statement.entities) < PARTICIPANTS:
        return None
    nouns = _derived_nouns(statement.claim, by_family)
    if not nouns:
        return None
    own = acts_of(statement)
    named = set(statement.entities)
    best: Event | None = None
    for noun_family in nouns:
        if noun_family in own:
            continue
        for event, participants in by_family[noun_family]:
            if not participants <= named:
                continue
            if best is None or (len(event.sources), len(event.statements)) > (len(best.sources), len(best.statements)):
                best = event
    if best is None or best is home or statement.source in best.sources:
        return None
    return best


def _participants(event: Event) -> frozenset[str]:
    """The entities most of the event's outlets name: who the happening is between."""
    outlets: dict[str, set[str]] = defaultdict(set)
    for statement in event.statements:
        for entity in statement.entities:
            outlets[entity].add(statement.source)
    named = sorted(outlets.items(), key=lambda item: (-len(item[1]), item[0]))
    top = [entity for entity, by in named[:PARTICIPANTS] if len(by) >= 2]
    return frozenset(top) if len(top) == PARTICIPANTS else frozenset()


def _act_families(event: Event, acts_of: _Acts) -> set[str]:
    """The families of the acts the event's statements tell as verbs, told at least ACT_USES times as verbs or nouns."""
    acts = [acts_of(statement) for statement in event.statements]
    told = set().union(*acts)
    uses: Counter[str] = Counter()
    for statement, own in zip(event.statements, acts):
        uses.update(own | _derived_nouns(statement.claim, told))
    return {act for act, count in uses.items() if count >= ACT_USES and act in told}


def _derived_nouns(text: str, wanted: Container[str] | None = None) -> set[str]:
    """Families of the nouns in the text that are no verb form ("investment", not "deal" or "murder").

    Only words written in lower case: a capitalised word mid-sentence is part of
    a name ("Internet Explorer" names no exploring). `wanted`: only these families.
    """
    found = set()
    for word in _LOWER_CASE_WORD.findall(text):
        # a noun's plural keeps its first letters: most words are passed over before the dictionary is asked
        if (wanted is None or family(word) in wanted) and _derived_noun(word):
            found.add(family(lemma(word)))
    return found


_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
# The doer of an act, not the act: "reporter", "investor", "analyst", "participant".
_AGENT_ENDINGS = ("er", "or", "ist", "ant")


@lru_cache(maxsize=50_000)
def _derived_noun(word: str) -> bool:
    lemmas = getAllLemmas(word)
    base = lemma(word)
    return "NOUN" in lemmas and "VERB" not in lemmas and not base.endswith(_AGENT_ENDINGS) and rarity(base) > 0.0
