"""What scaletui promises about the files it writes.

- It writes only to a regular file or a new path: a device, a FIFO or a folder is refused in one line.
- Writing through a symbolic link updates the link's target; the link stays a link.
- A replaced file keeps its permissions; a new one gets 0666 less the umask (not 0600).
- A file is replaced atomically; the temporary file beside it has a recognisable name,
  is removed on failure, and ones left by a killed save are swept on the next save.
- Two saves of one file cannot both succeed when each expected the file it opened.
- An export to standard output checks every write and fails in one line (`> /dev/full`).
"""

from __future__ import annotations

import multiprocessing
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_helpers import corpus, one_line_error, run_cli

from scaletui.events import safe_io
from scaletui.events.errors import SaveConflict, ScaletuiError
from scaletui.events.model import Timeline
from scaletui.events.store import file_stamp, load_timeline, save_timeline
from scaletui.tui.cli import main


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("story") / "corpus")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_export_refuses_a_device_and_leaves_it_alone(story):
    before = os.stat("/dev/null")
    line = one_line_error(run_cli("export", str(story), "-o", "/dev/null"))
    assert "/dev/null: is a device, not a regular file; not written" in line
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_export_refuses_a_fifo_without_blocking(story, tmp_path):
    fifo = tmp_path / "out.toml"
    os.mkfifo(fifo)
    line = one_line_error(run_cli("export", str(story), "-o", str(fifo)))
    assert "named pipe" in line and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_refuses_a_folder(story, tmp_path, capsys):
    assert main(["export", str(story), "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"scaletui: {tmp_path}: is a folder, not a regular file; not written\n"


def test_export_writes_through_a_link_to_its_target(story, tmp_path):
    real = tmp_path / "real.toml"
    real.write_text("old\n")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    assert main(["export", str(story), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_timeline(real).sources and real.read_text() == link.read_text()


def test_a_replaced_file_keeps_its_mode_and_a_new_one_honours_the_umask(story, tmp_path):
    kept = tmp_path / "kept.toml"
    kept.write_text("old\n")
    kept.chmod(0o640)
    assert main(["export", str(story), "-o", str(kept)]) == 0
    assert _mode(kept) == 0o640 and kept.read_text().startswith("format")

    for umask, expected in ((0o022, 0o644), (0o002, 0o664)):
        new = tmp_path / f"new-{umask:o}.toml"
        previous = os.umask(umask)
        try:
            assert main(["export", str(story), "-o", str(new)]) == 0
        finally:
            os.umask(previous)
        assert _mode(new) == expected, (oct(_mode(new)), umask)


def test_leftover_temp_files_are_swept_on_the_next_save(story, tmp_path):
    target = tmp_path / "t.toml"
    leftovers = [tmp_path / f".t.toml.{safe_io.TEMP_MARK}-0badcafe.tmp", tmp_path / ".t.toml.ab12cd34.tmp"]
    for leftover in leftovers:
        leftover.write_text("half a timeline from a killed save")
    unrelated = tmp_path / ".other.toml.ab12cd34.tmp"
    unrelated.write_text("not ours to remove")
    assert main(["export", str(story), "-o", str(target)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [unrelated.name, "t.toml"]


def test_a_failed_save_leaves_the_target_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "t.toml"
    target.write_text("the user's file\n")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_io.os, "replace", failing_replace)
    with pytest.raises(ScaletuiError, match="No space left on device") as caught:
        save_timeline(Timeline(), target, file_stamp(target))
    assert "\n" not in str(caught.value)
    assert [p.name for p in tmp_path.iterdir()] == ["t.toml"] and target.read_text() == "the user's file\n"


def test_an_export_whose_disk_fills_after_the_first_part_fails_in_one_line_and_leaves_the_file(story, tmp_path, monkeypatch, capsys):
    # The file is written part by part: a failure between parts must leave no half file either.
    target = tmp_path / "t.toml"
    target.write_text("the user's file\n")
    real_write, writes = os.write, []

    def write_then_fill(descriptor, data):
        writes.append(len(data))
        if len(writes) > 1:
            raise OSError(28, "No space left on device")
        return real_write(descriptor, data)

    monkeypatch.setattr(safe_io.os, "write", write_then_fill)
    assert main(["export", str(story), "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"scaletui: {target}: cannot save (No space left on device)\n"
    assert len(writes) == 2 and writes[0] > 0
    assert [p.name for p in tmp_path.iterdir()] == ["t.toml"] and target.read_text() == "the user's file\n"


def _save_slowly(path: str, stamp: int | None, note: str, start: float, results) -> None:
    # The rename waits, as on a loaded machine: both saves have checked the file
    # by then unless the check and the rename are one step under the lock.
    real_replace = os.replace

    def slow_replace(src, dst):
        time.sleep(0.3)
        real_replace(src, dst)

    safe_io.os.replace = slow_replace
    while time.time() < start:
        time.sleep(0.001)
    try:
        save_timeline(Timeline(corpus=note), Path(path), stamp)
        results.put(("saved", note))
    except SaveConflict:
        results.put(("conflict", note))


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_two_saves_of_one_file_never_both_win(tmp_path):
    context = multiprocessing.get_context("fork")
    for trial in range(3):
        path = tmp_path / f"shared-{trial}.toml"
        stamp = save_timeline(Timeline(corpus="original"), path)
        results = context.Queue()
        start = time.time() + 0.2
        writers = [context.Process(target=_save_slowly, args=(str(path), stamp, who, start, results)) for who in ("first", "second")]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(30)
        outcomes = sorted(results.get(timeout=5) for _ in writers)
        assert [kind for kind, _ in outcomes] == ["conflict", "saved"], outcomes
        winner = next(note for kind, note in outcomes if kind == "saved")
        assert load_timeline(path).corpus == winner
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_stdout_fails_in_one_line(story):
    with open("/dev/full", "w") as full:
        result = run_cli("export", str(story), stdout=full)
    line = one_line_error(result)
    assert "cannot write to standard output" in line and "No space left" in line


def test_export_to_stdout_that_closes_early_is_quiet(story):
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    result = run_cli("export", str(story), stdout=reader.stdin)
    reader.stdin.close()
    reader.wait(10)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
