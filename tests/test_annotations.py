"""events.annotations: the user's notes and entity edits, applied headlessly."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scaletui.events import annotations as ann
from scaletui.events.errors import ScaletuiError
from scaletui.events.model import (
    Alias,
    Entity,
    Event,
    Flag,
    Kind,
    Modifier,
    Precision,
    Statement,
    Timeline,
    TimeSpan,
)

DAY = TimeSpan(start=date(2025, 6, 13), end=date(2025, 6, 13), precision=Precision.DAY)


def _statement(sid: str, text: str, entities: list[str]) -> Statement:
    return Statement(id=sid, source=sid.split(":")[0], text=text, start=0, end=len(text), span=DAY, entities=entities)


@pytest.fixture
def timeline() -> Timeline:
    """One company whose alias list wrongly swallowed a person's surname."""
    acme = Entity(
        id="acme",
        name="Acme Corp",
        kind=Kind.ORGANISATION,
        aliases=[
            Alias(text="Acme Corp", sources=["a"], count=2),
            Alias(text="Acme", sources=["b"], count=1),
            Alias(text="Zed", sources=["b"], count=1),
        ],
    )
    zed = Entity(id="zed", name="Zed Quill", kind=Kind.PERSON, aliases=[Alias(text="Zed Quill", sources=["a"], count=1)])
    beta = Entity(id="beta", name="Beta", kind=Kind.ORGANISATION, aliases=[Alias(text="Beta Inc", sources=["a"], count=1)])
    events = [
        Event(
            id="one",
            title="Acme buys Beta",
            span=DAY,
            entities=["acme", "beta"],
            statements=[
                _statement("a:1", "Acme Corp bought Beta Inc.", ["acme", "beta"]),
                _statement("b:1", "Acme bought Beta.", ["acme", "beta"]),
            ],
        ),
        Event(
            id="two",
            title="Zed leaves",
            span=DAY,
            entities=["acme", "zed"],
            statements=[
                _statement("b:2", "Zed said he was leaving.", ["acme"]),
                _statement("a:2", "Zed Quill resigned.", ["zed"]),
            ],
        ),
    ]
    return Timeline(entities=[acme, zed, beta], events=events)


# ------------------------------------------------------------------ dates typed by the user


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "modifier", "label"),
    [
        ("2025-06-12", date(2025, 6, 12), date(2025, 6, 12), Precision.DAY, Modifier.NONE, "12 Jun 2025"),
        ("12 June 2025", date(2025, 6, 12), date(2025, 6, 12), Precision.DAY, Modifier.NONE, "12 Jun 2025"),
        ("Fri, June 13th, 2025", date(2025, 6, 13), date(2025, 6, 13), Precision.DAY, Modifier.NONE, "13 Jun 2025"),
        ("Jun 2025", date(2025, 6, 1), date(2025, 6, 30), Precision.MONTH, Modifier.NONE, "Jun 2025"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH, Modifier.NONE, "Feb 2024"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR, Modifier.NONE, "2024"),
        ("Q2 2025", date(2025, 4, 1), date(2025, 6, 30), Precision.QUARTER, Modifier.NONE, "Q2 2025"),
        ("H2 2025", date(2025, 7, 1), date(2025, 12, 31), Precision.HALF, Modifier.NONE, "H2 2025"),
        ("winter 2024", date(2024, 12, 1), date(2025, 2, 28), Precision.SEASON, Modifier.NONE, "winter 2024"),
        ("2010s", date(2010, 1, 1), date(2019, 12, 31), Precision.DECADE, Modifier.NONE, "2010s"),
        ("by end 2025", date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR, Modifier.BY, "by end 2025"),
        ("early 2025", date(2025, 1, 1), date(2025, 4, 30), Precision.YEAR, Modifier.EARLY, "early 2025"),
        ("late Jun 2025", date(2025, 6, 21), date(2025, 6, 30), Precision.MONTH, Modifier.LATE, "late Jun 2025"),
        ("~ 2016", date(2016, 1, 1), date(2016, 12, 31), Precision.YEAR, Modifier.AROUND, "~ 2016"),
    ],
)
def test_parse_span_keeps_the_precision_typed(text, start, end, precision, modifier, label):
    span = ann.parse_span(text)
    assert (span.start, span.end, span.precision, span.modifier) == (start, end, precision, modifier)
    assert span.label() == label


@pytest.mark.parametrize("text", ["", "yesterday", "2025-13-01", "2025-02-30", "31 Feb 2025", "Jun", "99999", "06/12/2025", "banana 2025"])
def test_parse_span_rejects_nonsense_with_one_line(text):
    with pytest.raises(ScaletuiError) as caught:
        ann.parse_span(text)
    assert "\n" not in str(caught.value)


# ------------------------------------------------------------------ event notes


def test_event_annotations_are_set_and_cleared(timeline):
    ann.set_note(timeline, "one", "  check the price  ")
    ann.set_tags(timeline, "one", "deal, money deal")
    ann.set_flag(timeline, "one", "disputed")
    ann.set_title(timeline, "one", "Acme   agrees to buy Beta")
    span = ann.correct_date(timeline, "one", "Jun 2025")
    note = ann.find_event(timeline, "one").annotation
    assert (note.note, note.tags, note.flag, note.title) == ("check the price", ["deal", "money"], Flag.DISPUTED, "Acme agrees to buy Beta")
    assert note.span == span and span.precision is Precision.MONTH
    event = ann.find_event(timeline, "one")
    assert event.shown_title == "Acme agrees to buy Beta" and event.shown_span.label() == "Jun 2025"
    ann.correct_date(timeline, "one", "")
    ann.set_flag(timeline, "one", "")
    assert event.annotation.span is None and event.annotation.flag is Flag.NONE


def test_bad_flag_and_unknown_event_raise(timeline):
    with pytest.raises(ScaletuiError, match="unknown flag"):
        ann.set_flag(timeline, "one", "urgent")
    with pytest.raises(ScaletuiError, match="no event"):
        ann.set_note(timeline, "nope", "x")
    with pytest.raises(ScaletuiError):
        ann.correct_date(timeline, "one", "soonish")
    assert ann.find_event(timeline, "one").annotation.empty


# ------------------------------------------------------------------ entity edits


def test_rename_is_recorded_and_applied(timeline):
    edit = ann.rename_entity(timeline, "beta", "Beta Incorporated")
    assert timeline.entity("beta").name == "Beta Incorporated"
    assert timeline.entity_edits == [edit] and edit.action == "rename"


def test_merge_moves_aliases_statements_and_events(timeline):
    ann.merge_entities(timeline, "acme", "beta")
    assert timeline.entity("beta") is None
    acme = timeline.entity("acme")
    assert [a.text for a in acme.aliases] == ["Acme Corp", "Acme", "Zed", "Beta Inc"]
    one = ann.find_event(timeline, "one")
    assert one.entities == ["acme"]
    assert all(s.entities == ["acme"] for s in one.statements)
    assert timeline.entity_edits[-1].model_dump(include={"action", "entity", "other"}) == {
        "action": "merge",
        "entity": "acme",
        "other": "beta",
    }


def test_split_moves_aliases_and_the_statements_that_use_them(timeline):
    edit = ann.split_entity(timeline, "acme", ["Zed"], name="Zed (person)")
    new = timeline.entity(edit.other)
    assert new is not None and new.name == "Zed (person)" and new.kind is Kind.ORGANISATION
    assert [a.text for a in new.aliases] == ["Zed"]
    assert [a.text for a in timeline.entity("acme").aliases] == ["Acme Corp", "Acme"]
    two = ann.find_event(timeline, "two")
    assert two.statements[0].entities == [edit.other]  # "Zed said ..." no longer counts as Acme
    assert "acme" not in two.entities and edit.other in two.entities
    one = ann.find_event(timeline, "one")
    assert one.entities == ["acme", "beta"]  # untouched: it never used the moved alias


def test_split_then_merge_undoes_a_wrong_merge(timeline):
    edit = ann.split_entity(timeline, "acme", ["Zed"])
    ann.merge_entities(timeline, "zed", edit.other)
    two = ann.find_event(timeline, "two")
    assert two.entities == ["zed"]
    assert [a.text for a in timeline.entity("zed").aliases] == ["Zed Quill", "Zed"]


def test_split_refuses_bad_alias_lists(timeline):
    with pytest.raises(ScaletuiError, match="no alias"):
        ann.split_entity(timeline, "acme", ["Nobody"])
    with pytest.raises(ScaletuiError, match="at least one alias"):
        ann.split_entity(timeline, "acme", ["Acme Corp", "Acme", "Zed"])
    with pytest.raises(ScaletuiError, match="itself"):
        ann.merge_entities(timeline, "acme", "acme")
    assert timeline.entity_edits == []


def test_replaying_edits_on_an_edited_timeline_changes_nothing(timeline):
    ann.rename_entity(timeline, "acme", "Acme Group")
    ann.split_entity(timeline, "acme", ["Zed"])
    ann.merge_entities(timeline, "acme", "beta")
    before = timeline.model_dump()
    assert ann.replay_entity_edits(timeline) == 0
    assert timeline.model_dump() == before


def test_replaying_edits_on_a_fresh_timeline_reproduces_them(timeline):
    fresh = timeline.model_copy(deep=True)
    ann.rename_entity(timeline, "acme", "Acme Group")
    ann.split_entity(timeline, "acme", ["Zed"])
    ann.merge_entities(timeline, "zed", "acme-2")
    fresh.entity_edits = [edit.model_copy() for edit in timeline.entity_edits]
    assert ann.replay_entity_edits(fresh) == 3
    assert fresh.model_dump() == timeline.model_dump()


# ------------------------------------------------------------------ undo and redo


def test_history_undoes_and_redoes_event_annotations(timeline):
    history = ann.History()
    history.annotate(timeline, "one", lambda: ann.set_note(timeline, "one", "check"), "note")
    history.annotate(timeline, "one", lambda: ann.set_flag(timeline, "one", "verified"), "flag")
    history.annotate(timeline, "one", lambda: ann.set_flag(timeline, "one", "verified"), "flag")  # no change: no step
    one = ann.find_event(timeline, "one")
    assert history.undo() == "flag" and one.annotation.flag is Flag.NONE and one.annotation.note == "check"
    assert history.undo() == "note" and one.annotation.empty
    assert history.undo() is None
    assert history.redo() == "note" and one.annotation.note == "check"
    assert history.redo() == "flag" and one.annotation.flag is Flag.VERIFIED
    assert history.redo() is None


def test_a_new_change_after_undo_drops_the_redo(timeline):
    history = ann.History()
    history.annotate(timeline, "one", lambda: ann.set_note(timeline, "one", "a"), "note")
    history.undo()
    history.annotate(timeline, "two", lambda: ann.set_note(timeline, "two", "b"), "note")
    assert history.redo() is None
    assert ann.find_event(timeline, "one").annotation.note == ""


def test_undoing_entity_edits_restores_them_and_the_recorded_list_replays(timeline):
    original = timeline.model_dump()
    history = ann.History()
    history.edit_entities(timeline, lambda: ann.split_entity(timeline, "acme", ["Zed"]), "split")
    history.edit_entities(timeline, lambda: ann.merge_entities(timeline, "zed", "acme-2"), "merge")
    after_both = timeline.model_dump()
    assert history.undo() == "merge"
    assert [e.action for e in timeline.entity_edits] == ["split"]
    fresh = Timeline.model_validate(original)
    fresh.entity_edits = [edit.model_copy() for edit in timeline.entity_edits]
    ann.replay_entity_edits(fresh)
    assert fresh.model_dump() == timeline.model_dump()  # what would be saved now replays to what is shown
    assert history.undo() == "split"
    assert timeline.model_dump() == original
    history.redo()
    history.redo()
    assert timeline.model_dump() == after_both


def test_a_refused_edit_leaves_no_step(timeline):
    history = ann.History()
    with pytest.raises(ScaletuiError):
        history.edit_entities(timeline, lambda: ann.merge_entities(timeline, "acme", "acme"), "merge")
    assert history.undo() is None


def test_annotations_module_never_imports_textual():
    code = "import sys, events.annotations; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(ann.__file__).parents[1]).returncode == 0
