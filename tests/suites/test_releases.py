"""The data changelog (docs/data-changes.md) names each award a release changed: it stays current.

The 0.2.0 awards are kept in `tests/releases/awards-0.2.0.json`: each award's id, year,
institution, category and rank as the 0.2.0 data files held them (the commit 68921f3), made with

    git show 68921f3:src/bkn_awards/data/awards.json | python -c "import json, sys; \\
    print(json.dumps([{k: a[k] for k in ('id', 'year', 'institution', 'category', 'rank')} \\
    for a in json.load(sys.stdin)]))"

The full 0.2.0 data does not load today (its awards have a rank and citations where today's have
placings, and free-text groups), so it is compared on the fields both forms share.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

import bkn_awards
from bkn_awards.changes import DataDiff, compare

REPO = pathlib.Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "data-changes.md"
RELEASES = REPO / "tests" / "releases"


def _kept(award: bkn_awards.Award) -> dict[str, Any]:
    """An award's fields kept for an old release, as the data files write them."""
    return {
        "id": award.id,
        "year": award.year,
        "institution": award.institution.id,
        "category": award.category.id if award.category else None,
        "rank": award.rank,
    }


def _since(release: str) -> DataDiff:
    """The awards the bundled data adds, removes and changes since `release`."""
    old = json.loads((RELEASES / f"awards-{release}.json").read_text(encoding="utf-8"))
    return compare({"awards": old}, {"awards": [_kept(a) for a in bkn_awards.awards()]})


@pytest.mark.parametrize("release", ["0.2.0"])
def test_the_data_changelog_names_every_award_changed_since_a_release(release: str) -> None:
    found = _since(release)
    page = PAGE.read_text(encoding="utf-8")
    section = page[page.index(f"## Since {release}") :]
    unnamed = [f"{c.change}: {c.id}" for c in found.changes if f"`{c.id}`" not in section]
    assert not unnamed, f"docs/data-changes.md does not name {unnamed}"
    assert f"`{found.summary()}`" in section  # the counts, as the comparison gives them


def test_the_kept_release_is_whole() -> None:
    old = json.loads((RELEASES / "awards-0.2.0.json").read_text(encoding="utf-8"))
    assert len(old) == 135  # as the 0.2.0 changelog counts them
    assert len({a["id"] for a in old}) == len(old)
    assert all(list(a) == ["id", "year", "institution", "category", "rank"] for a in old)


def test_the_page_is_in_the_table_of_contents() -> None:
    assert "\ndata-changes\n" in (REPO / "docs" / "index.md").read_text(encoding="utf-8")
