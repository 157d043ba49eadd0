"""The JSON Schema of the data files, made from the record classes.

The schema ships as ``bkn_awards/data/schema.json`` for tools outside Python; regenerate it after
a change to the model with ``python -m bkn_awards.schema > src/bkn_awards/data/schema.json``
(a test fails while the shipped file and the model disagree).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from typing import Any

import attrs

from bkn_awards._fields import FIRST_YEAR, unwrap_optional
from bkn_awards.layout import RECORD_FILES
from bkn_awards.provenance import Citation

__all__ = ["data_schema"]

_LINKS = {"Source", "Institution", "Official", "Event", "Category"}


def data_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a data directory's files.

    ``$defs`` holds one definition a file, named after it (``"awards"`` for ``awards.json``):
    a list of records with every field required and no other field allowed. Links are ids.

    Example:
        >>> schema = data_schema()
        >>> schema["$defs"]["awards"]["items"]["properties"]["rank"]
        {'type': ['integer', 'null'], 'minimum': 1}

    .. versionadded:: 0.1.0
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "bkn-awards data files",
        "$defs": {
            filename.removesuffix(".json"): {"type": "array", "items": _record(cls)}
            for filename, cls in RECORD_FILES
        },
    }


def _record(cls: type[Any]) -> dict[str, Any]:
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    return {
        "type": "object",
        "properties": {f.name: _value(f.type, f.name) for f in fields},
        "required": [f.name for f in fields],
        "additionalProperties": False,
    }


def _value(annotation: Any, name: str) -> dict[str, Any]:
    inner_type, optional = unwrap_optional(annotation)
    if optional:
        inner = _value(inner_type, name)
        kind = inner.get("type")
        if kind is None:  # an enum
            return {**inner, "enum": [*inner["enum"], None]}
        return {**inner, "type": [kind, "null"]}
    if typing.get_origin(annotation) is tuple:
        item = typing.get_args(annotation)[0]
        schema: dict[str, Any] = {"type": "array", "items": _value(item, name)}
        return {**schema, "minItems": 1} if name in ("citations", "paragraphs") else schema
    if annotation is Citation:
        return _record(Citation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return {"enum": [member.value for member in annotation]}
    return _scalar(annotation, name)


def _scalar(annotation: Any, name: str) -> dict[str, Any]:
    if annotation is bool:
        return {"type": "boolean"}
    if annotation is int:
        minimum = {"count": 0, "recipients": 0, "year": FIRST_YEAR}.get(name, 1)
        return {"type": "integer", "minimum": minimum}
    if annotation is dt.datetime:
        return {"type": "string", "format": "date-time"}
    if annotation is dt.date:
        return {"type": "string", "format": "date"}
    if annotation is str or getattr(annotation, "__name__", "") in _LINKS:
        return {"type": "string", "minLength": 1}
    raise TypeError(f"no JSON Schema for {annotation!r}")


if __name__ == "__main__":
    print(json.dumps(data_schema(), indent=2, ensure_ascii=False))
