"""The ``bkn-awards`` command: query, show, check and export the awards from a shell."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from bkn_awards.completeness import by_edition
from bkn_awards.dataset import load
from bkn_awards.errors import AmbiguousInstitutionError, BknAwardsError, DataError
from bkn_awards.query import filters
from bkn_awards.results import Records
from bkn_awards.rows import flatten
from bkn_awards.tables import aligned, sheet

__all__ = ["main"]

_EXAMPLES = """\
examples:
  bkn-awards --year 2022                          awards of 2022 (awards is the default command)
  bkn-awards awards --institution "Pemprov Jatim" --rank 1 2 --format csv
  bkn-awards awards --province Jateng --theme competency
  bkn-awards institution "Kab. Sidoarjo"
  bkn-awards show 2020-kab-sidoarjo-penilaian-kompetensi
  bkn-awards export --format datapackage out/
  bkn-awards validate my-data/ && bkn-awards --data my-data/ --year 2020-2022

exit status: 0 done; 1 nothing matched, or a check found problems; 2 bad usage or bad data;
  130 interrupted (Ctrl-C); 141 the reader of the output went away (as with | head)
"""

# Unknown names and ids are "no match"; an ambiguous name, like any malformed question, is misuse.
_NO_MATCH = 1
_MISUSE = 2
_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
_CLOSED_PIPE = 141  # 128 + SIGPIPE, as a shell reports `cat` writing to a closed pipe

_Option = tuple[tuple[str, ...], dict[str, Any]]  # an argument's flags and settings


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with `argv` (default: the process's arguments); return the exit status.

    ``awards`` is the command when none is named, so ``bkn-awards --year 2022`` lists awards.
    Errors are one line on standard error, without a traceback.

    .. versionadded:: 0.1.0
    """
    for stream in (sys.stdout, sys.stderr):  # what the terminal cannot show is escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or (words[0] not in _COMMANDS and words[0] not in ("-h", "--help", "--version")):
        words.insert(0, "awards")
    try:
        if words == ["--version"]:  # the data is read (and hashed) only when asked
            manifest = load().manifest()
            print(f"bkn-awards {manifest.library_version} (data {manifest.data_version})")
            return 0
        args = _parser(words[0]).parse_args(words)
        for name, ranges in vars(args).items():  # --year 2020-2022 2023: one list of numbers
            if isinstance(ranges, list):
                setattr(args, name, [n for numbers in ranges for n in numbers])
        status: int = args.run(args)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
    except KeyboardInterrupt:
        print("bkn-awards: interrupted", file=sys.stderr)
        return _INTERRUPTED
    except BrokenPipeError:
        # The reader has gone (`| head -1`): stop quietly, as cat does, writing no more to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _CLOSED_PIPE
    except AmbiguousInstitutionError as error:
        return _fail(error, _MISUSE)
    except LookupError as error:
        return _fail(error, _NO_MATCH)
    except (BknAwardsError, OSError) as error:
        return _fail(error, _MISUSE)
    return status


def _fail(error: BaseException, status: int) -> int:
    message = " ".join(str(error).split())  # a DataError lists its problems on several lines
    print(f"bkn-awards: error: {message}", file=sys.stderr)
    return status


def _listing(records: Records[Any], args: argparse.Namespace, what: str, why: str = "") -> int:
    if not records:
        print(f"bkn-awards: no {what} match{why}", file=sys.stderr)
        return _NO_MATCH
    if args.format == "json":
        print(records.to_json(indent=2))
    elif args.format == "csv":
        print(_csv(records.to_records()), end="")
    else:
        print(records.table(_width(args)))
    return 0


def _width(args: argparse.Namespace) -> int | None:
    """The terminal's width for a table; none where the output is not a terminal, or --wide."""
    if getattr(args, "wide", False) or not sys.stdout.isatty():
        return None
    return _columns()


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it, without importing shutil.

    ``COLUMNS`` if set, else the width of the terminal of standard output, else 80.
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


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, given the terminal's width: argparse would import shutil for it.

    argparse makes a formatter for every option added, not only to print help: a query would
    pay for the import on every start.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


def _csv(rows: list[dict[str, Any]]) -> str:
    from bkn_awards.formats import write_csv

    buffer = io.StringIO()
    write_csv(buffer, list(rows[0]), rows)
    return buffer.getvalue()


def _list(what: str, *filters: str) -> Callable[[argparse.Namespace], int]:
    """Run the query `what` (``"awards"``...) with the command's `filters`, and list the answer."""

    def run(args: argparse.Namespace) -> int:
        found = getattr(load(args.data), what)(**{name: getattr(args, name) for name in filters})
        return _listing(found, args, what, f": {found.note}" if found.note else "")

    return run


def _institution(args: argparse.Namespace) -> int:
    found = load(args.data).institution(args.name)
    return _listing(Records((found,)), args, "institutions")


def _show(args: argparse.Namespace) -> int:
    print("\n".join(sheet(load(args.data).award(args.award_id))))
    return 0


def _coverage(args: argparse.Namespace) -> int:
    data = load(args.data)
    if args.by_edition:
        rows = [totals._asdict() for totals in by_edition(data.records_by_file())]
    else:
        rows = [{"year": c.tally.year, **flatten(c)} for c in data.coverage()]
    if args.format == "csv":
        print(_csv(rows), end="")
    elif args.format == "json":
        import json

        print(json.dumps(rows, indent=2))
    else:
        table = [[str("-" if v is None else v) for v in row.values()] for row in rows]
        print("\n".join(aligned([list(rows[0]), *table], _width(args))))
    return 0


def _verify(args: argparse.Namespace) -> int:
    report = load(args.data).verify_citations(args.articles_dir)
    for problem in report.problems:
        print(problem)
    count = len(report.problems)
    print(f"{report.citations_checked} citations checked: {count} problem{'s' * (count != 1)}")
    return 0 if report.ok else _NO_MATCH


def _validate(args: argparse.Namespace) -> int:
    try:
        data = load(args.directory)
    except DataError as error:  # the check found problems: each on a line of its own
        print("\n".join(error.problems))
        print(f"{args.directory}: {error.count} problem{'s' * (error.count != 1)}")
        return _NO_MATCH
    counts = data.manifest().counts
    print(f"{args.directory}: valid, " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    rows = [
        [c.subject, c.field, str(claim.value), claim.record.id]
        for c in load(args.data).conflicts()
        for claim in c.claims
    ]
    if not rows:
        print("bkn-awards: no conflicts: the reports in the data agree", file=sys.stderr)
        return _NO_MATCH
    print("\n".join(aligned([["Subject", "Field", "Value", "Record"], *rows], _width(args))))
    return 0


def _manifest(args: argparse.Namespace) -> int:
    import json

    print(json.dumps(load(args.data).manifest().to_dict(), indent=2))
    return 0


def _export(args: argparse.Namespace) -> int:
    from bkn_awards.formats import export

    written = export(load(args.data), args.directory, fmt=args.format, overwrite=args.force)
    print("\n".join(str(path) for path in written))
    return 0


def _parser(wanted: str) -> argparse.ArgumentParser:
    """The parser of the `wanted` command alone, or of every command (for ``--help``)."""
    parser = argparse.ArgumentParser(
        prog="bkn-awards",
        description="The BKN Award as the news reported it, with the sources of every fact.",
        epilog=_EXAMPLES,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="store_true", help="show the versions and exit")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    # A command run needs only its own parser: making the others would cost every start.
    chosen = {wanted: _COMMANDS[wanted]} if wanted in _COMMANDS else _COMMANDS
    for name, (run, summary, options) in chosen.items():
        command = commands.add_parser(
            name, help=summary, description=summary, formatter_class=_Formatter
        )
        command.set_defaults(run=run)
        tables = (_WIDE,) if _FORMAT in options or run in (_coverage, _conflicts) else ()
        for flags, settings in (*options, *tables, _DATA):
            if flags[0].startswith("--") and "action" not in settings:
                # Given twice, an option of several values takes both; any other is refused.
                settings = {"action": "extend" if "nargs" in settings else _Once, **settings}
            command.add_argument(*flags, **settings)
    return parser


class _Once(argparse.Action):
    """Take an option's value, refusing a second one: which should win would be a guess."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        given = namespace.__dict__.setdefault("_given", set())
        if self.dest in given:
            parser.error(f"{option_string} given twice; give it once")
        given.add(self.dest)
        setattr(namespace, self.dest, values)


def _numbers(text: str) -> range:
    """A whole number (``2022``) or a range of them, both ends in (``2020-2022``)."""
    first, _, last = text.partition("-")
    try:
        numbers = range(int(first), int(last or first) + 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number or a range: {text!r}") from None
    if not numbers:
        raise argparse.ArgumentTypeError(f"a range runs from low to high: {text!r}")
    return numbers


def _option(*flags: str, **settings: Any) -> _Option:
    return flags, settings


_FORMAT = _option("--format", choices=["table", "csv", "json"], default="table", help="format")
# The options of the award filters, made from `AwardQuery`'s fields: one for each, by its name.
_FILTERS: dict[str, _Option] = {
    name: _option(
        f"--{name}",
        metavar=f.metavar,
        help=f.help,
        **({"type": _numbers, "nargs": "+"} if f.many else {}),
    )
    for name, f in filters()
}
_BY_EDITION = _option(
    "--by-edition",
    action="store_true",
    help="each edition's itemised awards beside the national totals reported",
)
_WIDE = _option("--wide", action="store_true", help="whole cells in tables, however wide")
_DATA = _option("--data", metavar="DIR", help="a data directory of your own, not the bundled")
_EXPORT_FORMAT = _option("--format", choices=["datapackage", "csv", "json"], default="datapackage")

_NAME = _option("name", metavar="NAME", help="name, alias, id or region code")
_AWARD_ID = _option("award_id", metavar="AWARD_ID", help="the award's id")
_FORCE = _option("--force", action="store_true", help="replace files already there")
_DIRECTORY = _option("directory", metavar="DIR", help="the data directory")
_ARTICLES = _option("articles_dir", metavar="DIR", help="the directory of article files")

# Each command: what runs it, what it does in a line, and its options.
_COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, tuple[_Option, ...]]] = {
    "awards": (
        _list("awards", *_FILTERS),
        "list awards (the default command)",
        (*_FILTERS.values(), _FORMAT),
    ),
    "institutions": (
        _list("institutions", "kind"),
        "list the institutions",
        (_FILTERS["kind"], _FORMAT),
    ),
    "institution": (_institution, "look one institution up by name or code", (_NAME, _FORMAT)),
    "categories": (_list("categories", "year"), "list the categories", (_FILTERS["year"], _FORMAT)),
    "sources": (_list("sources"), "list the news articles the data comes from", (_FORMAT,)),
    "events": (
        _list("events", "year"),
        "list the ceremonies and handovers",
        (_FILTERS["year"], _FORMAT),
    ),
    "tallies": (
        _list("tallies", "year"),
        "list the counts of awards reported",
        (_FILTERS["year"], _FORMAT),
    ),
    "editions": (_list("editions"), "list the editions of the award", (_FORMAT,)),
    "officials": (_list("officials"), "list the officials named, in office then", (_FORMAT,)),
    "conflicts": (_conflicts, "list where reports about the same thing disagree", ()),
    "manifest": (_manifest, "versions, counts and file fingerprints of the data (JSON)", ()),
    "show": (_show, "one award with every field and citation spelled out", (_AWARD_ID,)),
    "coverage": (
        _coverage,
        "reported award counts beside the awards itemised",
        (_BY_EDITION, _FORMAT),
    ),
    "export": (_export, "write CSV, JSON or a Data Package", (_EXPORT_FORMAT, _FORCE, _DIRECTORY)),
    "validate": (_validate, "check a data directory of your own", (_DIRECTORY,)),
    "verify-citations": (_verify, "check every citation against the articles", (_ARTICLES,)),
}
