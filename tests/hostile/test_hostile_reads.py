"""What scaletui promises about the files it reads.

- Only regular files are read. A FIFO, a device, a link to /dev/zero, named like an
  article or a timeline, is skipped or refused in one line and never blocks.
- Files have a size limit (SCALETUI_MAX_ARTICLE_SIZE, SCALETUI_MAX_TIMELINE_SIZE):
  an article over it is skipped with a message, a timeline over it refused.
- Nothing outside the corpus folder is read: a link leading out of it is skipped
  with a message, and its target's text never reaches the export.
- A corpus's entities.toml is read as carefully as an article: a FIFO, a device,
  a file over the size limit or a link leading out of the folder is skipped with
  one line and the rest of the corpus still read; one nested too deeply to parse
  is refused in one line.
- Articles in subfolders are not read, and the user is told so.
- File names in messages are printed safely: no escape code reaches the terminal,
  no newline splits a message.
- A single article opens as a corpus of one.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from hostile_helpers import STORY, corpus, one_line_error, run_cli

from scaletui.tui.cli import main

SECRET = "root:x:0:0:the-secret-line"


def _export(folder: Path, out: Path, env: dict[str, str] | None = None) -> tuple[dict, list[str]]:
    """`scaletui export` in a fresh process: for files that could make a read block."""
    result = run_cli("export", str(folder), "-o", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("scaletui: skipped ")]
    return tomllib.loads(out.read_text()), skipped


def _export_here(folder: Path, out: Path, capsys) -> tuple[dict, list[str]]:
    """`scaletui export` through `tui.cli.main` in this process: for what cannot block, and is quicker."""
    assert main(["export", str(folder), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    skipped = [line for line in err.splitlines() if line.startswith("scaletui: skipped ")]
    return tomllib.loads(out.read_text()), skipped


def _paths(data: dict) -> list[str]:
    return [source["path"] for source in data["sources"]]


def test_special_files_named_like_articles_are_skipped_without_blocking(tmp_path):
    folder = corpus(tmp_path / "c")
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    data, skipped = _export(folder, tmp_path / "out.toml")
    assert _paths(data) == ["story.txt"]
    assert any("fifo.txt: is a named pipe (FIFO), not a regular file" in line for line in skipped), skipped
    assert any("zero.txt" in line and ("a device" in line or "outside the corpus" in line) for line in skipped), skipped


def test_an_article_over_the_size_limit_is_skipped(tmp_path, capsys, monkeypatch):
    folder = corpus(tmp_path / "c", {"story.txt": STORY, "huge.txt": STORY * 100})
    monkeypatch.setenv("SCALETUI_MAX_ARTICLE_SIZE", "4k")
    data, skipped = _export_here(folder, tmp_path / "out.toml", capsys)
    assert _paths(data) == ["story.txt"]
    assert skipped == [f"scaletui: skipped {folder / 'huge.txt'}: is 16 kB, over the 4 kB limit; set SCALETUI_MAX_ARTICLE_SIZE to raise it"]


def test_a_50_megabyte_article_is_skipped_at_once(tmp_path, capsys):
    folder = corpus(tmp_path / "c")
    with open(folder / "huge.txt", "wb") as huge:
        huge.truncate(50 * 1024 * 1024)  # sparse: costs no disk, and is never read
    data, skipped = _export_here(folder, tmp_path / "out.toml", capsys)
    assert _paths(data) == ["story.txt"] and "50.0 MB, over the 8.0 MB limit" in skipped[0]


def test_a_bad_size_limit_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SCALETUI_MAX_ARTICLE_SIZE", "lots")
    assert main(["export", str(corpus(tmp_path / "c"))]) == 2
    assert capsys.readouterr().err == "scaletui: SCALETUI_MAX_ARTICLE_SIZE='lots' is not a size (use e.g. 20M, 500k or a number of bytes)\n"


def test_links_leading_out_of_the_corpus_are_not_followed(tmp_path, capsys):
    outside = tmp_path / "passwd"
    outside.write_text(SECRET + "\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text(SECRET + " in a folder.\n")
    folder = corpus(tmp_path / "c")
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "more").symlink_to(tmp_path / "elsewhere")
    (folder / "inside.txt").symlink_to(folder / "story.txt")  # a link within the corpus is fine
    out = tmp_path / "out.toml"
    data, skipped = _export_here(folder, out, capsys)
    assert _paths(data) == ["inside.txt", "story.txt"]
    assert f"scaletui: skipped {folder / 'passwd.txt'}: a link to outside the corpus folder; not read" in skipped
    assert any("more" in line and "outside the corpus" in line for line in skipped)
    assert "the-secret-line" not in out.read_text()


def test_a_sources_toml_that_is_a_fifo_or_leads_outside_is_refused(tmp_path):
    folder = corpus(tmp_path / "c")
    os.mkfifo(folder / "sources.toml")
    assert "named pipe" in one_line_error(run_cli("export", str(folder)))
    (folder / "sources.toml").unlink()
    (tmp_path / "elsewhere.toml").write_text("[[sources]]\n")
    (folder / "sources.toml").symlink_to(tmp_path / "elsewhere.toml")
    assert "outside the corpus" in one_line_error(run_cli("export", str(folder)))


def test_a_deeply_nested_sources_toml_is_one_line(tmp_path, capsys):
    folder = corpus(tmp_path / "c", {"story.txt": STORY, "sources.toml": "x = " + "[" * 1000 + "]" * 1000 + "\n"})
    assert main(["export", str(folder)]) == 2
    assert capsys.readouterr().err == f"scaletui: {folder / 'sources.toml'}: nested too deeply to be a list of sources\n"


CURATED = '[[entities]]\nname = "Acme Pinned Holdings"\nkind = "organisation"\naliases = ["Acme Corp", "Acme"]\n'


def _entity_names(data: dict) -> list[str]:
    return [entity["name"] for entity in data.get("entities", [])]


def test_an_entities_toml_inside_the_corpus_is_used(tmp_path, capsys):
    folder = corpus(tmp_path / "c", {"story.txt": STORY, "entities.toml": CURATED})
    data, skipped = _export_here(folder, tmp_path / "out.toml", capsys)
    assert "Acme Pinned Holdings" in _entity_names(data) and skipped == []


def test_an_entities_toml_that_is_a_fifo_or_a_device_is_skipped_without_blocking(tmp_path):
    folder = corpus(tmp_path / "c")
    os.mkfifo(folder / "entities.toml")
    data, skipped = _export(folder, tmp_path / "out.toml")
    assert _paths(data) == ["story.txt"]
    assert skipped == [f"scaletui: skipped {folder / 'entities.toml'}: is a named pipe (FIFO), not a regular file"]
    (folder / "entities.toml").unlink()
    (folder / "entities.toml").symlink_to("/dev/zero")
    data, skipped = _export(folder, tmp_path / "out.toml")
    assert _paths(data) == ["story.txt"] and len(skipped) == 1
    assert "entities.toml: a link to outside the corpus folder; not read" in skipped[0]


def test_an_entities_toml_leading_outside_the_corpus_is_skipped(tmp_path, capsys):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text(CURATED)
    folder = corpus(tmp_path / "c")
    (folder / "entities.toml").symlink_to(outside)
    out = tmp_path / "out.toml"
    data, skipped = _export_here(folder, out, capsys)
    assert skipped == [f"scaletui: skipped {folder / 'entities.toml'}: a link to outside the corpus folder; not read"]
    assert "Acme Pinned Holdings" not in out.read_text()


def test_a_huge_entities_toml_is_skipped_at_once(tmp_path, capsys):
    folder = corpus(tmp_path / "c")
    with open(folder / "entities.toml", "wb") as huge:
        huge.truncate(50 * 1024 * 1024)  # sparse: costs no disk, and is never read
    data, skipped = _export_here(folder, tmp_path / "out.toml", capsys)
    assert _paths(data) == ["story.txt"]
    assert skipped == [f"scaletui: skipped {folder / 'entities.toml'}: is 50.0 MB, over the 16.0 MB limit"]


def test_a_deeply_nested_entities_toml_is_one_line(tmp_path, capsys):
    folder = corpus(tmp_path / "c", {"story.txt": STORY, "entities.toml": "x = " + "[" * 1000 + "]" * 1000 + "\n"})
    assert main(["export", str(folder)]) == 2
    assert capsys.readouterr().err == f"scaletui: {folder / 'entities.toml'}: nested too deeply to be a list of entities\n"


def test_articles_in_subfolders_are_reported_not_read(tmp_path, capsys):
    folder = corpus(tmp_path / "c")
    corpus(folder / "2024", {"old.txt": STORY})
    (folder / "images").mkdir()  # no articles in it: nothing to say
    data, skipped = _export_here(folder, tmp_path / "out.toml", capsys)
    assert _paths(data) == ["story.txt"]
    assert skipped == [f"scaletui: skipped {folder / '2024'}/: a subfolder; only articles directly in the corpus folder are read"]


def test_file_names_are_printed_safely(tmp_path, capsys):
    folder = corpus(tmp_path / "c")
    (folder / "evil\x1b[31mred\nsecond line.txt").write_bytes(b"\x00\x01binary")
    (folder / b"bad-\xff-name.txt".decode("utf-8", "surrogateescape")).write_bytes(b"\x00")
    assert main(["export", str(folder), "-o", str(tmp_path / "out.toml")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    skipped = [line for line in err.splitlines() if "skipped" in line]
    assert len(skipped) == 2 and all(line.startswith("scaletui: skipped ") for line in skipped)
    assert any("evil\\x1b[31mred\\nsecond line.txt: not a text file" in line for line in skipped), skipped
    assert any("bad-\\xff-name.txt" in line for line in skipped), skipped


def test_a_single_article_is_a_corpus_of_one(tmp_path, capsys):
    folder = corpus(tmp_path / "c", {"story.txt": STORY, "other.txt": "Another story about something else.\n"})
    data, skipped = _export_here(folder / "story.txt", tmp_path / "out.toml", capsys)
    assert _paths(data) == ["story.txt"] and skipped == []


def test_a_file_that_is_neither_is_one_line(tmp_path, capsys):
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4")
    assert main([str(notes)]) == 2
    assert capsys.readouterr().err.strip() == f"scaletui: {notes}: not a corpus folder, an article (.txt or .md) or a timeline (.toml)"


@pytest.mark.parametrize("kind", ["fifo", "zero", "too-big"])
def test_special_or_huge_timeline_files_are_refused_before_the_app(tmp_path, capsys, kind, monkeypatch):
    path = tmp_path / "t.toml"
    if kind == "fifo":
        os.mkfifo(path)
        expected = "is a named pipe (FIFO), not a regular file"
    elif kind == "zero":
        path.symlink_to("/dev/zero")
        expected = "is a device, not a regular file"
    else:
        path.write_text('format = "scaletui-timeline"\nversion = 2\n' + "# padding\n" * 500)
        monkeypatch.setenv("SCALETUI_MAX_TIMELINE_SIZE", "1k")
        expected = "over the 1 kB limit; set SCALETUI_MAX_TIMELINE_SIZE to raise it"
    assert main([str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"scaletui: {path}: ") and expected in err and "\n" not in err


def test_names_the_system_refuses_are_one_line(tmp_path, capsys):
    story = corpus(tmp_path / "c")
    for argv in (["export", str(tmp_path / ("x" * 5000))], ["export", "a\x00b"], ["a\x00b.toml"], ["export", str(story), "-o", "out\x00.toml"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and ("\\x00" in err or "File name too long" in err) and "Traceback" not in err, err
