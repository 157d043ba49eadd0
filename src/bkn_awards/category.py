"""The categories (kategori) an edition of the award is judged in."""

from __future__ import annotations

from attrs import field, frozen

from bkn_awards._fields import Shown, at_least_one, edition_year, non_empty
from bkn_awards.provenance import Citation

__all__ = ["Category"]


@frozen(kw_only=True)
class Category(Shown):
    """One category of one edition, named as the article names it.

    Categories are per edition because BKN renames and regroups them from year to year; the name
    keeps the article's wording and capitalisation.

    Attributes:
        id: Stable identifier, e.g. ``"2020-penilaian-kompetensi"``.
        year: The edition.
        name: The category's name as reported.
        number: Its number where the article numbers it (Kategori I to V), else ``None``.
        citations: Where the articles name the category.

    Example:
        >>> import bkn_awards
        >>> [c.number for c in bkn_awards.categories(year=2020)]
        [1, 3, 4, 5]

    .. versionadded:: 0.1.0
    """

    id: str = field(validator=non_empty)
    year: int = field(validator=edition_year)
    name: str = field(validator=non_empty)
    number: int | None = field(validator=at_least_one)
    citations: tuple[Citation, ...] = field(validator=non_empty, repr=False)
