"""Field rules as objects that carry their bounds: each checks a value and describes itself.

A record class states a field's rules once, with `ruled`; the checks run in the record's
``__init__`` (attrs validators), and the JSON Schema and the data dictionary read the same
objects through `rules_of`.
"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from typing import Any

import attrs

from bkn_awards.errors import FieldValueError

__all__ = [
    "FIRST_YEAR",
    "INT64_MAX",
    "ISO_DATE",
    "ISO_DATETIME",
    "REGION_CODE",
    "AtLeast",
    "Distinct",
    "Each",
    "EditionYear",
    "Matches",
    "NonEmpty",
    "NotInFuture",
    "Rule",
    "ShortId",
    "ruled",
    "rules_of",
]

#: The first year the data accepts for an edition; BKN's award began in the 2010s (the 2020
#: edition was the sixth), so an earlier year is a typo.
FIRST_YEAR = 2000
#: The largest whole number the exports (CSV for pandas' int64, Table Schema) can hold.
INT64_MAX = 2**63 - 1

_LOADED_IN = dt.date.today().year
_RULES = "bkn_awards.rules"  # the field metadata key `ruled` writes and `rules_of` reads


class Rule:
    """A rule of one field. ``None`` ("not reported") passes every rule: the type says if it may be.

    Calling a rule is the attrs validator: it raises `FieldValueError` naming the field if the
    value breaks the rule. A rule also says what it asks in JSON Schema keywords (`schema`) and
    in words (`text`).

    A rule is a value: its bounds, in `__slots__`, are given once and compared, hashed and
    shown as a dataclass's would be. The rules are plain classes, not attrs ones: making the
    seven attrs classes cost every start of the library three milliseconds.
    """

    __slots__ = ()

    def _bounds(self) -> tuple[tuple[str, Any], ...]:
        names: tuple[str, ...] = type(self).__slots__
        return tuple((name, getattr(self, name)) for name in names)

    def __repr__(self) -> str:
        bounds = ", ".join(f"{name}={value!r}" for name, value in self._bounds())
        return f"{type(self).__name__}({bounds})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Rule)
            and type(other) is type(self)
            and other._bounds() == self._bounds()
        )

    def __hash__(self) -> int:
        return hash((type(self), self._bounds()))

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        raise NotImplementedError

    def problem(self, value: Any) -> str | None:
        """What is wrong with `value`, or ``None`` if it keeps the rule."""
        try:
            self(None, _A_FIELD, value)
        except FieldValueError as error:
            return error.problem
        return None

    def schema(self, json_type: str) -> dict[str, Any]:
        """The JSON Schema keywords of the rule for a value of `json_type` (``"string"``...)."""
        raise NotImplementedError

    @property
    def text(self) -> str:
        """The rule in a few words, for the data dictionary."""
        raise NotImplementedError


# Stands in for the attrs field when a rule is asked about a value alone.
_A_FIELD: Any = SimpleNamespace(name="value")

# Each rule checks its value in __call__, its one statement of the rule: validators run on
# every field of every record, and a further call each time would cost a sixth of a load.


class NonEmpty(Rule):
    """Text or a list with at least one item.

    Example:
        >>> NonEmpty().problem(""), NonEmpty().problem(("x",))
        ('must not be empty', None)
    """

    __slots__ = ()

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and len(value) == 0:
            raise FieldValueError(attribute.name, "must not be empty")

    def schema(self, json_type: str) -> dict[str, Any]:
        return {"minItems": 1} if json_type == "array" else {"minLength": 1}

    @property
    def text(self) -> str:
        return "not empty"


class AtLeast(Rule):
    """A whole number from `minimum` up to `maximum` (by default what an export can hold).

    Example:
        >>> AtLeast(1).problem(0), AtLeast(0).problem(-1), AtLeast(1).problem(2**63)
        ('must be at least 1, got 0', 'must not be negative, got -1', 'must be at most 9223372036854775807, got 9223372036854775808')
    """  # noqa: E501

    __slots__ = ("minimum", "maximum")  # noqa: RUF023 (the order of the arguments)

    def __init__(self, minimum: int, maximum: int = INT64_MAX) -> None:
        self.minimum = minimum
        self.maximum = maximum

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None or self.minimum <= value <= self.maximum:
            return
        if value > self.maximum:
            raise FieldValueError(attribute.name, f"must be at most {self.maximum}, got {value}")
        if self.minimum == 0:
            raise FieldValueError(attribute.name, f"must not be negative, got {value}")
        raise FieldValueError(attribute.name, f"must be at least {self.minimum}, got {value}")

    def schema(self, json_type: str) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum}

    @property
    def text(self) -> str:
        return f"at least {self.minimum}"


class EditionYear(Rule):
    """A year from `first` to the current year, asked of the clock each time.

    The schema can say the first year only: JSON Schema has no clock.

    Example:
        >>> EditionYear().problem(1999).startswith("must be from 2000 to ")
        True
    """

    __slots__ = ("first",)

    def __init__(self, first: int = FIRST_YEAR) -> None:
        self.first = first

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        # A year up to the one this module was loaded in never becomes a future year: only a
        # later one needs the clock.
        if self.first <= value <= _LOADED_IN or self.first <= value <= dt.date.today().year:
            return
        problem = f"must be from {self.first} to {dt.date.today().year}, got {value}"
        raise FieldValueError(attribute.name, problem)

    def schema(self, json_type: str) -> dict[str, Any]:
        return {"minimum": self.first}

    @property
    def text(self) -> str:
        return f"from {self.first} to the current year"


class NotInFuture(Rule):
    """A date, or a time with its UTC offset, that is not after now.

    Example:
        >>> NotInFuture().problem(dt.date(2999, 1, 1))
        'is in the future: 2999-01-01'
    """

    __slots__ = ()

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if isinstance(value, dt.datetime):
            late = value > dt.datetime.now(value.tzinfo)
        else:
            late = value > dt.date.today()
        if late:
            raise FieldValueError(attribute.name, f"is in the future: {value.isoformat()}")

    def schema(self, json_type: str) -> dict[str, Any]:
        return {}

    @property
    def text(self) -> str:
        return "not in the future"


class Matches(Rule):
    """Text that a regular expression matches whole; `meaning` says it in words.

    Example:
        >>> Matches(r"[0-9]{2}", "two digits").problem("3a")
        "must be two digits, got '3a'"
    """

    __slots__ = ("pattern", "meaning")  # noqa: RUF023 (the order of the arguments)

    def __init__(self, pattern: str, meaning: str) -> None:
        self.pattern = pattern
        self.meaning = meaning

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        # re keeps the few patterns of the model compiled.
        if value is not None and not re.fullmatch(self.pattern, value):
            raise FieldValueError(attribute.name, f"must be {self.meaning}, got {value!r}")

    def schema(self, json_type: str) -> dict[str, Any]:
        return {"pattern": f"^(?:{self.pattern})$"}

    @property
    def text(self) -> str:
        return self.meaning


class ShortId(Rule):
    """An id to type: lower-case letters and digits, in words joined by ``-``, and short.

    Example:
        >>> ShortId(20).problem("2020-kab-sidoarjo"), ShortId(8).problem("2020-kab-sidoarjo")
        (None, "must be lower-case words joined by '-', at most 8 characters, got '2020-kab-sidoarjo'")
    """  # noqa: E501

    __slots__ = ("maximum",)

    _PATTERN = "[0-9a-z]+(-[0-9a-z]+)*"

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if len(value) > self.maximum or not re.fullmatch(self._PATTERN, value):
            raise FieldValueError(attribute.name, f"must be {self.text}, got {value!r}")

    def schema(self, json_type: str) -> dict[str, Any]:
        return {"pattern": f"^(?:{self._PATTERN})$", "maxLength": self.maximum}

    @property
    def text(self) -> str:
        return f"lower-case words joined by '-', at most {self.maximum} characters"


class Each(Rule):
    """A list each of whose items keeps `rule`.

    Example:
        >>> Each(AtLeast(1)).problem((3, 0))
        'must be at least 1, got 0'
    """

    __slots__ = ("rule",)

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        check = self.rule.__call__
        for item in value or ():
            check(instance, attribute, item)

    def schema(self, json_type: str) -> dict[str, Any]:
        return {"items": self.rule.schema("item")}

    @property
    def text(self) -> str:
        return f"each {self.rule.text}"


class Distinct(Rule):
    """A list that names no item twice; `noun` names an item in the message.

    Example:
        >>> Distinct("paragraph").problem((5, 5))
        'lists a paragraph twice: (5, 5)'
    """

    __slots__ = ("noun",)

    def __init__(self, noun: str) -> None:
        self.noun = noun

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and len(set(value)) != len(value):
            raise FieldValueError(attribute.name, f"lists a {self.noun} twice: {value}")

    def schema(self, json_type: str) -> dict[str, Any]:
        return {"uniqueItems": True}

    @property
    def text(self) -> str:
        return f"no {self.noun} twice"


#: How the data files write a date: ISO 8601, ``YYYY-MM-DD`` and nothing else.
ISO_DATE = Matches(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date written YYYY-MM-DD")
#: How they write a time: RFC 3339, to the second, with its UTC offset (WIB is ``+07:00``).
ISO_DATETIME = Matches(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})",
    "a time written YYYY-MM-DDTHH:MM:SS with its UTC offset",
)


#: How a Kemendagri region code is written: ``"35"`` (a province) or ``"35.15"``.
REGION_CODE = Matches(r"[0-9]{2}(\.[0-9]{2})?", "a Kemendagri code: '35' or '35.15'")


def ruled(*rules: Rule, **options: Any) -> Any:
    """Declare an attrs field kept by `rules`: they validate it and describe it.

    Example:
        >>> @attrs.frozen
        ... class Prize:
        ...     rank: int = ruled(AtLeast(1))
        >>> Prize(0)
        Traceback (most recent call last):
        ...
        bkn_awards.errors.FieldValueError: rank must be at least 1, got 0
    """
    # Validators run on every record made: a bound method is called faster than an object, and
    # attrs wraps a list of them in one more call, so a single rule is given alone.
    checks = [rule.__call__ for rule in rules]
    validator = checks[0] if len(checks) == 1 else checks
    return attrs.field(validator=validator, metadata={_RULES: rules}, **options)


def rules_of(field: attrs.Attribute[Any]) -> tuple[Rule, ...]:
    """The rules a field was declared with (see `ruled`)."""
    rules: tuple[Rule, ...] = field.metadata.get(_RULES, ())
    return rules
