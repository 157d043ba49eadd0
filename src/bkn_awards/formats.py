"""Writing out: CSV, the data files, a Frictionless Data Package, and the data files' JSON Schema.

The schema ships as ``bkn_awards/data/schema.json`` for tools outside Python. It is made from the
record classes and their rules; regenerate it after a change to the model with
``python -m bkn_awards.formats > src/bkn_awards/data/schema.json`` (a test fails while the
shipped file and the model disagree).
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import os
import pathlib
import shutil
import tempfile
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from bkn_awards.codec import unstructure
from bkn_awards.errors import ExportError
from bkn_awards.layout import RECORD_FILES, links, unwrap_optional
from bkn_awards.records import data_fields
from bkn_awards.rows import cell_text, column_types
from bkn_awards.rules import ISO_DATE, ISO_DATETIME, rules_of

if TYPE_CHECKING:
    from bkn_awards.dataset import Dataset

__all__ = ["Format", "data_schema", "export", "write_csv"]

#: The formats `export` writes.
Format = Literal["datapackage", "csv", "json"]
_TABLE_SCHEMA_TYPES: dict[type[Any], str] = {
    str: "string",
    int: "integer",
    bool: "boolean",
    dt.date: "date",
    dt.datetime: "datetime",
    enum.Enum: "string",
    list: "array",
}
_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def export(
    dataset: Dataset, directory: str | os.PathLike[str], *, fmt: Format, overwrite: bool = False
) -> list[pathlib.Path]:
    """Write every record of `dataset` into `directory` (made if missing); return the files.

    ``"json"`` writes the data files themselves (``awards.json``...), as the bundled data has
    them; ``"csv"`` one flat file a record type (``awards.csv``...), with the columns the data
    dictionary lists for flat rows, lists as JSON arrays. ``"datapackage"`` writes the CSV
    files and a ``datapackage.json`` describing them as a Frictionless Tabular Data Package: a
    Table Schema a resource with types, required fields, primary and foreign keys, the
    sources, and the licence of the data. `bkn_awards.load` reads back what ``"json"`` and
    ``"datapackage"`` write.

    The files are written into a new directory beside `directory` and moved into it only once
    all are written, so a failure leaves `directory` as it was. A file already there is replaced
    only with `overwrite`, and a link there is replaced, never followed.

    Raises:
        ExportError: `directory` is empty, or files of the same names are there already.

    .. versionadded:: 0.1.0
    """
    if not os.fspath(directory):
        raise ExportError("export needs a directory to write into")
    target = pathlib.Path(directory)
    texts = _texts(dataset, fmt)
    there = [name for name in texts if os.path.lexists(target / name)]
    if there and not overwrite:
        raise ExportError(f"{target} has {', '.join(there)} already; overwrite them with --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = pathlib.Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name, text in texts.items():
            (staging / name).write_bytes(text.encode("utf-8"))
        target.mkdir(exist_ok=True)
        for name in texts:
            os.replace(staging / name, target / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in texts]


def _texts(dataset: Dataset, fmt: Format) -> dict[str, str]:
    """The name and text of each file `export` writes."""
    texts = {}
    by_file = dataset.records_by_file()
    for filename, cls in RECORD_FILES:
        name = filename.removesuffix(".json")
        if fmt == "json":  # the data files' own form, which `load` reads back
            records = [unstructure(record) for record in by_file[name]]
            texts[f"{name}.json"] = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        else:
            buffer = io.StringIO()
            write_csv(buffer, list(column_types(cls)), by_file[name].to_records())
            texts[f"{name}.csv"] = buffer.getvalue()
    if fmt == "datapackage":
        package = json.dumps(_package(dataset), ensure_ascii=False, indent=2)
        texts["datapackage.json"] = package + "\n"
    return texts


def write_csv(stream: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write flat rows as CSV (RFC 4180): a header, empty cells for None, ISO 8601 dates and times.

    Lines end with CRLF, as RFC 4180 has it: with a bare LF, Python's writer would leave a
    carriage return inside a text unquoted, and a reader would split the row there.

    .. versionadded:: 0.1.0
    """
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else cell_text(row[c]) for c in columns])


def _package(dataset: Dataset) -> dict[str, Any]:
    manifest = dataset.manifest()
    return {
        "profile": "tabular-data-package",
        "name": "bkn-awards",
        "title": "BKN Award results as reported in Indonesian news",
        "description": (
            "Awards of the BKN Award (Badan Kepegawaian Negara), with the institutions, "
            "categories, events, officials and reported counts, each citing the news reports "
            "that give it. The reports themselves are not included: they belong to their "
            "publishers; the sources list them by address, title and publisher."
        ),
        "version": manifest.data_version,
        "licenses": [_LICENCE],
        "sources": [
            {"title": s.title or s.id, **({"path": s.url} if s.url else {})}
            for s in dataset.sources()
        ],
        "resources": [_resource(filename, cls) for filename, cls in RECORD_FILES],
    }


def _resource(filename: str, cls: type[Any]) -> dict[str, Any]:
    name = filename.removesuffix(".json")
    fields = []
    for column, (kind, optional) in column_types(cls).items():
        field: dict[str, Any] = {"name": column, "type": _TABLE_SCHEMA_TYPES.get(kind, "string")}
        if not optional:
            field["constraints"] = {"required": True}
        fields.append(field)
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": fields,
            "primaryKey": ["id"],
            "foreignKeys": _foreign_keys(cls),
            "missingValues": [""],
        },
    }


def _foreign_keys(cls: type[Any]) -> list[dict[str, Any]]:
    # A single link (Institution, or Institution | None); a tuple of links is one text cell.
    return [
        {
            "fields": [link.field],
            "reference": {"resource": link.file.removesuffix(".json"), "fields": ["id"]},
        }
        for link in links(cls)
        if not link.many
    ]


def data_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a data directory's files.

    ``$defs`` holds one definition a file, named after it (``"awards"`` for ``awards.json``):
    a list of records with every field required and no other field allowed. Links are ids.
    Each field's rules give its keywords (a rule that asks the clock, as "not in the future",
    is left to the loader: JSON Schema has no clock).

    Example:
        >>> schema = data_schema()
        >>> placing = schema["$defs"]["awards"]["items"]["properties"]["placings"]["items"]
        >>> placing["properties"]["rank"]
        {'type': ['integer', 'null'], 'minimum': 1, 'maximum': 9223372036854775807}

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
    fields = data_fields(cls)
    targets = {link.field: link.target for link in links(cls)}
    return {
        "type": "object",
        "properties": {item.name: _field(item, targets.get(item.name)) for item in fields},
        "required": [f.name for f in fields],
        "additionalProperties": False,
    }


def _field(item: attrs.Attribute[Any], target: type[Any] | None) -> dict[str, Any]:
    """A field's schema: its type's (a link's is its target's id's), then its rules."""
    schema = _value(item.type, target)
    optional = unwrap_optional(item.type)[1]
    json_type = schema["type"][0] if optional and "type" in schema else schema.get("type")
    for rule in rules_of(item):
        for key, value in rule.schema(json_type or "").items():
            # An item rule (`Each`) adds to what the item's type says.
            schema[key] = {**schema[key], **value} if key == "items" else value
    return schema


def _value(annotation: Any, target: type[Any] | None) -> dict[str, Any]:
    inner_type, optional = unwrap_optional(annotation)
    if optional:
        inner = _value(inner_type, target)
        if "enum" in inner:
            return {**inner, "enum": [*inner["enum"], None]}
        return {**inner, "type": [inner["type"], "null"]}
    if typing.get_origin(annotation) is tuple:
        return {"type": "array", "items": _value(typing.get_args(annotation)[0], target)}
    if target is not None:
        return _field(attrs.fields_dict(target)["id"], None)
    if attrs.has(annotation):  # a record held inside another: a citation, a placing
        return _record(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return {"enum": [member.value for member in annotation]}
    return dict(_SCALARS[annotation])


_SCALARS: dict[Any, dict[str, Any]] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    str: {"type": "string"},
    dt.date: {"type": "string", "format": "date", **ISO_DATE.schema("string")},
    dt.datetime: {"type": "string", "format": "date-time", **ISO_DATETIME.schema("string")},
}


if __name__ == "__main__":
    print(json.dumps(data_schema(), indent=2, ensure_ascii=False))
