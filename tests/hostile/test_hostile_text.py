"""What scaletui promises about the text of an article: any text of 100 KB is read in bounded time.

Each case is one article of about 100 KB, built to hit a place where work could
grow faster than the text: a regular expression that backtracks, a scan
repeated for every sentence, date or name, a sentence with no end. Each runs
`scaletui export` in a worker process with a generous limit; a case that needs
it has hung, and fails. There are no timing assertions: a slow machine passes,
a quadratic algorithm does not (at 100 KB it takes minutes).

Every case must also give a usable timeline: statements that are slices of the
article at their offsets, none longer than the sentence cap.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from hostile_helpers import LIMIT, export_and_exit

from scaletui.events.sentences import MAX_SENTENCE_CHARS
from scaletui.events.store import load_timeline

SIZE = 100_000


def _about(piece: str) -> str:
    return piece * (SIZE // len(piece))


CASES = {
    # named in the report that found them
    "one name repeated (Acme Acme ...)": _about("Acme "),
    "one month repeated (June June ...)": _about("June "),
    "one 100 KB sentence full of dates and past tense": _about("Acme said on June 3, 2025 that sales rose 5% and "),
    "thousands of dated sentences on one line": _about("On June 3, 2025 it rose. "),
    # their kin that ran past 30 s at 100 KB before
    "capitalised words without end": _about("The Big Company Of The "),
    "full stops only": "." * SIZE,
    "initials": _about("A. "),
    "semicolon clauses": _about("it rose; "),
    "temporal clauses": _about("after the deal, "),
    "possessive names": _about("O'Neil's "),
    # shapes with no sentence, word or script boundary where one is expected
    # hundreds of figures a sentence, the same sentence in every event it joins
    "figures in every word of dated sentences": _about("On June 3, 2025, sales rose " + "5% 6% " * 125 + "in all. "),
    "one word with no space": "a" * SIZE,
    "quotes only": '"' * SIZE,
    "brackets nested deep": "(" * (SIZE // 2) + ")" * (SIZE // 2),
    "scripts, marks and direction controls": _about("é\u0301 \u202eabc\u202c 東京 مرحبا "),
}


# A fork server (a fresh, single-threaded process, so forking it is safe whatever
# the test process runs) with the pipeline imported once, not once per case.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["hostile_helpers", "scaletui.tui.cli", "scaletui.events.pipeline", "scaletui.events.store", "scaletui.events.corpus"])


def _export(folder: Path, out: Path) -> int:
    context = _CONTEXT
    worker = context.Process(target=export_and_exit, args=(["export", str(folder), "-o", str(out)],))
    worker.start()
    worker.join(LIMIT)
    if worker.is_alive():
        worker.kill()
        worker.join()
        pytest.fail(f"export did not finish in {LIMIT} s: it hangs or grows faster than the text")
    return worker.exitcode


@pytest.mark.parametrize("name", list(CASES))
def test_any_100_kb_article_is_read_in_bounded_time(name, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "Title line\n\n" + CASES[name] + "\n"
    (folder / "article.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.toml"
    assert _export(folder, out) == 0
    timeline = load_timeline(out)  # as the app reads it: a statement's end offset is derived where its text ends
    assert [source.path for source in timeline.sources] == ["article.txt"]
    for event in timeline.events:
        for statement in event.statements:
            assert text[statement.start : statement.end] == statement.text
            assert len(statement.text) <= MAX_SENTENCE_CHARS
