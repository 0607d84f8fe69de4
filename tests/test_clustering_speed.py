"""Shortcuts grouping takes at scale give the answers of the general code they stand for."""

from __future__ import annotations

import re
from itertools import product
from types import SimpleNamespace

from scaletui.events import clustering
from scaletui.events.clustering import _BOILERPLATE, _Groups, lone_threshold


def _profile(index: int, source: str, lead: bool) -> SimpleNamespace:
    return SimpleNamespace(
        index=index, statement=SimpleNamespace(source=source), lead=lead, vector={"w": 1.0},
        window=(0, 10, 0, 10), figures=[], actions=frozenset(), lemmas=frozenset(),
    )


def test_the_bar_of_two_lone_statements_is_the_groups_bar():
    for same_source, lead_a, lead_b in product((True, False), repeat=3):
        profiles = [_profile(0, "a", lead_a), _profile(1, "a" if same_source else "b", lead_b)]
        groups = _Groups(profiles, {}, {})
        assert lone_threshold(same_source, lead_a and lead_b) == groups.threshold(0, 1), (same_source, lead_a, lead_b)


# The phrases as they were first written, a word boundary before each.
_EACH_BOUNDED = re.compile(
    r"©|\ball rights reserved\b|\bdisclaimer\b|\bposted by\b|\brelated articles?\b|\brecommended\b|"
    r"\bsubscribe\b|\bnewsletter\b|\bsign up\b|\bclick here\b|\bcopy (?:article|link)|\btotal views\b|"
    r"\bnot (?:been )?edited by\b|\bauto-generated\b|\bsyndicated feed\b|\bread more\b|\bfollow us\b|"
    r"\bcookies?\b|\badvertisement\b|\bshare this\b|\bpast performance\b|\bfinancial advi[cs]",
    re.IGNORECASE,
)


def test_boilerplate_is_told_as_with_a_boundary_before_each_phrase():
    texts = [
        "© 2024 Acme News", "All Rights Reserved.", "Please SUBSCRIBE to our newsletter", "Unsubscribe here",
        "Copy link", "copyright", "It has not been edited by our staff", "READ MORE:", "preread more", "Cookie policy",
        "The cookiest jar", "Past performance is no guide", "Seek financial advice", "financial adviser Jo Roe",
        "Police arrested two men on Friday.", "posted by", "reposted by", "Ǆsign up", "_sign up", "sign upper",
    ]
    for text in texts:
        assert bool(_BOILERPLATE.search(text)) == bool(_EACH_BOUNDED.search(text)), text
    assert clustering._BOILERPLATE.search("Police arrested two men on Friday.") is None
