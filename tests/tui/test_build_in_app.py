"""A corpus opened in the app is built in a thread beside Textual's, so its per-article pool comes from a
fork server (events/parallel.py): that pool must start there, where standard error is Textual's print capture."""

from __future__ import annotations

import shutil
from multiprocessing import resource_tracker
from pathlib import Path

from conftest import SIZE, quiet_app

from scaletui.events import parallel as events_parallel
from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline
from scaletui.events.seeds import bundled_corpus
from scaletui.events.store import dumps_timeline


async def test_a_build_in_the_apps_thread_gets_its_pool_from_a_fork_server(monkeypatch, tmp_path: Path):
    """Textual's print capture has no file descriptor: multiprocessing's resource tracker, started with
    standard error's, failed, and so did every fork server, leaving each article to this process."""
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    # A tracker not started yet, as in a fresh app, whatever earlier tests started.
    fresh = resource_tracker.ResourceTracker()
    monkeypatch.setattr(resource_tracker, "_resource_tracker", fresh)
    for name in ("ensure_running", "register", "unregister", "getfd"):
        monkeypatch.setattr(resource_tracker, name, getattr(fresh, name))
    monkeypatch.setattr(events_parallel, "PARALLEL_FROM", 4)
    monkeypatch.setattr(events_parallel, "FORK_SERVER_FROM", 4)
    monkeypatch.setattr(events_parallel, "usable_cpus", lambda: 2)
    here: list[str] = []
    real = events_parallel.work_on
    monkeypatch.setattr(events_parallel, "work_on", lambda job: here.append(job.source_id) or real(job))
    folder = tmp_path / "copies"  # enough articles for two workers
    folder.mkdir()
    for copy in range(4):
        for article in sorted(bundled_corpus().glob("*.txt")):
            shutil.copy(article, folder / f"{copy}_{article.name}")
    corpus = load_corpus(folder)
    app = quiet_app(corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        await app.build_finished()
        await pilot.pause()
        assert app.timeline is not None
    assert here == []  # every article read by the pool's workers
    assert dumps_timeline(app.timeline) == dumps_timeline(build_timeline(corpus))
