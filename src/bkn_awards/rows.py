"""Records as flat rows and text: one value a column, for tables, CSV, JSON, pandas and sheets."""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from bkn_awards.entities import Citation, plain
from bkn_awards.model import Award, unwrap_optional

__all__ = [
    "aligned",
    "cell_text",
    "column_types",
    "display_columns",
    "flatten",
    "pandas_dtype",
    "sheet",
    "unflatten",
]


def aligned(rows: Sequence[Sequence[str]], width: int | None = None) -> list[str]:
    """Pad the cells of `rows` into aligned columns, two spaces apart (short rows allowed).

    With `width`, the widest columns are cut, their long cells ending in "…", until every line
    fits in `width` characters.

    Example:
        >>> aligned([["Year", "Rank"], ["2020", "1"]])
        ['Year  Rank', '2020  1']
        >>> aligned([["Name", "Rank"], ["Pemerintah Kota Mojokerto", "2"]], width=20)
        ['Name            Rank', 'Pemerintah Ko…  2']
    """
    widths = [max(len(row[i]) for row in rows if len(row) > i) for i in range(len(rows[0]))]
    while width is not None and sum(widths) + 2 * (len(widths) - 1) > width:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _NARROWEST:
            break
        widths[widest] -= 1
    return [
        "  ".join(_cut(c, w).ljust(w) for c, w in zip(row, widths, strict=False)).rstrip()
        for row in rows
    ]


# A column is cut no narrower than this: a few letters and "…" still say what a cell was.
_NARROWEST = 6


def _cut(cell: str, width: int) -> str:
    return cell if len(cell) <= width else cell[: width - 1] + "…"


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
    """Turn a record into a flat row: links become ids, tuples lists, citations four lists.

    ``sources``, ``source_titles``, ``paragraphs`` and ``parts`` give each citation's source id,
    title, paragraphs and part, in order. An award row also carries its institution's name, kind
    and code, its category's name and theme, its event's date and its first publication day.

    Example:
        >>> import bkn_awards
        >>> row = flatten(bkn_awards.awards(year=2022, institution="Pemkab Mojokerto")[0])
        >>> row["institution"], row["rank"], row["sources"], row["paragraphs"]
        ('kab-mojokerto', None, ['surabayapagi-2022-pemkab-mojokerto', 'bangsaonline-2022-pemkab-mojokerto'], [[1, 5, 6], [2, 3]])
    """  # noqa: E501
    row: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "citations":
            row.update(_citations(value))
        else:
            row[field.name] = plain(value)
    if isinstance(record, Award):
        row.update({name: get(record) for name, (_, _, get) in _AWARD_EXTRAS.items()})
    return row


def unflatten(record_type: type[Any], row: Mapping[str, str]) -> dict[str, Any]:
    """Turn a CSV row of `flatten` back into the record as the data files write it.

    Empty cells are ``None``, lists JSON arrays, and the citations come from the ``sources``
    and ``paragraphs`` columns; the columns a row carries for reading only (names beside ids,
    ``source_titles``) are left out. A cell that does not read as its type stays text, for the
    decoder to name.

    Example:
        >>> from bkn_awards.model import Award
        >>> row = {"id": "a", "rank": "2", "sources": '["s"]', "paragraphs": "[[4, 5]]"}
        >>> unflatten(Award, row)
        {'id': 'a', 'rank': 2, 'citations': [{'source': 's', 'paragraphs': [4, 5], 'part': None}]}
    """
    attrs.resolve_types(record_type)
    raw: dict[str, Any] = {}
    for field in attrs.fields(record_type):
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
    try:
        return json.loads(cell)
    except ValueError:
        return cell


def display_columns(record_type: type[Any]) -> list[tuple[str, Callable[[Any], str]]]:
    """The few columns a table of `record_type` shows a reader, with how to write each cell."""
    if record_type is Award:
        return [
            ("Id", lambda a: a.id),
            ("Year", lambda a: str(a.year)),
            ("Institution", lambda a: a.institution.name),
            ("Category", lambda a: a.category.name if a.category else "-"),
            ("Rank", lambda a: "-" if a.rank is None else str(a.rank)),
            ("Source", lambda a: "; ".join(_source_line(c.source) for c in a.citations)),
        ]
    shown = [f.name for f in attrs.fields(record_type) if f.name != "citations"][:5]
    return [(name.replace("_", " ").capitalize(), _text_of(name)) for name in shown]


def _text_of(name: str) -> Callable[[Any], str]:
    def text(record: Any) -> str:
        value = plain(getattr(record, name))
        if isinstance(value, list):
            return "; ".join(map(str, value)) or "-"
        return "-" if value is None else str(value)

    return text


def _citations(citations: tuple[Citation, ...]) -> dict[str, list[Any]]:
    return {
        "sources": [c.source.id for c in citations],
        "source_titles": [c.source.title for c in citations],
        "paragraphs": [list(c.paragraphs) for c in citations],
        "parts": [c.part for c in citations],
    }


def _first_published(citations: tuple[Citation, ...]) -> dt.date | None:
    dates = [c.source.published_on for c in citations if c.source.published_on is not None]
    return min(dates) if dates else None


def _source_line(source: Any) -> str:
    published = source.published_on.isoformat() if source.published_on else "undated"
    title = source.title or source.url or f"untitled ({source.id})"
    return f"{title} ({source.publisher or 'publisher not named'}, {published})"


def column_types(record_type: type[Any]) -> dict[str, tuple[type[Any], bool]]:
    """For each column of `record_type`'s flat rows: the type of its values, and if it may be None.

    Links are text, tuples and citations lists, enums `enum.Enum` (their values are text). This
    is what DataFrame dtypes and Table Schema field types are made from.

    Example:
        >>> from bkn_awards.model import Award
        >>> column_types(Award)["rank"], column_types(Award)["year"]
        ((<class 'int'>, True), (<class 'int'>, False))
    """
    attrs.resolve_types(record_type)
    types: dict[str, tuple[type[Any], bool]] = {}
    for field in attrs.fields(record_type):
        if field.name == "citations":
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
        return json.dumps(value, ensure_ascii=False)
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def sheet(award: Award) -> list[str]:
    """An award with every field and citation spelled out, one labelled line each.

    Example:
        >>> import bkn_awards
        >>> sheet(bkn_awards.award("2020-kab-sidoarjo-penilaian-kompetensi"))[7]
        'as reported   Juara Pertama'
    """
    institution, category, recipient = award.institution, award.category, award.recipient
    lines = [
        ("id", award.id),
        ("year", str(award.year)),
        ("institution", f"{institution.name} ({institution.id})"),
        ("kind", institution.kind.value),
        ("region code", institution.region_code or "-"),
        ("category", f"{category.name} ({category.id})" if category else "not reported"),
        ("rank", "-" if award.rank is None else str(award.rank)),
        ("as reported", award.rank_label),
        ("group", award.group or "-"),
        ("event", _event_line(award)),
        ("received by", f"{recipient.name}, {recipient.position}" if recipient else "-"),
    ]
    for number, citation in enumerate(award.citations, start=1):
        source = citation.source
        lines += [
            (f"source {number}", f"{source.title or '(no headline)'} [{source.id}]"),
            ("  publisher", source.publisher or "not named in the text"),
            ("  published", cell_text(source.published or source.published_on or "-")),
            ("  where", ", ".join(map(str, citation.paragraphs)) or citation.part or "-"),
            ("  address", source.url or "-"),
            ("  sha256", f"{source.sha256} ({source.filename})" if source.sha256 else "-"),
        ]
    width = max(len(label) for label, _ in lines)
    return [f"{label.ljust(width)}  {value}" for label, value in lines]


def _event_line(award: Award) -> str:
    event = award.event
    if event is None:
        return "-"
    date = "undated" if event.date is None else event.date.isoformat()
    if event.date_inferred:
        date += " (inferred)"
    place = ", ".join(p for p in (event.venue, event.city) if p) or "place not reported"
    return f"{event.kind.value}, {date}, {place} ({event.id})"
