"""A saved timeline opens through the quick reading (events/table_reader.py) exactly as pydantic's validation reads it.

Opening a file makes its models directly where every value is of the exact type
validation keeps, and leaves everything else to pydantic. These tests pin that
the two ways give the same timeline, model by model (values, their types, what
each model records as given), that an odd or hostile file gets the same outcome
either way (the same timeline, or the same one-line message), and that what the
quick reading cannot vouch for is refused through the path the CLI uses.
"""

from __future__ import annotations

import copy
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import tomli_w
import tomllib
from pydantic import field_validator

from scaletui.events import annotations as ann
from scaletui.events import store
from scaletui.events.errors import TimelineFileError
from scaletui.events.model import Model, Timeline
from scaletui.events.table_reader import Readers, Unsure
from scaletui.tui.cli import main

sys.path.insert(0, str(Path(__file__).parent / "tui"))
from synthetic_timeline import synthetic_timeline  # noqa: E402

FILES = Path(__file__).resolve().parent / "timeline_files"


def _validated(text: str, monkeypatch: pytest.MonkeyPatch) -> Timeline:
    """The timeline pydantic's validation makes of `text` (the quick reading turned away)."""

    def unsure(*_args: object, **_kwargs: object) -> Timeline:
        raise Unsure

    with monkeypatch.context() as patch:
        patch.setattr(store._QuickRead, "timeline", unsure)
        return store.loads_timeline(text)


def _quick(text: str) -> Timeline:
    """The timeline the quick reading makes of `text`, failing the test where it would leave it to pydantic."""
    data = tomllib.loads(text)
    return store._QuickRead(store._Sharing()).timeline(data, data.get("events", []))


def _same(quick: object, validated: object, where: str = "timeline") -> None:
    assert type(quick) is type(validated), where
    if isinstance(quick, Model):
        assert quick.model_fields_set == validated.model_fields_set, where
        assert list(quick.__dict__) == list(validated.__dict__) == list(type(quick).model_fields), where
        assert (quick.__pydantic_extra__, quick.__pydantic_private__) == (validated.__pydantic_extra__, validated.__pydantic_private__)
        for name, value in quick.__dict__.items():
            _same(value, validated.__dict__[name], f"{where}.{name}")
    elif isinstance(quick, list):
        assert len(quick) == len(validated), where
        for number, (a, b) in enumerate(zip(quick, validated)):
            _same(a, b, f"{where}[{number}]")
    else:
        assert quick == validated, where


def _annotated_synthetic() -> str:
    timeline = synthetic_timeline(300, n_entities=30, seed=11)
    first, second, third = timeline.events[:3]
    ann.set_note(timeline, first.id, "check the [bold]figure[/bold]\x1b[31m")
    ann.set_tags(timeline, first.id, "deal, money")
    ann.set_flag(timeline, second.id, "disputed")
    ann.set_title(timeline, second.id, "A corrected title")
    ann.correct_date(timeline, third.id, "2019-03-04")
    third.rank, third.key = 2, True
    return store.dumps_timeline(timeline)


@pytest.mark.parametrize("name", ["synthetic", "v1_annotated.toml", "v1_second_story.toml", "v2_second_story.toml"])
def test_the_quick_reading_makes_the_timeline_validation_makes(name, monkeypatch):
    text = _annotated_synthetic() if name == "synthetic" else (FILES / name).read_text(encoding="utf-8")
    quick, validated = _quick(text), _validated(text, monkeypatch)
    _same(quick, validated)
    assert store.loads_timeline(text) == validated
    assert store.dumps_timeline(quick) == store.dumps_timeline(validated)


def test_a_quickly_read_file_saves_byte_for_byte_as_it_was_read_and_its_annotations_stay_its_own():
    text = _annotated_synthetic()
    timeline = store.loads_timeline(text)
    assert store.dumps_timeline(timeline) == text
    notes = [event.annotation for event in timeline.events]
    assert len({id(note) for note in notes}) == len(notes)  # each event's own, as validation makes them
    ann.set_tags(timeline, timeline.events[5].id, "later")
    assert timeline.events[6].annotation.tags == [] and timeline.events[0].annotation.tags == ["deal", "money"]
    assert store.loads_timeline(store.dumps_timeline(timeline)).events[5].annotation.tags == ["later"]


def _valid() -> dict:
    text = store.dumps_timeline(synthetic_timeline(3, n_sources=2, n_entities=4, seed=3))
    data = tomllib.loads(text)
    assert "entities" in data["events"][0]["statements"][0] and "figures" in data["events"][0]["statements"][0]
    return data


def _edited(path: str, value: object) -> str:
    data = copy.deepcopy(_valid())
    *parents, last = path.split(".")
    table = data
    for part in parents:
        table = table[int(part)] if part.isdigit() else table[part]
    key = int(last) if last.isdigit() else last
    if value is _GONE:
        del table[key]
    else:
        table[key] = value
    return tomli_w.dumps(data)


_GONE = object()
_DAY = {"start": date(2020, 1, 1), "end": date(2020, 1, 1), "precision": "day"}

# Values pydantic takes in lax mode or refuses: either way the outcome must be validation's.
ODD_FILES = {
    "offset-a-boolean": ("events.0.statements.0.char_start", True),
    "offset-a-float": ("events.0.statements.0.char_start", 5.0),
    "offset-as-text": ("events.0.statements.0.char_start", "5"),
    "confidence-a-whole-number": ("events.0.statements.0.confidence", 1),
    "confidence-a-boolean": ("events.0.statements.0.confidence", True),
    "confidence-out-of-range": ("events.0.statements.0.confidence", 7.0),
    "text-a-number": ("events.0.statements.0.text", 3),
    "text-with-markup-and-escapes": ("events.0.statements.0.text", "[bold red]x\x1b[31m[/] \x07"),
    "date-a-date-time": ("events.0.statements.0.start", datetime(2025, 6, 13, 10, 0)),
    "date-a-midnight-date-time": ("events.0.statements.0.start", datetime(2025, 6, 13)),
    "date-as-text": ("events.0.statements.0.start", "2025-06-13"),
    "precision-in-capitals": ("events.0.statements.0.precision", "DAY"),
    "precision-unknown": ("events.0.statements.0.precision", "fortnight"),
    "rank-a-float": ("events.0.rank", 2.0),
    "key-a-number": ("events.0.key", 1),
    "entities-a-string": ("events.0.statements.0.entities", "e0001"),
    "entities-of-numbers": ("events.0.statements.0.entities", [1]),
    "entities-of-tables": ("events.0.statements.0.entities", [{"id": "e0001"}]),
    "a-statement-span-key": ("events.0.statements.0.span", _DAY),
    "a-statement-time_start-key": ("events.0.statements.0.time_start", 3),
    "a-key-that-is-no-field": ("events.0.statements.0.zzz", 3),
    "a-key-written-as-code": ("events.0.statements.0.\"]; import os  #\n", 3),
    "an-event-span-key": ("events.0.span", _DAY),
    "event-confidence-a-whole-number": ("events.0.event_confidence", 2),
    "published-as-text": ("sources.0.published", "2025-06-13"),
    "kind-unknown": ("entities.0.kind", "alien"),
    "annotation-with-a-span-key": ("events.0.annotation", {"span": _DAY}),
    "annotation-with-span-and-date": ("events.0.annotation", {"span": _DAY, "date": {**_DAY, "precision": "month"}}),
    "annotation-date-backwards": ("events.0.annotation", {"date": {**_DAY, "end": date(2019, 1, 1)}}),
    "annotation-flag-unknown": ("events.0.annotation", {"flag": "maybe"}),
    "annotation-a-list": ("events.0.annotation", ["note"]),
    "figure-value-a-whole-number": ("events.0.statements.0.figures", [{"text": "$5", "kind": "money", "value": 5}]),
    "figure-without-kind": ("events.0.statements.0.figures", [{"text": "$5", "value": 5.0}]),
    "time-offset-without-time-text": ("events.0.statements.0.time_char_start", 4),
    "statement-without-id": ("events.0.statements.0.id", _GONE),
    "statement-without-source": ("events.0.statements.0.source", _GONE),
    "statement-without-start": ("events.0.statements.0.start", _GONE),
    "statement-source-a-number": ("events.0.statements.0.source", 3),
    "statement-source-not-its-ids": ("events.0.statements.0.source", "s1"),
    "statement-end-as-text": ("events.0.statements.0.end", "2020-01-01"),
    "statement-end-given-where-it-is-derived": ("events.0.statements.0.end", date(2030, 1, 1)),
    "statement-approximate-without-its-end": ("events.0.statements.0.precision", "approximate"),
    "statement-char-end-given": ("events.0.statements.0.char_end", 500),
    "statement-char-end-as-text": ("events.0.statements.0.char_end", "500"),
    "statement-a-string": ("events.0.statements.0", "x"),
    "statements-a-table": ("events.0.statements", {"id": "x"}),
    "source-id-a-list": ("sources.0.id", ["s0"]),
    "entity-alias-count-text": ("entities.0.aliases.0.count", "3"),
    "corpus-a-number": ("corpus", 3),
    # the tables of the events before it already let go of: the file is read again
    "offset-a-boolean-in-the-last-event": ("events.2.statements.0.char_start", True),
    "title-a-number-in-the-last-event": ("events.2.title", 3),
    "alias-citing-an-unknown-source": ("entities.0.aliases.0", {"text": "Ada Brook", "sources": ["nobody"]}),
    "claim-citing-an-unknown-source": (
        "events.0.discrepancies", [{"field": "figure", "topic": "deal", "claims": [{"value": "$5", "sources": ["nobody"]}]}],
    ),
    "event-sources-unknown": ("events.0.sources", ["nobody"]),
    "statement-id-twice": ("events.1.statements.1.id", "s0:1"),
    "time-offsets-backwards": ("events.0.statements.0.time_char_end", 10),
    "version-newer": ("version", 99),
}


def _outcome(read, text: str) -> tuple[str, str]:
    try:
        return "read", store.dumps_timeline(read(text))
    except TimelineFileError as error:
        return "refused", str(error)


@pytest.mark.parametrize("name", list(ODD_FILES))
def test_an_odd_file_reads_or_is_refused_as_validation_does(name, monkeypatch):
    text = _edited(*ODD_FILES[name])
    assert _outcome(store.loads_timeline, text) == _outcome(lambda t: _validated(t, monkeypatch), text)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("text-a-number", "invalid value at events.0.statements.0.text: Input should be a valid string"),
        ("date-a-date-time", "invalid value at events.0.span.start: Datetimes provided to dates should have zero time"),
        ("precision-unknown", "invalid value at events.0.span.precision"),
        ("entities-of-numbers", "invalid value at events.0.statements.0.entities.0"),
        ("annotation-date-backwards", "has a corrected date that ends (2019-01-01) before it starts (2020-01-01)"),
        ("confidence-out-of-range", "invalid value at events.0.span.confidence"),
        ("version-newer", "version 99 is newer than this scaletui reads"),
        ("title-a-number-in-the-last-event", "invalid value at events.2.title: Input should be a valid string"),
        ("alias-citing-an-unknown-source", 'entity "e0000" cites unknown source "nobody"'),
        ("claim-citing-an-unknown-source", 'event "ev00000" has a disagreement citing unknown source "nobody"'),
        ("event-sources-unknown", 'event "ev00000" names unknown source "nobody"'),
        ("statement-id-twice", 'duplicate statement id "s0:1"'),
        ("time-offsets-backwards", 'statement "s0:0" has character offsets 63..10 that are not a range'),
    ],
)
def test_a_bad_value_or_an_inconsistent_file_is_refused_in_one_line(name, expected, tmp_path, capsys):
    path = tmp_path / f"{name}.toml"
    path.write_text(_edited(*ODD_FILES[name]), encoding="utf-8")
    assert main([str(path)]) == 2  # refused before the app would start
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"scaletui: {path}: ") and expected in err, err


def test_markup_and_escape_codes_in_a_file_are_read_as_plain_text():
    text = _edited("events.0.statements.0.text", "[bold red]x\x1b[31m[/] \x07")
    assert store.loads_timeline(text).events[0].statements[0].text == "[bold red]x\x1b[31m[/] \x07"


class _Checked(Model):
    name: str

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("blank")
        return value.strip()


def test_a_model_with_a_validator_of_its_own_is_left_to_pydantic():
    # a field added to the model with a validator must not be read past it
    reader = Readers()[_Checked]
    assert not reader.own
    with pytest.raises(Unsure):
        reader.plan([("name", "name")])
    assert reader.one({"name": " Acme "}).name == "Acme"  # validated by pydantic, one instance at a time
    with pytest.raises(Unsure):
        reader.one({"name": "  "})


class _Listed(Model):
    name: str
    tags: list[str] = []  # pydantic gives each instance a copy of it


def test_a_default_that_can_change_is_not_shared_between_models():
    reader = Readers()[_Listed]
    with pytest.raises(Unsure):
        reader.one({"name": "a"})
    assert [len(reader.one({"name": "a", "tags": ["x"]}).tags)] == [1]  # given: read, the list its own
