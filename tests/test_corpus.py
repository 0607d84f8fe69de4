"""Loading a corpus folder: sources.toml, defaults, and every kind of bad input."""

import os
from datetime import date
from pathlib import Path

import pytest

from scaletui.events.corpus import Corpus, analysed_part, load_corpus, slug
from scaletui.events.errors import CorpusError, ScaletuiError
from scaletui.events.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STORY = "LONDON, June 13, 2025 (AP) — Meta agreed to buy a stake in Scale AI.\n"


def make(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def fails(folder: Path) -> str:
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    message = str(caught.value)
    assert "\n" not in message and message
    assert isinstance(caught.value, ScaletuiError) and caught.value.exit_code == 2
    return message


# ---------------------------------------------------------------- good corpora


def test_seeds_load_with_their_sources_toml():
    corpus = load_corpus(SEEDS)
    assert isinstance(corpus, Corpus) and corpus.problems == []
    assert [d.source.id for d in corpus.documents] == ["rewrite-a", "reuters-ndtv", "rewrite-b", "gigazine", "techtimes"]
    reuters = corpus.documents[1].source
    assert reuters.published == date(2025, 6, 13) and reuters.published_basis == "sources.toml"
    assert reuters.outlet.startswith("Reuters") and not reuters.published_estimated
    for document in corpus.documents:
        assert document.source.title
        assert document.text == (SEEDS / document.source.path).read_text(encoding="utf-8")
        if document.source.id != "reuters-ndtv":
            assert document.source.published is None  # left for the pipeline to estimate


def test_unlisted_files_get_slug_ids_headlines_and_stated_dates(tmp_path):
    folder = make(
        tmp_path / "c",
        {
            "b_story.txt": "Meta Buys Into Scale AI\n\n" + STORY,
            "A Story (draft).md": "# The Deal, Explained\n\nMeta paid $14.3 billion.\n",
            "c.txt": "Meta paid $14.3 billion for the stake. Google will leave.\n",
            "notes.pdf": "not an article",
        },
    )
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text("Ignored: not in the folder itself.")
    (folder / ".hidden.txt").write_text("Editor backup.")
    corpus = load_corpus(folder)
    sources = [d.source for d in corpus.documents]
    assert [s.path for s in sources] == ["A Story (draft).md", "b_story.txt", "c.txt"]  # sorted by file name
    assert [s.id for s in sources] == ["a-story-draft", "b-story", "c"]
    assert [s.title for s in sources] == ["The Deal, Explained", "Meta Buys Into Scale AI", "c"]
    assert (sources[1].published, sources[1].published_basis) == (date(2025, 6, 13), "dateline")
    assert sources[0].published is None and sources[0].published_basis == ""
    # The subfolder is not read, and the user is told so.
    assert corpus.problems == [f"{folder / 'sub'}/: a subfolder; only articles directly in the corpus folder are read"]


def test_sources_toml_fields_override_and_published_estimated(tmp_path):
    folder = make(
        tmp_path / "c",
        {
            "one.txt": STORY,
            "two.txt": "Google will cut ties.\n",
            "sources.toml": (
                '[[sources]]\npath = "one.txt"\nid = "ap"\ntitle = "Meta deal"\noutlet = "AP"\n'
                'url = "https://example.org/a"\npublished = 2025-06-14\n\n'
                '[[sources]]\npath = "two.txt"\npublished = 2025-06-15\npublished_estimated = true\n'
            ),
        },
    )
    one, two = (d.source for d in load_corpus(folder).documents)
    assert (one.id, one.title, one.outlet, one.url) == ("ap", "Meta deal", "AP", "https://example.org/a")
    assert (one.published, one.published_basis) == (date(2025, 6, 14), "sources.toml")  # beats the dateline
    assert (two.id, two.published, two.published_estimated) == ("two", date(2025, 6, 15), True)


def test_derived_ids_never_collide(tmp_path):
    folder = make(
        tmp_path / "c",
        {
            "a.txt": "One story.\n",
            "a.md": "Another story.\n",
            "b.txt": "Third story.\n",
            "sources.toml": '[[sources]]\npath = "b.txt"\nid = "a"\n',
        },
    )
    ids = [d.source.id for d in load_corpus(folder).documents]
    assert len(set(ids)) == 3 and "a" in ids


def test_slug():
    assert slug("001_fb140f6fc3b021e8") == "001-fb140f6fc3b021e8"
    assert slug("Google & Meta: THE deal!") == "google-meta-the-deal"
    assert slug("日本語") == "source"
    assert len(slug("x" * 200)) <= 40


def test_bom_and_crlf_file_loads_and_offsets_hold(tmp_path):
    folder = make(tmp_path / "c", {"a.txt": "\ufeffHeadline Here\r\nGoogle left. Meta stayed.\r\n".encode()})
    (document,) = load_corpus(folder).documents
    assert document.text.startswith("Headline Here")
    sentences = split_sentences(document.source.id, document.text)
    assert [s.text for s in sentences] == ["Headline Here", "Google left.", "Meta stayed."]
    assert all(document.text[s.start : s.end] == s.text for s in sentences)


def test_huge_file_loads_up_to_the_analysis_limit(tmp_path):
    paragraph = "Meta paid $14.3 billion for a 49% stake in Scale AI on Thursday. Google said it would leave.\n\n"
    folder = make(tmp_path / "c", {"big.txt": paragraph * 30_000})  # about 3 MB
    corpus = load_corpus(folder)
    (document,) = corpus.documents
    # Cut where a paragraph ends, within the limit and not far short of it.
    assert 450_000 < len(document.text) <= 512 * 1024
    assert (paragraph * 30_000).startswith(document.text) and document.text.endswith("leave.\n")
    assert corpus.problems == [
        f"{folder / 'big.txt'}: all but its first 512 kB (of 2.7 MB): events are read from at most that much of "
        "one article; set SCALETUI_MAX_ANALYSED_SIZE to raise it"
    ]


def test_the_analysis_limit_cuts_at_a_sentence_else_a_word():
    sentences = "It rose 5% on Friday. " * 10
    assert analysed_part(sentences, 100) == sentences[:87]  # after "Friday."
    words = "word " * 40
    assert analysed_part(words, 100) == words[:99]
    assert analysed_part("x" * 300, 100) == "x" * 100
    assert analysed_part(sentences, 1000) == sentences


# ---------------------------------------------------------------- bad folders


def test_missing_folder(tmp_path):
    assert fails(tmp_path / "nope") == f"{tmp_path / 'nope'}: no such folder"


def test_a_single_article_opens_as_a_corpus_of_one(tmp_path):
    folder = make(tmp_path / "c", {"a.txt": STORY, "b.txt": "Another story.\n"})
    corpus = load_corpus(folder / "a.txt")
    assert corpus.folder == folder and corpus.problems == []
    assert [d.source.path for d in corpus.documents] == ["a.txt"]


def test_a_file_that_is_no_article_instead_of_a_folder(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_text("Story.")
    assert fails(path) == f"{path}: not a corpus folder, an article (.txt or .md) or a timeline (.toml)"


def test_empty_folder(tmp_path):
    (tmp_path / "c").mkdir()
    assert fails(tmp_path / "c") == f"{tmp_path / 'c'}: no articles (no .txt or .md files)"


def test_folder_without_articles(tmp_path):
    folder = make(tmp_path / "c", {"a.pdf": b"%PDF-1.4", "notes.docx": b"PK\x03\x04"})
    assert fails(folder) == f"{folder}: no articles (no .txt or .md files)"


# ---------------------------------------------------------------- bad articles


def test_binary_article_is_skipped_and_reported(tmp_path):
    folder = make(tmp_path / "c", {"good.txt": STORY, "x.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    corpus = load_corpus(folder)
    assert [d.source.path for d in corpus.documents] == ["good.txt"]
    assert corpus.problems == [f"{folder / 'x.txt'}: not a text file (binary data)"]


def test_non_utf8_article_is_skipped_not_guessed(tmp_path):
    folder = make(tmp_path / "c", {"good.txt": STORY, "latin.txt": "Caf\u00e9 owners said.".encode("cp1252")})
    corpus = load_corpus(folder)
    assert corpus.problems == [f"{folder / 'latin.txt'}: not UTF-8 text (byte 0xe9 at offset 3)"]


def test_empty_and_blank_articles(tmp_path):
    folder = make(tmp_path / "c", {"empty.txt": "", "blank.md": " \n\n\t\n", "good.txt": STORY})
    corpus = load_corpus(folder)
    assert [d.source.path for d in corpus.documents] == ["good.txt"]
    assert corpus.problems == [f"{folder / 'blank.md'}: empty file", f"{folder / 'empty.txt'}: empty file"]


def test_unreadable_article_is_skipped(tmp_path):
    folder = make(tmp_path / "c", {"good.txt": STORY})
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    corpus = load_corpus(folder)
    assert [d.source.path for d in corpus.documents] == ["good.txt"]
    assert corpus.problems == [f"{folder / 'dangling.txt'}: cannot read (No such file or directory)"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_article_is_skipped(tmp_path):
    folder = make(tmp_path / "c", {"good.txt": STORY, "locked.txt": STORY})
    (folder / "locked.txt").chmod(0)
    corpus = load_corpus(folder)
    assert corpus.problems == [f"{folder / 'locked.txt'}: cannot read (Permission denied)"]


def test_no_usable_article_is_fatal(tmp_path):
    folder = make(tmp_path / "c", {"a.txt": b"\x00\x01\x02", "b.txt": ""})
    assert fails(folder) == f"{folder}: no usable article ({folder / 'a.txt'}: not a text file (binary data) ...)"


# ---------------------------------------------------------------- bad sources.toml


def bad_toml(tmp_path: Path, toml: str) -> str:
    folder = make(tmp_path / "c", {"a.txt": STORY, "b.txt": STORY, "sources.toml": toml})
    return fails(folder).replace(str(folder / "sources.toml"), "sources.toml")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[sources]]\npath = "a.txt"\ntitle = "unclosed\n', "sources.toml: line 3: Illegal character '\\n'"),
        ('[[sources]]\npath = "a.txt"\npublished = 2025-13-01\n', "sources.toml: line 3: bad date 2025-13-01"),
        ('[[sources]]\npath = "nope.txt"\n', 'sources.toml: unknown path "nope.txt" (no such article in the folder)'),
        ('[[sources]]\npath = "a.pdf"\n', 'sources.toml: path "a.pdf" is not a .txt or .md article'),
        (
            '[[sources]]\npath = "../a.txt"\n',
            'sources.toml: entry 1 ("../a.txt"): path must be a file name in the folder, not "../a.txt"',
        ),
        (
            '[[sources]]\npath = "a.txt"\npublished = "June 13"\n',
            'sources.toml: entry 1 ("a.txt"): bad date "June 13" for published (use YYYY-MM-DD)',
        ),
        (
            '[[sources]]\npath = "a.txt"\npublished = 20250613\n',
            'sources.toml: entry 1 ("a.txt"): published must be a date (YYYY-MM-DD), not a number',
        ),
        (
            '[[sources]]\npath = "a.txt"\nid = "x"\n[[sources]]\npath = "b.txt"\nid = "x"\n',
            'sources.toml: entry 2 ("b.txt"): duplicate id "x" (also used for "a.txt")',
        ),
        ('[[sources]]\npath = "a.txt"\n[[sources]]\npath = "a.txt"\n', 'sources.toml: entry 2 ("a.txt"): path is listed twice (also entry 1)'),
        ('[[sources]]\nid = "x"\n', "sources.toml: entry 1: missing path"),
        ('[[sources]]\npath = 3\n', "sources.toml: entry 1: path must be a string, not a number"),
        ('[[sources]]\npath = "a.txt"\ntitle = ["x"]\n', "sources.toml: entry 1: title must be a string, not a list"),
        ('[[sources]]\npath = "a.txt"\nid = "Has Spaces"\n', 'sources.toml: entry 1 ("a.txt"): id "Has Spaces" must be lower-case letters, digits, ".", "_" or "-"'),
        (
            '[[sources]]\npath = "a.txt"\npublished_estimated = "yes"\npublished = 2025-06-13\n',
            'sources.toml: entry 1 ("a.txt"): published_estimated must be true or false, not a string',
        ),
        (
            '[[sources]]\npath = "a.txt"\npublished_estimated = true\n',
            'sources.toml: entry 1 ("a.txt"): published_estimated needs a published date',
        ),
        (
            '[[sources]]\npath = "a.txt"\npubished = 2025-06-13\n',
            'sources.toml: entry 1: unknown key "pubished" (known: path, id, title, outlet, url, published, published_estimated)',
        ),
        ('sources = "a.txt"\n', "sources.toml: sources must be [[sources]] entries"),
        ('sources = ["a.txt"]\n', "sources.toml: entry 1: not a table"),
        ('[[source]]\npath = "a.txt"\n', 'sources.toml: unknown key "source" (expected [[sources]] entries)'),
    ],
)
def test_bad_sources_toml_is_fatal(tmp_path, toml, message):
    assert bad_toml(tmp_path, toml) == message


def test_sources_toml_that_is_not_utf8(tmp_path):
    folder = make(tmp_path / "c", {"a.txt": STORY, "sources.toml": b'title = "caf\xe9"'})
    assert fails(folder) == f"{folder / 'sources.toml'}: not UTF-8 text"


def test_empty_sources_toml_is_fine(tmp_path):
    folder = make(tmp_path / "c", {"a.txt": STORY, "sources.toml": "# nothing yet\n"})
    assert [d.source.id for d in load_corpus(folder).documents] == ["a"]


def test_page_chrome_found_for_the_headline_is_not_searched_for_again_when_the_article_is_split(tmp_path, monkeypatch):
    from scaletui.events import chrome, corpus, pipeline, sentences

    short = "Share this article\n\nHarbour reopens after storm\n\nThe port of Brightwater reopened on Monday, officials said.\n"
    long_text = short + "\n".join(f"The dockers said on Monday that shift {n} would start at dawn." for n in range(120)) + "\n"
    titled = "Related articles\n\nA quiet week at the port\n\nNothing moved at the harbour, the harbour master said.\n"
    folder = make(tmp_path / "c", {"a.txt": short, "b.txt": long_text, "c.txt": titled,
                                    "sources.toml": '[[sources]]\npath = "c.txt"\ntitle = "Given in sources.toml"\n'})
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")  # every article worked on here, none read back
    searched: list[str] = []
    real = chrome.chrome_ranges

    def counting(text):
        searched.append(text)
        return real(text)

    monkeypatch.setattr(corpus, "chrome_ranges", counting)
    monkeypatch.setattr(sentences, "chrome_ranges", counting)
    loaded = load_corpus(folder)
    by_name = {d.source.path: d for d in loaded.documents}
    assert by_name["a.txt"].source.title == "Harbour reopens after storm"
    assert by_name["a.txt"].chrome == real(short) != []  # the share line
    assert by_name["b.txt"].chrome is None  # past the headline's reach: the headline read its top alone
    assert by_name["c.txt"].chrome is None and by_name["c.txt"].source.title == "Given in sources.toml"
    searched.clear()
    built = pipeline.build_timeline(loaded)
    assert searched.count(short) == 0 and searched.count(long_text) == 1 and searched.count(titled) == 1
    plain = [split_sentences(d.source.id, d.text) for d in loaded.documents]
    assert [split_sentences(d.source.id, d.text, chrome=d.chrome) for d in loaded.documents] == plain
    assert any("reopened on Monday" in s.text for e in built.events for s in e.statements)
