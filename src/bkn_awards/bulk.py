"""Structuring whole data files of valid records fast, by code generated for each record type."""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import json
import operator
import types
import typing
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from bkn_awards._fields import INLINE_TESTS, unwrap_optional
from bkn_awards.json_values import iso_date, iso_datetime

__all__ = ["Shared", "structure_text"]

T = TypeVar("T")


class Shared:
    """What the files of one load share: link targets, and one object for each repeated value.

    Args:
        linked: The record types that are linked to by id (those with a file of their own);
            any other attrs class in a field is a record nested in its parent's JSON object.
    """

    __slots__ = ("_hooks", "linked", "nested", "strings", "targets")

    def __init__(self, linked: Iterable[type[Any]]) -> None:
        self.linked = frozenset(linked)
        #: For each file read so far, its record type and its records by id.
        self.targets: dict[type[Any], Mapping[str, Any]] = {}
        #: One object for each distinct string: labels and names repeat across thousands.
        self.strings: dict[str, str] = {}
        #: For each nested record type, the records built so far by their JSON content.
        self.nested: dict[type[Any], dict[Hashable, Any]] = {}
        #: The object hook of each file's record type, made on first need.
        self._hooks: dict[type[Any], Callable[[dict[str, Any]], Any]] = {}


class _Declined(Exception):
    """A value this path does not accept; the record-by-record path will say what is wrong."""


def structure_text(text: str, cls: type[T], shared: Shared) -> list[T] | None:
    """Structure every record of a data file's JSON text, or return ``None`` if any is not valid.

    It accepts only what the record-by-record path (the converter of `bkn_awards.converter`)
    accepts and builds equal records, whose validators have passed. It is faster because
    `json.loads` calls it on each JSON object as soon as the object is read, so the file is
    never held whole as JSON objects; because its checks are written out inline for each
    record type instead of calling a hook for each field; and because the commonest validators
    are tested inline too, before the record's slots are filled. Where anything is wrong, in
    the JSON or in a record, it gives up, and the record-by-record path finds the problems and
    says where they are.
    """
    try:
        return _structure(text, cls, shared)
    except Exception:  # whatever it was, the record-by-record path finds it and reports it
        return None


def _structure(text: str, cls: type[T], shared: Shared) -> list[T]:
    records = json.loads(text, object_hook=_hook(cls, shared))
    if type(records) is not list or not set(map(type, records)) <= {cls}:
        raise _Declined
    return records


def _hook(cls: type[Any], shared: Shared) -> Callable[[dict[str, Any]], Any]:
    """The `json.loads` object hook of a file of `cls` records, made once for each load."""
    if cls not in shared._hooks:
        shared._hooks[cls] = _Writer(shared).hook(cls)
    return shared._hooks[cls]


class _Writer:
    """Writes an object hook: Python source with its values given by name.

    JSON objects are made from the inside out, so a record nested in another is made first and
    its parent checks that it is one. The hook tells the record types apart by their number of
    fields, and a JSON object of another size is not a record of the file.
    """

    def __init__(self, shared: Shared) -> None:
        self._shared = shared
        self._values: dict[str, Any] = {
            "Declined": _Declined,
            "share": shared.strings.setdefault,
            "iso_date": iso_date,
            "iso_datetime": iso_datetime,
            "new": object.__new__,
        }
        self._sizes: dict[int, list[str]] = {}
        self._types: set[type[Any]] = set()
        self._count = itertools.count()

    def hook(self, cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
        """Compile the object hook for a file of `cls` records and return it."""
        self._record(cls)
        lines = ["def hook(r):", "    size = len(r)"]
        for size, body in self._sizes.items():
            lines += [f"    if size == {size}:", *(f"        {line}" for line in body)]
        lines.append("    raise Declined")
        exec("\n".join(lines), self._values)
        hook: Callable[[dict[str, Any]], Any] = self._values["hook"]
        return hook

    def _name(self, value: Any) -> str:
        name = f"_{next(self._count)}"
        self._values[name] = value
        return name

    def _record(self, cls: type[Any]) -> None:
        """Write the lines that make a `cls` record from its JSON object `r`."""
        if cls in self._types:
            return
        fields = _fields(cls)
        if len(fields) in self._sizes:  # two record types of one size: tell them apart slowly
            raise _Declined(cls)
        self._types.add(cls)
        names = ", ".join(f"v{n}" for n in range(len(fields)))
        get = self._name(operator.itemgetter(*(field.name for field in fields)))
        checks = [f"{names}, = {get}(r)" if len(fields) > 1 else f"v0 = {get}(r)"]
        conversions = []
        for n, field in enumerate(fields):
            field_checks, converted = self._value(field.type, f"v{n}")
            checks += field_checks
            if converted is not None and field.name != "id":  # ids are unique: none to share
                conversions.append(f"v{n} = {converted}")
        made = self._make(cls, fields)
        if cls in self._shared.linked:
            body = [*checks, *conversions, *made, "return made"]
        else:
            # A nested record: one object for each JSON content, converted only when new. Its
            # values are checked before the look-up, so equal JSON means equal records (True
            # == 1 would otherwise share a key).
            keys = [f"tuple(v{n})" if _is_tuple(f.type) else f"v{n}" for n, f in enumerate(fields)]
            known = self._name(self._shared.nested.setdefault(cls, {}))
            body = [
                *checks,
                f"key = ({', '.join(keys)},)",
                f"found = {known}.get(key)",
                "if found is None:",
                *(f"    {line}" for line in (*conversions, *made)),
                f"    found = {known}[key] = made",
                "return found",
            ]
        self._sizes[len(fields)] = body

    def _make(self, cls: type[Any], fields: Sequence[attrs.Attribute[Any]]) -> list[str]:
        """Lines that make the record `made` of `cls` from the field values ``v0``, ``v1``...

        Where every validator of the class has a test in `INLINE_TESTS`, those tests are written
        inline, a value they do not pass is given to the validator itself, and the record's
        slots are filled without ``__init__``, which would call each validator again.
        """
        slots: list[Any] = [cls.__dict__.get(field.name) for field in fields]
        if not _fillable(cls, fields, slots):
            arguments = ", ".join(f"{f.alias}=v{n}" for n, f in enumerate(fields))
            return [f"made = {self._name(cls)}({arguments})"]
        lines = []
        for n, field in enumerate(fields):
            if field.validator is not None:
                expression, names = INLINE_TESTS[field.validator]
                test = expression.format(v=f"v{n}", **{k: self._name(o) for k, o in names.items()})
                validate = f"{self._name(field.validator)}(None, {self._name(field)}, v{n})"
                lines.append(f"if not ({test}): {validate}")
        lines.append(f"made = new({self._name(cls)})")
        lines += [f"{self._name(slot.__set__)}(made, v{n})" for n, slot in enumerate(slots)]
        return lines

    def _value(self, annotation: Any, v: str) -> tuple[list[str], str | None]:
        """Lines that check the JSON value in local `v`, and the expression of the field value.

        The expression is ``None`` where the JSON value is the field value as it is.
        """
        kind, optional = unwrap_optional(annotation)
        checks, converted = self._required(kind, v)
        if not optional:
            return checks, converted
        if converted is not None:
            converted = f"None if {v} is None else {converted}"
        if checks:
            checks = [f"if {v} is not None:", *(f"    {check}" for check in checks)]
        return checks, converted

    def _required(self, kind: Any, v: str) -> tuple[list[str], str | None]:
        if kind in (int, bool, str):
            check = f"if type({v}) is not {kind.__name__}: raise Declined"
            return [check], (f"share({v}, {v})" if kind is str else None)
        if kind is dt.datetime:
            return [], f"iso_datetime({v})"
        if kind is dt.date:
            return [], f"iso_date({v})"
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            types = self._name(frozenset(type(member.value) for member in kind))
            members = self._name({member.value: member for member in kind})
            return [f"if type({v}) not in {types}: raise Declined"], f"{members}[{v}]"
        if kind in self._shared.linked:
            # A file links only to files read before it; a later one is not a target yet.
            targets = self._name(self._shared.targets[kind])
            return [f"if type({v}) is not str: raise Declined"], f"{targets}[{v}]"
        if _is_tuple(kind):
            return self._tuple(kind, v)
        if attrs.has(kind):
            self._record(kind)
            return [f"if type({v}) is not {self._name(kind)}: raise Declined"], None
        raise _Declined(kind)

    def _tuple(self, kind: Any, v: str) -> tuple[list[str], str | None]:
        item, ellipsis = typing.get_args(kind)
        if ellipsis is not Ellipsis:
            raise _Declined(kind)
        # Items are checked in a loop of their own: a comprehension cannot hold `if ...: raise`.
        checks, converted = self._value(item, "x")
        lines = [f"if type({v}) is not list: raise Declined"]
        if checks:
            lines += [f"for x in {v}:", *(f"    {check}" for check in checks)]
        if converted is None:
            return lines, f"tuple({v})"
        return lines, f"tuple([{converted} for x in {v}])"


def _fillable(cls: type[Any], fields: Sequence[attrs.Attribute[Any]], slots: list[Any]) -> bool:
    """Whether `cls` records can be made by filling their slots, their validators run inline.

    That is, where ``__init__`` does nothing else: no hooks around it, and no slot but the
    fields' own (a cached hash, say) for it to fill.
    """
    own = set(getattr(cls, "__slots__", ())) - {"__weakref__"}
    return (
        all(field.validator is None or field.validator in INLINE_TESTS for field in fields)
        and all(isinstance(slot, types.MemberDescriptorType) for slot in slots)
        and own == {field.name for field in fields}
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
    )


def _is_tuple(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple


def _fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of a record class, with their types resolved, if this path can build it.

    The generated code makes records with ``cls(**fields)`` from JSON objects keyed by field
    name, as the converter does; a class that needs more than that is declined.
    """
    attrs.resolve_types(cls)
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    if any(not f.init or f.converter is not None for f in fields):
        raise _Declined(cls)
    return fields
