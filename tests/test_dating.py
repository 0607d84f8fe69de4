"""Publication dates worked out across a corpus, through `scaletui export`.

Articles are written here for the purpose: what matters is the shape of
their datelines and date stamps, which is the same in any outlet's copy.
"""

import os
import tomllib
from datetime import date
from pathlib import Path

from scaletui.events.corpus import load_corpus
from scaletui.events.dating import redate_article
from scaletui.events.model import Source
from scaletui.events.parallel import ArticleJob, work_on
from scaletui.events.pipeline import build_timeline
from scaletui.events.published import find_published, find_yearless, looks_like_date_line
from scaletui.events.sentences import split_sentences
from scaletui.events.statements import statements_of
from scaletui.events.timex import tagger
from scaletui.tui.cli import main

BODY = "The harbour authority said on Tuesday that the new ferry terminal will open next spring.\n"


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def export(folder: Path, tmp_path: Path) -> dict:
    out = tmp_path / "out.toml"
    assert main(["export", str(folder), "-o", str(out)]) == 0
    return tomllib.loads(out.read_text(encoding="utf-8"))


def source(data: dict, source_id: str) -> dict:
    return next(s for s in data["sources"] if s["id"] == source_id)


def test_a_yearless_dateline_takes_the_year_of_the_corpus(tmp_path):
    folder = write(tmp_path / "corpus", {
        "a.txt": "Ferry terminal approved\n\nPORTSMOUTH, March 4, 2019 (Coastal Wire) - " + BODY,
        "b.txt": "Terminal gets green light\n\nPORTSMOUTH, March 5 (Harbour News) - " + BODY,
    })
    data = export(folder, tmp_path)
    dated = source(data, "b")
    assert dated["published"].isoformat() == "2019-03-05"
    assert "year from the corpus" in dated["published_basis"]


def test_a_yearless_dateline_alone_takes_the_year_of_what_the_article_reports(tmp_path):
    text = "CARDIFF, Jan. 12 (Wire) - The council, which in November 2021 voted to close the pier, reopened it.\n"
    assert find_yearless(text)[:2] == (1, 12)
    timeline = build_timeline(load_corpus(write(tmp_path / "one", {"story.txt": text})))
    # reported November 2021 as past, datelined January 12: the next January
    assert timeline.sources[0].published.isoformat() == "2022-01-12"


def test_date_stamps_with_times_and_zones_date_the_article():
    assert find_published("7:15 a. m. Dec. 7, 2009\nThe inmate was caught.\n") == (date(2009, 12, 7), "date line")
    assert find_published("11 / 30 / 09 05:40 PM ET\nThe inmate escaped.\n")[0].isoformat() == "2009-11-30"
    assert find_published("Posted 12 / 19 / 2005 3:36 PM\nHe died.\n")[0].isoformat() == "2005-12-19"
    assert find_published("26 September 2013, 10:00 (GMT+05:00)\nPolls open.\n")[0].isoformat() == "2013-09-26"
    # two readings (June 7 or July 6) and no way to tell: no date at all
    assert find_published("07/06/2013 10:00\nPolls open.\n") is None


def test_date_lines_and_bylines_are_not_headlines():
    assert looks_like_date_line("May 2, 2013, 1:12 PM")
    assert looks_like_date_line("updated 8:41 p. m. EST, Tue March 3, 2009")
    assert looks_like_date_line("By Jane Doe")
    assert not looks_like_date_line("Harbour reopens on March 3 after storm repairs")


def test_an_article_opening_with_a_date_line_is_titled_by_its_headline(tmp_path):
    folder = write(tmp_path / "c", {"a.txt": "May 2, 2013, 1:12 PM\nFerry operator sold to rival\n" + BODY})
    data = export(folder, tmp_path)
    assert source(data, "a")["title"] == "Ferry operator sold to rival"
    assert source(data, "a")["published"].isoformat() == "2013-05-02"
    texts = [s["text"] for e in data["events"] for s in e["statements"]]
    assert "Ferry operator sold to rival" in texts
    assert not [t for t in texts if t.startswith("May 2, 2013")]


def test_a_document_identifier_line_is_no_headline(tmp_path):
    """Wire archives open each story with its document id ("APW19980115.0123"): the headline is the next heading."""
    folder = write(tmp_path / "w", {
        "a.txt": "APW19980115.0123\nFerry operator sold to rival\n" + BODY,
        "b.txt": "wsj_0006\n" + BODY,
    })
    data = export(folder, tmp_path)
    assert source(data, "a")["title"] == "Ferry operator sold to rival"
    assert source(data, "b")["title"] == "b"  # no headline: the file's name, never its id line
    titles = [e["title"] for e in data["events"]]
    assert not [t for t in titles if "APW19980115" in t or "wsj_0006" in t]


def test_an_undated_article_takes_the_date_of_the_articles_it_shares_events_with(tmp_path):
    folder = write(tmp_path / "d", {
        "a.txt": "Nov 18, 2023 - Harlow Foods agreed to buy the Pemberton bakery chain for $410 million.\n",
        "b.txt": "Harlow Foods agreed on Friday to buy the Pemberton bakery chain for $410 million.\n",
    })
    data = export(folder, tmp_path)
    undated = source(data, "b")
    assert undated["published"].isoformat() == "2023-11-18"
    assert undated["published_basis"].startswith("estimated: from 1 dated article")
    friday = [s for e in data["events"] for s in e["statements"] if s["source"] == "b"][0]
    assert friday["start"].isoformat() == "2023-11-17"


def _never(*_args):
    raise AssertionError("found again")


def test_an_article_dated_from_its_events_reads_again_only_the_sentences_with_a_date_phrase(monkeypatch):
    # What statements_of makes of the article once its date is known, from the first reading's
    # statements and the few sentences it kept, whether the date is a day or only a year.
    text = (
        "Harlow Foods agreed on Friday to buy the Pemberton bakery chain for $410 million.\n\n"
        "The chain has forty shops across the north and employs nine hundred bakers.\n\n"
        "Talks began last year, and the board approved the offer on Nov 3, 2023.\n\n"
        "Pemberton was founded in 1921 by a family of millers in Leeds.\n"
    )
    work = work_on(ArticleJob("b", text, None, False, None))
    assert [s.index for s in work.to_redate] == [0, 2, 3]  # the second sentence has no date phrase to read again
    # what the rules matched, and the tense around each phrase read: "on Friday"; "last year" and
    # "on Nov 3, 2023"; "in 1921"
    assert all(matched for matched, _ in work.found)
    assert [len(tenses) for _, tenses in work.found] == [1, 2, 1]
    for published, year in ((date(2023, 11, 18), None), (None, 2023)):
        source = Source(id="b", path="b.txt", title="", published=published, published_estimated=published is not None)
        statements = [s.model_copy() for s in work.statements]
        tagger._candidates.cache_clear()  # as in the main process, which tagged none of it
        tagger._tense_for.cache_clear()
        with monkeypatch.context() as patched:
            patched.setattr(tagger, "_find", _never)  # what the worker found is taken up
            patched.setattr(tagger, "tense_for", _never)
            redate_article(statements, work.to_redate, source, year, work.found)
        whole = statements_of(split_sentences("b", text), published, published is not None, year)
        assert [(s.id, s.time_text, s.time_start, s.span) for s in statements] == [
            (s.id, s.time_text, s.time_start, s.span) for s in whole
        ]
    assert statements[0].span.modifier.value == "undated"  # "on Friday" needs the day, not only the year


def test_nothing_dates_an_article_from_its_file_time_and_relative_words_stay_undated(tmp_path):
    folder = write(tmp_path / "e", {"a.txt": "The port authority cancelled all sailings last week after the storm.\n"})
    os.utime(folder / "a.txt", (1_000_000_000, 1_000_000_000))  # 2001
    data = export(folder, tmp_path)
    assert "published" not in source(data, "a")
    assert "modification" not in source(data, "a").get("published_basis", "")
    [statement] = [s for e in data["events"] for s in e["statements"]]
    assert statement["time_text"] == "last week"
    assert statement["modifier"] == "undated"


def test_a_copyright_year_alone_resolves_what_needs_only_the_year(tmp_path):
    folder = write(tmp_path / "f", {
        "a.txt": "The mill spent $3 million on repairs last year.\n\nThe union met the owners this week.\n\n"
        "© Valley Press 2024\n",
    })
    data = export(folder, tmp_path)
    by_text = {s["time_text"]: s for e in data["events"] for s in e["statements"]}
    assert by_text["last year"]["start"].isoformat() == "2023-01-01"
    assert by_text["this week"]["modifier"] == "undated"
