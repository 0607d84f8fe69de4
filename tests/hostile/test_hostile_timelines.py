"""What scaletui promises about a timeline file it is asked to open.

A timeline that is malformed, crafted or inconsistent is refused before the app
starts, in one line naming the file and what is wrong, with exit code 2: never a
traceback, never an app that starts and then crashes. The file must have
- a version this scaletui knows (1 to 3: 0, negatives and newer ones refused);
- the right shape (`events` a list of tables, not a string);
- unique ids for its sources, entities, events and statements;
- references that resolve (a statement's source, an event's entities...);
- spans that start no later than they end;
- nothing nested beyond reason (1,000 nested arrays is not a timeline).
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
import tomli_w
import tomllib

from scaletui.events.model import FORMAT_VERSION, Entity, Event, Precision, Source, Statement, Timeline, TimeSpan
from scaletui.events.store import dumps_timeline
from scaletui.tui.cli import main


def _valid() -> dict:
    day = TimeSpan(start=date(2025, 6, 13), end=date(2025, 6, 13), precision=Precision.DAY)
    statements = [
        Statement(id="a:0", source="a", text="Acme bought Widget.", start=0, end=19, span=day, entities=["acme"]),
        Statement(id="b:0", source="b", text="Acme bought Widget on Friday.", start=0, end=29, span=day, entities=["acme"]),
    ]
    timeline = Timeline(
        corpus="/nowhere",
        sources=[Source(id="a", path="a.txt"), Source(id="b", path="b.txt")],
        entities=[Entity(id="acme", name="Acme"), Entity(id="widget", name="Widget")],
        events=[
            Event(id="ev-1", title="Acme bought Widget", span=day, entities=["acme"], sources=["a"], statements=statements[:1]),
            Event(id="ev-2", title="Acme bought Widget on Friday", span=day, sources=["b"], statements=statements[1:]),
        ],
    )
    return tomllib.loads(dumps_timeline(timeline))


def _set(data: dict, path: str, value: object) -> dict:
    data = copy.deepcopy(data)
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return data


VALID = _valid()
CRAFTED: dict[str, tuple[str, str]] = {
    # name: (file text, what the one line must say)
    "version-0": (tomli_w.dumps(_set(VALID, "version", 0)), "version 0 does not exist"),
    "version-negative": (tomli_w.dumps(_set(VALID, "version", -1)), "version -1 does not exist"),
    "version-newer": (
        tomli_w.dumps(_set(VALID, "version", FORMAT_VERSION + 1)),
        f"version {FORMAT_VERSION + 1} is newer than this scaletui reads ({FORMAT_VERSION}); upgrade scaletui",
    ),
    "version-text": (tomli_w.dumps(_set(VALID, "version", "2")), "no whole-number version"),
    "events-a-string": (tomli_w.dumps(_set(VALID, "events", "x")), "events must be [[events]] tables, not a string"),
    "events-of-numbers": (tomli_w.dumps(_set(VALID, "events", [1, 2])), "events 1 must be a table"),
    "statements-a-string": (tomli_w.dumps(_set(VALID, "events.0.statements", "x")), "event 1's statements must be [[events.statements]] tables, not a string"),
    "annotation-a-list": (tomli_w.dumps(_set(VALID, "events.0.annotation", ["x"])), "annotation must be a table"),
    "title-a-number": (tomli_w.dumps(_set(VALID, "events.0.title", 3)), "invalid value at events.0.title"),
    "corpus-a-list": (tomli_w.dumps(_set(VALID, "corpus", ["/"])), "corpus must be a string"),
    "duplicate-event-ids": (tomli_w.dumps(_set(VALID, "events.1.id", "ev-1")), 'duplicate event id "ev-1"'),
    "duplicate-entity-ids": (tomli_w.dumps(_set(VALID, "entities.1.id", "acme")), 'duplicate entity id "acme"'),
    "duplicate-source-ids": (tomli_w.dumps(_set(VALID, "sources.1.id", "a")), 'duplicate source id "a"'),
    "duplicate-statement-ids": (tomli_w.dumps(_set(VALID, "events.1.statements.0.id", "a:0")), 'duplicate statement id "a:0"'),
    "unknown-statement-source": (tomli_w.dumps(_set(VALID, "events.0.statements.0.source", "zz")), 'unknown source "zz"'),
    "unknown-event-entity": (tomli_w.dumps(_set(VALID, "events.0.entities", ["ghost"])), 'unknown entity "ghost"'),
    "unknown-statement-entity": (tomli_w.dumps(_set(VALID, "events.1.statements.0.entities", ["ghost"])), 'unknown entity "ghost"'),
    "unknown-silent-source": (tomli_w.dumps(_set(VALID, "events.0.silent", ["zz"])), 'unknown source "zz"'),
    "span-ends-before-it-starts": (
        tomli_w.dumps(_set(VALID, "events.0.end", date(2020, 1, 1))),
        'event "ev-1" ends (2020-01-01) before it starts (2025-06-13)',
    ),
    "statement-offsets-backwards": (tomli_w.dumps(_set(VALID, "events.0.statements.0.char_end", -5)), "character offsets 0..-5"),
    "nested-1000-arrays": (
        'format = "scaletui-timeline"\nversion = 2\ntags = ' + "[" * 1000 + "]" * 1000 + "\n",
        "nested too deeply",
    ),
    "nested-1000-tables": (
        'format = "scaletui-timeline"\nversion = 2\nx = ' + "{a = " * 1000 + "1" + "}" * 1000 + "\n",
        "nested too deeply",
    ),
    "not-utf8": ("\udcff", "not a text file"),
}


def test_the_valid_base_opens():
    from scaletui.events.store import loads_timeline

    assert len(loads_timeline(tomli_w.dumps(VALID)).events) == 2


@pytest.mark.parametrize("name", list(CRAFTED))
def test_a_crafted_timeline_is_refused_in_one_line(name, tmp_path: Path, capsys):
    text, expected = CRAFTED[name]
    path = tmp_path / f"{name}.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    assert main([str(path)]) == 2  # refused before the app would start
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"scaletui: {path}: ") and expected in err, err
