"""People named in the reports, with the office they held at the time."""

from __future__ import annotations

from attrs import field, frozen

from bkn_awards._fields import Shown, non_empty
from bkn_awards.government import Institution
from bkn_awards.provenance import Citation

__all__ = ["Official"]


@frozen(kw_only=True)
class Official(Shown):
    """A person in an office, as the articles name them at the time of the event.

    One person who held two offices (Kepala BKN, later Plt Kepala BKN) is two records, so each
    event shows the title the person had then.

    Attributes:
        id: Stable identifier, e.g. ``"ikfina-fahmawati-bupati-mojokerto"``.
        name: The person's name.
        position: The office as reported (``"Bupati Mojokerto"``, ``"Wakil Kepala BKN"``).
        institution: The institution the office belongs to, where it is in the data.
        citations: Where the articles name the person in that office.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2022, institution="Pemkab Mojokerto")[0]
        >>> award.recipient.name, award.recipient.position
        ('Ikfina Fahmawati', 'Bupati Mojokerto')

    .. versionadded:: 0.1.0
    """

    id: str = field(validator=non_empty)
    name: str = field(validator=non_empty)
    position: str = field(validator=non_empty)
    institution: Institution | None = field(repr=False)
    citations: tuple[Citation, ...] = field(validator=non_empty, repr=False)
