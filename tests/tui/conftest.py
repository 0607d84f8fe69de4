"""Fixtures for driving the real app with the pilot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_timeline import synthetic_corpus, synthetic_timeline  # noqa: E402

from scaletui.events.model import Timeline  # noqa: E402
from scaletui.tui.app import ScaletuiApp  # noqa: E402

SIZE = (120, 40)


def quiet_app(**kwargs) -> ScaletuiApp:
    """The app with animations off, so what the pilot sees does not depend on timing.

    Every event listed (`key_view=False`) unless a test asks for the key view,
    which is what a user gets; tests of the key view say `key_view=True`.
    """
    kwargs.setdefault("key_view", False)
    app = ScaletuiApp(**kwargs)
    app.animation_level = "none"
    return app


async def save_done(pilot) -> None:
    """Wait until the save under way (written in a worker thread) has ended and the app has heard so."""
    for _ in range(600):
        if not pilot.app.saving:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def ranked(pilot) -> None:
    """Wait until a timeline opened without ranks has been ranked in the background (then the key view folds)."""
    for _ in range(600):
        if pilot.app.ranked:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def cursor_rested(pilot) -> None:
    """Wait until what follows the cursor (status line, detail pane, overview) has been painted."""
    await pilot.pause()


@pytest.fixture(scope="session")
def _seeds_timeline() -> Timeline:
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline
    from scaletui.events.seeds import bundled_corpus

    return build_timeline(load_corpus(bundled_corpus()))


@pytest.fixture
def seeds_timeline(_seeds_timeline: Timeline) -> Timeline:
    """The bundled corpus's timeline (built once per session; each test gets its own copy)."""
    return _seeds_timeline.model_copy(deep=True)


@pytest.fixture
def small_timeline() -> Timeline:
    return synthetic_timeline(60, n_entities=16)


@pytest.fixture
def corpus_timeline(tmp_path: Path) -> Timeline:
    """A synthetic timeline whose articles exist on disk, for the article view."""
    return synthetic_corpus(tmp_path / "corpus", 40, n_entities=16)
