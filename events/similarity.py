"""How alike two statements are as reports of one happening.

A statement is profiled as a weighted bag of what a happening is made of:

- its words as lemmas, weighted by how rare they are in English at large
  (`events.words`), so that the action ("steal", "oust") and the things acted
  on ("diamond", "stake") count and the reporting frame does not;
- its participants: every reconciled entity is one token, so "Alexandr Wang"
  and "Alexandra Wang" match even where the spellings differ; the words of
  those names are not counted again as words, where they would weigh as much
  in every statement naming the story's central figure as its acts do;
- its figures, each a token of kind and value ("$14.3 billion" and "14.3
  billion dollars" are one), weighted by how rare the value is in the corpus;
- its time, as the calendar window it allows: statements whose windows cannot
  overlap never match.

Similarity is the cosine of two profiles, lowered when both give figures of one
kind that disagree beyond rounding. Words of a trailing appositive ("..., the
startup founded in 2016") describe rather than report and weigh less.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import mul
from typing import NamedTuple

from scaletui.events.figures import figure_key, same_figure
from scaletui.events.model import Entity, Figure, Modifier, Precision, Statement, TimeSpan
from scaletui.events.statements import dates_a_thing, has_finite_verb, reported_span
from scaletui.events.timex import tag
from scaletui.events.words import (
    action_lemmas,
    compound_heads,
    content_lemmas,
    family,
    lemma,
    past_form,
    plain_numbers,
    rarity,
    tokens,
)

ENTITY_WEIGHT = 2.5  # a named participant counts like a fairly rare word, whatever its spelling in each outlet
ACTION_WEIGHT = 1.6  # a verb of the main clause is the happening's act: it weighs more than its setting
MIN_ENTITY_SHARE_WEIGHT = 0.25
BACKGROUND_WEIGHT = 0.4  # words only in a trailing appositive
NUMBER_WEIGHT = 0.6  # a bare number ("10 dead", "magnitude 5.9") shared: less telling than a figure with its unit
FIGURE_CLASH_FACTOR = 0.6
NEAR_FIGURE_RATIO = 0.85  # figures this close may be one number rounded or misreported
SHARED_COUNTS = 2  # counts two reports must share to measure one happening (one in common is often chance)
SAYING_REACH_DAYS = 31  # "said Thursday that ...": what was said is recent news
GIVEN_DAY_SLACK = 1  # days two reports' days may lie apart when each is read against a given publication day
REPORTED_REACH_DAYS = 120  # follow-up coverage tells an undated happening weeks or months on
BLOCK_LIMIT = 40  # a key shared by more statements pairs each only with its neighbours
NEIGHBOURS = 12
KEYS_PER_STATEMENT = 10
MIN_KEY_RARITY = 1.5  # a word rarer than this in English (zipf below 4.5) can bring two statements together

_FAR_PAST = -(10**9)
_FAR_FUTURE = 10**9
_APPOSITIVE_START = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
_ATTRIBUTION_UNITS = frozenset({"source", "person", "people", "insider", "official"})


@dataclass(slots=True)  # one per statement: tens of thousands at scale
class Profile:
    index: int
    statement: Statement
    order: tuple[int, str, int]  # corpus order: source rank, source, offset
    vector: dict[str, float]  # token -> weight, unit length
    figures: list[Figure]
    # The window the statement's time allows: calendar ordinals (lo, hi), then, for an
    # undated article, days from its unknown publication day (see relative_window).
    window: tuple[int, int, int, int]
    lead: bool  # the headline or opening of its article
    actions: frozenset[str]  # its main clause's verbs, as derivational families: what happened
    lemmas: frozenset[str]  # every content lemma likewise that is some statement's act, to meet the other's act as verb or noun
    keys: tuple[str, ...] = ()  # blocking keys (see _keys); dropped once candidate pairs are found
    content_words: int = 0  # how many content words its text has (events.words.content_lemmas)
    subjects: frozenset[str] = frozenset()  # entities named before its act
    objects: frozenset[str] = frozenset()  # entities named after it


def main_clause(text: str) -> str:
    """The statement without what hangs on its main clause: trailing appositives ("..., the
    startup recently backed by $14.3 billion") and trailing dependent clauses ("... after the
    news that X is taking a stake", "..., prompting Y to ...", "..., which ...").

    Those describe the setting or a consequence, not the happening the clause
    reports, so their words weigh less in the comparison.
    """
    cut = _DEPENDENT.search(text)
    if cut and len(text[: cut.start()].split()) >= _MIN_MAIN_WORDS:
        text = text[: cut.start()]
    chunks = text.split(", ")
    while len(chunks) > 1:
        last = chunks[-1]
        if not _APPOSITIVE_START.match(last) or has_finite_verb(last):
            break
        chunks.pop()
    return ", ".join(chunks)


_DEPENDENT = re.compile(
    r",\s+(?:which|who|prompting|triggering|sparking|causing|forcing|leading|sending|giving|making|bringing)\b|"
    r"\s(?:after|following|because|as part of|amid|ahead of)\s",
    re.IGNORECASE,
)
_MIN_MAIN_WORDS = 5


class StatementFeatures(NamedTuple):
    """What grouping reads of a statement that depends on the statement alone (its text, time and span).

    Worked out with the rest of its article's work (in a worker process, and
    kept in the article cache), so grouping a large corpus does not redo it.
    Lemmas are space-separated in one string: a few objects a statement, not dozens.
    """

    main_length: int  # the main clause is the text's first this many characters
    main_words: str  # content lemmas of the main clause, in order
    words: str  # content lemmas of the whole text, in order
    actions: str  # the main clause's acts
    act_at: int  # where the main clause's first act word starts; -1: none
    numbers: list[float]  # plain numbers outside the time expression
    window: tuple[int, int, int, int]  # calendar window, then the window relative to an undated article's day


def statement_features(statement: Statement) -> StatementFeatures | None:
    """The statement's own part of its profile; None where a lemma would not survive the joining."""
    main, main_words, words, actions, act_at, numbers, window = _own_part(statement)
    lemmas = (main_words, words, actions)
    # A lemma holding a space is a space in the lemmas run together: one look per list, not per lemma.
    if any(not all(found) or " " in "".join(found) for found in lemmas):
        return None
    return StatementFeatures(len(main), *(" ".join(found) for found in lemmas), act_at, numbers, window)


def _own_part(statement: Statement) -> tuple:
    """The statement's main clause, its lemmas and acts, where its first act stands, its numbers and windows."""
    claim = statement.claim
    main = main_clause(claim)
    actions = action_lemmas(main)
    return (
        main,
        content_lemmas(main),
        content_lemmas(claim),
        actions,
        _first_act_at(main, actions),
        list(plain_numbers(_without_time(statement))),
        _ANYWHEN if dates_a_thing(statement) else (*time_window(_reported_by_saying(statement)), *relative_window(statement)),
    )


def profiles_of(
    statements: list[Statement],
    source_rank: dict[str, int],
    leads: set[str],
    entities: list[Entity] = (),
    features: list[StatementFeatures | None] | None = None,
    days_given: frozenset[str] = frozenset(),
) -> list[Profile]:
    """One profile per statement, in the order given; `features`, where given, are the statements'
    own (`statement_features`, in the same order), else worked out here. Each is taken out of the
    list as it is read (the list is left all None).

    `days_given`: the sources whose publication day is given, not estimated: a
    day their statements name is that day, and what they tell without a date is
    no later than the day after it (`time_window`'s `given_day`).

    The words of the names a statement's entities go by are left to the entity
    tokens: as words they would count at full weight however many statements
    name them ("Comeaux" in every report of a story would outweigh its acts).
    """
    if features is None or len(features) != len(statements):
        features = [None] * len(statements)
    alias_texts = {e.id: e.spellings for e in entities}
    name_words = {e: {w for text in texts for w in content_lemmas(text)} for e, texts in alias_texts.items()}
    kept_figures = []
    mains = []
    main_words = []
    all_words = []
    actions = []
    acts_at = []
    word_counts = []
    numbers = []
    windows = []
    for number, statement in enumerate(statements):
        own = features[number]
        features[number] = None  # read once: let go here rather than held through all of grouping
        if own is None:
            main, found_main, found_all, acts, act_at, values, window = _own_part(statement)
        else:
            main = statement.claim[: own.main_length]
            found_main, found_all, acts = _split(own.main_words), _split(own.words), set(_split(own.actions))
            act_at, values, window = own.act_at, own.numbers, own.window
        named = set().union(*(name_words.get(e, set()) for e in statement.entities))
        mains.append(main)
        main_words.append(set(found_main) - named)
        actions.append(acts)
        acts_at.append(act_at)
        all_words.append(set(found_all) - named)
        word_counts.append(len(found_all))
        kept_figures.append(
            [f for f in statement.figures if not _is_attribution_count(f) and (main == statement.claim or f.text in main)]
        )
        numbers.append({sys.intern(f"#n:{value:g}") for value in values})
        if statement.source in days_given and window != _ANYWHEN and (
            not statement.time_text or _NAMES_A_DAY.search(statement.time_text)
        ):
            window = (*time_window(_reported_by_saying(statement), given_day=True), *window[2:])
        windows.append(window)
    heads = compound_heads({w for words in all_words for w in words})
    if heads:
        for words in (*all_words, *main_words):  # in place: a copy of every statement's words is what grouping holds most of
            found = [w for w in words if w in heads]
            words.difference_update(found)
            words.update(heads[w] for w in found)
    number_df = Counter(token for tokens in numbers for token in tokens)
    figure_df = Counter(t for figures in kept_figures for t in {figure_token(f) for f in figures})
    word_df = Counter(w for words in all_words for w in words)
    entity_df = Counter(e for s in statements for e in set(s.entities))
    total = len(statements)
    profiles = []
    for number, statement in enumerate(statements):
        vector: dict[str, float] = {}
        in_main, its_acts = main_words[number], actions[number]
        for word in all_words[number]:
            weight = (1.0 + rarity(word)) * (1.0 if word in in_main else BACKGROUND_WEIGHT)
            vector[word] = weight * (ACTION_WEIGHT if word in its_acts else 1.0)
        for entity in set(statement.entities):
            # Named everywhere in the corpus, a participant tells its happenings apart no more than a common word.
            vector[sys.intern(f"@{entity}")] = ENTITY_WEIGHT * max(MIN_ENTITY_SHARE_WEIGHT, 1.0 - entity_df[entity] / total)
        for token in {sys.intern(figure_token(f)) for f in kept_figures[number]}:
            vector[token] = 1.0 + math.log((1 + total) / figure_df[token])
        for token in numbers[number]:
            vector[token] = NUMBER_WEIGHT * (1.0 + math.log((1 + total) / number_df[token]))
        norm = math.sqrt(math.fsum(v * v for v in vector.values())) or 1.0
        profile = Profile(
            index=number,
            statement=statement,
            order=(source_rank.get(statement.source, len(source_rank)), statement.source, statement.start),
            vector={k: v / norm for k, v in vector.items() if v > 0},
            figures=kept_figures[number],
            window=windows[number],
            lead=statement.id in leads,
            actions=_act_keys(actions[number]),
            lemmas=_act_keys(all_words[number]),
            content_words=word_counts[number],
        )
        profile.keys = _keys(profile, word_df)
        profile.subjects, profile.objects = _roles(statement, mains[number], actions[number], acts_at[number], alias_texts)
        profiles.append(profile)
    # A statement's lemmas are only ever met with acts (name_one_act, the acts a story tells
    # alike, a group's acts): those that are no statement's act are dropped, a few kept of dozens.
    acts = frozenset().union(*(p.actions for p in profiles))
    for profile in profiles:
        profile.lemmas = profile.lemmas & acts or _NONE
    return profiles


def _split(joined: str) -> list[str]:
    # One string per lemma however many statements use it (a split makes new ones).
    return list(map(sys.intern, joined.split(" "))) if joined else []


def _without_time(statement: Statement) -> str:
    """The statement's text with its time expression blanked: "June 13" gives no number to compare."""
    start = _time_offset(statement)
    if start is None:
        return statement.text
    end = start + len(statement.time_text)
    return statement.text[:start] + " " * (end - start) + statement.text[end:]


_SAYING_BEFORE = re.compile(
    r"\b(?:said|says|told|added|stated)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _reported_by_saying(statement: Statement) -> TimeSpan:
    """The span that bounds the happening: "X said Thursday that Y" dates the saying, and Y in the weeks
    before it (an announcement, "announced Monday", is itself the happening).

    Read as the happening's day, one such statement would pull the whole event
    to the day a spokesman spoke. What is said to come ("said on Tuesday that
    Holt would return") or to hold now ("Holt is back, the company said on
    Tuesday") is not in the weeks before: reaching back, it would meet the
    firing of the Friday before.
    """
    start = _time_offset(statement)
    span = statement.span
    if start is None or span.modifier is not Modifier.NONE or not _SAYING_BEFORE.search(statement.text[max(0, start - 30) : start]):
        return span
    if _told_as_coming_or_now(statement.claim):
        return span
    return span.model_copy(update={"start": span.end - timedelta(days=SAYING_REACH_DAYS)})


# What the main clause says will be: "would return", "is expected to close", "plans to sell".
_COMING = re.compile(
    r"\b(?:will|would|shall|(?:is|are)\s+(?:set\s+|due\s+|expected\s+)?to|plans?\s+to|intends?\s+to|expects?\s+to)\b",
    re.IGNORECASE,
)
# Where the main clause's own tense ends: a trailing participle (", ending five days of turmoil that
# began ...") or a clause of another time ("... when the board dismissed her").
_OWN_TENSE_END = re.compile(r",\s+[a-z]+ing\b|\s(?:when|after|before|since|until|following)\s", re.IGNORECASE)
_SAYING_WORDS = frozenset({"said", "told", "added", "stated"})


def _told_as_coming_or_now(claim: str) -> bool:
    """Whether what is said is told as to come, or in the present alone (no past tense but the saying's)."""
    main = main_clause(claim)
    end = _OWN_TENSE_END.search(main)
    if end:
        main = main[: end.start()]
    if _COMING.search(main):
        return True
    # A past spelt as its base ("cut", "hit") counts as past: in doubt, what is said reaches back as before.
    return not any(past_form(word) for word in tokens(main) if word not in _SAYING_WORDS)


def _time_offset(statement: Statement) -> int | None:
    """Where the statement's time expression starts within its text; None without one."""
    if not statement.time_text:
        return None
    if statement.time_start is not None:
        return statement.time_start - statement.start
    found = statement.text.find(statement.time_text)
    return found if found >= 0 else None


def _act_keys(lemmas: set[str]) -> frozenset[str]:
    """What can match an act: each lemma's derivational family ("acquire" meets "acquisition")."""
    if not lemmas:
        return _NONE
    return frozenset(map(_family, lemmas))


_NONE: frozenset = frozenset()


@lru_cache(maxsize=200_000)
def _family(lemma_: str) -> str:
    # One string per family, however many statements use it (a slice is a new string each time).
    return sys.intern(family(lemma_))


def figure_token(figure: Figure) -> str:
    kind, value = figure_key(figure)
    return f"#{kind}:{value:g}"


def _is_attribution_count(figure: Figure) -> bool:
    # "five sources said" counts the reporters' witnesses, not the happening.
    return figure.kind == "count" and figure.unit in _ATTRIBUTION_UNITS


def time_window(span: TimeSpan, given_day: bool = False) -> tuple[int, int]:
    """The ordinals between which the happening can lie, with slack for outlets that round.

    `given_day`: the span names a day, or bounds an undated statement by its
    publication day, read against a publication day the corpus gives. "On Friday"
    is then that Friday, not three days either side of it: two reports' days meet
    when at most a day apart (late one day, early the next), so a firing on Friday
    and talks on Sunday stay two happenings, and a headline put out on the Friday
    tells nothing of the Sunday.
    """
    if span.modifier is Modifier.UNDATED:
        return _FAR_PAST, _FAR_FUTURE
    start, end = span.start.toordinal(), span.end.toordinal()
    slack = later = 3 if span.precision in (Precision.DAY, Precision.WEEK) else 0
    if given_day and span.precision is Precision.DAY:
        slack, later = 0, GIVEN_DAY_SLACK
    if span.confidence < 0.4 and span.modifier is not Modifier.REPORTED:
        width = max(end - start, 366)  # a vague reading ("the past", "recently") still rules out far-off times
        return start - width, end + width
    match span.modifier:
        case Modifier.REPORTED:
            # What an article leaves undated is news: it happened in the weeks before
            # publication, not years before (background is usually dated).
            return end - REPORTED_REACH_DAYS, end + later
        case Modifier.BY:
            return _FAR_PAST, end + later
        case Modifier.BEFORE:
            return _FAR_PAST, start + later
        case Modifier.AFTER:
            return end - slack, _FAR_FUTURE
        case Modifier.SINCE:
            return start - slack, _FAR_FUTURE
        case Modifier.MORE_THAN:
            return _FAR_PAST, _FAR_FUTURE
        case Modifier.LESS_THAN:
            # "less than two weeks ago", "nearly three months ago": nearer than the span, on either
            # side of it by about its offset, never years away.
            width = 2 * max(end - start + 1, _WEEK)
            return start - width, end + width
        case Modifier.AROUND:
            width = max(end - start, 7)
            return start - width, end + width
    if span.precision is Precision.APPROXIMATE:
        width = max(end - start, 30) // 2
        return start - width, end + width
    return start - slack, end + later


# A time expression naming a day: a weekday, a date, "yesterday", "tonight". A clock time alone
# ("1023 GMT"), "now" or "midnight" is read as the publication day without naming it.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_NAMES_A_DAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:to|yester)day\b|\btomorrow\b|"
    r"\btonight\b|\blast night\b|\bthis (?:morning|afternoon|evening)\b|"
    rf"\b{_MONTH}[a-z]*\.?\s*\d|\d\s*{_MONTH}|\d{{1,4}}[-/.]\d{{1,2}}",
    re.IGNORECASE,
)


# Undated articles of one story appear within weeks of each other: their windows,
# counted from each one's own unknown publication day, compare with this slack.
UNDATED_SLACK_DAYS = 14
# Two days far apart in the year: an offset that reads alike from both is a pure offset.
_NOTIONAL_DAYS = (date(2000, 3, 15), date(2000, 9, 20))
_NOTIONAL_REPORTED = tuple(reported_span(day, False) for day in _NOTIONAL_DAYS)  # only read
_WEEK = 7  # "on Friday" is a few days back from any day
_ANYTIME = (_FAR_PAST, _FAR_FUTURE)
# The window of a statement whose only date names a thing (statements.dates_a_thing): any time, calendar
# or relative. "Famous 1950s pin-up star Bettie Page has died" is not a happening of the 1950s.
_ANYWHEN = (*_ANYTIME, *_ANYTIME)


def relative_window(statement: Statement) -> tuple[int, int]:
    """Where an undated statement's time lies relative to its article's publication day, in days.

    "23 months ago" and "on Friday" cannot be one happening even when nothing
    says which year it was. Only offsets read alike from any day count:
    "Christmas" or "in March" could be days or months away. Anything else (a
    dated statement) allows any time.
    """
    if statement.span.modifier is not Modifier.UNDATED:
        return _ANYTIME
    windows = []
    for day, span in zip(_NOTIONAL_DAYS, _NOTIONAL_REPORTED):
        if statement.time_text:
            offset = _time_offset(statement)
            found = [e.span for e in tag(statement.text, day) if e.start == offset and e.text == statement.time_text]
            if not found:
                return _ANYTIME
            span = found[0]
        lo, hi = time_window(span)
        if lo == _FAR_PAST and hi == _FAR_FUTURE:
            return _ANYTIME
        ordinal = day.toordinal()
        windows.append((lo - ordinal if lo != _FAR_PAST else _FAR_PAST, hi - ordinal if hi != _FAR_FUTURE else _FAR_FUTURE))
    (lo, hi), (other_lo, other_hi) = windows
    if abs(lo - other_lo) > _WEEK or abs(hi - other_hi) > _WEEK:
        return _ANYTIME
    return (min(lo, other_lo) - UNDATED_SLACK_DAYS if lo != _FAR_PAST else _FAR_PAST,
            max(hi, other_hi) + UNDATED_SLACK_DAYS if hi != _FAR_FUTURE else _FAR_FUTURE)


def compatible_windows(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Both windows (calendar and relative) overlap; written out, it is called for every candidate pair."""
    return a[0] <= b[1] and b[0] <= a[1] and a[2] <= b[3] and b[2] <= a[3]


def narrowed(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The window both allow."""
    return (max(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), min(a[3], b[3]))


def _keys(profile: Profile, word_df: Counter) -> tuple[str, ...]:
    """Blocking keys: the statement's rarest shared words, its participants and its figures."""
    words = [
        w for w in profile.vector if w[0] not in "@#" and word_df[w] >= 2 and rarity(w) >= MIN_KEY_RARITY
    ]
    words.sort(key=lambda w: (-profile.vector[w], w))
    # A word key and a participant or figure key never meet: only the latter begin with "@" or "#".
    keys = words[:KEYS_PER_STATEMENT]
    keys.extend(token for token in profile.vector if token[0] in "@#")
    return tuple(keys)


class CandidateIndex:
    """Which later statements each statement must be compared with, from an inverted index of their keys:
    built once, it answers for any statement in any order (two processes each ask of their half).

    A key shared by more than BLOCK_LIMIT statements pairs each only with its
    neighbours in time and corpus order, so that the pairs grow linearly.
    """

    def __init__(self, profiles: list[Profile]) -> None:
        postings: dict[str, list[int]] = defaultdict(list)
        for profile in profiles:
            for key in profile.keys:
                postings[key].append(profile.index)
        position: dict[str, dict[int, int]] = {}
        for key, members in postings.items():
            if len(members) > BLOCK_LIMIT:
                members.sort(key=lambda m: (profiles[m].window[1], profiles[m].order))
                position[key] = {m: i for i, m in enumerate(members)}
        self._postings = postings
        self._position = position

    def later(self, profile: Profile) -> set[int]:
        """The later statements `profile` must be compared with."""
        partners: set[int] = set()
        postings, position = self._postings, self._position
        for key in profile.keys:
            members = postings[key]
            if len(members) < 2:
                continue
            if key in position:
                at = position[key][profile.index]
                partners.update(members[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1])
            else:
                partners.update(members)
        return {b for b in partners if b > profile.index}


def similarity(a: Profile, b: Profile) -> float:
    """How alike two statements are as reports of one happening: 0 (no) to 1."""
    if not compatible_windows(a.window, b.window):
        return 0.0
    small, large = a.vector, b.vector
    # Summed exactly (fsum): a set's order changes with the hash seed, and a float sum in
    # another order can break a tie between copies of one report the other way.
    shared = small.keys() & large.keys()
    score = math.fsum(map(mul, map(small.__getitem__, shared), map(large.__getitem__, shared)))
    if a.figures and b.figures and _clashing_figures(a.figures, b.figures):
        score *= FIGURE_CLASH_FACTOR
    return score


def name_one_act(a: Profile, b: Profile) -> bool:
    """Whether one statement's act turns up in the other, as a verb or a noun ("escaped", "the escape")."""
    return bool(a.actions & b.lemmas or b.actions & a.lemmas)


def may_report_one_happening(a: Profile, b: Profile) -> bool:
    """Two reports of one happening name its act, give its measure (the same "$200 million", "49%",
    or the same two counts), or tell of the same doer and the same other party in other words
    ("will leave to lead Meta's lab", "will take a top position at Meta").

    Sharing only the setting and the people is weaker evidence: on ECB+, pairs of
    sentences that share an act report one happening 95% of the time, the rest 60%.
    Headlines are judged apart (`clustering`): they name their happening in a
    word or two ("quake", "heist") that no verb matches.
    """
    return name_one_act(a, b) or _shared_measure(a.figures, b.figures) or same_roles(a, b)


def _shared_measure(a: list[Figure], b: list[Figure]) -> bool:
    """Both give one figure other than a count, or the same counts of two things ("59 receptions for
    1,098 yards"). One count in common is often chance in a story full of them (two players' "17 points")."""
    counts = set()
    for f in a:
        for g in b:
            if same_figure(f, g):
                if f.kind != "count":
                    return True
                counts.add((f.unit, f.value))
    return len(counts) >= SHARED_COUNTS


def _clashing_figures(a: list[Figure], b: list[Figure]) -> bool:
    """Both give a figure of some kind and no two of that kind agree, even rounded."""
    for kind in {f.kind for f in a} & {f.kind for f in b} - {"count"}:
        mine = [f for f in a if f.kind == kind]
        theirs = [f for f in b if f.kind == kind]
        if not any(same_figure(f, g) or _near(f, g) for f in mine for g in theirs):
            return True
    return False


def _near(f: Figure, g: Figure) -> bool:
    if f.unit and g.unit and f.unit != g.unit:
        return False
    low, high = sorted((abs(f.value), abs(g.value)))
    return bool(high) and low / high >= NEAR_FIGURE_RATIO


def _first_act_at(main: str, acts: set[str]) -> int:
    """Where the main clause's first act word starts; -1 if none does."""
    if acts:
        for match in _ROLE_WORD.finditer(main.lower()):
            if lemma(match[0]) in acts:
                return match.start()
    return -1


def _roles(
    statement: Statement, main: str, acts: set[str], at: int, alias_texts: dict[str, set[str]]
) -> tuple[frozenset[str], frozenset[str]]:
    """The statement's entities named before its main clause's first act (who does it, `at` where
    that act word starts) and after it (to whom, or where): word order, the roles English gives
    without a parser."""
    if not acts or len(statement.entities) < 2 or at < 0:
        return _NONE, _NONE
    before, after = set(), set()
    for entity in statement.entities:
        found = [main.find(text) for text in alias_texts.get(entity, ())]
        found = [f for f in found if f >= 0]
        if not found:
            continue
        (before if min(found) < at else after).add(entity)
    return frozenset(before) or _NONE, frozenset(after) or _NONE


_ROLE_WORD = re.compile(r"[a-z]+")


def same_roles(a: Profile, b: Profile) -> bool:
    """The same entity named before the act and the same one after it, in both.

    One shared participant says little (a story's people are in most of its
    sentences), nor do the same two with their parts swapped ("Roe left Acme",
    "Acme sued Roe").
    """
    return bool(a.subjects & b.subjects) and bool(a.objects & b.objects)
