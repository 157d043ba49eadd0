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
import warnings
from typing import Any

import pytest

import bkn_awards

REPO = pathlib.Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "data-changes.md"
RELEASES = REPO / "tests" / "releases"


def _old(release: str) -> list[dict[str, Any]]:
    """The awards of `release`, as `RELEASES` keeps them."""
    kept: list[dict[str, Any]] = json.loads(
        (RELEASES / f"awards-{release}.json").read_text(encoding="utf-8")
    )
    return kept


def _successors(release: str) -> dict[str, bkn_awards.Award]:
    """Each award id of `release`, and the award it names today (itself, or through an alias)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bkn_awards.FormerIdWarning)
        return {old["id"]: bkn_awards.award(old["id"]) for old in _old(release)}


@pytest.mark.parametrize("release", ["0.2.0"])
def test_every_award_id_of_a_release_finds_its_award_or_its_successor(release: str) -> None:
    successors = _successors(release)  # award() raises for an id that finds nothing
    for old in _old(release):
        award = successors[old["id"]]
        assert (award.year, award.institution.id) == (
            old["year"],
            bkn_awards.institution(old["institution"]).id,  # a government by its 0.2 id too
        ), old["id"]
    aliased = {alias.id for alias in bkn_awards.aliases()}
    assert aliased == {old for old, award in successors.items() if award.id != old}


def test_every_award_id_is_short() -> None:
    ids = [award.id for award in bkn_awards.awards()]
    assert max(map(len, ids)) <= 40  # the bar for the bundled data; the rule allows 48
    for award in bkn_awards.awards():  # the scheme: edition, institution, category's key
        category = award.categories[0] if award.categories else None
        key = category.id.removeprefix(f"{award.year}-") if category else None
        assert award.id == "-".join(filter(None, [str(award.year), award.institution.id, key]))


@pytest.mark.parametrize("release", ["0.2.0"])
def test_the_data_changelog_names_every_award_changed_since_a_release(release: str) -> None:
    successors = _successors(release)
    old_of = {old["id"]: old for old in _old(release)}
    merged = [old for old, award in successors.items() if old in _MERGED_IN[release]]
    changed = {
        successors[old].id
        for old, record in old_of.items()
        if old not in merged
        and (
            record["rank"] != successors[old].rank
            or (record["category"] is None) != (successors[old].category is None)
        )
    }
    added = {a.id for a in bkn_awards.awards()} - {award.id for award in successors.values()}
    page = PAGE.read_text(encoding="utf-8")
    section = page[page.index(f"## Since {release}") :]
    named = [*merged, *changed, *added]
    assert not [i for i in named if f"`{i}`" not in section], "the page misses an award"
    summary = f"awards: {len(added)} added, {len(merged)} merged, {len(changed)} changed"
    assert f"`{summary}`" in section


# The awards of a release that are now readings of another (one award reported two ways).
_MERGED_IN = {"0.2.0": {alias.id for alias in bkn_awards.aliases() if alias.merged}}


def test_the_kept_release_is_whole() -> None:
    old = json.loads((RELEASES / "awards-0.2.0.json").read_text(encoding="utf-8"))
    assert len(old) == 135  # as the 0.2.0 changelog counts them
    assert len({a["id"] for a in old}) == len(old)
    assert all(list(a) == ["id", "year", "institution", "category", "rank"] for a in old)


def test_the_page_is_in_the_table_of_contents() -> None:
    assert "\ndata-changes\n" in (REPO / "docs" / "index.md").read_text(encoding="utf-8")
