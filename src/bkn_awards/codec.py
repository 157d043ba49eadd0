"""The data format and its one converter (cattrs): JSON values to checked, linked records, and back.

Decoding is strict where the standard library's JSON reader is loose: no unknown or missing
fields, no ``"2020"`` for ``2020``, no string for a list, no key given twice. A record that fails
is structured once more with cattrs' detailed validation, and the exception groups cattrs raises
are walked, note by note, to the file, record and field at fault.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from bkn_awards.errors import FieldValueError
from bkn_awards.layout import RECORD_FILES, unwrap_optional
from bkn_awards.lazy import Lazy
from bkn_awards.records import Citation, Placing, data_fields
from bkn_awards.rules import ISO_DATE, ISO_DATETIME, Matches

__all__ = ["Decoder", "RepeatedKeys", "json_type", "parse", "unstructure"]

_RECORD_TYPES: tuple[type[Any], ...] = tuple(cls for _, cls in RECORD_FILES)
_Hook = Callable[[Any, Any], Any]  # cattrs' structure hook: (value, type) -> structured value


class RepeatedKeys(dict[str, Any]):
    """A JSON object that gives a key more than once; the decoder refuses it, naming the key."""

    repeated: tuple[str, ...]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    # json.loads would keep the last value silently: two values for one field is an error.
    repeated = RepeatedKeys(found)
    repeated.repeated = tuple(sorted(k for k, n in Counter(k for k, _ in pairs).items() if n > 1))
    return repeated


def parse(text: str) -> Any:
    """Read JSON text, keeping any object that repeats a key as a `RepeatedKeys`.

    Example:
        >>> parse('{"rank": 1, "rank": 2}').repeated
        ('rank',)
    """
    return json.loads(text, object_pairs_hook=_object)


class Decoder:
    """Turns the raw records of a directory's files, read in order, into records.

    One converter serves a directory; a link finds its record among the files decoded before.
    """

    def __init__(self) -> None:
        self._targets: dict[type[Any], dict[str, Any]] = {cls: {} for cls in _RECORD_TYPES}
        self._failed: dict[type[Any], set[str] | None] = {}  # ids; None: the file was unreadable
        self._converter = _make_converter(self._link)

    def decode_file(
        self, filename: str, raw: list[Any] | None, cls: type[Any], report: Callable[[str], None]
    ) -> tuple[Any, ...]:
        """Structure one file's records (``None``: unreadable), reporting each problem as a line."""
        by_id = self._targets[cls]
        failed: set[str] = set()
        self._failed[cls] = None if raw is None else failed
        if not raw:  # no records, and no structuring function to make for them
            return ()
        structure = _object_of(cls, self._converter)
        for index, item in enumerate(raw):
            try:
                record = structure(item, cls)
            except Exception as error:  # every failure becomes a listed problem
                for line in _describe(error):
                    report(f"{filename}: record {_label(index, item)}: {line}")
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    failed.add(item["id"])
                continue
            if by_id.setdefault(record.id, record) is not record:
                report(f"{filename}: record {_label(index, item)}: id: duplicate id {record.id!r}")
        return tuple(by_id.values())

    def _link(self, cls: type[Any]) -> _Hook:
        kind, targets = cls.__name__.lower(), self._targets[cls]

        def link(value: Any, _type: Any) -> Any:
            if type(value) is str and (found := targets.get(value)) is not None:
                return found
            if type(value) is not str:
                raise TypeError(f"expected the id of a {kind}, got {json_type(value)}")
            # A link to a failed record, or into an unreadable file, is no problem of its own.
            failed = self._failed.get(cls, ())
            if failed is None or value in failed:
                raise _BrokenLinkError(value)
            raise ValueError(f"no {kind} has the id {value!r}")

        return link


def unstructure(record: Any) -> dict[str, Any]:
    """Write a record as it stands in the data files: links as ids, dates as ISO text.

    Example:
        >>> import bkn_awards
        >>> raw = unstructure(bkn_awards.awards(year=2020, institution="Kota Malang")[0])
        >>> raw["institution"], raw["placings"][0]["rank"]
        ('kota-malang', 1)
    """
    return _WRITERS.get()[type(record)](record)


def _make_writers() -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
    converter = _make_converter(None)
    return {
        cls: make_dict_unstructure_fn(cls, converter, **_derived_omitted(cls))
        for cls in _RECORD_TYPES
    }


def _derived_omitted(cls: type[Any]) -> dict[str, Any]:
    """The overrides that leave out of cattrs' hooks the fields no data file holds (DERIVED)."""
    kept = {f.name for f in data_fields(cls)}
    return {f.name: override(omit=True) for f in attrs.fields(cls) if f.name not in kept}


# The decoder's converter writing each record type, made on the first record written.
_WRITERS = Lazy(_make_writers)


def _make_converter(link: Callable[[type[Any]], _Hook] | None) -> cattrs.Converter:
    """The converter of the data format; `link(cls)` hooks a link to a `cls` (none: it writes).

    Strict where the standard library's JSON reader is loose: no unknown or missing fields, no
    ``"2020"`` for ``2020``, no string for a list, no text UTF-8 cannot hold.
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    for exact in (int, bool):
        converter.register_structure_hook(exact, _exactly(exact))
    converter.register_structure_hook(str, _shared_strings())
    converter.register_structure_hook_factory(lambda t: t is Citation, _shared_citations)
    converter.register_structure_hook_factory(lambda t: t is Placing, _shared_placings)
    converter.register_structure_hook_factory(
        lambda t: t == tuple[Placing, ...], _shared_placing_tuples
    )
    converter.register_structure_hook_factory(_is_tuple, _list_to_tuple)
    converter.register_structure_hook_factory(lambda t: unwrap_optional(t)[1], _optional)
    for kind, rule in ((dt.datetime, ISO_DATETIME), (dt.date, ISO_DATE)):
        converter.register_structure_hook(kind, _iso(kind, rule))
        converter.register_unstructure_hook(kind, kind.isoformat)
    for cls in _RECORD_TYPES:
        if link is not None:
            converter.register_structure_hook(cls, link(cls))
        converter.register_unstructure_hook(cls, operator.attrgetter("id"))
    return converter


class _BrokenLinkError(Exception):
    """A link to a record that could not be loaded; the record's own problem is reported."""


def _object_of(cls: type[Any], converter: cattrs.Converter) -> _Hook:
    """Structure a `cls` record from a JSON object, naming every field at fault where it fails."""
    fields = data_fields(cls)
    # An object with as many keys as fields, all read by the plain path, has no unknown key.
    size = len(fields) if all(f.default is attrs.NOTHING for f in fields) else None
    make = functools.partial(
        make_dict_structure_fn,
        cls,
        converter,
        _cattrs_use_linecache=False,
        **_derived_omitted(cls),
    )
    plain = make(_cattrs_forbid_extra_keys=size is None, _cattrs_detailed_validation=False)
    detailed: list[_Hook] = []  # made for the first record that fails

    def structure(value: Any, cls: Any) -> Any:
        if type(value) is not dict:
            if isinstance(value, RepeatedKeys):
                raise FieldValueError(value.repeated[0], "is given twice in one object")
            raise TypeError(f"expected an object, got {json_type(value)}")
        if size is None or len(value) == size:
            try:
                return plain(value, cls)
            except Exception:
                pass
        # Again, with cattrs' detailed validation, which says what is wrong with each field.
        detailed[:] = detailed or [make()]
        return detailed[0](value, cls)

    return structure


def _exactly(kind: type[Any]) -> _Hook:
    def structure(value: Any, _type: Any) -> Any:
        if type(value) is kind:
            return value
        # True is no year, though bool is an int; 2022.0 is (JSON Schema's "integer" agrees).
        if kind is int and type(value) is float and value.is_integer():
            return int(value)
        raise TypeError(f"expected {_JSON_NAMES[kind]}, got {json_type(value)}")

    return structure


_SURROGATE = re.compile("[\ud800-\udfff]")


def _shared_strings() -> Callable[[Any, Any], str]:
    # Labels, groups and names repeat across thousands of records: keep one copy of each.
    seen: dict[str, str] = {}

    def structure(value: Any, _type: Any) -> str:
        if type(value) is not str:
            raise TypeError(f"expected a string, got {json_type(value)}")
        if not value.isascii() and (lone := _SURROGATE.search(value)):
            raise ValueError(f"cannot be written as UTF-8 (a lone surrogate at {lone.start()})")
        return seen.setdefault(value, value)

    return structure


def _shared_citations(_type: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Citation]:
    # Identical citations (same source, same paragraphs) become one shared object.
    structure = _object_of(Citation, converter)
    seen: dict[tuple[Any, ...], Citation] = {}

    def share(value: Any, _type: Any) -> Citation:
        key = _citation_key(value)
        if key is not None and (found := seen.get(key)) is not None:
            return found
        citation: Citation = structure(value, Citation)
        seen[(citation.source.id, citation.part, *citation.paragraphs)] = citation
        return citation

    return share


def _shared_placings(_type: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Placing]:
    # One report that gives an institution's awards of an edition alike ("penerima", say) gives
    # each the same placing: keep one copy, as of a citation.
    structure = _object_of(Placing, converter)
    seen: dict[tuple[Any, ...], Placing] = {}

    def share(value: Any, _type: Any) -> Placing:
        placing: Placing = structure(value, Placing)
        # By identity: the category and the citations are shared objects already.
        key = (placing.rank, placing.rank_label, id(placing.category), *map(id, placing.citations))
        return seen.setdefault(key, placing)

    return share


def _shared_placing_tuples(type_: Any, converter: cattrs.Converter) -> _Hook:
    structure = _list_to_tuple(type_, converter)
    seen: dict[tuple[int, ...], tuple[Placing, ...]] = {}

    def share(value: Any, _type: Any) -> tuple[Placing, ...]:
        placings: tuple[Placing, ...] = structure(value, _type)
        return seen.setdefault(tuple(map(id, placings)), placings)

    return share


def _citation_key(value: Any) -> tuple[Any, ...] | None:
    """The key of a raw citation whose values are of the exact types a citation's are, or ``None``.

    Two citations equal in value are one only if their types are exact too: ``true == 1``, but
    a paragraph ``true`` is an error to report, not a citation of paragraph 1 to share.
    """
    try:
        paragraphs = value["paragraphs"]
        if type(value) is dict and len(value) == 3 and {int}.issuperset(map(type, paragraphs)):
            return (value["source"], value["part"], *paragraphs)
    except (KeyError, TypeError):
        pass
    return None


def _optional(type_: Any, converter: cattrs.Converter) -> _Hook:
    # cattrs would look the hook of `X` up again on each call for `X | None`: once is enough.
    inner_type, _ = unwrap_optional(type_)
    inner = converter.get_structure_hook(inner_type)
    return lambda value, _type: None if value is None else inner(value, inner_type)


def _is_tuple(type_: Any) -> bool:
    return getattr(type_, "__origin__", None) is tuple


def _list_to_tuple(type_: Any, converter: cattrs.Converter) -> _Hook:
    item_type = type_.__args__[0]
    item = converter.get_structure_hook(item_type)
    explained = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: Any, type_: Any) -> Any:
        # Without this check a string would be taken as a tuple of its characters.
        if type(value) is not list:
            raise TypeError(f"expected a list, got {json_type(value)}")
        try:
            return tuple([item(v, item_type) for v in value])
        except Exception:
            return explained(value, type_)  # again, to say which item is wrong

    return structure


def _iso(kind: type[dt.date], rule: Matches) -> _Hook:
    def structure(value: Any, _type: Any) -> Any:
        if type(value) is not str:
            raise TypeError(f"expected {rule.meaning}, got {json_type(value)}")
        if (problem := rule.problem(value)) is not None:
            raise ValueError(problem)
        return kind.fromisoformat(value)

    return structure


def _label(index: int, raw: Any) -> str:
    """Name a raw record in messages: by its id if it has one, else by its place in the file."""
    identifier = raw.get("id") if isinstance(raw, dict) else None
    return repr(identifier) if isinstance(identifier, str) and identifier else f"#{index}"


def _describe(error: BaseException, path: str = "") -> Iterator[str]:
    """Turn a structuring failure into ``field: problem`` lines, one for each field at fault.

    cattrs' exception groups carry, on each exception inside, a note naming the attribute or the
    list index it was raised for: following them from the record down gives the field's path.
    """
    if isinstance(error, ClassValidationError | IterableValidationError):
        noted, others = error.group_exceptions()
        for inner, note in noted:
            step = f"[{note.index}]" if isinstance(note, IterableValidationNote) else note.name
            yield from _describe(inner, _join(path, step))
        for inner in others:
            yield from _describe(inner, path)
    elif isinstance(error, _BrokenLinkError):
        return  # the linked record's own problem is reported where it stands
    elif isinstance(error, FieldValueError):  # a rule of the record's own class
        yield f"{_join(path, error.field)}: {error.problem}"
    elif isinstance(error, ForbiddenExtraKeysError):
        yield f"{path or _RECORD}: unknown field(s) " + ", ".join(sorted(error.extra_fields))
    elif isinstance(error, KeyError):
        yield f"{path or _RECORD}: required field missing"
    else:  # the library's hooks and rules say what is wrong
        yield f"{path or _RECORD}: {error}"


# How a line names the record itself, where no one field is at fault.
_RECORD = "(record)"


def _join(path: str, step: str) -> str:
    """Extend a field path: ``citations`` and ``[0]`` make ``citations[0]``, then ``.part``."""
    if not path or step.startswith("["):
        return path + step
    return f"{path}.{step}"


#: How messages name the JSON value a record field expects or was given.
_JSON_NAMES: dict[type[Any], str] = {
    dict: "an object",
    RepeatedKeys: "an object",
    list: "a list",
    str: "a string",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def json_type(value: Any) -> str:
    """Name the JSON type of a value as a message should: ``"a list"``, ``"an object"``.

    Example:
        >>> json_type([]), json_type({}), json_type(True), json_type("x")
        ('a list', 'an object', 'true or false', 'a string')
    """
    return _JSON_NAMES.get(type(value), type(value).__name__)
