"""One award: an institution's place in one category of one edition."""

from __future__ import annotations

from attrs import field, frozen

from bkn_awards._fields import Shown, at_least_one, edition_year, non_empty, ref_repr
from bkn_awards.category import Category
from bkn_awards.event import Event
from bkn_awards.government import Institution
from bkn_awards.official import Official
from bkn_awards.provenance import Citation

__all__ = ["Award"]


@frozen(kw_only=True)
class Award(Shown):
    """An award as the articles report it.

    Attributes:
        id: Stable identifier, e.g. ``"2020-kab-sidoarjo-penilaian-kompetensi"``.
        year: The edition (the year in "BKN Award 2022").
        institution: Who won it.
        category: The category it was won in.
        rank: The place as a number (1 for Juara Pertama, Ranking 1...), or ``None`` where the
            article gives no number ("terbaik" alone).
        rank_label: The article's own words for the place (``"Juara Kedua"``, ``"peringkat II"``).
        group: The competition group where stated (``"tingkat Kabupaten"``,
            ``"pemerintah kota tipe kecil"``), else ``None``.
        event: Where it was handed over, where an article says.
        recipient: Who took it in hand, where an article says.
        citations: Every article and paragraph that reports it.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2023, rank=2)[0]
        >>> award.institution.name, award.category.name, award.rank, award.rank_label
        ('Pemerintah Provinsi Jawa Timur', 'Penerapan Pemanfaatan Data-Sistem Informasi dan CAT', 2, 'Ranking 2')

    .. versionadded:: 0.1.0
    """  # noqa: E501

    id: str = field(validator=non_empty)
    year: int = field(validator=edition_year)
    institution: Institution = field(repr=ref_repr)
    category: Category = field(repr=ref_repr)
    rank: int | None = field(validator=at_least_one)
    rank_label: str = field(validator=non_empty, repr=False)
    group: str | None = field(repr=False)
    event: Event | None = field(repr=False)
    recipient: Official | None = field(repr=False)
    citations: tuple[Citation, ...] = field(validator=non_empty, repr=False)
