"""Query results: tuples of records that print as tables and convert to rows, JSON and pandas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, SupportsIndex, TypeVar, overload

from bkn_awards.consistency import Claim, Conflict
from bkn_awards.rows import cell_text, column_types, flatten, pandas_dtype
from bkn_awards.tables import Column, display_columns, fitted, terminal_width

if TYPE_CHECKING:
    import pandas

__all__ = ["Records"]

T = TypeVar("T")

# As pandas does: a long result shows its head and tail around a count of what is left out.
_HEAD = _TAIL = 10


class Records(tuple[T, ...], Generic[T]):
    """The records a query returns: an immutable tuple that also shows itself as a table.

    Printed, it is an aligned text table of every record, fitted to the terminal (short names,
    a category's theme, long texts cut with "..."; a record a block of lines where a row would not
    fit). In a REPL a long result shows its first and last ten, and says how many there are; in
    Jupyter it is an HTML table, cut the same way. `table` lays it out for any width, and it
    converts to plain rows (`to_records`), JSON (`to_json`) or a pandas DataFrame (`to_pandas`).

    Example:
        >>> import bkn_awards
        >>> print(bkn_awards.awards(year=2020, rank=3, theme="competency").table(width=80))
        Year  Institution  Theme       Group   Rank  Outlet
        2020  Kota Madiun  competency  cities  3     Wartatransparansi.com +2
        [1 award]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       Printed, a result shows every record and fits the terminal; a REPL's view is cut.
    """

    #: Why an empty answer is empty, where the query can tell (a region with no awards in the
    #: data, a year with no edition), else ``None``.
    note: str | None = None

    @classmethod
    def noted(cls, records: Iterable[T], note: str | None) -> Records[T]:
        """Make records with a `note` saying why there are none.

        .. versionadded:: 0.2.0
        """
        made = cls(records)
        made.note = note
        return made

    def __repr__(self) -> str:
        # A REPL shows a long result cut, and says how to see all of it.
        if len(self) <= _HEAD + _TAIL:
            return str(self)
        table = self.table(terminal_width(), rows=_HEAD + _TAIL, count=False)
        return f"{table}\n{self._count()[:-1]}; print() shows all]"

    def __str__(self) -> str:
        return self.table(terminal_width())

    @overload
    def __getitem__(self, index: SupportsIndex) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Records[T]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> T | Records[T]:
        if isinstance(index, slice):
            return Records(super().__getitem__(index))
        return super().__getitem__(index)

    def __add__(self, other: tuple[T, ...]) -> Records[T]:  # type: ignore[override]
        return Records((*self, *other))

    def table(
        self, width: int | None = None, *, rows: int | None = None, count: bool = True
    ) -> str:
        """Return the records as an aligned text table, with a line counting them.

        Args:
            width: Fit the table in this many characters, as a terminal of that width shows
                it: its columns chosen for a reader (an institution's short name, a category's
                theme, an outlet), columns that do not fit given up, long texts cut with "...",
                and a record a block of ``label  value`` lines where the columns it needs do not
                fit. ``None`` for the wide table: every column, every cell whole.
            rows: Show at most this many records, the first and last halves, around a line
                counting those left out; ``None`` for every record.
            count: End with the line counting the records (``[12 awards]``).

        Example:
            >>> import bkn_awards
            >>> print(bkn_awards.awards(year=2020, rank=1, theme="competency").table(width=40))
            id           2020-kab-sidoarjo-
                         kompetensi
            year         2020
            institution  Kab. Sidoarjo
            theme        competency
            group        regencies
            rank         1
            outlet       Wartatransparansi.com +1
            <BLANKLINE>
            id           2020-pemprov-jateng-
                         kompetensi
            year         2020
            institution  Prov. Jawa Tengah
            theme        competency
            group        -
            rank         1
            outlet       ganjarpranowo.com
            [2 awards]

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Fits a width by choosing columns, and by blocks; `rows` and `count`.
        """
        if not self:
            return f"[no records: {self.note}]" if self.note else "[no records]"
        shown: list[Any] = list(self)
        hidden = 0 if rows is None else max(0, len(self) - max(rows, 2))
        if hidden:
            head = (len(self) - hidden + 1) // 2
            shown = [*self[:head], None, *self[head + hidden :]]
        lines = fitted(
            list(_rows(shown)), _columns(type(self[0]), width is not None), width, hidden=hidden
        )
        return "\n".join([*lines, self._count()] if count else lines)

    def _repr_html_(self) -> str:
        """Render as an HTML table in Jupyter."""
        import html  # only notebooks need it: not worth its import time on every start

        if not self:
            return f"<p>{html.escape(self.table())}</p>"
        columns = _columns(type(self[0]), fitted=False)
        hidden = max(0, len(self) - _HEAD - _TAIL)
        shown: Iterable[Any] = self if not hidden else [*self[:_HEAD], None, *self[-_TAIL:]]
        out = ["<table>", "<thead><tr>"]
        out += [f"<th>{html.escape(c.header)}</th>" for c in columns]
        out.append("</tr></thead><tbody>")
        for row in _rows(shown):
            if row is None:
                more = f"&hellip; {hidden} more: print() or .to_pandas() shows every row"
                out.append(f'<tr><td colspan="{len(columns)}">{more}</td></tr>')
            else:
                cells = "".join(
                    f"<td>{c.html(row) if c.html else html.escape(c.text(row))}</td>"
                    for c in columns
                )
                out.append(f"<tr>{cells}</tr>")
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
        return [_flat(record) for record in self]

    def to_json(self, *, indent: int | None = None) -> str:
        """Return the flat rows as a JSON array; dates and times are ISO 8601 text.

        Example:
            >>> import bkn_awards
            >>> import json
            >>> found = bkn_awards.awards(year=2020, rank=3, sort="data")
            >>> json.loads(found.to_json())[0]["category_name"]
            'Penilaian Kompetensi'

        .. versionadded:: 0.1.0
        """
        import json  # a query needs no JSON: only this conversion does

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
        for name, (kind, optional) in _column_types(type(self[0])).items() if self else ():
            # From the Python values: the frame's guess (float for ints beside None) loses digits.
            column: Any = pandas.Series([row[name] for row in rows], dtype=object)
            dtype = pandas_dtype(kind, optional)
            if dtype.startswith("datetime64"):
                column = pandas.to_datetime(column, utc="UTC" in dtype)
            frame[name] = column.astype(dtype)
        return frame

    def _count(self) -> str:
        singular, plural = _NOUNS.get(type(self[0]).__name__ if self else "", (None, None))
        noun = singular or (type(self[0]).__name__.lower() if self else "record")
        if len(self) != 1:
            noun = plural or (
                noun[:-1] + "ies"
                if noun.endswith("y")
                else noun + "es"
                if noun.endswith(("ch", "s", "x"))
                else noun + "s"
            )
        return f"[{len(self)} {noun}]"


# By the class's name: the classes of coverage are imported by what makes them, not by every start.
_NOUNS = {
    "Coverage": ("reported count", "reported counts"),
    "EditionTotals": ("edition", "editions"),
}


def _rows(records: Iterable[Any]) -> Iterator[Any]:
    """The rows of a table of `records`: a conflict has a row for each claim."""
    for record in records:
        if isinstance(record, Conflict):
            yield from ((record, claim) for claim in record.claims)
        else:
            yield record


def _columns(record_type: type[Any], fitted: bool) -> list[Column]:
    if record_type is not Conflict:
        return display_columns(record_type, fitted=fitted)
    return [
        Column("Subject", lambda row: row[0].subject, least=24),
        Column("Field", lambda row: row[0].field),
        Column("Value", lambda row: _value(row[1].value), names=_claimed if fitted else None),
        Column("Record", lambda row: row[1].record.id),
    ]


def _value(value: Any) -> str:
    return "-" if value is None else cell_text(value)


def _claimed(row: tuple[Conflict, Claim]) -> Any:
    """The institution a claim names, where the conflict is over who won."""
    conflict, claim = row
    return getattr(claim.record, "institution", None) if conflict.field == "institution" else None


def _flat(record: Any) -> dict[str, Any]:
    """A record as a flat row: a conflict's claims as lists."""
    if isinstance(record, Conflict):
        claims = record.claims
        return {
            "subject": record.subject,
            "field": record.field,
            "values": [_plain(claim.value) for claim in claims],
            "records": [claim.record.id for claim in claims],
            "sources": [[c.source.id for c in claim.citations] for claim in claims],
        }
    return flatten(record)


def _plain(value: Any) -> Any:
    """A claimed value as a flat cell: a date in ISO 8601, since a list's cell is JSON."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _column_types(record_type: type[Any]) -> dict[str, tuple[type[Any], bool]]:
    if record_type is Conflict:
        text, lists = (str, False), (list, False)
        return {"subject": text, "field": text, "values": lists, "records": lists, "sources": lists}
    return column_types(record_type)
