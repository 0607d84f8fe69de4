"""What the app promises about files, driven through the pilot.

- A first save proposes an absolute path beside the corpus, never the folder the
  app was started from, and says where it saved.
- The article view shows only articles inside the corpus folder: a crafted
  timeline naming `/` and `etc/passwd` gets "unavailable", never the file.
- Opening a crafted timeline or saving onto a FIFO is a notification, and what
  is on screen stays.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from textual.widgets import Input

from scaletui.events.model import Event, Precision, Source, Statement, Timeline, TimeSpan
from scaletui.events.store import dumps_timeline, load_timeline
from scaletui.tui.app import ScaletuiApp
from scaletui.tui.screens.article import ArticleScreen
from scaletui.tui.screens.dialogs import TextPrompt

SIZE = (120, 40)


def _timeline(corpus: str, path: str = "story.txt") -> Timeline:
    day = TimeSpan(start=date(2025, 6, 13), end=date(2025, 6, 13), precision=Precision.DAY)
    text = "Acme bought Widget on Friday."
    statement = Statement(id="s:0", source="s", text=text, start=0, end=len(text), span=day)
    event = Event(id="ev-1", title="Acme bought Widget", span=day, sources=["s"], statements=[statement])
    return Timeline(corpus=corpus, sources=[Source(id="s", path=path, title="Story")], events=[event])


def _app(**kwargs) -> ScaletuiApp:
    app = ScaletuiApp(**kwargs)
    app.animation_level = "none"
    return app


def _notes(app: ScaletuiApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_first_save_goes_beside_the_corpus_not_the_current_folder(tmp_path, monkeypatch):
    corpus = tmp_path / "news" / "acme"
    corpus.mkdir(parents=True)
    started_in = tmp_path / "elsewhere"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    app = _app(timeline=_timeline(str(corpus)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        proposed = app.screen.query_one(Input).value
        assert proposed == str(tmp_path / "news" / "acme.toml")
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the file is written in a worker thread
        await pilot.pause()
    assert list(started_in.iterdir()) == []
    assert load_timeline(tmp_path / "news" / "acme.toml").events[0].id == "ev-1"
    assert f"to {tmp_path / 'news' / 'acme.toml'}" in " ".join(_notes(app))


async def test_the_article_view_never_shows_a_file_outside_the_corpus(tmp_path):
    (tmp_path / "secret.txt").write_text("root:x:0:0 the secret line")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").symlink_to(tmp_path / "secret.txt")
    for crafted in (_timeline("/", "etc/passwd"), _timeline("/", "/etc/passwd"), _timeline(str(corpus))):
        app = _app(timeline=crafted)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")  # compare the sources
            await pilot.pause()
            await pilot.press("enter")  # open the article
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.path is None and "not an article inside the corpus folder" in app.screen.missing
            assert not app.screen.query(".paragraph")


async def test_opening_a_crafted_timeline_keeps_the_current_one(tmp_path):
    crafted = tmp_path / "crafted.toml"
    text = dumps_timeline(_timeline("/c")).replace('id = "ev-1"', 'id = "ev-1"\nentities = ["ghost"]', 1)
    crafted.write_text(text)
    shown = _timeline("/c")
    app = _app(timeline=shown)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.focused.value = str(crafted)
        await pilot.press("enter")
        await app.timeline_read()
        await pilot.pause()
        assert app.timeline is shown
        assert any(str(crafted) in note and 'unknown entity "ghost"' in note for note in _notes(app)), _notes(app)


async def test_saving_onto_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    app = _app(timeline=_timeline(str(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        app.focused.value = str(fifo)
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the file is written in a worker thread
        await pilot.pause()
        assert any("named pipe" in note for note in _notes(app)), _notes(app)
        assert app.timeline_path is None  # not saved
    assert Path(fifo).is_fifo()
