"""Timelines survive a round trip through TOML, and bad files are refused in one line."""

import gc
import sys
from datetime import date
from pathlib import Path

import pytest
import tomllib

from scaletui.events.errors import SaveConflict, TimelineFileError
from scaletui.events.model import (
    FORMAT_VERSION,
    Alias, Claim, Discrepancy, Entity, EntityEdit, Event, EventNote, Figure, Flag, Kind, Modifier,
    Precision, Source, Statement, Timeline, TimeSpan,
)
from scaletui.events.store import dumps_timeline, file_stamp, load_timeline, loads_timeline, resolve_source_path, save_timeline

FILES = Path(__file__).resolve().parent / "timeline_files"
STORY = Path(__file__).resolve().parent / "corpora" / "second_story"


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
    assert data["format"] == "scaletui-timeline" and data["version"] == FORMAT_VERSION
    event = data["events"][0]
    assert "start" not in event and "precision" not in event  # dated as its first statement
    statement = event["statements"][0]
    # what the scorers of exports read is on every statement, derivable or not
    assert {"id", "source", "text", "time_text", "start", "end", "precision", "char_start", "char_end", "time_char_start"} <= statement.keys()
    assert "time_char_end" not in statement.keys() and statement["char_end"] == 150  # where its time_text ends: left out
    reported = data["events"][1]["statements"][0]
    assert reported["end"] == reported["start"] and reported["char_end"] == reported["char_start"] + len(reported["text"])
    assert statement["start"] == date(2024, 1, 1) and statement["precision"] == "year"
    assert statement["entities"] == ["google"]
    assert "time_text" not in data["events"][1]["statements"][0]  # undated: nothing to say
    assert data["events"][1]["statements"][0]["modifier"] == "reported"
    assert event["annotation"]["note"].startswith("check")
    assert event["annotation"]["date"]["precision"] == "month"
    assert "published" not in data["sources"][1] or data["sources"][1]["published_estimated"] is True


def test_a_version_1_file_still_loads_with_every_annotation():
    timeline = load_timeline(FILES / "v1_annotated.toml")
    assert timeline == _timeline()
    note = timeline.events[0].annotation
    assert (note.note, note.tags, note.flag, note.title) == ("check the \"figure\"\nsecond line", ["money", "google"], Flag.DISPUTED, "Google's 2024 spend")
    assert timeline.entity_edits[0].name == "Alphabet's Google"


def test_a_version_1_export_loads_and_saves_as_the_current_version_unchanged(tmp_path):
    old = load_timeline(FILES / "v1_second_story.toml")
    assert len(old.events) == 32 and all(event.sources for event in old.events)
    path = tmp_path / "story.toml"
    save_timeline(old, path)
    text = path.read_text()
    assert tomllib.loads(text)["version"] == FORMAT_VERSION == 4
    assert load_timeline(path) == old
    assert path.stat().st_size < (FILES / "v1_second_story.toml").stat().st_size


def test_a_version_2_file_with_every_span_stored_loads_and_saves_smaller(tmp_path):
    # Written by the version 2 writer, which stored each event's span, entities and each time end.
    path = FILES / "v2_second_story.toml"
    old = load_timeline(path)
    assert len(old.events) == 32 and old.events[0].annotation.tags == ["v2"]
    stored = tomllib.loads(path.read_text())["events"]
    assert [(e.span.start, e.span.end, e.span.precision.value) for e in old.events] == [
        (s["start"], s["end"], s["precision"]) for s in stored
    ]
    saved = tmp_path / "story.toml"
    save_timeline(old, saved)
    assert tomllib.loads(saved.read_text())["version"] == FORMAT_VERSION
    assert load_timeline(saved) == old
    assert saved.stat().st_size < path.stat().st_size


def test_version_2_derives_sources_and_silent_instead_of_storing_them():
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline

    built = build_timeline(load_corpus(STORY))
    assert any(event.silent for event in built.events) and all(event.sources for event in built.events)
    text = dumps_timeline(built)
    data = tomllib.loads(text)
    assert not [event for event in data["events"] if "silent" in event or "sources" in event]
    reloaded = loads_timeline(text)
    assert [e.silent for e in reloaded.events] == [e.silent for e in built.events]
    assert [e.sources for e in reloaded.events] == [e.sources for e in built.events]
    assert reloaded == built


def test_stored_lists_that_differ_from_the_derived_ones_are_kept():
    timeline = _timeline()
    timeline.events[1].silent = []  # the file says nobody is silent: loading must not derive ["a"]
    timeline.events[0].sources = ["a", "b"]
    data = tomllib.loads(dumps_timeline(timeline))
    assert data["events"][1]["silent"] == [] and data["events"][0]["sources"] == ["a", "b"]
    assert loads_timeline(dumps_timeline(timeline)) == timeline


def _non_default(annotation: object, default: object) -> object | None:
    for kind, value in ((bool, True), (int, 7), (float, 0.25), (str, "x")):
        if annotation is kind and value != default:
            return value
    return None


def test_every_simple_event_and_statement_field_round_trips_without_store_changes():
    # Fields other engineers add to Event or Statement (a rank, a key flag...) are
    # written under their own names and read back: set each to a non-default value.
    timeline = _timeline()
    changed = []
    for model in (timeline.events[0], timeline.events[0].statements[0]):
        for name, info in type(model).model_fields.items():
            value = _non_default(info.annotation, info.get_default(call_default_factory=True))
            if value is not None and name not in ("id", "source", "text", "title"):
                setattr(model, name, value)
                changed.append(name)
    assert changed
    assert loads_timeline(dumps_timeline(timeline)) == timeline


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
        ('format = "scaletui-timeline"\nversion = 0\n', "version 0 does not exist"),
        ('format = "scaletui-timeline"\nversion = -3\n', "version -3 does not exist"),
        ('format = "scaletui-timeline"\nversion = 1\n[[events]]\nid = "x"\n', "invalid value at events.0"),
        ('format = "scaletui-timeline"\nversion = 1\nevents = 3\n', "events must be"),
        ('format = "scaletui-timeline"\nversion = 1\nevents = "x"\n', "events must be"),
        ('format = "scaletui-timeline"\nversion = 1\nevents = ["x"]\n', "events 1 must be a table"),
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


def test_source_paths_resolve_only_to_articles_inside_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Story.")
    (tmp_path / "outside.txt").write_text("Secret.")
    (corpus / "link.txt").symlink_to(tmp_path / "outside.txt")
    timeline = Timeline(corpus=str(corpus))

    def resolved(path: str, within: Timeline | str = timeline) -> Path | None:
        return resolve_source_path(within, Source(id="s", path=path))

    assert resolved("a.txt") == corpus / "a.txt"
    assert resolved("link.txt") is None  # leads outside
    assert resolved("../outside.txt") is None and resolved(str(tmp_path / "outside.txt")) is None
    assert resolved("etc/passwd", "/") is None and resolved("passwd", "/etc") is None
    assert resolved("missing.txt") is None
    # a relative corpus is found beside the timeline file
    assert resolve_source_path("corpus", Source(id="s", path="a.txt"), tmp_path / "t.toml") == tmp_path / "corpus" / "a.txt"


def test_a_file_reads_the_same_with_or_without_rtoml(monkeypatch):
    """rtoml reads faster where it is installed; tomllib is the fallback, and both give the same timeline."""
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline

    built = build_timeline(load_corpus(STORY))
    for timeline in (_timeline(), built):
        text = dumps_timeline(timeline)
        fast = loads_timeline(text)
        with monkeypatch.context() as patch:
            patch.setitem(sys.modules, "rtoml", None)  # as if it were not installed
            plain = loads_timeline(text)
        assert fast == plain == timeline
        assert dumps_timeline(fast) == text


def test_a_malformed_file_gets_tomllibs_message_either_way(monkeypatch):
    text = 'format = "scaletui-timeline"\nversion = 2\ncorpus = "x\n'
    with pytest.raises(TimelineFileError) as fast:
        loads_timeline(text, "t.toml")
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "rtoml", None)
        with pytest.raises(TimelineFileError) as plain:
            loads_timeline(text, "t.toml")
    assert str(fast.value) == str(plain.value) and str(fast.value).startswith("t.toml: malformed TOML: ")
    assert gc.isenabled()


def test_an_event_dated_apart_from_its_first_statement_keeps_its_span_and_offsets_are_derived():
    timeline = _timeline()
    event = timeline.events[0]
    event.span = TimeSpan(start=date(2024, 1, 1), end=date(2025, 6, 30), precision=Precision.APPROXIMATE, confidence=0.5)
    event.statements[0].time_end = event.statements[0].time_start + 4  # not where its time_text ends
    text = dumps_timeline(timeline)
    data = tomllib.loads(text)
    assert data["events"][0]["end"] == date(2025, 6, 30) and data["events"][0]["precision"] == "approximate"
    assert data["events"][0]["statements"][0]["time_char_end"] == 134
    assert "time_char_end" not in data["events"][1]["statements"][0]  # undated
    assert loads_timeline(text) == timeline
    plain = _timeline()
    assert "time_char_end" not in tomllib.loads(dumps_timeline(plain))["events"][0]["statements"][0]
    assert loads_timeline(dumps_timeline(plain)).events[0].statements[0].time_end == 139


def test_the_file_reads_back_as_exactly_what_was_written():
    from scaletui.events.store import timeline_to_dict

    timeline = _timeline()
    timeline.events[0].annotation.note = "tab\there, nul \x00, del \x7f, quote \" backslash \\ line\u2028sep é"
    text = dumps_timeline(timeline)
    assert tomllib.loads(text) == timeline_to_dict(timeline)
    assert loads_timeline(text) == timeline


def _timelines_written_in_parts() -> dict[str, Timeline]:
    one = _timeline()
    many = one.model_copy(update={"events": [
        event.model_copy(update={"id": f"{event.id}-{n}"}) for n in range(260) for event in one.events
    ]})  # 520 events, annotations, discrepancies and entity edits among them
    tiny = Timeline(corpus="c", sources=one.sources, entities=one.entities, events=[
        Event(id=f"e{n}", title="t", span=one.events[1].span) for n in range(3)
    ])  # events without statements: the writer puts them inline
    long_edit = EntityEdit(action="rename", entity="google", name="Alphabet's Google " * 8)  # too long for one line
    edited = many.model_copy(update={"entity_edits": [long_edit, *many.entity_edits]})
    return {"one": one, "many": many, "tiny": tiny, "edited": edited}


def test_a_timeline_written_a_few_hundred_events_at_a_time_is_the_file_written_at_once():
    import tomli_w

    from scaletui.events.store import timeline_to_dict

    timelines = _timelines_written_in_parts()
    for timeline in timelines.values():
        assert dumps_timeline(timeline) == tomli_w.dumps(timeline_to_dict(timeline))
    assert dumps_timeline(timelines["many"]).count("[[events]]") == 520 and "\nentity_edits = [\n" in dumps_timeline(timelines["many"])
    assert dumps_timeline(timelines["edited"]).count("[[entity_edits]]") == 2


def test_a_saved_file_is_the_exported_text_and_its_stamp_the_files(tmp_path):
    # A save writes the file part by part: every part there, in order, once, and
    # the stamp it returns is the written file's.
    import tomli_w

    from scaletui.events.store import timeline_to_dict

    for name, timeline in _timelines_written_in_parts().items():
        path = tmp_path / f"{name}.toml"
        path.write_text("the previous version\n")
        stamp = save_timeline(timeline, path, file_stamp(path))
        assert path.read_bytes() == tomli_w.dumps(timeline_to_dict(timeline)).encode("utf-8") == dumps_timeline(timeline).encode("utf-8"), name
        assert stamp == file_stamp(path), name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edited.toml", "many.toml", "one.toml", "tiny.toml"]


def test_a_save_that_finds_the_file_changed_writes_nothing(tmp_path):
    path = tmp_path / "t.toml"
    many = _timelines_written_in_parts()["many"]
    stamp = save_timeline(many, path, None)
    path.write_text("edited by someone else\n")
    with pytest.raises(SaveConflict, match="changed on disk"):
        save_timeline(many, path, stamp)
    assert path.read_text() == "edited by someone else\n" and [p.name for p in tmp_path.iterdir()] == ["t.toml"]


def test_an_events_own_span_leaves_out_only_the_end_its_start_and_precision_give():
    timeline = _timeline()
    template = timeline.events[1]
    spans = {
        "day": (date(2025, 6, 13), date(2025, 6, 13), Precision.DAY),
        "week": (date(2025, 6, 9), date(2025, 6, 15), Precision.WEEK),
        "month": (date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH),
        "quarter": (date(2025, 10, 1), date(2025, 12, 31), Precision.QUARTER),
        "half": (date(2025, 7, 1), date(2025, 12, 31), Precision.HALF),
        "year": (date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR),
        "decade": (date(1990, 1, 1), date(1999, 12, 31), Precision.DECADE),
        "month cut short": (date(2024, 2, 1), date(2024, 2, 10), Precision.MONTH),
        "season": (date(2025, 6, 1), date(2025, 8, 31), Precision.SEASON),
        "approximate": (date(2025, 1, 1), date(2025, 6, 30), Precision.APPROXIMATE),
    }
    # each event dated apart from its statement, which keeps every key whatever its span
    timeline.events[1:2] = [
        template.model_copy(update={
            "id": f"ev-{n}",
            "span": TimeSpan(start=start, end=end, precision=precision),
            "statements": [template.statements[0].model_copy(update={"id": f"b:{n}"})],
        })
        for n, (start, end, precision) in enumerate(spans.values())
    ]
    text = dumps_timeline(timeline)
    written = tomllib.loads(text)["events"][1 : 1 + len(spans)]
    assert [name for name, event in zip(spans, written) if "end" in event] == ["month cut short", "season", "approximate"]
    assert all({"start", "end", "char_start", "char_end"} <= event["statements"][0].keys() for event in written)
    assert loads_timeline(text) == timeline
    assert dumps_timeline(loads_timeline(text)) == text
