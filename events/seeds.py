"""Where the bundled corpus lives, installed or in a clone."""

from importlib.util import find_spec
from pathlib import Path


def bundled_corpus() -> Path:
    """The bundled seed articles: `seeds/` of the clone, installed as `scaletui_seeds`."""
    clone_copy = Path(__file__).resolve().parent.parent / "seeds"
    if clone_copy.is_dir():
        return clone_copy
    # `seeds/` holds articles, not code: installed, it is a namespace package
    # whose folder is found through its spec rather than an __init__ file.
    spec = find_spec("scaletui_seeds")
    if spec is None or not spec.submodule_search_locations:
        return clone_copy
    return Path(next(iter(spec.submodule_search_locations)))
