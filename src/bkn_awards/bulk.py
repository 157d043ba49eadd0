"""Structuring whole data files of valid records fast, by code generated for each record type."""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import json
import re
import typing
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from bkn_awards._fields import unwrap_optional
from bkn_awards.json_values import iso_date, iso_datetime

__all__ = ["Shared", "structure_text"]

T = TypeVar("T")


class Shared:
    """What the files of one load share: link targets, and one object for each repeated value.

    Args:
        linked: The record types that are linked to by id (those with a file of their own);
            any other attrs class in a field is a record nested in its parent's JSON object.
    """

    __slots__ = ("_functions", "linked", "nested", "strings", "targets")

    def __init__(self, linked: Iterable[type[Any]]) -> None:
        self.linked = frozenset(linked)
        #: For each file read so far, its record type and its records by id.
        self.targets: dict[type[Any], Mapping[str, Any]] = {}
        #: One object for each distinct string: labels and names repeat across thousands.
        self.strings: dict[str, str] = {}
        #: For each nested record type, the records built so far by their JSON content.
        self.nested: dict[type[Any], dict[Hashable, Any]] = {}
        self._functions: dict[type[Any], Callable[[Any], Any]] = {}


class _Declined(Exception):
    """A value this path does not accept; the record-by-record path will say what is wrong."""


def structure_text(text: str, cls: type[T], shared: Shared) -> list[T] | None:
    """Structure every record of a data file's JSON text, or return ``None`` if any is not valid.

    It accepts only what the record-by-record path (the converter of `bkn_awards.converter`)
    accepts and builds equal records, through the records' own ``__init__`` and so their
    validators; it is faster because its checks are written out inline for each record type
    instead of calling a hook for each field, and because it reads the records one at a time
    with the standard library's JSON scanner and structures each at once, while its JSON objects
    are fresh in memory, instead of holding the whole file as JSON objects first. Where
    anything is wrong, in the JSON or in a record, it gives up, and the record-by-record path
    finds the problems and says where they are.
    """
    try:
        return _stream(text, _function(cls, shared))
    except Exception:  # whatever it was, the record-by-record path finds it and reports it
        return None


# The top-level list of a data file, with the whitespace JSON allows around its items.
_OPEN = re.compile(r"[ \t\n\r]*\[[ \t\n\r]*")
_CLOSE = re.compile(r"\][ \t\n\r]*\Z")
_NEXT = re.compile(r"[ \t\n\r]*(?:(,)[ \t\n\r]*|\][ \t\n\r]*\Z)")


def _stream(text: str, structure: Callable[[Any], T]) -> list[T]:
    """Structure the items of the JSON list in `text` one by one, as they are read."""
    opening = _OPEN.match(text)
    if opening is None:
        raise _Declined
    position = opening.end()
    if _CLOSE.match(text, position):
        return []
    # The scanner json.loads itself uses (typeshed does not declare it): the same values.
    scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
    records = []
    while True:
        value, position = scan(text, position)
        records.append(structure(value))
        separator = _NEXT.match(text, position)
        if separator is None:
            raise _Declined
        if separator.group(1) is None:
            return records
        position = separator.end()


def _function(cls: type[Any], shared: Shared) -> Callable[[Any], Any]:
    """The structuring function of a record type, made once for each load."""
    if cls not in shared._functions:
        shared._functions[cls] = _Writer(shared).function(cls)
    return shared._functions[cls]


class _Writer:
    """Writes a structuring function: Python source with its values given by name."""

    def __init__(self, shared: Shared) -> None:
        self._shared = shared
        self._values: dict[str, Any] = {
            "Declined": _Declined,
            "share": shared.strings.setdefault,
            "iso_date": iso_date,
            "iso_datetime": iso_datetime,
        }
        self._lines: list[str] = []
        self._count = itertools.count()

    def function(self, cls: type[Any]) -> Callable[[Any], Any]:
        """Compile the function for `cls` (and those it calls) and return it."""
        name = self._record(cls)
        exec("\n".join(self._lines), self._values)
        function: Callable[[Any], Any] = self._values[name]
        return function

    def _name(self, value: Any) -> str:
        name = f"_{next(self._count)}"
        self._values[name] = value
        return name

    def _record(self, cls: type[Any]) -> str:
        """Write the function that makes a `cls` record from its JSON object."""
        fields = _fields(cls)
        name = self._name(None)
        checks = [f"if type(r) is not dict or len(r) != {len(fields)}: raise Declined"]
        conversions = []
        for n, field in enumerate(fields):
            field_checks, converted = self._value(field.type, f"v{n}")
            checks += [f"v{n} = r[{field.name!r}]", *field_checks]
            if converted is not None:
                conversions.append(f"v{n} = {converted}")
        made = f"{self._name(cls)}({', '.join(f'{f.alias}=v{n}' for n, f in enumerate(fields))})"
        if cls in self._shared.linked:
            body = [*checks, *conversions, f"return {made}"]
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
                *(f"    {line}" for line in conversions),
                f"    found = {known}[key] = {made}",
                "return found",
            ]
        self._lines += [f"def {name}(r):", *(f"    {line}" for line in body)]
        return name

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
            return [], f"{self._record(kind)}({v})"
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
