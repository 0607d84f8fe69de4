"""What the per-article work made of an article, kept between runs.

Splitting an article, dating its statements and reading its figures depends on
nothing but the article's text, its source id, its publication date (and
whether that is an estimate), the year it is known to belong to, and the code
that does the work. An entry is keyed by all of these, so a second open of an
unchanged corpus, or of one with a single new article, redoes only what changed.

The code is `PIPELINE_VERSION` (bump it when the output changes for a reason
the source files do not show, such as a changed data file) together with a
fingerprint of the `events` package's source and dateparser's version: an
edited checkout never reads what older code wrote.

Where: `SCALETUI_CACHE_DIR` if set, else the user's cache folder
(`platformdirs`, which follows XDG_CACHE_HOME). `SCALETUI_NO_CACHE=1` turns it
off. Each code version has its own folder; the first write of a new one
removes the others. Whole builds of a corpus (events/build_cache.py) live in
the same folder, under `timelines/`. The cache is only ever a shortcut: an entry that cannot be written is
skipped, one that cannot be read or decoded counts as absent.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import zlib
from datetime import date
from functools import lru_cache
from pathlib import Path

PIPELINE_VERSION = 1
CACHE_DIR_VARIABLE = "SCALETUI_CACHE_DIR"
NO_CACHE_VARIABLE = "SCALETUI_NO_CACHE"
_PACKAGE = Path(__file__).resolve().parent
_VERSION_FOLDER = re.compile(r"articles-[0-9a-f]{16}")  # only ever our own folders are removed


def cache_folder() -> Path | None:
    """Where per-article entries live now, or None when caching is off (read each time: tests and benchmarks set it)."""
    if os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        base = Path(chosen)
    else:
        import platformdirs

        base = Path(platformdirs.user_cache_dir("scaletui", appauthor=False))
    return base / f"articles-{code_version()}"


@lru_cache(maxsize=1)
def code_version() -> str:
    """PIPELINE_VERSION, the events package's source and dateparser's version, in one short digest."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.blake2b(f"{PIPELINE_VERSION}".encode(), digest_size=8)
    try:
        digest.update(version("dateparser").encode())
    except PackageNotFoundError:
        pass
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


def article_key(text: str, source_id: str, published: date | None, estimated: bool, reference_year: int | None) -> str:
    """The entry name of one article's work given what it depends on."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (source_id, published.isoformat() if published else "", "1" if estimated else "0", str(reference_year or "")):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ArticleCache:
    """Entries of one cache folder: bytes by key. None as the folder: caching off."""

    kept = 0  # at most this many entries, the most recently used (0: no limit)

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._writable = folder is not None
        self._checked_folder = False

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> bytes | None:
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            data = path.read_bytes()
        except (OSError, ValueError):
            return None
        if self.kept:
            try:
                os.utime(path)  # used now: the last to be let go
            except OSError:
                pass
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store an entry whole (written beside it, then renamed) or not at all; never raises for the file system."""
        if not self._writable:
            return
        path = self._path(key)
        try:
            if not self._checked_folder:
                self._checked_folder = True
                if not self.folder.is_dir():
                    _forget_other_versions(self.folder)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, ValueError):
            self._writable = False  # a read-only or full folder: the rest of this run goes uncached
            return
        if self.kept:
            _keep_newest(path.parent, path.suffix, self.kept)


class CompressedParts:
    """A file-like sink that compresses what is written as it comes (about six times smaller, at a few ms a
    megabyte), for a cache entry written in parts: the whole entry uncompressed, tens of megabytes at
    thousands of articles, is never held."""

    def __init__(self) -> None:
        self._compress = zlib.compressobj(1)
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(self._compress.compress(data))
        return len(data)

    def finished(self) -> bytes:
        """The compressed bytes of all that was written."""
        self._parts.append(self._compress.flush())
        return b"".join(self._parts)


def _keep_newest(folder: Path, suffix: str, kept: int) -> None:
    """Remove all but the `kept` most recently used entries of `folder`."""
    try:
        entries = sorted(((p.stat().st_mtime, p) for p in folder.glob(f"*{suffix}")), reverse=True)
    except OSError:
        return
    for _used, path in entries[kept:]:
        try:
            path.unlink()
        except OSError:
            pass


def _forget_other_versions(folder: Path) -> None:
    """Entries older code wrote are never read again: remove them when this code first writes its own.

    (Two versions of scaletui used by turns each clear the other's entries: slower, never wrong.)
    """
    try:
        siblings = [p for p in folder.parent.glob("articles-*") if p != folder and _VERSION_FOLDER.fullmatch(p.name) and p.is_dir()]
    except OSError:
        return
    for sibling in siblings:
        shutil.rmtree(sibling, ignore_errors=True)
