"""The ``bkn-awards`` command: query, show, check and export the awards from a shell."""

from __future__ import annotations

import argparse
import io
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from bkn_awards.dataset import SORT_KEYS, Dataset, FormerIdWarning, load
from bkn_awards.errors import BknAwardsError, DataError, QueryError
from bkn_awards.query import filters
from bkn_awards.records import Award
from bkn_awards.results import Records
from bkn_awards.tables import sheet, terminal_width
from bkn_awards.vocabulary import Theme

__all__ = ["main"]

_EXAMPLES = """\
examples:
  bkn-awards --year 2022                          awards of 2022 (awards is the default command)
  bkn-awards awards --institution "Pemprov Jatim" --rank 1 2 --format csv
  bkn-awards awards --province Jateng --theme competency
  bkn-awards institution "Kab. Sidoarjo"
  bkn-awards awards --theme competency --sort rank year
  bkn-awards show 2020-kab-sidoarjo-kompetensi
  bkn-awards show 2020 "Kab. Sidoarjo" competency   (a row's year, institution and theme)
  bkn-awards export --format datapackage out/
  bkn-awards validate my-data/ && bkn-awards --data my-data/ --year 2020-2022
  bkn-awards diff bundled my-data/ --format markdown

exit status:
  0    done
  1    no match: nothing matched, a name or id is unknown or ambiguous, a check found
       problems (validate, verify-citations), or the two datasets differ (diff)
  2    misuse: an unknown command or option, a malformed value, options that conflict,
       or a data directory that does not load
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (as with | head)
"""

# A name or id that finds nothing, or several things, is "no match"; a malformed question,
# options that conflict and data that does not load are misuse.
_NO_MATCH = 1
_DIFFERENT = 1  # as diff(1) has it: the two differ
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
        if words and not words[0].startswith("-"):
            _unknown_command(words[0])
        words.insert(0, "awards")
    try:
        if words == ["--version"]:  # the data is read (and hashed) only when asked
            manifest = load().manifest()
            print(f"bkn-awards {manifest.library_version} (data {manifest.data_version})")
            return 0
        args = _parser(words[0]).parse_args(words)
        for name, ranges in vars(args).items():  # --year 2020-2022 2023: one list of numbers
            if isinstance(ranges, list) and all(isinstance(r, range) for r in ranges):
                setattr(args, name, [n for numbers in ranges for n in numbers])
        _refuse_conflicts(args)
        status: int = args.run(args)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
    except KeyboardInterrupt:
        print("bkn-awards: interrupted", file=sys.stderr)
        return _INTERRUPTED
    except BrokenPipeError:
        # The reader has gone (`| head -1`): stop quietly, as cat does, writing no more to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _CLOSED_PIPE
    except LookupError as error:  # unknown or ambiguous: no match either way
        return _fail(error, _NO_MATCH)
    except (BknAwardsError, OSError) as error:
        return _fail(error, _MISUSE)
    return status


def _unknown_command(word: str) -> None:
    """Refuse a first word that is no command, naming the command it may stand for."""
    from bkn_awards.text import close_names

    near = [name for name in _COMMANDS if name.startswith(word)]  # verify: verify-citations
    near = near if len(near) == 1 else close_names(word, _COMMANDS, 1)
    hint = f"did you mean {near[0]!r}?" if near else "the commands are " + ", ".join(_COMMANDS)
    _parser(word).error(f"unknown command {word!r}; {hint}")


def _refuse_conflicts(args: argparse.Namespace) -> None:
    """Refuse options that ask for two things at once: which should win would be a guess."""
    refuse: Callable[[str], None] = args.command.error
    if getattr(args, "wide", False) and getattr(args, "format", "table") != "table":
        refuse(f"argument --wide: not allowed with --format {args.format}: --wide is for tables")
    if args.data is not None and args.run in _READS_ITS_OWN_DATA:
        refuse(f"argument --data: not allowed with {_READS_ITS_OWN_DATA[args.run]}")


def _fail(error: BaseException, status: int) -> int:
    message = " ".join(str(error).split())  # a DataError lists its problems on several lines
    print(f"bkn-awards: error: {message}", file=sys.stderr)
    return status


def _listing(records: Records[Any], args: argparse.Namespace, empty: str) -> int:
    """Print every record, in the format asked: a table is its header and rows, nothing else."""
    if not records:
        print(f"bkn-awards: {empty}", file=sys.stderr)
        return _NO_MATCH
    if args.format == "json":
        print(records.to_json(indent=2))
    elif args.format == "csv":
        print(_csv(records.to_records()), end="")
    else:
        print(records.table(_width(args), count=False))
    return 0


def _width(args: argparse.Namespace) -> int | None:
    """The terminal's width for a table; none where the output is not a terminal, or --wide."""
    if getattr(args, "wide", False) or not sys.stdout.isatty():
        return None
    return terminal_width()


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, given the terminal's width: argparse would import shutil for it.

    argparse makes a formatter for every option added, not only to print help: a query would
    pay for the import on every start.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=terminal_width() - 2)


def _csv(rows: list[dict[str, Any]]) -> str:
    from bkn_awards.formats import write_csv

    buffer = io.StringIO()
    write_csv(buffer, list(rows[0]), rows)
    return buffer.getvalue()


def _list(what: str, *options: str, empty: str = "") -> Callable[[argparse.Namespace], int]:
    """Run the query `what` (``"awards"``...) with the command's `options`; list the answer."""

    def run(args: argparse.Namespace) -> int:
        found = getattr(load(args.data), what)(**{name: getattr(args, name) for name in options})
        why = f": {found.note}" if found.note else ""
        return _listing(found, args, empty or f"no {what} match{why}")

    return run


def _institution(args: argparse.Namespace) -> int:
    found = load(args.data).institution(args.name)
    return _listing(Records((found,)), args, "no institutions match")


def _show(args: argparse.Namespace) -> int:
    data = load(args.data)
    if len(args.award) == 1:
        with warnings.catch_warnings(record=True) as noted:  # an earlier id: a note, not a stop
            warnings.simplefilter("always", FormerIdWarning)
            found: Sequence[Award] = (data.award(args.award[0]),)
        for note in noted:
            print(f"bkn-awards: note: {note.message}", file=sys.stderr)
    else:
        found = _by_handle(data, *args.award)
    if not found:
        print(f"bkn-awards: no award matches {' '.join(args.award)}", file=sys.stderr)
        return _NO_MATCH
    print("\n\n".join("\n".join(sheet(award)) for award in found))
    return 0


def _by_handle(data: Dataset, year: str, institution: str, *rest: str) -> Records[Award]:
    """The awards of a table's row: its year, institution and theme (``-`` for none).

    A third word that is no theme is taken as words of the category's name.
    """
    if len(rest) > 1 or not year.isdigit():
        words = " ".join((year, institution, *rest))
        raise QueryError(
            f"show takes an award's id, or a year, an institution and a theme: {words}"
        )
    (theme,) = rest or (None,)
    theme = theme and theme.removesuffix("?")  # a table marks a theme reports disagree on
    themes = {t.value for t in Theme}
    found = data.awards(
        year=int(year),
        institution=institution,
        **({"theme": theme} if theme in themes else {"category": theme} if theme != "-" else {}),
    )
    return Records(a for a in found if theme != "-" or not a.categories)


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


def _manifest(args: argparse.Namespace) -> int:
    import json

    print(json.dumps(load(args.data).manifest().to_dict(), indent=2))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from bkn_awards.changes import diff  # only a diff pays for its module
    from bkn_awards.layout import data_directory

    def side(given: str) -> Any:
        if args.as_written:  # the files, not a dataset: no loader reads another release's form
            return data_directory() if given == "bundled" else given
        return load(None if given == "bundled" else given)

    found = diff(side(args.old), side(args.new), as_written=args.as_written)
    write = {"text": found.to_text, "json": found.to_json, "markdown": found.to_markdown}
    print(write[args.format](), end="" if args.format == "markdown" else "\n")
    return 0 if found.equal else _DIFFERENT


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
    parser.add_argument(
        "--version",
        action="store_true",
        help="show the library's and the data's versions, and exit",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    # A command run needs only its own parser: making the others would cost every start.
    chosen = {wanted: _COMMANDS[wanted]} if wanted in _COMMANDS else _COMMANDS
    for name, (run, summary, options) in chosen.items():
        command = commands.add_parser(
            name, help=summary, description=summary, formatter_class=_Formatter
        )
        command.set_defaults(run=run, command=command)
        tables = (_WIDE,) if _FORMAT in options else ()
        data = _HIDDEN_DATA if run in _READS_ITS_OWN_DATA else _DATA
        for flags, settings in (*options, *tables, data):
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
    """A whole number (``2022``) or a range of them, both ends in (``2020-2022``).

    A range may leave an end open: ``2020-`` is 2020 and after, ``-2021`` 2021 and before.
    """
    first, dash, last = text.partition("-")
    try:
        low = int(first) if first or not dash else _LOWEST
        numbers = range(low, (int(last) if last else _HIGHEST if dash else low) + 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number or a range: {text!r}") from None
    if not numbers:
        raise argparse.ArgumentTypeError(f"a range runs from low to high: {text!r}")
    return numbers


# The ends of an open range: every year and rank the data can hold lies between them.
_LOWEST, _HIGHEST = 1, 9999


def _option(*flags: str, **settings: Any) -> _Option:
    return flags, settings


_FORMAT = _option(
    "--format",
    choices=["table", "csv", "json"],
    default="table",
    help="table, csv or json (default: table; a table fits a terminal, and is whole elsewhere)",
)
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
_SORT = _option(
    "--sort",
    nargs="+",
    choices=SORT_KEYS,
    metavar="KEY",
    help=(
        "order the awards by year, institution (by name), category (by theme), rank or data "
        "(the data files' order), the first key deciding first; "
        "default: by edition, category, group and rank"
    ),
)
_BY_EDITION = _option(
    "--by-edition",
    action="store_true",
    help="each edition's itemised awards beside the national totals reported",
)
_WIDE = _option(
    "--wide",
    action="store_true",
    help="every column and every cell whole in a terminal, however wide (a table on a pipe or "
    "in a file always is); with --format table only",
)
_DATA = _option(
    "--data", metavar="DIR", help="read the data directory DIR instead of the bundled data"
)
_HIDDEN_DATA = _option("--data", metavar="DIR", help=argparse.SUPPRESS)  # refused, by name
_EXPORT_FORMAT = _option(
    "--format",
    choices=["datapackage", "csv", "json"],
    default="datapackage",
    help="datapackage (CSV tables and their datapackage.json), csv (a table a record type) or "
    "json (the data files) (default: datapackage)",
)

_NAME = _option(
    "name", metavar="NAME", help="a name, alias, id or region code (Kab. Sidoarjo, 35.15)"
)
_AWARD = _option(
    "award",
    metavar="AWARD",
    nargs="+",
    help="an award's id; or a row's year, institution and theme (- for none) as a table "
    'shows them: 2020 "Kab. Sidoarjo" competency',
)
_FORCE = _option("--force", action="store_true", help="replace the files DIR has already")
_OUTPUT = _option("directory", metavar="DIR", help="the output directory (made if missing)")
_DIRECTORY = _option("directory", metavar="DIR", help="the data directory to check")
_ARTICLES = _option("articles_dir", metavar="DIR", help="the directory of article files")
_DIFF_FORMAT = _option(
    "--format",
    choices=["text", "json", "markdown"],
    default="text",
    help="text (a line a record, + added, - removed, ~ changed, then each field changed), json "
    "or markdown (default: text)",
)
_AS_WRITTEN = _option(
    "--as-written",
    action="store_true",
    help="compare the JSON data files as written, without loading them: the data of a release "
    "whose format this one does not read",
)
_OLD, _NEW = (
    _option(
        name,
        metavar=name.upper(),
        help=f"the {name}er data: a data directory, a Data Package, or bundled (the package's)",
    )
    for name in ("old", "new")
)

# Each command: what runs it, what it does in a line, and its options.
_COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, tuple[_Option, ...]]] = {
    "awards": (
        _list("awards", *_FILTERS, "sort"),
        "list awards (the default command)",
        (*_FILTERS.values(), _SORT, _FORMAT),
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
    "aliases": (
        _list("aliases", empty="no earlier ids: every award has the id it was released with"),
        "list the award ids of earlier releases and the awards they stand for",
        (_FORMAT,),
    ),
    "conflicts": (
        _list("conflicts", empty="no conflicts: the reports in the data agree"),
        "list where reports about the same thing disagree, a line a claim",
        (_FORMAT,),
    ),
    "manifest": (_manifest, "versions, counts and file fingerprints of the data (JSON)", ()),
    "show": (_show, "one award with every field and citation spelled out", (_AWARD,)),
    "coverage": (
        _list("coverage", "by_edition", empty="no reported counts in the data"),
        "reported award counts beside the awards itemised",
        (_BY_EDITION, _FORMAT),
    ),
    "diff": (
        _diff,
        "the records added, removed and changed from OLD to NEW; exit 1 where they differ",
        (_DIFF_FORMAT, _AS_WRITTEN, _OLD, _NEW),
    ),
    "export": (_export, "write CSV, JSON or a Data Package", (_EXPORT_FORMAT, _FORCE, _OUTPUT)),
    "validate": (_validate, "check a data directory of your own", (_DIRECTORY,)),
    "verify-citations": (_verify, "check every citation against the articles", (_ARTICLES,)),
}

# The commands that read the data they are given as arguments, and so refuse --data.
_READS_ITS_OWN_DATA = {
    _validate: "validate, which checks the DIR it is given",
    _diff: "diff, which compares the OLD and NEW it is given",
}
