"""Models made straight from a parsed file's tables, where each value is already what validation keeps.

Opening a saved timeline of 10,000 events validated some 70,000 models: a third of a
second in pydantic-core, and as much again in the Python hook each instance runs after it
(model.py). A file scaletui wrote holds only values pydantic keeps as they are: a string
where a string goes, a TOML date where a date goes, a float where a float goes, the name
of a precision. So a reader made from each model's field types checks every value by its
exact type (`type(value) is str`, a list item by item, an enum's name against its members)
and makes the model directly, as validation would have left it.

It vouches only for what it is sure of. A value of another type (a number where text goes,
`1` where a float goes, a date-time where a date goes, `true` where a number goes), a name
no member has, a missing required field, a model with validators or settings of its own, a
field of a type not listed here: any of them raises `Unsure`, and the caller validates the
whole file with pydantic instead, whose messages are the ones a user sees. A model with
constraints on a field (a span's confidence between 0 and 1) is validated by pydantic, one
instance at a time. Keys that are no field are left out, as pydantic's `extra="ignore"` does.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from scaletui.events.model import Model, blank_fields, shared_field_names


class Unsure(Exception):
    """A value the reader does not vouch for: pydantic decides."""


# Types whose values pydantic keeps as they are when given exactly that type.
_EXACT = (str, int, float, bool, date)
# Defaults that cannot change, which pydantic gives every instance as they are.
_SHARED_DEFAULTS = (str, int, float, bool, date, Enum, type(None))

Check = type | Callable[[Any], Any]  # an exact type, or a function giving the field's value (or raising Unsure)


class Plan:
    """How tables with one set of keys become models of one class.

    `pairs` says which key of the table gives which field, `supplied` names the fields the
    caller gives, in the order `make(table, *supplied_values)` takes them (as they are: the
    caller vouches for them), `interned` the text fields whose repeated strings are held once.
    The caller vouches as well for `read` (field, function of the whole table: a value several
    keys give) and `derived` (field, function, the fields it is given, set before it): a field
    the file leaves out because the others say it.

    `make` is written for these keys, as dataclasses writes an `__init__`: a loop asking each
    field how to check its value cost three times the checks themselves, and a file has a few
    hundred thousand values but a handful of sets of keys. The file's keys enter the code only
    as `repr` literals; locals and helpers are numbered.
    """

    __slots__ = ("make", "given", "source")

    def __init__(self, reader: ModelReader, pairs: Iterable[tuple[str, str]], supplied: Iterable[str] = (),
                 interned: Iterable[str] = (), read: Iterable[tuple[str, Callable[[dict], Any]]] = (),
                 derived: Iterable[tuple[str, Callable[..., Any], tuple[str, ...]]] = ()):
        cls, checks = reader.cls, reader.checks
        pairs, supplied, interned, read, derived = list(pairs), list(supplied), set(interned), list(read), list(derived)
        fields = cls.__pydantic_fields__
        given = {field for _key, field in pairs} | set(supplied) | {field for field, _read in read} | {d[0] for d in derived}
        if len(given) != len(pairs) + len(supplied) + len(read) + len(derived) or not given <= fields.keys():
            raise Unsure  # a field given twice, or something that is no field
        if any(checks.get(field) is None for _key, field in pairs):
            raise Unsure  # a field whose values this reader cannot check
        if any(info.is_required() and name not in given for name, info in fields.items()):
            raise Unsure  # pydantic says which one is missing
        blank = blank_fields(cls)
        namespace: dict[str, Any] = {"Unsure": Unsure, "unsure": _unsure, "blank": blank, "cls": cls,
                                     "intern": reader.strings.setdefault, **_MAKING,
                                     **{kind.__name__: kind for kind in _EXACT}}
        lines = [f"def make(table, {''.join(f's{n}, ' for n in range(len(supplied)))}/):"]
        exact = [(n, key, field) for n, (key, field) in enumerate(pairs) if isinstance(checks[field], type)]
        lines += [f"    v{n} = table[{key!r}]" for n, key, _field in exact]
        if exact:
            wrong = " or ".join(f"type(v{n}) is not {checks[field].__name__}" for n, _key, field in exact)
            lines += [f"    if {wrong}:", "        raise Unsure"]
        lines.append("    values = blank.copy()")  # on the class's shared keys, every key there
        for n, _key, field in exact:
            held = f"intern(v{n}, v{n})" if field in interned and checks[field] is str else f"v{n}"
            lines.append(f"    values[{field!r}] = {held}")
        for n, (key, field) in enumerate(pairs):
            model = getattr(checks[field], "item_model", None)
            if checks[field] == reader.strs:  # a list of ids: in line, each repeated id held once
                lines += [f"    v{n} = table[{key!r}]", f"    if type(v{n}) is not list:", "        raise Unsure",
                          f"    values[{field!r}] = [intern(item, item) if type(item) is str else unsure() for item in v{n}]"]
            elif model is not None:  # a list of models (a statement's figures): in line, each made by its reader
                namespace[f"m{n}"] = reader.readers[model].one
                lines += [f"    v{n} = table[{key!r}]", f"    if type(v{n}) is not list:", "        raise Unsure",
                          f"    values[{field!r}] = [m{n}(item) for item in v{n}]"]
            elif not isinstance(checks[field], type):
                namespace[f"c{n}"] = checks[field]
                lines.append(f"    values[{field!r}] = c{n}(table[{key!r}])")
        lines += [f"    values[{field!r}] = s{n}" for n, field in enumerate(supplied)]
        for n, (field, function) in enumerate(read):
            namespace[f"r{n}"] = function
            lines.append(f"    values[{field!r}] = r{n}(table)")
        for n, (field, function, arguments) in enumerate(derived):
            namespace[f"d{n}"] = function
            lines.append(f"    values[{field!r}] = d{n}({', '.join(f'values[{name!r}]' for name in arguments)})")
        for n, (name, info) in enumerate(fields.items()):
            if name in given:
                continue
            if info.default_factory is None:
                if not isinstance(info.default, _SHARED_DEFAULTS):
                    raise Unsure  # pydantic copies a default that can change (a list) for each instance
                blank[name] = info.default  # as validation leaves a default: the same object
            elif getattr(info, "default_factory_takes_validated_data", False):  # pydantic 2.10 on
                raise Unsure
            elif info.default_factory is list:
                lines.append(f"    values[{name!r}] = []")
            else:
                namespace[f"f{n}"] = info.default_factory
                lines.append(f"    values[{name!r}] = f{n}()")
        self.given = namespace["given"] = shared_field_names(given)
        # what validation and Model.model_post_init leave: the fields on the class's shared keys, the
        # shared record of those given, no extra or private values
        lines += ["    model = new(cls)", "    set_dict(model, values)", "    set_fields_set(model, given)",
                  "    set_extra(model, None)", "    set_private(model, None)", "    return model"]
        self.source = "\n".join(lines) + "\n"
        exec(compile(self.source, f"<{cls.__name__} from a table>", "exec"), namespace)  # noqa: S102
        self.make: Callable[..., Any] = namespace["make"]


# The slots pydantic fills on an instance, set without attribute lookups (as model.py does).
_MAKING = {
    "new": object.__new__,
    "set_dict": BaseModel.__dict__["__dict__"].__set__,
    "set_fields_set": BaseModel.__dict__["__pydantic_fields_set__"].__set__,
    "set_extra": BaseModel.__dict__["__pydantic_extra__"].__set__,
    "set_private": BaseModel.__dict__["__pydantic_private__"].__set__,
}


def _unsure() -> None:
    raise Unsure


class ModelReader:
    """Makes one model class from tables (see the module's docstring)."""

    def __init__(self, cls: type[Model], readers: Readers):
        self.cls = cls
        self.readers = readers
        self.strings = readers.strings
        self.strs = readers.strs
        self.checks: dict[str, Check | None] = {}
        self._plans: dict[tuple[str, ...], Plan] = {}
        self.own = _readable(cls)  # else each instance is validated by pydantic
        if self.own:
            for name, info in cls.__pydantic_fields__.items():
                self.checks[name] = readers.check(info.annotation)

    def plan(self, pairs: Iterable[tuple[str, str]], supplied: Iterable[str] = (), interned: Iterable[str] = (),
             read: Iterable[tuple[str, Callable[[dict], Any]]] = (),
             derived: Iterable[tuple[str, Callable[..., Any], tuple[str, ...]]] = ()) -> Plan:
        if not self.own:
            raise Unsure
        return Plan(self, pairs, supplied, interned, read, derived)

    def one(self, value: object) -> Any:
        """The model a table whose keys are its field names makes (an instance of it: itself, as pydantic keeps it)."""
        if type(value) is self.cls:
            return value
        if type(value) is not dict:
            raise Unsure
        if not self.own:
            try:
                return self.cls.model_validate(value)
            except ValidationError:
                raise Unsure from None
        keys = tuple(value)
        plan = self._plans.get(keys)
        if plan is None:
            fields = self.cls.__pydantic_fields__
            plan = self._plans[keys] = self.plan((key, key) for key in keys if key in fields)
        return plan.make(value)

    def many(self, value: object) -> list:
        if type(value) is not list:
            raise Unsure
        one = self.one
        return [one(item) for item in value]


def _readable(cls: type[Model]) -> bool:
    """Whether validating `cls` only checks its fields' types: no validators, constraints or settings of its own."""
    decorators = cls.__pydantic_decorators__
    if decorators.validators or decorators.field_validators or decorators.root_validators or decorators.model_validators:
        return False
    if cls.model_config != Model.model_config or cls.model_post_init is not Model.model_post_init:
        return False
    return not any(info.metadata for info in cls.__pydantic_fields__.values())


class Readers:
    """The model readers of one file, sharing its repeated strings (a list of ids holds each id once)."""

    def __init__(self, strings: dict[str, str] | None = None):
        self.strings = {} if strings is None else strings
        self._readers: dict[type, ModelReader] = {}

    def __getitem__(self, cls: type[Model]) -> ModelReader:
        reader = self._readers.get(cls)
        if reader is None:
            reader = self._readers[cls] = ModelReader(cls, self)
        return reader

    def check(self, annotation: Any) -> Check | None:
        """How a value for a field of this type is checked; None: not by this reader."""
        if annotation in _EXACT:
            return annotation
        origin = get_origin(annotation)
        if origin is list:
            (item,) = get_args(annotation)
            return self._list_check(item)
        if origin is Union or origin is types.UnionType:
            others = [arg for arg in get_args(annotation) if arg is not type(None)]
            inner = self.check(others[0]) if len(others) == 1 else None
            if inner is None or isinstance(inner, type):
                return inner  # TOML has no null: a None, from elsewhere, is left to pydantic
            return lambda value: None if value is None else inner(value)
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return _enum_check(annotation)
        if isinstance(annotation, type) and issubclass(annotation, Model):
            # looked up at the first value: a model's reader may need readers of models that need it
            return lambda value: self[annotation].one(value)
        return None

    def _list_check(self, item: Any) -> Check | None:
        if item is str:
            return self.strs
        if isinstance(item, type) and issubclass(item, Model):
            return self._models_check(item)
        inner = self.check(item)
        if inner is None:
            return None
        if isinstance(inner, type):
            return lambda value: _exact_list(value, inner)
        return lambda value: _list_of(value, inner)

    def _models_check(self, cls: type[Model]) -> Callable[[Any], list]:
        many: list[Callable[[Any], list]] = []  # the reader's, once there is one (it may need this one's)

        def models(value: object) -> list:
            if not many:
                many.append(self[cls].many)
            return many[0](value)

        models.item_model = cls  # type: ignore[attr-defined]  # a Plan makes the items in line
        return models

    def strs(self, value: object) -> list[str]:
        """A list of strings, each repeated string held once."""
        if type(value) is not list:
            raise Unsure
        for item in value:
            if type(item) is not str:
                raise Unsure
        strings = self.strings
        return [strings.setdefault(item, item) for item in value]


def _exact_list(value: object, kind: type) -> list:
    if type(value) is not list or any(type(item) is not kind for item in value):
        raise Unsure
    return list(value)


def _list_of(value: object, check: Callable[[Any], Any]) -> list:
    if type(value) is not list:
        raise Unsure
    return [check(item) for item in value]


def _enum_check(cls: type[Enum]) -> Callable[[Any], Any]:
    members = {member.value: member for member in cls}
    kinds = {type(value) for value in members}

    def member(value: object) -> Enum:
        if type(value) in kinds:
            found = members.get(value)
            if found is not None:
                return found
        raise Unsure

    return member
