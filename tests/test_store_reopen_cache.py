"""A file scaletui saved opens again from the timeline it kept at saving (events/reopen_cache.py), and only that file.

The suite has a cache folder of its own (conftest.py). Whether an open was served
from the cache is seen from outside: with the TOML reader broken, only a kept
timeline can still open the file.
"""

from __future__ import annotations

import io
import pickle
import sys
import zlib
from pathlib import Path

import pytest

from scaletui.events import annotations as ann
from scaletui.events import store
from scaletui.events.store import dumps_timeline, load_timeline, save_timeline
from scaletui.tui.cli import main

sys.path.insert(0, str(Path(__file__).parent / "tui"))
from synthetic_timeline import synthetic_timeline  # noqa: E402


def _annotated():
    timeline = synthetic_timeline(40, n_entities=12, seed=5)
    ann.set_note(timeline, timeline.events[0].id, "check the figure")
    ann.set_tags(timeline, timeline.events[1].id, "deal, money")
    ann.correct_date(timeline, timeline.events[2].id, "2019-03-04")
    return timeline


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(tmp_path / "cache"))


def _entries() -> list[Path]:
    import os

    return sorted(Path(os.environ["SCALETUI_CACHE_DIR"]).rglob("opened/*.saved"))


@pytest.fixture
def no_toml_reading(monkeypatch):
    """Reading the file's TOML fails: only a kept timeline opens it."""

    def broken(text: str, where: str = "timeline"):
        raise AssertionError("the file's TOML was read")

    def use() -> None:
        monkeypatch.setattr(store, "loads_timeline", broken)

    return use


def test_a_saved_file_opens_again_from_the_kept_timeline_with_every_annotation(tmp_path, no_toml_reading):
    timeline = _annotated()
    path = tmp_path / "t.toml"
    save_timeline(timeline, path)
    assert len(_entries()) == 1
    no_toml_reading()
    opened = load_timeline(path)
    assert opened == timeline
    assert opened.events[0].annotation.note == "check the figure" and opened.events[1].annotation.tags == ["deal", "money"]
    assert dumps_timeline(opened) == path.read_text(encoding="utf-8")  # saves as the file it came from
    # annotated after opening, saved and opened again: the new note is there (a new entry)
    ann.set_note(opened, opened.events[3].id, "later")
    save_timeline(opened, path, force=True)
    assert load_timeline(path).events[3].annotation.note == "later"
    assert load_timeline(path).events[0].annotation.note == "check the figure"


def test_the_kept_timeline_is_its_own_each_time_the_file_is_opened(tmp_path):
    path = tmp_path / "t.toml"
    save_timeline(_annotated(), path)
    first, second = load_timeline(path), load_timeline(path)
    ann.set_note(first, first.events[5].id, "only in the first")
    assert second.events[5].annotation.note == ""
    first.events[0].statements[0].entities.append("e0001")
    assert second.events[0].statements[0].entities == _annotated().events[0].statements[0].entities


def test_a_file_changed_after_saving_is_read_from_its_text(tmp_path):
    timeline = _annotated()
    path = tmp_path / "t.toml"
    save_timeline(timeline, path)
    title = timeline.events[0].title
    path.write_text(path.read_text(encoding="utf-8").replace(f'title = "{title}"', 'title = "Edited by hand"', 1), encoding="utf-8")
    assert load_timeline(path).events[0].title == "Edited by hand"


def test_a_damaged_or_planted_entry_counts_as_absent_and_runs_nothing(tmp_path, monkeypatch):
    timeline = _annotated()
    path = tmp_path / "t.toml"
    save_timeline(timeline, path)
    (entry,) = _entries()
    kept = entry.read_bytes()
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (Path.touch, (marker,))

    monkeypatch.setenv("SCALETUI_MAX_TIMELINE_SIZE", str(4 << 20))
    bomb = zlib.compress(b"\0" * (5 << 20), 9)  # past what a timeline file may hold, once inflated
    for content in (b"not an entry", bomb, zlib.compress(b"\x80\x05garbage"), zlib.compress(pickle.dumps(Planted())),
                    zlib.compress(pickle.dumps({"events": []})), kept[:-10]):
        entry.write_bytes(content)
        assert load_timeline(path) == timeline
    assert not marker.exists()


def test_a_timeline_kept_in_several_parts_opens_whole_and_an_entry_missing_a_part_counts_as_absent(tmp_path, monkeypatch,
                                                                                                       no_toml_reading):
    from scaletui.events import reopen_cache

    monkeypatch.setattr(reopen_cache, "EVENTS_PER_PART", 7)  # 40 events: six parts, the last of five
    timeline = _annotated()
    path = tmp_path / "t.toml"
    save_timeline(timeline, path)
    (entry,) = _entries()
    kept = entry.read_bytes()
    stream = io.BytesIO(zlib.decompress(kept))
    parts = []
    while stream.tell() < len(stream.getbuffer()):
        parts.append(_one_pickle(stream))
    assert len(parts) == 1 + 6
    text = path.read_text(encoding="utf-8")
    no_toml_reading()
    opened = load_timeline(path)
    assert opened == timeline and dumps_timeline(opened) == text
    monkeypatch.undo()  # the TOML reader back, for the damaged entries below
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(tmp_path / "cache"))
    for damaged in (b"".join(parts[:-1]), b"".join([*parts, parts[-1]]), b"".join([parts[0], *parts[2:]])):
        entry.write_bytes(zlib.compress(damaged))
        assert load_timeline(path) == timeline  # read from its text


def _one_pickle(stream: io.BytesIO) -> bytes:
    """The bytes of the next pickle in the stream (pickletools reads up to its STOP)."""
    import pickletools

    start = stream.tell()
    for _ in pickletools.genops(stream):
        pass
    return stream.getvalue()[start : stream.tell()]


def test_an_entry_of_other_fields_counts_as_absent(tmp_path):
    # an entry written by a version of the models with other fields (an edited checkout) is not read
    from scaletui.events import reopen_cache

    timeline = _annotated()
    path = tmp_path / "t.toml"
    save_timeline(timeline, path)
    (entry,) = _entries()
    out = io.BytesIO()

    class Older(reopen_cache._Writer):
        def reducer_override(self, obj):
            made = super().reducer_override(obj)
            if made is NotImplemented:
                return made
            function, (cls, values, given) = made
            return function, (cls, {key: value for key, value in values.items() if key != "subject"}, given)

    reopen_cache.pickle_in_parts(out, timeline, Older)
    entry.write_bytes(zlib.compress(out.getvalue()))
    assert load_timeline(path) == timeline


def test_nothing_is_kept_with_caching_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    save_timeline(_annotated(), tmp_path / "t.toml")
    assert _entries() == []


def test_an_export_opens_again_from_the_kept_timeline(tmp_path, no_toml_reading):
    story = Path(__file__).resolve().parent / "corpora" / "second_story"
    out = tmp_path / "story.toml"
    assert main(["export", str(story), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    no_toml_reading()
    opened = load_timeline(out)
    assert len(opened.events) > 10 and dumps_timeline(opened) == text
