"""Shared fixtures: the article texts and the reference table, where this checkout has them."""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import settings

# The helpers assert too: their failures should read as a test's do.
pytest.register_assert_rewrite("datafiles", "strategies")

from datafiles import copy_bundled  # noqa: E402

# CI runs the property tests derandomized (a fixed seed) so a red run can be replayed; both
# profiles keep the default 100 examples a test, which all of them run in well under a minute.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"


def _shared(relative: str, what: str) -> pathlib.Path:
    """A path in ../shared, or a skip where this checkout has none beside it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{what} not beside this checkout ({path})")
    return path


@pytest.fixture(scope="session")
def articles_dir() -> pathlib.Path:
    return _shared("sources/articles", "the source articles are")


@pytest.fixture(scope="session")
def regions_csv() -> pathlib.Path:
    """The Kemendagri table of every province, kabupaten and kota (see its README)."""
    return _shared("reference/indonesia-regions.csv", "the region table is")


@pytest.fixture
def data_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the bundled data files, for a test to change."""
    return copy_bundled(tmp_path)
