"""The data format's converter: JSON to checked, linked records, each fault named; and back."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

import bkn_awards
from bkn_awards import DataError
from bkn_awards.codec import RepeatedKeys, json_type, parse, unstructure
from bkn_awards.layout import RECORD_FILES
from datafiles import (
    BUNDLED,
    DROP,
    assert_refused_after,
    change_placing,
    change_record,
    load_problems,
    placings_with,
    read_records,
    write_records,
)

SIDOARJO_ID = "2020-kab-sidoarjo-kompetensi"
MALANG_ID = "2020-kota-malang-perencanaan"
MADIUN_ID = "2020-kota-madiun-kompetensi"
JATIM_ID = "2020-pemprov-jatim-perencanaan"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"
MALANG = f"awards.json: record {MALANG_ID!r}"
MADIUN = f"awards.json: record {MADIUN_ID!r}"
WARTA = "wartatransparansi-2020-pemprov-jatim"


def _replace_in_awards(data_dir: pathlib.Path, old: str, new: str) -> None:
    path = data_dir / "awards.json"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- Reading JSON -------------------------------------------------------------------------------


def test_an_object_that_repeats_a_key_is_kept_as_such_wherever_it_is() -> None:
    found = parse('[{"rank": 1, "id": "a", "rank": 2, "id": "b", "year": 3}, {"rank": 1}]')
    assert isinstance(found[0], RepeatedKeys)
    assert found[0].repeated == ("id", "rank")
    assert type(found[1]) is dict
    nested = parse('{"citations": [{"part": null, "part": "x"}]}')
    assert type(nested) is dict
    assert nested["citations"][0].repeated == ("part",)


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ({}, "an object"),
        ([], "a list"),
        ("x", "a string"),
        (1, "a whole number"),
        (1.5, "a number"),
        (True, "true or false"),
        (None, "null"),
    ],
)
def test_a_json_value_is_named_as_a_message_says_it(value: Any, name: str) -> None:
    assert json_type(value) == name


def test_a_key_given_twice_in_a_record_is_an_error(data_dir: pathlib.Path) -> None:
    _replace_in_awards(data_dir, '"group_label": ', '"group_label": "x", "group_label": ')
    (problem,) = load_problems(data_dir)
    assert problem.endswith(": group_label: is given twice in one object"), problem
    assert problem.startswith("awards.json: record '"), problem


def test_a_key_given_twice_in_a_placing_is_an_error(data_dir: pathlib.Path) -> None:
    _replace_in_awards(data_dir, '"rank": 1,', '"rank": 1, "rank": 2,')
    (problem,) = load_problems(data_dir)
    assert problem.endswith(": placings[0].rank: is given twice in one object"), problem
    assert problem.startswith("awards.json: record '"), problem


def test_a_key_given_twice_in_a_citation_is_an_error(data_dir: pathlib.Path) -> None:
    _replace_in_awards(data_dir, '"paragraphs": [', '"paragraphs": [1], "paragraphs": [')
    (problem,) = load_problems(data_dir)
    assert ": placings[0].citations[0].paragraphs: is given twice in one object" in problem, problem


def test_text_utf8_cannot_hold_is_an_error(data_dir: pathlib.Path) -> None:
    # "\ud800" is valid JSON, but a lone surrogate cannot be written back as UTF-8.
    _replace_in_awards(data_dir, '"group_label": "', '"group_label": "tipe \\ud800 ')
    (problem,) = load_problems(data_dir)
    assert ": group_label: cannot be written as UTF-8" in problem, problem


@pytest.mark.parametrize(
    "date", ["20201217", "2020-12-17T10:00:00", "17/12/2020", "2020-W51-4", "2020-12-7", "2020-352"]
)
def test_dates_are_iso_yyyy_mm_dd_only(data_dir: pathlib.Path, date: str) -> None:
    events = read_records(data_dir, "events.json")
    events[0]["date"] = date
    write_records(data_dir, "events.json", events)
    (problem,) = load_problems(data_dir)
    assert problem.endswith(f"date: must be a date written YYYY-MM-DD, got {date!r}"), problem


# --- What a record's fields may hold ------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"group_label": DROP},
            f"{SIDOARJO}: group_label: required field missing",
            id="missing field",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"placings": placings_with(SIDOARJO_ID, rank=DROP)},
            f"{SIDOARJO}: placings[0].rank: required field missing",
            id="missing field of a placing",
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
            {"group_label": DROP, "prize": 1},
            f"{MALANG}: (record): unknown field(s) prize",
            id="unknown field in place of a missing one",
        ),
        pytest.param(
            "awards.json",
            MALANG_ID,
            {"placings": placings_with(MALANG_ID, rank=DROP, prize=1)},
            f"{MALANG}: placings[0]: unknown field(s) prize",
            id="unknown field of a placing in place of a missing one",
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
            {"placings": placings_with(SIDOARJO_ID, rank=True)},
            f"{SIDOARJO}: placings[0].rank: expected a whole number, got true or false",
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
            "sources.json",
            "bangsaonline-2022-pemkab-mojokerto",
            {"published": "2022-08-11T18:36:00"},
            "sources.json: record 'bangsaonline-2022-pemkab-mojokerto': published: "
            "must be a time written YYYY-MM-DDTHH:MM:SS with its UTC offset, "
            "got '2022-08-11T18:36:00'",
            id="naive datetime",
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
    ],
)
def test_a_bad_record_is_refused_naming_file_record_and_field(
    data_dir: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    assert_refused_after(data_dir, filename, record_id, changes, expected)


def test_every_problem_is_listed_once_at_its_root(data_dir: pathlib.Path) -> None:
    change_record(data_dir, "institutions.json", "kab-sidoarjo", kind="village")
    placings = placings_with(JATIM_ID, rank=0)
    change_record(data_dir, "awards.json", JATIM_ID, placings=placings, year=True)
    change_record(data_dir, "tallies.json", "2020-jawa-timur", count="32")
    problems = load_problems(data_dir)
    assert problems[0].startswith("institutions.json: record 'kab-sidoarjo': kind: ")
    # The Sidoarjo awards link to the broken institution: they are not reported a second time.
    awards = read_records(data_dir, "awards.json")
    sidoarjo = [a["id"] for a in awards if a["institution"] == "kab-sidoarjo"]
    assert SIDOARJO_ID in sidoarjo
    assert not any(p.startswith(f"awards.json: record {i!r}") for i in sidoarjo for p in problems)
    assert any(p.startswith(f"awards.json: record {JATIM_ID!r}: year: ") for p in problems)
    assert f"awards.json: record {JATIM_ID!r}: placings[0].rank: must be at least 1, got 0" in (
        problems
    )
    assert any(p.startswith("tallies.json: record '2020-jawa-timur': count: ") for p in problems)
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    assert str(caught.value).startswith(f"{len(problems)} problems in the award data:\n  ")


def test_links_into_a_file_that_cannot_be_read_are_not_reported_again(
    data_dir: pathlib.Path,
) -> None:
    (data_dir / "institutions.json").write_text("[{", encoding="utf-8")
    (problem,) = load_problems(data_dir)
    assert problem.startswith("institutions.json: line 1, column 3: invalid JSON: ")


def test_a_record_that_is_not_an_object_is_named_by_its_place(data_dir: pathlib.Path) -> None:
    tallies = read_records(data_dir, "tallies.json")
    write_records(data_dir, "tallies.json", [*tallies, ["2020"], {"id": ""}])
    problems = load_problems(data_dir)
    assert f"tallies.json: record #{len(tallies)}: (record): expected an object, got a list" in (
        problems
    )
    assert any(p.startswith(f"tallies.json: record #{len(tallies) + 1}: ") for p in problems)


def test_a_duplicate_id_is_refused(data_dir: pathlib.Path) -> None:
    sources = read_records(data_dir, "sources.json")
    write_records(data_dir, "sources.json", [*sources, sources[0]])
    assert load_problems(data_dir) == (
        "sources.json: record 'surabayapagi-2022-pemkab-mojokerto': id: duplicate id "
        "'surabayapagi-2022-pemkab-mojokerto'",
    )


# --- Citations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (
            {"source": WARTA, "paragraphs": [23], "part": None},
            {"source": WARTA, "paragraphs": [23], "part": None, "note": "x"},
            f"{MADIUN}: placings[0].citations[0]: unknown field(s) note",
        ),
        (
            {"source": WARTA, "paragraphs": [1, 23], "part": None},
            {"source": WARTA, "paragraphs": [True, 23], "part": None},
            f"{MADIUN}: placings[0].citations[0].paragraphs[0]: "
            "expected a whole number, got true or false",
        ),
        pytest.param(
            {"source": WARTA, "paragraphs": [23], "part": "the ranking"},
            {"source": WARTA, "paragraphs": [23]},
            f"{MADIUN}: placings[0].citations[0].part: required field missing",
            id="part missing",
        ),
        pytest.param(
            {"source": WARTA, "paragraphs": [23], "part": None},
            {"source": WARTA, "paragraphs": [23], "part": 1},
            f"{MADIUN}: placings[0].citations[0].part: expected a string, got a whole number",
            id="part not text",
        ),
    ],
)
def test_a_citation_seen_before_is_still_checked_in_full(
    data_dir: pathlib.Path, first: dict[str, Any], second: dict[str, Any], expected: str
) -> None:
    # Identical citations are shared between records; a near-identical one (an extra field,
    # True for 1, no part) must not slip through as a copy of the one before it.
    change_placing(data_dir, SIDOARJO_ID, citations=[first])
    change_placing(data_dir, MADIUN_ID, citations=[second])
    problems = load_problems(data_dir)
    assert expected in problems, problems


def test_identical_citations_are_shared_and_citations_of_other_parts_are_not(
    data_dir: pathlib.Path,
) -> None:
    web = "lentera-jatim-raih-dua-penghargaan-dari"
    same = {"source": WARTA, "paragraphs": [23], "part": None}
    change_placing(
        data_dir, SIDOARJO_ID, citations=[same, {"source": web, "paragraphs": [], "part": "a list"}]
    )
    change_placing(
        data_dir,
        MADIUN_ID,
        citations=[dict(same), {"source": web, "paragraphs": [], "part": "the third place"}],
    )
    data = bkn_awards.load(data_dir)
    sidoarjo, madiun = data.award(SIDOARJO_ID), data.award(MADIUN_ID)
    assert sidoarjo.citations[0] is madiun.citations[0]
    assert [c.part for c in sidoarjo.citations] == [None, "a list"]
    assert [c.part for c in madiun.citations] == [None, "the third place"]


# --- And back -----------------------------------------------------------------------------------


def test_a_record_is_written_with_links_as_ids_and_dates_as_iso_text() -> None:
    event = next(e for e in bkn_awards.events() if e.date is not None and e.presenters)
    raw = unstructure(event)
    assert event.date is not None
    assert raw["date"] == event.date.isoformat()
    assert raw["kind"] == event.kind.value
    assert raw["presenters"] == [o.id for o in event.presenters]
    assert raw["citations"][0] == {
        "source": event.citations[0].source.id,
        "paragraphs": list(event.citations[0].paragraphs),
        "part": event.citations[0].part,
    }
    source = next(s for s in bkn_awards.sources() if s.published is not None)
    assert unstructure(source)["published"] == "2022-08-11T18:36:00+07:00"


def test_every_record_unstructures_to_its_line_in_the_data_files() -> None:
    data = bkn_awards.load()
    by_file = data.records_by_file()
    assert list(by_file) == [filename.removesuffix(".json") for filename, _ in RECORD_FILES]
    # Each group is what the listing function of the same name returns (awards: as filed).
    listed = {name: getattr(data, name)() for name in by_file}
    listed["awards"] = data.awards(sort="data")
    assert all(records == listed[name] for name, records in by_file.items())
    for filename, _ in RECORD_FILES:
        records = by_file[filename.removesuffix(".json")]
        written = json.loads(json.dumps([unstructure(r) for r in records]))
        assert written == json.loads((BUNDLED / filename).read_text(encoding="utf-8")), filename


def test_a_derived_field_is_neither_read_from_nor_written_to_the_data_files(
    data_dir: pathlib.Path,
) -> None:
    contested = next(a for a in bkn_awards.awards() if a.contested)
    assert "contested" not in unstructure(contested)
    awards = read_records(data_dir, "awards.json")
    awards[0]["contested"] = True  # the loader finds it; a data file cannot say it
    write_records(data_dir, "awards.json", awards)
    with pytest.raises(bkn_awards.DataError, match="contested"):
        bkn_awards.load(data_dir)
