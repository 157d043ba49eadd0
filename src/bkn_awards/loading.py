"""The way in: read a directory's files, decode and check them, and make the `Dataset`.

Also the bundled dataset, made once on first use, and the module-level queries over it.
"""

from __future__ import annotations

import functools
import gc
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from bkn_awards._decode import Decoder, parse
from bkn_awards.consistency import examine
from bkn_awards.dataset import Dataset
from bkn_awards.errors import DataError
from bkn_awards.model import RECORD_FILES, data_files
from bkn_awards.reference import data_directory
from bkn_awards.rows import unflatten

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "award",
    "awards",
    "bundled",
    "categories",
    "conflicts",
    "coverage",
    "editions",
    "events",
    "institution",
    "institutions",
    "load",
    "manifest",
    "officials",
    "read_directory",
    "search_institutions",
    "sources",
    "tallies",
    "verify_citations",
]

#: How many problems a `DataError` lists; it counts the rest. A file of 100,000 bad records
#: would otherwise hold 100,000 lines in memory, and no reader goes past the first screens.
PROBLEMS_LISTED = 200

_bundled: Dataset | None = None
_bundled_lock = threading.Lock()


def bundled() -> Dataset:
    """The dataset that ships with the package, read on first use, once, whatever the threads."""
    global _bundled
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                # The tests check the bundled files against the region table (the full path).
                _bundled = read_directory(data_directory(), regions=False)
    return _bundled


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a dataset: the bundled data, or a directory of data files of the same format.

    A directory holds the files the bundled data has (``sources.json``, ``institutions.json``,
    ``officials.json``, ``editions.json``, ``categories.json``, ``events.json``, ``awards.json``,
    ``tallies.json``), each a JSON list of records. Copy the bundled files and add to them to
    extend the data. A Data Package that `export` wrote (its ``datapackage.json``, or its
    directory) loads too, from its CSV tables.

    Args:
        path: The directory, or ``None`` for the data that ships with the package.

    Returns:
        The dataset, with every record checked and linked.

    Raises:
        DataError: A file is missing, not UTF-8 or not JSON, or a record is malformed or links
            to a record that does not exist. The message lists every problem with its file,
            record and field; nothing is half-loaded.

    Example:
        >>> import bkn_awards
        >>> data = bkn_awards.load()
        >>> len(data.awards(year=2020))
        22

    .. versionadded:: 0.1.0
    """
    if path is None:
        return bundled()
    import pathlib

    directory = pathlib.Path(path)
    if directory.name == "datapackage.json" and directory.is_file():
        directory = directory.parent
    if not directory.is_dir():
        raise DataError([f"{directory}: not a directory"])
    return read_directory(directory)


def read_directory(directory: Traversable, *, regions: bool = True) -> Dataset:
    """Read and check every data file of `directory`, or raise `DataError` listing each problem.

    The data files are its JSON files, or a Data Package's CSV tables (see `model.data_files`).
    With `regions` false, regional governments are not checked against the region table.
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
        return Dataset(files, conflicts=conflicts, directory=directory)
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
        report(f"{filename}: expected a JSON list of records, got {type(records).__name__}")
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


P = ParamSpec("P")
R = TypeVar("R")


def _on_bundled(method: Callable[Concatenate[Dataset, P], R]) -> Callable[P, R]:
    """The method of the bundled dataset as a plain function, documented as the method is."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        return method(bundled(), *args, **kwargs)

    # Documentation tools read the signature through __wrapped__: show it without `self`.
    signature = functools.partial(method, None)  # type: ignore[arg-type]
    call.__wrapped__ = signature
    call.__module__ = "bkn_awards"
    call.__qualname__ = method.__name__
    return call


award = _on_bundled(Dataset.award)
awards = _on_bundled(Dataset.awards)
institution = _on_bundled(Dataset.institution)
institutions = _on_bundled(Dataset.institutions)
search_institutions = _on_bundled(Dataset.search_institutions)
categories = _on_bundled(Dataset.categories)
sources = _on_bundled(Dataset.sources)
officials = _on_bundled(Dataset.officials)
events = _on_bundled(Dataset.events)
tallies = _on_bundled(Dataset.tallies)
editions = _on_bundled(Dataset.editions)
conflicts = _on_bundled(Dataset.conflicts)
coverage = _on_bundled(Dataset.coverage)
verify_citations = _on_bundled(Dataset.verify_citations)
manifest = _on_bundled(Dataset.manifest)
