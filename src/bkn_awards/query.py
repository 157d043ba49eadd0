"""An award question as a value (`AwardQuery`), and the index that answers it without a scan.

Every award filter is a field of `AwardQuery`, declared once with `_filter`: its converter reads
what people write (once: a province is resolved when the query is made), and its `Filter` says
which value of an award it tests, how to explain an empty answer, and what the command line's
option is called and says. The index groups the awards by those same values, and the command
line makes its options from the same fields. A new filter is a new field here; nothing else.
"""

from __future__ import annotations

import enum
import heapq
import operator
from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import groupby, repeat
from operator import attrgetter
from typing import Any, Protocol, SupportsIndex, TypeGuard, TypeVar

import attrs
from attrs import frozen

from bkn_awards.errors import QueryError, UnknownAwardError
from bkn_awards.geography import Region, region
from bkn_awards.lazy import Lazy
from bkn_awards.names import CategoryWords, InstitutionNames
from bkn_awards.records import Award, Category, Institution, Shown
from bkn_awards.text import close_names
from bkn_awards.vocabulary import Group, InstitutionKind, Theme

__all__ = [
    "AwardIndex",
    "AwardQuery",
    "Filter",
    "filters",
    "of_kind",
    "of_years",
    "term",
    "whole_numbers",
]

_FILTER = "bkn_awards.query"  # the field metadata key `_filter` writes and `filters` reads


@frozen(weakref_slot=False, repr=False)
class Filter(Shown):
    """How one field of `AwardQuery` filters awards.

    Attributes:
        help: What the filter takes, in a few words naming its values: the command line's help
            and the field's documentation.
        metavar: What the command line calls its value.
        key: The value of an award the filter tests; the index groups awards by it. With
            `several_keys`, the values (an award is found by any of them: each rank reported).
        wanted: The values of `key` that the filter's value admits, found in an index (an
            institution's name becomes its id there).
        empty: Why no award has the filter's value, in words, for the note of an empty answer.
        many: Whether it takes several values (and ranges, ``2020-2022``, on the command line).
        several_keys: Whether `key` gives several values of an award, not one.
    """

    help: str
    metavar: str
    key: Callable[[Award], Hashable]
    wanted: Callable[[Any, AwardQuery, AwardIndex], frozenset[Any]]
    empty: Callable[[Any, AwardIndex], str]
    many: bool = False
    several_keys: bool = False


def _filter(**settings: Any) -> dict[str, Filter]:
    """The metadata of a field of `AwardQuery`: its `Filter`."""
    return {_FILTER: Filter(**settings)}


def filters() -> tuple[tuple[str, Filter], ...]:
    """Each award filter with its name, in the order `AwardQuery` declares them.

    Example:
        >>> [name for name, _ in filters()]
        ['year', 'institution', 'category', 'rank', 'kind', 'province', 'theme', 'group']
    """
    return tuple((f.name, f.metadata[_FILTER]) for f in attrs.fields(AwardQuery))


# Reading what people write, once, when the query is made.


def whole_numbers(
    name: str, value: int | str | Iterable[int | str], *, minimum: int
) -> frozenset[int]:
    """Read one whole number or several, each at least `minimum`.

    A whole number is an `int` (numpy's too; not a bool), or a text of its digits (``"2022"``).
    A float is refused, whole or not, and so is any other text.

    Raises:
        QueryError: A value is not a whole number, or is below `minimum`; the message quotes it.

    Example:
        >>> sorted(whole_numbers("year", [2022, "2020"], minimum=1))
        [2020, 2022]
    """
    if type(value) is int and value >= minimum:
        return frozenset((value,))
    if isinstance(value, str):
        if _whole(value) is None:
            raise QueryError(f"{name} must be a whole number or several, not {value!r}")
        value = [value]
    elif not isinstance(value, SupportsIndex | Iterable) or isinstance(value, bytes):
        raise QueryError(f"{name} must be a whole number or several, not {value!r}")
    numbers = []
    for item in value if isinstance(value, Iterable) else [value]:
        number = _whole(item)
        if number is None or number < minimum:
            raise QueryError(f"{name} must be a whole number of at least {minimum}, not {item!r}")
        numbers.append(number)
    return frozenset(numbers)


def _whole(value: object) -> int | None:
    """The whole number `value` is, or the digits of (``"2022"``); else ``None``."""
    if isinstance(value, str):
        digits = value.strip()
        # int() reads other scripts' digits, signs and underscores too: only ASCII digits here.
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 100:
            return None
        return int(digits)
    return operator.index(value) if _is_whole(value) else None


def _is_whole(value: object) -> TypeGuard[SupportsIndex]:
    return not isinstance(value, bool) and hasattr(type(value), "__index__")


E = TypeVar("E", bound=enum.Enum)


def term(terms: type[E], value: E | str, name: str) -> E:
    """Read a query's `name` filter as one of `terms` (``"city"``, ``"kota"``), or refuse it.

    Raises:
        QueryError: `value` is none of `terms`; the message lists them.
    """
    try:
        return terms(value)
    except ValueError:
        known = ", ".join(str(t.value) for t in terms)
        raise QueryError(f"{name} must be one of {known}, not {value!r}") from None


# Each converter takes ``None`` ("any") as it is. They are functions of their own, typed, so
# that type checkers read from them what `AwardQuery` accepts.


def _years(value: int | str | Iterable[int | str] | None) -> frozenset[int] | None:
    return None if value is None else whole_numbers("year", value, minimum=1)


def _ranks(value: int | str | Iterable[int | str] | None) -> frozenset[int] | None:
    return None if value is None else whole_numbers("rank", value, minimum=1)


def _kind(value: InstitutionKind | str | None) -> InstitutionKind | None:
    return None if value is None else term(InstitutionKind, value, "kind")


def _theme(value: Theme | str | None) -> Theme | None:
    return None if value is None else term(Theme, value, "theme")


def _group_term(value: Group | str | None) -> Group | None:
    return None if value is None else term(Group, value, "group")


def _name(what: str, value: object) -> None:
    """Refuse a name filter that is not a non-empty text (a record is looked up later)."""
    if not isinstance(value, str):
        raise QueryError(f"{what} must be a name or a record, not {value!r}")
    if not value.strip(" .,;:-_()"):
        raise QueryError(f"{what} must not be empty")


def _institution(value: str | Institution | None) -> str | Institution | None:
    if value is not None and not isinstance(value, Institution):
        _name("institution", value)
    return value


def _category(value: str | Category | None) -> str | Category | None:
    if value is not None and not isinstance(value, Category):
        _name("category", value)
    return value


def _province(value: str | Region | None) -> Region | None:
    """The province a name, alias or code stands for; a `Region` stays as it is."""
    if value is None or isinstance(value, Region):
        return value
    if not isinstance(value, str):
        raise QueryError(f"province must be a name or a Region, not {value!r}")
    return region(value, kind=InstitutionKind.PROVINCE)


def _one(value: Any, _query: AwardQuery, _index: AwardIndex) -> frozenset[Any]:
    return value if isinstance(value, frozenset) else frozenset((value,))


def _institution_ids(value: Any, _query: AwardQuery, index: AwardIndex) -> frozenset[str]:
    return frozenset((index.names.find(value).id,))


def _category_ids(value: Any, query: AwardQuery, index: AwardIndex) -> frozenset[str]:
    return index.words.find(value, query.year)


def _province_codes(value: Region, _query: AwardQuery, _index: AwardIndex) -> frozenset[str]:
    return frozenset((value.code,))


def _province_of(award: Award) -> str | None:
    code = award.institution.region_code
    return code and code[:2]


def _no_edition(years: frozenset[int], index: AwardIndex) -> str:
    held = sorted(index.editions)
    if missing := years - index.editions:
        return f"the data holds no edition of {_spans(missing)} (it holds {held})"
    return f"the data itemises no award of {_spans(years)}"


def _spans(numbers: Iterable[int]) -> str:
    """Numbers as runs: ``"2015, 2024-9999"``."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1][1:] = [number]
        else:
            runs.append([number])
    return ", ".join("-".join(map(str, run)) for run in runs)


def _no_institution_awards(value: Any, index: AwardIndex) -> str:
    institution = index.names.find(value)
    code = institution.region_code or institution.id
    return f"{institution.name} ({code}) has no awards in the data"


def _no_province_awards(value: Region, _index: AwardIndex) -> str:
    return f"{value.official_name} and its kabupaten and kota have no awards in the data"


def _nothing_with(name: str) -> Callable[[Any, AwardIndex], str]:
    def empty(value: Any, _index: AwardIndex) -> str:
        shown = _spans(value) if isinstance(value, frozenset) else value
        shown = shown.value if isinstance(shown, enum.Enum) else shown
        return f"no award in the data has the {name} {shown}"

    return empty


def _category_ids_of(award: Award) -> tuple[str, ...]:
    if (category := award.category) is not None:  # the usual award, read without a loop
        return (category.id,)
    return tuple(category.id for category in award.categories)


def _themes_of(award: Award) -> tuple[Theme, ...]:
    if (category := award.category) is not None:
        return (category.theme,)
    return tuple(dict.fromkeys(category.theme for category in award.categories))


@frozen(kw_only=True, weakref_slot=False, repr=False)
class AwardQuery(Shown):
    """A question about awards, as a value: every filter given must hold, one left out does not.

    Each filter reads what people write once, when the query is made, and refuses what it
    cannot read; `Dataset.awards` takes a query, or its filters as keywords.

    Raises:
        QueryError: A filter is malformed (an empty name, a rank below 1, an unknown theme).
        UnknownRegionError: No province has the name given as `province` (an
            `UnknownInstitutionError` too).
        AmbiguousInstitutionError: The name given as `province` fits several regions.

    Example:
        >>> query = AwardQuery(year=[2022, 2023], province="Jateng", kind="pemprov")
        >>> sorted(query.year), query.province.name, query.kind.value
        ([2022, 2023], 'Jawa Tengah', 'province')

    .. versionadded:: 0.3.0
    """

    year: frozenset[int] | None = attrs.field(
        default=None,
        converter=_years,
        metadata=_filter(
            help="an edition year, or several (2022; 2020-2022, 2020- or -2021 in a shell)",
            metavar="YEAR",
            key=attrgetter("year"),
            wanted=_one,
            empty=_no_edition,
            many=True,
        ),
    )
    institution: str | Institution | None = attrs.field(
        default=None,
        converter=_institution,
        metadata=_filter(
            help="a name, alias, id or region code (Pemkab Sidoarjo, Kab. Sidoarjo, 35.15)",
            metavar="NAME",
            key=attrgetter("institution.id"),
            wanted=_institution_ids,
            empty=_no_institution_awards,
        ),
    )
    category: str | Category | None = attrs.field(
        default=None,
        converter=_category,
        metadata=_filter(
            help="words of the category's name, in any case (manajemen kinerja), or its id",
            metavar="WORDS",
            key=_category_ids_of,
            wanted=_category_ids,
            empty=_nothing_with("category"),
            several_keys=True,
        ),
    )
    rank: frozenset[int] | None = attrs.field(
        default=None,
        converter=_ranks,
        metadata=_filter(
            help="a place, or several (1 2; 1-3 on the command line); 'terbaik' has none",
            metavar="N",
            key=attrgetter("ranks"),
            wanted=_one,
            empty=_nothing_with("rank"),
            many=True,
            several_keys=True,
        ),
    )
    kind: InstitutionKind | None = attrs.field(
        default=None,
        converter=_kind,
        metadata=_filter(
            help=(
                "the winner's level of government: ministry, agency, province, regency, city "
                "(or kementerian, badan, provinsi, kabupaten, kota, pemkab...)"
            ),
            metavar="KIND",
            key=attrgetter("institution.kind"),
            wanted=_one,
            empty=_nothing_with("kind"),
        ),
    )
    province: Region | None = attrs.field(
        default=None,
        converter=_province,
        metadata=_filter(
            help="a province (Jawa Tengah, Jateng, 33): its government and its kabupaten and kota",
            metavar="NAME",
            key=_province_of,
            wanted=_province_codes,
            empty=_no_province_awards,
        ),
    )
    theme: Theme | None = attrs.field(
        default=None,
        converter=_theme,
        metadata=_filter(
            help="what the category judges, across editions: " + ", ".join(t.value for t in Theme),
            metavar="THEME",
            key=_themes_of,
            wanted=_one,
            empty=_nothing_with("theme"),
            several_keys=True,
        ),
    )
    group: Group | None = attrs.field(
        default=None,
        converter=_group_term,
        metadata=_filter(
            help="the group competed in: " + ", ".join(g.value for g in Group),
            metavar="GROUP",
            key=attrgetter("group"),
            wanted=_one,
            empty=_nothing_with("group"),
        ),
    )


_FILTERS = filters()
# The field documentation is the filters' help, stated once, on the filters.
AwardQuery.__doc__ = (AwardQuery.__doc__ or "").replace(
    "\n    Raises:",
    "\n    Attributes:\n"
    + "".join(f"        {name}: {f.help[0].upper()}{f.help[1:]}.\n" for name, f in _FILTERS)
    + "\n    Raises:",
    1,
)


class AwardIndex:
    """Positions of the awards for each value each filter tests, and the name look-ups.

    Positions are compact arrays (four bytes an award a filter). No answer is cached: walking
    the shortest list is fast enough, and a cache would grow with every question.
    """

    __slots__ = (
        "_awards",
        "_by_id",
        "_keys",
        "_names",
        "_positions",
        "_several",
        "editions",
        "words",
    )

    def __init__(
        self,
        awards: Sequence[Award],
        institutions: Sequence[Institution],
        categories: Sequence[Category],
        editions: Iterable[int],
    ) -> None:
        self._awards = awards
        self._keys = tuple(f.key for _, f in _FILTERS)
        self._several = tuple(f.several_keys for _, f in _FILTERS)
        self._positions = _group(awards, self._keys, self._several)
        self._by_id = {award.id: award for award in awards}
        #: The edition years the data holds.
        self.editions = frozenset(editions)
        #: The categories by the words of their names.
        self.words = CategoryWords(categories)
        self._names = Lazy(lambda: InstitutionNames(institutions))

    @property
    def names(self) -> InstitutionNames:
        """The institutions by name, made on the first look-up by name: once, and only if asked."""
        return self._names.get()

    def select(self, query: AwardQuery) -> Any:
        """The awards `query` admits, in the data's order and the awards' sequence type."""
        active = [
            (n, f.wanted(value, query, self))
            for n, (name, f) in enumerate(_FILTERS)
            if (value := getattr(query, name)) is not None
        ]
        return self._select(active)

    def why_empty(self, query: AwardQuery) -> str | None:
        """Why `query` finds nothing, where one filter alone finds nothing; else ``None``."""
        for name, f in _FILTERS:
            value = getattr(query, name)
            if value is not None and not self.select(attrs.evolve(_ANY, **{name: value})):
                return f.empty(value, self)
        return None

    def award(self, award_id: str) -> Award:
        """The award with this id (see `bkn_awards.award`).

        Raises:
            UnknownAwardError: No award has the id; close ids are suggested.
        """
        found = self._by_id.get(award_id) if isinstance(award_id, str) else None
        if found is None:  # an id's beginning is the usual slip: those come first
            text, ids = str(award_id), self._by_id
            near = [i for i in ids if i.startswith(text)][:3] or close_names(text, ids, 3)
            raise UnknownAwardError(text, near)
        return found

    def _select(self, active: list[tuple[int, frozenset[Any]]]) -> Any:
        make: Callable[[Iterable[Award]], Any] = type(self._awards)
        if not active:
            return self._awards
        # Walk the smallest candidate list and test the other filters on each award there.
        lead, wanted = min(active, key=lambda nw: self._count(*nw))
        rest = [(self._keys[n], self._several[n], values) for n, values in active if n != lead]
        # tuple's own look-up: the one of Records (which slices to Records) costs more an item.
        item: Callable[[Any, int], Award] = tuple.__getitem__
        found = map(item, repeat(self._awards), self._merged(lead, wanted))
        if not rest:
            return make(found)
        return make(
            a
            for a in found
            if all(_admits(key, several, values, a) for key, several, values in rest)
        )

    def _count(self, n: int, values: frozenset[Any]) -> int:
        by_value = self._positions[n]
        return sum(len(by_value.get(value, ())) for value in values)

    def _merged(self, n: int, values: Iterable[Hashable]) -> Iterable[int]:
        by_value = self._positions[n]
        runs = [by_value[value] for value in values if value in by_value]
        if len(runs) == 1:
            return runs[0]
        # An award found under two of the values (ranks 4 and 5, both reported) comes once.
        return (position for position, _ in groupby(heapq.merge(*runs)))


_ANY = AwardQuery()


def _admits(
    key: Callable[[Award], Any], several: bool, values: frozenset[Any], award: Award
) -> bool:
    return not values.isdisjoint(key(award)) if several else key(award) in values


def _group(
    awards: Sequence[Award], keys: Sequence[Callable[[Award], Any]], several: Sequence[bool]
) -> tuple[dict[Hashable, array[int]], ...]:
    """For each key, the positions of the awards with each of its values."""
    groups = []
    for key, many in zip(keys, several, strict=True):
        grouped = defaultdict[Hashable, list[int]](list)
        for position, value in enumerate(map(key, awards)):
            for each in value if many else (value,):
                grouped[each].append(position)
        groups.append({value: array("I", positions) for value, positions in grouped.items()})
    return tuple(groups)


# The other record types are filtered by a scan: they are few.

Is = TypeVar("Is", bound=Sequence[Institution])


def of_kind(institutions: Is, kind: InstitutionKind | str | None) -> Is:
    """The institutions of `kind` (all where ``None``), of the type given."""
    if kind is None:
        return institutions
    wanted = _kind(kind)
    make: Callable[[Iterable[Institution]], Is] = type(institutions)
    return make(i for i in institutions if i.kind is wanted)


class _OfAYear(Protocol):
    @property
    def year(self) -> int: ...


R = TypeVar("R", bound=Sequence[_OfAYear])


def of_years(records: R, year: int | str | Iterable[int | str] | None) -> R:
    """The records of `year` (one or several; all where ``None``), of the type given."""
    if year is None:
        return records
    years = whole_numbers("year", year, minimum=1)
    make: Callable[[Iterable[Any]], R] = type(records)
    return make(r for r in records if r.year in years)
