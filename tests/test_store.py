"""Timelines survive a round trip through TOML, and bad files are refused in one line."""

from datetime import date

import pytest
import tomllib

from events.errors import SaveConflict, TimelineFileError
from events.model import (
    Alias, Claim, Discrepancy, Entity, EntityEdit, Event, EventNote, Figure, Flag, Kind, Modifier,
    Precision, Source, Statement, Timeline, TimeSpan,
)
from events.store import dumps_timeline, file_stamp, load_timeline, loads_timeline, save_timeline


def _timeline() -> Timeline:
    day = TimeSpan(start=date(2025, 6, 13), end=date(2025, 6, 13), precision=Precision.DAY, confidence=0.9)
    year = TimeSpan(start=date(2024, 1, 1), end=date(2024, 12, 31), precision=Precision.YEAR)
    statement = Statement(
        id="a:3", source="a", text="Google spent $150 million last year [bold red]x\x1b[31m",
        start=100, end=150, time_text="last year", time_start=130, time_end=139, span=year,
        figures=[Figure(text="$150 million", kind="money", value=150e6, unit="USD")], entities=["google"],
    )
    reported = Statement(
        id="b:0", source="b", text="Scale AI says business remains strong.", start=0, end=38,
        span=day.model_copy(update={"modifier": Modifier.REPORTED}),
    )
    event = Event(
        id="ev-1234", title="Google spent $150 million", span=year, entities=["google"], sources=["a"],
        silent=["b"], statements=[statement],
        discrepancies=[Discrepancy(field="figure", topic="spend", claims=[Claim(value="$150 million", sources=["a"])])],
        annotation=EventNote(note="check the \"figure\"\nsecond line", tags=["money", "google"], flag=Flag.DISPUTED,
                             title="Google's 2024 spend", span=TimeSpan(start=date(2024, 3, 1), end=date(2024, 3, 31), precision=Precision.MONTH)),
    )
    undated = Event(id="ev-5678", title="Scale AI says business remains strong", span=reported.span, sources=["b"], statements=[reported])
    return Timeline(
        corpus="/tmp/corpus",
        sources=[Source(id="a", path="a.txt", title="A", outlet="Reuters", published=date(2025, 6, 13)),
                 Source(id="b", path="b.txt", published=date(2025, 6, 13), published_estimated=True, published_basis="estimated: corpus")],
        entities=[Entity(id="google", name="Google", kind=Kind.ORGANISATION, aliases=[Alias(text="Google", sources=["a"], count=3)])],
        events=[event, undated],
        entity_edits=[EntityEdit(action="rename", entity="google", name="Alphabet's Google")],
    )


def test_round_trip_keeps_everything():
    timeline = _timeline()
    assert loads_timeline(dumps_timeline(timeline)) == timeline


def test_file_uses_the_promised_names_and_toml_dates():
    data = tomllib.loads(dumps_timeline(_timeline()))
    assert data["format"] == "scaletui-timeline" and data["version"] == 1
    event = data["events"][0]
    assert event["start"] == date(2024, 1, 1) and event["precision"] == "year"
    statement = event["statements"][0]
    assert {"source", "text", "time_text", "start", "end", "precision", "modifier", "confidence"} <= statement.keys()
    assert statement["start"] == date(2024, 1, 1)
    assert data["events"][1]["statements"][0]["time_text"] == ""
    assert event["annotation"]["note"].startswith("check")
    assert "published" not in data["sources"][1] or data["sources"][1]["published_estimated"] is True


def test_save_is_atomic_and_refuses_to_overwrite_changes(tmp_path):
    path = tmp_path / "t.toml"
    stamp = save_timeline(_timeline(), path, None)
    assert load_timeline(path) == _timeline()
    assert [p.name for p in tmp_path.iterdir()] == ["t.toml"]
    path.write_text(path.read_text() + "\n# edited by hand\n")
    with pytest.raises(SaveConflict, match="changed on disk"):
        save_timeline(_timeline(), path, stamp)
    assert path.read_text().endswith("# edited by hand\n")
    new_stamp = save_timeline(_timeline(), path, file_stamp(path))
    assert new_stamp == file_stamp(path)


def test_save_refuses_to_clobber_a_file_that_appeared(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("someone else's\n")
    with pytest.raises(SaveConflict, match="was created"):
        save_timeline(_timeline(), path, None)
    assert path.read_text() == "someone else's\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ("this is = = not toml", "malformed TOML"),
        ('title = "a song list"\n', "not a scaletui timeline"),
        ('format = "scaletui-timeline"\nversion = 99\n', "version 99 is newer"),
        ('format = "scaletui-timeline"\nversion = "one"\n', "no whole-number version"),
        ('format = "scaletui-timeline"\nversion = 1\n[[events]]\nid = "x"\n', "invalid value at events.0"),
        ('format = "scaletui-timeline"\nversion = 1\nevents = 3\n', "malformed timeline"),
    ],
)
def test_bad_files_give_one_line(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(TimelineFileError, match=message) as caught:
        load_timeline(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_binary_and_missing_files(tmp_path):
    binary = tmp_path / "x.toml"
    binary.write_bytes(b"\xff\xfe\x00\x00garbage")
    with pytest.raises(TimelineFileError, match="not a text file"):
        load_timeline(binary)
    with pytest.raises(TimelineFileError, match="no such file"):
        load_timeline(tmp_path / "nope.toml")
