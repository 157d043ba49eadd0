"""The data format: how records map to JSON, kept out of the model classes (cattrs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from bkn_awards.category import Category
from bkn_awards.event import Event
from bkn_awards.government import Institution
from bkn_awards.json_values import exactly, iso_date, iso_datetime
from bkn_awards.official import Official
from bkn_awards.provenance import Citation, Source

__all__ = [
    "LINKED_TYPES",
    "BrokenLinkError",
    "make_converter",
    "record_structurer",
    "record_unstructurer",
    "register_links",
]

T = TypeVar("T")

#: Record types that other records link to; in the files a link is the linked record's id.
LINKED_TYPES: tuple[type[Any], ...] = (Source, Institution, Official, Event, Category)


def make_converter() -> cattrs.Converter:
    """Make a converter for the data format.

    It is strict where the standard library's JSON reader is loose: no unknown or missing
    fields, no ``"2020"`` for ``2020``, no string where a list belongs. Links to other records
    are unstructured to ids; to structure them, give the converter the records with
    `register_links`. Records themselves go through `record_structurer` and
    `record_unstructurer`.

    .. versionadded:: 0.1.0
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    for exact in (int, bool):
        converter.register_structure_hook(exact, exactly(exact))
    converter.register_structure_hook(str, _shared_strings())
    converter.register_structure_hook_factory(lambda t: t is Citation, _shared_citations)
    converter.register_structure_hook_factory(_is_tuple_of_any, _list_to_tuple_factory)
    converter.register_structure_hook_factory(_is_optional_link_or_string, _optional_factory)
    converter.register_structure_hook(dt.datetime, iso_datetime)
    converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    converter.register_structure_hook(dt.date, iso_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    for linked in LINKED_TYPES:
        converter.register_unstructure_hook(linked, _record_id)
    return converter


class BrokenLinkError(Exception):
    """A link to a record that could not be loaded; the record's own problem is reported."""


def register_links(
    converter: cattrs.Converter,
    cls: type[T],
    records: Mapping[str, T],
    *,
    broken: Callable[[str], bool] = lambda _id: False,
) -> None:
    """Let `converter` structure a link to a `cls` record from its id, looked up in `records`.

    Ids for which `broken` is true name records that exist but failed to load: a link to one
    raises `BrokenLinkError`, so that the failure is not reported twice.

    .. versionadded:: 0.1.0
    """
    kind = cls.__name__.lower()

    def link(value: Any, _type: Any) -> T:
        if not isinstance(value, str):
            raise TypeError(f"expected the id of a {kind}, got {type(value).__name__}")
        if value in records:
            return records[value]
        if broken(value):
            raise BrokenLinkError(value)
        raise ValueError(f"no {kind} has the id {value!r}")

    converter.register_structure_hook(cls, link)


def record_structurer(converter: cattrs.Converter, cls: type[T]) -> Callable[[Any, Any], T]:
    """Make the function that structures one record of a data file: ``fn(raw, cls)``.

    A record's own type may be registered as a link (structured from an id); the record itself is
    structured from its full object by a function made for its class. Make it once per file: it
    is generated code.

    .. versionadded:: 0.1.0
    """
    return make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)


def record_unstructurer(converter: cattrs.Converter, cls: type[Any]) -> Callable[[Any], Any]:
    """Make the function that unstructures a `cls` record to its form in the files (links as ids).

    Example:
        >>> import bkn_awards
        >>> from bkn_awards.award_record import Award
        >>> to_json = record_unstructurer(make_converter(), Award)
        >>> award = bkn_awards.awards(year=2020, institution="Kota Malang")[0]
        >>> to_json(award)["institution"], to_json(award)["rank"]
        ('kota-malang', 1)

    .. versionadded:: 0.1.0
    """
    return make_dict_unstructure_fn(cls, converter)


def _record_id(record: Any) -> str:
    identifier: str = record.id
    return identifier


def _shared_strings() -> Callable[[Any, Any], str]:
    # Labels, groups and names repeat across thousands of records: keep one copy of each.
    seen: dict[str, str] = {}

    def structure(value: Any, _type: Any) -> str:
        if type(value) is not str:
            raise TypeError(f"expected str, got {type(value).__name__}")
        return seen.setdefault(value, value)

    return structure


def _shared_citations(_type: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Citation]:
    # Made anew whenever links change (cattrs then forgets its hooks), so the Source link in
    # `structure` is always the current one. Identical citations become one shared object.
    structure = make_dict_structure_fn(Citation, converter, _cattrs_forbid_extra_keys=True)
    seen: dict[tuple[Any, ...], Citation] = {}

    def share(value: Any, _type: Any) -> Citation:
        key = _citation_key(value)
        found = None if key is None else seen.get(key)
        if found is not None:
            return found
        # Not seen, or not exactly well-formed: the full path checks it and says what is wrong.
        citation = structure(value, Citation)
        seen[(citation.source.id, *citation.paragraphs)] = citation
        return citation

    return share


def _citation_key(value: Any) -> tuple[Any, ...] | None:
    """The sharing key of a raw citation that has exactly the fields and types of one, else None.

    Strict on purpose: ``True`` equals ``1`` and an extra field changes no key, so a looser test
    would let a malformed citation pass as a copy of a good one seen before.
    """
    if type(value) is not dict or len(value) != 2:
        return None
    source, paragraphs = value.get("source"), value.get("paragraphs")
    if type(source) is not str or type(paragraphs) is not list:
        return None
    if not all(type(paragraph) is int for paragraph in paragraphs):
        return None
    return (source, *paragraphs)


def _is_tuple_of_any(type_: Any) -> bool:
    return is_sequence(type_) and getattr(type_, "__origin__", None) is tuple


def _list_to_tuple_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    item_type = type_.__args__[0]
    item = converter.get_structure_hook(item_type)
    explained = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: Any, type_: Any) -> Any:
        # Without this check a string would be taken as a tuple of its characters.
        if type(value) is not list:
            raise TypeError(f"expected a list, got {type(value).__name__}")
        try:
            return tuple([item(v, item_type) for v in value])
        except Exception:
            return explained(value, type_)

    return structure


def _is_optional_link_or_string(type_: Any) -> bool:
    args: tuple[Any, ...] = getattr(type_, "__args__", ())
    return len(args) == 2 and args[1] is type(None) and args[0] in (str, int, *LINKED_TYPES)


def _optional_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # cattrs' general Optional hook looks the inner hook up on every call; bind it once.
    inner_type = type_.__args__[0]
    inner = converter.get_structure_hook(inner_type)

    def structure(value: Any, _type: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure
