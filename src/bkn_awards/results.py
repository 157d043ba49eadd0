"""Query results: tuples of records that print as tables, and the flat rows they convert to."""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from bkn_awards.entities import Citation, plain
from bkn_awards.model import Award, unwrap_optional

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Records",
    "aligned",
    "cell_text",
    "column_types",
    "display_columns",
    "flatten",
    "pandas_dtype",
]

T = TypeVar("T")

# As pandas does: a long result shows its head and tail around a count of what is left out.
_HEAD = _TAIL = 10


class Records(tuple[T, ...], Generic[T]):
    """The records a query returns: an immutable tuple that also shows itself as a table.

    In a REPL it prints as an aligned text table, in Jupyter as an HTML table (long results are
    cut to their first and last rows, with a count), and it converts to plain rows
    (`to_records`), JSON (`to_json`) or a pandas DataFrame (`to_pandas`).

    Example:
        >>> import bkn_awards
        >>> print(bkn_awards.awards(year=2020, rank=3))
        Year  Institution             Category              Rank  Source
        2020  Pemerintah Kota Madiun  penilaian kompetensi  3     Pemprov Jatim Terima Penghargaan BKN Award 2020 Untuk Dua Kategori (Wartatransparansi.com, undated)
        2020  Pemerintah Kota Kediri  Penilaian Kinerja     3     Pemprov Jatim Terima Penghargaan BKN Award 2020 Untuk Dua Kategori (Wartatransparansi.com, undated)
        [2 awards]

    .. versionadded:: 0.1.0
    """  # noqa: E501

    __slots__ = ()

    def __repr__(self) -> str:
        # A REPL shows a result as its table; str() does too (tuple's str is its repr).
        return self._text()

    def _repr_html_(self) -> str:
        """Render as an HTML table in Jupyter."""
        import html  # only notebooks need it: not worth its import time on every start

        headers, rows, hidden = self._table()
        out = ["<table>", "<thead><tr>"]
        out += [f"<th>{html.escape(h)}</th>" for h in headers]
        out.append("</tr></thead><tbody>")
        for row in rows:
            if row is None:
                out.append(f'<tr><td colspan="{len(headers)}">&hellip; {hidden} more</td></tr>')
            else:
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        out.append(f"</tbody></table><p>{html.escape(self._count())}</p>")
        return "".join(out)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one plain dict a record, with flat columns (see the data dictionary).

        Example:
            >>> import bkn_awards
            >>> bkn_awards.awards(year=2020, rank=3).to_records()[0]["institution_name"]
            'Pemerintah Kota Madiun'

        .. versionadded:: 0.1.0
        """
        return [flatten(record) for record in self]

    def to_json(self, *, indent: int | None = None) -> str:
        """Return the flat rows as a JSON array; dates and times are ISO 8601 text.

        Example:
            >>> import bkn_awards
            >>> import json
            >>> json.loads(bkn_awards.awards(year=2020, rank=3).to_json())[1]["category_name"]
            'Penilaian Kinerja'

        .. versionadded:: 0.1.0
        """
        return json.dumps(self.to_records(), ensure_ascii=False, indent=indent, default=cell_text)

    def to_pandas(self) -> pandas.DataFrame:
        """Return a pandas DataFrame, one row a record, with typed columns.

        Whole numbers are ``int64`` (``Int64`` where a value may be missing, as a rank),
        dates and times ``datetime64`` (times in UTC), kinds ``category``, and the rest text.

        Raises:
            ImportError: pandas is not installed; ``python -m pip install pandas``.

        .. versionadded:: 0.1.0
        """
        try:
            import pandas
        except ImportError as error:
            raise ImportError("to_pandas() needs pandas: python -m pip install pandas") from error
        rows = self.to_records()
        frame = pandas.DataFrame(rows)
        for name, (kind, optional) in column_types(type(self[0])).items() if self else ():
            # From the Python values: the frame's guess (float for ints beside None) loses digits.
            column: Any = pandas.Series([row[name] for row in rows], dtype=object)
            dtype = pandas_dtype(kind, optional)
            if dtype.startswith("datetime64"):
                column = pandas.to_datetime(column, utc="UTC" in dtype)
            frame[name] = column.astype(dtype)
        return frame

    def _count(self) -> str:
        noun = type(self[0]).__name__.lower() if self else "record"
        if len(self) != 1:
            noun = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
        return f"[{len(self)} {noun}]"

    def _table(self) -> tuple[list[str], list[list[str] | None], int]:
        if not self:
            return [], [], 0
        columns = display_columns(type(self[0]))
        hidden = max(0, len(self) - _HEAD - _TAIL)
        shown: Iterable[Any] = self if not hidden else [*self[:_HEAD], None, *self[-_TAIL:]]
        rows = [None if r is None else [cell(r) for _, cell in columns] for r in shown]
        return [name for name, _ in columns], rows, hidden

    def _text(self) -> str:
        headers, rows, hidden = self._table()
        if not headers:
            return "[no records]"
        cells = [headers, *(row if row is not None else [f"... {hidden} more"] for row in rows)]
        return "\n".join([*aligned(cells), self._count()])


def aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """Pad the cells of `rows` into aligned columns, two spaces apart (short rows allowed).

    Example:
        >>> aligned([["Year", "Rank"], ["2020", "1"]])
        ['Year  Rank', '2020  1']
    """
    widths = [max(len(row[i]) for row in rows if len(row) > i) for i in range(len(rows[0]))]
    return [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in rows
    ]


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
    "category_name": (str, False, lambda a: a.category.name),
    "category_number": (int, True, lambda a: a.category.number),
    "event_date": (dt.date, True, lambda a: a.event.date if a.event else None),
    "first_published": (dt.datetime, True, lambda a: _first_published(a.citations)),
}


def flatten(record: Any) -> dict[str, Any]:
    """Turn a record into a flat row: links become ids, citations three text columns.

    ``sources`` lists the cited source ids, ``source_titles`` their titles and ``paragraphs``
    the paragraph numbers, each joined with ``"; "`` in the same order. Award rows also carry
    the institution's name, kind and region code, the category's name and number, the event's
    date and the earliest publication time among the sources.

    Example:
        >>> import bkn_awards
        >>> row = flatten(bkn_awards.awards(year=2022, institution="Pemkab Mojokerto")[0])
        >>> row["institution"], row["rank"], row["sources"], row["paragraphs"]
        ('kab-mojokerto', None, 'surabayapagi-2022-pemkab-mojokerto; bangsaonline-2022-pemkab-mojokerto', '1, 5, 6; 2, 3')
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


def display_columns(record_type: type[Any]) -> list[tuple[str, Callable[[Any], str]]]:
    """The few columns a table of `record_type` shows a reader, with how to write each cell."""
    if record_type is Award:
        return [
            ("Year", lambda a: str(a.year)),
            ("Institution", lambda a: a.institution.name),
            ("Category", lambda a: a.category.name),
            ("Rank", lambda a: "-" if a.rank is None else str(a.rank)),
            ("Source", lambda a: "; ".join(_source_line(c.source) for c in a.citations)),
        ]
    shown = [f.name for f in attrs.fields(record_type) if f.name != "citations"][:5]
    return [(name.replace("_", " ").capitalize(), _text_of(name)) for name in shown]


def _text_of(name: str) -> Callable[[Any], str]:
    def text(record: Any) -> str:
        value = plain(getattr(record, name))
        return "-" if value is None else str(value)

    return text


def _citations(citations: tuple[Citation, ...]) -> dict[str, str]:
    return {
        "sources": "; ".join(c.source.id for c in citations),
        "source_titles": "; ".join(c.source.title or "" for c in citations),
        "paragraphs": "; ".join(", ".join(map(str, c.paragraphs)) for c in citations),
    }


def _first_published(citations: tuple[Citation, ...]) -> dt.datetime | None:
    dates = [c.source.published for c in citations if c.source.published is not None]
    return min(dates) if dates else None


def _source_line(source: Any) -> str:
    published = source.published.date().isoformat() if source.published else "undated"
    title = source.title or f"untitled ({source.id})"
    return f"{title} ({source.publisher or 'publisher not named'}, {published})"


def column_types(record_type: type[Any]) -> dict[str, tuple[type[Any], bool]]:
    """For each column of `record_type`'s flat rows: the type of its values, and if it may be None.

    Links, tuples and citations are text; enums are `enum.Enum` (their values are text). This is
    what DataFrame dtypes and Table Schema field types are made from.

    Example:
        >>> from bkn_awards.model import Award
        >>> column_types(Award)["rank"], column_types(Award)["year"]
        ((<class 'int'>, True), (<class 'int'>, False))
    """
    attrs.resolve_types(record_type)
    types: dict[str, tuple[type[Any], bool]] = {}
    for field in attrs.fields(record_type):
        if field.name == "citations":
            types.update(sources=(str, False), source_titles=(str, True), paragraphs=(str, False))
            continue
        kind, optional = unwrap_optional(field.type)
        if typing.get_origin(kind) is tuple:  # joined into one text cell, empty for ()
            kind, optional = str, True
        elif attrs.has(kind):
            kind = str
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            kind = enum.Enum
        types[field.name] = (kind, optional)
    if record_type is Award:
        types.update({name: (kind, opt) for name, (kind, opt, _) in _AWARD_EXTRAS.items()})
    return types


def cell_text(value: Any) -> str:
    """Write a flat cell as text: dates and times in ISO 8601, the rest as `str` writes them.

    Example:
        >>> cell_text(dt.datetime(2022, 8, 11, 18, 36, tzinfo=dt.timezone(dt.timedelta(hours=7))))
        '2022-08-11T18:36:00+07:00'
    """
    return value.isoformat() if isinstance(value, dt.date) else str(value)
