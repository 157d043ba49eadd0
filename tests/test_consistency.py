"""Checks across records, and the conflicts between reports about the same thing, all kept."""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Any

import attrs
import pytest

import bkn_awards
from bkn_awards.consistency import Claim, Conflict, examine
from bkn_awards.dataset import Dataset
from datafiles import (
    assert_refused_after,
    held,
    load_problems,
    read_records,
    write_records,
)

SIDOARJO_ID = "2020-kab-sidoarjo-penilaian-kompetensi"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"
MOJOKERTO_KOMPETENSI = "2022-kota-mojokerto-penilaian-kompetensi"


# --- Checks across records ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"region_code": "35.99"},
            "institutions.json: record 'kab-tulungagung': region_code: "
            "35.99 is no regency in the region table",
            id="code not in the region table",
        ),
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"kind": "city"},
            "institutions.json: record 'kab-tulungagung': region_code: "
            "35.04 is no city in the region table",
            id="code of another kind",
        ),
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"name": "Pemkab Tulungagung"},
            "institutions.json: record 'kab-tulungagung': name: "
            "the region table names 35.04 'Pemerintah Kabupaten Tulungagung'",
            id="name not the official one",
        ),
    ],
)
def test_the_region_table_is_kept(
    data_dir: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    # Rules the shipped schema cannot state (test_formats leaves them to the loader).
    assert_refused_after(data_dir, filename, record_id, changes, expected)


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"year": 2022},
            f"{SIDOARJO}: year: 2022 is not the year of its category (2020)",
            id="award year not its category's",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"event": "2023-ceremony-surabaya", "recipient": "ikfina-fahmawati-bupati-mojokerto"},
            f"{SIDOARJO}: recipient: 'ikfina-fahmawati-bupati-mojokerto' is not among the "
            "recipients of '2023-ceremony-surabaya'",
            id="recipient not at the event",
        ),
        pytest.param(
            "events.json",
            "2020-handover-surabaya",
            {"date": "2019-04-01", "date_note": "a test"},
            "events.json: record '2020-handover-surabaya': date: 2019-04-01 is before the 2020 "
            "edition",
            id="event before its edition",
        ),
    ],
)
def test_a_bad_record_is_refused_naming_file_record_and_field(
    data_dir: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    assert_refused_after(data_dir, filename, record_id, changes, expected)


def test_a_record_repeating_another_is_refused(data_dir: pathlib.Path) -> None:
    awards = read_records(data_dir, "awards.json")
    (sidoarjo,) = [a for a in awards if a["id"] == SIDOARJO_ID]
    twin = {**sidoarjo, "id": "twin"}
    write_records(data_dir, "awards.json", [*awards, twin])
    assert load_problems(data_dir) == (
        "awards.json: record 'twin': id: repeats '2020-kab-sidoarjo-penilaian-kompetensi'; "
        "one record should cite every source that reports it",
    )


def test_a_year_without_an_edition_is_refused(data_dir: pathlib.Path) -> None:
    editions = read_records(data_dir, "editions.json")
    write_records(data_dir, "editions.json", [e for e in editions if e["year"] != 2020])
    problems = load_problems(data_dir)
    assert (
        "categories.json: record '2020-penilaian-kompetensi': year: no edition has the year 2020"
        in problems
    )
    # Every record of the year is refused, each once: the seed articles' 4 categories, 8
    # awards, 2 events and 2 tallies among them.
    of_2020 = {
        name: [r["id"] for r in read_records(data_dir, f"{name}.json") if r["year"] == 2020]
        for name in ("categories", "awards", "events", "tallies")
    }
    seed = bkn_awards.load().records_by_file()
    for name, count in {"categories": 4, "awards": 8, "events": 2, "tallies": 2}.items():
        assert sum(r.year == 2020 and held(r) for r in seed[name]) == count, name
    assert sum("no edition has the year 2020" in p for p in problems) == sum(
        map(len, of_2020.values())
    )
    for name, ids in of_2020.items():
        for i in ids:
            assert f"{name}.json: record {i!r}: year: no edition has the year 2020" in problems


def test_the_bundled_records_keep_every_check_and_give_the_bundled_conflicts() -> None:
    problems, conflicts = examine(bkn_awards.load().records_by_file())
    assert problems == []
    assert conflicts == bkn_awards.conflicts()


def test_the_region_table_is_consulted_only_when_asked() -> None:
    files: dict[str, Any] = dict(bkn_awards.load().records_by_file())
    files["institutions"] = [
        attrs.evolve(i, name=f"Pemkab {i.name}") if i.id == "kab-sidoarjo" else i
        for i in files["institutions"]
    ]
    problems, _ = examine(files)
    assert problems == [
        "institutions.json: record 'kab-sidoarjo': name: "
        "the region table names 35.15 'Pemerintah Kabupaten Sidoarjo'"
    ]
    assert examine(files, regions=False)[0] == []


# --- Conflicts between reports ------------------------------------------------------------------


def _add_conflicting_report(data_dir: pathlib.Path) -> None:
    """A second report of Kota Mojokerto's 2022 penilaian kompetensi award, with another rank."""
    awards = read_records(data_dir, "awards.json")
    (original,) = [a for a in awards if a["id"] == MOJOKERTO_KOMPETENSI]
    other = {
        **original,
        "id": f"{MOJOKERTO_KOMPETENSI}-as-other-report",
        "rank": 5,
        "rank_label": "peringkat V",
        "citations": [
            {"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [10], "part": None}
        ],
    }
    write_records(data_dir, "awards.json", [*awards, other])


def _new_conflicts(data: Dataset) -> list[bkn_awards.Conflict]:
    """The conflicts of `data` that the bundled data does not have."""
    return [c for c in data.conflicts() if c not in bkn_awards.conflicts()]


def test_the_seed_articles_do_not_conflict() -> None:
    # The five article files the project holds agree with each other: where reports disagree,
    # at most one side is reported by them.
    assert bkn_awards.conflicts(), "the web reports disagree in places, and are kept"
    for conflict in bkn_awards.conflicts():
        seed = {claim.value for claim in conflict.claims if held(claim.record)}
        assert len(seed - {None}) <= 1, conflict
        assert len({claim.value for claim in conflict.claims} - {None}) > 1, conflict


def test_every_award_reported_with_two_ranks_is_a_conflict() -> None:
    # Found apart from the library: the awards of one year, institution and category.
    reports: dict[tuple[int, str, str], list[bkn_awards.Award]] = {}
    for award in bkn_awards.awards():
        if award.category is not None:
            key = (award.year, award.institution.id, award.category.id)
            reports.setdefault(key, []).append(award)
    disputed = [
        [(a.rank, a.id) for a in group]
        for group in reports.values()
        if len({a.rank for a in group} - {None}) > 1
    ]
    assert disputed, "the bundled web reports give one award two ranks"
    found = [
        [(claim.value, claim.record.id) for claim in c.claims]
        for c in bkn_awards.conflicts()
        if c.field == "rank"
    ]
    assert found == disputed
    for conflict in bkn_awards.conflicts():
        for claim in conflict.claims:
            assert claim.citations == claim.record.citations


def test_the_bundled_conflicts_are_all_found_again_from_a_copy(data_dir: pathlib.Path) -> None:
    assert bkn_awards.load(data_dir).conflicts() == bkn_awards.conflicts()
    assert _new_conflicts(bkn_awards.load(data_dir)) == []


def test_a_conflict_keeps_both_claims_with_their_citations(data_dir: pathlib.Path) -> None:
    _add_conflicting_report(data_dir)
    data = bkn_awards.load(data_dir)
    (conflict,) = _new_conflicts(data)
    assert conflict.field == "rank"
    assert conflict.subject == (
        "the 2022 award of Pemerintah Kota Mojokerto in 'penilaian kompetensi'"
    )
    assert [(c.value, c.record.id) for c in conflict.claims] == [
        (4, MOJOKERTO_KOMPETENSI),
        (5, f"{MOJOKERTO_KOMPETENSI}-as-other-report"),
    ]
    assert [c.citations[0].source.id for c in conflict.claims] == [
        "unattributed-2022-pemkot-mojokerto",
        "surabayapagi-2022-pemkab-mojokerto",
    ]
    # Queries return both claims: nothing is silently dropped.
    found = data.awards(year=2022, institution="Pemkot Mojokerto", category="penilaian kompetensi")
    assert [a.rank for a in found] == [4, 5]
    # The conflicts the bundled data has are all still there.
    assert set(bkn_awards.conflicts()) <= set(data.conflicts())


def test_conflicting_dates_and_counts_are_found(data_dir: pathlib.Path) -> None:
    events = read_records(data_dir, "events.json")
    (ceremony,) = [e for e in events if e["id"] == "2023-ceremony-surabaya"]
    other_date = {
        **ceremony,
        "id": "2023-ceremony-other-report",
        "date": "2023-06-07",
        "citations": [
            {"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [6], "part": None}
        ],
    }
    write_records(data_dir, "events.json", [*events, other_date])
    tallies = read_records(data_dir, "tallies.json")
    (counted,) = [t for t in tallies if t["id"] == "2023-jawa-timur-regencies-and-cities"]
    other_count = {**counted, "id": "2023-jawa-timur-other-report", "count": 33}
    write_records(data_dir, "tallies.json", [*tallies, other_count])
    conflicts = _new_conflicts(bkn_awards.load(data_dir))
    assert [(c.field, [claim.value for claim in c.claims]) for c in conflicts] == [
        ("date", [dt.date(2023, 6, 8), dt.date(2023, 6, 7)]),
        ("count", [34, 33]),
    ]


def test_a_report_that_gives_no_value_disagrees_with_none() -> None:
    files: dict[str, Any] = dict(bkn_awards.load().records_by_file())
    award = bkn_awards.award(MOJOKERTO_KOMPETENSI)
    unranked = attrs.evolve(award, id="unranked-report", rank=None, group=None)
    files["awards"] = [*files["awards"], unranked]
    problems, conflicts = examine(files, regions=False)
    assert problems == []
    assert conflicts == bkn_awards.conflicts()


def test_a_claim_cites_what_its_record_cites_and_shows_it_by_id() -> None:
    award = bkn_awards.award(MOJOKERTO_KOMPETENSI)
    claim = Claim(value=award.rank, record=award)
    assert claim.citations is award.citations
    # A claim shows its record by the id, which says where to find it.
    assert repr(claim) == f"Claim(value={award.rank}, record={award.id!r})"
    conflict = Conflict(subject="s", field="rank", claims=(claim,))
    assert repr(claim) in repr(conflict)
