"""Building a corpus into a timeline in the background, and stopping that build when the user leaves.

The build runs in a daemon thread, not a Textual worker: a worker runs in
asyncio's default executor, which the event loop waits for on exit, so quitting
mid-build would hang until the build finished. The pipeline reports progress
between stages; the progress callback raises `BuildCancelled` once the user has
quit or started another build, which ends the build there.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

from scaletui.events.errors import ScaletuiError
from scaletui.tui.widgets.build_progress import BuildProgress

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from scaletui.events.corpus import Corpus
    from scaletui.events.model import Timeline
    from scaletui.tui.app import ScaletuiApp

    _AppBase = App[None]
else:
    _AppBase = object


class BuildCancelled(Exception):
    """Raised from the progress callback to stop a build the user walked away from."""


class BuildingMixin(_AppBase):
    """Build actions and messages of ScaletuiApp (the message classes live on ScaletuiApp)."""

    if TYPE_CHECKING:  # provided by ScaletuiApp
        building: str
        build_cancelled: bool
        timeline: Timeline | None
        _build_number: int
        _build_cancel: threading.Event
        _build_thread: threading.Thread | None
        BuildProgressed = ScaletuiApp.BuildProgressed
        TimelineBuilt = ScaletuiApp.TimelineBuilt
        BuildFailed = ScaletuiApp.BuildFailed

        def _show_pane(self, which: str) -> None: ...
        def _update_status(self) -> None: ...
        def _install(self, timeline: Timeline, path: Path | None, stamp: int | None) -> None: ...

    def _start_build(self, corpus: Corpus) -> None:
        self.building = f"building the timeline of {corpus.folder}"
        self._show_pane("progress")
        self._update_status()
        self.cancel_build()
        self._build_number += 1
        self._build_cancel = threading.Event()
        self._build_thread = threading.Thread(
            target=self._build, args=(corpus, self._build_number, self._build_cancel), name="scaletui-build", daemon=True
        )
        self._build_thread.start()

    async def build_finished(self) -> None:
        """Wait until the running build, if any, has ended (its message may still be on its way)."""
        if self._build_thread is not None:
            await asyncio.to_thread(self._build_thread.join)

    def cancel_build(self) -> None:
        """Stop the running build at its next stage (its result is dropped either way)."""
        self._build_cancel.set()

    def exit(self, *args, **kwargs) -> None:
        self.cancel_build()
        super().exit(*args, **kwargs)

    def _build(self, corpus: Corpus, number: int, cancel: threading.Event) -> None:
        from scaletui.events.pipeline import build_timeline

        def progress(stage: str, fraction: float) -> None:
            if cancel.is_set():
                raise BuildCancelled
            self.post_message(self.BuildProgressed(stage, fraction, number))

        try:
            timeline = build_timeline(corpus, progress=progress)
        except BuildCancelled:
            self.build_cancelled = True
            return
        except ScaletuiError as error:
            self.post_message(self.BuildFailed(str(error), number))
        except Exception as error:  # a pipeline bug must not take the user's screen down
            self.post_message(self.BuildFailed(f"could not build the timeline of {corpus.folder}: {type(error).__name__}: {error}", number))
        else:
            if not cancel.is_set():
                self.post_message(self.TimelineBuilt(timeline, number))

    def on_scaletui_app_build_progressed(self, message: ScaletuiApp.BuildProgressed) -> None:
        if message.build == self._build_number:
            self.query_one(BuildProgress).report(message.stage, message.fraction)

    def on_scaletui_app_timeline_built(self, message: ScaletuiApp.TimelineBuilt) -> None:
        if message.build != self._build_number:
            return
        self.building = ""
        self._install(message.timeline, None, None)

    def on_scaletui_app_build_failed(self, message: ScaletuiApp.BuildFailed) -> None:
        if message.build != self._build_number:
            return
        self.building = ""
        self.notify(message.problem, title="Build failed", severity="error", markup=False)
        self._show_pane("timeline" if self.timeline is not None else "empty")
        self._update_status()
