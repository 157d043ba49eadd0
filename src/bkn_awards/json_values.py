"""How JSON values in the data files become field values: rules every structuring path shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["exactly", "iso_date", "iso_datetime"]

T = TypeVar("T")


def exactly(kind: type[T]) -> Callable[[Any, Any], T]:
    """Make a hook that takes a value of exactly type `kind`, not of a subclass.

    Example:
        >>> exactly(int)(True, int)
        Traceback (most recent call last):
        ...
        TypeError: expected int, got bool
    """

    def structure(value: Any, _type: Any) -> T:
        # bool is an int subclass: True must not pass for a year or a rank.
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return structure


def iso_datetime(value: Any, _type: Any = dt.datetime) -> dt.datetime:
    """Read an ISO 8601 date and time, which must carry its UTC offset.

    Example:
        >>> iso_datetime("2022-08-11T18:36:00+07:00").utcoffset()
        datetime.timedelta(seconds=25200)
    """
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date and time, got {type(value).__name__}")
    parsed = dt.datetime.fromisoformat(value)
    if parsed.utcoffset() is None:
        raise ValueError(f"{value!r} has no UTC offset (WIB is +07:00)")
    return parsed


def iso_date(value: Any, _type: Any = dt.date) -> dt.date:
    """Read an ISO 8601 date.

    Example:
        >>> iso_date("2023-06-08")
        datetime.date(2023, 6, 8)
    """
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date, got {type(value).__name__}")
    return dt.date.fromisoformat(value)
