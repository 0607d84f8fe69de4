"""Timelines to TOML and back.

The file is meant to be read and diffed by hand: top-level facts first, then
sources, entities, events (each with its statements), then the user's entity
edits. Dates are TOML dates. TOML has no null, so absent values are omitted.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from events.errors import SaveConflict, ScaletuiError, TimelineFileError
from events.model import FORMAT_NAME, FORMAT_VERSION, Timeline

# Statement offsets are named apart from the span dates, which take the plain
# names `start`/`end` in the file as the format promises.
_STATEMENT_OFFSETS = {"start": "char_start", "end": "char_end", "time_start": "time_char_start", "time_end": "time_char_end"}


def _drop_empty(value: Any) -> Any:
    """Remove None (TOML cannot say it) recursively; keep empty strings and lists."""
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value


def _span_fields(span: dict) -> dict:
    return {
        "start": span["start"],
        "end": span["end"],
        "precision": span["precision"],
        "modifier": span["modifier"],
        "confidence": round(span["confidence"], 3),
    }


def _statement_to_toml(st: dict) -> dict:
    out: dict[str, Any] = {"id": st["id"], "source": st["source"], "text": st["text"], "time_text": st["time_text"]}
    out.update(_span_fields(st["span"]))
    for model_name, file_name in _STATEMENT_OFFSETS.items():
        out[file_name] = st[model_name]
    out["entities"] = st["entities"]
    out["figures"] = st["figures"]
    return out


def _event_to_toml(ev: dict) -> dict:
    out: dict[str, Any] = {"id": ev["id"], "title": ev["title"]}
    out.update(_span_fields(ev["span"]))
    out["event_confidence"] = round(ev["confidence"], 3)
    for key in ("entities", "sources", "silent", "discrepancies"):
        out[key] = ev[key]
    note = ev["annotation"]
    if note["note"] or note["tags"] or note["flag"] or note["title"] or note["span"]:
        annotation = {k: note[k] for k in ("note", "tags", "flag", "title")}
        if note["span"]:
            annotation["date"] = _span_fields(note["span"])
        out["annotation"] = annotation
    out["statements"] = [_statement_to_toml(st) for st in ev["statements"]]
    return out


def timeline_to_dict(timeline: Timeline) -> dict:
    data = timeline.model_dump(mode="python")
    return _drop_empty(
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "corpus": data["corpus"],
            "sources": data["sources"],
            "entities": data["entities"],
            "events": [_event_to_toml(ev) for ev in data["events"]],
            "entity_edits": data["entity_edits"],
        }
    )


def dumps_timeline(timeline: Timeline) -> str:
    return tomli_w.dumps(timeline_to_dict(timeline), multiline_strings=False)


def _span_from(table: dict) -> dict:
    return {k: table[k] for k in ("start", "end", "precision", "modifier", "confidence") if k in table}


def _statement_from_toml(st: dict) -> dict:
    out = dict(st)
    out["span"] = _span_from(st)
    for model_name, file_name in _STATEMENT_OFFSETS.items():
        out[model_name] = st.get(file_name)
    return out


def _event_from_toml(ev: dict) -> dict:
    out = dict(ev)
    out["span"] = _span_from(ev)
    out["confidence"] = ev.get("event_confidence", 1.0)
    annotation = dict(ev.get("annotation", {}))
    if "date" in annotation:
        annotation["span"] = annotation.pop("date")
    out["annotation"] = annotation
    out["statements"] = [_statement_from_toml(st) for st in ev.get("statements", [])]
    return out


def timeline_from_dict(data: dict, where: str = "timeline") -> Timeline:
    if data.get("format") != FORMAT_NAME:
        raise TimelineFileError(f"{where}: not a scaletui timeline (no format = \"{FORMAT_NAME}\")")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TimelineFileError(f"{where}: the timeline has no whole-number version")
    if version > FORMAT_VERSION:
        raise TimelineFileError(
            f"{where}: timeline format version {version} is newer than this scaletui reads ({FORMAT_VERSION}); upgrade scaletui"
        )
    try:
        shaped = dict(data)
        shaped["events"] = [_event_from_toml(ev) for ev in data.get("events", [])]
        return Timeline.model_validate(shaped)
    except (ValidationError, TypeError, AttributeError, KeyError) as error:
        raise TimelineFileError(f"{where}: {_first_problem(error)}") from None


def _first_problem(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        return f"invalid value at {location}: {first['msg']}"
    return f"malformed timeline ({type(error).__name__})"


def loads_timeline(text: str, where: str = "timeline") -> Timeline:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TimelineFileError(f"{where}: malformed TOML: {error}") from None
    return timeline_from_dict(data, where)


def load_timeline(path: Path) -> Timeline:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TimelineFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise TimelineFileError(f"{path}: is a folder, not a timeline file") from None
    except OSError as error:
        raise TimelineFileError(f"{path}: cannot read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TimelineFileError(f"{path}: not a text file") from None
    return loads_timeline(text, str(path))


def file_stamp(path: Path) -> int | None:
    """A fingerprint of the file's content, or None when there is no file.

    Content, not mtime: two saves within the filesystem's clock tick would
    otherwise look unchanged.
    """
    try:
        digest = hashlib.blake2b(Path(path).read_bytes(), digest_size=8).digest()
    except OSError:
        return None
    return int.from_bytes(digest, "big")


def save_timeline(timeline: Timeline, path: Path, expected_stamp: int | None = None, *, force: bool = False) -> int:
    """Write the timeline beside `path`, then rename it into place.

    `expected_stamp` is the stamp the file had when it was opened or last saved
    (None: there was no file). If the file on disk differs, raise SaveConflict
    rather than overwrite someone's work, unless `force`.
    """
    path = Path(path)
    text = dumps_timeline(timeline)
    if not force:
        current = file_stamp(path)
        if current != expected_stamp:
            what = "was created" if expected_stamp is None else "changed on disk"
            raise SaveConflict(f"{path}: {what} since it was opened; not overwritten")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ScaletuiError(f"{path}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise ScaletuiError(f"{path}: cannot save ({error.strerror})") from None
    stamp = file_stamp(path)
    assert stamp is not None
    return stamp

