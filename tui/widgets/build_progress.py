"""What the pipeline is doing while a corpus is turned into a timeline."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, ProgressBar


class BuildProgress(Vertical):
    """A stage label over a progress bar; the app shows it instead of the timeline while building."""

    DEFAULT_CSS = """
    BuildProgress { align: center middle; height: 1fr; }
    BuildProgress > Label { width: 60; content-align: center middle; }
    BuildProgress > ProgressBar { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Label("Building the timeline…", id="build-stage", markup=False)
        yield ProgressBar(total=100, show_eta=False, id="build-bar")

    def report(self, stage: str, fraction: float) -> None:
        self.query_one("#build-stage", Label).update(f"Building the timeline: {stage}")
        self.query_one("#build-bar", ProgressBar).update(progress=round(max(0.0, min(fraction, 1.0)) * 100))
