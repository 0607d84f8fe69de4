"""What kind of thing an entity is, from the evidence gathered about its names.

Each mention carries weighted cues (`events.names`: titles, roles, legal forms,
gazetteers, given names, the words around it). Here they are summed per
entity, then two things the single mention cannot see are added:

- company it keeps: a name listed with organisations ("Google, Meta, Microsoft
  and Amazon") or owning one ("Alphabet's Google") leans the same way;
- a common English word alone ("League", "Music"), or common words only ever
  written together ("Major League"), is no person unless a title or role says so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from scaletui.events.entity_lexicon import common_word, given_name, popular_given_name
from scaletui.events.model import Kind
from scaletui.events.names import Mention
from scaletui.events.reconcile import Form

# on equal evidence: a capitalised pair is more often a company than a person
TIE_ORDER = [Kind.ORGANISATION, Kind.PERSON, Kind.PRODUCT, Kind.PLACE, Kind.OTHER]
# the gazetteer's prior for a country, region, or city of a million (events.names.lexicon_cues)
_KNOWN_PLACE = 1.5
# what may stand between two names of one list
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or|&)|\s+(?:and|or|&))\s*", re.IGNORECASE)


def decide(cues: Counter, members: list[Form]) -> Kind:
    """The kind the summed cues point to, or OTHER when they say too little."""
    if not cues:
        return Kind.OTHER
    if members and all(f.priors[Kind.PLACE] >= _KNOWN_PLACE for f in members):
        # Every spelling a country, a region, a large city: a team or a government may act
        # under its name, but it is nobody, and no product ("Paris store", "France hit by")
        cues = Counter({kind: weight for kind, weight in cues.items() if Kind(kind) not in (Kind.PERSON, Kind.PRODUCT)})
    ranked = sorted(cues.items(), key=lambda kv: (-kv[1], TIE_ORDER.index(Kind(kv[0]))))
    for kind, weight in ranked:
        if weight < 1:
            break
        if Kind(kind) is Kind.PERSON and _plain_word(members):
            continue  # "League", "Music": a word, not somebody's name
        return Kind(kind)
    return Kind.OTHER


def _plain_word(members: list[Form]) -> bool:
    """Named only by one common English word, or only ever in full by several that open with no
    popular given name ("Major League", "Spring Training"; "Bob Hope" is somebody), and never
    with a title or role."""
    if any(f.roles for f in members):
        return False
    if all(len(f.words) == 1 for f in members):
        return all(common_word(f.key) and not given_name(f.key) for f in members)
    return all(
        len(f.words) >= 2 and not popular_given_name(f.words[0]) and all(common_word(word) for word in f.words)
        for f in members
    )


def company_kept(text_of: list[str], mentions: list[list[Mention]], root_of: dict[str, str], kinds: dict[str, Kind], key) -> dict[str, Counter]:
    """Extra cues per group root from the names listed with it or owned by it."""
    extra: dict[str, Counter] = defaultdict(Counter)
    for text, ms in zip(text_of, mentions):
        if len(ms) < 2:
            continue  # a name alone in its statement is in no list and owns nothing named
        ordered = sorted(ms, key=lambda m: m.start)
        roots = [root_of.get(key(m.text)) for m in ordered]
        # lists: runs of names joined by commas and "and"
        chains: list[list[int]] = []
        for n in range(len(ordered)):
            if n and _LIST_GAP.fullmatch(text[ordered[n - 1].end : ordered[n].start]):
                chains[-1].append(n)
            else:
                chains.append([n])
        for chain in chains:
            if len(chain) < 2:
                continue  # a name listed with no other
            # "Microsoft and Elon Musk's xAI": the owner is no member of the list, xAI is
            owned = {i for i in chain if ordered[i].possessive and i + 1 < len(ordered)
                     and text[ordered[i].end : ordered[i + 1].start].strip() in ("'s", "’s", "'", "’")}
            listed = [roots[i] for i in chain if roots[i] is not None and i not in owned]
            for r in set(listed):
                others = {kinds[o] for o in listed if o != r and kinds.get(o, Kind.OTHER) is not Kind.OTHER}
                if len(others) == 1:
                    extra[r][others.pop()] += 1
        # owners: "Alphabet's Google" (a company's owner with a plain one-word name)
        for prev, cur, r_prev, r_cur in zip(ordered, ordered[1:], roots, roots[1:]):
            if prev.possessive and r_prev and r_cur and text[prev.end : cur.start].strip() in ("'s", "’s", "'", "’"):
                if kinds.get(r_cur) is Kind.ORGANISATION and " " not in prev.text and not given_name(prev.text):
                    extra[r_prev][Kind.ORGANISATION] += 1
    return extra
