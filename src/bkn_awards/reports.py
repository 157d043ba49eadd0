"""What a dataset holds, for a notebook or a report to record exactly which data it used."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from attrs import frozen

from bkn_awards._fields import Shown
from bkn_awards.layout import RECORD_FILES

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from bkn_awards.dataset import Dataset

__all__ = ["Manifest", "describe"]


@frozen(kw_only=True)
class Manifest(Shown):
    """The versions, contents and file fingerprints of a dataset.

    Attributes:
        library_version: The version of bkn-awards that loaded the data.
        data_version: The first 12 hex digits of a SHA-256 over every data file: it changes
            whenever any record does.
        counts: For each record type, the number of records.
        counts_by_year: For each record type with years, the number of records of each year.
        sources: The ids of the sources, in order.
        files: For each data file, the SHA-256 of its bytes.

    Example:
        >>> import bkn_awards
        >>> manifest = bkn_awards.manifest()
        >>> manifest.counts["awards"], dict(manifest.counts_by_year["awards"])
        (17, {2020: 8, 2022: 4, 2023: 5})

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


def describe(dataset: Dataset, directory: Traversable | None) -> Manifest:
    """Describe `dataset`, fingerprinting the files of `directory` (as they are now) if given."""
    from bkn_awards import __version__

    listings = dataset.records_by_file()
    files = {}
    if directory is not None:
        files = {
            name: hashlib.sha256((directory / name).read_bytes()).hexdigest()
            for name, _ in RECORD_FILES
        }
    overall = hashlib.sha256("".join(f"{n}:{h}\n" for n, h in sorted(files.items())).encode())
    return Manifest(
        library_version=__version__,
        data_version=overall.hexdigest()[:12] if files else "unknown",
        counts=MappingProxyType({name: len(records) for name, records in listings.items()}),
        counts_by_year=MappingProxyType(
            {
                name: MappingProxyType(dict(sorted(Counter(r.year for r in records).items())))
                for name, records in listings.items()
                if records and hasattr(records[0], "year")
            }
        ),
        sources=tuple(s.id for s in dataset.sources()),
        files=MappingProxyType(files),
    )
