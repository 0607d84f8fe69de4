"""The per-article cache: a second export of an unchanged corpus redoes no per-article work, and gives the same file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cache_helpers import copied_story, export, private_cache, uncached

from scaletui.events import parallel as events_parallel

NEW_ARTICLE = (
    "Kestrel Terminals staff meet the new owners\n\n"
    "ROTTERDAM, March 9, 2024 (Quay Post) - Kestrel Terminals staff met Brightwater Logistics Group managers "
    "on Saturday, a day after the $1.2 billion deal was announced, the union said.\n"
)

corpus = pytest.fixture(name="corpus")(copied_story)
cache = pytest.fixture(name="cache")(private_cache)


@pytest.fixture
def worked(monkeypatch) -> list[str]:
    """The source ids whose per-article work is done, not read from the cache (small corpora: in this process)."""
    calls: list[str] = []
    real = events_parallel.work_on

    def counting(job):
        calls.append(job.source_id)
        return real(job)

    monkeypatch.setattr(events_parallel, "work_on", counting)
    return calls


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def forget_builds(cache: Path) -> None:
    """Drop the whole-build entries (tests/test_build_cache.py), so that the next export reads articles."""
    for entry in cache.rglob("*.timeline"):
        entry.unlink()


def test_second_export_reads_every_article_from_the_cache(corpus, cache, worked, tmp_path, monkeypatch):
    first = export(corpus, tmp_path / "first.toml")
    assert len(worked) == 5 and len(entries(cache)) == 5
    worked.clear()
    forget_builds(cache)
    second = export(corpus, tmp_path / "second.toml")
    assert worked == []
    assert second == first == uncached(corpus, tmp_path / "plain.toml", monkeypatch)


def test_a_new_article_is_the_only_one_worked_out(corpus, cache, worked, tmp_path, monkeypatch):
    export(corpus, tmp_path / "first.toml")
    (corpus / "f_quay_post.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    worked.clear()
    grown = export(corpus, tmp_path / "grown.toml")
    assert worked == ["f-quay-post"]
    assert grown == uncached(corpus, tmp_path / "plain.toml", monkeypatch)


def test_a_changed_publication_date_is_worked_out_again(corpus, cache, worked, tmp_path, monkeypatch):
    export(corpus, tmp_path / "first.toml")
    listing = corpus / "sources.toml"
    listing.write_text(listing.read_text(encoding="utf-8").replace("published = 2024-03-08", "published = 2024-03-07", 1),
                       encoding="utf-8")
    worked.clear()
    changed = export(corpus, tmp_path / "changed.toml")
    assert worked == ["harbour-ledger"]
    assert changed == uncached(corpus, tmp_path / "plain.toml", monkeypatch)


def test_damaged_entries_are_ignored_and_replaced(corpus, cache, worked, tmp_path):
    first = export(corpus, tmp_path / "first.toml")
    damage = [b"", b"{not json", b'{"sentences": 3}', b'{"sentences": [], "statements": [{"id": 1}]}', b"\xff\xfe\x00"]
    for entry, junk in zip(entries(cache), damage, strict=True):
        entry.write_bytes(junk)
    worked.clear()
    forget_builds(cache)
    assert export(corpus, tmp_path / "again.toml") == first
    assert len(worked) == 5
    worked.clear()
    forget_builds(cache)
    assert export(corpus, tmp_path / "third.toml") == first
    assert worked == []  # the damaged entries were written anew


def test_an_unusable_cache_folder_still_builds(corpus, tmp_path, monkeypatch, worked):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(blocker / "cache"))  # no folder can be made under a file
    monkeypatch.delenv("SCALETUI_NO_CACHE", raising=False)
    built = export(corpus, tmp_path / "out.toml")
    assert len(worked) == 5
    assert built == uncached(corpus, tmp_path / "plain.toml", monkeypatch)


def test_no_cache_variable_turns_it_off(corpus, cache, worked, tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    export(corpus, tmp_path / "one.toml")
    export(corpus, tmp_path / "two.toml")
    assert len(worked) == 10 and not cache.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME is the Linux convention")
def test_the_user_cache_folder_follows_xdg_cache_home(corpus, tmp_path, monkeypatch, worked):
    monkeypatch.delenv("SCALETUI_CACHE_DIR", raising=False)
    monkeypatch.delenv("SCALETUI_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    export(corpus, tmp_path / "one.toml")
    assert len(entries(tmp_path / "xdg" / "scaletui")) == 5
    worked.clear()
    export(corpus, tmp_path / "two.toml")
    assert worked == []


def test_entries_of_other_code_versions_are_removed_and_nothing_else(corpus, cache, tmp_path):
    old = cache / "articles-0123456789abcdef"
    (old / "ab").mkdir(parents=True)
    (old / "ab" / "entry.json").write_text("{}", encoding="utf-8")
    kept = cache / "articles-of-mine"
    kept.mkdir()
    export(corpus, tmp_path / "out.toml")
    assert not old.exists() and kept.is_dir()
    current = [p for p in cache.glob("articles-*") if p != kept]
    assert len(current) == 1 and len(entries(current[0])) == 5
