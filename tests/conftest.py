"""Shared fixtures: the article texts and the reference table, where this checkout has them."""

from __future__ import annotations

import pathlib

import pytest

from datafiles import copy_bundled

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def articles_dir() -> pathlib.Path:
    directory = SHARED / "sources" / "articles"
    if not directory.is_dir():
        pytest.skip(f"the source articles are not beside this checkout ({directory})")
    return directory


@pytest.fixture(scope="session")
def region_codes_csv() -> pathlib.Path:
    path = SHARED / "reference" / "jawa-timur-region-codes.csv"
    if not path.is_file():
        pytest.skip(f"the region code table is not beside this checkout ({path})")
    return path


@pytest.fixture
def data_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the bundled data files, for a test to change."""
    return copy_bundled(tmp_path)
