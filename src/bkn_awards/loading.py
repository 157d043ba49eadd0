"""Reading a data directory: each file's bytes to checked, linked records, or every problem found.

A directory's files are read in the order of `layout.RECORD_FILES`, decoded by the one converter
(`codec`), and checked across records (`consistency`); nothing is half-loaded.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from bkn_awards.codec import Decoder, json_type, parse
from bkn_awards.consistency import Conflict, examine, with_contested
from bkn_awards.errors import DataError
from bkn_awards.layout import RECORD_FILES, data_files
from bkn_awards.rows import unflatten

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["PROBLEMS_LISTED", "Loaded", "read_files"]


T = TypeVar("T")


class Loaded(NamedTuple):
    """What a data directory holds: each file's records (``{"awards": ...}``), and conflicts."""

    files: Mapping[str, Sequence[Any]]
    conflicts: tuple[Conflict, ...]


#: How many problems a `DataError` lists; it counts the rest. A file of 100,000 bad records
#: would otherwise hold 100,000 lines in memory, and no reader goes past the first screens.
PROBLEMS_LISTED = 200


def read_files(directory: Traversable, make: Callable[[Loaded], T], *, regions: bool = True) -> T:
    """Read and check every data file of `directory`, and `make` a value of what it holds.

    The data files are its JSON files, or a Data Package's CSV tables (see `layout.data_files`).
    With `regions` false, regional governments are not checked against the region table.
    `make` is given the records of each file and their conflicts, and runs while the garbage
    collector is still off (a dataset's indexes are thousands of objects more).

    Raises:
        DataError: Every problem found, each on a line naming its file, record and field.
    """
    # Making thousands of records sets the cyclic garbage collector off again and again, for
    # nothing: none of them is garbage. It is back on at the first problem, since a failure
    # leaves cycles (an error, its traceback, a frame holding it) that only it frees.
    collecting = gc.isenabled()
    gc.disable()
    try:
        problems = _Problems(collecting)
        decoder = Decoder()
        files = {}
        for name, (filename, cls) in zip(data_files(directory), RECORD_FILES, strict=True):
            read = _read_table if name.endswith(".csv") else _read
            raw = read(directory / name, name, cls, problems.report)
            files[filename.removesuffix(".json")] = decoder.decode_file(
                name, raw, cls, problems.report
            )
        if problems.count:
            raise DataError(problems.listed, count=problems.count)
        # Checks across records only make sense once every record stands on its own.
        found, conflicts = examine(files, regions=regions)
        if found:
            raise DataError(found)
        return make(Loaded(*with_contested(files, conflicts)))
    finally:
        if collecting:
            gc.enable()


class _Problems:
    """The problems found: the first `PROBLEMS_LISTED` lines, and how many there were."""

    def __init__(self, collecting: bool) -> None:
        self.listed: list[str] = []
        self.count = 0
        self._collecting = collecting

    def report(self, line: str) -> None:
        if self.count == 0 and self._collecting:
            gc.enable()
        self.count += 1
        if self.count <= PROBLEMS_LISTED:
            self.listed.append(line)


def _read(
    file: Traversable, filename: str, _cls: type[Any], report: Callable[[str], None]
) -> list[Any] | None:
    """Read a data file's list of raw records, or report its problem and return ``None``."""
    import json

    text = _text(file, filename, report)
    if text is None:
        return None
    try:
        records = parse(text)
    except json.JSONDecodeError as error:
        report(f"{filename}: line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}")
        return None
    except RecursionError:
        report(f"{filename}: invalid JSON: lists or objects nested too deeply to read")
        return None
    except ValueError as error:  # valid JSON beyond a limit of Python's, as a 5,000-digit number
        report(f"{filename}: cannot be read: {error}")
        return None
    if type(records) is not list:
        report(f"{filename}: expected a list of records, got {json_type(records)}")
        return None
    return records


def _read_table(
    file: Traversable, filename: str, cls: type[Any], report: Callable[[str], None]
) -> list[Any] | None:
    """Read a Data Package's CSV table back into raw records of the data files' form."""
    import csv
    import io

    text = _text(file, filename, report)
    try:
        rows = [] if text is None else list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as error:
        report(f"{filename}: not CSV: {error}")
        return None
    return None if text is None else [unflatten(cls, row) for row in rows]


def _text(file: Traversable, filename: str, report: Callable[[str], None]) -> str | None:
    """Read a data file's text, or report its problem and return ``None``."""
    try:
        if not file.is_file():  # a FIFO would make the read wait for a writer, forever
            exists = getattr(file, "exists", file.is_dir)  # a zipped package's files have none
            kind = (
                "not a regular file (a directory, a FIFO?)" if exists() else "the file is missing"
            )
            report(f"{filename}: {kind}")
            return None
        data = file.read_bytes()
    except OSError as error:
        report(f"{filename}: cannot be read ({error.strerror or error})")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        report(f"{filename}: not UTF-8 (byte {data[error.start]:#04x} at offset {error.start})")
        return None
