"""Query results: tuples of records that print as tables and convert to rows, JSON and pandas."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, SupportsIndex, TypeVar, overload

from bkn_awards.rows import cell_text, column_types, flatten, pandas_dtype
from bkn_awards.tables import aligned, display_columns

if TYPE_CHECKING:
    import pandas

__all__ = ["Records"]

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
        >>> print(bkn_awards.awards(year=2020, rank=3, theme="competency"))
        Id                                     Year  Institution             Category              Group   Rank  Source
        2020-kota-madiun-penilaian-kompetensi  2020  Pemerintah Kota Madiun  Penilaian Kompetensi  cities  3     Pemprov Jatim Terima Penghargaan BKN Award 2020 Untuk Dua Kategori (Wartatransparansi.com, 2021-04-02); Jatim Raih Dua Penghargaan dari BKN (Lenteratoday, 2021-04-01); Pemkot Madiun Raih BKN Award Kategori Penilaian Kompetensi (Satukanegeri, undated)
        [1 award]

    .. versionadded:: 0.1.0
    """  # noqa: E501

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
        # A REPL shows a result as its table; str() does too (tuple's str is its repr).
        return self.table()

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

    def table(self, width: int | None = None) -> str:
        """Return the records as an aligned text table, as a REPL shows them.

        Args:
            width: Cut the widest columns, their long cells ending in "…", until every line
                fits in this many characters; ``None`` for whole cells.

        Example:
            >>> import bkn_awards
            >>> print(bkn_awards.awards(year=2020, rank=3, theme="competency").table(width=60))
            Id        Year  Institu…  Category   Group   Rank  Source
            2020-ko…  2020  Pemerin…  Penilaia…  cities  3     Pemprov …
            [1 award]

        .. versionadded:: 0.1.0
        """
        headers, rows, hidden = self._table()
        if not headers:
            return f"[no records: {self.note}]" if self.note else "[no records]"
        cells = [headers, *(row if row is not None else [f"... {hidden} more"] for row in rows)]
        return "\n".join([*aligned(cells, width), self._count()])

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
            >>> json.loads(bkn_awards.awards(year=2020, rank=3).to_json())[0]["category_name"]
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
