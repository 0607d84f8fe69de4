"""Half of some work done by a forked child on the second core while this process does the other half.

The pool of events/parallel.py serves the per-article work; what comes before
and after it (reading the folder, finding entities, grouping, comparing, writing
the file) runs in this process, and some of it splits into two independent
halves whose results are small: `split_map` for a list of items worked out one
by one (articles' dates and headlines, the names each statement holds, events'
discrepancies, what an event's statements say as a whole), `fork_half` itself for the rest (grouping's
candidate pairs, the file's second half). A forked child starts with
this process's memory as it is, so it needs nothing handed over: it works out
its half and writes it to a temporary file (a pipe would stall it once full,
while this process is busy with its own half), which this process reads after
its own. Whatever goes wrong in the child (it raises, is killed, exits early)
leaves its half to this process: the result is the same either way.

What a child costs is memory: its pages are this process's until either writes
them, and CPython writes an object's reference count whenever it reads it, so
every page the child reads is copied for as long as it lives (about 120 MB
beside this process's 450-500 MB, grouping or writing 2,400 ECB+ articles).
Time too: while the child lives, this process copies each shared page it writes
to, so a half pays only where it is worth well over a few tenths of a second,
and only where its results come back small (the names each statement holds,
handed back pickled field by field, cost most of what the half saved; handed
back as tuples of plain values, they pay from 10,000 statements).

    with fork_half(write_second_half) as child:
        first = first_half()
        written = child.output() if child is not None else None
        second = read(written) if written is not None else second_half()
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def can_fork() -> bool:
    """Whether this process may fork a child that goes on with its memory as it is.

    Forking a process with other threads running (the app builds in a worker
    thread) can copy a lock some thread holds, never released in the child.
    """
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class ForkedHalf:
    """A child writing its half into `file`; `output` waits for it."""

    def __init__(self, pid: int, file: BinaryIO) -> None:
        self._pid: int | None = pid
        self._file = file
        self._succeeded = False

    def output(self) -> BinaryIO | None:
        """What the child wrote, read from the start; None if it did not finish (then do its half here)."""
        if self._pid is not None:
            pid, self._pid = self._pid, None
            try:
                _pid, status = os.waitpid(pid, 0)
            except ChildProcessError:  # reaped by someone else: how it ended is not known
                return None
            self._succeeded = os.waitstatus_to_exitcode(status) == 0
        if not self._succeeded:
            return None
        self._file.seek(0)
        return self._file

    def _end(self) -> None:
        """A child still working when its half is no longer wanted (this process raised) is stopped."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = None
        self._file.close()


@contextlib.contextmanager
def fork_half(write: Callable[[BinaryIO], None]) -> Iterator[ForkedHalf | None]:
    """A child running `write(file)`, or None where this process may not fork (see can_fork).

    The child leaves by os._exit: it must not run this process's cleanup (the
    `finally` blocks and `with` exits above this call, atexit handlers, the
    flushing of buffered output), nor print a traceback: a child that fails
    exits non-zero and its half is done again here.
    """
    if not can_fork():
        yield None
        return
    try:
        file = tempfile.TemporaryFile()
    except OSError:
        yield None
        return
    try:
        pid = os.fork()
    except OSError:
        file.close()
        yield None
        return
    if pid == 0:  # the child
        code = 1
        try:
            write(file)
            file.flush()
            code = 0
        except BaseException:  # noqa: BLE001  any failure, even an interrupt: the parent does this half
            pass
        finally:
            os._exit(code)
    child = ForkedHalf(pid, file)
    try:
        yield child
    finally:
        child._end()


# Items a turn of split_map takes.
BLOCK = 64


def split_map(function: Callable[[Item], Result], items: Sequence[Item], from_items: int, block: int = 0) -> list[Result]:
    """`[function(item) for item in items]`, a forked child working out every other block of `block`
    (BLOCK) items, taking turns to keep the halves even where the items' costs drift along the list,
    from `from_items` items on. The results must pickle: the child's are handed back that way, so
    they should be small beside the work (a few discrepancies per event)."""
    block = block or BLOCK
    if len(items) < max(from_items, 2 * block):
        return [function(item) for item in items]
    starts = range(0, len(items), block)
    own, theirs = starts[0::2], starts[1::2]

    def work(blocks: range) -> list[Result]:
        return [function(item) for start in blocks for item in items[start : start + block]]

    def write(out: BinaryIO) -> None:
        pickle.dump(work(theirs), out, protocol=pickle.HIGHEST_PROTOCOL)

    with fork_half(write) as child:
        mine = work(own)
        written = child.output() if child is not None else None
        found = None
        if written is not None:
            with contextlib.suppress(Exception):  # cut short or damaged: its half is worked out here
                found = pickle.load(written)
    if not isinstance(found, list) or len(found) != sum(len(items[start : start + block]) for start in theirs):
        found = work(theirs)  # no child, one that failed, or what it wrote was cut short
    results: list[Result] = []
    for number in range(len(starts)):  # block n is block n // 2 of its half; only the very last may be short
        half, at = (found if number % 2 else mine), number // 2 * block
        results.extend(half[at : at + block])
    return results
