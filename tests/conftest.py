"""Shared fixtures: the article texts and the reference table, where this checkout has them."""

from __future__ import annotations

import os
import pathlib
from typing import Any

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

#: Why a test of the project's shared sources is skipped: one reason, reported on one line.
ABSENT = "needs the project's shared sources (articles, leads, region table) beside the checkout"


def _shared(relative: str) -> pathlib.Path:
    """A path in ../shared, or a skip where this checkout has none beside it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(ABSENT)
    return path


@pytest.fixture(scope="session")
def articles_dir() -> pathlib.Path:
    return _shared("sources/articles")


@pytest.fixture(scope="session")
def regions_csv() -> pathlib.Path:
    """The Kemendagri table of every province, kabupaten and kota (see its README)."""
    return _shared("reference/indonesia-regions.csv")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    # pytest reports a skip at each test's line: those of the shared sources are one reason,
    # so they are reported at one place, and the summary gives them one line with their count.
    outcome = yield
    report = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple) and ABSENT in report.longrepr[2]:
        report.longrepr = (__file__, 1, report.longrepr[2])


@pytest.fixture
def data_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the bundled data files, for a test to change."""
    return copy_bundled(tmp_path)
