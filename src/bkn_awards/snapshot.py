"""The snapshot of the bundled records: made by the decoder when the wheel is built, read back.

The package's own data is decoded once, by the one decoder (`loading.read_files`, every check
on), when the wheel is built (``hatch_build.py``), and its records are pickled into
``data/snapshot.pickle``. The first query reads them back without cattrs or JSON. The snapshot
is used for the bundled data only, never for `bkn_awards.load` of a directory.

It is tied to what made it: the library's version, the fields of every record class, and the
size and CRC-32 of each data file. A snapshot that does not match, or cannot be read, is not
used: the data is decoded instead, with a `SnapshotWarning`. The records are read by an
unpickler that admits only the library's record classes and enums and the few standard types
they hold, so a foreign or corrupt snapshot can make no other object, and runs no code of its own.
"""

from __future__ import annotations

import io
import pickle
import warnings
import zlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from bkn_awards.layout import FILE_NAMES, RECORD_FILES, data_files
from bkn_awards.records import Citation, Placing
from bkn_awards.version import VERSION

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["FILENAME", "SnapshotWarning", "read", "write"]

#: The snapshot's file name in the data directory.
FILENAME = "snapshot.pickle"

#: What a snapshot holds: the records of each data file (``{"awards": (...)}``), the conflicts.
Contents = tuple[dict[str, tuple[Any, ...]], tuple[Any, ...]]

# The protocol of the snapshots written: 5 is read by every Python this library supports.
_PROTOCOL = 5

# What the unpickler may make: the classes of the records and of the conflicts between them,
# their enums, and the standard types their fields hold. Nothing else, whatever a file asks.
_ALLOWED = {
    "bkn_awards.records": {cls.__name__ for _, cls in RECORD_FILES} | {"Citation", "Placing"},
    "bkn_awards.vocabulary": {"EventKind", "Group", "InstitutionKind", "Theme"},
    "bkn_awards.consistency": {"Claim", "Conflict"},
    "datetime": {"date", "datetime", "timedelta", "timezone"},
}


class SnapshotWarning(RuntimeWarning):
    """The snapshot of the bundled records was not used, and the data files were decoded.

    .. versionadded:: 0.3.0
    """


class _RecordsOnly(pickle.Unpickler):
    """An unpickler that makes only the classes of `_ALLOWED`."""

    def find_class(self, module: str, name: str) -> Any:
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a class a snapshot may hold")


def fingerprint(directory: Traversable) -> dict[str, Any]:
    """What ties a snapshot to the data files of `directory` and to this library.

    The version, the fields of each record class (their names and types), and each data
    file's size and CRC-32: enough to tell a changed file, or a changed model, from those the
    snapshot was made of.
    """
    classes = [cls for _, cls in RECORD_FILES] + [Citation, Placing]
    return {
        "version": VERSION,
        "fields": [
            (cls.__name__, [(f.name, str(f.type)) for f in attrs.fields(cls)]) for cls in classes
        ],
        "files": {
            name: _checksum((directory / name).read_bytes()) for name in data_files(directory)
        },
    }


def _checksum(data: bytes) -> tuple[int, int]:
    return len(data), zlib.crc32(data)


def write(directory: Traversable) -> bytes:
    """Decode the data files of `directory` with every check, and return their snapshot.

    Raises:
        DataError: The data files have a problem; no snapshot is made of them.
    """
    from bkn_awards.loading import read_files  # only a build decodes to write a snapshot

    files, conflicts = read_files(directory, lambda loaded: loaded)
    contents: Contents = ({name: tuple(files[name]) for name in FILE_NAMES}, tuple(conflicts))
    buffer = io.BytesIO()
    pickle.dump(fingerprint(directory), buffer, protocol=_PROTOCOL)
    pickle.dump(contents, buffer, protocol=_PROTOCOL)
    return buffer.getvalue()


def read(directory: Traversable) -> Contents | None:
    """The records of the snapshot in `directory`, or ``None`` where there is none to use.

    No snapshot file (a checkout, an editable install) is ``None`` without a word; a snapshot
    that is corrupt, foreign, or made of other data or by another version is ``None`` with a
    `SnapshotWarning` saying why.
    """
    snapshot = directory / FILENAME
    try:
        if not snapshot.is_file():
            return None
        stream = io.BytesIO(snapshot.read_bytes())
        made_of = _RecordsOnly(stream).load()
        if made_of != fingerprint(directory):
            _refuse(snapshot, "it was made of other data files, or by another version")
            return None
        contents = _RecordsOnly(stream).load()
    except Exception as error:  # any failure to read it is a reason to decode instead
        _refuse(snapshot, f"it cannot be read ({type(error).__name__}: {error})")
        return None
    if not _well_formed(contents):
        _refuse(snapshot, "it does not hold the records of each data file")
        return None
    return contents  # type: ignore[no-any-return]


def _well_formed(contents: object) -> bool:
    if not (isinstance(contents, tuple) and len(contents) == 2):
        return False
    files, conflicts = contents
    return (
        isinstance(files, Mapping)
        and list(files) == list(FILE_NAMES)
        and all(
            isinstance(records, tuple) and all(type(r) is cls for r in records)
            for records, (_, cls) in zip(files.values(), RECORD_FILES, strict=True)
        )
        and isinstance(conflicts, Sequence)
    )


def _refuse(snapshot: object, why: str) -> None:
    message = f"{snapshot} is not used: {why}; the data files are decoded"
    warnings.warn(message, SnapshotWarning, stacklevel=4)
