"""Where the bundled corpus lives, installed or in a clone."""

from pathlib import Path


def bundled_corpus() -> Path:
    """The bundled seed articles: `seeds/` beside `events/`.

    In a clone that is the repository's `seeds/`; installed, `scaletui/seeds/`
    beside `scaletui/events/` (see the package-dir mapping in pyproject.toml).
    """
    return Path(__file__).resolve().parent.parent / "seeds"
