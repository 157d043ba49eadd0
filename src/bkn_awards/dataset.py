"""The finished, immutable `Dataset` and its queries; the bundled one, and its queries as functions.

`load()` makes a dataset from a directory (`loading` reads it); the one that ships with the
package is made on the first query, once. The module functions (`bkn_awards.awards`...) are the
methods of that bundled dataset.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Concatenate, Literal, ParamSpec, TypeVar, overload

from bkn_awards.consistency import Conflict
from bkn_awards.errors import DataError, QueryError, UnknownAwardError
from bkn_awards.geography import Region, regions as regions_of_the_table
from bkn_awards.layout import FILE_NAMES, data_directory
from bkn_awards.lazy import Lazy
from bkn_awards.names import NO_DEFAULT, Match
from bkn_awards.query import AwardIndex, AwardQuery, of_kind, of_years
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
from bkn_awards.results import Records
from bkn_awards.snapshot import read as read_snapshot
from bkn_awards.vocabulary import Group, InstitutionKind, Theme

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from bkn_awards.citations import CitationReport
    from bkn_awards.completeness import Coverage, EditionTotals
    from bkn_awards.inventory import Manifest
    from bkn_awards.loading import Loaded

__all__ = [
    "SORT_KEYS",
    "Dataset",
    "FormerIdWarning",
    "aliases",
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
    "regions",
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
        [3, 2, 4]

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_conflicts", "_directory", "_files", "_index", "_order")

    def __init__(
        self,
        files: Mapping[str, Sequence[Any]],
        *,
        conflicts: Sequence[Conflict] = (),
        directory: Traversable | None = None,
    ) -> None:
        self._files = MappingProxyType({name: Records(files[name]) for name in FILE_NAMES})
        self._order = _AwardOrder(self._files["awards"], self._files["categories"])
        # Made on the first question, once: a dataset loaded to be checked or exported never
        # needs it. It holds the awards in the default order: an answer comes out sorted.
        self._index = Lazy(self._make_index)
        self._conflicts = Records(conflicts)
        self._directory = directory

    def __repr__(self) -> str:
        awards, institutions = len(self._files["awards"]), len(self._files["institutions"])
        return f"<Dataset: {awards} awards, {institutions} institutions>"

    def _make_index(self) -> AwardIndex:
        awards = self._files["awards"]
        return AwardIndex(
            Records(sorted(awards, key=self._order.default)),
            self._files["institutions"],
            self._files["categories"],
            (edition.year for edition in self._files["editions"]),
        )

    def awards(
        self,
        query: AwardQuery | None = None,
        /,
        *,
        sort: str | Sequence[str] | None = None,
        **filters: Any,
    ) -> Records[Award]:
        """Find awards; every filter given must hold, one left out does not.

        The awards come by edition, then category, then group, then rank, or as `sort` says.

        Args:
            query: The question as an `AwardQuery`; or give its filters as keywords.
            sort: A key of `SORT_KEYS`, or several, the first deciding first: ``"year"``,
                ``"institution"`` (by name), ``"category"`` (by theme, in the order of `Theme`,
                then as the data lists the categories), ``"rank"``, or ``"data"`` (as the data
                files list the awards). Awards a key does not tell apart keep the default
                order: by edition, category (as ``"category"``; none last), group (in
                the order of `Group`; none last) and rank (none, as "terbaik", last).
            **filters: The fields of `AwardQuery`: ``year``, ``institution``, ``category``,
                ``rank``, ``kind``, ``province``, ``theme``, ``group``. An institution is any
                region of Indonesia too; a rank or category filter finds an award by any of its
                placings; an award without a rank ("terbaik") matches no rank.

        Returns:
            The awards. An empty answer's `Records.note` says why, where one filter alone
            finds nothing (a year with no edition, a place with no awards).

        Raises:
            QueryError: A filter is malformed (an empty name, a rank below 1, an unknown theme),
                a query is given with filters beside it, or `sort` names no sort key.
            UnknownInstitutionError: No institution or region has that name.
            UnknownRegionError: No province has the name given as ``province``.
            AmbiguousInstitutionError: The name fits several institutions.
            UnknownCategoryError: No category name contains those words.

        Example:
            >>> import bkn_awards
            >>> [a.institution.name for a in bkn_awards.awards(theme="competency", rank=1, year=2020)]
            ['Pemerintah Kabupaten Sidoarjo', 'Pemerintah Provinsi Jawa Tengah']
            >>> [(a.year, a.rank) for a in bkn_awards.awards(institution="Kota Madiun", sort="rank")]
            [(2021, 1), (2020, 3), (2020, 3), (2022, None)]
            >>> bkn_awards.awards(institution="Kab. Bantul").note
            'Pemerintah Kabupaten Bantul (34.02) has no awards in the data'

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Takes an `AwardQuery` as well as its filters as keywords; `sort`; the awards come
           in the default order, not the data files' (``sort="data"``).
        """  # noqa: E501
        keys = _sort_keys(sort)
        if query is None:
            query = AwardQuery(**filters)
        elif filters:
            raise QueryError("give an AwardQuery or filters as keywords, not both")
        index = self._index.get()
        found: Records[Award] = index.select(query)
        if not found:
            return Records.noted(found, index.why_empty(query))
        return Records(sorted(found, key=self._order.by(keys))) if keys else found

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
        return self._index.get().names.find(text, default)

    def search_institutions(self, text: str, *, limit: int = 5) -> Records[Match]:
        """Rank the institutions, and every region's government, by how well a name fits `text`.

        Each is scored from 0 to 1; those below `bkn_awards.names.SEARCH_THRESHOLD` are left
        out, so a text like no name gives nothing.

        Raises:
            QueryError: `text` is empty, or not a text.

        Example:
            >>> import bkn_awards
            >>> [(i.id, score) for i, score in bkn_awards.search_institutions("mojokerto", limit=2)]
            [('kab-mojokerto', 1.0), ('kota-mojokerto', 1.0)]

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Returns `Records` of `Match` (each still unpacks as ``institution, score``).
        """
        return Records(self._index.get().names.search(text, limit))

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

    def categories(
        self, *, year: int | str | Iterable[int | str] | None = None
    ) -> Records[Category]:
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

    def events(self, *, year: int | str | Iterable[int | str] | None = None) -> Records[Event]:
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

    def tallies(self, *, year: int | str | Iterable[int | str] | None = None) -> Records[Tally]:
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

    def aliases(self) -> Records[Alias]:
        """List the award ids of earlier releases that name no award now, each with its award.

        `award` finds an award by any of them, with a `FormerIdWarning`.

        Example:
            >>> import bkn_awards
            >>> alias = bkn_awards.aliases()[0]
            >>> alias.id, alias.award.id
            ('2016-pemprov-jawa-barat-pengelola-manajemen-kepegawaian-terbaik', '2016-pemprov-jabar')

        .. versionadded:: 0.3.0
        """  # noqa: E501
        return self._files["aliases"]

    def conflicts(self) -> Records[Conflict]:
        """List where reports disagree, each claim with its record and citations.

        Example:
            >>> import bkn_awards
            >>> conflict = next(c for c in bkn_awards.conflicts() if c.field == "rank")
            >>> conflict.claims[0].record.id, [claim.value for claim in conflict.claims]
            ('2022-pemprov-jateng-kinerja', [4, 5])
            >>> bkn_awards.conflicts().to_records()[0]["values"]
            ['Penilaian Kinerja', 'Komitmen Pengawasan dan Pengendalian']

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Returns `Records` (a tuple still), which print as a table and convert to rows,
           JSON and pandas: a conflict's claims are the list columns ``values``, ``records``
           and ``sources``.
        """
        return self._conflicts

    @overload
    def coverage(self, *, by_edition: Literal[False] = False) -> Records[Coverage]: ...

    @overload
    def coverage(self, *, by_edition: Literal[True]) -> Records[EditionTotals]: ...

    def coverage(self, *, by_edition: bool = False) -> Records[Coverage] | Records[EditionTotals]:
        """Set each reported count beside the number of awards the data itemises for it.

        Args:
            by_edition: Give each edition's itemised awards beside the national totals reported
                instead (`EditionTotals`), one a year.

        Example:
            >>> import bkn_awards
            >>> jatim = next(c for c in bkn_awards.coverage() if c.tally.id == "2022-jawa-timur")
            >>> jatim.reported, jatim.itemised, jatim.missing
            (32, 25, 7)
            >>> edition = bkn_awards.coverage(by_edition=True)[-2]
            >>> edition.year, edition.reported
            (2022, 403)

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Returns `Records` (a tuple still), which print as a table and convert to rows,
           JSON and pandas, each row with the year of its count; ``by_edition``.
        """
        # Counting is for the few who ask: its module is imported then, not by every start.
        from bkn_awards.completeness import coverage_of, edition_totals_of

        if by_edition:
            return Records(edition_totals_of(self._files))
        return Records(coverage_of(self._files))

    def award(self, award_id: str) -> Award:
        """Return the award with this id.

        Raises:
            UnknownAwardError: No award has the id (a `LookupError`); close ids are suggested.

        Example:
            >>> import bkn_awards
            >>> bkn_awards.award("2020-kab-sidoarjo-kompetensi").rank_label
            'Juara Pertama'

        An id of an earlier release that names no award now (see `Alias`) still finds the
        award it stands for, with a `FormerIdWarning` that gives today's id.

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Finds an award by an earlier id too.
        """
        try:
            return self._index.get().award(award_id)
        except UnknownAwardError:
            # A miss is rare: the earlier ids are searched then, and kept in no index.
            alias = next((a for a in self.aliases() if a.id == award_id), None)
            if alias is None:
                raise
        warnings.warn(FormerIdWarning(alias), stacklevel=2)
        return alias.award

    def manifest(self) -> Manifest:
        """Describe the data: versions, counts by type and year, sources, file hashes (as now).

        Raises:
            DataError: A data file read at load time can no longer be read to fingerprint it.

        .. versionadded:: 0.1.0
        """
        from bkn_awards.inventory import describe

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
        from bkn_awards.citations import verify

        return verify(self._files, articles_dir)

    def records_by_file(self) -> dict[str, Records[Any]]:
        """Every record, grouped as the data files hold them: ``{"sources": ..., "awards": ...}``.

        Example:
            >>> import bkn_awards
            >>> list(bkn_awards.load().records_by_file())
            ['sources', 'institutions', 'officials', 'editions', 'categories', 'events', 'awards', 'tallies', 'aliases']

        .. versionadded:: 0.1.0
        """  # noqa: E501
        return dict(self._files)


#: The keys `Dataset.awards` sorts by: ``sort="rank"``, ``sort=["institution", "year"]``.
SORT_KEYS = ("year", "institution", "category", "rank", "data")


def _sort_keys(sort: str | Sequence[str] | None) -> tuple[str, ...]:
    """Read `sort` as sort keys, or refuse it naming what is not one."""
    keys = (sort,) if isinstance(sort, str) else () if sort is None else sort
    if not isinstance(keys, Iterable):
        raise QueryError(f"sort must be a sort key or several, not {sort!r}")
    keys = tuple(keys)
    for key in keys:
        if key not in SORT_KEYS:
            known = ", ".join(SORT_KEYS)
            raise QueryError(f"sort must be one of {known}, not {key!r}")
    return keys


# Where an award's category puts it in the default order: one the dataset does not list comes
# after every listed one, and an award with no category after those.
_UNKNOWN = (len(Theme), 0)
_LAST = (len(Theme) + 1, 0)
_LAST_GROUP = len(Group)


class _AwardOrder:
    """How a dataset's awards are ordered: by default, and by each sort key."""

    __slots__ = ("_categories", "_groups", "_positions")

    def __init__(self, awards: Sequence[Award], categories: Sequence[Category]) -> None:
        themes = {theme: number for number, theme in enumerate(Theme)}
        self._groups = {group: number for number, group in enumerate(Group)}
        self._categories = {c.id: (themes[c.theme], n) for n, c in enumerate(categories)}
        self._positions = Lazy(lambda: {award.id: n for n, award in enumerate(awards)})

    def default(self, award: Award) -> tuple[Any, ...]:
        """Edition, category, group, rank: each missing one last."""
        group = award.group
        return (
            award.year,
            self._category(award),
            _LAST_GROUP if group is None else self._groups[group],
            self._rank(award),
        )

    def by(self, keys: Sequence[str]) -> Callable[[Award], Any]:
        """The sort key of `keys`, the first deciding first."""
        made = [getattr(self, f"_{key}") for key in keys]
        return made[0] if len(made) == 1 else lambda a: tuple(key(a) for key in made)

    def _year(self, award: Award) -> int:
        return award.year

    def _institution(self, award: Award) -> str:
        return award.institution.name.casefold()

    def _category(self, award: Award) -> tuple[int, int]:
        # A disputed award is placed by the first category reported, and its lowest rank.
        categories = award.categories
        return self._categories.get(categories[0].id, _UNKNOWN) if categories else _LAST

    def _rank(self, award: Award) -> tuple[bool, int]:
        ranks = award.ranks
        return (False, ranks[0]) if ranks else (True, 0)

    def _data(self, award: Award) -> int:
        return self._positions.get()[award.id]


class FormerIdWarning(FutureWarning):
    """An award was found by an id of an earlier release: the message gives today's id.

    Attributes:
        alias: The earlier id, with the award it stands for (`Alias`).

    .. versionadded:: 0.3.0
    """

    def __init__(self, alias: Alias) -> None:
        self.alias = alias
        super().__init__(
            f"{alias.id!r} is an id of the releases before {alias.since} ({alias.reason}); "
            f"the award's id is {alias.award.id!r}"
        )


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


def regions() -> Records[Region]:
    """Every region of Indonesia's table (552), provinces first, each in code order.

    Example:
        >>> len(regions()), regions()[0].name
        (552, 'Aceh')
        >>> int(regions().to_pandas()["kind"].value_counts()["city"])
        98

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       Returns `Records`, which print as a table and convert to rows, JSON and pandas.
    """
    return Records(regions_of_the_table())


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


aliases = _on_bundled(Dataset.aliases)
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
