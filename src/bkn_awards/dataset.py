"""The finished, immutable `Dataset` and its queries; the bundled one, and its queries as functions.

`load()` makes a dataset from a directory (`loading` reads it); the one that ships with the
package is made on the first query, once. The module functions (`bkn_awards.awards`...) are the
methods of that bundled dataset.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from bkn_awards.citations import CitationReport, verify
from bkn_awards.completeness import Coverage, coverage_of
from bkn_awards.consistency import Conflict
from bkn_awards.errors import DataError, QueryError
from bkn_awards.inventory import Manifest, describe
from bkn_awards.layout import FILE_NAMES, data_directory
from bkn_awards.lazy import Lazy
from bkn_awards.names import NO_DEFAULT
from bkn_awards.query import AwardIndex, AwardQuery, of_kind, of_years
from bkn_awards.records import (
    Award,
    Category,
    Edition,
    Event,
    Institution,
    Official,
    Source,
    Tally,
)
from bkn_awards.results import Records
from bkn_awards.snapshot import read as read_snapshot
from bkn_awards.vocabulary import InstitutionKind

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from bkn_awards.loading import Loaded

__all__ = [
    "Dataset",
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


class Dataset:
    """A set of BKN Award records and the queries over them.

    `bkn_awards.load()` gives the bundled one (the module functions query it), ``load(path)`` a
    directory of your own: each file's checked, linked records, their conflicts. It never changes.

    Example:
        >>> import bkn_awards
        >>> [a.rank for a in bkn_awards.load().awards(year=2022, institution="Pemkot Mojokerto")]
        [2, 3, 4]

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_conflicts", "_directory", "_files", "_index")

    def __init__(
        self,
        files: Mapping[str, Sequence[Any]],
        *,
        conflicts: Sequence[Conflict] = (),
        directory: Traversable | None = None,
    ) -> None:
        self._files = MappingProxyType({name: Records(files[name]) for name in FILE_NAMES})
        self._index = AwardIndex(
            self._files["awards"],
            self._files["institutions"],
            self._files["categories"],
            (edition.year for edition in self._files["editions"]),
        )
        self._conflicts = tuple(conflicts)
        self._directory = directory

    def __repr__(self) -> str:
        awards, institutions = len(self._files["awards"]), len(self._files["institutions"])
        return f"<Dataset: {awards} awards, {institutions} institutions>"

    def awards(self, query: AwardQuery | None = None, /, **filters: Any) -> Records[Award]:
        """Find awards, in the data's order; every filter given must hold, one left out does not.

        Args:
            query: The question as an `AwardQuery`; or give its filters as keywords.
            **filters: The fields of `AwardQuery`, by name (``year=2022``, ``province="Jateng"``).
                An institution is any region of Indonesia too; a rank or category filter finds
                an award by any of its placings.

        Returns:
            The awards. An empty answer's `Records.note` says why, where one filter alone
            finds nothing (a year with no edition, a place with no awards).

        Raises:
            QueryError: A filter is malformed (an empty name, a rank below 1, an unknown theme),
                or a query is given with filters beside it.
            UnknownInstitutionError: No institution, region or province has that name.
            AmbiguousInstitutionError: The name fits several institutions.
            UnknownCategoryError: No category name contains those words.

        Example:
            >>> import bkn_awards
            >>> [a.institution.name for a in bkn_awards.awards(theme="competency", rank=1, year=2020)]
            ['Pemerintah Kabupaten Sidoarjo', 'Pemerintah Provinsi Jawa Tengah']
            >>> bkn_awards.awards(institution="Kab. Bantul").note
            'Pemerintah Kabupaten Bantul (34.02) has no awards in the data'

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Takes an `AwardQuery` as well as its filters as keywords.
        """  # noqa: E501
        if query is None:
            query = AwardQuery(**filters)
        elif filters:
            raise QueryError("give an AwardQuery or filters as keywords, not both")
        found: Records[Award] = self._index.select(query)
        return found or Records.noted(found, self._index.why_empty(query))

    def institution(self, text: str | Institution, default: Any = NO_DEFAULT) -> Institution | Any:
        """Find the institution a name, alias, id or region code stands for.

        Case, accents and punctuation do not count; codes work without the dot (``"3515"``). Any
        region of Indonesia is found, as its government. A name not known is refused, with close
        names (or gives `default`); a name that fits several is refused all the same.

        Raises:
            UnknownInstitutionError: No institution or region has that name; a `LookupError`.
            AmbiguousInstitutionError: Several have it (``"Mojokerto"``); a `LookupError`.

        Example:
            >>> import bkn_awards
            >>> bkn_awards.institution("Pemprov Jatim").region_code
            '35'
            >>> bkn_awards.institution("Mojokerto")
            Traceback (most recent call last):
            ...
            bkn_awards.errors.AmbiguousInstitutionError: 'Mojokerto' is ambiguous: it may mean 'Pemerintah Kabupaten Mojokerto' or 'Pemerintah Kota Mojokerto'; use the full name, an alias such as 'Kab. ...' or 'Kota ...', or the region code

        .. versionadded:: 0.1.0
        """  # noqa: E501
        return self._index.names.find(text, default)

    def search_institutions(self, text: str, *, limit: int = 5) -> list[tuple[Institution, float]]:
        """Rank the institutions by how well a name or alias of each fits `text`, scored 0 to 1.

        Raises:
            QueryError: `text` is empty, or not a text.

        Example:
            >>> import bkn_awards
            >>> [(i.id, score) for i, score in bkn_awards.search_institutions("mojokerto", limit=2)]
            [('kab-mojokerto', 1.0), ('kota-mojokerto', 1.0)]

        .. versionadded:: 0.1.0
        """
        return self._index.names.search(text, limit)

    def institutions(self, *, kind: InstitutionKind | str | None = None) -> Records[Institution]:
        """List the institutions, or those of one kind.

        Raises:
            QueryError: `kind` is no kind of government.

        Example:
            >>> import bkn_awards
            >>> [i.name for i in bkn_awards.institutions(kind="regency")][:3]
            ['Pemerintah Kabupaten Tulungagung', 'Pemerintah Kabupaten Sidoarjo', 'Pemerintah Kabupaten Mojokerto']

        .. versionadded:: 0.1.0
        """  # noqa: E501
        return of_kind(self._files["institutions"], kind)

    def categories(self, *, year: int | Iterable[int] | None = None) -> Records[Category]:
        """List the categories, or those of some editions.

        Raises:
            QueryError: `year` is not a whole number, or several.

        Example:
            >>> import bkn_awards
            >>> [c.name for c in bkn_awards.categories(year=2023)][:2]
            ['Implementasi NSPK Manajemen ASN', 'Pengembangan Kompetensi']

        .. versionadded:: 0.1.0
        """
        return of_years(self._files["categories"], year)

    def sources(self) -> Records[Source]:
        """List the news articles the data comes from.

        Example:
            >>> import bkn_awards
            >>> [s.publisher for s in bkn_awards.sources()][:4]
            ['surabayapagi.com', 'BANGSAONLINE.com', 'ANTARA Jatim', 'Wartatransparansi.com']

        .. versionadded:: 0.1.0
        """
        return self._files["sources"]

    def officials(self) -> Records[Official]:
        """List the officials named in the reports, each with the office held at the time.

        Example:
            >>> import bkn_awards
            >>> sorted({o.name for o in bkn_awards.officials() if o.institution.id == "bkn"})
            ['Bima Haria Wibisana', 'Supranawa Yusuf']

        .. versionadded:: 0.1.0
        """
        return self._files["officials"]

    def events(self, *, year: int | Iterable[int] | None = None) -> Records[Event]:
        """List the ceremonies and handovers, or those of some editions.

        Raises:
            QueryError: `year` is not a whole number, or several.

        Example:
            >>> import bkn_awards
            >>> [(e.date.isoformat(), e.city) for e in bkn_awards.events(year=2020)]
            [('2020-12-17', None), ('2021-04-01', 'Surabaya'), ('2021-02-16', 'Manado')]

        .. versionadded:: 0.1.0
        """
        return of_years(self._files["events"], year)

    def tallies(self, *, year: int | Iterable[int] | None = None) -> Records[Tally]:
        """List the counts of awards the articles report, or those of some editions.

        Raises:
            QueryError: `year` is not a whole number, or several.

        Example:
            >>> import bkn_awards
            >>> [t.count for t in bkn_awards.tallies(year=2023)]
            [5, None, 34, 5]

        .. versionadded:: 0.1.0
        """
        return of_years(self._files["tallies"], year)

    def editions(self) -> Records[Edition]:
        """List the editions of the award the reports describe.

        Example:
            >>> import bkn_awards
            >>> [e.year for e in bkn_awards.editions()]
            [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]

        .. versionadded:: 0.1.0
        """
        return self._files["editions"]

    def conflicts(self) -> tuple[Conflict, ...]:
        """List where reports disagree, each claim with its record and citations.

        .. versionadded:: 0.1.0
        """
        return self._conflicts

    def coverage(self) -> tuple[Coverage, ...]:
        """Set each reported count beside the number of awards the data itemises for it.

        Example:
            >>> import bkn_awards
            >>> jatim = next(c for c in bkn_awards.coverage() if c.tally.id == "2022-jawa-timur")
            >>> jatim.reported, jatim.itemised, jatim.missing
            (32, 25, 7)

        .. versionadded:: 0.1.0
        """
        return coverage_of(self._files)

    def award(self, award_id: str) -> Award:
        """Return the award with this id.

        Raises:
            UnknownAwardError: No award has the id (a `LookupError`); close ids are suggested.

        Example:
            >>> import bkn_awards
            >>> bkn_awards.award("2020-kab-sidoarjo-penilaian-kompetensi").rank_label
            'Juara Pertama'

        .. versionadded:: 0.1.0
        """
        return self._index.award(award_id)

    def manifest(self) -> Manifest:
        """Describe the data: versions, counts by type and year, sources, file hashes (as now).

        Raises:
            DataError: A data file read at load time can no longer be read to fingerprint it.

        .. versionadded:: 0.1.0
        """
        return describe(self._files, self._directory)

    def verify_citations(self, articles_dir: str | os.PathLike[str]) -> CitationReport:
        """Check every citation against the article files in `articles_dir`.

        Each article is found by its SHA-256; the cited paragraphs must exist and mention what
        the record is about (web reports are not checked).

        Returns:
            A report of every problem (``report.ok`` when none).

        Raises:
            FileNotFoundError: There is no directory at `articles_dir`.

        .. versionadded:: 0.1.0
        """
        return verify(self._files, articles_dir)

    def records_by_file(self) -> dict[str, Records[Any]]:
        """Every record, grouped as the data files hold them: ``{"sources": ..., "awards": ...}``.

        Example:
            >>> import bkn_awards
            >>> list(bkn_awards.load().records_by_file())
            ['sources', 'institutions', 'officials', 'editions', 'categories', 'events', 'awards', 'tallies']

        .. versionadded:: 0.1.0
        """  # noqa: E501
        return dict(self._files)


def read_directory(directory: Traversable, *, regions: bool = True) -> Dataset:
    """Read and check every data file of `directory` into a `Dataset` (see `loading.read_files`).

    Raises:
        DataError: Every problem found, each on a line naming its file, record and field.
    """
    # The decoder (and cattrs) is imported only when data is decoded: the bundled data is read
    # from its snapshot where the package has one.
    from bkn_awards.loading import read_files

    def make(loaded: Loaded) -> Dataset:
        return Dataset(loaded.files, conflicts=loaded.conflicts, directory=directory)

    return read_files(directory, make, regions=regions)


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
        >>> data.awards(year=2020) == bkn_awards.awards(year=2020)
        True

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


def _read_bundled() -> Dataset:
    directory = data_directory()
    snapshot = read_snapshot(directory)
    if snapshot is None:
        # The tests check the bundled files against the region table (the full path).
        return read_directory(directory, regions=False)
    files, conflicts = snapshot
    return Dataset(files, conflicts=conflicts, directory=directory)


_BUNDLED = Lazy(_read_bundled)


def bundled() -> Dataset:
    """The dataset that ships with the package, read on first use, once, whatever the threads."""
    return _BUNDLED.get()


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
