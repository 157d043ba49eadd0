"""A value made on first use, once, whatever the threads: the one way this library defers work.

After pycountry's ``lazy_load``: the first caller makes the value under a lock; every later caller
reads it without one. The bundled dataset, the region table, the folded region names and each
dataset's name index are made this way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Lazy"]

T = TypeVar("T")

_NOT_MADE: object = object()


class Lazy(Generic[T]):
    """A value that `make` makes on the first `get`, once.

    Example:
        >>> calls = []
        >>> answer = Lazy(lambda: calls.append(1) or 42)
        >>> answer.get(), answer.get(), len(calls)
        (42, 42, 1)
    """

    __slots__ = ("_lock", "_make", "_value")

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._value: T | object = _NOT_MADE
        self._lock = threading.Lock()

    def get(self) -> T:
        """The value, made now if this is the first call (others wait for it)."""
        value = self._value
        if value is _NOT_MADE:
            with self._lock:
                if self._value is _NOT_MADE:
                    # A failure leaves nothing made: the next call tries again.
                    self._value = self._make()
                value = self._value
        return value  # type: ignore[return-value]

    @property
    def made(self) -> bool:
        """Whether the value has been made."""
        return self._value is not _NOT_MADE
