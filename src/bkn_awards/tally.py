"""Counts of awards the articles report, itemised or not."""

from __future__ import annotations

from attrs import field, frozen

from bkn_awards._fields import Shown, edition_year, non_empty, not_negative
from bkn_awards.award_record import Award
from bkn_awards.errors import FieldValueError
from bkn_awards.government import Institution, InstitutionKind
from bkn_awards.provenance import Citation

__all__ = ["Tally"]


@frozen(kw_only=True)
class Tally(Shown):
    """A reported count ("32 awards for East Java"), so users see how much is itemised.

    A tally counts either one institution's awards (`institution`) or the awards of every
    institution of the given `kinds` inside a region (`region_code`).

    Attributes:
        id: Stable identifier, e.g. ``"2022-jawa-timur"``.
        year: The edition counted.
        count: The number of awards reported, or ``None`` where the article only compares
            (`highest_in_country`) without a figure.
        institution: The one institution counted, or ``None`` for a regional count.
        region_code: The region counted (``"35"`` for Jawa Timur), or ``None``.
        kinds: The kinds of institution a regional count includes.
        recipients: How many institutions shared the count, where reported, else ``None``.
        highest_in_country: True where the article reports the count as the highest of any
            province in Indonesia.
        description: What is counted, in the project's own words.
        citations: Where the articles report it.

    Example:
        >>> import bkn_awards
        >>> [(t.id, t.count) for t in bkn_awards.tallies(year=2022)][:2]
        [('2022-jawa-timur', 32), ('2022-pemprov-jatim', 3)]

    .. versionadded:: 0.1.0
    """

    id: str = field(validator=non_empty)
    year: int = field(validator=edition_year)
    count: int | None = field(validator=not_negative)
    institution: Institution | None = field(repr=False)
    region_code: str | None = field(repr=False)
    kinds: tuple[InstitutionKind, ...] = field(repr=False)
    recipients: int | None = field(validator=not_negative, repr=False)
    highest_in_country: bool = field(repr=False)
    description: str = field(validator=non_empty)
    citations: tuple[Citation, ...] = field(validator=non_empty, repr=False)

    @kinds.validator
    def _counts_one_thing(self, _attribute: object, kinds: tuple[InstitutionKind, ...]) -> None:
        if (self.institution is None) == (self.region_code is None):
            problem = "must be given where institution is not, and only there: one is counted"
            raise FieldValueError("region_code", problem)
        if bool(kinds) != (self.region_code is not None):
            raise FieldValueError("kinds", "must list what a regional tally counts, and only there")

    def counts(self, award: Award) -> bool:
        """Tell whether `award` is one of the awards this tally counts.

        Example:
            >>> import bkn_awards
            >>> tally = bkn_awards.tallies(year=2023)[-1]
            >>> tally.id, sum(tally.counts(a) for a in bkn_awards.awards())
            ('2023-pemprov-jatim', 5)

        .. versionadded:: 0.1.0
        """
        if award.year != self.year:
            return False
        if self.institution is not None:
            return award.institution == self.institution
        code = award.institution.region_code
        return (
            self.region_code is not None
            and code is not None
            and (code == self.region_code or code.startswith(self.region_code + "."))
            and award.institution.kind in self.kinds
        )
