"""The ``bkn-awards`` command: query, show, check and export the awards from a shell."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from bkn_awards.errors import AmbiguousInstitutionError, BknAwardsError
from bkn_awards.loading import load
from bkn_awards.results import Records
from bkn_awards.rows import aligned, sheet

__all__ = ["main"]

_EXAMPLES = """\
examples:
  bkn-awards --year 2022                          awards of 2022 (awards is the default command)
  bkn-awards awards --institution "Pemprov Jatim" --rank 1 2 --format csv
  bkn-awards institution "Kab. Sidoarjo"
  bkn-awards show 2020-kab-sidoarjo-penilaian-kompetensi
  bkn-awards export --format datapackage out/
  bkn-awards validate my-data/
  bkn-awards verify-citations path/to/articles

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
        args = _parser().parse_args(words)
        status: int = args.run(args)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
    except KeyboardInterrupt:
        print("bkn-awards: interrupted", file=sys.stderr)
        return _INTERRUPTED
    except BrokenPipeError:
        # The reader has gone (`bkn-awards | head -1`): stop quietly, as cat and grep do, and
        # let nothing more reach the closed pipe at exit.
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


def _listing(records: Records[Any], output: str, what: str) -> int:
    if not records:
        print(f"bkn-awards: no {what} match", file=sys.stderr)
        return _NO_MATCH
    if output == "json":
        print(records.to_json(indent=2))
    elif output == "csv":
        print(_csv(records.to_records()), end="")
    else:
        print(records)
    return 0


def _csv(rows: list[dict[str, Any]]) -> str:
    from bkn_awards.formats import write_csv

    buffer = io.StringIO()
    write_csv(buffer, list(rows[0]), rows)
    return buffer.getvalue()


def _list(what: str, *filters: str) -> Callable[[argparse.Namespace], int]:
    """Run the query `what` (``"awards"``...) with the command's `filters`, and list the answer."""

    def run(args: argparse.Namespace) -> int:
        found = getattr(load(), what)(**{name: getattr(args, name) for name in filters})
        return _listing(found, args.format, what)

    return run


def _institution(args: argparse.Namespace) -> int:
    found = load().institution(args.name)
    return _listing(Records((found,)), args.format, "institutions")


def _show(args: argparse.Namespace) -> int:
    print("\n".join(sheet(load().award(args.award_id))))
    return 0


def _coverage(args: argparse.Namespace) -> int:
    rows = [
        {
            "year": c.tally.year,
            "tally": c.tally.id,
            "reported": c.reported,
            "itemised": c.itemised,
            "missing": c.missing,
            "recipients_reported": c.recipients_reported,
            "recipients_itemised": c.recipients_itemised,
        }
        for c in load().coverage()
    ]
    if args.format == "csv":
        print(_csv(rows), end="")
    elif args.format == "json":
        import json

        print(json.dumps(rows, indent=2))
    else:
        table = [[str("-" if v is None else v) for v in row.values()] for row in rows]
        print("\n".join(aligned([list(rows[0]), *table])))
    return 0


def _verify(args: argparse.Namespace) -> int:
    report = load().verify_citations(args.articles_dir)
    print(report)
    return 0 if report.ok else _NO_MATCH


def _validate(args: argparse.Namespace) -> int:
    data = load(args.directory)
    counts = data.manifest().counts
    print(f"{args.directory}: valid, " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    return 0


def _export(args: argparse.Namespace) -> int:
    from bkn_awards.formats import export

    written = export(load(), args.directory, fmt=args.format, overwrite=args.force)
    print("\n".join(str(path) for path in written))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bkn-awards",
        description="The BKN Award as the news reported it, with the sources of every fact.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="show the versions and exit")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, (run, summary, options) in _COMMANDS.items():
        command = commands.add_parser(name, help=summary, description=summary)
        command.set_defaults(run=run)
        for flags, settings in options:
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


def _option(*flags: str, **settings: Any) -> _Option:
    return flags, settings


_FORMAT = _option("--format", choices=["table", "csv", "json"], default="table", help="format")
_YEAR = _option("--year", type=int, nargs="+", metavar="YEAR", help="edition year(s)")
_KIND = _option("--kind", help="province, regency, city (or provinsi, kabupaten, kota, pemkab...)")
_INSTITUTION = _option("--institution", metavar="NAME", help="name, alias or region code")
_CATEGORY = _option("--category", metavar="WORDS", help="words of the category name")
_RANK = _option("--rank", type=int, nargs="+", metavar="N", help="place(s), 1 for first")
_EXPORT_FORMAT = _option("--format", choices=["datapackage", "csv", "json"], default="datapackage")

# Each command: what runs it, what it does in a line, and its options.
_COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, tuple[_Option, ...]]] = {
    "awards": (
        _list("awards", "year", "institution", "category", "rank", "kind"),
        "list awards (the default command)",
        (_YEAR, _INSTITUTION, _CATEGORY, _RANK, _KIND, _FORMAT),
    ),
    "institutions": (_list("institutions", "kind"), "list the institutions", (_KIND, _FORMAT)),
    "institution": (
        _institution,
        "look up one institution by name, alias, id or region code",
        (_option("name", metavar="NAME", help="name, alias, id or region code"), _FORMAT),
    ),
    "categories": (_list("categories", "year"), "list the categories", (_YEAR, _FORMAT)),
    "sources": (_list("sources"), "list the news articles the data comes from", (_FORMAT,)),
    "events": (_list("events", "year"), "list the ceremonies and handovers", (_YEAR, _FORMAT)),
    "show": (
        _show,
        "show one award with every field and its citations spelled out",
        (_option("award_id", metavar="AWARD_ID", help="the award's id"),),
    ),
    "coverage": (_coverage, "reported award counts beside the awards itemised", (_FORMAT,)),
    "export": (
        _export,
        "write the data as CSV, JSON or a Frictionless Data Package",
        (
            _EXPORT_FORMAT,
            _option("--force", action="store_true", help="replace files already there"),
            _option("directory", metavar="DIR", help="where to write (made if missing)"),
        ),
    ),
    "validate": (
        _validate,
        "check a data directory of your own",
        (_option("directory", metavar="DIR", help="the data directory to check"),),
    ),
    "verify-citations": (
        _verify,
        "check every citation against a directory of the articles",
        (_option("articles_dir", metavar="DIR", help="the directory of article files"),),
    ),
}
