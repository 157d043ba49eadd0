"""How much of what the articles count is itemised in the data."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import field, frozen

from bkn_awards._fields import ref_repr
from bkn_awards.award_record import Award
from bkn_awards.tally import Tally

__all__ = ["Coverage", "measure"]


@frozen(kw_only=True)
class Coverage:
    """A reported count beside the awards the data itemises for it.

    Attributes:
        tally: The reported count.
        reported: The number of awards the article reports, or ``None`` where it gives none.
        itemised: The number of award records the tally counts.
        missing: ``reported - itemised``: awards reported but not itemised, or ``None`` where
            nothing was reported to compare with.
        recipients_reported: How many institutions the article says shared the awards, if it says.
        recipients_itemised: How many different institutions the itemised awards went to.

    .. versionadded:: 0.1.0
    """

    tally: Tally = field(repr=ref_repr)
    reported: int | None
    itemised: int
    missing: int | None
    recipients_reported: int | None
    recipients_itemised: int


def measure(tally: Tally, awards: Sequence[Award]) -> Coverage:
    """Count the awards of `awards` that `tally` counts, beside the count it reports."""
    counted = [award for award in awards if tally.counts(award)]
    return Coverage(
        tally=tally,
        reported=tally.count,
        itemised=len(counted),
        missing=None if tally.count is None else tally.count - len(counted),
        recipients_reported=tally.recipients,
        recipients_itemised=len({award.institution.id for award in counted}),
    )
