"""Bad data is refused loudly and precisely; nothing is half-loaded."""

from __future__ import annotations

import pathlib
from typing import Any

import attrs
import pytest

import bkn_awards
from bkn_awards import DataError
from datafiles import bundled_count, held, read_records, write_records

_DROP = object()


def _change(data_dir: pathlib.Path, filename: str, record_id: str, /, **changes: Any) -> None:
    """Change the fields of the record of `filename` with the id `record_id`."""
    records = read_records(data_dir, filename)
    (record,) = [r for r in records if r["id"] == record_id]
    for key, value in changes.items():
        if value is _DROP:
            del record[key]
        else:
            record[key] = value
    write_records(data_dir, filename, records)


def _problems(data_dir: pathlib.Path) -> tuple[str, ...]:
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, bkn_awards.BknAwardsError)
    # The failed load leaves the bundled dataset as it was.
    assert len(bkn_awards.awards()) == bundled_count("awards.json")
    assert bkn_awards.load().awards() == bkn_awards.awards()
    return caught.value.problems


SIDOARJO_ID = "2020-kab-sidoarjo-penilaian-kompetensi"
MALANG_ID = "2020-kota-malang-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-pensiun"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"
MALANG = f"awards.json: record {MALANG_ID!r}"
JATIM_ID = "2020-pemprov-jatim-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-pensiun"
WARTA = "wartatransparansi-2020-pemprov-jatim"


WEB = "kalamanthana-soal-manajemen-pns-kaltim-terbaik"
KALTIM_2016 = "2016-pemprov-kalimantan-timur-pengelola-manajemen-kepegawaian-terbaik"


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "sources.json",
            WEB,
            {"url": None},
            f"sources.json: record {WEB!r}: url: is needed where there is no article file",
            id="web report without an address",
        ),
        pytest.param(
            "sources.json",
            WEB,
            {"filename": "a.txt"},
            f"sources.json: record {WEB!r}: filename: and sha256 are given together, or neither",
            id="file name without its hash",
        ),
        pytest.param(
            "sources.json",
            "surabayapagi-2022-pemkab-mojokerto",
            {"published_on": "2022-08-12"},
            "sources.json: record 'surabayapagi-2022-pemkab-mojokerto': published_on: "
            "must be the day of published",
            id="publication day not the time's",
        ),
        pytest.param(
            "awards.json",
            KALTIM_2016,
            {"citations": [{"source": WEB, "paragraphs": [2], "part": None}]},
            f"awards.json: record {KALTIM_2016!r}: citations[0].paragraphs: "
            "are for article files only",
            id="paragraphs of a web report",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"citations": [{"source": WARTA, "paragraphs": [], "part": "somewhere"}]},
            f"{SIDOARJO}: citations[0].paragraphs: are needed for a file",
            id="article file cited without paragraphs",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"citations": [{"source": WARTA, "paragraphs": [23], "part": ""}]},
            f"{SIDOARJO}: citations[0].part: must not be empty",
            id="empty part",
        ),
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
        pytest.param(
            "institutions.json",
            "pemprov-jatim",
            {"iso_3166_2": None},
            "institutions.json: record 'pemprov-jatim': iso_3166_2: "
            "is given for a province, and only there",
            id="province without its ISO code",
        ),
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"iso_3166_2": "ID-JI"},
            "institutions.json: record 'kab-tulungagung': iso_3166_2: "
            "is given for a province, and only there",
            id="ISO code of a regency",
        ),
        pytest.param(
            "institutions.json",
            "bkn",
            {"region_code": "31"},
            "institutions.json: record 'bkn': region_code: "
            "is given for a regional government, and only there",
            id="national body with a region code",
        ),
        pytest.param(
            "tallies.json",
            "2020-indonesia",
            {"kinds": []},
            "tallies.json: record '2020-indonesia': kinds: "
            "must list what a regional tally counts, and only there",
            id="national tally counting no kind",
        ),
    ],
)
def test_the_rules_tying_fields_and_the_region_table_are_kept(
    data_dir: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    # The rules the shipped schema cannot state (test_decoder leaves them to the loader).
    _change(data_dir, filename, record_id, **changes)
    problems = _problems(data_dir)
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"rank": _DROP},
            f"{SIDOARJO}: rank: required field missing",
            id="missing field",
        ),
        pytest.param(
            "awards.json",
            MALANG_ID,
            {"prize": "trophy"},
            f"{MALANG}: (record): unknown field(s) prize",
            id="unknown field",
        ),
        pytest.param(  # as many keys as fields: the count alone would let "prize" through
            "awards.json",
            MALANG_ID,
            {"rank": _DROP, "prize": 1},
            f"{MALANG}: (record): unknown field(s) prize",
            id="unknown field in place of a missing one",
        ),
        pytest.param(
            "editions.json",
            "2022",
            {"year": "2022"},
            "editions.json: record '2022': year: expected a whole number, got a string",
            id="wrong type",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"rank": True},
            f"{SIDOARJO}: rank: expected a whole number, got true or false",
            id="bool for int",
        ),
        pytest.param(
            "awards.json",
            MALANG_ID,
            {"institution": "kota-atlantis"},
            f"{MALANG}: institution: no institution has the id 'kota-atlantis'",
            id="dangling reference",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"rank": 0},
            f"{SIDOARJO}: rank: must be at least 1, got 0",
            id="rank 0",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"citations": [{"source": WARTA, "paragraphs": [0], "part": None}]},
            f"{SIDOARJO}: citations[0].paragraphs: must be at least 1, got 0",
            id="paragraph 0",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"citations": [{"source": WARTA, "paragraphs": [5, 5], "part": None}]},
            f"{SIDOARJO}: citations[0].paragraphs: lists a paragraph twice: (5, 5)",
            id="paragraph twice",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"citations": []},
            f"{SIDOARJO}: citations: must not be empty",
            id="empty citations",
        ),
        pytest.param(
            "events.json",
            "2020-ceremony",
            {"date": "2999-12-17"},
            "events.json: record '2020-ceremony': date: is in the future: 2999-12-17",
            id="future date",
        ),
        pytest.param(
            "sources.json",
            "surabayapagi-2022-pemkab-mojokerto",
            {"published": "2999-08-11T18:36:00+07:00"},
            "sources.json: record 'surabayapagi-2022-pemkab-mojokerto': published: "
            "is in the future: 2999-08-11T18:36:00+07:00",
            id="future publication",
        ),
        pytest.param(
            "editions.json",
            "2020",
            {"year": 1999},
            "editions.json: record '2020': year: must be from 2000 to ",
            id="year out of range",
        ),
        pytest.param(
            "tallies.json",
            "2020-jawa-timur",
            {"count": -1},
            "tallies.json: record '2020-jawa-timur': count: must not be negative, got -1",
            id="negative count",
        ),
        pytest.param(
            "sources.json",
            "bangsaonline-2022-pemkab-mojokerto",
            {"published": "2022-08-11T18:36:00"},
            "sources.json: record 'bangsaonline-2022-pemkab-mojokerto': published: "
            "must be a time written YYYY-MM-DDTHH:MM:SS with its UTC offset, "
            "got '2022-08-11T18:36:00'",
            id="naive datetime",
        ),
        pytest.param(
            "sources.json",
            "bangsaonline-2022-pemkab-mojokerto",
            {"sha256": "abc"},
            "sources.json: record 'bangsaonline-2022-pemkab-mojokerto': sha256: "
            "must be 64 lower-case hex digits, got 'abc'",
            id="bad hash",
        ),
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"aliases": "Tulungagung"},
            "institutions.json: record 'kab-tulungagung': aliases: expected a list, got a string",
            id="string for list",
        ),
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"kind": "village"},
            "institutions.json: record 'kab-tulungagung': kind: 'village' is not a valid "
            "InstitutionKind",
            id="unknown enum value",
        ),
        pytest.param(
            "events.json",
            "2020-ceremony",
            {"date": "17 Desember 2020"},
            "events.json: record '2020-ceremony': date: "
            "must be a date written YYYY-MM-DD, got '17 Desember 2020'",
            id="malformed date",
        ),
        pytest.param(
            "events.json",
            "2020-handover-surabaya",
            {"date_note": None},
            "events.json: record '2020-handover-surabaya': date_inferred: "
            "needs a date and a date_note saying how it was found",
            id="unexplained inference",
        ),
        pytest.param(
            "tallies.json",
            "2020-pemprov-jatim",
            {"region_code": "35"},
            "tallies.json: record '2020-pemprov-jatim': region_code: "
            "is not given with institution: one is counted",
            id="tally counting two things",
        ),
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
    _change(data_dir, filename, record_id, **changes)
    problems = _problems(data_dir)
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(b'[{"id": "x",', "line 1, column 13: invalid JSON: ", id="invalid JSON"),
        pytest.param(b"\xff\xfe[]", "not UTF-8 (byte 0xff at offset 0)", id="not UTF-8"),
        pytest.param(b'{"id": "x"}', "expected a list of records, got an object", id="not a list"),
        pytest.param(
            b"[3]",
            "record #0: (record): expected an object, got a whole number",
            id="not an object",
        ),
        pytest.param(b"", "line 1, column 1: invalid JSON: Expecting value", id="empty file"),
        pytest.param(
            b"[" * 100_000 + b"]" * 100_000,
            "invalid JSON: lists or objects nested too deeply to read",
            id="nested too deeply",
        ),
        pytest.param(
            b"[" + b"1" * 5_000 + b"]",
            "cannot be read: Exceeds the limit (4300 digits) for integer string conversion",
            id="number too long",
        ),
    ],
)
def test_a_file_that_is_not_a_json_list_of_objects_is_refused(
    data_dir: pathlib.Path, content: bytes, expected: str
) -> None:
    (data_dir / "awards.json").write_bytes(content)
    problems = _problems(data_dir)
    assert any(p.startswith(f"awards.json: {expected}") for p in problems), problems


def test_a_truncated_file_is_refused_with_the_place_it_stops(data_dir: pathlib.Path) -> None:
    path = data_dir / "events.json"
    path.write_bytes(path.read_bytes()[:1000])
    (problem,) = _problems(data_dir)
    assert problem.startswith("events.json: line ")
    assert "invalid JSON" in problem


def test_bytes_that_are_not_utf8_inside_a_string_are_refused(data_dir: pathlib.Path) -> None:
    path = data_dir / "institutions.json"
    path.write_bytes(path.read_bytes().replace(b"Sidoarjo", b"Sido\xe4rjo", 1))
    (problem,) = _problems(data_dir)
    assert problem.startswith("institutions.json: not UTF-8 (byte 0xe4 at offset ")


def test_every_problem_is_listed_once_at_its_root(data_dir: pathlib.Path) -> None:
    _change(data_dir, "institutions.json", "kab-sidoarjo", kind="village")
    _change(data_dir, "awards.json", JATIM_ID, rank=0, year=True)
    _change(data_dir, "tallies.json", "2020-jawa-timur", count="32")
    problems = _problems(data_dir)
    assert problems[0].startswith("institutions.json: record 'kab-sidoarjo': kind: ")
    # The Sidoarjo awards link to the broken institution: they are not reported a second time.
    awards = read_records(data_dir, "awards.json")
    sidoarjo = [a["id"] for a in awards if a["institution"] == "kab-sidoarjo"]
    assert SIDOARJO_ID in sidoarjo
    assert not any(p.startswith(f"awards.json: record {i!r}") for i in sidoarjo for p in problems)
    assert any(p.startswith(f"awards.json: record {JATIM_ID!r}: year: ") for p in problems)
    assert any(p.startswith("tallies.json: record '2020-jawa-timur': count: ") for p in problems)
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    assert str(caught.value).startswith(f"{len(problems)} problems in the award data:\n  ")


def test_a_duplicate_id_is_refused(data_dir: pathlib.Path) -> None:
    sources = read_records(data_dir, "sources.json")
    write_records(data_dir, "sources.json", [*sources, sources[0]])
    assert _problems(data_dir) == (
        "sources.json: record 'surabayapagi-2022-pemkab-mojokerto': id: duplicate id "
        "'surabayapagi-2022-pemkab-mojokerto'",
    )


def test_a_record_repeating_another_is_refused(data_dir: pathlib.Path) -> None:
    awards = read_records(data_dir, "awards.json")
    (sidoarjo,) = [a for a in awards if a["id"] == SIDOARJO_ID]
    twin = {**sidoarjo, "id": "twin"}
    write_records(data_dir, "awards.json", [*awards, twin])
    assert _problems(data_dir) == (
        "awards.json: record 'twin': id: repeats '2020-kab-sidoarjo-penilaian-kompetensi'; "
        "one record should cite every source that reports it",
    )


def test_a_year_without_an_edition_is_refused(data_dir: pathlib.Path) -> None:
    editions = read_records(data_dir, "editions.json")
    write_records(data_dir, "editions.json", [e for e in editions if e["year"] != 2020])
    problems = _problems(data_dir)
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


def test_a_missing_file_or_directory_is_refused(data_dir: pathlib.Path) -> None:
    (data_dir / "tallies.json").unlink()
    assert _problems(data_dir) == ("tallies.json: the file is missing",)
    with pytest.raises(DataError, match="not a directory"):
        bkn_awards.load(data_dir / "nowhere")


MADIUN_ID = "2020-kota-madiun-penilaian-kompetensi"
MADIUN = f"awards.json: record {MADIUN_ID!r}"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (
            {"source": WARTA, "paragraphs": [23], "part": None},
            {"source": WARTA, "paragraphs": [23], "part": None, "note": "x"},
            f"{MADIUN}: citations[0]: unknown field(s) note",
        ),
        (
            {"source": WARTA, "paragraphs": [1, 23], "part": None},
            {"source": WARTA, "paragraphs": [True, 23], "part": None},
            f"{MADIUN}: citations[0].paragraphs[0]: expected a whole number, got true or false",
        ),
        pytest.param(
            {"source": WARTA, "paragraphs": [23], "part": "the ranking"},
            {"source": WARTA, "paragraphs": [23]},
            f"{MADIUN}: citations[0].part: required field missing",
            id="part missing",
        ),
        pytest.param(
            {"source": WARTA, "paragraphs": [23], "part": None},
            {"source": WARTA, "paragraphs": [23], "part": 1},
            f"{MADIUN}: citations[0].part: expected a string, got a whole number",
            id="part not text",
        ),
    ],
)
def test_a_citation_seen_before_is_still_checked_in_full(
    data_dir: pathlib.Path, first: dict[str, Any], second: dict[str, Any], expected: str
) -> None:
    # Identical citations are shared between records; a near-identical one (an extra field,
    # True for 1, no part) must not slip through as a copy of the one before it.
    _change(data_dir, "awards.json", SIDOARJO_ID, citations=[first])
    _change(data_dir, "awards.json", MADIUN_ID, citations=[second])
    problems = _problems(data_dir)
    assert expected in problems, problems


def test_identical_citations_are_shared_and_citations_of_other_parts_are_not(
    data_dir: pathlib.Path,
) -> None:
    web = "lentera-jatim-raih-dua-penghargaan-dari"
    same = {"source": WARTA, "paragraphs": [23], "part": None}
    _change(
        data_dir,
        "awards.json",
        SIDOARJO_ID,
        citations=[same, {"source": web, "paragraphs": [], "part": "a list"}],
    )
    _change(
        data_dir,
        "awards.json",
        MADIUN_ID,
        citations=[dict(same), {"source": web, "paragraphs": [], "part": "the third place"}],
    )
    data = bkn_awards.load(data_dir)
    sidoarjo, madiun = data.award(SIDOARJO_ID), data.award(MADIUN_ID)
    assert sidoarjo.citations[0] is madiun.citations[0]
    assert [c.part for c in sidoarjo.citations] == [None, "a list"]
    assert [c.part for c in madiun.citations] == [None, "the third place"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"rank": 0}, "rank"),
        ({"id": ""}, "id"),
        ({"year": 1999}, "year"),
        ({"citations": ()}, "citations"),
    ],
)
def test_a_record_made_by_hand_is_checked_by_the_same_rules(
    change: dict[str, Any], field: str
) -> None:
    award = bkn_awards.awards()[0]
    with pytest.raises(bkn_awards.FieldValueError) as raised:
        attrs.evolve(award, **change)
    assert raised.value.field == field
    assert str(raised.value) == f"{field} {raised.value.problem}"
    assert isinstance(raised.value, bkn_awards.BknAwardsError)
    assert isinstance(raised.value, ValueError)
