"""Checks across records, and the conflicts between reports about the same thing, all kept."""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Any

import attrs
import pytest

import bkn_awards
from bkn_awards.consistency import Claim, Conflict, examine, with_contested
from bkn_awards.dataset import Dataset
from datafiles import (
    assert_refused_after,
    held,
    load_problems,
    read_records,
    write_records,
)

SIDOARJO_ID = "2020-kab-sidoarjo-kompetensi"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"
MOJOKERTO_KOMPETENSI = "2022-kota-mojokerto-kompetensi"
KEDIRI = "2020-kota-kediri-kinerja"


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
            # An institution whose awards name no group (a group must hold its kind).
            "institutions.json",
            "kab-mojokerto",
            {"kind": "city"},
            "institutions.json: record 'kab-mojokerto': region_code: "
            "35.16 is no city in the region table",
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
            {"date": "2019-04-01"},
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
        "awards.json: record 'twin': id: is the award '2020-kab-sidoarjo-kompetensi' "
        "again (same edition, institution, category and group): one award is one record, its "
        "other reading a placing of it",
    )


def test_an_award_given_again_with_another_rank_is_refused_naming_both(
    data_dir: pathlib.Path,
) -> None:
    # One award is one record: a second report of it with another rank is a placing of it, not
    # a record of its own (which, before 0.3, gave a conflict between two awards).
    _add_other_report(data_dir)
    assert load_problems(data_dir) == (
        f"awards.json: record '{MOJOKERTO_KOMPETENSI}-as-other-report': id: is the award "
        f"'{MOJOKERTO_KOMPETENSI}' again (same edition, institution, category and group): one "
        "award is one record, its other reading a placing of it",
    )


def test_an_award_given_again_in_a_category_of_a_disputed_one_is_refused(
    data_dir: pathlib.Path,
) -> None:
    # An award whose reports disagree on its category holds each category they give.
    awards = read_records(data_dir, "awards.json")
    (kediri,) = [a for a in awards if a["id"] == KEDIRI]
    assert kediri["category"] is None
    second = kediri["placings"][1]
    alone = {
        **kediri,
        "id": "kediri-supervision",
        "category": second["category"],
        "placings": [{**second, "category": None}],
    }
    write_records(data_dir, "awards.json", [*awards, alone])
    (problem,) = load_problems(data_dir)
    assert problem.startswith(
        f"awards.json: record 'kediri-supervision': id: is the award {KEDIRI!r} again"
    )


def test_the_same_award_in_another_group_is_another_award(data_dir: pathlib.Path) -> None:
    awards = read_records(data_dir, "awards.json")
    (sidoarjo,) = [a for a in awards if a["id"] == SIDOARJO_ID]
    assert sidoarjo["group"] == "regencies"
    other = {**sidoarjo, "id": "other-group", "group": "regencies-type-a"}
    write_records(data_dir, "awards.json", [*awards, other])
    data = bkn_awards.load(data_dir)
    assert data.award("other-group").group is bkn_awards.Group.REGENCIES_TYPE_A
    assert _new_conflicts(data) == []


def test_a_year_without_an_edition_is_refused(data_dir: pathlib.Path) -> None:
    editions = read_records(data_dir, "editions.json")
    write_records(data_dir, "editions.json", [e for e in editions if e["year"] != 2020])
    problems = load_problems(data_dir)
    assert (
        "categories.json: record '2020-kompetensi': year: no edition has the year 2020" in problems
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


#: A reading of Kota Mojokerto's 2022 penilaian kompetensi award with another rank.
OTHER_READING = {
    "rank": 5,
    "rank_label": "peringkat V",
    "category": None,
    "citations": [
        {"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [10], "part": None}
    ],
}


def _add_conflicting_report(data_dir: pathlib.Path) -> None:
    """A second report of Kota Mojokerto's 2022 penilaian kompetensi award, with another rank."""
    awards = read_records(data_dir, "awards.json")
    (original,) = [a for a in awards if a["id"] == MOJOKERTO_KOMPETENSI]
    original["placings"].append(OTHER_READING)
    write_records(data_dir, "awards.json", awards)


def _add_other_report(data_dir: pathlib.Path) -> None:
    """The same second report made a record of its own, as the data had it before 0.3."""
    awards = read_records(data_dir, "awards.json")
    (original,) = [a for a in awards if a["id"] == MOJOKERTO_KOMPETENSI]
    other = {
        **original,
        "id": f"{MOJOKERTO_KOMPETENSI}-as-other-report",
        "placings": [OTHER_READING],
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
        # A claim is reported where it cites (one placing of an award, or a record).
        seed = {claim.value for claim in conflict.claims if held(claim)}
        assert len(seed - {None}) <= 1, conflict
        assert len({claim.value for claim in conflict.claims} - {None}) > 1, conflict


def _readings(field: str) -> list[list[tuple[Any, str]]]:
    """Found apart from the library: each award whose placings give `field` two ways."""

    def value(placing: bkn_awards.Placing) -> Any:
        given = getattr(placing, field)
        return getattr(given, "name", given)

    return [
        [(value(p), a.id) for p in a.placings]
        for a in bkn_awards.awards(sort="data")  # the order conflicts are found in
        if len({value(p) for p in a.placings} - {None}) > 1
    ]


def _of_one_award(conflict: bkn_awards.Conflict) -> bool:
    return len({claim.record.id for claim in conflict.claims}) == 1


@pytest.mark.parametrize("field", ["rank", "category"])
def test_every_award_reported_two_ways_is_a_conflict(field: str) -> None:
    disputed = _readings(field)
    assert disputed, f"the bundled web reports give one award two values of {field}"
    found = [
        [(claim.value, claim.record.id) for claim in c.claims]
        for c in bkn_awards.conflicts()
        if c.field == field and _of_one_award(c)
    ]
    assert found == disputed
    # An award is disputed exactly where its placings conflict, or its place is claimed twice.
    in_conflict = {c.claims[0].record.id for c in bkn_awards.conflicts() if _of_one_award(c)}
    claimed = {
        claim.record.id
        for c in bkn_awards.conflicts()
        if c.field == "institution"
        for claim in c.claims
    }
    assert {a.id for a in bkn_awards.awards() if a.disputed} == in_conflict | claimed
    assert {a.id for a in bkn_awards.awards() if a.contested} == claimed


def test_a_claim_cites_the_placing_or_the_record_that_gives_it() -> None:
    for conflict in bkn_awards.conflicts():
        if _of_one_award(conflict):  # the placings of one award: each claim cites its own
            award = conflict.claims[0].record
            assert isinstance(award, bkn_awards.Award)
            assert [c.citations for c in conflict.claims] == [p.citations for p in award.placings]
            assert len({c.citations for c in conflict.claims}) == len(conflict.claims)
        else:
            for claim in conflict.claims:
                assert claim.citations == claim.record.citations


def test_the_bundled_conflicts_are_all_found_again_from_a_copy(data_dir: pathlib.Path) -> None:
    assert bkn_awards.load(data_dir).conflicts() == bkn_awards.conflicts()
    assert _new_conflicts(bkn_awards.load(data_dir)) == []


def test_a_conflict_keeps_both_claims_with_their_citations(data_dir: pathlib.Path) -> None:
    assert not bkn_awards.award(MOJOKERTO_KOMPETENSI).disputed
    _add_conflicting_report(data_dir)
    data = bkn_awards.load(data_dir)
    (conflict, place) = _new_conflicts(data)
    # The new reading claims a place another city holds: that is a conflict too.
    assert (place.field, place.subject) == (
        "institution",
        "place 5 of 2022 in 'Penilaian Kompetensi' (cities-small)",
    )
    assert MOJOKERTO_KOMPETENSI in [claim.record.id for claim in place.claims]
    assert conflict.field == "rank"
    assert conflict.subject == (
        "the 2022 award of Pemerintah Kota Mojokerto in 'Penilaian Kompetensi' (cities-small)"
    )
    assert [(c.value, c.record.id) for c in conflict.claims] == [
        (4, MOJOKERTO_KOMPETENSI),
        (5, MOJOKERTO_KOMPETENSI),
    ]
    # Each claim cites the reports of its own placing, not every report of the award.
    assert [[cited.source.id for cited in c.citations] for c in conflict.claims] == [
        ["unattributed-2022-pemkot-mojokerto"],
        ["surabayapagi-2022-pemkab-mojokerto"],
    ]
    # Queries find the award by either rank: nothing is silently dropped.
    award = data.award(MOJOKERTO_KOMPETENSI)
    assert (award.rank, award.ranks, award.disputed) == (None, (4, 5), True)
    for rank in (4, 5):
        found = data.awards(
            year=2022, institution="Pemkot Mojokerto", category="penilaian kompetensi", rank=rank
        )
        assert list(found) == [award]
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
    # Beside the reports of two awards, one that gives no rank and no category: of an award
    # the reports agree on, and of one whose reports disagree on its category.
    awards = {MOJOKERTO_KOMPETENSI, KEDIRI}
    unranked = {
        a.id: attrs.evolve(
            a,
            placings=(
                *a.placings,
                attrs.evolve(a.placings[0], rank=None, rank_label="terbaik", category=None),
            ),
        )
        for a in files["awards"]
        if a.id in awards
    }
    assert len(unranked) == len(awards)
    files["awards"] = [unranked.get(a.id, a) for a in files["awards"]]
    problems, conflicts = examine(files, regions=False)
    assert problems == []
    # No conflict is new; the category conflict of the Kediri award keeps the silent report.
    assert [(c.subject, c.field) for c in conflicts] == [
        (c.subject, c.field) for c in bkn_awards.conflicts()
    ]
    (kediri,) = [c for c in conflicts if c.claims[0].record.id == KEDIRI]
    assert kediri.field == "category"
    assert [claim.value for claim in kediri.claims][-1] is None
    assert not unranked[MOJOKERTO_KOMPETENSI].disputed
    assert unranked[MOJOKERTO_KOMPETENSI].rank == 4


def test_a_claim_cites_what_it_is_given_and_shows_its_record_by_id() -> None:
    award = bkn_awards.award(MOJOKERTO_KOMPETENSI)
    (placing,) = award.placings
    claim = Claim(value=placing.rank, record=award, citations=placing.citations)
    assert claim.citations is placing.citations
    # A claim shows its record by the id, which says where to find it; not its citations.
    assert repr(claim) == f"Claim(value={placing.rank}, record={award.id!r})"
    conflict = Conflict(subject="s", field="rank", claims=(claim,))
    assert repr(claim) in repr(conflict)


def test_an_earlier_id_given_to_an_award_again_is_refused(data_dir: pathlib.Path) -> None:
    aliases = read_records(data_dir, "aliases.json")
    today = read_records(data_dir, "awards.json")[0]["id"]
    aliases.append({**aliases[0], "id": today})
    write_records(data_dir, "aliases.json", aliases)
    assert load_problems(data_dir) == (
        f"aliases.json: record {today!r}: id: names an award of today: an id once released is "
        "never given to another record",
    )


def test_a_government_of_a_region_has_the_id_the_region_table_gives_it(
    data_dir: pathlib.Path,
) -> None:
    institutions = read_records(data_dir, "institutions.json")
    ntb = {"name": "Pemerintah Provinsi Nusa Tenggara Barat", "kind": "province"}
    ntb |= {"id": "pemprov-nusa-tenggara-barat", "region_code": "52", "iso_3166_2": "ID-NB"}
    write_records(data_dir, "institutions.json", [*institutions, {**ntb, "aliases": []}])
    assert load_problems(data_dir) == (
        "institutions.json: record 'pemprov-nusa-tenggara-barat': id: the id of the government "
        "of 52 is 'pemprov-ntb'",
    )


def test_each_reading_of_a_disputed_award_is_held_to_the_other_awards_places() -> None:
    # Kalimantan Tengah 2021 is third in planning by one report (the other has it in SAPK and
    # CAT), and Gorontalo is third in planning by another: two provinces, one place.
    places = {
        c.subject: [claim.record.id for claim in c.claims]
        for c in bkn_awards.conflicts()
        if c.field == "institution"
    }
    kalteng = bkn_awards.award("2021-pemprov-kalteng-perencanaan")
    assert kalteng.disputed
    assert kalteng.category is None
    (planning,) = [c for c in kalteng.categories if c.theme is bkn_awards.Theme.PLANNING]
    assert places[f"place 3 of 2021 in {planning.name!r}"] == [
        "2021-pemprov-gorontalo-perencanaan",
        kalteng.id,
    ]
    # A reading that gives no rank claims no place.
    assert not [s for s in places if s.startswith("place None")]


def test_two_awards_given_one_place_are_each_marked_and_linked_as_marked() -> None:
    data = bkn_awards.load()
    (place,) = [
        c
        for c in data.conflicts()
        if c.field == "institution" and c.subject.startswith("place 1 of 2020")
    ]
    malang, ternate = (data.award(claim.record.id) for claim in place.claims)
    assert [claim.record for claim in place.claims] == [malang, ternate]
    assert (malang.institution.id, ternate.institution.id) == ("kota-malang", "kota-ternate")
    assert (malang.contested, ternate.contested, malang.disputed) == (True, True, True)
    # The claims, the awards listed and the aliases all hold the marked records.
    assert place.claims[0].record is malang
    assert all(a.award is data.award(a.award.id) for a in data.aliases())
    # An award whose place no other claims is not marked.
    assert not data.award("2020-kab-sidoarjo-kompetensi").contested


def test_what_no_place_is_claimed_twice_in_is_left_as_it_was() -> None:
    files = bkn_awards.load().records_by_file()
    mine = {name: tuple(records) for name, records in files.items()}
    again, conflicts = with_contested(mine, ())
    assert again == mine
    assert conflicts == ()
