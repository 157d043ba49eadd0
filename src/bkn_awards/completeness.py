"""How complete the data is: each count the reports give beside the awards the data itemises."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from attrs import field, frozen

from bkn_awards.records import Award, Tally, ref_repr

__all__ = ["Coverage", "coverage_of", "measure"]


@frozen(kw_only=True)
class Coverage:
    """A reported count beside the awards the data itemises for it.

    Attributes:
        tally: The reported count.
        reported: The number of awards the article reports, or ``None`` where it gives none.
        itemised: The number of award records the tally counts.
        missing: ``reported - itemised``: awards reported but not itemised (below 0 where the
            data itemises more, as reports disagree), or ``None`` where nothing was reported.
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


def coverage_of(files: Mapping[str, Sequence[Any]]) -> tuple[Coverage, ...]:
    """Measure each tally of ``files["tallies"]`` against ``files["awards"]``."""
    return tuple(measure(tally, files["awards"]) for tally in files["tallies"])


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
