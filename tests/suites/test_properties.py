"""Rules that hold for all inputs: round trips, and corrupted data refused only as DataError."""

from __future__ import annotations

import pathlib
import tempfile
from typing import Any

from hypothesis import given

import bkn_awards
from bkn_awards import (
    DataError,
)
from bkn_awards.dataset import read_directory
from datafiles import bundled_count
from strategies import corruptions, datasets, write_corrupted, write_dataset


@given(datasets())
def test_every_record_type_round_trips_through_the_data_files(data: dict[str, list[Any]]) -> None:
    with tempfile.TemporaryDirectory() as name:
        write_dataset(pathlib.Path(name), data)
        loaded = read_directory(pathlib.Path(name))
    assert list(loaded.sources()) == data["sources.json"]
    assert list(loaded.institutions()) == data["institutions.json"]
    assert list(loaded.officials()) == data["officials.json"]
    assert list(loaded.editions()) == data["editions.json"]
    assert list(loaded.categories()) == data["categories.json"]
    assert list(loaded.events()) == data["events.json"]
    assert list(loaded.awards(sort="data")) == data["awards.json"]
    assert list(loaded.tallies()) == data["tallies.json"]
    assert list(loaded.aliases()) == data["aliases.json"]


@given(corruptions())
def test_a_corrupted_copy_loads_valid_data_or_raises_data_error(
    corruption: tuple[str, bytes],
) -> None:
    with tempfile.TemporaryDirectory() as name:
        write_corrupted(pathlib.Path(name), corruption)
        outcome = _load(pathlib.Path(name))
    if isinstance(outcome, Exception):
        assert isinstance(outcome, DataError), repr(outcome)
        assert outcome.problems
    else:
        assert all(
            a.citations and all(c.year == a.year for c in a.categories) for a in outcome.awards()
        )
    # The bundled dataset is untouched, whatever the copy held.
    assert len(bkn_awards.awards()) == bundled_count("awards.json")


def _load(directory: pathlib.Path) -> bkn_awards.Dataset | Exception:
    try:
        return read_directory(directory)
    except Exception as error:  # the property is that DataError is the only kind
        return error
