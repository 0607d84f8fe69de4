"""Letters that a pattern ignoring case reads as ASCII ones: "ſ" (long s) as "s", "ı" and "İ" as "i",
the Kelvin sign as "k". Matched as those, what was found must be looked up as those too: the
export failed on "ſix people" (a number word not in the table), "dayſ" and "ſep." before."""

from __future__ import annotations

from scaletui.events.store import load_timeline
from scaletui.tui.cli import main

ARTICLE = (
    "Acme cuts ſix jobs\n\n"
    "SAN FRANCISCO, ſep. 5, 2024 (Reuters) - Acme cut ſix jobs on Thurſday, 3 dayſ after it ſold ſeven "
    "units for ſ$5 and paid thouſands of dollars.\n"
    "The İnquiry into the \u212aiosk sales began in Auguſt laſt year, ıt said.\n"
)


def test_an_article_written_with_such_letters_exports_with_its_figures_and_dates(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.toml"
    assert main(["export", str(folder), "-o", str(out)]) == 0
    timeline = load_timeline(out)
    statements = [s for e in timeline.events for s in e.statements]
    figures = {(f.text, f.value) for s in statements for f in s.figures}
    assert ("ſix jobs", 6.0) in figures
    assert any(s.time_text for s in statements)
    assert all(ARTICLE[s.start : s.end] == s.text for s in statements)
