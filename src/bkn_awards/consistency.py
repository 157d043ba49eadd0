"""Checks across records, and the conflicts between reports, found from the same groups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, TypeAlias

import attrs
from attrs import field, frozen

from bkn_awards.geography import regions_by_code
from bkn_awards.layout import file_of
from bkn_awards.records import (
    Alias,
    Award,
    Citation,
    Edition,
    Event,
    Institution,
    Shown,
    Tally,
    ref_repr,
)
from bkn_awards.vocabulary import EventKind

__all__ = ["Claim", "Conflict", "Reported", "Value", "examine", "with_contested"]

#: A record that states facts sources can disagree on.
Reported: TypeAlias = Award | Event | Tally | Edition

#: The type of a fact two sources can disagree on.
Value: TypeAlias = int | str | dt.date | None


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Claim(Shown):
    """One side of a disagreement: a value, the record that states it, and where it is reported.

    Attributes:
        value: The value the record gives the disputed field.
        record: The award, event, tally or edition that gives it.
        citations: Where this value is reported: the record's citations, or those of the one
            placing of an award that gives it.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       `citations` is a field: an award's placings each claim with their own.
    """

    value: Value
    record: Reported = field(repr=ref_repr)
    citations: tuple[Citation, ...] = field(repr=False)


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Conflict(Shown):
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
    """What makes two records of one file report the same thing, and where they may disagree.

    Attributes:
        key: Equal for two records about the same thing; ``None`` for a record not compared.
        describe: Says what that thing is, given a record and its key.
        more: The further keys of a record that reports several such things (an award's other
            readings, each its own place); empty for most.
        fields: The fields on which such records may disagree.
        same: Whether two such records agreeing on every field are one record given twice.
        apart: Whether only records that share no source are compared (a report that gives
            both values gives two facts, not a disagreement).
    """

    key: Callable[[Any], Hashable]
    describe: Callable[[Any, Hashable], str]
    fields: tuple[str, ...]
    same: bool = True
    apart: bool = False
    more: Callable[[Any], Sequence[Hashable]] = lambda _: ()


def _group(award: Award) -> str:
    return f" ({award.group.value})" if award.group else ""


# The field on which awards of one place disagree: who holds it. A conflict on it is a place
# given twice, and marks its awards contested.
_HOLDER = "institution"


def _place(award: Award) -> Hashable:
    """The place an award's one reading gives it: a rank in a category, group and kind."""
    category, rank, kind = award.category, award.rank, award.institution.kind
    return category and rank and (award.year, category.id, rank, award.group, kind)


def _places(award: Award) -> Sequence[Hashable]:
    """Each place a disputed award's readings give it (an award of one reading has `_place`)."""
    if len(award.placings) == 1:
        return ()
    year, group, kind = award.year, award.group, award.institution.kind
    return [
        (year, category.id, p.rank, group, kind)
        for p in award.placings
        if p.rank and (category := p.category or award.category)
    ]


def _describe_place(award: Award, key: Any) -> str:
    year, category_id, rank, *_ = key
    name = next(c.name for c in award.categories if c.id == category_id)
    return f"place {rank} of {year} in {name!r}{_group(award)}"


# The things two records can report differently. Awards: one place (a rank in a category, group
# and kind of government has one winner), and one institution's place of a rank reported by
# unrelated reports in two categories. (One award is one record: its readings are placings.)
# Events: the ceremony of an edition, or a handover by and to the same officials (handovers
# with no official named happen in many places, and are not compared).
_SUBJECTS: tuple[tuple[str, _Subject], ...] = (
    (
        "awards",
        _Subject(_place, _describe_place, (_HOLDER,), same=False, more=_places),
    ),
    (
        "awards",
        _Subject(
            lambda a: a.category and a.rank and (a.year, a.institution.id, a.rank),
            lambda a, _: f"the {a.year} place {a.rank} of {a.institution.name}",
            ("category",),
            same=False,
            apart=True,
        ),
    ),
    (
        "events",
        _Subject(
            lambda e: (
                (e.presenters or e.recipients or e.kind is EventKind.CEREMONY)
                and (
                    e.year,
                    e.kind,
                    frozenset(o.id for o in e.presenters),
                    frozenset(o.id for o in e.recipients),
                )
            ),
            lambda e, _: (
                f"the {e.year} {e.kind.value} given by "
                + (", ".join(o.name for o in e.presenters) or "unnamed officials")
            ),
            ("date", "venue", "city"),
        ),
    ),
    (
        "tallies",
        _Subject(
            lambda t: (
                t.year,
                None if t.institution is None else t.institution.id,
                t.region_code,
                frozenset(t.kinds),
            ),
            lambda t, _: f"the {t.year} count: {t.description}",
            ("count", "recipients"),
        ),
    ),
    (
        "editions",
        _Subject(
            attrgetter("year"), lambda e, _: f"the {e.year} edition", ("number", "category_count")
        ),
    ),
    (
        "editions",
        _Subject(
            attrgetter("number"),
            lambda e, _: f"edition number {e.number}",
            ("year",),
            same=False,
        ),
    ),
)


def examine(
    files: Mapping[str, Sequence[Any]], *, regions: bool = True
) -> tuple[list[str], tuple[Conflict, ...]]:
    """Check the records of each file (``{"awards": ...}``) against each other.

    Returns the problems, as ``"<file>: record '<id>': <field>: ..."``, and the conflicts.
    Problems: a year without an edition, an award in a year that is not its category's, an
    earlier id given to an award again, an event dated before its edition, an award's
    recipient who is not among its event's, a region code, name or id not as the region table
    has it, and two records repeating the same facts (one record should cite both sources).
    Records about the same thing that differ are conflicts, all kept. With `regions` false the
    region table is not consulted (the bundled data, which the tests check against it, need not
    pay for reading the table on every start).
    """
    problems = _dates(files) + _recipients(files["awards"]) + _one_award_each(files["awards"])
    problems += _former_ids(files["awards"], files["aliases"])
    problems += _regions(files["institutions"]) if regions else []
    conflicts = [c for award in files["awards"] for c in _placings_disagree(award)]
    for name, subject in _SUBJECTS:
        for key, group in _same_subject(files[name], subject):
            problems += _repeats(group, subject)
            conflicts += _disagreements(group, subject, key)
    return problems, tuple(conflicts)


def _repeats(group: list[Any], subject: _Subject) -> list[str]:
    """The records of `group` that repeat its first on every field: one record given twice."""
    if not subject.same:
        return []
    first = group[0]
    message = f"repeats {first.id!r}; one record should cite every source that reports it"
    return [
        _problem(other, "id", message)
        for other in group[1:]
        if all(getattr(other, f) == getattr(first, f) for f in subject.fields)
    ]


def _disagreements(group: list[Any], subject: _Subject, key: Hashable) -> list[Conflict]:
    """A conflict for each field on which the records of `group` give different values."""
    found = []
    for f in subject.fields:
        values = [_value(getattr(record, f)) for record in group]
        # A report that gives no value disagrees with none.
        if len(set(values) - {None}) > 1:
            claims = tuple(
                Claim(value=v, record=r, citations=r.citations)
                for v, r in zip(values, group, strict=True)
            )
            described = subject.describe(group[0], key)
            found.append(Conflict(subject=described, field=f, claims=claims))
    return found


def _one_award_each(awards: Sequence[Award]) -> list[str]:
    """An award given twice: the same edition, institution, category and group as another."""
    seen: dict[Hashable, Award] = {}
    problems = []
    for award in awards:
        for category in award.categories:  # an award whose reports name no category is unkeyed
            first = seen.setdefault(
                (award.year, award.institution.id, category.id, award.group), award
            )
            if first is not award:
                message = (
                    f"is the award {first.id!r} again (same edition, institution, category and "
                    "group): one award is one record, its other reading a placing of it"
                )
                problems.append(_problem(award, "id", message))
    return problems


def with_contested(
    files: Mapping[str, Sequence[Any]], conflicts: Sequence[Conflict]
) -> tuple[dict[str, Sequence[Any]], tuple[Conflict, ...]]:
    """The records and conflicts again, each award whose place another claims `Award.contested`.

    The awards are made again, marked, and every link to them (an alias, a conflict's claim)
    leads to the marked one; where no place is claimed twice, all is as it was.
    """
    claimed = {claim.record.id for c in conflicts if c.field == _HOLDER for claim in c.claims}
    if not claimed:
        return dict(files), tuple(conflicts)
    marked = {a.id: attrs.evolve(a, contested=True) for a in files["awards"] if a.id in claimed}

    def mark(record: Any) -> Any:
        return marked.get(record.id, record) if isinstance(record, Award) else record

    aliases = tuple(attrs.evolve(a, award=mark(a.award)) for a in files["aliases"])
    return {**files, "awards": tuple(map(mark, files["awards"])), "aliases": aliases}, tuple(
        attrs.evolve(c, claims=tuple(attrs.evolve(cl, record=mark(cl.record)) for cl in c.claims))
        for c in conflicts
    )


def _former_ids(awards: Sequence[Award], aliases: Sequence[Alias]) -> list[str]:
    """An earlier id that names an award again: a released id is never reused."""
    current = {award.id for award in awards}
    message = "names an award of today: an id once released is never given to another record"
    return [_problem(alias, "id", message) for alias in aliases if alias.id in current]


def _placings_disagree(award: Award) -> list[Conflict]:
    """The conflicts between the placings of one award: on its rank, on its category."""
    if len(award.placings) == 1:  # the usual award: one reading, nothing to disagree with
        return []
    found = []
    where = f" in {award.category.name!r}" if award.category else ""
    subject = f"the {award.year} award of {award.institution.name}{where}{_group(award)}"
    readings: tuple[tuple[str, list[Value]], ...] = (
        ("rank", [p.rank for p in award.placings]),
        ("category", [p.category.name if p.category else None for p in award.placings]),
    )
    for name, values in readings:
        if len(set(values) - {None}) > 1:
            claims = tuple(
                Claim(value=v, record=award, citations=p.citations)
                for v, p in zip(values, award.placings, strict=True)
            )
            found.append(Conflict(subject=subject, field=name, claims=claims))
    return found


def _value(value: Any) -> Value:
    """A claimed value as a reader compares it: a linked record by its name."""
    return getattr(value, "name", value)  # type: ignore[no-any-return]


def _dates(files: Mapping[str, Sequence[Any]]) -> list[str]:
    years = {e.year for e in files["editions"]}
    problems = []
    for name in ("categories", "events", "awards", "tallies"):
        for record in files[name]:
            if record.year not in years:
                problems.append(_problem(record, "year", f"no edition has the year {record.year}"))
    for award in files["awards"]:
        for category in award.categories:  # its own, or each of its placings' where disputed
            if award.year != category.year:
                message = f"{award.year} is not the year of its category ({category.year})"
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


def _same_subject(records: Sequence[Any], subject: _Subject) -> list[tuple[Hashable, list[Any]]]:
    """Group records that report the same thing, each group with its key (two records or more).

    A record with further keys (`_Subject.more`) is in the group of each.
    """
    keyed = [(k, r) for r in records if (k := subject.key(r))]
    keyed += [(k, r) for r in records for k in subject.more(r) if k != subject.key(r)]
    if len({k for k, _ in keyed}) == len(keyed):  # the usual answer, found without grouping
        return []
    grouped: defaultdict[Hashable, list[Any]] = defaultdict(list)
    for k, record in keyed:
        if record not in grouped[k]:
            grouped[k].append(record)
    groups = [(k, group) for k, group in grouped.items() if len(group) > 1]
    return [(k, g) for k, g in groups if not subject.apart or _unrelated(g)]


def _unrelated(records: list[Any]) -> bool:
    """Whether no source is cited by two of the records."""
    cited = [
        c.source.id
        for record in records
        for c in {c.source.id: c for c in record.citations}.values()
    ]
    return len(cited) == len(set(cited))


def _regions(institutions: Sequence[Institution]) -> list[str]:
    """Each regional government carries its code, official name and id from the region table."""
    problems = []
    for institution in institutions:
        if institution.region_code is None:
            continue
        place = regions_by_code().get(institution.region_code)
        if place is None or place.kind is not institution.kind:
            message = (
                f"{institution.region_code} is no {institution.kind.value} in the region table"
            )
            problems.append(_problem(institution, "region_code", message))
        elif institution.name != place.official_name:
            message = f"the region table names {place.code} {place.official_name!r}"
            problems.append(_problem(institution, "name", message))
        elif institution.id != place.institution_id:
            message = f"the id of the government of {place.code} is {place.institution_id!r}"
            problems.append(_problem(institution, "id", message))
    return problems


def _problem(record: Any, field_name: str, message: str) -> str:
    return f"{file_of(record)}: record {record.id!r}: {field_name}: {message}"
