"""How complete the data is: each reported count beside the awards the data itemises for it."""

from __future__ import annotations

import attrs
import pytest

import bkn_awards
from bkn_awards import InstitutionKind
from bkn_awards.completeness import Coverage, EditionTotals, coverage_of, edition_totals_of, measure
from datafiles import held

# Counted by hand from the five article files and the awards they report (see docs/data.md):
# reported, itemised, missing, recipients reported, recipients itemised.
SEED_COVERAGE = {
    "2020-jawa-timur": (None, 8, None, None, 7),
    "2020-pemprov-jatim": (2, 2, 0, None, 1),
    "2022-jawa-timur": (32, 4, 28, None, 2),
    "2022-pemprov-jatim": (3, 0, 3, None, 0),
    "2022-jawa-timur-regencies-and-cities": (29, 4, 25, 17, 2),
    "2022-pemkot-mojokerto": (3, 3, 0, None, 1),
    "2023-jawa-timur": (None, 5, None, None, 1),
    "2023-jawa-timur-regencies-and-cities": (34, 0, 34, 16, 0),
    "2023-pemprov-jatim": (5, 5, 0, None, 1),
}


def _row(c: bkn_awards.Coverage) -> tuple[int | None, ...]:
    return (c.reported, c.itemised, c.missing, c.recipients_reported, c.recipients_itemised)


def test_coverage_of_the_seed_articles_against_hand_counted_values() -> None:
    seed_awards = [a for a in bkn_awards.awards() if held(a)]
    found = {t.id: _row(measure(t, seed_awards)) for t in bkn_awards.tallies() if held(t)}
    assert found == SEED_COVERAGE


def _counted(tally: bkn_awards.Tally, award: bkn_awards.Award) -> bool:
    """Whether `tally` counts `award`, worked out apart from `Tally.counts`."""
    if award.year != tally.year:
        return False
    if tally.institution is not None:
        return award.institution.id == tally.institution.id
    code = award.institution.region_code
    inside = tally.region_code is None or (
        code is not None and (code == tally.region_code or code.startswith(tally.region_code + "."))
    )
    return inside and award.institution.kind in tally.kinds


def test_coverage_of_every_tally_against_a_count_of_the_awards() -> None:
    coverage = bkn_awards.coverage()
    assert [c.tally for c in coverage] == list(bkn_awards.tallies())
    for c in coverage:
        counted = [a for a in bkn_awards.awards() if _counted(c.tally, a)]
        reported = c.tally.count
        missing = None if reported is None else reported - len(counted)
        recipients = len({a.institution.id for a in counted})
        assert _row(c) == (reported, len(counted), missing, c.tally.recipients, recipients), c
    # The seed's reported figures are kept as the articles give them.
    for c in coverage:
        if c.tally.id in SEED_COVERAGE:
            by_hand = SEED_COVERAGE[c.tally.id]
            assert (c.reported, c.recipients_reported) == (by_hand[0], by_hand[3])
    # A national count takes in every kind it lists, wherever the institution is.
    national = [c for c in coverage if c.tally.institution is None and c.tally.region_code is None]
    assert national
    assert any(c.itemised for c in national)


def test_coverage_of_a_dataset_s_files_measures_each_tally_in_order() -> None:
    files = bkn_awards.load().records_by_file()
    assert coverage_of(files) == tuple(measure(t, files["awards"]) for t in files["tallies"])
    assert coverage_of({"tallies": (), "awards": files["awards"]}) == ()


def test_a_tally_with_no_awards_itemised_misses_all_it_reports() -> None:
    tally = next(t for t in bkn_awards.tallies() if t.count)
    none = measure(tally, [])
    assert (none.itemised, none.recipients_itemised) == (0, 0)
    assert none.missing == none.reported == tally.count


def test_where_the_data_itemises_more_than_reported_the_missing_count_is_below_zero() -> None:
    awards = bkn_awards.awards()
    tally = next(t for t in bkn_awards.tallies() if measure(t, awards).itemised)
    found = measure(attrs.evolve(tally, count=0), awards)
    assert found.missing == -found.itemised < 0


def test_a_tally_reporting_no_figure_has_none_missing() -> None:
    tally = next(t for t in bkn_awards.tallies() if t.count is None)
    found = measure(tally, bkn_awards.awards())
    assert (found.reported, found.missing) == (None, None)


def test_coverage_is_a_frozen_value_that_shows_its_tally_by_id() -> None:
    found = bkn_awards.coverage()[0]
    assert isinstance(found, Coverage)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.itemised = 0  # type: ignore[misc]
    assert repr(found).startswith(f"Coverage(year={found.year}, tally={found.tally.id!r}, ")
    assert found.year == found.tally.year


def test_each_edition_s_awards_beside_the_national_totals_reported() -> None:
    files = bkn_awards.load().records_by_file()
    totals = edition_totals_of(files)
    assert [t.year for t in totals] == [e.year for e in bkn_awards.editions()]
    regional = {InstitutionKind.PROVINCE, InstitutionKind.REGENCY, InstitutionKind.CITY}
    for t in totals:
        assert isinstance(t, EditionTotals)
        awards = bkn_awards.awards(year=t.year)
        assert t.itemised == len(awards), t
        assert t.institutions == len({a.institution.id for a in awards}), t
        # A national total: a tally of the whole country, of every regional government at least.
        national = [
            tally
            for tally in bkn_awards.tallies(year=t.year)
            if tally.institution is None
            and tally.region_code is None
            and regional <= set(tally.kinds)
        ]
        counts = [n.count for n in national if n.count is not None]
        recipients = [n.recipients for n in national if n.recipients is not None]
        assert t.reported == (max(counts) if counts else None), t
        assert t.recipients_reported == (max(recipients) if recipients else None), t
    # One award counted once: the merged readings are not counted twice.
    assert sum(t.itemised for t in totals) == len(bkn_awards.awards())
    assert any(t.reported is not None for t in totals)
    assert any(t.recipients_reported is not None for t in totals)
