"""Helpers for tests that read, change and write copies of the data files."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import importlib_resources
import pytest

import bkn_awards
from bkn_awards import DataError
from bkn_awards.layout import RECORD_FILES

BUNDLED = importlib_resources.files("bkn_awards") / "data"

#: The columns of an award's flat row, in order, with the pandas dtype of each.
AWARD_COLUMNS = {
    "id": "object",
    "year": "int64",
    "institution": "object",
    "category": "object",
    "group": "category",
    "group_label": "object",
    "rank": "Int64",
    "ranks": "object",
    "rank_label": "object",
    "disputed": "bool",
    "placings": "object",
    "sources": "object",
    "source_titles": "object",
    "source_urls": "object",
    "paragraphs": "object",
    "parts": "object",
    "event": "object",
    "recipient": "object",
    "institution_name": "object",
    "institution_kind": "category",
    "region_code": "object",
    "category_name": "object",
    "category_theme": "category",
    "event_date": "datetime64[ns]",
    "first_published": "datetime64[ns]",
}

#: A value for `change_record` that removes the field.
DROP: Any = object()


def copy_bundled(directory: pathlib.Path) -> pathlib.Path:
    """Copy the bundled data files into `directory` and return it."""
    for filename, _ in RECORD_FILES:
        (directory / filename).write_bytes((BUNDLED / filename).read_bytes())
    return directory


def bundled_records(filename: str) -> list[dict[str, Any]]:
    """The raw records of the bundled `filename`, read from the file, not by the loader."""
    records: list[dict[str, Any]] = json.loads((BUNDLED / filename).read_text(encoding="utf-8"))
    return records


def bundled_count(filename: str) -> int:
    """How many records the bundled `filename` holds, read from the file, not by the loader."""
    return len(bundled_records(filename))


def held(record: Any) -> bool:
    """Whether `record` cites an article file the project holds (a seed source, with its hash).

    The seed records are those the five article files report: their facts were checked
    paragraph by paragraph, and the tests pin them.
    """
    return any(citation.source.sha256 is not None for citation in record.citations)


def read_records(directory: pathlib.Path, filename: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((directory / filename).read_text(encoding="utf-8"))
    return records


def write_records(directory: pathlib.Path, filename: str, records: Any) -> None:
    (directory / filename).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def change_record(
    directory: pathlib.Path, filename: str, record_id: str, /, **changes: Any
) -> None:
    """Change fields of the record of `filename` with the id `record_id` (`DROP` removes one)."""
    records = read_records(directory, filename)
    (record,) = [r for r in records if r["id"] == record_id]
    _change(record, changes)
    write_records(directory, filename, records)


def change_placing(directory: pathlib.Path, award_id: str, /, **changes: Any) -> None:
    """Change fields of the first placing of the award `award_id` (`DROP` removes one).

    An award's rank, its words and its citations are its placings': where a test changed those
    of an award, it changes those of its first placing.
    """
    records = read_records(directory, "awards.json")
    (record,) = [r for r in records if r["id"] == award_id]
    _change(record["placings"][0], changes)
    write_records(directory, "awards.json", records)


def placings_with(award_id: str, /, **changes: Any) -> list[dict[str, Any]]:
    """The bundled placings of the award `award_id`, its first placing's fields changed.

    For `assert_refused_after`, which changes a record's own fields: ``{"placings": ...}``.
    """
    (record,) = [r for r in bundled_records("awards.json") if r["id"] == award_id]
    placings: list[dict[str, Any]] = record["placings"]
    _change(placings[0], changes)
    return placings


def _change(record: dict[str, Any], changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if value is DROP:
            del record[key]
        else:
            record[key] = value


def assert_refused_after(
    directory: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    """Change a record as `change_record` does, and check that a load names `expected`."""
    change_record(directory, filename, record_id, **changes)
    problems = load_problems(directory)
    assert any(p.startswith(expected) for p in problems), problems


def load_problems(directory: pathlib.Path) -> tuple[str, ...]:
    """The problems a load of `directory` refuses it with: it must be refused.

    The refusal is a `DataError`, a ValueError under BknAwardsError, and the failed load leaves
    the bundled dataset as it was.
    """
    with pytest.raises(DataError) as caught:
        bkn_awards.load(directory)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, bkn_awards.BknAwardsError)
    assert len(bkn_awards.awards()) == bundled_count("awards.json")
    assert bkn_awards.load().awards() == bkn_awards.awards()
    return caught.value.problems
