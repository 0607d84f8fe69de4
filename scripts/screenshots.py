"""SVG screenshots of the real app on the bundled corpus, at 120x40, into screenshots/.

    python scripts/screenshots.py [CORPUS_FOLDER]

Takes: the timeline, the source comparison of the first event the sources
disagree on, the entity filter on the two most-mentioned entities, and the help screen.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.corpus import load_corpus  # noqa: E402
from events.seeds import bundled_corpus  # noqa: E402
from tui.app import ScaletuiApp  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (120, 40)


async def shoot(folder: Path) -> list[Path]:
    app = ScaletuiApp(corpus=load_corpus(folder))
    app.animation_level = "none"
    written: list[Path] = []

    def save(name: str) -> None:
        written.append(Path(app.save_screenshot(f"{name}.svg", path=str(OUT))))

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.timeline is not None, "the corpus did not build"
        await pilot.press("j", "j", "j")
        save("timeline")

        view = app.timeline_view
        disputed = [i for i, event in enumerate(view.events) if event.discrepancies]
        view.cursor = disputed[0] if disputed else 0
        await pilot.press("enter")
        await pilot.pause()
        save("comparison")
        await pilot.press("escape")

        counts = Counter(entity_id for event in app.timeline.events for entity_id in set(event.entities))
        top = [entity_id for entity_id, _ in counts.most_common(2)]
        app.sidebar.choose(*top)
        app.sidebar.option_list.focus()
        if top:
            app.sidebar.option_list.highlighted = app.sidebar.option_list.get_option_index(top[0])
        await pilot.pause()
        save("entity_filter")
        await pilot.press("x")

        await pilot.press("question_mark")
        await pilot.pause()
        save("help")
    return written


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_corpus()
    OUT.mkdir(exist_ok=True)
    for path in asyncio.run(shoot(folder)):
        print(path)


if __name__ == "__main__":
    main()
