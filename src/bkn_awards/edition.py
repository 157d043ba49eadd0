"""One year's edition of the BKN Award."""

from __future__ import annotations

from attrs import field, frozen

from bkn_awards._fields import Shown, at_least_one, edition_year, non_empty
from bkn_awards.provenance import Citation

__all__ = ["Edition"]


@frozen(kw_only=True)
class Edition(Shown):
    """The BKN Award of one year, with what the articles say of the edition itself.

    Attributes:
        id: Stable identifier, e.g. ``"2020"``.
        year: The year in the award's name.
        number: Its ordinal where reported (the 2020 edition was the sixth), else ``None``.
        category_count: How many categories it had, where reported, else ``None``.
        citations: Where the articles report it.

    Example:
        >>> import bkn_awards
        >>> [(e.year, e.number) for e in bkn_awards.editions()]
        [(2020, 6), (2022, None), (2023, None)]

    .. versionadded:: 0.1.0
    """

    id: str = field(validator=non_empty)
    year: int = field(validator=edition_year)
    number: int | None = field(validator=at_least_one)
    category_count: int | None = field(validator=at_least_one)
    citations: tuple[Citation, ...] = field(validator=non_empty, repr=False)
