"""TOML for timeline files: tomli_w's layout, with short lists on one line.

tomli_w writes every array one item a line: a statement naming two entities
spent five lines on them, and lists of ids were a fifth of a timeline file. Here
a list of plain values that fits on a line is written on one
(`entities = ["acme", "widget"]`), a longer one stays one item a line (so a
diff still shows which item changed), and a list of small tables is a list of
inline tables, one a line, as tomli_w writes them. Strings are basic strings
with escapes, never multi-line.

Only the types a timeline holds are written: str, bool, int, float, date,
datetime, lists and tables. tomllib reads back exactly the dict given (a test
checks).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

LINE = 100  # as tomli_w: a list or an inline table longer than this gets lines of its own
INDENT = "    "

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPED = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_ESCAPES = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def dumps(document: dict[str, Any]) -> str:
    out: list[str] = []
    _table(document, (), out, array_item=False)
    text = "".join(out)
    return text.lstrip("\n")


def _table(table: dict[str, Any], path: tuple[str, ...], out: list[str], array_item: bool) -> None:
    later: list[tuple[str, Any]] = []
    lines: list[str] = []
    for key, value in table.items():
        if isinstance(value, dict):
            later.append((key, value))
            continue
        if type(value) is list and value and all(type(item) is dict for item in value):
            inline = _all_inline(value)
            if inline is None:  # too long or nested: [[tables]]
                later.append((key, value))
            else:
                lines.append(f"{_key(key)} = [\n" + "".join(f"{INDENT}{text},\n" for text in inline) + "]\n")
            continue
        lines.append(f"{_key(key)} = {_value(value)}\n")
    if path and (lines or array_item or not later):
        header = ".".join(_key(part) for part in path)
        out.append(f"\n[[{header}]]\n" if array_item else f"\n[{header}]\n")
    out.extend(lines)
    for key, value in later:
        if isinstance(value, dict):
            _table(value, (*path, key), out, array_item=False)
        else:
            for item in value:
                _table(item, (*path, key), out, array_item=True)


def _all_inline(tables: list[dict[str, Any]]) -> list[str] | None:
    """Each table as an inline table, where every one fits on a line (as tomli_w decides); else None."""
    written = []
    for table in tables:
        text = _inline_or_none(table)
        if text is None:
            return None
        written.append(text)
    return written


def _inline_or_none(table: dict[str, Any]) -> str | None:
    for value in table.values():
        if isinstance(value, dict) or (type(value) is list and value and all(type(item) is dict for item in value)
                                       and _all_inline(value) is None):
            return None
    text = _inline_table(table)
    return text if len(INDENT) + len(text) + 1 <= LINE and "\n" not in text else None


_KEYS: dict[str, str] = {}


def _key(key: str) -> str:
    written = _KEYS.get(key)
    if written is None:
        written = key if _BARE_KEY.fullmatch(key) else _string(key)
        if len(_KEYS) < 4096:  # the names of fields: a few dozen
            _KEYS[key] = written
    return written


def _string(text: str) -> str:
    escaped = _ESCAPED.sub(lambda m: _ESCAPES.get(m[0]) or f"\\u{ord(m[0]):04x}", text)
    return f'"{escaped}"'


def _value(value: Any, nested: bool = False) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return str(value)
    if kind is date:
        return value.isoformat()
    return _other_value(value, nested)


def _other_value(value: Any, nested: bool) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, dict):
        return _inline_table(value)
    if isinstance(value, (list, tuple)):
        return _array(value, nested)
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _inline_table(table: dict[str, Any]) -> str:
    if not table:
        return "{}"
    return "{ " + ", ".join(f"{_key(k)} = {_value(v, nested=True)}" for k, v in table.items()) + " }"


def _array(items: list | tuple, nested: bool) -> str:
    if not items:
        return "[]"
    parts = [_value(item, nested=True) for item in items]
    one_line = "[" + ", ".join(parts) + "]"
    tables = any(isinstance(item, dict) for item in items)
    if nested or (not tables and len(one_line) <= LINE and "\n" not in one_line):
        return one_line
    return "[\n" + "".join(f"{INDENT}{part},\n" for part in parts) + "]"
