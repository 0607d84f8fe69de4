"""Names read in two halves, half of the statements by a forked child, give exactly the
entities one process finds, and a child that fails leaves its half to this process."""

from __future__ import annotations

import os
import pickle

import pytest

from scaletui.events import entities, forked_half
from scaletui.events.model import Kind
from scaletui.events.names import Mention, extract
from test_forked_half import FAILURES, children, grouping_input  # noqa: F401  (fixtures)


@pytest.fixture(scope="module")
def statements(grouping_input):
    return grouping_input[0]


def found(statements, monkeypatch, in_two_from: int) -> tuple[list[dict], list[list[str]]]:
    """The entities and each statement's ids, the statements' own left as they were."""
    monkeypatch.setattr(entities, "NAMES_IN_TWO_FROM", in_two_from)
    monkeypatch.setattr(forked_half, "BLOCK", 5)  # many turns on a small corpus
    copies = [s.model_copy(deep=True) for s in statements]
    return [e.model_dump() for e in entities.find_entities(copies)], [list(s.entities) for s in copies]


ONE_PROCESS, HALVES = 10**9, 1


def test_names_read_in_two_halves_are_those_one_process_reads(statements, children, monkeypatch):
    alone = found(statements, monkeypatch, ONE_PROCESS)
    assert children == [] and len(alone[0]) > 50
    # every statement its own names: one landing in another's place would change its ids
    assert sum(1 for ids in alone[1] if ids) > 100 and len({tuple(ids) for ids in alone[1]}) > 50
    assert found(statements, monkeypatch, HALVES) == alone
    assert children == [True]


@pytest.mark.parametrize("failure", FAILURES)
def test_names_a_failed_child_did_not_read_are_read_here(statements, children, monkeypatch, failure):
    alone = found(statements, monkeypatch, ONE_PROCESS)
    parent = os.getpid()

    def failing(*args, **kwargs):
        if os.getpid() != parent:  # only ever in the child: it raises, exits or is killed
            failure(None)
        return extract(*args, **kwargs)

    monkeypatch.setattr(entities, "extract", failing)
    assert found(statements, monkeypatch, HALVES) == alone
    assert children == [False]


def _fields(m: Mention) -> tuple:
    return (m.statement, m.start, m.end, m.text, m.initial, m.possessive, m.possessor, m.role, list(m.cues.items()),
            m.headline, m.attribution, m.fragile, list(m.priors.items()), type(m.cues), type(m.priors))


def test_a_mention_pickled_comes_back_the_same_its_weights_in_order():
    mention = Mention(3, 10, 24, "Kestrel Terminals", True, possessive=True, possessor="Elon Musk", role="chief executive",
                      headline=True, attribution=True, fragile=True)
    mention.cues[Kind.PRODUCT] += 1.5
    mention.cues[Kind.ORGANISATION] += 3
    mention.cues[Kind.PERSON] += 0
    mention.priors[Kind.PLACE] += 2
    mention.priors[Kind.PERSON] = 0.5
    back = pickle.loads(pickle.dumps([mention, Mention(0, 0, 3, "IBM", False)], protocol=pickle.HIGHEST_PROTOCOL))
    assert [_fields(m) for m in back] == [_fields(mention), _fields(Mention(0, 0, 3, "IBM", False))]
    back[0].cues[Kind.OTHER] += 1  # a Counter of its own, still counting
    assert mention.cues[Kind.OTHER] == 0 and back[0].cues[Kind.OTHER] == 1


def test_the_mentions_of_real_statements_pickle_back_the_same(statements):
    from scaletui.events.names import Vocabulary, tokenize

    tokens = [tokenize(s.text) for s in statements]
    vocab = Vocabulary()
    for toks in tokens:
        vocab.add(toks)
    read = [extract(toks, vocab, i) for i, toks in enumerate(tokens)]
    assert sum(map(len, read)) > 300
    back = pickle.loads(pickle.dumps(read, protocol=pickle.HIGHEST_PROTOCOL))
    assert [[_fields(m) for m in ms] for ms in back] == [[_fields(m) for m in ms] for ms in read]
