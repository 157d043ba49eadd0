"""The ``bkn-awards`` command: query the bundled awards from a shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bkn_awards import __version__
from bkn_awards._bundled import awards
from bkn_awards.award import Award
from bkn_awards.errors import BknAwardsError
from bkn_awards.provenance import Source

__all__ = ["main"]

_EXAMPLES = """\
examples:
  bkn-awards --year 2022
  bkn-awards --institution "Pemprov Jatim" --rank 1 2
  bkn-awards --category "penilaian kompetensi" --rank 1
"""

_HEADERS = ("Year", "Institution", "Category", "Rank", "As reported", "Group", "Cited in")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with `argv` (default: the process's arguments); return the exit status.

    Exit status 0: awards printed; 1: no award matches; 2: bad arguments or an unknown name.
    """
    args = _parser().parse_args(argv)
    try:
        found = awards(
            year=args.year,
            institution=args.institution,
            category=args.category,
            rank=args.rank,
            kind=args.kind,
        )
    except BknAwardsError as error:
        print(f"bkn-awards: error: {error}", file=sys.stderr)
        return 2
    if not found:
        print("bkn-awards: no awards match", file=sys.stderr)
        return 1
    print(format_awards(found))
    return 0


def format_awards(found: Sequence[Award]) -> str:
    """Lay out awards as an aligned text table, followed by the sources it cites.

    Example:
        >>> import bkn_awards
        >>> print(format_awards(bkn_awards.awards(year=2020, institution="Kota Malang")))
        ... # doctest: +NORMALIZE_WHITESPACE
        Year  Institution             Category  ...
        2020  Pemerintah Kota Malang  Perencanaan, ...  1  Juara Satu  -  [1] paragraph 22
        <BLANKLINE>
        [1] Wartatransparansi.com, undated: Pemprov Jatim Terima Penghargaan BKN Award 2020 ...
    """
    numbers: dict[str, int] = {}
    sources: list[Source] = []
    rows = []
    for award in found:
        cited = []
        for citation in award.citations:
            if citation.source.id not in numbers:
                sources.append(citation.source)
                numbers[citation.source.id] = len(sources)
            paragraphs = ", ".join(map(str, citation.paragraphs))
            label = "paragraphs" if len(citation.paragraphs) > 1 else "paragraph"
            cited.append(f"[{numbers[citation.source.id]}] {label} {paragraphs}")
        rows.append(
            (
                str(award.year),
                award.institution.name,
                award.category.name,
                "-" if award.rank is None else str(award.rank),
                award.rank_label,
                award.group or "-",
                "; ".join(cited),
            )
        )
    legend = [f"[{n}] {_describe_source(s)}" for n, s in enumerate(sources, start=1)]
    return "\n".join([*_align([_HEADERS, *rows]), "", *legend])


def _describe_source(source: Source) -> str:
    publisher = source.publisher or "publisher not named"
    published = source.published.strftime("%Y-%m-%d %H:%M %z") if source.published else "undated"
    title = source.title or f"untitled article ({source.filename})"
    return f"{publisher}, {published}: {title}"


def _align(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bkn-awards",
        description="List BKN Awards as the news reported them, with their sources.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--year", type=int, nargs="+", metavar="YEAR", help="edition year(s)")
    parser.add_argument("--institution", metavar="NAME", help="name, alias or region code")
    parser.add_argument("--category", metavar="WORDS", help="words of the category name")
    parser.add_argument("--rank", type=int, nargs="+", metavar="N", help="place(s), 1 for first")
    parser.add_argument(
        "--kind",
        choices=["ministry", "agency", "province", "regency", "city"],
        help="winner's kind",
    )
    return parser
