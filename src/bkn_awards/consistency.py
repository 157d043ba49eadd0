"""Checks across records: what one record cannot check on its own."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from operator import attrgetter
from typing import TypeAlias, TypeVar

from bkn_awards.award_record import Award
from bkn_awards.category import Category
from bkn_awards.edition import Edition
from bkn_awards.event import Event
from bkn_awards.layout import file_of
from bkn_awards.tally import Tally

__all__ = [
    "AWARD",
    "EDITION",
    "EVENT",
    "TALLY",
    "Reported",
    "Subject",
    "check_records",
    "same_subject",
]

#: A record that states facts sources can disagree on.
Reported: TypeAlias = Award | Event | Tally | Edition

R = TypeVar("R", Award, Event, Tally, Edition)

# For each kind of record: what makes two records report "the same thing", how to say what that
# thing is, and the fields on which they may then disagree.
Subject = tuple[Callable[[R], Hashable], Callable[[R], str], tuple[str, ...]]

AWARD: Subject[Award] = (
    attrgetter("year", "institution.id", "category.id"),
    lambda a: f"the {a.year} award of {a.institution.name} in {a.category.name!r}",
    ("rank", "group"),
)
EVENT: Subject[Event] = (
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
TALLY: Subject[Tally] = (
    lambda t: (
        t.year,
        None if t.institution is None else t.institution.id,
        t.region_code,
        frozenset(t.kinds),
    ),
    lambda t: f"the {t.year} count: {t.description}",
    ("count", "recipients"),
)
EDITION: Subject[Edition] = (
    lambda e: e.year,
    lambda e: f"the {e.year} edition",
    ("number", "category_count"),
)


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
    problems += _repeats(awards, AWARD)
    problems += _repeats(events, EVENT)
    problems += _repeats(tallies, TALLY)
    problems += _repeats(editions, EDITION)
    return problems


def same_subject(records: Iterable[R], subject: Subject[R]) -> list[list[R]]:
    """Group records that report the same thing; only groups of two or more are returned."""
    records = list(records)
    keys = list(map(subject[0], records))
    if len(set(keys)) == len(keys):  # the usual answer, found without grouping
        return []
    grouped: defaultdict[Hashable, list[R]] = defaultdict(list)
    for key, record in zip(keys, records, strict=True):
        grouped[key].append(record)
    return [group for group in grouped.values() if len(group) > 1]


def _repeats(records: Iterable[R], subject: Subject[R]) -> list[str]:
    _, _, fields = subject
    problems = []
    for group in same_subject(records, subject):
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
