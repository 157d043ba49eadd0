"""What a dataset holds: the counts it itemises, and a manifest of the files it was loaded from."""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from bkn_awards.entities import Institution, Shown, ref_repr
from bkn_awards.errors import DataError
from bkn_awards.model import Award, Tally, data_files
from bkn_awards.reference import province_named

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["Coverage", "Manifest", "coverage", "describe", "measure", "why_empty"]


@frozen(kw_only=True)
class Coverage:
    """A reported count beside the awards the data itemises for it.

    Attributes:
        tally: The reported count.
        reported: The number of awards the article reports, or ``None`` where it gives none.
        itemised: The number of award records the tally counts.
        missing: ``reported - itemised``: awards reported but not itemised (below 0 where the
            data itemises more, as reports disagree), or ``None`` where nothing was reported.
        recipients_reported: How many institutions the article says shared the awards, if it says.
        recipients_itemised: How many different institutions the itemised awards went to.

    .. versionadded:: 0.1.0
    """

    tally: Tally = field(repr=ref_repr)
    reported: int | None
    itemised: int
    missing: int | None
    recipients_reported: int | None
    recipients_itemised: int


def coverage(files: Mapping[str, Sequence[Any]]) -> tuple[Coverage, ...]:
    """Measure each tally of ``files["tallies"]`` against ``files["awards"]``."""
    return tuple(measure(tally, files["awards"]) for tally in files["tallies"])


def measure(tally: Tally, awards: Sequence[Award]) -> Coverage:
    """Count the awards of `awards` that `tally` counts, beside the count it reports."""
    counted = [award for award in awards if tally.counts(award)]
    return Coverage(
        tally=tally,
        reported=tally.count,
        itemised=len(counted),
        missing=None if tally.count is None else tally.count - len(counted),
        recipients_reported=tally.recipients,
        recipients_itemised=len({award.institution.id for award in counted}),
    )


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
        (135, {2016: 3, 2017: 1, 2018: 7, 2019: 5, 2020: 22, 2021: 35, 2022: 51, 2023: 11})

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
    """Describe the records of each file, fingerprinting those of `directory` as they are now."""
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
        library_version=importlib.metadata.version("bkn-awards"),
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


def why_empty(
    files: Mapping[str, Sequence[Any]],
    select: Callable[..., Sequence[Award]],
    year: object,
    institution: Institution | None,
    province: str | None,
) -> str | None:
    """Why no award matches a query, where the data can tell: years it lacks, a place with none.

    `select` is the index's, taking the filters of `Dataset.awards` in order.
    """
    held = sorted(e.year for e in files["editions"])
    years = {year} if isinstance(year, int) else set(year) if isinstance(year, Iterable) else set()
    if missing := sorted(years - set(held)):
        return f"the data holds no edition of {', '.join(map(str, missing))} (it holds {held})"
    if institution and not select(None, institution, None, None, None, None, None):
        code = institution.region_code or institution.id
        return f"{institution.name} ({code}) has no awards in the data"
    if province and not select(None, None, None, None, None, province, None):
        region = province_named(province).official_name
        return f"{region} and its kabupaten and kota have no awards in the data"
    return None
