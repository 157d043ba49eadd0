"""A dataset's inventory (its `Manifest`): versions, counts, sources, the files' fingerprints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from attrs import frozen

from bkn_awards.errors import DataError
from bkn_awards.layout import data_files
from bkn_awards.records import Shown
from bkn_awards.version import VERSION

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["Manifest", "describe"]


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Manifest(Shown):
    """The versions, contents and file fingerprints of a dataset.

    Attributes:
        library_version: The version of bkn-awards that loaded the data (its code's version).
        data_version: The version of the data, apart from the code's: the first 12 hex digits
            of a SHA-256 over every data file's fingerprint, so it changes whenever a data file
            does, and only then. ``bkn-awards --version`` prints it beside `library_version`.
        counts: For each record type, the number of records.
        counts_by_year: For each record type with years, the number of records of each year.
        sources: The ids of the sources, in order.
        files: For each data file, the SHA-256 of its bytes.

    Example:
        >>> import bkn_awards
        >>> manifest = bkn_awards.manifest()
        >>> manifest.counts["awards"] == len(bkn_awards.awards())
        True
        >>> manifest.counts_by_year["awards"][2022] == len(bkn_awards.awards(year=2022))
        True

    .. versionadded:: 0.1.0
    """

    library_version: str
    data_version: str
    counts: Mapping[str, int]
    counts_by_year: Mapping[str, Mapping[int, int]]
    sources: tuple[str, ...]
    files: Mapping[str, str]

    def to_dict(self) -> dict[str, Any]:
        """Return the manifest as plain JSON-ready data.

        .. versionadded:: 0.1.0
        """
        return {
            "library_version": self.library_version,
            "data_version": self.data_version,
            "counts": dict(self.counts),
            "counts_by_year": {
                k: {str(y): n for y, n in v.items()} for k, v in self.counts_by_year.items()
            },
            "sources": list(self.sources),
            "files": dict(self.files),
        }


def describe(files: Mapping[str, Sequence[Any]], directory: Traversable | None) -> Manifest:
    """Describe the records of each file, fingerprinting those of `directory` as they are now.

    Raises:
        DataError: A file read at load time cannot be read now.
    """
    import hashlib  # only a manifest fingerprints files

    hashes = {}
    files_of = [(name, directory / name) for name in data_files(directory)] if directory else []
    for name, path in files_of:
        try:
            hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:  # the files were there at load time, and are not now
            problem = f"{name}: cannot be read to fingerprint it ({error.strerror or error})"
            raise DataError([problem]) from None
    overall = hashlib.sha256("".join(f"{n}:{h}\n" for n, h in sorted(hashes.items())).encode())
    return Manifest(
        library_version=VERSION,
        data_version=overall.hexdigest()[:12] if hashes else "unknown",
        counts=MappingProxyType({name: len(records) for name, records in files.items()}),
        counts_by_year=MappingProxyType(
            {
                name: MappingProxyType(dict(sorted(Counter(r.year for r in records).items())))
                for name, records in files.items()
                if records and hasattr(records[0], "year")
            }
        ),
        sources=tuple(s.id for s in files["sources"]),
        files=MappingProxyType(hashes),
    )
