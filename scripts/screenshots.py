"""SVG screenshots of the real app on the bundled corpus, at 120x40 (and one at 80x24), into screenshots/.

    python scripts/screenshots.py [CORPUS_FOLDER]

Takes: the key view the app opens on (with the overview strip and the detail
pane), every event listed, the first disagreement reached with `>`, its source
comparison, the entity filter on the two most-mentioned entities, a search,
the help screen, and the key view at 80x24.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scaletui.events.corpus import load_corpus  # noqa: E402
from scaletui.events.seeds import bundled_corpus  # noqa: E402
from scaletui.tui.app import ScaletuiApp  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (120, 40)
SMALL = (80, 24)


async def rested(app: ScaletuiApp, pilot) -> None:
    """Until the detail pane has followed the cursor and the frame is painted."""
    await pilot.pause()


async def shoot(folder: Path) -> list[Path]:
    written: list[Path] = []
    app = ScaletuiApp(corpus=load_corpus(folder))
    app.animation_level = "none"

    def save(name: str) -> None:
        written.append(Path(app.save_screenshot(f"{name}.svg", path=str(OUT))))

    async with app.run_test(size=SIZE) as pilot:
        await app.build_finished()
        await pilot.pause()
        assert app.timeline is not None, "the corpus did not build"
        await pilot.press("j", "j")
        await rested(app, pilot)
        save("key_view")

        await pilot.press("greater_than_sign")
        await rested(app, pilot)
        save("disagreement")
        await pilot.press("enter")
        await pilot.pause()
        save("comparison")
        await pilot.press("escape")

        await pilot.press("a", "g", "j", "j", "j")
        await rested(app, pilot)
        save("timeline")
        await pilot.press("a")

        counts = Counter(entity_id for event in app.timeline.events for entity_id in set(event.entities))
        top = [entity_id for entity_id, _ in counts.most_common(2)]
        app.sidebar.choose(*top)
        app.sidebar.option_list.focus()
        if top:
            app.sidebar.option_list.highlighted = app.sidebar.option_list.get_option_index(top[0])
        await rested(app, pilot)
        save("entity_filter")
        await pilot.press("x")

        if top and (entity := app.timeline.entity(top[-1])) is not None:
            await pilot.press("slash")
            await pilot.press(*entity.name.split()[0].lower())
            await rested(app, pilot)
            save("search")
            await pilot.press("escape")

        await pilot.press("question_mark")
        await pilot.pause()
        save("help")

    small = ScaletuiApp(timeline=app.timeline)
    small.animation_level = "none"
    async with small.run_test(size=SMALL) as pilot:
        await rested(small, pilot)
        written.append(Path(small.save_screenshot("key_view_80x24.svg", path=str(OUT))))
    return written


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_corpus()
    OUT.mkdir(exist_ok=True)
    for path in asyncio.run(shoot(folder)):
        print(path)


if __name__ == "__main__":
    main()
