"""Records as flat rows: one value a column, for CSV, JSON, pandas and a Data Package's tables."""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from bkn_awards.layout import unwrap_optional
from bkn_awards.records import Award, Citation, data_fields, plain

__all__ = ["cell_text", "column_types", "flatten", "pandas_dtype", "unflatten"]


def pandas_dtype(kind: type[Any], optional: bool) -> str:
    """The pandas dtype of a flat column whose values are `kind` (``None`` too if `optional`).

    Example:
        >>> pandas_dtype(int, optional=True), pandas_dtype(int, optional=False)
        ('Int64', 'int64')
    """
    # Each kind's dtype without missing values, and with them.
    dtypes = {
        bool: ("bool", "boolean"),
        int: ("int64", "Int64"),
        dt.datetime: ("datetime64[ns, UTC]",) * 2,
        dt.date: ("datetime64[ns]",) * 2,
        enum.Enum: ("category",) * 2,
    }
    return dtypes.get(kind, ("object", "object"))[optional]


# Extra columns an award row carries so that it reads (and groups) without joins: for each,
# the type of its values, whether it may be None, and how to get it.
_AWARD_EXTRAS: dict[str, tuple[type[Any], bool, Callable[[Award], Any]]] = {
    "institution_name": (str, False, lambda a: a.institution.name),
    "institution_kind": (enum.Enum, False, lambda a: a.institution.kind.value),
    "region_code": (str, True, lambda a: a.institution.region_code),
    "category_name": (str, True, lambda a: a.category and a.category.name),
    "category_theme": (enum.Enum, True, lambda a: a.category and a.category.theme.value),
    "event_date": (dt.date, True, lambda a: a.event.date if a.event else None),
    "first_published": (dt.date, True, lambda a: _first_published(a.citations)),
}


def flatten(record: Any) -> dict[str, Any]:
    """Turn a record into a flat row: links become ids, tuples lists, citations five lists.

    ``sources``, ``source_titles``, ``source_urls``, ``paragraphs`` and ``parts`` give each
    citation's source id, title, address, paragraphs and part, in order. An award's placings
    become its agreed ``rank`` (empty where the reports disagree), every rank reported
    (``ranks``), their words (``rank_label``), ``disputed``, the citations of them all, and
    ``placings``, each reading as the data files write it. An award row also carries its
    institution's name, kind and code, its category's name and theme, its group, its event's date
    and its first publication day.

    Example:
        >>> import bkn_awards
        >>> row = flatten(bkn_awards.awards(year=2022, institution="Pemkab Mojokerto")[0])
        >>> row["institution"], row["rank"], row["sources"], row["paragraphs"]
        ('kab-mojokerto', None, ['surabayapagi-2022-pemkab-mojokerto', 'bangsaonline-2022-pemkab-mojokerto'], [[1, 5, 6], [2, 3]])
    """  # noqa: E501
    row: dict[str, Any] = {}
    for field in data_fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "citations":
            row.update(_citations(value))
        elif field.name == "placings":
            row.update(_placings(record))
        else:
            row[field.name] = plain(value)
    if isinstance(record, Award):
        row.update({name: get(record) for name, (_, _, get) in _AWARD_EXTRAS.items()})
    return row


def unflatten(record_type: type[Any], row: Mapping[str, str]) -> dict[str, Any]:
    """Turn a CSV row of `flatten` back into the record as the data files write it.

    Empty cells are ``None``, lists JSON arrays, and the citations come from the ``sources``
    and ``paragraphs`` columns (an award's from its ``placings``); the columns a row carries for
    reading only (names beside ids, ``source_titles``, ``ranks``) are left out. A cell that does
    not read as its type stays text, for the decoder to name.

    Example:
        >>> from bkn_awards.records import Edition
        >>> row = {"id": "2020", "number": "6", "sources": '["s"]', "paragraphs": "[[4, 5]]"}
        >>> unflatten(Edition, row)
        {'id': '2020', 'number': 6, 'citations': [{'source': 's', 'paragraphs': [4, 5], 'part': None}]}
    """  # noqa: E501
    attrs.resolve_types(record_type)
    raw: dict[str, Any] = {}
    for field in data_fields(record_type):
        if field.name == "citations" and {"sources", "paragraphs"} <= row.keys():
            sources, paragraphs = _from_json(row["sources"]), _from_json(row["paragraphs"])
            pairs = isinstance(sources, list) and isinstance(paragraphs, list)
            parts = _from_json(row.get("parts", "null"))
            if pairs and len(sources) == len(paragraphs):
                if not isinstance(parts, list) or len(parts) != len(sources):
                    parts = [None] * len(sources)
                cited = zip(sources, paragraphs, parts, strict=True)
                sources = [{"source": s, "paragraphs": p, "part": t} for s, p, t in cited]
            raw["citations"] = sources
        elif field.name == "placings" and "placings" in row:
            raw["placings"] = _from_json(row["placings"])
        elif field.name in row:
            raw[field.name] = _from_cell(unwrap_optional(field.type)[0], row[field.name])
    return raw


def _from_cell(kind: Any, cell: str) -> Any:
    if typing.get_origin(kind) is tuple:
        return _from_json(cell)
    if cell == "":
        return None
    if kind is int and cell.lstrip("-").isdigit() and cell.isascii():
        return int(cell)
    return {"True": True, "False": False}.get(cell, cell) if kind is bool else cell


def _from_json(cell: str) -> Any:
    import json  # a query needs no JSON: only rows read back from CSV do

    try:
        return json.loads(cell)
    except ValueError:
        return cell


def _citations(citations: tuple[Citation, ...]) -> dict[str, list[Any]]:
    return {
        "sources": [c.source.id for c in citations],
        "source_titles": [c.source.title for c in citations],
        "source_urls": [c.source.url for c in citations],
        "paragraphs": [list(c.paragraphs) for c in citations],
        "parts": [c.part for c in citations],
    }


# The columns an award's placings become, with the type of each and whether it may be None.
_PLACING_COLUMNS: dict[str, tuple[type[Any], bool]] = {
    "rank": (int, True),
    "ranks": (list, False),
    "rank_label": (str, False),
    "disputed": (bool, False),
    "placings": (list, False),
}


def _placings(award: Award) -> dict[str, Any]:
    readings = [
        {
            "rank": p.rank,
            "rank_label": p.rank_label,
            "category": p.category and p.category.id,
            "citations": [
                {"source": c.source.id, "paragraphs": list(c.paragraphs), "part": c.part}
                for c in p.citations
            ],
        }
        for p in award.placings
    ]
    return {
        "rank": award.rank,
        "ranks": list(award.ranks),
        "rank_label": award.rank_label,
        "disputed": award.disputed,
        "placings": readings,
        **_citations(award.citations),
    }


def _first_published(citations: tuple[Citation, ...]) -> dt.date | None:
    dates = [c.source.published_on for c in citations if c.source.published_on is not None]
    return min(dates) if dates else None


def column_types(record_type: type[Any]) -> dict[str, tuple[type[Any], bool]]:
    """For each column of `record_type`'s flat rows: the type of its values, and if it may be None.

    Links are text, tuples and citations lists, enums `enum.Enum` (their values are text). This
    is what DataFrame dtypes and Table Schema field types are made from.

    Example:
        >>> from bkn_awards.records import Award
        >>> column_types(Award)["rank"], column_types(Award)["year"]
        ((<class 'int'>, True), (<class 'int'>, False))
    """
    attrs.resolve_types(record_type)
    types: dict[str, tuple[type[Any], bool]] = {}
    for field in data_fields(record_type):
        if field.name in ("citations", "placings"):
            types.update(_PLACING_COLUMNS if field.name == "placings" else {})
            types.update(dict.fromkeys(_citations(()), (list, False)))
            continue
        kind, optional = unwrap_optional(field.type)
        if typing.get_origin(kind) is tuple:  # a list, empty for ()
            kind, optional = list, False
        elif attrs.has(kind):
            kind = str
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            kind = enum.Enum
        types[field.name] = (kind, optional)
    if record_type is Award:
        types.update({name: (kind, opt) for name, (kind, opt, _) in _AWARD_EXTRAS.items()})
    return types


def cell_text(value: Any) -> str:
    """Write a flat cell as text: dates and times in ISO 8601, lists as JSON arrays.

    Example:
        >>> cell_text(dt.datetime(2022, 8, 11, 18, 36, tzinfo=dt.timezone(dt.timedelta(hours=7))))
        '2022-08-11T18:36:00+07:00'
        >>> cell_text(["Kab. Sidoarjo", "Pemkab Sidoarjo"])
        '["Kab. Sidoarjo", "Pemkab Sidoarjo"]'
    """
    if isinstance(value, list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return value.isoformat() if isinstance(value, dt.date) else str(value)
