"""Names read in two halves, half of the statements by a forked child, give exactly the
entities one process finds, and a child that fails leaves its half to this process."""

from __future__ import annotations

import os
import pickle
import signal

import pytest

from scaletui.events import entities, forked_half
from scaletui.events.corpus import load_corpus
from scaletui.events.model import Kind
from scaletui.events.names import Mention, extract
from scaletui.events.parallel import ArticleJob, work_on


@pytest.fixture(scope="module")
def statements(mixed_corpus):
    corpus = load_corpus(mixed_corpus)
    works = [work_on(ArticleJob(d.source.id, d.text, d.source.published, d.source.published_estimated, None))
             for d in corpus.documents]
    return [s for w in works for s in w.statements]


@pytest.fixture
def children(monkeypatch) -> list[bool]:
    """For each forked child, whether its output was there to read (False: its half was done here)."""
    seen: list[bool] = []
    real = forked_half.ForkedHalf.output

    def output(self):
        written = real(self)
        seen.append(written is not None)
        return written

    monkeypatch.setattr(forked_half.ForkedHalf, "output", output)
    return seen


def found(statements) -> tuple[list[dict], list[list[str]]]:
    """The entities and each statement's ids, the statements' own left as they were."""
    copies = [s.model_copy(deep=True) for s in statements]
    return [e.model_dump() for e in entities.find_entities(copies)], [list(s.entities) for s in copies]


def in_one_process(statements, monkeypatch):
    monkeypatch.setattr(entities, "NAMES_IN_TWO_FROM", 10**9)
    return found(statements)


def in_halves(monkeypatch) -> None:
    monkeypatch.setattr(entities, "NAMES_IN_TWO_FROM", 1)
    monkeypatch.setattr(forked_half, "BLOCK", 5)  # many turns on a small corpus


def test_names_read_in_two_halves_are_those_one_process_reads(statements, children, monkeypatch):
    alone = in_one_process(statements, monkeypatch)
    assert children == [] and len(alone[0]) > 50
    # every statement its own names: one landing in another's place would change its ids
    assert sum(1 for ids in alone[1] if ids) > 100 and len({tuple(ids) for ids in alone[1]}) > 50
    in_halves(monkeypatch)
    assert found(statements) == alone
    assert children == [True]


@pytest.mark.parametrize("failure", ["raise", "exit", "kill"])
def test_names_a_failed_child_did_not_read_are_read_here(statements, children, monkeypatch, failure):
    alone = in_one_process(statements, monkeypatch)
    in_halves(monkeypatch)
    parent = os.getpid()

    def failing(*args, **kwargs):
        if os.getpid() != parent:  # only ever in the child
            if failure == "raise":
                raise RuntimeError("the child's half failed")
            if failure == "exit":
                os._exit(1)
            os.kill(os.getpid(), signal.SIGKILL)
        return extract(*args, **kwargs)

    monkeypatch.setattr(entities, "extract", failing)
    assert found(statements) == alone
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
