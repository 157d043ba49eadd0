r"""Records as text for a terminal: aligned tables of a few columns, and one award spelled out.

A table has two sets of columns. Without a width (`--wide`, a pipe, a file) it shows its wide
columns, every cell whole. Given a width (a terminal), it shows columns chosen for a reader:
short names (``"Kab. Sleman"``, ``"Prov. Jawa Tengah"``, ``"BKN"``), a category's theme, an
outlet; a column that does not fit is given up (an award's id first), a long text is cut with
"...", and a name, an id or a number never is. Where even the columns a row needs do not fit,
each record is a block of ``label  value`` lines, its values wrapped, never cut (as ``psql \x``).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from bkn_awards.lazy import Lazy
from bkn_awards.records import (
    Alias,
    Award,
    Category,
    Edition,
    Event,
    Institution,
    Official,
    Source,
    Tally,
    cited_html,
    plain,
)
from bkn_awards.rows import cell_text
from bkn_awards.vocabulary import KIND_WORDS, InstitutionKind

__all__ = [
    "Column",
    "aligned",
    "display_columns",
    "fitted",
    "outlets",
    "rank_cell",
    "sheet",
    "short_names",
    "terminal_width",
]


def aligned(rows: Sequence[Sequence[str]], width: int | None = None) -> list[str]:
    """Pad the cells of `rows` into aligned columns, two spaces apart (short rows allowed).

    With `width`, the widest columns are cut, their long cells ending in "...", until every line
    fits in `width` characters.

    Example:
        >>> aligned([["Year", "Rank"], ["2020", "1"]])
        ['Year  Rank', '2020  1']
        >>> aligned([["Name", "Rank"], ["Pemerintah Kota Mojokerto", "2"]], width=20)
        ['Name            Rank', 'Pemerintah...  2']
    """
    widths = [max(len(row[i]) for row in rows if len(row) > i) for i in range(len(rows[0]))]
    if width is not None:
        widths = _narrowed(widths, [min(w, _NARROWEST) for w in widths], width)
    return _padded(rows, widths)


# A column is cut no narrower than this: a few letters and "..." still say what a cell was.
_NARROWEST = 6


def _narrowed(widths: list[int], floors: Sequence[int], width: int) -> list[int]:
    """Take one character at a time off the widest column above its floor, until all fit."""
    widths = list(widths)
    while sum(widths) + 2 * (len(widths) - 1) > width:
        above = [i for i, w in enumerate(widths) if w > floors[i]]
        if not above:
            break
        widths[max(above, key=widths.__getitem__)] -= 1
    return widths


def _padded(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> list[str]:
    return [_line(row, widths) for row in rows]


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()


def _cut(cell: str, width: int) -> str:
    return cell if len(cell) <= width else cell[: width - len(_CUT)].rstrip() + _CUT


# What ends a cut cell: ASCII, as pandas has it, so that a terminal of any encoding shows it in
# three columns (and a tool counting bytes counts three).
_CUT = "..."


# --- The columns of a table ---------------------------------------------------------------------


class Column:
    """One column of a table: its header, its cells, and how it gives way to a narrow terminal.

    Attributes:
        header: The column's header, and a block's label (in lower case).
        text: The cell of a record (of a row, where a record spans several).
        least: A long cell is cut, ending in "...", to no fewer characters than this; ``None`` for
            a cell that is never cut (an id, a name, a number).
        drop: ``0`` for a column a row needs; else the column is given up where the table is
            too wide, the highest first (columns of the same number together).
        names: The institution a cell names, if it names one: the cell is then its short name,
            one no other institution of the table has (`short_names`); else the cell is `text`.
        html: The cell as HTML, where it has more than its text (links); else ``None``.
    """

    # A plain class: an attrs class would cost every start of the command line a millisecond.
    __slots__ = ("drop", "header", "html", "least", "names", "text")

    def __init__(
        self,
        header: str,
        text: Callable[[Any], str] = lambda _: "-",
        *,
        least: int | None = None,
        drop: int = 0,
        names: Callable[[Any], Institution | None] | None = None,
        html: Callable[[Any], str] | None = None,
    ) -> None:
        self.header = header
        self.text = text
        self.least = least
        self.drop = drop
        self.names = names
        self.html = html

    def __repr__(self) -> str:
        return f"Column({self.header!r}, least={self.least!r}, drop={self.drop!r})"


def display_columns(record_type: type[Any], *, fitted: bool = False) -> list[Column]:
    """The columns a table of `record_type` shows: wide (every cell whole), or `fitted`.

    Example:
        >>> [c.header for c in display_columns(Award)]
        ['Id', 'Year', 'Institution', 'Category', 'Group', 'Rank', 'Source']
        >>> [c.header for c in display_columns(Award, fitted=True)]
        ['Id', 'Year', 'Institution', 'Theme', 'Group', 'Rank', 'Outlet']
    """
    made = (_FITTED if fitted else _WIDE).get().get(record_type)
    if made is not None:
        return made()
    if not attrs.has(record_type):  # a plain value, or a tuple of them: one column
        return [Column("Value", _value_text, least=8)]
    shown = [f.name for f in attrs.fields(record_type) if f.name != "citations"][:5]
    return [
        Column(
            name.replace("_", " ").capitalize(),
            _text_of(name),
            least=None if name == "id" else 8,
            drop=int(fitted and name == "id"),
        )
        for name in shown
    ]


def _text_of(name: str) -> Callable[[Any], str]:
    def text(record: Any) -> str:
        value = plain(getattr(record, name))
        if isinstance(value, list):
            return "; ".join(map(str, value)) or "-"
        return "-" if value is None else cell_text(value)

    return text


def _value_text(value: Any) -> str:
    shown = plain(value)
    return "; ".join(map(str, shown)) if isinstance(shown, list) else cell_text(shown)


def _number(value: int | None) -> str:
    return "-" if value is None else str(value)


def _source_line(source: Source) -> str:
    published = source.published_on.isoformat() if source.published_on else "undated"
    title = source.title or source.url or f"untitled ({source.id})"
    return f"{title} ({source.publisher or 'publisher not named'}, {published})"


def outlets(record: Any) -> str:
    """The outlet of a record's first citation that names one, and how many other reports.

    Example:
        >>> import bkn_awards
        >>> outlets(bkn_awards.award("2022-kab-mojokerto-manajemen-asn"))
        'surabayapagi.com +1'
    """
    sources = list({c.source.id: c.source for c in record.citations}.values())
    named = [s.publisher for s in sources if s.publisher]
    first = named[0] if named else "outlet not named"
    return first + (f" +{len(sources) - 1}" if len(sources) > 1 else "")


def rank_cell(award: Award, *, fitted: bool = False) -> str:
    """An award's rank as a table shows it, every rank reported where reports disagree.

    A rank reports disagree on, or one that reports give another award too (`Award.contested`),
    is marked: with ``?`` in a `fitted` table, as a theme is.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2022, province="Jateng", rank=5)[0]
        >>> rank_cell(award), rank_cell(award, fitted=True)
        ('4/5 (disputed)', '4/5?')
    """
    ranks = award.ranks
    shown = "/".join(map(str, ranks)) or "-"
    if len(ranks) < 2 and not award.contested:  # one rank, and no other award claims it
        return shown
    return f"{shown}?" if fitted else f"{shown} (disputed)"


def _theme_cell(award: Award) -> str:
    """The theme of the award's category; where reports disagree, the first one's and ``?``.

    One word, so that `bkn-awards show YEAR INSTITUTION THEME` takes it as a table prints it.
    """
    categories = award.categories
    if not categories:
        return "-"
    return categories[0].theme.value + ("?" if len(categories) > 1 else "")


def _group_within_kind(award: Award) -> str:
    """The group without its kind's word where the institution's name gives the kind."""
    group = award.group
    if group is None:
        return "-"
    _kind, _, within = group.value.partition("-")
    return within or group.value


def _wide() -> dict[type[Any], Callable[[], list[Column]]]:
    from bkn_awards.completeness import Coverage

    return {
        Award: lambda: [
            Column("Id", lambda a: a.id),
            Column("Year", lambda a: str(a.year)),
            Column("Institution", lambda a: a.institution.name),
            Column("Category", lambda a: " or ".join(c.name for c in a.categories) or "-"),
            Column("Group", lambda a: a.group.value if a.group else "-"),
            Column("Rank", rank_cell),
            Column(
                "Source",
                lambda a: "; ".join(_source_line(c.source) for c in a.citations),
                html=lambda a: cited_html(a.citations),
            ),
        ],
        Event: lambda: [
            Column("Id", lambda e: e.id),
            Column("Year", lambda e: str(e.year)),
            Column("Kind", lambda e: e.kind.value),
            Column("Date", lambda e: e.date.isoformat() if e.date else "-"),
            Column("City", lambda e: e.city or "-"),
            Column("Venue", lambda e: e.venue or "-"),
        ],
        Tally: lambda: [
            Column("Id", lambda t: t.id),
            Column("Year", lambda t: str(t.year)),
            Column("Count", lambda t: _number(t.count)),
            Column("Description", lambda t: t.description),
        ],
        Coverage: _coverage_columns,
    }


def _coverage_columns(fitted: bool = False) -> list[Column]:
    return [
        Column("Year", lambda c: str(c.year)),
        Column("Tally", lambda c: c.tally.id, drop=1 if fitted else 0),
        Column("Reported", lambda c: _number(c.reported)),
        Column("Itemised", lambda c: str(c.itemised)),
        Column("Missing", lambda c: _number(c.missing)),
        Column(
            "Recipients reported", lambda c: _number(c.recipients_reported), drop=2 if fitted else 0
        ),
        Column(
            "Recipients itemised", lambda c: str(c.recipients_itemised), drop=2 if fitted else 0
        ),
        *([Column("Counted", lambda c: c.tally.description, least=24)] if fitted else []),
    ]


def _fitted() -> dict[type[Any], Callable[[], list[Column]]]:
    from bkn_awards.completeness import Coverage

    return {
        Award: lambda: [
            Column("Id", lambda a: a.id, drop=3),
            Column("Year", lambda a: str(a.year)),
            Column("Institution", names=lambda a: a.institution),
            Column("Theme", _theme_cell),
            Column("Group", _group_within_kind, drop=1),
            Column("Rank", lambda a: rank_cell(a, fitted=True)),
            Column("Outlet", outlets, least=12, drop=2),
        ],
        Institution: lambda: [
            Column("Id", lambda i: i.id, drop=1),
            Column("Name", names=lambda i: i),
            Column("Kind", lambda i: i.kind.value, drop=2),
            Column("Code", lambda i: i.region_code or "-"),
        ],
        Category: lambda: [
            Column("Id", lambda c: c.id, drop=2),
            Column("Year", lambda c: str(c.year)),
            Column("Theme", lambda c: c.theme.value),
            Column("Name", lambda c: c.name, least=20),
            Column("In English", lambda c: c.name_en, least=20, drop=1),
        ],
        Source: lambda: [
            Column("Id", lambda s: s.id, drop=1),
            Column("Published", lambda s: s.published_on.isoformat() if s.published_on else "-"),
            Column("Outlet", lambda s: s.publisher or "-", least=12),
            Column("Title", lambda s: s.title or s.url or "-", least=20),
        ],
        Event: lambda: [
            Column("Id", lambda e: e.id, drop=2),
            Column("Year", lambda e: str(e.year)),
            Column("Kind", lambda e: e.kind.value),
            Column("Date", lambda e: e.date.isoformat() if e.date else "-"),
            Column("City", lambda e: e.city or "-", least=10, drop=1),
        ],
        Tally: lambda: [
            Column("Id", lambda t: t.id, drop=1),
            Column("Year", lambda t: str(t.year)),
            Column("Count", lambda t: _number(t.count)),
            Column("Description", lambda t: t.description, least=20),
        ],
        Edition: lambda: [
            Column("Year", lambda e: str(e.year)),
            Column("Number", lambda e: _number(e.number)),
            Column("Categories", lambda e: _number(e.category_count)),
        ],
        Official: lambda: [
            Column("Id", lambda o: o.id, drop=1),
            Column("Name", lambda o: o.name),
            Column("Position", lambda o: o.position, least=16),
            Column("Institution", names=lambda o: o.institution),
        ],
        Coverage: lambda: _coverage_columns(fitted=True),
        # An earlier id is the point of the row: never given up (where it is too long, a block).
        Alias: lambda: [
            Column("Id", lambda a: a.id),
            Column("Award", lambda a: a.award.id),
            Column("Since", lambda a: a.since, drop=1),
            Column("Reason", lambda a: a.reason, least=12, drop=1),
        ],
    }


# Made on the first table: the classes of coverage are imported then, not by every start.
_WIDE = Lazy(_wide)
_FITTED = Lazy(_fitted)


# --- Short names --------------------------------------------------------------------------------

# A regional government's short name: its kind's short word before the region's name.
_SHORT_KINDS = {
    InstitutionKind.PROVINCE: "Prov.",
    InstitutionKind.REGENCY: "Kab.",
    InstitutionKind.CITY: "Kota",
}


def short_names(institutions: Iterable[Institution]) -> dict[str, str]:
    """A short name for each institution, by id, that none of the others has.

    A regional government is its kind's short word and its region's name (``"Kab. Sleman"``,
    ``"Kota Malang"``, ``"Prov. Jawa Tengah"``); a ministry or an agency its shortest alias no
    other has (``"BKN"``, ``"Kemenhub"``). Where two would still read alike, each has its full
    name. Each short name finds its institution again (`bkn_awards.institution`).

    Example:
        >>> import bkn_awards
        >>> found = short_names(bkn_awards.institutions())
        >>> found["kab-sidoarjo"], found["pemprov-jateng"], found["bkn"]
        ('Kab. Sidoarjo', 'Prov. Jawa Tengah', 'BKN')
    """
    every = {i.id: i for i in institutions}
    taken: dict[str, set[str]] = {}
    for institution in every.values():
        for name in (institution.name, *institution.aliases):
            taken.setdefault(name.casefold(), set()).add(institution.id)
    chosen = {i: _short_name(institution, taken) for i, institution in every.items()}
    alike = Counter(name.casefold() for name in chosen.values())
    chosen = {i: every[i].name if alike[n.casefold()] > 1 else n for i, n in chosen.items()}
    alike = Counter(name.casefold() for name in chosen.values())  # the same full names
    return {i: f"{n} ({i})" if alike[n.casefold()] > 1 else n for i, n in chosen.items()}


def _short_name(institution: Institution, taken: dict[str, set[str]]) -> str:
    kind = institution.kind
    if kind in _SHORT_KINDS:
        official = f"Pemerintah {KIND_WORDS[kind][0].title()} "
        if institution.name.startswith(official):
            return f"{_SHORT_KINDS[kind]} {institution.name[len(official) :]}"
    own = [a for a in institution.aliases if taken[a.casefold()] == {institution.id}]
    return min([institution.name, *own], key=len)


# --- Laying a table out -------------------------------------------------------------------------


def fitted(
    rows: Sequence[Any | None],
    columns: Sequence[Column],
    width: int | None,
    *,
    hidden: int = 0,
) -> list[str]:
    """Lay `rows` out under `columns`: aligned, fitted to `width`, or a block a row.

    Without `width`, every cell is whole. With it, the columns that give way are given up, those
    of the highest `Column.drop` first, until the rest fit with their long cells cut; where the
    columns a row needs do not fit, each row is a block of ``label  value`` lines, its values
    wrapped. A ``None`` row stands for `hidden` rows left out: ``... 12 more``.

    Example:
        >>> columns = [Column("Year", str), Column("Name", lambda y: f"edition {y}", least=8)]
        >>> fitted([2020, None], columns, 16, hidden=3)
        ['Year  Name', '2020  edition...', '... 3 more']
        >>> whole = [Column("Year", str), Column("Name", lambda y: f"the BKN Award of {y}")]
        >>> for line in fitted([2020, 2021], whole, 20):
        ...     print(line)
        year  2020
        name  the BKN Award
              of 2020
        <BLANKLINE>
        year  2021
        name  the BKN Award
              of 2021
    """
    cells = _cells(rows, columns)
    more = f"... {hidden} more"
    header = [c.header for c in columns]
    natural = _widths([header, *(row for row in cells if row is not None)])
    kept, widths = list(range(len(columns))), natural
    if width is not None:
        floors = [
            n if c.least is None else min(n, max(c.least, len(c.header)))
            for n, c in zip(natural, columns, strict=True)
        ]
        while sum(floors[i] for i in kept) + 2 * (len(kept) - 1) > width:
            given_up = [i for i in kept if columns[i].drop]
            if not given_up:
                return _blocks(header, cells, width, more)
            highest = max(columns[i].drop for i in given_up)
            kept = [i for i in kept if columns[i].drop != highest]
        widths = _narrowed([natural[i] for i in kept], [floors[i] for i in kept], width)
    return [
        more if row is None else _line([row[i] for i in kept], widths) for row in [header, *cells]
    ]


def _cells(rows: Sequence[Any | None], columns: Sequence[Column]) -> list[list[str] | None]:
    named = [c.names for c in columns if c.names is not None]
    short = short_names(
        i for row in rows if row is not None for names in named if (i := names(row)) is not None
    )

    def cell(column: Column, row: Any) -> str:
        institution = None if column.names is None else column.names(row)
        return column.text(row) if institution is None else short[institution.id]

    return [None if row is None else [cell(c, row) for c in columns] for row in rows]


def _widths(table: Sequence[Sequence[str]]) -> list[int]:
    return [max(len(row[i]) for row in table) for i in range(len(table[0]))]


def _blocks(header: list[str], cells: list[list[str] | None], width: int, more: str) -> list[str]:
    labels = [h.lower() for h in header]
    indent = max(map(len, labels)) + 2
    lines: list[str] = []
    for row in cells:
        if lines:
            lines.append("")
        if row is None:
            lines.append(more)
            continue
        for label, value in zip(labels, row, strict=True):
            if width - indent >= _NARROWEST_VALUE:  # the value beside its label, wrapped
                first, *rest = wrapped(value, width - indent)
                lines.append(f"{label.ljust(indent)}{first}".rstrip())
                lines += [" " * indent + piece for piece in rest]
            else:  # too narrow for both: the value below its label
                lines += [label, *("  " + piece for piece in wrapped(value, max(width - 2, 1)))]
    return lines


# A block's values are written beside their labels where they have this many characters.
_NARROWEST_VALUE = 12


def wrapped(text: str, width: int) -> list[str]:
    """Break `text` into lines of at most `width` characters, never losing a character.

    A line ends after a space or a hyphen where it can; a word longer than a line is broken
    where the line ends.

    Example:
        >>> wrapped("2020-kab-sidoarjo-kompetensi", 20)
        ['2020-kab-sidoarjo-', 'kompetensi']
    """
    lines, line = [], ""
    for piece in re.split(r"(?<=[ -])", text):
        if line and len(line) + len(piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        while len(piece.rstrip()) > width:  # a word longer than a line
            lines.append(piece[:width])
            piece = piece[width:]
        line += piece
    return [*lines, line.rstrip()] if line or not lines else lines


# --- One award spelled out ----------------------------------------------------------------------


def sheet(award: Award) -> list[str]:
    """An award with every field and citation spelled out, one labelled line each.

    Example:
        >>> import bkn_awards
        >>> sheet(bkn_awards.award("2020-kab-sidoarjo-kompetensi"))[6]
        'group        regencies (tingkat Kabupaten)'
    """
    institution, category, recipient = award.institution, award.category, award.recipient
    lines = [
        ("id", award.id),
        ("year", str(award.year)),
        ("institution", f"{institution.name} ({institution.id})"),
        ("kind", institution.kind.value),
        ("region code", institution.region_code or "-"),
        ("category", _category_line(category, award)),
        ("group", f"{award.group.value} ({award.group_label})" if award.group else "-"),
        ("rank", rank_cell(award)),
        ("as reported", award.rank_label),
        ("event", _event_line(award)),
        ("received by", f"{recipient.name}, {recipient.position}" if recipient else "-"),
    ]
    numbers = {citation: n for n, citation in enumerate(award.citations, start=1)}
    for placing in award.placings if len(award.placings) > 1 else ():
        where = f", in {placing.category.name!r}" if placing.category else ""
        rank = "no rank" if placing.rank is None else f"rank {placing.rank}"
        cited = ", ".join(str(numbers[c]) for c in placing.citations)
        lines.append(("reported", f"{placing.rank_label} ({rank}{where}): source {cited}"))
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


def _category_line(category: Any, award: Award) -> str:
    if category is not None:
        return f"{category.name} ({category.id})"
    disputed = [f"{c.name} ({c.id})" for c in award.categories]
    return " or ".join(disputed) + " (reports disagree)" if disputed else "not reported"


def _event_line(award: Award) -> str:
    event = award.event
    if event is None:
        return "-"
    date = "undated" if event.date is None else event.date.isoformat()
    if event.date_inferred:
        date += " (inferred)"
    place = ", ".join(p for p in (event.venue, event.city) if p) or "place not reported"
    return f"{event.kind.value}, {date}, {place} ({event.id})"


def terminal_width() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it, without importing shutil.

    ``COLUMNS`` if set, else the width of the terminal of standard output, else 80. The
    command line and a REPL's view of a result both measure the terminal here.
    """
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
