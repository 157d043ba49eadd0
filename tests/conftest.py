"""Shared fixtures: the article texts and the reference table, where this checkout has them."""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import settings

from datafiles import copy_bundled

# CI runs the property tests derandomized (a fixed seed) so a red run can be replayed; both
# profiles keep the default 100 examples a test, which all of them run in well under a minute.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

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
