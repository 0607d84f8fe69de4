"""Shared test set-up."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_article_cache(tmp_path_factory):
    """The suite never reads or fills the user's own article cache (events/cache.py): it gets one of its own.

    Subprocesses (the CLI tests) inherit it through the environment.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCALETUI_CACHE_DIR", str(tmp_path_factory.mktemp("article-cache")))
        yield
