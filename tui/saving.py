"""Saving the annotated timeline, opening another one, and never losing edits on the way."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from scaletui.events.errors import SaveConflict, ScaletuiError
from scaletui.events.model import Timeline
from scaletui.events.safe_io import is_folder
from scaletui.tui.screens.dialogs import Choice, TextPrompt


def user_data_folder() -> Path:
    """Where scaletui keeps timelines that have no better home (XDG's data folder)."""
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / "scaletui"


def _one_line(path: Path, problem: Exception | None, doing: str) -> str:
    """What a worker's failure says: our errors already name the file; anything else is said with it."""
    return str(problem) if isinstance(problem, ScaletuiError) else f"{path}: cannot {doing} ({problem})"


_OPEN_ANOTHER = "Open another timeline and lose your unsaved changes?"


def _is_bundled(corpus: Path) -> bool:
    from scaletui.events.seeds import bundled_corpus

    try:
        return corpus.resolve() == bundled_corpus().resolve()
    except OSError:
        return False


if TYPE_CHECKING:
    from textual.app import App

    from scaletui.events.corpus import Corpus

    _AppBase = App[None]
else:
    _AppBase = object


class SavingMixin(_AppBase):
    """Save, save-as, open and quit actions of ScaletuiApp.

    The file's stamp from when it was read or last written is kept, so a save
    over a file someone else changed since asks before overwriting it.

    The file is written in a worker thread (seconds at 10,000 events), so moving
    through the timeline goes on meanwhile. What would change the timeline while
    it is being written waits for the save to end (`after_saving`), then is made:
    the file holds the timeline as it was when saving began, whole.
    """

    _saving = False

    if TYPE_CHECKING:  # provided by ScaletuiApp
        timeline: Timeline | None
        timeline_path: Path | None
        dirty: bool
        _stamp: int | None
        _after_save: list[Callable[[], object]]  # what waits for the save under way

        def _start_build(self, corpus: Corpus) -> None: ...
        def _install(self, timeline: Timeline, path: Path | None, stamp: int | None) -> None: ...

    # ------------------------------------------------------------------ saving

    def _default_path(self) -> Path:
        """Where a first save proposes to go, as an absolute path the user sees before saving.

        Beside the corpus folder (`news/` -> `news.toml`), never silently into
        whatever folder the app was started from; in the user's data folder when
        the corpus is the bundled one or its parent folder cannot be written.
        """
        if self.timeline_path is not None:
            return self.timeline_path.absolute()
        corpus = Path(self.timeline.corpus).absolute() if self.timeline and self.timeline.corpus else None
        name = f"{corpus.name if corpus is not None and corpus.name else 'timeline'}.toml"
        if corpus is not None and not _is_bundled(corpus) and os.access(corpus.parent, os.W_OK | os.X_OK):
            return corpus.parent / name
        return user_data_folder() / name

    @property
    def saving(self) -> bool:
        """Whether a save is writing the file now."""
        return self._saving

    def after_saving(self, step: Callable[[], object]) -> None:
        """Run `step` once the save under way has ended (at once when none is)."""
        if not self._saving:
            step()
            return
        self._after_save.append(step)

    def action_save(self, then: Callable[[], object] | None = None) -> None:
        if self._saving:
            self.notify("Still saving: saving again once that is done", markup=False)
            self.after_saving(lambda: self.action_save(then))
            return
        if self.timeline is None:
            self.notify("Nothing to save yet", severity="warning")
            return
        if self.timeline_path is None:
            self.action_save_as(then)
            return
        self._save(self.timeline_path, self._stamp, then=then)

    def action_save_as(self, then: Callable[[], object] | None = None) -> None:
        if self._saving:
            self.notify("Still saving: try again once that is done", markup=False)
            return
        if self.timeline is None:
            self.notify("Nothing to save yet", severity="warning")
            return

        def answered(value: str | None) -> None:
            if not value or not value.strip():
                return
            path = Path(value.strip()).expanduser().absolute()
            if is_folder(path):
                self.notify(f"{path} is a folder: give a file name", severity="error", markup=False)
                return
            if path == self.timeline_path:
                self._save(path, self._stamp, then=then)
                return
            from scaletui.events.store import file_stamp

            stamp = file_stamp(path)
            if stamp is None:
                self._save(path, None, then=then)
                return

            def confirmed(answer: str | None) -> None:
                if answer == "overwrite":
                    self._save(path, stamp, then=then)

            self.push_screen(Choice(f"{path} exists. Overwrite it?", [("y", "Overwrite", "overwrite"), ("n", "Cancel", "cancel")]), confirmed)

        self.push_screen(TextPrompt("Save the annotated timeline as", str(self._default_path()), "a .toml file path"), answered)

    def _save(self, path: Path, expected: int | None, *, force: bool = False, then: Callable[[], object] | None = None) -> None:
        assert self.timeline is not None
        if self._saving:  # a dialog answered while another save runs: the user saves again after it
            self.notify("Still saving: try again once that is done", markup=False)
            return
        path = path.absolute()
        if path.parent == user_data_folder():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                self.notify(f"{path.parent}: cannot create ({error.strerror})", title="Not saved", severity="error", markup=False)
                return
        self._saving = True
        self.sub_title = "saving…"
        self._write(self.timeline, path, expected, force, then)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _write(
        self, timeline: Timeline, path: Path, expected: int | None, force: bool, then: Callable[[], object] | None
    ) -> None:
        from scaletui.events.store import save_timeline

        try:
            stamp: int | None = save_timeline(timeline, path, expected, force=force)
            problem: Exception | None = None
        except Exception as error:  # noqa: BLE001  whatever it is, the app says so and goes on
            stamp, problem = None, error
        self.call_from_thread(self._written, timeline, path, stamp, problem, then)

    def _written(
        self, timeline: Timeline, path: Path, stamp: int | None, problem: Exception | None, then: Callable[[], object] | None
    ) -> None:
        self._saving = False
        waiting, self._after_save = self._after_save, []
        self.sub_title = "unsaved changes" if self.dirty else ""
        if isinstance(problem, SaveConflict):
            self._resolve_conflict(path, problem, then)
        elif problem is not None:
            self.notify(_one_line(path, problem, "save"), title="Not saved", severity="error", markup=False)
        else:
            self.notify(f"Saved {len(timeline.events)} events to {path}", markup=False)
            if timeline is self.timeline:  # not another one opened meanwhile
                self.timeline_path, self._stamp = path, stamp
                self.dirty = False
                if then is not None and not waiting:
                    then()
                elif then is not None:  # quitting or opening another would lose what was changed while saving
                    self.notify("Changed while saving: save again before you go on", severity="warning", markup=False)
        for step in waiting:
            step()

    def _resolve_conflict(self, path: Path, conflict: SaveConflict, then: Callable[[], object] | None) -> None:
        def answered(answer: str | None) -> None:
            if answer == "overwrite":
                self._save(path, None, force=True, then=then)
            elif answer == "save_as":
                self.action_save_as(then)

        answers = [("o", "Overwrite", "overwrite"), ("a", "Save as…", "save_as"), ("c", "Cancel", "cancel")]
        self.push_screen(Choice(f"{conflict}. What now?", answers), answered)

    # ------------------------------------------------------------------ opening and quitting

    def action_open(self) -> None:
        def answered(value: str | None) -> None:
            if value and value.strip():
                self.open_path(Path(value.strip()).expanduser())

        self.push_screen(
            TextPrompt("Open a timeline .toml, a corpus folder or one article", "", "the current timeline stays if it cannot be opened"),
            answered,
        )

    def open_path(self, path: Path) -> None:
        """Open `path`; when it cannot be, say why and keep what is on screen.

        A timeline file is read in a worker thread (a second or more at 10,000
        events); a corpus is built in the background as usual.
        """
        from scaletui.events.corpus import load_corpus

        if path.suffix.lower() == ".toml" and not is_folder(path):
            self._read_timeline(path)
            return
        try:
            corpus = load_corpus(path)  # a folder, or one article as a corpus of one
        except ScaletuiError as error:
            self.notify(str(error), title="Not opened", severity="error", markup=False)
            return
        self._unless_unsaved(lambda: self._start_build(corpus), _OPEN_ANOTHER)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _read_timeline(self, path: Path) -> None:
        from scaletui.events.store import file_stamp, load_timeline

        try:
            timeline, stamp, problem = load_timeline(path), file_stamp(path), None
        except Exception as error:  # noqa: BLE001  whatever it is, the app says so and keeps what it shows
            timeline, stamp, problem = None, None, error
        self.call_from_thread(self._timeline_read, path, timeline, stamp, problem)

    def _timeline_read(self, path: Path, timeline: Timeline | None, stamp: int | None, problem: Exception | None) -> None:
        if timeline is None:
            self.notify(_one_line(path, problem, "open"), title="Not opened", severity="error", markup=False)
            return
        self._unless_unsaved(lambda: self._install(timeline, path, stamp), _OPEN_ANOTHER)

    async def timeline_read(self) -> None:
        """Wait until a timeline file being opened has been read (and the app has heard so)."""
        reading = [worker for worker in self.workers if worker.group == "open"]
        if reading:
            await self.workers.wait_for_complete(reading)

    def _unless_unsaved(self, proceed: Callable[[], object], question: str) -> None:
        if not self.dirty:
            proceed()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save(then=proceed)
            elif answer == "discard":
                proceed()

        answers = [("s", "Save first", "save"), ("d", "Discard changes", "discard"), ("c", "Cancel", "cancel")]
        self.push_screen(Choice(question, answers), answered)

    async def action_quit(self) -> None:
        if self._saving:  # leaving now could cut the file short of its rename
            self.notify("Saving: quitting once the file is written", markup=False)
            self.after_saving(lambda: self._unless_unsaved(self.exit, "You have unsaved changes. Quit anyway?"))
            return
        self._unless_unsaved(self.exit, "You have unsaved changes. Quit anyway?")
