"""The ``bkn-awards`` command: query the bundled awards from a shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bkn_awards import __version__
from bkn_awards._bundled import awards, coverage, verify_citations
from bkn_awards.award_record import Award
from bkn_awards.errors import BknAwardsError
from bkn_awards.government import InstitutionKind
from bkn_awards.provenance import Source

__all__ = ["main"]

_EXAMPLES = """\
examples:
  bkn-awards --year 2022
  bkn-awards awards --institution "Pemprov Jatim" --rank 1 2
  bkn-awards --category "penilaian kompetensi" --rank 1
  bkn-awards coverage
  bkn-awards verify-citations path/to/articles
"""

_HEADERS = ("Year", "Institution", "Category", "Rank", "As reported", "Group", "Cited in")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with `argv` (default: the process's arguments); return the exit status.

    ``awards`` is the command when none is named, so ``bkn-awards --year 2022`` lists awards.
    Exit status 0: done; 1: nothing matched, or a check found problems; 2: bad arguments, an
    unknown or ambiguous name, or bad data.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or (words[0] not in _COMMANDS and words[0] not in ("-h", "--help", "--version")):
        words.insert(0, "awards")
    args = _parser().parse_args(words)
    try:
        status: int = args.run(args)
    except (BknAwardsError, OSError) as error:
        print(f"bkn-awards: error: {error}", file=sys.stderr)
        return 2
    return status


def _awards(args: argparse.Namespace) -> int:
    found = awards(
        year=args.year,
        institution=args.institution,
        category=args.category,
        rank=args.rank,
        kind=args.kind,
    )
    if not found:
        print("bkn-awards: no awards match", file=sys.stderr)
        return 1
    print(format_awards(found))
    return 0


def _coverage(_args: argparse.Namespace) -> int:
    rows = [
        (
            str(c.tally.year),
            c.tally.id,
            _or_dash(c.reported),
            str(c.itemised),
            _or_dash(c.missing),
            _or_dash(c.recipients_reported),
            str(c.recipients_itemised),
        )
        for c in coverage()
    ]
    headers = ("Year", "Tally", "Reported", "Itemised", "Missing", "Recipients", "Itemised to")
    print("\n".join(_align([headers, *rows])))
    return 0


def _verify(args: argparse.Namespace) -> int:
    report = verify_citations(args.articles_dir)
    print(report)
    return 0 if report.ok else 1


_COMMANDS = {
    "awards": (_awards, "list awards (the default command)"),
    "coverage": (_coverage, "reported award counts beside the awards itemised"),
    "verify-citations": (_verify, "check every citation against a directory of the articles"),
}


def _or_dash(value: int | None) -> str:
    return "-" if value is None else str(value)


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
        description="The BKN Award as the news reported it, with the sources of every fact.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, (run, summary) in _COMMANDS.items():
        command = commands.add_parser(name, help=summary, description=summary)
        command.set_defaults(run=run)
        if name == "awards":
            _add_award_filters(command)
        elif name == "verify-citations":
            command.add_argument("articles_dir", metavar="DIR", help="directory of article files")
    return parser


def _add_award_filters(command: argparse.ArgumentParser) -> None:
    command.add_argument("--year", type=int, nargs="+", metavar="YEAR", help="edition year(s)")
    command.add_argument("--institution", metavar="NAME", help="name, alias or region code")
    command.add_argument("--category", metavar="WORDS", help="words of the category name")
    command.add_argument("--rank", type=int, nargs="+", metavar="N", help="place(s), 1 for first")
    command.add_argument(
        "--kind", choices=[k.value for k in InstitutionKind], help="level of government"
    )
