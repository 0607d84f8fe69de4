"""Reading and writing the files a user points scaletui at, trusting nothing about them.

Reads take only regular files, opened without blocking (a FIFO named `x.txt`
never hangs us, a link to /dev/zero is never read) and never more than a size
limit the user can raise.

Writes go only to a regular file or a new path, through a symbolic link to its
target, by writing a temporary file beside the target and renaming it into
place, so a reader never sees half a file. The temporary file has a name that
says what it is, is removed on any failure, and ones left by a killed process
are swept on the next save. A lock on the target's folder, held from the
caller's check of what is on disk until the rename, keeps two saves of one file
from both believing they were first.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from scaletui.events.errors import ScaletuiError

try:
    import fcntl
except ImportError:  # not on Windows: saves there rely on the re-check before the rename alone
    fcntl = None  # type: ignore[assignment]

ARTICLE_LIMIT_VARIABLE = "SCALETUI_MAX_ARTICLE_SIZE"
TIMELINE_LIMIT_VARIABLE = "SCALETUI_MAX_TIMELINE_SIZE"
ANALYSIS_LIMIT_VARIABLE = "SCALETUI_MAX_ANALYSED_SIZE"
# A long news feature is a few hundred kilobytes; a timeline of 10,000 events
# tens of megabytes. The limits stop a mistaken or hostile file well before it
# costs minutes or gigabytes.
DEFAULT_ARTICLE_LIMIT = 8 * 1024 * 1024
DEFAULT_TIMELINE_LIMIT = 256 * 1024 * 1024
LISTING_LIMIT = 16 * 1024 * 1024  # sources.toml, entities.toml: a line per article or entity is far less
# How much of one article is read for events (in characters): five times the
# longest news feature, and what the pipeline reads in seconds; one article of
# megabytes read whole costs minutes.
DEFAULT_ANALYSIS_LIMIT = 512 * 1024

TEMP_MARK = "scaletui-save"
_LOCK_WAIT = 15.0  # seconds to wait for another save into the same folder
_CHUNK = 1 << 20
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}


class Refused(Exception):
    """A file scaletui will not read or write; the message says why, without the file's name."""


# ---------------------------------------------------------------- limits


def size_limit(variable: str, default: int) -> int:
    """The byte limit set in the environment variable ("20M", "500k", "1048576"), else `default`."""
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([a-zA-Z]*)", raw)
    if not match or match.group(2).lower() not in _UNITS:
        raise ScaletuiError(f"{variable}={raw!r} is not a size (use e.g. 20M, 500k or a number of bytes)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def article_limit() -> int:
    return size_limit(ARTICLE_LIMIT_VARIABLE, DEFAULT_ARTICLE_LIMIT)


def timeline_limit() -> int:
    return size_limit(TIMELINE_LIMIT_VARIABLE, DEFAULT_TIMELINE_LIMIT)


def analysis_limit() -> int:
    return max(size_limit(ANALYSIS_LIMIT_VARIABLE, DEFAULT_ANALYSIS_LIMIT), 1)


def megabytes(size: int) -> str:
    return f"{size / 1024**2:.1f} MB" if size >= 1024**2 else f"{size / 1024:.0f} kB"


# ---------------------------------------------------------------- reading


def _check_name(path: Path) -> None:
    if "\x00" in str(path):
        raise Refused("is not a file name (it holds a NUL character)")


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode):
        return "a regular file"
    return "a special file"


def _open_regular(path: Path) -> tuple[int, os.stat_result]:
    """A read-only descriptor on `path`, which must be a regular file.

    Checked before opening (opening some devices has effects) and again after
    (the file may have been swapped in between). O_NONBLOCK makes opening a
    FIFO return at once instead of waiting for a writer.
    """
    _check_name(path)
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"is {kind_of(info.st_mode)}, not a regular file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"is {kind_of(info.st_mode)}, not a regular file")
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info


def read_regular(path: Path, limit: int, limit_variable: str = "") -> bytes:
    """The bytes of a regular file no bigger than `limit`.

    Refused for anything else; OSError when the file cannot be read.
    """
    descriptor, info = _open_regular(path)
    try:
        if info.st_size > limit:
            raise Refused(_too_big(info.st_size, limit, limit_variable))
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(descriptor, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read it
                raise Refused(_too_big(total, limit, limit_variable))
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _too_big(size: int, limit: int, variable: str) -> str:
    hint = f"; set {variable} to raise it" if variable else ""
    return f"is {megabytes(size)}, over the {megabytes(limit)} limit{hint}"


def digest_regular(path: Path, digest: Callable[[], object]) -> bytes | None:
    """A hash of a regular file's content, read in chunks; None when there is no such regular file."""
    try:
        descriptor, _ = _open_regular(path)
    except (OSError, Refused):
        return None
    hasher = digest()
    try:
        while chunk := os.read(descriptor, _CHUNK):
            hasher.update(chunk)  # type: ignore[attr-defined]
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return hasher.digest()  # type: ignore[attr-defined,no-any-return]


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False, never an exception, for a name the system refuses."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, every link followed, lies within `folder` (links followed too)."""
    try:
        real = Path(os.path.realpath(path))
        home = Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return real == home or home in real.parents


# ---------------------------------------------------------------- writing


def write_target(path: Path) -> Path:
    """Where writing to `path` really lands: the file itself, or the end of its chain of links.

    Refused unless that is a regular file or does not exist yet in an existing folder.
    """
    path = Path(path)
    _check_name(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        info = os.stat(target)
    except FileNotFoundError:
        folder = target.parent
        if not folder.is_dir():
            raise Refused(f"the folder {folder} does not exist") from None
        return target
    except OSError as error:
        raise Refused(f"cannot be written ({error.strerror or error})") from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"is {kind_of(info.st_mode)}, not a regular file; not written")
    return target


def temp_pattern(name: str) -> re.Pattern[str]:
    """Names of the temporary files a save of `name` leaves when it is killed.

    The second form is what earlier versions named them (tempfile's `.<name>.<8 chars>.tmp`).
    """
    stem = re.escape(name[:200])
    return re.compile(rf"\.{stem}\.(?:{TEMP_MARK}-[0-9a-f]+|[a-z0-9_]{{8}})\.tmp")


def replace_file(path: Path, data: bytes | Iterable[bytes], check: Callable[[Path], None] | None = None) -> Path:
    """Put `data` in the file at `path` atomically; return the path really written.

    `data` is the bytes, or the bytes in parts, each written as it comes (so a
    file of tens of megabytes is never held whole); whatever a part's maker
    raises stops the save like a failed write. `check(target)` runs under the
    folder's lock, once before writing and again just before the rename: it
    raises to stop the save (the target is untouched and the temporary file
    removed). A replaced file keeps its permissions; a new one gets the usual
    ones (0666 less the umask).
    """
    target = write_target(path)
    folder = target.parent
    with _folder_lock(folder) as locked:
        sweep_temp_files(folder, target.name, any_age=locked)
        if check is not None:
            check(target)
        previous = _regular_stat(target)
        temp = folder / f".{target.name[:200]}.{TEMP_MARK}-{secrets.token_hex(4)}.tmp"
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            try:
                for part in (data,) if isinstance(data, bytes) else data:
                    _write_all(descriptor, part)
                if previous is not None:
                    _keep_owner_and_mode(descriptor, previous)
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            if check is not None:
                check(target)
            if _regular_stat(target) is None and target.exists():
                raise Refused(f"became {kind_of(os.stat(target).st_mode)} during the save; not written")
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        _sync_folder(folder)
    return target


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _regular_stat(path: Path) -> os.stat_result | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _keep_owner_and_mode(descriptor: int, previous: os.stat_result) -> None:
    # Owner first: changing it can clear set-id bits that the chmod then restores.
    if hasattr(os, "fchown") and (previous.st_uid, previous.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):  # only root may give a file away; others keep their own
            os.fchown(descriptor, previous.st_uid, previous.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(previous.st_mode))


def sweep_temp_files(folder: Path, name: str, *, any_age: bool) -> int:
    """Remove temporary files earlier saves of `name` left behind; how many were removed.

    Under the folder lock no save of ours is running, so any such file is
    left over; without the lock only ones older than an hour are touched.
    """
    pattern = temp_pattern(name)
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            if any_age or time.time() - info.st_mtime > 3600:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[bool]:
    """Hold an advisory lock on the folder itself (no lock file to leave behind); yields whether it is held.

    The kernel releases it when the process dies, so a killed save never
    leaves the folder locked.
    """
    if fcntl is None:
        yield False
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield False  # a folder we may write but not list: the re-check before the rename still holds
        return
    locked = False
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while not locked:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Refused("another save into this folder has not finished; try again") from None
                time.sleep(0.02)
            except OSError:  # a filesystem without locks
                break
        yield locked
    finally:
        os.close(descriptor)  # closing releases the lock


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort (not every system can sync a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
