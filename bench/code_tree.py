"""Which code the benchmarks run: this checkout, or another git revision's tree beside it.

The benchmarks reach the pipeline only through what `scaletui export` and the
app use (load_corpus, build_timeline, dumps_timeline, save_timeline, loads_timeline), so they run unchanged on older
and newer code. Another revision is extracted with `git archive` into a
temporary folder (no worktree, no change to the repository) and run in a
subprocess with that folder first on `sys.path`; the data and the scoring stay
this checkout's, so only the code differs.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent

# Paid once, untimed, before measuring: lazy imports and first-call set-up
# (dateparser's languages, word lists) would otherwise land on whatever runs first.
# Not a sentence of any benchmark corpus, so no content cache can serve it later.
WARM_UP_ARTICLES = {
    "dated.txt": "Acme Widgets buys Foobar Labs\n\n"
    "NEW YORK, March 3, 2021 - Acme Widgets Inc said on Wednesday it agreed to buy Foobar Labs "
    "for $12 million, its second deal this year. Chief executive Jane Roe said the deal would close by June.\n",
    # no date of its own: exercises the estimation path too
    "undated.txt": "Foobar Labs staff welcome the deal\n\n"
    "Staff at Foobar Labs said last week that the sale to Acme, first reported in February 2021, "
    "was good news after a difficult 2020.\n",
}


class Pipeline(NamedTuple):
    load_corpus: Callable[[Path], Any]
    build_timeline: Callable[..., Any]
    dumps_timeline: Callable[[Any], str]
    save_timeline: Callable[..., int]  # what `scaletui export -o FILE` and the app's save write with
    loads_timeline: Callable[[str], Any]  # how the app reopens a saved file


class _OldLayout(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`scaletui.X` as the top-level `X` of a tree from before the package namespace."""

    def find_spec(self, name, path, target=None):
        if name == "scaletui" or name.startswith("scaletui."):
            return importlib.util.spec_from_loader(name, self, is_package=True)
        return None

    def create_module(self, spec):
        if spec.name == "scaletui":
            package = types.ModuleType("scaletui")
            package.__path__ = []
            return package
        return importlib.import_module(spec.name.removeprefix("scaletui."))  # one module, two names

    def exec_module(self, module) -> None:
        pass


def use_code(code_root: Path) -> None:
    """Make `scaletui.events` and `scaletui.tui` the code under `code_root`, whatever its layout.

    Call before anything imports scaletui: an installed (or editable) scaletui
    must not be what runs.
    """
    if (code_root / "src" / "scaletui").is_dir():
        # What setuptools' package-dir mapping does for an install: `scaletui.events`
        # is the tree's `events/` folder.
        package = types.ModuleType("scaletui")
        package.__path__ = [str(code_root)]
        sys.modules["scaletui"] = package
    else:
        sys.path.insert(0, str(code_root))
        sys.meta_path.insert(0, _OldLayout())


def import_pipeline(code_root: Path) -> Pipeline:
    """The export entry points of the code under `code_root` (must not be imported yet)."""
    use_code(code_root)
    events = importlib.import_module("scaletui.events")
    if not Path(events.__file__).resolve().is_relative_to(code_root.resolve()):
        raise SystemExit(f"imported scaletui.events from {events.__file__}, not from {code_root}")
    store = importlib.import_module("scaletui.events.store")
    return Pipeline(importlib.import_module("scaletui.events.corpus").load_corpus,
                    importlib.import_module("scaletui.events.pipeline").build_timeline,
                    store.dumps_timeline, store.save_timeline, store.loads_timeline)


def warm_up(pipeline: Pipeline) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-warm-up-") as temp:
        for name, text in WARM_UP_ARTICLES.items():
            (Path(temp) / name).write_text(text, encoding="utf-8")
        pipeline.loads_timeline(pipeline.dumps_timeline(pipeline.build_timeline(pipeline.load_corpus(Path(temp)))))


def checkout_label() -> str:
    """"this checkout (3adb899+edits)": which code ran when it was the working tree."""
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    edits = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--", "events", "tui"],
                           capture_output=True, text=True)
    if head.returncode:
        return "this checkout"
    return f"this checkout ({head.stdout.strip()}{'+edits' if edits.stdout.strip() else ''})"


def extract_revision(revision: str, folder: Path) -> None:
    """Write `revision`'s tree into `folder`; SystemExit with git's message if it is not a revision."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=False)
    if archive.returncode:
        raise SystemExit(f"git archive {revision}: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)


@contextmanager
def empty_cache() -> Iterator[Path]:
    """Run with an empty cache folder (XDG_CACHE_HOME, which platformdirs follows on Linux).

    A benchmark measures a first open, and must neither read nor fill the user's
    own cache; nor may one export of a benchmark serve another (the seeds with and
    without sources.toml are the same texts).
    """
    folder = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    try:
        yield folder
    finally:
        if before is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = before
        shutil.rmtree(folder, ignore_errors=True)
