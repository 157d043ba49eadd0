"""The layout of a data directory: which files it holds, the record type of each, JSON or CSV.

Everything that reads or writes data files asks this module which files there are. The links
between record types are read here too, from the records' field types and the files' order.
"""

import os
import typing
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import attrs

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
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "FILE_NAMES",
    "RECORD_FILES",
    "Link",
    "PackagePath",
    "data_directory",
    "data_files",
    "file_of",
    "links",
    "unwrap_optional",
]

#: The data files of a dataset directory with the record type each holds, in the order they
#: are read: a file links by id only to records of files before it.
RECORD_FILES: tuple[tuple[str, type[Any]], ...] = (
    ("sources.json", Source),
    ("institutions.json", Institution),
    ("officials.json", Official),
    ("editions.json", Edition),
    ("categories.json", Category),
    ("events.json", Event),
    ("awards.json", Award),
    ("tallies.json", Tally),
    ("aliases.json", Alias),
)


#: The names of the data files without ``.json``, in order: the keys of a dataset's records.
FILE_NAMES: tuple[str, ...] = tuple(name.removesuffix(".json") for name, _ in RECORD_FILES)


def data_files(directory: "Traversable") -> list[str]:
    """The data files of `directory`, in read order: its JSON files, or its CSV tables.

    The CSV tables are those `bkn-awards export` writes, alone (``--format csv``) or in a Data
    Package: a directory with no ``sources.json`` is read from them where it holds them or a
    ``datapackage.json``.

    Example:
        >>> data_files(data_directory())[:2]
        ['sources.json', 'institutions.json']
    """
    names = [name for name, _ in RECORD_FILES]
    tables = [name.replace(".json", ".csv") for name in names]
    if (directory / names[0]).is_file():
        return names
    exported = (directory / tables[0]).is_file() or (directory / "datapackage.json").is_file()
    return tables if exported else names


def file_of(record: object) -> str:
    """Name the data file that holds records of `record`'s type (``"awards.json"``...).

    Raises:
        StopIteration: `record` is of no record type of the data.
    """
    return next(name for name, cls in RECORD_FILES if isinstance(record, cls))


def data_directory() -> "Traversable":
    """The directory of the data files that ship with the package.

    Where the package is a plain directory, as pip installs it, that is its own ``data``
    directory, the one importlib-resources would find, as a `PackagePath`: importing
    importlib-resources would cost a fifth of the first query's time. Any other form of the
    package (a zip file, say) is left to importlib-resources.
    """
    directory = os.path.join(os.path.dirname(__file__), "data")
    if os.path.isdir(directory):
        return PackagePath(directory)
    import importlib_resources

    return importlib_resources.files("bkn_awards") / "data"


class PackagePath:
    """A file or directory of the installed package, read with `os` alone (a `Traversable`).

    `pathlib` would do, but its import costs a twentieth of a first query, which reads only
    the package's own files.

    Example:
        >>> (data_directory() / "awards.json").is_file()
        True
    """

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"PackagePath({self._path!r})"

    def __str__(self) -> str:
        return self._path

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PackagePath) and other._path == self._path

    def __hash__(self) -> int:
        return hash(self._path)

    @property
    def name(self) -> str:
        """The last part of the path."""
        return os.path.basename(self._path)

    def joinpath(self, *descendants: "str | os.PathLike[str]") -> "PackagePath":
        """The path below this one."""
        return PackagePath(os.path.join(self._path, *(os.fspath(d) for d in descendants)))

    def __truediv__(self, child: "str | os.PathLike[str]") -> "PackagePath":
        return self.joinpath(child)

    def is_dir(self) -> bool:
        """Whether it is a directory."""
        return os.path.isdir(self._path)

    def is_file(self) -> bool:
        """Whether it is a regular file."""
        return os.path.isfile(self._path)

    def exists(self) -> bool:
        """Whether anything is there."""
        return os.path.exists(self._path)

    def iterdir(self) -> Iterator["PackagePath"]:
        """The paths in this directory."""
        return (self.joinpath(name) for name in sorted(os.listdir(self._path)))

    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        """Open the file, as `open` does."""
        return open(self._path, mode, *args, **kwargs)

    def read_bytes(self) -> bytes:
        """The file's bytes."""
        with open(self._path, "rb") as file:
            return file.read()

    def read_text(self, encoding: str | None = None) -> str:
        """The file's text (UTF-8 unless told)."""
        with open(self._path, encoding=encoding or "utf-8") as file:
            return file.read()


def unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """Split ``X | None`` into ``(X, True)``; any other annotation is ``(annotation, False)``.

    Example:
        >>> unwrap_optional(int | None), unwrap_optional(str)
        ((<class 'int'>, True), (<class 'str'>, False))
    """
    args = typing.get_args(annotation)
    if type(None) not in args:
        return annotation, False
    return next(a for a in args if a is not type(None)), True


class Link(NamedTuple):
    """A field whose value is another file's record (or several), written in the files as ids.

    It holds the field's name, the record type linked to, the data file of those, and whether
    the field holds a tuple of them.
    """

    field: str
    target: type[Any]
    file: str
    many: bool


def links(cls: type[Any]) -> tuple[Link, ...]:
    """The links of a record class, read from its field types and `RECORD_FILES`.

    Example:
        >>> [(link.field, link.file) for link in links(Award)][:2]
        [('institution', 'institutions.json'), ('category', 'categories.json')]
    """
    files = {target: name for name, target in RECORD_FILES}
    attrs.resolve_types(cls)
    found = []
    for item in attrs.fields(cls):
        target = unwrap_optional(item.type)[0]
        many = typing.get_origin(target) is tuple
        if many:
            target = typing.get_args(target)[0]
        if target in files:
            found.append(Link(item.name, target, files[target], many))
    return tuple(found)
