"""Field helpers shared by the record classes: short reprs for links, validators for ranges."""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

import attrs

from bkn_awards.errors import FieldValueError

#: The first year the data accepts for an edition; BKN's award began in the 2010s (the 2020
#: edition was the sixth), so an earlier year is a typo.
FIRST_YEAR = 2000

Validator = TypeVar("Validator", bound=Callable[..., Any])


class InlineTest(NamedTuple):
    """A validator's test for the usual good value, to be written inline in generated code.

    Attributes:
        expression: A Python expression of the field value ``{v}`` (a value of the field's
            declared type) that is true only where the validator accepts the value; where it
            is false, the validator itself decides.
        names: The objects the expression names, as ``{name}``.
    """

    expression: str
    names: dict[str, Any]


#: The inline tests of validators that look at their value alone (`bkn_awards.bulk` uses them).
INLINE_TESTS: dict[Callable[..., Any], InlineTest] = {}


def inline_test(expression: str, **names: Any) -> Callable[[Validator], Validator]:
    """Register a validator's `InlineTest`; see there for `expression` and `names`."""

    def register(validator: Validator) -> Validator:
        INLINE_TESTS[validator] = InlineTest(expression, names)
        return validator

    return register


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


def ref_repr(record: _Identified | None) -> str:
    """Show a linked record by its id, so a repr stays one short line."""
    return "None" if record is None else repr(record.id)


def refs_repr(records: Sequence[_Identified]) -> str:
    """Show a tuple of linked records by their ids."""
    return repr(tuple(record.id for record in records))


@inline_test("{v} is None or {v} >= 1")
def at_least_one(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Reject a count, rank or number below 1 (``None``, "not reported", passes)."""
    if value is not None and value < 1:
        raise FieldValueError(attribute.name, f"must be at least 1, got {value}")


@inline_test("{v} is None or {v} >= 0")
def not_negative(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Reject a negative count (``None``, "not reported", passes)."""
    if value is not None and value < 0:
        raise FieldValueError(attribute.name, f"must not be negative, got {value}")


#: The years `edition_year` has accepted: one that was not in the future once never will be,
#: so the clock is asked only for a year not seen yet.
ACCEPTED_YEARS: set[int] = set()


@inline_test("{v} in {accepted}", accepted=ACCEPTED_YEARS)
def edition_year(_instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    """Reject a year before `FIRST_YEAR` or after this year."""
    if value in ACCEPTED_YEARS:
        return
    this_year = dt.date.today().year
    if not FIRST_YEAR <= value <= this_year:
        raise FieldValueError(
            attribute.name, f"must be from {FIRST_YEAR} to {this_year}, got {value}"
        )
    ACCEPTED_YEARS.add(value)


def not_in_future(
    _instance: Any, attribute: attrs.Attribute[Any], value: dt.date | dt.datetime | None
) -> None:
    """Reject a date or time after today (``None``, "not reported", passes)."""
    if value is None:
        return
    if isinstance(value, dt.datetime):
        late = value > dt.datetime.now(value.tzinfo)
    else:
        late = value > dt.date.today()
    if late:
        raise FieldValueError(attribute.name, f"is in the future: {value.isoformat()}")


@inline_test("{v}")
def non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: Sequence[Any] | str) -> None:
    """Reject an empty string or tuple where the record needs at least one item."""
    if len(value) == 0:
        raise FieldValueError(attribute.name, "must not be empty")


def unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """Split ``X | None`` into ``(X, True)``; any other annotation is ``(annotation, False)``."""
    args = typing.get_args(annotation)
    if type(None) not in args:
        return annotation, False
    return next(a for a in args if a is not type(None)), True


def plain(value: Any) -> Any:
    """Write a field's value as a flat cell: links as ids, enums as values, tuples joined."""
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)) and hasattr(value, "id"):
        return value.id
    if isinstance(value, tuple):
        return "; ".join(str(plain(item)) for item in value)
    return value


class Shown:
    """Mixin that renders an attrs record in Jupyter as a table of its fields."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        import html  # only notebooks need it: not worth its import time on every start

        rows = []
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            value = getattr(self, field.name)
            if field.name == "citations":
                text = "; ".join(
                    f"{c.source.id} paragraphs {', '.join(map(str, c.paragraphs))}" for c in value
                )
            else:
                text = "" if value is None else str(plain(value))
            rows.append(f"<tr><th>{field.name}</th><td>{html.escape(text)}</td></tr>")
        return f"<table><caption>{type(self).__name__}</caption>{''.join(rows)}</table>"
