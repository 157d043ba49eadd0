"""Checks across records, and disagreements between sources kept as `Conflict` records."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeAlias, TypeVar

from attrs import field, frozen

from bkn_awards._fields import ref_repr
from bkn_awards.award import Award
from bkn_awards.category import Category
from bkn_awards.edition import Edition
from bkn_awards.event import Event
from bkn_awards.layout import file_of
from bkn_awards.provenance import Citation
from bkn_awards.tally import Tally

__all__ = ["Claim", "Conflict", "Value", "check_records", "find_conflicts"]

#: The type of a fact two sources can disagree on.
Value: TypeAlias = int | str | dt.date | None
#: A record that states facts sources can disagree on.
Reported: TypeAlias = Award | Event | Tally | Edition

R = TypeVar("R", Award, Event, Tally, Edition)


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


# For each kind of record: what makes two records report "the same thing", how to say what that
# thing is, and the fields on which they may then disagree.
_Subject = tuple[Callable[[R], Hashable], Callable[[R], str], tuple[str, ...]]

_AWARD: _Subject[Award] = (
    lambda a: (a.year, a.institution.id, a.category.id),
    lambda a: f"the {a.year} award of {a.institution.name} in {a.category.name!r}",
    ("rank", "group"),
)
_EVENT: _Subject[Event] = (
    lambda e: (
        e.year,
        e.kind,
        frozenset(o.id for o in e.presenters),
        frozenset(o.id for o in e.recipients),
    ),
    lambda e: (
        f"the {e.year} {e.kind.value} given by "
        + (", ".join(o.name for o in e.presenters) or "unnamed officials")
    ),
    ("date", "venue", "city"),
)
_TALLY: _Subject[Tally] = (
    lambda t: (
        t.year,
        None if t.institution is None else t.institution.id,
        t.region_code,
        frozenset(t.kinds),
    ),
    lambda t: f"the {t.year} count: {t.description}",
    ("count", "recipients"),
)
_EDITION: _Subject[Edition] = (
    lambda e: e.year,
    lambda e: f"the {e.year} edition",
    ("number", "category_count"),
)


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
    found += _conflicts(awards, _AWARD)
    found += _conflicts(events, _EVENT)
    found += _conflicts(tallies, _TALLY)
    found += _conflicts(editions, _EDITION)
    return tuple(found)


def check_records(
    *,
    categories: Sequence[Category],
    awards: Sequence[Award],
    events: Sequence[Event],
    tallies: Sequence[Tally],
    editions: Sequence[Edition],
) -> list[str]:
    """List what is inconsistent between records, as ``"<file>: record '<id>': <field>: ..."``.

    Checks that every year has an edition, that an award's year is its category's, that an
    event is not dated before its edition, that an award's recipient is one of its event's, and
    that no two records repeat the same facts (one record should cite both sources).
    """
    problems: list[str] = []
    years = {e.year for e in editions}
    dated: list[Category | Reported] = [*categories, *awards, *events, *tallies]
    for record in dated:
        if record.year not in years:
            problems.append(_problem(record, "year", f"no edition has the year {record.year}"))
    for award in awards:
        if award.year != award.category.year:
            message = f"{award.year} is not the year of its category ({award.category.year})"
            problems.append(_problem(award, "year", message))
        if award.event and award.recipient and award.recipient not in award.event.recipients:
            message = f"{award.recipient.id!r} is not among the recipients of {award.event.id!r}"
            problems.append(_problem(award, "recipient", message))
    for event in events:
        if event.date is not None and event.date.year < event.year:
            message = f"{event.date.isoformat()} is before the {event.year} edition"
            problems.append(_problem(event, "date", message))
    problems += _repeats(awards, _AWARD)
    problems += _repeats(events, _EVENT)
    problems += _repeats(tallies, _TALLY)
    problems += _repeats(editions, _EDITION)
    return problems


def _groups(records: Iterable[R], subject: _Subject[R]) -> list[list[R]]:
    key = subject[0]
    grouped: defaultdict[Hashable, list[R]] = defaultdict(list)
    for record in records:
        grouped[key(record)].append(record)
    return [group for group in grouped.values() if len(group) > 1]


def _conflicts(records: Iterable[R], subject: _Subject[R]) -> list[Conflict]:
    _, describe, fields = subject
    found = []
    for group in _groups(records, subject):
        for name in fields:
            values = [getattr(record, name) for record in group]
            if len(set(values)) > 1:
                claims = tuple(Claim(value=v, record=r) for v, r in zip(values, group, strict=True))
                found.append(Conflict(subject=describe(group[0]), field=name, claims=claims))
    return found


def _repeats(records: Iterable[R], subject: _Subject[R]) -> list[str]:
    _, _, fields = subject
    problems = []
    for group in _groups(records, subject):
        first = group[0]
        for other in group[1:]:
            if all(getattr(other, f) == getattr(first, f) for f in fields):
                message = (
                    f"repeats {first.id!r}; one record should cite every source that reports it"
                )
                problems.append(_problem(other, "id", message))
    return problems


def _problem(record: Category | Reported, field_name: str, message: str) -> str:
    return f"{file_of(record)}: record {record.id!r}: {field_name}: {message}"
