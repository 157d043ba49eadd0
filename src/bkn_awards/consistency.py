"""Checks across records, and the conflicts between reports, found from the same groups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, TypeAlias

from attrs import field, frozen

from bkn_awards.entities import Category, Citation, Edition, ref_repr
from bkn_awards.model import Award, Event, Tally, file_of

__all__ = ["Claim", "Conflict", "Reported", "Value", "examine"]

#: A record that states facts sources can disagree on.
Reported: TypeAlias = Award | Event | Tally | Edition

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


class _Subject(NamedTuple):
    """What makes two records of one kind report the same thing, and where they may disagree.

    Attributes:
        key: Equal for two records about the same thing.
        describe: Says what that thing is.
        fields: The fields on which such records may disagree.
    """

    key: Callable[[Any], Hashable]
    describe: Callable[[Any], str]
    fields: tuple[str, ...]


# Two awards are about the same thing when they share year, institution and category; two
# events when they share year, kind, presenters and recipients; two tallies when they count the
# same institution or region and kinds in the same year; two editions when they share the year.
_SUBJECTS: dict[str, _Subject] = {
    "awards": _Subject(
        attrgetter("year", "institution.id", "category.id"),
        lambda a: f"the {a.year} award of {a.institution.name} in {a.category.name!r}",
        ("rank", "group"),
    ),
    "events": _Subject(
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
    ),
    "tallies": _Subject(
        lambda t: (
            t.year,
            None if t.institution is None else t.institution.id,
            t.region_code,
            frozenset(t.kinds),
        ),
        lambda t: f"the {t.year} count: {t.description}",
        ("count", "recipients"),
    ),
    "editions": _Subject(
        attrgetter("year"), lambda e: f"the {e.year} edition", ("number", "category_count")
    ),
}


def examine(files: Mapping[str, Sequence[Any]]) -> tuple[list[str], tuple[Conflict, ...]]:
    """Check the records of each file (``{"awards": ...}``) against each other.

    Returns the problems, as ``"<file>: record '<id>': <field>: ..."``, and the conflicts.
    Problems: a year without an edition, an award in a year that is not its category's, an
    event dated before its edition, an award's recipient who is not among its event's, and two
    records repeating the same facts (one record should cite both sources). Records about the
    same thing that differ are conflicts, all kept.
    """
    problems = _dates(files) + _recipients(files["awards"])
    conflicts: list[Conflict] = []
    for name, subject in _SUBJECTS.items():
        key, describe, fields = subject
        for group in _same_subject(files[name], key):
            first = group[0]
            for other in group[1:]:
                if all(getattr(other, f) == getattr(first, f) for f in fields):
                    message = (
                        f"repeats {first.id!r}; one record should cite every source that reports it"
                    )
                    problems.append(_problem(other, "id", message))
            for f in fields:
                values = [getattr(record, f) for record in group]
                if len(set(values)) > 1:
                    claims = tuple(
                        Claim(value=v, record=r) for v, r in zip(values, group, strict=True)
                    )
                    conflicts.append(Conflict(subject=describe(first), field=f, claims=claims))
    return problems, tuple(conflicts)


def _dates(files: Mapping[str, Sequence[Any]]) -> list[str]:
    years = {e.year for e in files["editions"]}
    problems = []
    for name in ("categories", "events", "awards", "tallies"):
        for record in files[name]:
            if record.year not in years:
                problems.append(_problem(record, "year", f"no edition has the year {record.year}"))
    for award in files["awards"]:
        if award.year != award.category.year:
            message = f"{award.year} is not the year of its category ({award.category.year})"
            problems.append(_problem(award, "year", message))
    for event in files["events"]:
        if event.date is not None and event.date.year < event.year:
            message = f"{event.date.isoformat()} is before the {event.year} edition"
            problems.append(_problem(event, "date", message))
    return problems


def _recipients(awards: Sequence[Award]) -> list[str]:
    return [
        _problem(
            a, "recipient", f"{a.recipient.id!r} is not among the recipients of {a.event.id!r}"
        )
        for a in awards
        if a.event and a.recipient and a.recipient not in a.event.recipients
    ]


def _same_subject(records: Sequence[Any], key: Callable[[Any], Hashable]) -> list[list[Any]]:
    """Group records that report the same thing; only groups of two or more are returned."""
    keys = list(map(key, records))
    if len(set(keys)) == len(keys):  # the usual answer, found without grouping
        return []
    grouped: defaultdict[Hashable, list[Any]] = defaultdict(list)
    for k, record in zip(keys, records, strict=True):
        grouped[k].append(record)
    return [group for group in grouped.values() if len(group) > 1]


def _problem(record: Category | Reported, field_name: str, message: str) -> str:
    return f"{file_of(record)}: record {record.id!r}: {field_name}: {message}"
