"""Field helpers shared by the record classes: short reprs for links, validators for ranges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import attrs


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


def ref_repr(record: _Identified | None) -> str:
    """Show a linked record by its id, so a repr stays one short line."""
    return "None" if record is None else repr(record.id)


def refs_repr(records: Sequence[_Identified]) -> str:
    """Show a tuple of linked records by their ids."""
    return repr(tuple(record.id for record in records))


def at_least_one(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Reject a count, rank or number below 1 (``None``, "not reported", passes)."""
    if value is not None and value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value}")


def not_negative(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Reject a negative count (``None``, "not reported", passes)."""
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


def non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: Sequence[Any] | str) -> None:
    """Reject an empty string or tuple where the record needs at least one item."""
    if len(value) == 0:
        raise ValueError(f"{attribute.name} must not be empty")
