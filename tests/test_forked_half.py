"""Work split with a forked child (events/forked_half.py) gives exactly what one process gives,
and a child that fails, whichever way, leaves its half to this process."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from scaletui.events import clustering, compare, corpus, forked_half, reopen_cache, store, story_context
from scaletui.events.clustering import lead_statements
from scaletui.events.corpus import load_corpus
from scaletui.events.entities import find_entities
from scaletui.events.parallel import ArticleJob, work_on
from scaletui.events.pipeline import build_timeline
from scaletui.events.similarity import profiles_of


def _raise(out) -> None:
    raise RuntimeError("the child's half failed")


def _exit(out) -> None:
    os._exit(1)


def _killed(out) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _cut_short(out) -> None:
    out.write(b"\x07\x00\x00")  # and exits as if all went well


FAILURES = [_raise, _exit, _killed]


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


@pytest.fixture(scope="module")
def grouping_input(mixed_corpus):
    corpus = load_corpus(mixed_corpus)
    works = [work_on(ArticleJob(d.source.id, d.text, d.source.published, d.source.published_estimated, None))
             for d in corpus.documents]
    statements = [s for w in works for s in w.statements]
    return statements, find_entities(statements), [d.source for d in corpus.documents]


@pytest.fixture(scope="module")
def profiles(grouping_input):
    statements, entities, sources = grouping_input
    rank = {source.id: n for n, source in enumerate(sources)}
    return profiles_of(statements, rank, lead_statements(statements), entities)


def pairs_in_one_process(profiles, monkeypatch) -> list[list]:
    monkeypatch.setattr(clustering, "PAIRS_IN_TWO_FROM", 10**9)
    return [list(column) for column in clustering._pairs(profiles)]


def split_pairs(monkeypatch) -> None:
    monkeypatch.setattr(clustering, "PAIRS_IN_TWO_FROM", 1)
    monkeypatch.setattr(clustering, "_PAIRS_BLOCK", 5)  # many turns on a small corpus


def test_pairs_found_in_two_halves_are_those_one_process_finds(profiles, children, monkeypatch):
    alone = pairs_in_one_process(profiles, monkeypatch)
    assert children == [] and len(alone[0]) > 100
    split_pairs(monkeypatch)
    assert [list(column) for column in clustering._pairs(profiles)] == alone
    assert children == [True]


def test_each_half_leaves_out_the_pairs_crossing_stories(profiles, children, monkeypatch):
    # three stories in one folder: some candidate pairs cross from one to another, and each half drops its own
    alone = pairs_in_one_process(profiles, monkeypatch)
    split_pairs(monkeypatch)
    monkeypatch.setattr(story_context, "STORY_AFFINITY", 0.0)
    every = [list(column) for column in clustering._pairs(profiles)]
    assert len(every[0]) > len(alone[0]) and set(zip(alone[0], alone[1])) < set(zip(every[0], every[1]))
    assert children == [True]


@pytest.mark.parametrize("failure", [*FAILURES, _cut_short])
def test_pairs_a_failed_child_did_not_find_are_found_here(profiles, children, monkeypatch, failure):
    alone = pairs_in_one_process(profiles, monkeypatch)
    split_pairs(monkeypatch)
    monkeypatch.setattr(clustering, "_write_pairs", lambda out, pairs: failure(out))
    assert [list(column) for column in clustering._pairs(profiles)] == alone
    assert children == [failure is _cut_short]  # that one's output is there, and read as unreadable


@pytest.fixture(scope="module")
def timeline(mixed_corpus):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCALETUI_NO_CACHE", "1")
        return build_timeline(load_corpus(mixed_corpus))


def saved(timeline, path: Path) -> tuple[bytes, int, str]:
    stamp = store.save_timeline(timeline, path, force=True)
    return path.read_bytes(), stamp, store.dumps_timeline(timeline)


def in_one_process(timeline, path: Path, monkeypatch) -> tuple[bytes, int, str]:
    monkeypatch.setattr(store, "TWO_HALVES_FROM", 10**9)
    return saved(timeline, path)


def write_in_halves(monkeypatch) -> None:
    monkeypatch.setattr(store, "TWO_HALVES_FROM", 1)
    monkeypatch.setattr(store, "_EVENTS_AT_ONCE", 3)  # many batches on a small corpus
    monkeypatch.setattr(store, "_CHILD_TEXT_AT_ONCE", 7)  # read back in parts that cut through lines and characters


def test_a_file_written_in_two_halves_is_the_file_one_process_writes(timeline, children, tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    alone = in_one_process(timeline, tmp_path / "alone.toml", monkeypatch)
    assert children == [] and len(timeline.events) > 20
    assert any(ord(character) > 127 for character in alone[2])
    write_in_halves(monkeypatch)
    halves = saved(timeline, tmp_path / "halves.toml")
    assert halves == alone  # the file, its stamp (the bytes hashed in order) and the text
    assert halves[1] == store.file_stamp(tmp_path / "halves.toml")
    assert children == [True, True]


@pytest.mark.parametrize("failure", FAILURES)
def test_a_file_half_a_failed_child_did_not_write_is_written_here(timeline, children, tmp_path, monkeypatch, failure):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    alone = in_one_process(timeline, tmp_path / "alone.toml", monkeypatch)
    write_in_halves(monkeypatch)
    monkeypatch.setattr(store, "fork_half", lambda write: forked_half.fork_half(failure))
    assert saved(timeline, tmp_path / "halves.toml") == alone
    assert children == [False, False]


def test_a_thread_beside_this_one_keeps_the_work_in_this_process(timeline, children, tmp_path, monkeypatch):
    """The app builds and saves in a worker thread: forking then could copy a lock another thread holds."""
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    alone = in_one_process(timeline, tmp_path / "alone.toml", monkeypatch)
    write_in_halves(monkeypatch)
    done = {}
    worker = threading.Thread(target=lambda: done.setdefault("saved", saved(timeline, tmp_path / "threaded.toml")))
    worker.start()
    worker.join()
    assert done["saved"] == alone
    assert children == []


def test_a_child_whose_half_is_no_longer_wanted_is_stopped():
    class Stop(Exception):
        pass

    with pytest.raises(Stop), forked_half.fork_half(lambda out: time.sleep(60)) as child:
        pid = child._pid
        raise Stop
    with pytest.raises(ChildProcessError):  # ended and reaped: no process left behind
        os.waitpid(pid, os.WNOHANG)


def test_a_map_split_with_a_child_gives_what_one_process_gives(children):
    items = list(range(1000))
    assert forked_half.split_map(lambda n: (n, n * n), items, from_items=1, block=7) == [(n, n * n) for n in items]
    assert children == [True]


@pytest.mark.parametrize("failure", ["raise", "exit", "kill"])
def test_a_map_block_a_failed_child_did_not_work_out_is_worked_out_here(children, failure):
    parent = os.getpid()

    def square(n):
        if os.getpid() != parent:  # only ever in the child
            if failure == "raise":
                raise RuntimeError("the child's half failed")
            if failure == "exit":
                os._exit(1)
            os.kill(os.getpid(), signal.SIGKILL)
        return n * n

    assert forked_half.split_map(square, list(range(300)), from_items=1, block=16) == [n * n for n in range(300)]
    assert children == [False]


def test_discrepancies_found_in_two_halves_are_those_one_process_finds(timeline, children, monkeypatch):
    def compared():
        events = [event.model_copy(deep=True) for event in timeline.events]
        compare.compare_events(events, timeline.entities, timeline.sources)
        return [(event.silent, event.discrepancies) for event in events]

    monkeypatch.setattr(compare, "IN_TWO_FROM", 10**9)
    alone = compared()
    assert children == [] and len(alone) > 100 and sum(bool(found) for _, found in alone) > 3
    monkeypatch.setattr(compare, "IN_TWO_FROM", 1)
    monkeypatch.setattr(forked_half, "BLOCK", 5)
    assert compared() == alone
    assert children == [True]


def test_articles_read_in_two_halves_are_those_one_process_reads(mixed_corpus, children, monkeypatch):
    # no sources.toml: every article's date and headline come from its text
    def read():
        return [(d.source, d.text, d.chrome) for d in load_corpus(mixed_corpus).documents]

    monkeypatch.setattr(corpus, "FACTS_IN_TWO_FROM", 10**9)
    alone = read()
    assert children == [] and len(alone) > 20 and sum(s.published is not None for s, _, _ in alone) > 3
    monkeypatch.setattr(corpus, "FACTS_IN_TWO_FROM", 1)
    monkeypatch.setattr(forked_half, "BLOCK", 3)
    assert read() == alone
    assert children == [True]


def test_a_saved_timeline_is_kept_while_the_child_writes_its_half(timeline, children, tmp_path, monkeypatch):
    monkeypatch.delenv("SCALETUI_NO_CACHE", raising=False)
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(tmp_path / "cache"))
    alone = in_one_process(timeline, tmp_path / "alone.toml", monkeypatch)
    write_in_halves(monkeypatch)
    seen = []
    make, output = reopen_cache.Keeping.make, forked_half.ForkedHalf.output
    monkeypatch.setattr(reopen_cache.Keeping, "make", lambda self: (seen.append("kept"), make(self))[1])
    monkeypatch.setattr(forked_half.ForkedHalf, "output", lambda self: (seen.append("child's half read"), output(self))[1])
    halves = saved(timeline, tmp_path / "halves.toml")
    assert halves == alone
    assert seen[:2] == ["kept", "child's half read"] and children == [True, True]  # the save, then dumps_timeline
    kept = reopen_cache.read(reopen_cache.file_key(reopen_cache.file_digest(halves[0])))
    assert kept is not None and kept.model_dump() == timeline.model_dump()


def test_events_made_in_two_halves_are_those_one_process_makes(grouping_input, children, monkeypatch):
    def grouped():
        return [event.model_dump() for event in clustering.cluster_events(*grouping_input)]

    monkeypatch.setattr(clustering, "EVENTS_IN_TWO_FROM", 10**9)
    alone = grouped()
    assert children == [] and len(alone) > 100
    monkeypatch.setattr(clustering, "EVENTS_IN_TWO_FROM", 1)
    monkeypatch.setattr(forked_half, "BLOCK", 5)
    assert grouped() == alone
    assert children == [True]
