"""The indexes that answer award queries without scanning every award."""

from __future__ import annotations

import heapq
import threading
from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from bkn_awards.award_record import Award
from bkn_awards.records import Records

__all__ = ["AwardIndex", "Filters"]

#: A normalised query: for each indexed field, the values wanted, or ``None`` for "any".
Filters = tuple[
    frozenset[int] | None,  # year
    frozenset[str] | None,  # institution id
    frozenset[str] | None,  # category id
    frozenset[int] | None,  # rank
    frozenset[Hashable] | None,  # institution kind
]

_FIELDS: tuple[Callable[[Award], Hashable], ...] = (
    attrgetter("year"),
    attrgetter("institution.id"),
    attrgetter("category.id"),
    attrgetter("rank"),
    attrgetter("institution.kind"),
)

# Enough distinct questions for any notebook session; the oldest answer goes first past it.
_CACHE_SIZE = 1024


class AwardIndex:
    """Positions of the awards for each value of each filterable field, and answers cached.

    Positions are kept in compact arrays (four bytes an award a field) rather than tuples of
    Python ints, which would cost seven times as much at 100,000 awards.
    """

    __slots__ = ("_awards", "_cache", "_lock", "_positions")

    def __init__(self, awards: Sequence[Award]) -> None:
        self._awards = Records(awards)
        self._positions = _group(self._awards)
        self._cache: dict[Filters, Records[Award]] = {}
        self._lock = threading.Lock()

    @property
    def awards(self) -> Records[Award]:
        """Every award, in the order of the data."""
        return self._awards

    def select(self, filters: Filters) -> Records[Award]:
        """Return the awards that every non-``None`` filter admits, in the order of the data."""
        found = self._cache.get(filters)
        if found is None:
            found = self._select(filters)
            with self._lock:
                if len(self._cache) >= _CACHE_SIZE:
                    del self._cache[next(iter(self._cache))]
                self._cache[filters] = found
        return found

    def _select(self, filters: Filters) -> Records[Award]:
        active = [(n, wanted) for n, wanted in enumerate(filters) if wanted is not None]
        if not active:
            return self._awards
        # Walk the smallest candidate list and test the other filters on each award there.
        lead, wanted = min(active, key=lambda nw: self._count(*nw))
        rest = [(_FIELDS[n], values) for n, values in active if n != lead]
        positions = self._merged(lead, wanted)
        if not rest:
            return Records(map(self._awards.__getitem__, positions))
        return Records(
            award
            for award in map(self._awards.__getitem__, positions)
            if all(field(award) in values for field, values in rest)
        )

    def _count(self, field: int, values: frozenset[Any]) -> int:
        by_value = self._positions[field]
        return sum(len(by_value.get(value, ())) for value in values)

    def _merged(self, field: int, values: Iterable[Hashable]) -> Iterable[int]:
        by_value = self._positions[field]
        runs = [by_value[value] for value in values if value in by_value]
        return runs[0] if len(runs) == 1 else heapq.merge(*runs)


def _group(awards: Sequence[Award]) -> tuple[dict[Hashable, array[int]], ...]:
    """For each of `_FIELDS`, the positions of the awards with each value of the field."""
    # One pass reading attributes directly: five passes through `_FIELDS` take twice as long.
    groups: tuple[defaultdict[Hashable, list[int]], ...] = tuple(defaultdict(list) for _ in _FIELDS)
    years, institutions, categories, ranks, kinds = groups
    for position, award in enumerate(awards):
        institution = award.institution
        years[award.year].append(position)
        institutions[institution.id].append(position)
        categories[award.category.id].append(position)
        ranks[award.rank].append(position)
        kinds[institution.kind].append(position)
    return tuple(
        {value: array("I", positions) for value, positions in grouped.items()} for grouped in groups
    )
