"""Records as text for a terminal: aligned tables of a few columns, and one award spelled out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from bkn_awards.records import Award, plain
from bkn_awards.rows import cell_text

__all__ = ["aligned", "display_columns", "sheet"]


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


def display_columns(record_type: type[Any]) -> list[tuple[str, Callable[[Any], str]]]:
    """The few columns a table of `record_type` shows a reader, with how to write each cell."""
    if record_type is Award:
        return [
            ("Id", lambda a: a.id),
            ("Year", lambda a: str(a.year)),
            ("Institution", lambda a: a.institution.name),
            ("Category", lambda a: " or ".join(c.name for c in a.categories) or "-"),
            ("Group", lambda a: a.group.value if a.group else "-"),
            ("Rank", rank_cell),
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


def _source_line(source: Any) -> str:
    published = source.published_on.isoformat() if source.published_on else "undated"
    title = source.title or source.url or f"untitled ({source.id})"
    return f"{title} ({source.publisher or 'publisher not named'}, {published})"


def rank_cell(award: Award) -> str:
    """An award's rank as a table shows it: ``"4 or 5 (disputed)"`` where reports disagree.

    Example:
        >>> import bkn_awards
        >>> rank_cell(bkn_awards.awards(year=2022, province="Jateng", rank=5)[0])
        '4 or 5 (disputed)'
    """
    shown = " or ".join(map(str, award.ranks)) or "-"
    return f"{shown} (disputed)" if len(award.ranks) > 1 else shown


def sheet(award: Award) -> list[str]:
    """An award with every field and citation spelled out, one labelled line each.

    Example:
        >>> import bkn_awards
        >>> sheet(bkn_awards.award("2020-kab-sidoarjo-penilaian-kompetensi"))[6]
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
