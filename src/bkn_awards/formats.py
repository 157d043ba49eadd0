"""Writing a dataset out in open formats: CSV, JSON and a Frictionless Data Package."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import os
import pathlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from bkn_awards._fields import unwrap_optional
from bkn_awards.category import Category
from bkn_awards.event import Event
from bkn_awards.flat import cell_text, column_types
from bkn_awards.government import Institution
from bkn_awards.layout import RECORD_FILES
from bkn_awards.official import Official
from bkn_awards.provenance import Source

if TYPE_CHECKING:
    from bkn_awards.dataset import Dataset

__all__ = ["export", "write_csv"]

Format = Literal["datapackage", "csv", "json"]

_RESOURCE_OF: dict[type[Any], str] = {
    Source: "sources",
    Institution: "institutions",
    Official: "officials",
    Event: "events",
    Category: "categories",
}
_TABLE_SCHEMA_TYPES: dict[type[Any], str] = {
    str: "string",
    int: "integer",
    bool: "boolean",
    dt.date: "date",
    dt.datetime: "datetime",
    enum.Enum: "string",
}
_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def export(
    dataset: Dataset, directory: str | os.PathLike[str], *, fmt: Format
) -> list[pathlib.Path]:
    """Write every record of `dataset` into `directory` (made if missing); return the files.

    ``"csv"`` and ``"json"`` write one flat file a record type (``awards.csv``...), with the
    columns the data dictionary lists for flat rows. ``"datapackage"`` writes the CSV files and a
    ``datapackage.json`` describing them as a Frictionless Tabular Data Package: a Table Schema
    a resource with types, required fields, primary and foreign keys, the sources, and the
    licence of the data.

    .. versionadded:: 0.1.0
    """
    target = pathlib.Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    by_file = dataset.records_by_file()
    for filename, cls in RECORD_FILES:
        name = filename.removesuffix(".json")
        if fmt == "json":
            path = target / f"{name}.json"
            path.write_text(by_file[name].to_json(indent=2), "utf-8")
        else:
            path = target / f"{name}.csv"
            with path.open("w", encoding="utf-8", newline="") as stream:
                write_csv(stream, list(column_types(cls)), by_file[name].to_records())
        written.append(path)
    if fmt == "datapackage":
        path = target / "datapackage.json"
        package = _package(dataset)
        path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(path)
    return written


def write_csv(stream: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write flat rows as CSV: a header, empty cells for None, ISO 8601 dates and times.

    .. versionadded:: 0.1.0
    """
    writer = csv.writer(stream, lineterminator="\n")
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
            "categories, events, officials and reported counts, each citing the news article "
            "and paragraphs that report it. The articles themselves are not included: they "
            "belong to their publishers; the sources list them by title, publisher and SHA-256."
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
    attrs.resolve_types(cls)
    keys = []
    for field in attrs.fields(cls):
        # A single link (Institution, or Institution | None); a tuple of links is one text cell.
        target, _ = unwrap_optional(field.type)
        if target in _RESOURCE_OF:
            keys.append(
                {
                    "fields": [field.name],
                    "reference": {"resource": _RESOURCE_OF[target], "fields": ["id"]},
                }
            )
    return keys
