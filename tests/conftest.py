"""Shared test set-up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _private_article_cache(tmp_path_factory):
    """The suite never reads or fills the user's own article cache (events/cache.py): it gets one of its own.

    Subprocesses (the CLI tests) inherit it through the environment.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCALETUI_CACHE_DIR", str(tmp_path_factory.mktemp("article-cache")))
        yield


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    """Dated news (datelines) next to ECB+ articles with no date of their own, without a sources.toml:
    relative windows, "said Thursday", a corpus large enough to be read in the process pool."""
    folder = tmp_path_factory.mktemp("mixed")
    for source in (ROOT / "seeds", ROOT / "tests/corpora/second_story", ROOT / "tests/corpora/ecbplus/3_ecbplus"):
        for article in sorted(source.glob("*.txt")):
            shutil.copy(article, folder / article.name)
    return folder


@pytest.fixture(scope="session")
def seeds():
    """The bundled corpus's timeline as the pipeline builds it, once for the suite: tests only read it."""
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline

    return build_timeline(load_corpus(ROOT / "seeds"))


@pytest.fixture(scope="session")
def event_saying():
    """The event holding the statement of `source` that contains `fragment`."""

    def find(timeline, source: str, fragment: str):
        return next(e for e in timeline.events for s in e.statements if s.source == source and fragment in s.text)

    return find
