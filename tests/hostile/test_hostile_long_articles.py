"""What scaletui promises about one very long article: it costs what the analysis limit allows, not more.

An article is read for events only up to SCALETUI_MAX_ANALYSED_SIZE characters
(512 kB unless set), cut where a paragraph, a sentence or a word ends, and the
user is told in one line; the rest of the file costs only its reading. Each
case is 5 MB of real news prose in a shape that once made the export run for
minutes: all on one line, paragraphs of hundreds of kilobytes, tens of
thousands of short lines. The limit is set low here so that each case takes
seconds; `scaletui export` runs in a fresh process with a generous time limit
(a hang fails the test; there are no timing assertions).
"""

from __future__ import annotations


import pytest
from hostile_helpers import one_line_error, run_cli

from scaletui.events.seeds import bundled_corpus
from scaletui.events.store import load_timeline

SIZE = 5_000_000
LIMIT = 60_000


def _prose_lines() -> list[str]:
    """The bundled seed articles' lines: real news copy."""
    lines: list[str] = []
    for path in sorted(bundled_corpus().glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _article(shape: str) -> str:
    lines = _prose_lines()
    if shape == "one line":
        piece = " ".join(lines) + " "
    elif shape == "a line break every 200 KB":
        piece = " ".join(lines) + " "
        piece = (piece * (200_000 // len(piece) + 1)) + "\n\n"
    else:  # one sentence or heading a line
        piece = "\n".join(lines) + "\n\n"
    return "Title line\n\n" + piece * (SIZE // len(piece) + 1)


@pytest.mark.parametrize("shape", ["one line", "a line break every 200 KB", "one sentence a line"])
def test_a_5_mb_article_is_read_up_to_the_analysis_limit(shape, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = _article(shape)
    (folder / "article.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.toml"
    result = run_cli("export", str(folder), "-o", str(out), env={"SCALETUI_MAX_ANALYSED_SIZE": str(LIMIT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    notes = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert notes == [
        f"scaletui: skipped {folder / 'article.txt'}: all but its first 59 kB (of {len(text) / 1024**2:.1f} MB): "
        "events are read from at most that much of one article; set SCALETUI_MAX_ANALYSED_SIZE to raise it"
    ]
    timeline = load_timeline(out)  # as the app reads it: a statement's end offset is derived where its text ends
    statements = [statement for event in timeline.events for statement in event.statements]
    assert statements, "the part read still gives a timeline"
    for statement in statements:
        assert statement.end <= LIMIT
        assert text[statement.start : statement.end] == statement.text


def test_a_bad_analysis_limit_is_one_line(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text("Acme Corp said on Monday it would buy Widget Ltd.\n", encoding="utf-8")
    line = one_line_error(run_cli("export", str(folder), env={"SCALETUI_MAX_ANALYSED_SIZE": "most of it"}))
    assert line == "scaletui: SCALETUI_MAX_ANALYSED_SIZE='most of it' is not a size (use e.g. 20M, 500k or a number of bytes)"
