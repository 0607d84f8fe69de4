"""The models' lighter bookkeeping changes nothing a user or a script sees.

Models given the same fields share pydantic's record of them, and a loaded file's equal
dates and repeated ids are made once: these tests pin that every model still answers for
itself (what it was given, what is assigned to it, copies, pickles) and that a loaded
timeline edits, saves and reloads exactly as before.
"""

from __future__ import annotations

import pickle
import sys
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from scaletui.events import annotations as ann
from scaletui.events.errors import TimelineFileError
from scaletui.events.model import Event, EventNote, Figure, Precision, Statement, Timeline, TimeSpan
from scaletui.events.store import dumps_timeline, load_timeline, loads_timeline, save_timeline

sys.path.insert(0, str(Path(__file__).parent / "tui"))
from synthetic_timeline import synthetic_timeline  # noqa: E402

DAY = TimeSpan(start=date(2025, 6, 13), end=date(2025, 6, 13), precision=Precision.DAY)


def _statement(number: int) -> Statement:
    return Statement(id=f"a:{number}", source="a", text="Acme bought Beta.", start=0, end=17, span=DAY)


def test_each_model_keeps_its_own_record_of_the_fields_it_was_given():
    first, second = _statement(1), _statement(2)
    given = {"id", "source", "text", "start", "end", "span"}
    assert first.model_fields_set == second.model_fields_set == given

    first.time_text = "Friday"  # assigned: part of what this one was given, not the other's
    assert first.model_fields_set == given | {"time_text"}
    assert second.model_fields_set == given
    assert _statement(3).model_fields_set == given

    with pytest.raises(ValidationError):
        second.start = "not a number"  # refused: recorded nowhere
    assert second.model_fields_set == given and second.start == 0

    copy = second.model_copy(update={"figures": [Figure(text="$5", kind="money", value=5.0)]})
    assert copy.model_fields_set == given | {"figures"} and second.model_fields_set == given
    assert second.model_dump(exclude_unset=True).keys() == given
    assert copy.model_dump(exclude_unset=True).keys() == given | {"figures"}

    note = EventNote()
    note.tags = ["deal"]
    assert note.model_fields_set == {"tags"} and EventNote().model_fields_set == set()


def test_a_pickled_model_comes_back_equal_and_still_its_own():
    # the pipeline's worker processes hand their results back pickled
    statement = _statement(1)
    statement.time_text = "Friday"
    back = pickle.loads(pickle.dumps(statement))
    assert back == statement and back.model_fields_set == statement.model_fields_set
    back.entities = ["acme"]
    assert statement.entities == [] and "entities" not in statement.model_fields_set
    assert list(back.__dict__) == list(Statement.model_fields)


def test_a_model_holds_its_fields_in_order_and_compares_by_value():
    statement = _statement(1)
    assert list(statement.__dict__) == list(Statement.model_fields)
    assert statement == Statement.model_validate(statement.model_dump())
    assert statement != _statement(2)
    partial = Statement.model_construct(id="a:9", text="Acme")  # trusted data, fields left out stay out
    assert partial.model_fields_set == {"id", "text"} and partial.time_text == ""
    with pytest.raises(AttributeError):
        partial.source  # noqa: B018


def _saved_with_shared_dates(tmp_path: Path) -> tuple[Path, Timeline]:
    timeline = synthetic_timeline(40, n_entities=12, seed=5)
    path = tmp_path / "timeline.toml"
    path.write_text(dumps_timeline(timeline), encoding="utf-8")
    return path, load_timeline(path)


def _same_date_pair(timeline: Timeline) -> tuple[Event, Event]:
    by_span: dict[tuple, Event] = {}
    for event in timeline.events:
        key = tuple(event.span.model_dump().values())
        if key in by_span:
            return by_span[key], event
        by_span[key] = event
    raise AssertionError("the synthetic timeline should date two events alike")


def test_correcting_one_events_date_leaves_every_other_event_on_that_date_alone(tmp_path):
    path, timeline = _saved_with_shared_dates(tmp_path)
    edited, other = _same_date_pair(timeline)
    before = {event.id: (event.span.model_copy(), [s.span.model_copy() for s in event.statements]) for event in timeline.events}

    corrected = ann.correct_date(timeline, edited.id, "2019-03-04")
    assert corrected is not None and edited.shown_span.start == date(2019, 3, 4)
    for event in timeline.events:  # the events' own dates, and every statement's, are as loaded
        assert (event.span, [s.span for s in event.statements]) == before[event.id]
    assert other.shown_span == other.span == before[other.id][0]
    assert other.annotation.span is None

    save_timeline(timeline, path, None, force=True)
    reopened = load_timeline(path)
    annotated = {event.id: event.annotation for event in reopened.events if not event.annotation.empty}
    assert list(annotated) == [edited.id] and annotated[edited.id].span == corrected
    for event in reopened.events:
        assert (event.span, [s.span for s in event.statements]) == before[event.id]


def test_a_loaded_timelines_annotations_edit_save_and_reload(tmp_path):
    path, timeline = _saved_with_shared_dates(tmp_path)
    first, second = timeline.events[0], timeline.events[1]
    ann.set_note(timeline, first.id, "check the filing")
    ann.set_tags(timeline, first.id, "deal, money")
    ann.set_flag(timeline, second.id, "disputed")
    ann.set_title(timeline, second.id, "A corrected title")
    assert timeline.events[2].annotation.empty  # the annotations were each event's own

    save_timeline(timeline, path, None, force=True)
    written = path.read_text(encoding="utf-8")
    reopened = loads_timeline(written)
    notes = {event.id: event.annotation for event in reopened.events if not event.annotation.empty}
    assert notes.keys() == {first.id, second.id}
    assert notes[first.id].note == "check the filing" and notes[first.id].tags == ["deal", "money"]
    assert notes[second.id].flag == "disputed" and notes[second.id].title == "A corrected title"
    assert dumps_timeline(reopened) == written  # save -> load -> save is byte for byte

    ann.set_tags(reopened, second.id, "later")
    assert notes[first.id].tags == ["deal", "money"] and reopened.events[3].annotation.tags == []


@pytest.mark.parametrize(
    ("line", "replacement", "where"),
    [
        ('precision = "day"', 'precision = "fortnight"', "invalid value at events.0.statements.1.span.precision"),
        ("confidence = 0.9", "confidence = 7.0", "invalid value at events.0.statements.1.span.confidence"),
        ("start = 2025-06-13", "start = [1]", "invalid value at events.0.statements.1.span.start"),
    ],
)
def test_a_bad_date_in_a_file_is_reported_where_it_is(line, replacement, where):
    day = DAY.model_copy(update={"confidence": 0.9})
    statements = [Statement(id=f"a:{n}", source="a", text="Acme bought Beta.", start=0, end=17, span=day) for n in range(3)]
    timeline = Timeline(events=[Event(id="one", title="Acme buys Beta", span=day, statements=statements)])
    text = dumps_timeline(timeline)
    first, second, rest = text.split(line, 2)  # the event's own date is its first statement's
    with pytest.raises(TimelineFileError, match=where.replace(".", r"\.")):
        loads_timeline(first + line + second + replacement + rest)
