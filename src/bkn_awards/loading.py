"""Reading a data directory (the bundled one or a user's) into a checked `Dataset`."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from bkn_awards.bulk import Shared, structure_text
from bkn_awards.dataset import Dataset
from bkn_awards.errors import DataError, FieldValueError
from bkn_awards.layout import RECORD_FILES

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import cattrs

__all__ = ["BUNDLED", "load", "read_directory"]


def _read_bundled() -> Dataset:
    return read_directory(_bundled_directory())


def _bundled_directory() -> Traversable:
    """The directory of the data files that ship with the package.

    Where the package is a plain directory, as pip installs it, that is its own ``data``
    directory, the one importlib-resources would find: importing importlib-resources would cost
    a fifth of the first query's time. Any other form of the package (a zip file, say) is left
    to importlib-resources.
    """
    directory = os.path.join(os.path.dirname(__file__), "data")
    if os.path.isdir(directory):
        import pathlib

        return pathlib.Path(directory)
    import importlib_resources

    return importlib_resources.files("bkn_awards") / "data"


#: The data that ships with the package, read on first use.
BUNDLED = Dataset.deferred(_read_bundled)


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a dataset: the bundled data, or a directory of data files of the same format.

    A directory holds the files the bundled data has (``sources.json``, ``institutions.json``,
    ``officials.json``, ``editions.json``, ``categories.json``, ``events.json``, ``awards.json``,
    ``tallies.json``), each a JSON list of records. Copy the bundled files and add to them to
    extend the data.

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
        8

    .. versionadded:: 0.1.0
    """
    if path is None:
        return BUNDLED
    directory = os.fspath(path)
    if not os.path.isdir(directory):
        raise DataError([f"{directory}: not a directory"])
    import pathlib

    return read_directory(pathlib.Path(directory))


def read_directory(directory: Traversable) -> Dataset:
    """Read and check every data file of `directory`, or raise `DataError` listing each problem."""
    # Bulk creation of records sets off the cyclic garbage collector again and again, for
    # nothing: none of them is garbage. It runs once, as usual, after the load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_directory(directory)
    finally:
        if collecting:
            gc.enable()


def _read_directory(directory: Traversable) -> Dataset:
    reader = _Reader()
    loaded = {
        filename.removesuffix(".json"): reader.read(directory, filename, cls)
        for filename, cls in RECORD_FILES
    }
    problems = reader.problems
    if not problems:
        # Cross-record checks only make sense once every record stands on its own.
        from bkn_awards.checks import check_records

        problems = check_records(
            categories=loaded["categories"],
            awards=loaded["awards"],
            events=loaded["events"],
            tallies=loaded["tallies"],
            editions=loaded["editions"],
        )
    if problems:
        raise DataError(problems)
    dataset = Dataset(**loaded)
    dataset._directory = directory
    return dataset


class _Reader:
    """Reads the files of one directory in order, each linking to the records of those before.

    A file is structured whole by `structure_text` where it is valid. Where it is not, the cattrs
    converter goes through it record by record to list every problem with its record and field;
    the converter (and cattrs) is only made then, so valid data never pays for it.
    """

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._shared = Shared(cls for _, cls in RECORD_FILES)
        self._broken: dict[type[Any], Callable[[str], bool]] = {}
        self._converter: cattrs.Converter | None = None

    def read(self, directory: Traversable, filename: str, cls: type[Any]) -> tuple[Any, ...]:
        """Structure the records of one file, adding its problems; keep them as link targets."""
        text = _read_text(directory / filename, filename, self.problems)
        records = None if text is None else structure_text(text, cls, self._shared)
        by_id = {record.id: record for record in records or ()}
        if records is None or len(by_id) != len(records):  # invalid, or an id repeated
            raw = None if text is None else _parse(text, filename, self.problems)
            by_id, broken = self._read_each(raw, filename, cls)
        else:
            broken = _nothing
        self._shared.targets[cls] = by_id
        self._broken[cls] = broken
        if self._converter is not None:
            _link(self._converter, cls, by_id, broken)
        return tuple(by_id.values())

    def _read_each(
        self, raw: list[Any] | None, filename: str, cls: type[Any]
    ) -> tuple[dict[str, Any], Callable[[str], bool]]:
        """Structure records one by one, listing the problems of each; return the good ones."""
        from bkn_awards.converter import record_structurer

        structure = record_structurer(self.converter(), cls)
        by_id: dict[str, Any] = {}
        failed: set[str] = set()
        for index, item in enumerate(raw or ()):
            try:
                record = structure(item, cls)
            except Exception as error:  # every failure becomes a listed problem
                self.problems.extend(_describe(filename, _label(index, item), error))
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    failed.add(item["id"])
                continue
            if record.id in by_id:
                label = _label(index, item)
                self.problems.append(f"{filename}: record {label}: id: duplicate id {record.id!r}")
                continue
            by_id[record.id] = record
        # Links into a file that could not be read, or to a record that failed, are not
        # problems of their own: the root cause is reported already.
        return by_id, (_everything if raw is None else failed.__contains__)

    def converter(self) -> cattrs.Converter:
        """The record-by-record converter, made on first need, knowing every link so far."""
        if self._converter is None:
            from bkn_awards.converter import make_converter

            self._converter = make_converter()
            for cls, by_id in self._shared.targets.items():
                _link(self._converter, cls, by_id, self._broken[cls])
        return self._converter


def _link(
    converter: cattrs.Converter,
    cls: type[Any],
    by_id: Mapping[str, Any],
    broken: Callable[[str], bool],
) -> None:
    from bkn_awards.converter import register_links

    register_links(converter, cls, by_id, broken=broken)


def _nothing(_id: str) -> bool:
    return False


def _everything(_id: str) -> bool:
    return True


def _read_text(file: Traversable, filename: str, problems: list[str]) -> str | None:
    """Read a data file's text, or add its problem and return ``None``."""
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        problems.append(f"{filename}: the file is missing")
        return None
    except OSError as error:
        problems.append(f"{filename}: cannot be read ({error.strerror or error})")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(
            f"{filename}: not UTF-8 (byte {data[error.start]:#04x} at offset {error.start})"
        )
        return None
    return text


def _parse(text: str, filename: str, problems: list[str]) -> list[Any] | None:
    """Parse a data file's records, or add its problem and return ``None``."""
    import json

    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            f"{filename}: line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}"
        )
        return None
    except RecursionError:
        problems.append(f"{filename}: invalid JSON: lists or objects nested too deeply to read")
        return None
    except ValueError as error:  # valid JSON beyond a limit of Python's, as a 5,000-digit number
        problems.append(f"{filename}: cannot be read: {error}")
        return None
    if not isinstance(records, list):
        problems.append(
            f"{filename}: expected a JSON list of records, got {type(records).__name__}"
        )
        return None
    return records


def _label(index: int, raw: Any) -> str:
    """Name a raw record in messages: by its id if it has one, else by its place in the file."""
    identifier = raw.get("id") if isinstance(raw, dict) else None
    return repr(identifier) if isinstance(identifier, str) else f"#{index}"


def _describe(filename: str, label: str, error: Exception) -> list[str]:
    """Turn a structuring failure into problem lines, one for each field at fault."""
    import cattrs

    lines = []
    for message in cattrs.transform_error(error, path="", format_exception=_explain):
        text, _, path = message.rpartition(" @ ")
        if text != _QUIET:
            # A validator's problem belongs to its field, below the record it is found in.
            field, _, problem = text.rpartition(_FIELD)
            path = ".".join(part for part in (path.lstrip("."), field) if part)
            lines.append(f"{filename}: record {label}: {path or '(record)'}: {problem}")
    return lines


# What `_explain` says of a link to a broken record: its problem is reported at the record.
_QUIET = "(link to a broken record)"
# Ends the name of the field that `_explain` puts before a validator's problem.
_FIELD = "\x1f"


def _explain(error: BaseException, _type: object) -> str:
    from cattrs.errors import ForbiddenExtraKeysError

    from bkn_awards.converter import BrokenLinkError

    if isinstance(error, BrokenLinkError):
        return _QUIET
    if isinstance(error, FieldValueError):
        return f"{error.field}{_FIELD}{error.problem}"
    if isinstance(error, ForbiddenExtraKeysError):
        return "unknown field(s) " + ", ".join(sorted(error.extra_fields))
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, AttributeError) and ("'items'" in str(error) or "'keys'" in str(error)):
        # cattrs met something else where it needed a mapping.
        return "expected a JSON object"
    # The library's own hooks and validators say what is wrong in their messages.
    return str(error)
