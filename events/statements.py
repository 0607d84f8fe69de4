"""Sentences to dated statements.

A sentence that claims something becomes a statement. A sentence that packs two
happenings becomes one statement per happening, cut at the clause boundary
between them, each keeping the time expression of its own clause:

- two time expressions joined at a clause boundary ("revenue in 2024 ..., and
  Google spent $150 million last year");
- a leading temporal clause ("After X announced Y, Z faced ...");
- a semicolon between two full clauses.

A cut is made only when both sides are whole claims: substantial, with a verb
of their own, and the right side opening with its own subject. ", prompting Y
to ..." or ", which has led Y to ..." are never cut: the piece would start
mid-sentence, without its subject. Otherwise the sentence stays whole. A sentence or clause with no
time expression is dated by its source's publication date as a "reported by" bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from scaletui.events.model import Entity, Modifier, Precision, Sentence, Statement, TimeExpression, TimeSpan, undated_span
from scaletui.events.published import looks_like_date_line
from scaletui.events.sentences import made
from scaletui.events.timex import tag
from scaletui.events.words import is_verb_form

# Where one fact ends and the next begins. Only boundaries between two time
# expressions are ever used, so a comma alone is too weak; these words start a
# new clause with its own subject in news prose.
_CLAUSE_BOUNDARY = re.compile(
    r"(?:[;:]\s+|,\s+(?:and|but|while|whereas|although|though|after|before|when|as|yet|so)\s+|\s+(?:and|but|while|whereas)\s+(?=[A-Z]))"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_MIN_WORDS = 4

# -- strong clause boundaries: a second happening inside one sentence -----------------------------

# Each pattern's match starts at the cut. The flags say which side must show a
# verb of its own and whether the right side's verb must come before its next comma.
# Consequence clauses (", prompting Y to ...", ", which has led Y to ...") are not cut:
# their right side has no subject of its own, so it would not be a whole claim.
_STRONG_BOUNDARIES: list[tuple[re.Pattern[str], bool, bool, bool]] = [
    (re.compile(r";\s+"), True, True, False),
]
# "After X happened, Y ...": a leading temporal clause ends at its first comma.
_LEADING_TEMPORAL = re.compile(r"^(?:after|following)\s+[^,;]+?(?=,\s)", re.I)
# "Although X said Y, Z ...": what the concession grants is a claim of its own, often another
# outlet's main news ("Although OpenAI's finance chief said it would keep Scale as a supplier,
# analysts said ..."). Cut where the concession has a subject of its own; "Although not
# discussed today, ..." is no claim.
_LEADING_CONCESSION = re.compile(r"^(?:although|though|whereas)\s+(?P<clause>[^,;]+?)(?=,\s)", re.I)
_STRONG_MIN_WORDS = 5

_AUXILIARIES = frozenset("is are was were am has have had will would can could may might shall should must do does did".split())
_IRREGULAR_PAST = frozenset(
    """took gave made said sold bought won lost struck met rose fell grew paid spent left led sent began became
    held kept told brought thought saw came went got drove ran quit wrote chose threw broke""".split()
)
_PRESENT_VERBS = frozenset(
    """says takes gives makes buys sells owns holds agrees announces plans wants acquires invests leads sends
    raises seeks faces remains becomes comes goes expects hopes needs tries shows warns denies confirms""".split()
)
# Words before which an -ed or -s form is a noun or an adjective, not a verb.
_NOT_BEFORE_VERB = frozenset("a an the its their his her our your this these those my no any every each widely newly recently".split())
_ED_NOUNS = frozenset("need speed seed feed breed greed hundred indeed embed shed bed red".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# The strength of a "reported by" bound: the source says it happened by then,
# nothing more. Lower again when the publication date is itself estimated.
_REPORTED_CONFIDENCE = 0.5
_ESTIMATED_REPORTED_CONFIDENCE = 0.3


def is_claim(sentence: Sentence, headline_index: int | None) -> bool:
    """Whether a sentence asserts something (rather than label a section or ask)."""
    words = _WORD.findall(sentence.text)
    if len(words) < _MIN_WORDS:
        return False
    if sentence.text.rstrip().endswith("?") or looks_like_date_line(sentence.text):
        return False
    if sentence.heading:
        # The article's own headline claims the story; section headings only label it.
        return sentence.index == headline_index
    return True


def reported_span(published: date, estimated: bool) -> TimeSpan:
    return TimeSpan(
        start=published,
        end=published,
        precision=Precision.DAY,
        modifier=Modifier.REPORTED,
        confidence=_ESTIMATED_REPORTED_CONFIDENCE if estimated else _REPORTED_CONFIDENCE,
    )


def has_finite_verb(text: str) -> bool:
    """Whether a stretch of text shows a verb of its own (a crude test: no parser, news prose only)."""
    return next(_verbs(text), None) is not None


def _verbs(text: str, lexicon: bool = False) -> Iterator[tuple[int, str]]:
    """Where each verb of a stretch of text starts, with the word before it.

    The crude test knows auxiliaries, a few irregular forms and "-ed"; with
    `lexicon`, lemminflect's dictionary judges each word ("fought", "launched"),
    and "-ing" forms are no finite verb.
    """
    previous = ""
    for match in _TOKEN.finditer(text):
        token = match[0]
        word = token.lower().replace("’", "'")
        if word in _AUXILIARIES or word.endswith("n't"):
            yield match.start(), previous
        elif lexicon:
            if not token[0].isupper() and previous not in _NOT_BEFORE_VERB and not word.endswith("ing") and is_verb_form(word):
                yield match.start(), previous
        elif previous not in _NOT_BEFORE_VERB and not previous.endswith("ly") or previous in ("only", "early"):
            if word in _IRREGULAR_PAST or word in _PRESENT_VERBS:
                yield match.start(), previous
            elif len(word) >= 5 and word.endswith("ed") and word not in _ED_NOUNS and not token[0].isupper():
                yield match.start(), previous
        previous = word


def _substantial(text: str) -> bool:
    return len(_WORD.findall(text)) >= _STRONG_MIN_WORDS


def _inside_quote(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def clause_cuts(text: str, expressions: list[TimeExpression] = ()) -> list[int]:
    """Offsets in `text` where a second happening's clause begins (strong boundaries only).

    A cut never falls inside a time expression or a quotation, and every piece
    it leaves is substantial and has a verb of its own.
    """
    candidates: list[tuple[int, int, bool, bool, bool]] = []  # cut, start of right side, verbs needed
    if lead := _LEADING_TEMPORAL.match(text):
        candidates.append((lead.end(), lead.end(), True, True, False))
    elif (lead := _LEADING_CONCESSION.match(text)) and _grants_a_claim(lead["clause"]):
        candidates.append((lead.end(), lead.end(), True, True, False))
    for pattern, left_verb, right_verb, right_to_comma in _STRONG_BOUNDARIES:
        for match in pattern.finditer(text):
            if match.start() == 0:
                continue
            candidates.append((match.start(), match.end(), left_verb, right_verb, right_to_comma))
    candidates.sort()
    cuts: list[int] = []
    piece_start = 0
    for number, (cut, right_start, left_verb, right_verb, right_to_comma) in enumerate(candidates):
        if cuts and cut <= cuts[-1]:
            continue
        if _inside_quote(text, cut) or any(e.start < right_start and cut < e.end for e in expressions):
            continue
        left = text[piece_start:cut]
        # The right side runs to the next candidate cut: that is the clause a verb must be found in.
        following = [c for c, *_ in candidates[number + 1 :] if c > right_start]
        right = text[right_start : following[0] if following else len(text)]
        if right_to_comma:
            right = re.split(r"[,;]", right, maxsplit=1)[0]
        if not (_substantial(left) and _substantial(text[right_start:])):
            continue
        if left_verb and not has_finite_verb(left):
            continue
        if right_verb and not has_finite_verb(right):
            continue
        if not has_own_subject(text[right_start:]):
            continue
        cuts.append(cut)
        piece_start = right_start
    return cuts


def _boundaries(text: str, expressions: list[TimeExpression]) -> list[int]:
    """Cut points in `text`, one at most between each pair of neighbouring expressions.

    Besides a clause with its own subject, a second predicate of the same subject
    with its own time ("was founded in 1976, and launched iTunes in 2003") is a
    second happening: its statement carries the subject over (`shared_subject`).
    """
    cuts = []
    for before, after in zip(expressions, expressions[1:]):
        gap = text[before.end : after.start]
        found = [
            m
            for m in _CLAUSE_BOUNDARY.finditer(gap)
            if has_own_subject(text[before.end + m.end() :])
            # "..., and the Nationals at eight years": a list going on, no clause of its own
            and has_finite_verb(_clause_from(text, before.end + m.end()))
            and has_finite_verb(text[cuts[-1] if cuts else 0 : before.end + m.start()])
        ]
        if not found:
            found = [
                m
                for m in _PREDICATE_BOUNDARY.finditer(gap)
                if opens_with_verb(text[before.end + m.end() :])
                and not _inside_quote(text, before.end + m.start())
                and shared_subject(text[: before.end + m.start()])
                # "and will replace Snow Leopard, which was released in 2009": that date is the object's
                and not _RELATIVE_CLAUSE.search(text, before.end + m.end(), after.start)
            ]
        if found:
            cuts.append(before.end + found[-1].start())
    return cuts


def _clause_from(text: str, start: int) -> str:
    """The clause that opens at `start`: up to the next clause boundary or the end."""
    following = _CLAUSE_BOUNDARY.search(text, start)
    return text[start : following.start() if following else len(text)]


# "..., and launched", "... and has been", "but later sold": a second predicate of the sentence's subject.
_PREDICATE_BOUNDARY = re.compile(r"(?:,\s+|\s+)(?:and|but)\s+(?:(?:then|later|also|subsequently|eventually|again)\s+)?")


def opens_with_verb(clause: str) -> bool:
    """Whether a clause opens with a finite verb of its own ("launched", "has been", "fought")."""
    return next(_verbs(clause, lexicon=True), (None,))[0] == 0


def shared_subject(sentence: str) -> str:
    """The subject of a sentence's first clause: what comes before its first verb, past a leading
    adverbial ("In 2004, he fought ..." gives "he"). Empty when there is none to tell."""
    verb = next(_verbs(sentence, lexicon=True), (None,))[0]
    if not verb or _verb_groups(sentence) != 1:
        return ""  # "Police said X surrendered ... and was charged": whose subject is not clear
    subject = sentence[:verb].strip(" ,")
    opening = subject.split(",", 1)
    if len(opening) == 2 and opening[0].split()[0].lower() in _ADVERBIAL_OPENERS:
        subject = opening[1].strip(" ,")
    words = subject.split()
    while words and (words[-1].lower().endswith("ly") or words[-1].lower() in _ADVERBS):
        words.pop()  # "Google originally planned": the adverb is the verb's
    subject = " ".join(words)
    if (
        not words
        or len(words) > _MAX_SUBJECT_WORDS
        or words[0].lower() in _ADVERBIAL_OPENERS
        or _RELATIVE_OR_QUOTE.search(subject)
    ):
        return ""  # "A former employee who opened fire ... and killed": the verbs belong to a relative clause
    return subject


_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|where)\b", re.IGNORECASE)
_RELATIVE_OR_QUOTE = re.compile(r"\b(?:who|whom|whose|which|that)\b|[\"“”'‘]", re.IGNORECASE)


def _verb_groups(text: str) -> int:
    """How many finite verb groups a clause shows ("was started" is one, "said ... surrendered" two)."""
    return sum(1 for _, previous in _verbs(text, lexicon=True) if previous not in _AUXILIARIES and previous not in _CHAINED)


# Words after which a verb form continues the same group ("has been charged", "was being held").
_CHAINED = frozenset("been be being not also".split())


def carry_subject_entities(statements: list[Statement], entities: list[Entity]) -> None:
    """A clause that carries its sentence's subject over names that subject's entities too
    (found in the clause before it, whose text holds the words)."""
    names = {e.id: e.spellings for e in entities}
    by_sentence: dict[str, list[Statement]] = {}
    for statement in statements:
        by_sentence.setdefault(statement.id.rsplit(".", 1)[0], []).append(statement)
    for statement in statements:
        if not statement.subject:
            continue
        named = [
            entity
            for sibling in by_sentence[statement.id.rsplit(".", 1)[0]]
            for entity in sibling.entities
            if any(text in statement.subject for text in names.get(entity, ()))
        ]
        if named:
            statement.entities = list(dict.fromkeys([*named, *statement.entities]))


_ADVERBIAL_OPENERS = frozenset("in on at by after before during since for from last this earlier later when while according".split())
_ADVERBS = frozenset("also now still then already just since recently again even".split())
_MAX_SUBJECT_WORDS = 12


# Words that open a clause leaning on the one before it: it has no subject of its own.
_DEPENDENT_OPENERS = frozenset(
    """which that who whom whose where when while after before since following as because although though if
    unless until whereas prompting triggering sparking causing forcing leading""".split()
)


def _grants_a_claim(concession: str) -> bool:
    """Whether what a leading "although" grants has a subject of its own ("the mayor denied ..."),
    not a predicate alone ("not discussed in detail today"; one with no finite verb, "badly hurt in
    the crash", is left to the verb check every cut makes)."""
    return has_own_subject(concession) and not concession.startswith("not ")


def has_own_subject(clause: str) -> bool:
    """Whether a clause opens with its own subject ("Google spent ..."), not a verb ("has now turned ...").

    A clause that a split would leave without its subject is not a whole claim,
    so no cut is made there.
    """
    tokens = _TOKEN.findall(clause[:80])
    if not tokens:
        return False
    first = tokens[0].lower().replace("’", "'")
    if first in _AUXILIARIES or first in _DEPENDENT_OPENERS or first.endswith("n't"):
        return False
    if first in _IRREGULAR_PAST or first in _PRESENT_VERBS or first.endswith("ing"):
        return False
    return not (first.endswith("ed") and not tokens[0][0].isupper())


def _primary(expressions: list[TimeExpression], text: str, as_read: dict[tuple[int, int], TimeSpan]) -> TimeExpression:
    """The expression that dates a clause holding several (e.g. "on Friday, June 13").

    One in the attribution that closes a sentence ("..., according to figures
    released April 3") dates the source's telling, not the happening: it comes last.
    The choice is made on the spans as read against a day (`as_read`), whether or not
    the article's own day is known: in an undated article, "The army on Tuesday released
    footage from 2007" is still told on Tuesday, not in 2007.
    """
    attributed = _ATTRIBUTION.search(text)
    told_from = attributed.start() if attributed else len(text) + 1

    def rank(e: TimeExpression) -> tuple:
        span = as_read.get((e.start, e.end), e.span)
        return (e.start >= told_from, e.timex_type not in ("DATE", "TIME"), span.precision.rank, -span.confidence, e.start)

    return min(expressions, key=rank)


_ATTRIBUTION = re.compile(r",\s+according to\b", re.IGNORECASE)


_LEADING_JOIN = re.compile(r"(?:and|but|though|although|whereas|while|yet)\s+", re.IGNORECASE)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:–—-":
        start += 1
    while end > start and text[end - 1] in " ,;:–—-":
        end -= 1
    return start, end


def statements_of(
    sentences: list[Sentence],
    published: date | None,
    published_estimated: bool,
    reference_year: int | None = None,
) -> list[Statement]:
    """The claims of one article, each dated by its own words or bounded by the publication date.

    Without a publication date, only what the words date on their own is
    resolved ("in 2016", "June 13, 2025"); with only the year known
    (`reference_year`, from a copyright line or the story's chronology), also
    what needs no more than the year ("last year"). The rest keeps its words
    and is undated: guessing a day would put it in the wrong place.
    """
    headline = headline_index(sentences)
    statements: list[Statement] = []
    for sentence in sentences:
        if is_claim(sentence, headline):
            statements.extend(claim_statements(sentence, published, published_estimated, reference_year))
    return statements


def claim_statements(
    sentence: Sentence, published: date | None, published_estimated: bool, reference_year: int | None = None
) -> list[Statement]:
    """What `statements_of` makes of one sentence it takes for a claim: one article's sentences
    are independent once the claims are known, so one sentence can be dated again alone."""
    reference = published or date(reference_year or _UNANCHORED_YEAR, 1, 1)
    expressions = [e for e in tag(sentence.text, reference) if e.timex_type != "SET"]
    as_read = {(e.start, e.end): e.span for e in expressions}
    if published is None:
        expressions = _without_unknown_anchors(sentence.text, expressions, reference_year)
    return _split(sentence, expressions, published, published_estimated, as_read)


def _without_unknown_anchors(
    text: str, expressions: list[TimeExpression], reference_year: int | None
) -> list[TimeExpression]:
    """Expressions that need a reference date the article does not give come back undated.

    Knowing only the year, an expression is kept where the first and the last
    day of that year resolve it alike ("last year", "in April"), not where they
    differ ("recently", "this week", "on Friday").
    """
    if reference_year is None or not any(e.anchored for e in expressions):
        return [e if not e.anchored else e.model_copy(update={"span": undated_span()}) for e in expressions]
    at_year_end = {(e.start, e.end): e.span for e in tag(text, date(reference_year, 12, 31))}
    kept = []
    for expression in expressions:
        if expression.anchored and at_year_end.get((expression.start, expression.end)) != expression.span:
            expression = expression.model_copy(update={"span": undated_span()})
        kept.append(expression)
    return kept


# The reference handed to the tagger when an article has no date: any year does,
# since whatever its resolutions depend on it is thrown away.
_UNANCHORED_YEAR = 2000


def headline_index(sentences: list[Sentence]) -> int | None:
    """The index of the article's headline: its first heading once date stamps and bylines are passed.

    None when the article opens with running text (no headline).
    """
    for sentence in sentences[:HEADLINE_REACH]:
        if looks_like_date_line(sentence.text) or _IDENTIFIER.fullmatch(sentence.text.strip()):
            continue
        return sentence.index if sentence.heading else None
    return None


HEADLINE_REACH = 4
# A document's identifier on a line of its own ("APW19980115.0123", "wsj_0006"): one word holding digits.
_IDENTIFIER = re.compile(r"[A-Za-z_.-]*\d[\w.-]*")


def _time_parts(
    text: str, left: int, right: int, expressions: list[TimeExpression]
) -> list[tuple[int, int, list[TimeExpression]]]:
    """One clause cut further between its time expressions; a piece without one joins its neighbour."""
    inside = [e for e in expressions if left <= e.start and e.end <= right]
    if not inside:
        return [(left, right, [])]
    cuts = [c for c in _boundaries(text, inside) if left < c < right]
    edges = [left, *cuts, right]
    merged: list[tuple[int, int, list[TimeExpression]]] = []
    for start, end in zip(edges, edges[1:]):
        own = [e for e in inside if start <= e.start and e.end <= end]
        if merged and not own:
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        elif merged and not merged[-1][2]:
            merged[-1] = (merged[-1][0], end, own)
        else:
            merged.append((start, end, own))
    return merged


def _split(
    sentence: Sentence,
    expressions: list[TimeExpression],
    published: date | None,
    estimated: bool,
    as_read: dict[tuple[int, int], TimeSpan],
) -> list[Statement]:
    base = f"{sentence.source}:{sentence.index}"
    text = sentence.text
    edges = [0, *clause_cuts(text, expressions), len(text)]
    parts: list[tuple[int, int, list[TimeExpression]]] = []
    for left, right in zip(edges, edges[1:]):
        parts.extend(_time_parts(text, left, right, expressions))
    statements = []
    for number, (left, right, inside) in enumerate(parts):
        left, right = _trimmed(text, left, right)
        if number and (joined := _LEADING_JOIN.match(text, left, right)):
            left = joined.end()  # "and Google spent ...": the claim starts at its subject
        # Every field given at once: each one set afterwards is validated again.
        given: dict = {}
        if number and not has_own_subject(text[left:right]) and opens_with_verb(text[left:right]):
            given["subject"] = shared_subject(text[:left])
        if inside:
            primary = _primary(inside, text, as_read)
            given.update(time_text=primary.text, time_start=sentence.start + primary.start,
                         time_end=sentence.start + primary.end, span=primary.span)
        else:
            given["span"] = reported_span(published, estimated) if published else undated_span()
        statements.append(made(
            Statement,
            id=base if len(parts) == 1 else f"{base}.{number + 1}",
            source=sentence.source,
            text=text[left:right],
            start=sentence.start + left,
            end=sentence.start + right,
            **given,
        ))
    return statements


def sentence_index(statement: Statement) -> int:
    """The index of the sentence a statement was made from (its id is "source:index" or "source:index.part")."""
    return int(statement.id.rsplit(":", 1)[1].split(".", 1)[0])


def dates_a_thing(statement: Statement) -> bool:
    """Whether the statement's time expression is a bare year used before a noun ("the 2006 HBO movie",
    "Famous 1950s pin-up star Bettie Page has died", "HP's 2008 second-quarter earnings"): it dates the
    thing named, not necessarily the happening the statement reports."""
    if not statement.time_text or statement.time_start is None or not _BARE_YEAR.fullmatch(statement.time_text):
        return False
    at = statement.time_start - statement.start
    before = _WORD_BEFORE.search(statement.text, 0, at)
    after = _WORD_AFTER.match(statement.text, at + len(statement.time_text))
    if after is None or after[1].lower() in _NOT_A_NOUN_AFTER:
        return False
    return before is None or before[1].lower() not in _ADVERBIAL_BEFORE


def tells_its_day(statement: Statement) -> bool:
    """Whether an undated article's statement places its happening on a day or in a week it leaves
    unresolved ("died on Friday", "yesterday", "earlier this week"): the news of the article's own day."""
    return statement.span.modifier is Modifier.UNDATED and bool(statement.time_text) and _names_a_day(statement.time_text)


@lru_cache(maxsize=4096)
def _names_a_day(time_text: str) -> bool:
    # Read against any day: what the words say alone is whether they name a day or a week.
    return any(e.span.precision in (Precision.DAY, Precision.WEEK) for e in tag(time_text, _ANY_DAY))


_ANY_DAY = date(2000, 6, 15)
_BARE_YEAR = re.compile(r"(?:the\s+)?(?:1[89]|20)\d\ds?", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z']+)[ \t]*$")
_WORD_AFTER = re.compile(r"[ \t]+(?:-\s*)?([A-Za-z][A-Za-z-]*)")
# A year after these is the time of the clause ("in 2005", "since 2004", "the end of 2006").
_ADVERBIAL_BEFORE = frozenset(
    "in on at since by during from until till through throughout before after for of around between and or to than circa early late mid".split()
)
# A year before these ends its phrase ("in 2005 and", "2004 when"): it modifies no noun.
_NOT_A_NOUN_AFTER = frozenset(
    """and or but to when as with at in on for from after before until through by that which who whom where while
    was were is are will would has had have the a an its his her their""".split()
)
