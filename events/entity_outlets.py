"""Outlets named as the ones who report: "according to Reuters", "Reuters
reported", "told Reuters", "cited by The Information", "(Reuters) -".

A name used only this way belongs to the sources, not to the story's actors:
the entity list drops it (`events.entities`). A name the story is also about
("Reuters cut 500 jobs") keeps its other mentions and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scaletui.events.entity_lexicon import given_name

if TYPE_CHECKING:
    from scaletui.events.names import Token

# the last word of a news outlet's name
OUTLET_NOUNS = {"journal", "times", "post", "news", "reporter", "herald", "tribune", "gazette", "telegraph", "guardian",
                "magazine", "weekly", "daily", "wire", "chronicle", "insider", "observer", "bulletin", "examiner"}
# what only a reporter has: "X's questions"
_REPORTING = {"questions", "request", "requests", "inquiry", "inquiries", "queries", "calculations", "reporting", "tally", "analysis", "survey", "poll"}
# what an outlet publishes, right after its name
_STORIES = {"scoop", "scoops", "exclusive", "article", "interview", "investigation", "poll", "survey", "reporting"}
# words right before the name that make it the reporter
_BEFORE = [
    ("according", "to"), ("according", "to", "the"), ("told",), ("told", "the"), ("reported", "to"),
    ("cited", "by"), ("cited", "by", "the"), ("reported", "by"), ("reported", "by", "the"), ("said", "to"),
    ("quoted", "by"), ("quoted", "by", "the"), ("interview", "with"), ("interview", "with", "the"),
    ("speaking", "to"), ("speaking", "to", "the"), ("spoke", "to"), ("spoke", "to", "the"),
    ("report", "by"), ("report", "by", "the"), ("report", "in"), ("report", "in", "the"),
    ("tell",), ("tells",), ("telling",), ("told", "news", "agency"), ("newspaper",), ("the", "newspaper"), ("news", "agency"), ("via",),
]
_BEFORE_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _pattern in _BEFORE:
    _BEFORE_BY_LAST.setdefault(_pattern[-1], []).append(_pattern)
# verbs right after the name that make it the reporter when nothing is reported as an object
_REPORT_VERBS = {"reported", "reports", "wrote", "writes", "cited", "citing", "revealed", "learned", "learnt"}
# what may follow such a verb when the name is the reporter ("reported on Friday", "reported that")
_AFTER_VERB = {"", "that", "on", "earlier", "last", "first", "in", "this", "late", "citing", "previously", "exclusively", "yesterday", "today"}


def is_attribution(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the name at tokens[first..last] is named as the reporter of the statement."""
    # the words before are gathered only when the one right before may end a pattern (rarely)
    if first > 0 and tokens[first - 1].lower in _BEFORE_BY_LAST and tokens[first].gap.strip() in ("", ","):
        before = []
        i = first - 1
        while i >= 0 and len(before) < 3:
            if tokens[i + 1].gap.strip() not in ("", ","):
                break
            before.insert(0, tokens[i].lower)
            i -= 1
        for pattern in _BEFORE_BY_LAST[before[-1]]:
            if tuple(before[-len(pattern):]) == pattern:
                if pattern[0] in ("told", "tell", "tells", "telling") and given_name(tokens[first].text):
                    return False  # "told Mark Zuckerberg": a person is told things too
                return True
    gap = tokens[first].gap
    after = tokens[last].after
    if "(" in gap and after == ")" and last + 1 < len(tokens) and any(d in tokens[last + 1].gap for d in "-–—"):
        return True  # the dateline credit: "LONDON, May 2 (Reuters) -", not "Edward (Robert Pattinson)"
    if "©" in gap:
        return True
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is None or nxt.gap.strip() not in ("", ","):
        return False
    if tokens[last].possessive and nxt.lower in _REPORTING:
        return True  # "did not reply to Reuters' questions", "Reuters' calculations"
    if not tokens[last].possessive and nxt.gap == " " and nxt.lower in _STORIES:
        return True  # "a recent Deadline Hollywood scoop"
    verbs = [nxt.lower]
    step = last + 2
    if nxt.lower in ("first", "has", "had", "previously", "also", "earlier") and step < len(tokens):
        verbs.append(tokens[step].lower)
        step += 1
    if verbs[-1] in ("said", "says", "reported") and tokens[last].lower in OUTLET_NOUNS:
        return True  # "the Journal said", "The Wall Street Journal reported a deal"
    if verbs[-1] not in _REPORT_VERBS:
        return False
    if verbs[-1] in ("citing", "cited"):
        return nxt.gap.strip() == "," or verbs[-1] == "citing"
    follower = tokens[step] if step < len(tokens) else None
    if follower is None or follower.gap.strip() in (",", ".", ";", ":"):
        return True
    return follower.lower in _AFTER_VERB
