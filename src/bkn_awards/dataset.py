"""The finished, immutable Dataset and its queries."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from bkn_awards.consistency import Conflict
from bkn_awards.entities import Category, Edition, Institution, Official, Source
from bkn_awards.index import NO_DEFAULT, AwardIndex, of_kind, of_years
from bkn_awards.model import FILE_NAMES, Award, Event, Tally
from bkn_awards.reference import InstitutionKind, Theme
from bkn_awards.results import Records

if TYPE_CHECKING:  # the modules behind rarer questions are imported when asked
    from importlib.resources.abc import Traversable

    from bkn_awards.citations import CitationReport
    from bkn_awards.reports import Coverage, Manifest

__all__ = ["Dataset"]


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
            self._files["awards"], self._files["institutions"], self._files["categories"]
        )
        self._conflicts = tuple(conflicts)
        self._directory = directory

    def __repr__(self) -> str:
        awards, institutions = len(self._files["awards"]), len(self._files["institutions"])
        return f"<Dataset: {awards} awards, {institutions} institutions>"

    def awards(
        self,
        *,
        year: int | Iterable[int] | None = None,
        institution: str | Institution | None = None,
        category: str | Category | None = None,
        rank: int | Iterable[int] | None = None,
        kind: InstitutionKind | str | None = None,
        province: str | None = None,
        theme: Theme | str | None = None,
    ) -> Records[Award]:
        """Find awards, in the data's order; every filter given must hold, one left out does not.

        Args:
            year: An edition year, or several.
            institution: A name, alias, id or code (see `institution`); any region of Indonesia.
            category: Words of its name, in any case (``"manajemen kinerja"``), or its id.
            rank: A place, or several. An award without one ("terbaik") matches no rank.
            kind: The level of government of the winner (``"city"``, ``"kota"``).
            province: A province (``"Jawa Tengah"``, ``"Jateng"``, ``"33"``): its government and
                every kabupaten and kota in it.
            theme: What the category judges, across editions (``"competency"``, a `Theme`).

        An empty answer's `Records.note` says why, where the data can tell.

        Raises:
            QueryError: A filter is malformed (an empty name, a rank below 1, an unknown theme).
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
        """  # noqa: E501
        year = list(year) if isinstance(year, Iterator) else year  # read twice, for the note too
        found: Records[Award]
        found = self._index.select(year, institution, category, rank, kind, province, theme)
        if found:
            return found
        from bkn_awards.reports import why_empty

        place = None if institution is None else self._index.names.find(institution)
        note = why_empty(self._files, self._index.select, year, place, province)
        return Records.noted(found, note)

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

        Example:
            >>> import bkn_awards
            >>> [(i.id, score) for i, score in bkn_awards.search_institutions("mojokerto", limit=2)]
            [('kab-mojokerto', 1.0), ('kota-mojokerto', 1.0)]

        .. versionadded:: 0.1.0
        """
        return self._index.names.search(text, limit)

    def institutions(self, *, kind: InstitutionKind | str | None = None) -> Records[Institution]:
        """List the institutions, or those of one kind.

        Example:
            >>> import bkn_awards
            >>> [i.name for i in bkn_awards.institutions(kind="regency")][:3]
            ['Pemerintah Kabupaten Tulungagung', 'Pemerintah Kabupaten Sidoarjo', 'Pemerintah Kabupaten Mojokerto']

        .. versionadded:: 0.1.0
        """  # noqa: E501
        return of_kind(self._files["institutions"], kind)

    def categories(self, *, year: int | Iterable[int] | None = None) -> Records[Category]:
        """List the categories, or those of some editions.

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
            >>> [s.publisher for s in bkn_awards.sources()][:5]
            ['surabayapagi.com', 'BANGSAONLINE.com', None, 'Wartatransparansi.com', None]

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

        Example:
            >>> import bkn_awards
            >>> [(e.date.isoformat(), e.city) for e in bkn_awards.events(year=2020)]
            [('2020-12-17', None), ('2021-04-01', 'Surabaya'), ('2021-02-16', 'Manado')]

        .. versionadded:: 0.1.0
        """
        return of_years(self._files["events"], year)

    def tallies(self, *, year: int | Iterable[int] | None = None) -> Records[Tally]:
        """List the counts of awards the articles report, or those of some editions.

        Example:
            >>> import bkn_awards
            >>> [t.count for t in bkn_awards.tallies(year=2023)]
            [None, 34, 5]

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
            >>> for c in bkn_awards.coverage()[6:8]:
            ...     print(c.tally.id, c.reported, c.itemised, c.missing)
            2022-jawa-timur 32 25 7
            2022-pemprov-jatim 3 3 0

        .. versionadded:: 0.1.0
        """
        from bkn_awards.reports import coverage

        return coverage(self._files)

    def award(self, award_id: str) -> Award:
        """Return the award with this id.

        An unknown id raises `UnknownAwardError`, a `LookupError`.

        Example:
            >>> import bkn_awards
            >>> bkn_awards.award("2020-kab-sidoarjo-penilaian-kompetensi").rank_label
            'Juara Pertama'

        .. versionadded:: 0.1.0
        """
        return self._index.award(award_id)

    def manifest(self) -> Manifest:
        """Describe the data: versions, counts by type and year, sources, file hashes (as now).

        .. versionadded:: 0.1.0
        """
        from bkn_awards.reports import describe

        return describe(self._files, self._directory)

    def verify_citations(self, articles_dir: str | os.PathLike[str]) -> CitationReport:
        """Check every citation against the article files in `articles_dir`.

        Each article is found by its SHA-256; the cited paragraphs must exist and mention what
        the record is about (web reports are not checked). Returns a report of every problem
        (``report.ok`` when none); `FileNotFoundError` where there is no directory.

        .. versionadded:: 0.1.0
        """
        from bkn_awards.citations import verify

        return verify(self._files, articles_dir)

    def records_by_file(self) -> dict[str, Records[Any]]:
        """Every record, grouped as the data files hold them: ``{"sources": ..., "awards": ...}``.

        Example:
            >>> import bkn_awards
            >>> {name: len(records) for name, records in bkn_awards.load().records_by_file().items()}
            {'sources': 61, 'institutions': 73, 'officials': 7, 'editions': 9, 'categories': 25, 'events': 25, 'awards': 135, 'tallies': 18}

        .. versionadded:: 0.1.0
        """  # noqa: E501
        return dict(self._files)
