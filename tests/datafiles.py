"""Helpers for tests that read, change and write copies of the data files."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import importlib_resources

from bkn_awards.layout import RECORD_FILES

BUNDLED = importlib_resources.files("bkn_awards") / "data"


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
