"""Statements that other outlets printed nearly word for word: one report, so one event.

Wire copy and syndication put the same sentence in several articles ("The other
people at the office party were able to escape without injury, Fanning said."
in three of them). Grouping asks two reports to name a common act, measure or
pair of parties before they may join, and a quote or a piece of background often
names none: each copy was left an event of its own, every other outlet marked
silent on it. After grouping, a statement still alone joins the event its copy
is in, or, where its copies are alone too, they become one event. A statement
in an event with others stays where grouping put it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from scaletui.events.similarity import Profile, compatible_windows, narrowed

# Two texts this alike, letter for letter (rapidfuzz's ratio, 0-100), are one text retold: a copy
# edited for house style ("district" / "arrondissement", a dropped adjective), not a paraphrase.
COPY_RATIO = 90
# Copies are found by their words: the whole text, its first or its last this many words, one of
# which an edited copy keeps. Texts shorter than this are left alone ("He declined to comment.").
COPY_KEY_WORDS = 6
# A key more statements share than this is a formula ("Click here to ..."), not a copy: not followed.
COPY_KEY_LIMIT = 50

_WORD = re.compile(r"\w+")


def join_lone_copies(profiles: list[Profile], groups: list[list[int]]) -> list[list[int]]:
    """`groups` with each statement alone moved to the group of its closest copy from another outlet."""
    lone = [members[0] for members in groups if len(members) == 1]
    if not lone:
        return groups
    keyed: dict[str, list[int]] = defaultdict(list)
    keys = [_copy_keys(profile.statement.text) for profile in profiles]
    for profile, own in zip(profiles, keys):
        for key in own:
            keyed[key].append(profile.index)
    copies: dict[int, list[tuple[float, int]]] = {}  # statement alone -> (likeness, -copy) of each copy
    for statement in lone:
        one = profiles[statement]
        found = {other for key in keys[statement] if len(keyed[key]) <= COPY_KEY_LIMIT for other in keyed[key]}
        for other in sorted(found):
            two = profiles[other]
            if two.statement.source == one.statement.source or not compatible_windows(one.window, two.window):
                continue
            ratio = fuzz.ratio(one.statement.text.lower(), two.statement.text.lower())
            if ratio >= COPY_RATIO:
                copies.setdefault(statement, []).append((ratio, -other))
    group_of = {m: number for number, members in enumerate(groups) for m in members}
    moved = _destinations(copies, group_of, set(lone), profiles)
    result: dict[int, list[int]] = {}
    for number, members in enumerate(groups):
        for member in members:
            result.setdefault(moved.get(member, number), []).append(member)
    return [sorted(result[number]) for number in sorted(result)]


def _copy_keys(text: str) -> tuple[str, ...]:
    words = _WORD.findall(text.lower())
    if len(words) < COPY_KEY_WORDS:
        return ()
    return (" ".join(words), "<" + " ".join(words[:COPY_KEY_WORDS]), ">" + " ".join(words[-COPY_KEY_WORDS:]))


def _destinations(
    copies: dict[int, list[tuple[float, int]]], group_of: dict[int, int], lone: set[int], profiles: list[Profile]
) -> dict[int, int]:
    """{lone statement: the group it joins}. Lone statements that are copies of one another move together:
    to the group of their likest copy in an event of several statements, else into one of their own
    (the first of theirs). Copies join only while the times they allow still meet, as groups do: two
    copies at times that cannot meet are not joined through a third that allows both."""
    parent = {statement: statement for statement in copies}
    window = {statement: profiles[statement].window for statement in copies}  # by root: what its copies allow

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for statement in sorted(copies):
        for _, negative in sorted(copies[statement], reverse=True):
            if -negative not in parent:
                continue
            first, second = sorted((root(statement), root(-negative)))
            if first != second and compatible_windows(window[first], window[second]):
                parent[second] = first
                window[first] = narrowed(window[first], window[second])
    placed: dict[int, tuple[float, int]] = {}  # root -> (likeness, -copy) of the likest copy in an event
    for statement, found in copies.items():
        own = root(statement)
        for score, negative in found:
            if (
                -negative not in lone
                and compatible_windows(window[own], profiles[-negative].window)
                and (score, negative) > placed.get(own, (-1.0, 0))
            ):
                placed[own] = (score, negative)
    return {
        statement: group_of[-placed[root(statement)][1]] if root(statement) in placed else group_of[root(statement)]
        for statement in copies
    }
