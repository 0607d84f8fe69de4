"""The whole-build cache: a second open of an unchanged corpus builds nothing, and never carries a user's annotations."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from cache_helpers import copied_story, export, private_cache, uncached

from scaletui.events import build_cache as events_build_cache
from scaletui.events import pipeline as events_pipeline
from scaletui.events.corpus import load_corpus
from scaletui.events.model import EntityEdit, Timeline
from scaletui.events.pipeline import build_timeline
from scaletui.events.store import dumps_timeline, load_timeline, save_timeline

ROOT = Path(__file__).resolve().parent.parent

corpus = pytest.fixture(name="corpus")(copied_story)
cache = pytest.fixture(name="cache")(private_cache)


@pytest.fixture
def built(monkeypatch) -> list[int]:
    """How many times events were grouped (once per build that was not read from the cache)."""
    calls: list[int] = []
    real = events_pipeline.cluster_events

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(events_pipeline, "cluster_events", counting)
    return calls


def timeline_entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.timeline"))


def test_a_second_export_of_an_unchanged_corpus_builds_nothing(corpus, cache, built, tmp_path, monkeypatch):
    first = export(corpus, tmp_path / "first.toml")
    assert len(built) == 1 and len(timeline_entries(cache)) == 1
    second = export(corpus, tmp_path / "second.toml")
    assert len(built) == 1
    assert second == first == uncached(corpus, tmp_path / "plain.toml", monkeypatch)


@pytest.mark.parametrize("change", ["article", "new article", "sources.toml", "entities.toml"])
def test_any_change_to_the_corpus_builds_again(change, corpus, cache, built, tmp_path, monkeypatch):
    export(corpus, tmp_path / "first.toml")
    if change == "article":
        path = corpus / "c_freight_desk.txt"
        path.write_text(path.read_text(encoding="utf-8").replace("Brightwater", "Brightwaters", 1), encoding="utf-8")
    elif change == "new article":
        shutil.copy(ROOT / "seeds" / "000_6f4293d8598f8d67.txt", corpus / "f_new.txt")
    elif change == "sources.toml":
        listing = corpus / "sources.toml"
        listing.write_text(listing.read_text(encoding="utf-8").replace('outlet = "Harbour Ledger"', 'outlet = "The Ledger"'),
                           encoding="utf-8")
    else:
        shutil.copy(ROOT / "seeds" / "entities.toml", corpus / "entities.toml")
    changed = export(corpus, tmp_path / "changed.toml")
    assert len(built) == 2
    assert export(corpus, tmp_path / "again.toml") == changed
    assert len(built) == 2
    assert changed == uncached(corpus, tmp_path / "plain.toml", monkeypatch)


def test_a_copied_corpus_is_read_from_the_cache_and_names_its_own_folder(corpus, cache, built, tmp_path):
    export(corpus, tmp_path / "first.toml")
    copy = tmp_path / "elsewhere" / "story"
    shutil.copytree(corpus, copy)
    timeline = build_timeline(load_corpus(copy))
    assert len(built) == 1
    assert timeline.corpus == str(copy)


def test_annotations_never_reach_the_cache_and_a_saved_timeline_keeps_them(corpus, cache, built, tmp_path):
    timeline = build_timeline(load_corpus(corpus))
    # what a user does in the app with the timeline a build gave
    timeline.events[0].annotation.note = "checked with the port authority"
    timeline.events[0].annotation.tags = ["mine"]
    entity = timeline.entities[0]
    timeline.entity_edits.append(EntityEdit(action="rename", entity=entity.id, name="Renamed by me"))
    saved = tmp_path / "annotated.toml"
    save_timeline(timeline, saved)
    events_build_cache.keep_build(events_build_cache.timeline_cache(),
                                  events_build_cache.build_key(load_corpus(corpus), None), timeline)

    again = build_timeline(load_corpus(corpus))
    assert len(built) == 1  # read from the cache...
    assert all(event.annotation.empty for event in again.events) and again.entity_edits == []  # ...without the user's
    for entry in timeline_entries(cache):
        text = zlib.decompress(entry.read_bytes()).decode("utf-8")
        assert "Harbour Ledger" in text  # the timeline is there...
        assert "port authority" not in text and "Renamed by me" not in text  # ...without the user's

    reopened = load_timeline(saved)
    assert reopened.events[0].annotation.note == "checked with the port authority"
    assert reopened.entity_edits[0].name == "Renamed by me"
    assert len(built) == 1


def test_a_build_read_back_has_the_silent_sources_of_a_fresh_one_though_its_entry_leaves_them_out(corpus, cache, built):
    fresh = build_timeline(load_corpus(corpus))
    again = build_timeline(load_corpus(corpus))
    assert len(built) == 1  # the second from the cache
    assert any(event.silent for event in fresh.events)
    assert [event.silent for event in again.events] == [event.silent for event in fresh.events]
    assert again.model_dump() == fresh.model_dump()
    (entry,) = timeline_entries(cache)
    assert b'"silent"' not in zlib.decompress(entry.read_bytes())  # they grow with events x sources: derived instead


def test_an_entry_made_an_event_at_a_time_is_the_json_of_the_whole_timeline(corpus):
    # compressed as it is made, so the whole JSON is never held; what reads it sees the same bytes
    timeline = build_timeline(load_corpus(corpus))
    timeline.events[0].annotation.note = "mine"
    whole = Timeline.__pydantic_serializer__.to_json(timeline, exclude=events_build_cache._LEFT_OUT)
    assert zlib.decompress(events_build_cache.compressed_json(timeline)) == whole
    assert b"mine" not in whole and b'"silent"' not in whole
    for bare in (Timeline(), Timeline(corpus="x", sources=timeline.sources)):  # no events at all
        entry = zlib.decompress(events_build_cache.compressed_json(bare))
        assert entry == Timeline.__pydantic_serializer__.to_json(bare, exclude=events_build_cache._LEFT_OUT)
        assert Timeline.model_validate_json(entry) == bare


def test_a_damaged_entry_is_built_again_and_replaced(corpus, cache, built, tmp_path):
    first = export(corpus, tmp_path / "first.toml")
    for junk in (b"", b"{not json", zlib.compress(b'{"events": 3}'), zlib.compress(b"\xff\xfe\x00"), b"\x78\x01garbage"):
        (entry,) = timeline_entries(cache)
        entry.write_bytes(junk)
        assert export(corpus, tmp_path / "again.toml") == first
    assert len(built) == 6
    assert export(corpus, tmp_path / "third.toml") == first
    assert len(built) == 6


def test_an_unusable_cache_folder_builds_every_time(corpus, tmp_path, monkeypatch, built):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("SCALETUI_NO_CACHE", raising=False)
    first = export(corpus, tmp_path / "one.toml")
    assert export(corpus, tmp_path / "two.toml") == first
    assert len(built) == 2


def test_no_cache_variable_builds_every_time(corpus, cache, built, tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    export(corpus, tmp_path / "one.toml")
    export(corpus, tmp_path / "two.toml")
    assert len(built) == 2 and not cache.exists()


def test_only_the_most_recently_used_builds_are_kept(tmp_path, cache, built, monkeypatch):
    monkeypatch.setattr(events_build_cache.TimelineCache, "kept", 2)
    folders = []
    for number, article in enumerate(sorted((ROOT / "seeds").glob("*.txt"))[:3]):
        folder = tmp_path / f"c{number}"
        folder.mkdir()
        shutil.copy(article, folder / article.name)
        folders.append(folder)
        dumps_timeline(build_timeline(load_corpus(folder)))
    assert len(timeline_entries(cache)) == 2 and len(built) == 3
    build_timeline(load_corpus(folders[2]))  # kept
    assert len(built) == 3
    build_timeline(load_corpus(folders[0]))  # let go
    assert len(built) == 4
