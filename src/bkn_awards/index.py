"""What answers queries without a scan: award positions, institution names, category words."""

from __future__ import annotations

import heapq
import operator
import threading
from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import repeat
from operator import attrgetter
from typing import Any, Protocol, SupportsIndex, TypeGuard, TypeVar

from bkn_awards.entities import Category, Institution
from bkn_awards.errors import (
    AmbiguousInstitutionError,
    QueryError,
    UnknownAwardError,
    UnknownCategoryError,
    UnknownInstitutionError,
)
from bkn_awards.model import Award
from bkn_awards.reference import InstitutionKind, Theme, named, province_named, term
from bkn_awards.text import close_names, name_key, name_keys, name_score, name_words

__all__ = ["AwardIndex", "CategoryWords", "Filters", "InstitutionNames", "of_kind", "of_years"]

#: Stands for "no default given": an institution not found is then an error.
NO_DEFAULT: Any = object()

#: A normalised query: for each indexed field, the values wanted, or ``None`` for "any".
Filters = tuple[
    frozenset[int] | None,  # year
    frozenset[str] | None,  # institution id
    frozenset[str] | None,  # category id
    frozenset[int] | None,  # rank
    frozenset[Hashable] | None,  # institution kind
    frozenset[str | None] | None,  # province code
    frozenset[Hashable] | None,  # category theme
]


#: For each filter of `Filters`, in the same order, the field of an award it tests.
_FIELDS: tuple[Callable[[Award], Hashable], ...] = (
    attrgetter("year"),
    attrgetter("institution.id"),
    lambda a: a.category and a.category.id,
    attrgetter("rank"),
    attrgetter("institution.kind"),
    lambda a: a.institution.region_code and a.institution.region_code[:2],
    lambda a: a.category and a.category.theme,
)


class AwardIndex:
    """Positions of the awards for each value of each filterable field, and the name look-ups.

    Positions are compact arrays (four bytes an award a field). No answer is cached: walking the
    shortest list is fast enough, and a cache would grow with every question.
    """

    __slots__ = ("_awards", "_by_id", "_institutions", "_lock", "_names", "_positions", "_words")

    def __init__(
        self,
        awards: Sequence[Award],
        institutions: Sequence[Institution],
        categories: Sequence[Category],
    ) -> None:
        self._awards = awards
        self._positions = _group(awards)
        self._by_id = {award.id: award for award in awards}
        self._words = CategoryWords(categories)
        self._institutions = institutions
        self._names: InstitutionNames | None = None
        self._lock = threading.Lock()

    @property
    def names(self) -> InstitutionNames:
        """The institutions by name, made on the first look-up by name: once, and only if asked."""
        if self._names is None:
            with self._lock:
                if self._names is None:
                    self._names = InstitutionNames(self._institutions)
        return self._names

    def select(
        self,
        year: int | Iterable[int] | None,
        institution: str | Institution | None,
        category: str | Category | None,
        rank: int | Iterable[int] | None,
        kind: InstitutionKind | str | None,
        province: str | None = None,
        theme: Theme | str | None = None,
    ) -> Any:
        """The awards every filter admits (see `bkn_awards.awards`), in the awards' type."""
        # Read once: `year` may be a generator, and the category filter needs the years too.
        years = None if year is None else _whole_numbers("year", year, minimum=1)
        filters: Filters = (
            years,
            None if institution is None else frozenset((self.names.find(institution).id,)),
            None if category is None else self._words.find(category, years),
            None if rank is None else _whole_numbers("rank", rank, minimum=1),
            None if kind is None else frozenset((term(InstitutionKind, kind, "kind"),)),
            None if province is None else frozenset((province_named(province).code,)),
            None if theme is None else frozenset((term(Theme, theme, "theme"),)),
        )
        return self._select(filters)

    def award(self, award_id: str) -> Award:
        """The award with this id (see `bkn_awards.award`)."""
        found = self._by_id.get(award_id) if isinstance(award_id, str) else None
        if found is None:  # an id's beginning is the usual slip: those come first
            text, ids = str(award_id), self._by_id
            near = [i for i in ids if i.startswith(text)][:3] or close_names(text, ids, 3)
            raise UnknownAwardError(text, near)
        return found

    def _select(self, filters: Filters) -> Any:
        make: Callable[[Iterable[Award]], Any] = type(self._awards)
        active = [(n, wanted) for n, wanted in enumerate(filters) if wanted is not None]
        if not active:
            return self._awards
        # Walk the smallest candidate list and test the other filters on each award there.
        lead, wanted = min(active, key=lambda nw: self._count(*nw))
        rest = [(_FIELDS[n], values) for n, values in active if n != lead]
        # tuple's own look-up: the one of Records (which slices to Records) costs more an item.
        item: Callable[[Any, int], Award] = tuple.__getitem__
        found = map(item, repeat(self._awards), self._merged(lead, wanted))
        if not rest:
            return make(found)
        return make(a for a in found if all(field(a) in values for field, values in rest))

    def _count(self, field: int, values: frozenset[Any]) -> int:
        by_value = self._positions[field]
        return sum(len(by_value.get(value, ())) for value in values)

    def _merged(self, field: int, values: Iterable[Hashable]) -> Iterable[int]:
        by_value = self._positions[field]
        runs = [by_value[value] for value in values if value in by_value]
        return runs[0] if len(runs) == 1 else heapq.merge(*runs)


def _group(awards: Sequence[Award]) -> tuple[dict[Hashable, array[int]], ...]:
    """For each filter of `Filters`, the positions of the awards with each value of its field."""
    groups = []
    for field in _FIELDS:
        grouped = defaultdict[Hashable, list[int]](list)
        for position, value in enumerate(map(field, awards)):
            grouped[value].append(position)
        groups.append({value: array("I", positions) for value, positions in grouped.items()})
    return tuple(groups)


class InstitutionNames:
    """The institutions by folded name, alias and id; and every region's government, in or not."""

    __slots__ = ("_by_code", "_by_id", "_keys")

    def __init__(self, institutions: Sequence[Institution]) -> None:
        self._by_id = {institution.id: institution for institution in institutions}
        self._by_code = {i.region_code: i for i in institutions if i.region_code is not None}
        found: defaultdict[str, dict[str, Institution]] = defaultdict(dict)
        for institution in institutions:
            for name in [institution.id, institution.name, *institution.aliases]:
                found[name_key(name)][institution.id] = institution
        self._keys = {key: tuple(by_id.values()) for key, by_id in found.items()}

    def find(self, text: str | Institution, default: Any = NO_DEFAULT) -> Institution | Any:
        """The one institution `text` names, or `default` (see `bkn_awards.institution`)."""
        if isinstance(text, Institution):  # this dataset's record of the same id, or a region's
            key, query = "", f"{text.name} ({text.id})"
            places = self._named(name_key(text.region_code or "")).values()
            known = [self._by_id[text.id]] if text.id in self._by_id else places
            found = {i.id: i for i in known if i is self._by_id.get(text.id) or i == text}
        elif not isinstance(text, str):
            raise QueryError(f"institution must be a name or an Institution, not {text!r}")
        elif not (key := name_key(text)):
            raise QueryError("institution must not be empty")
        else:  # "Pemerintah Kota (Pemkot) Batu": the name without its brackets, if not whole
            query, found = text, self._named(key)
            for other in () if found else name_keys(text)[1:]:
                if found := self._named(other):
                    break
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            raise AmbiguousInstitutionError(query, [i.name for i in found.values()])
        if default is not NO_DEFAULT:
            return default
        close = close_names(key, self._keys, 5)
        names = dict.fromkeys(i.name for k in close for i in self._keys[k])
        raise UnknownInstitutionError(query, list(names)[:3])

    def _named(self, key: str) -> dict[str, Institution]:
        found = {i.id: i for i in self._keys.get(key, ())}
        for place in named(key):  # the data's record of the region, else its government
            institution = self._by_code.get(place.code) or Institution.of_region(place)
            found[institution.id] = institution
        return found

    def search(self, text: str, limit: int) -> list[tuple[Institution, float]]:
        """The `limit` institutions whose names come closest to `text`, best first, scored."""
        key = name_key(text) if isinstance(text, str) else ""
        if not key:
            raise QueryError("a search needs a name, or part of one")
        best: dict[str, tuple[Institution, float]] = {}
        for name, institutions in self._keys.items():
            score = name_score(key, name)
            for institution in institutions:
                if score > best.get(institution.id, (institution, 0.0))[1]:
                    best[institution.id] = (institution, score)
        return sorted(best.values(), key=lambda found: -found[1])[:limit]


class CategoryWords:
    """The folded words of each category's name, to find categories by some of their words."""

    __slots__ = ("_words", "_years")

    def __init__(self, categories: Sequence[Category]) -> None:
        self._words = {c.id: (frozenset(name_words(c.name)), c.name) for c in categories}
        self._years = {c.id: c.year for c in categories}

    def find(self, category: str | Category, years: frozenset[int] | None) -> frozenset[str]:
        """The ids of the categories `category` names, of the `years` given (all if ``None``)."""
        if isinstance(category, Category):  # matched by id, whichever dataset it came from
            if category.id not in self._words:
                raise UnknownCategoryError(f"{category.name} ({category.id})", [])
            found = frozenset((category.id,))
        elif isinstance(category, str):
            found = self._matching(category)
        else:
            raise QueryError(f"category must be words of its name or a Category, not {category!r}")
        if years is None:
            return found
        # A category belongs to one edition: keep those of the years asked for, so that the
        # index walks one edition's awards rather than every edition's.
        return frozenset(c for c in found if self._years[c] in years)

    def _matching(self, text: str) -> frozenset[str]:
        words = frozenset(name_words(text))
        if not words:
            raise QueryError("category must not be empty")
        found = frozenset(c for c, (w, _) in self._words.items() if c == text or words <= w)
        if not found:
            names = sorted({name for _, name in self._words.values()})
            raise UnknownCategoryError(text, close_names(text, names, 3))
        return found


def _whole_numbers(name: str, value: int | Iterable[int], *, minimum: int) -> frozenset[int]:
    """Read one whole number or several, each at least `minimum` (numpy's too; not a bool)."""
    if type(value) is int and value >= minimum:
        return frozenset((value,))
    if isinstance(value, str | bytes) or not isinstance(value, SupportsIndex | Iterable):
        raise QueryError(f"{name} must be a whole number or several, not {value!r}")
    numbers = []
    for item in list(value) if isinstance(value, Iterable) else [value]:
        number = operator.index(item) if _is_whole(item) else None
        if number is None or number < minimum:
            raise QueryError(f"{name} must be a whole number of at least {minimum}, not {item!r}")
        numbers.append(number)
    return frozenset(numbers)


def _is_whole(value: object) -> TypeGuard[SupportsIndex]:
    return not isinstance(value, bool) and hasattr(type(value), "__index__")


Is = TypeVar("Is", bound=Sequence[Institution])


def of_kind(institutions: Is, kind: InstitutionKind | str | None) -> Is:
    """The institutions of `kind` (all where ``None``), of the type given."""
    if kind is None:
        return institutions
    wanted = term(InstitutionKind, kind, "kind")
    make: Callable[[Iterable[Institution]], Is] = type(institutions)
    return make(i for i in institutions if i.kind is wanted)


class _OfAYear(Protocol):
    @property
    def year(self) -> int: ...


R = TypeVar("R", bound=Sequence[_OfAYear])


def of_years(records: R, year: int | Iterable[int] | None) -> R:
    """The records of `year` (one or several; all where ``None``), of the type given."""
    if year is None:
        return records
    years = _whole_numbers("year", year, minimum=1)
    make: Callable[[Iterable[Any]], R] = type(records)
    return make(r for r in records if r.year in years)
