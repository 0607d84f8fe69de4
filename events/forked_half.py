"""Half of some work done by a forked child on the second core while this process does the other half.

The pool of events/parallel.py serves the per-article work; what follows it
(grouping, writing the file) runs in this process, and some of it splits into
two independent halves whose results are small. A forked child starts with
this process's memory as it is, so it needs nothing handed over: it works out
its half and writes it to a temporary file (a pipe would stall it once full,
while this process is busy with its own half), which this process reads after
its own. Whatever goes wrong in the child (it raises, is killed, exits early)
leaves its half to this process: the result is the same either way.

What a child costs is memory: its pages are this process's until either writes
them, and CPython writes an object's reference count whenever it reads it, so
every page the child reads is copied for as long as it lives (about 120 MB
beside this process's 450-500 MB, grouping or writing 2,400 ECB+ articles).

    with fork_half(write_second_half) as child:
        first = first_half()
        written = child.output() if child is not None else None
        second = read(written) if written is not None else second_half()
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from typing import BinaryIO


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
