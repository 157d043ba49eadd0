"""Disagreements between sources, kept as `Conflict` records rather than resolved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TypeAlias

from attrs import field, frozen

from bkn_awards._fields import ref_repr
from bkn_awards.award_record import Award
from bkn_awards.checks import AWARD, EDITION, EVENT, TALLY, R, Reported, Subject, same_subject
from bkn_awards.edition import Edition
from bkn_awards.event import Event
from bkn_awards.provenance import Citation
from bkn_awards.tally import Tally

__all__ = ["Claim", "Conflict", "Value", "find_conflicts"]

#: The type of a fact two sources can disagree on.
Value: TypeAlias = int | str | dt.date | None


@frozen(kw_only=True)
class Claim:
    """One side of a disagreement: a value and the record that states it.

    Attributes:
        value: The value the record gives the disputed field.
        record: The award, event, tally or edition that gives it, with its citations.

    .. versionadded:: 0.1.0
    """

    value: Value
    record: Reported = field(repr=ref_repr)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The citations of the record, which say where this claim is reported.

        .. versionadded:: 0.1.0
        """
        return self.record.citations


@frozen(kw_only=True)
class Conflict:
    """Records that report the same thing with different values.

    The data keeps every claim with its citations rather than picking one: queries return all
    the records, and `bkn_awards.conflicts()` lists where they disagree.

    Attributes:
        subject: What the records are about, in words.
        field: The field they disagree on (``"rank"``, ``"date"``, ``"count"``...).
        claims: Each value with the record that states it.

    .. versionadded:: 0.1.0
    """

    subject: str
    field: str
    claims: tuple[Claim, ...]


def find_conflicts(
    *,
    awards: Sequence[Award],
    events: Sequence[Event],
    tallies: Sequence[Tally],
    editions: Sequence[Edition],
) -> tuple[Conflict, ...]:
    """Find records about the same thing whose values differ.

    Two awards are about the same thing when they share year, institution and category; two
    events when they share year, kind, presenters and recipients; two tallies when they count
    the same institution or region and kinds in the same year; two editions when they share
    the year.
    """
    found: list[Conflict] = []
    found += _conflicts(awards, AWARD)
    found += _conflicts(events, EVENT)
    found += _conflicts(tallies, TALLY)
    found += _conflicts(editions, EDITION)
    return tuple(found)


def _conflicts(records: Iterable[R], subject: Subject[R]) -> list[Conflict]:
    _, describe, fields = subject
    found = []
    for group in same_subject(records, subject):
        for name in fields:
            values = [getattr(record, name) for record in group]
            if len(set(values)) > 1:
                claims = tuple(Claim(value=v, record=r) for v, r in zip(values, group, strict=True))
                found.append(Conflict(subject=describe(group[0]), field=name, claims=claims))
    return found
