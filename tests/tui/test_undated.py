"""An article nothing dates: its events are listed last, under "Undated", never under a guessed year."""

from __future__ import annotations

from conftest import SIZE, quiet_app
from screen_text import screen_text

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline


async def test_undated_events_sit_under_an_undated_heading(tmp_path):
    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The port authority cancelled all sailings last week after the storm damaged the pier.\n\n"
        "The harbour master said in 2019 that the pier needed repairs.\n",
        encoding="utf-8",
    )
    timeline = build_timeline(load_corpus(folder))
    app = quiet_app(timeline=timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Undated" in text and "9999" not in text
        assert "2019" in text  # what the words date on their own is still dated
        assert text.index("2019") < text.index("Undated")
