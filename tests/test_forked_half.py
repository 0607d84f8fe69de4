"""Work split with a forked child (events/forked_half.py) gives exactly what one process gives,
and a child that fails, whichever way, leaves its half to this process."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from scaletui.events import forked_half, store
from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline


def _raise(out) -> None:
    raise RuntimeError("the child's half failed")


def _exit(out) -> None:
    os._exit(1)


def _killed(out) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


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
