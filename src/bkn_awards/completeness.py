"""How complete the data is: each count the reports give beside the awards the data itemises."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from attrs import field, frozen

from bkn_awards.records import Award, Shown, Tally, ref_repr
from bkn_awards.vocabulary import InstitutionKind

__all__ = ["Coverage", "EditionTotals", "coverage_of", "edition_totals_of", "measure"]


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Coverage(Shown):
    """A reported count beside the awards the data itemises for it.

    Attributes:
        year: The edition counted (the tally's).
        tally: The reported count.
        reported: The number of awards the article reports, or ``None`` where it gives none.
        itemised: The number of award records the tally counts.
        missing: ``reported - itemised``: awards reported but not itemised (below 0 where the
            data itemises more, as reports disagree), or ``None`` where nothing was reported.
        recipients_reported: How many institutions the article says shared the awards, if it says.
        recipients_itemised: How many different institutions the itemised awards went to.

    .. versionadded:: 0.1.0
    """

    year: int
    tally: Tally = field(repr=ref_repr)
    reported: int | None
    itemised: int
    missing: int | None
    recipients_reported: int | None
    recipients_itemised: int


def coverage_of(files: Mapping[str, Sequence[Any]]) -> tuple[Coverage, ...]:
    """Measure each tally of ``files["tallies"]`` against ``files["awards"]``."""
    return tuple(measure(tally, files["awards"]) for tally in files["tallies"])


@frozen(kw_only=True, weakref_slot=False, repr=False)
class EditionTotals(Shown):
    """An edition's awards as the data itemises them, beside the national totals reported.

    Attributes:
        year: The edition.
        itemised: The awards the data holds for it.
        institutions: The institutions those awards went to.
        reported: The national number of awards (winners) a report gives, else ``None``.
        recipients_reported: The national number of institutions a report gives, else ``None``.

    .. versionadded:: 0.3.0
    """

    year: int
    itemised: int
    institutions: int
    reported: int | None
    recipients_reported: int | None


def edition_totals_of(files: Mapping[str, Sequence[Any]]) -> tuple[EditionTotals, ...]:
    """Each edition's itemised awards beside the national totals its tallies report.

    A national total is a tally of the whole country that counts every regional government at
    least (provinces, regencies and cities); where reports give two, the larger is shown (the
    tallies and `bkn_awards.conflicts` keep both).

    Example:
        >>> import bkn_awards
        >>> totals = edition_totals_of(bkn_awards.load().records_by_file())
        >>> [t for t in totals if t.year == 2020][0].recipients_reported
        75
    """
    totals = []
    for edition in files["editions"]:
        awards = [a for a in files["awards"] if a.year == edition.year]
        national = [
            t
            for t in files["tallies"]
            if t.year == edition.year
            and t.institution is None
            and t.region_code is None
            and set(t.kinds) >= _REGIONAL
        ]
        counts = [t.count for t in national if t.count is not None]
        recipients = [t.recipients for t in national if t.recipients is not None]
        totals.append(
            EditionTotals(
                year=edition.year,
                itemised=len(awards),
                institutions=len({a.institution.id for a in awards}),
                reported=max(counts) if counts else None,
                recipients_reported=max(recipients) if recipients else None,
            )
        )
    return tuple(totals)


_REGIONAL = {InstitutionKind.PROVINCE, InstitutionKind.REGENCY, InstitutionKind.CITY}


def measure(tally: Tally, awards: Sequence[Award]) -> Coverage:
    """Count the awards of `awards` that `tally` counts, beside the count it reports."""
    counted = [award for award in awards if tally.counts(award)]
    return Coverage(
        year=tally.year,
        tally=tally,
        reported=tally.count,
        itemised=len(counted),
        missing=None if tally.count is None else tally.count - len(counted),
        recipients_reported=tally.recipients,
        recipients_itemised=len({award.institution.id for award in counted}),
    )
