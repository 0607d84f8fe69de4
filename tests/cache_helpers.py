"""What the two cache test files share: a copy of the second story to export, a cache folder of the
test's own, and `scaletui export` run with and without the cache.

Each file makes the first two its fixtures: `corpus = pytest.fixture(name="corpus")(copied_story)`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from scaletui.tui.cli import main

STORY = Path(__file__).resolve().parent / "corpora" / "second_story"


def copied_story(tmp_path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(STORY, folder)
    return folder


def private_cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(folder))
    monkeypatch.delenv("SCALETUI_NO_CACHE", raising=False)
    return folder


def export(corpus: Path, output: Path) -> str:
    assert main(["export", str(corpus), "-o", str(output)]) == 0
    return output.read_text(encoding="utf-8")


def uncached(corpus: Path, output: Path, monkeypatch) -> str:
    with monkeypatch.context() as patch:
        patch.setenv("SCALETUI_NO_CACHE", "1")
        return export(corpus, output)
