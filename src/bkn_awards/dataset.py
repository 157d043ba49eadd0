"""A loaded set of records with the indexes that answer queries."""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bkn_awards.award_record import Award
from bkn_awards.category import Category
from bkn_awards.edition import Edition
from bkn_awards.errors import (
    AmbiguousInstitutionError,
    QueryError,
    UnknownAwardError,
    UnknownCategoryError,
    UnknownInstitutionError,
)
from bkn_awards.event import Event
from bkn_awards.government import Institution, InstitutionKind
from bkn_awards.index import AwardIndex, Filters
from bkn_awards.names import name_key, name_words
from bkn_awards.official import Official
from bkn_awards.provenance import Source
from bkn_awards.records import Records
from bkn_awards.tally import Tally

if TYPE_CHECKING:
    # Imported where they are used: `import bkn_awards` should not pay for them.
    from importlib.resources.abc import Traversable

    from bkn_awards.disputes import Conflict
    from bkn_awards.inventory import Manifest
    from bkn_awards.itemisation import Coverage
    from bkn_awards.verification import CitationReport

__all__ = ["Dataset"]


class _OfAYear(Protocol):
    @property
    def year(self) -> int: ...


R = TypeVar("R", bound=_OfAYear)


class Dataset:
    """A set of BKN Award records and the queries over them.

    Get the bundled one with `bkn_awards.load()`, or a directory of your own with
    ``bkn_awards.load(path)``. The module-level functions (`bkn_awards.awards` and friends) query
    the bundled dataset. A dataset never changes once made; its methods return tuples.

    Example:
        >>> import bkn_awards
        >>> data = bkn_awards.load()
        >>> [a.rank for a in data.awards(year=2022, institution="Pemkot Mojokerto")]
        [2, 3, 4]

    .. versionadded:: 0.1.0
    """

    __slots__ = (
        "_by_id",
        "_categories",
        "_category_matches",
        "_category_words",
        "_category_years",
        "_conflicts",
        "_directory",
        "_editions",
        "_events",
        "_index",
        "_institution_keys",
        "_institutions",
        "_loader",
        "_lock",
        "_officials",
        "_sources",
        "_tallies",
    )

    def __init__(
        self,
        *,
        sources: Sequence[Source],
        institutions: Sequence[Institution],
        officials: Sequence[Official],
        editions: Sequence[Edition],
        categories: Sequence[Category],
        events: Sequence[Event],
        awards: Sequence[Award],
        tallies: Sequence[Tally],
    ) -> None:
        self._loader: Callable[[], Dataset] | None = None
        self._lock = threading.Lock()
        self._sources = Records(sources)
        self._institutions = Records(institutions)
        self._officials = Records(officials)
        self._editions = Records(editions)
        self._categories = Records(categories)
        self._events = Records(events)
        self._tallies = Records(tallies)
        self._index = AwardIndex(awards)
        self._institution_keys: dict[str, tuple[Institution, ...]] | None = None
        self._category_words = {c.id: frozenset(name_words(c.name)) for c in self._categories}
        self._category_years = {c.id: c.year for c in self._categories}
        self._category_matches: dict[str, frozenset[str]] = {}
        self._conflicts: tuple[Conflict, ...] | None = None
        self._by_id: dict[str, Award] | None = None
        self._directory: Traversable | None = None

    @classmethod
    def deferred(cls, loader: Callable[[], Dataset]) -> Dataset:
        """Make a dataset that calls `loader` for its records on first use, once.

        Many threads asking at once get one load; nothing is read before the first question.

        .. versionadded:: 0.1.0
        """
        dataset = cls.__new__(cls)
        dataset._loader = loader
        dataset._lock = threading.Lock()
        return dataset

    def _ready(self) -> None:
        if self._loader is not None:
            self._load()

    def _load(self) -> None:
        with self._lock:
            loader = self._loader
            if loader is None:
                return
            loaded = loader()
            for slot in Dataset.__slots__:
                if slot not in ("_loader", "_lock"):
                    setattr(self, slot, getattr(loaded, slot))
            # Cleared last: a thread that sees no loader finds every slot filled.
            self._loader = None

    def __repr__(self) -> str:
        if self._loader is not None:
            return "<Dataset: not loaded yet>"
        return (
            f"<Dataset: {len(self._index.awards)} awards, {len(self._institutions)} institutions>"
        )

    def awards(
        self,
        *,
        year: int | Iterable[int] | None = None,
        institution: str | Institution | None = None,
        category: str | Category | None = None,
        rank: int | Iterable[int] | None = None,
        kind: InstitutionKind | str | None = None,
    ) -> Records[Award]:
        """Find awards; every filter given must hold (AND), a filter left out does not count.

        Args:
            year: An edition year, or several.
            institution: A name, alias, id or region code (see `institution`), or an
                `Institution`.
            category: Words every matching category name contains, in any case and with or
                without accents (``"manajemen kinerja"``), a category id, or a `Category`.
            rank: A place, or several (``1`` for first places). Awards reported without a
                number ("terbaik") have no rank and only match when `rank` is left out.
            kind: The level of government of the winner (``"city"`` or
                `InstitutionKind.CITY`).

        Returns:
            The matching awards, in the order of the data (by edition, then as reported).

        Raises:
            QueryError: A filter is malformed (an empty name, a rank below 1, a year that is not
                a whole number, an unknown kind).
            UnknownInstitutionError: No institution has that name.
            AmbiguousInstitutionError: The name fits several institutions.
            UnknownCategoryError: No category name contains those words.

        Example:
            >>> import bkn_awards
            >>> [a.institution.name for a in bkn_awards.awards(category="penilaian kompetensi", rank=1)]
            ['Pemerintah Kabupaten Sidoarjo']
            >>> len(bkn_awards.awards(year=[2020, 2023], rank=1))
            5

        .. versionadded:: 0.1.0
        """  # noqa: E501
        self._ready()
        # Read once: `year` may be a generator, and the category filter needs the years too.
        years = None if year is None else _whole_numbers("year", year, minimum=1)
        filters: Filters = (
            years,
            None if institution is None else frozenset((self.institution(institution).id,)),
            None if category is None else self._match_categories(category, years),
            None if rank is None else _whole_numbers("rank", rank, minimum=1),
            None if kind is None else frozenset((_kind(kind),)),
        )
        return self._index.select(filters)

    def institution(self, text: str | Institution) -> Institution:
        """Find the institution a name, alias, id or region code stands for.

        Case, accents and punctuation do not count (``"kab sidoarjo"`` finds ``"Kab. Sidoarjo"``);
        region codes work with or without the dot (``"35.15"``, ``"3515"``). There is no guessing:
        a text that is not a known name is refused, with the close names as suggestions.

        Args:
            text: What to look up, or an `Institution` of this dataset (returned as it is).

        Returns:
            The one institution the text names.

        Raises:
            QueryError: `text` is empty or not a string.
            UnknownInstitutionError: No institution has that name; a `LookupError`.
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
        self._ready()
        if isinstance(text, Institution):
            if text not in self._institutions:
                raise UnknownInstitutionError(text.name, [])
            return text
        if not isinstance(text, str):
            raise QueryError(f"institution must be a name or an Institution, not {text!r}")
        key = name_key(text)
        if not key:
            raise QueryError("institution must not be empty")
        found = self._names().get(key, ())
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousInstitutionError(text, [i.name for i in found])
        raise UnknownInstitutionError(text, self._suggest_institutions(key))

    def institutions(self, *, kind: InstitutionKind | str | None = None) -> Records[Institution]:
        """List the institutions, or those of one kind.

        Example:
            >>> import bkn_awards
            >>> [i.name for i in bkn_awards.institutions(kind="regency")]
            ['Pemerintah Kabupaten Tulungagung', 'Pemerintah Kabupaten Sidoarjo', 'Pemerintah Kabupaten Mojokerto']

        .. versionadded:: 0.1.0
        """  # noqa: E501
        self._ready()
        if kind is None:
            return self._institutions
        wanted = _kind(kind)
        return Records(i for i in self._institutions if i.kind is wanted)

    def categories(self, *, year: int | Iterable[int] | None = None) -> Records[Category]:
        """List the categories, or those of some editions.

        Example:
            >>> import bkn_awards
            >>> [c.name for c in bkn_awards.categories(year=2023)][:2]
            ['Implementasi NSPK Manajemen ASN', 'Pengembangan Kompetensi']

        .. versionadded:: 0.1.0
        """
        self._ready()
        return _of_years(self._categories, year)

    def sources(self) -> Records[Source]:
        """List the news articles the data comes from.

        Example:
            >>> import bkn_awards
            >>> [s.publisher for s in bkn_awards.sources()]
            ['surabayapagi.com', 'BANGSAONLINE.com', None, 'Wartatransparansi.com', None]

        .. versionadded:: 0.1.0
        """
        self._ready()
        return self._sources

    def officials(self) -> Records[Official]:
        """List the officials named in the reports, each with the office held at the time.

        Example:
            >>> import bkn_awards
            >>> sorted({o.name for o in bkn_awards.officials() if o.institution.id == "bkn"})
            ['Bima Haria Wibisana', 'Supranawa Yusuf']

        .. versionadded:: 0.1.0
        """
        self._ready()
        return self._officials

    def events(self, *, year: int | Iterable[int] | None = None) -> Records[Event]:
        """List the ceremonies and handovers, or those of some editions.

        Example:
            >>> import bkn_awards
            >>> [(e.date.isoformat(), e.date_inferred) for e in bkn_awards.events(year=2020)]
            [('2020-12-17', False), ('2021-04-01', True)]

        .. versionadded:: 0.1.0
        """
        self._ready()
        return _of_years(self._events, year)

    def tallies(self, *, year: int | Iterable[int] | None = None) -> Records[Tally]:
        """List the counts of awards the articles report, or those of some editions.

        Example:
            >>> import bkn_awards
            >>> [t.count for t in bkn_awards.tallies(year=2023)]
            [None, 34, 5]

        .. versionadded:: 0.1.0
        """
        self._ready()
        return _of_years(self._tallies, year)

    def editions(self) -> Records[Edition]:
        """List the editions of the award the articles report.

        Example:
            >>> import bkn_awards
            >>> [e.year for e in bkn_awards.editions()]
            [2020, 2022, 2023]

        .. versionadded:: 0.1.0
        """
        self._ready()
        return self._editions

    def conflicts(self) -> tuple[Conflict, ...]:
        """List where records about the same thing disagree, each claim with its citations.

        The bundled articles agree with each other, so the bundled data has none; a user's data
        directory may add a report that contradicts one.

        Example:
            >>> import bkn_awards
            >>> bkn_awards.conflicts()
            ()

        .. versionadded:: 0.1.0
        """
        from bkn_awards.disputes import find_conflicts

        self._ready()
        if self._conflicts is None:
            awards = self._index.awards
            self._conflicts = find_conflicts(
                awards=awards, events=self._events, tallies=self._tallies, editions=self._editions
            )
        return self._conflicts

    def coverage(self) -> tuple[Coverage, ...]:
        """Set each reported count beside the number of awards the data itemises for it.

        Example:
            >>> import bkn_awards
            >>> for c in bkn_awards.coverage()[2:4]:
            ...     print(c.tally.id, c.reported, c.itemised, c.missing)
            2022-jawa-timur 32 4 28
            2022-pemprov-jatim 3 0 3

        .. versionadded:: 0.1.0
        """
        from bkn_awards.itemisation import measure

        self._ready()
        return tuple(measure(tally, self._index.awards) for tally in self._tallies)

    def award(self, award_id: str) -> Award:
        """Return the award with this id.

        Raises:
            UnknownAwardError: No award has that id; a `LookupError`.

        Example:
            >>> import bkn_awards
            >>> bkn_awards.award("2020-kab-sidoarjo-penilaian-kompetensi").rank_label
            'Juara Pertama'

        .. versionadded:: 0.1.0
        """
        self._ready()
        if self._by_id is None:
            self._by_id = {a.id: a for a in self._index.awards}
        try:
            return self._by_id[award_id]
        except (KeyError, TypeError):
            raise UnknownAwardError(award_id) from None

    def manifest(self) -> Manifest:
        """Describe the data: versions, record counts by type and year, sources, file hashes.

        Record it beside an analysis to say exactly which data it used. The file hashes are
        taken of the files the dataset was loaded from, as they are when asked.

        .. versionadded:: 0.1.0
        """
        from bkn_awards.inventory import describe

        self._ready()
        return describe(self, self._directory)

    def verify_citations(self, articles_dir: str | os.PathLike[str]) -> CitationReport:
        """Check every citation against the article files in `articles_dir`.

        Each source's article is found by its SHA-256; the cited paragraphs must exist and
        mention what the record is about (an award's institution, an event's date or
        officials, a tally's count, an edition's year, a category's or official's name).

        Args:
            articles_dir: A directory holding the article files.

        Returns:
            A report listing every problem; ``report.ok`` when there is none.

        Raises:
            FileNotFoundError: `articles_dir` is not a directory.

        .. versionadded:: 0.1.0
        """
        from bkn_awards.verification import verify_dataset

        self._ready()
        return verify_dataset(self, articles_dir)

    def records_by_file(self) -> dict[str, Records[Any]]:
        """Every record, grouped as the data files hold them: ``{"sources": ..., "awards": ...}``.

        Example:
            >>> import bkn_awards
            >>> {name: len(records) for name, records in bkn_awards.load().records_by_file().items()}
            {'sources': 5, 'institutions': 10, 'officials': 7, 'editions': 3, 'categories': 13, 'events': 5, 'awards': 17, 'tallies': 9}

        .. versionadded:: 0.1.0
        """  # noqa: E501
        self._ready()
        return {
            "sources": self._sources,
            "institutions": self._institutions,
            "officials": self._officials,
            "editions": self._editions,
            "categories": self._categories,
            "events": self._events,
            "awards": self._index.awards,
            "tallies": self._tallies,
        }

    def _match_categories(
        self, category: str | Category, years: frozenset[int] | None
    ) -> frozenset[str]:
        if isinstance(category, Category):
            found = frozenset((category.id,))
        elif isinstance(category, str):
            found = self._category_matches.get(category) or self._find_categories(category)
        else:
            raise QueryError(f"category must be words of its name or a Category, not {category!r}")
        if years is None:
            return found
        # A category belongs to one edition: keep those of the years asked for, so that the
        # index walks one edition's awards rather than every edition's.
        return frozenset(c for c in found if self._category_years[c] in years)

    def _find_categories(self, text: str) -> frozenset[str]:
        words = frozenset(name_words(text))
        if not words:
            raise QueryError("category must not be empty")
        found = frozenset(
            c.id for c in self._categories if c.id == text or words <= self._category_words[c.id]
        )
        if not found:
            import difflib

            names = sorted({c.name for c in self._categories})
            raise UnknownCategoryError(text, difflib.get_close_matches(text, names, n=3))
        self._category_matches[text] = found
        return found

    def _names(self) -> dict[str, tuple[Institution, ...]]:
        # Built on the first look-up by name: loading data that is only queried by year or
        # category need not fold thousands of names and aliases.
        if self._institution_keys is None:
            self._institution_keys = _institution_keys(self._institutions)
        return self._institution_keys

    def _suggest_institutions(self, key: str) -> list[str]:
        import difflib

        keys = self._names()
        close = difflib.get_close_matches(key, keys, n=5, cutoff=0.6)
        names = dict.fromkeys(i.name for k in close for i in keys[k])
        return list(names)[:3]


def _institution_keys(institutions: Sequence[Institution]) -> dict[str, tuple[Institution, ...]]:
    found: defaultdict[str, dict[str, Institution]] = defaultdict(dict)
    for institution in institutions:
        names = [institution.id, institution.name, *institution.aliases]
        if institution.region_code is not None:
            names += [institution.region_code, institution.region_code.replace(".", "")]
        for name in names:
            found[name_key(name)][institution.id] = institution
    return {key: tuple(by_id.values()) for key, by_id in found.items()}


def _whole_numbers(name: str, value: int | Iterable[int], *, minimum: int) -> frozenset[int]:
    if type(value) is int and value >= minimum:
        return frozenset((value,))
    if isinstance(value, str | bytes) or not isinstance(value, int | Iterable):
        raise QueryError(f"{name} must be a whole number or several, not {value!r}")
    values = [value] if isinstance(value, int) else list(value)
    for item in values:
        if type(item) is not int or item < minimum:
            raise QueryError(f"{name} must be a whole number of at least {minimum}, not {item!r}")
    return frozenset(values)


def _kind(kind: InstitutionKind | str) -> InstitutionKind:
    try:
        return InstitutionKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in InstitutionKind)
        raise QueryError(f"kind must be one of {known}, not {kind!r}") from None


def _of_years(records: Records[R], year: int | Iterable[int] | None) -> Records[R]:
    if year is None:
        return records
    years = _whole_numbers("year", year, minimum=1)
    return Records(r for r in records if r.year in years)
