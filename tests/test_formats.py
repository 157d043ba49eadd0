"""Writing out: CSV, the data files, the Data Package, and a JSON Schema judging as the loader."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import io
import json
import pathlib
import typing
from typing import Any

import attrs
import jsonschema
import pandas
import pytest
from frictionless import Package

import bkn_awards
from bkn_awards import DataError
from bkn_awards.formats import data_schema, export, write_csv
from bkn_awards.layout import RECORD_FILES, links, unwrap_optional
from bkn_awards.records import Placing, data_fields
from bkn_awards.rules import INT64_MAX, AtLeast, EditionYear, rules_of
from datafiles import AWARD_COLUMNS, BUNDLED, placings_with, read_records, write_records

SIDOARJO_ID = "2020-kab-sidoarjo-kompetensi"

# --- Exports ------------------------------------------------------------------------------------


def test_export_csv_and_json(tmp_path: pathlib.Path) -> None:
    written = export(bkn_awards.load(), tmp_path / "csv", fmt="csv")
    assert sorted(p.name for p in written) == sorted(f"{n[:-5]}.csv" for n, _ in RECORD_FILES)
    frame = pandas.read_csv(tmp_path / "csv" / "awards.csv")
    assert list(frame["id"]) == [a.id for a in bkn_awards.awards(sort="data")]
    assert list(frame.columns) == list(AWARD_COLUMNS)
    export(bkn_awards.load(), tmp_path / "json", fmt="json")
    rows = json.loads((tmp_path / "json" / "events.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == [e.id for e in bkn_awards.events()]
    (ceremony,) = [r for r in rows if r["id"] == "2020-ceremony"]
    assert ceremony["date"] == "2020-12-17"


def test_a_csv_export_loads_back_and_its_codes_stay_text(tmp_path: pathlib.Path) -> None:
    export(bkn_awards.load(), tmp_path, fmt="csv")
    again = bkn_awards.load(tmp_path)
    assert again.records_by_file() == bkn_awards.load().records_by_file()
    # As the guide reads it with pandas: the codes as text, "35.10" not 35.1.
    frame = pandas.read_csv(tmp_path / "awards.csv", dtype={"region_code": "string"})
    codes = [a.institution.region_code for a in bkn_awards.awards(sort="data")]
    assert [None if pandas.isna(c) else c for c in frame["region_code"]] == codes
    assert "35.10" in codes


def test_an_export_names_the_files_it_wrote_in_read_order(tmp_path: pathlib.Path) -> None:
    stems = [name.removesuffix(".json") for name, _ in RECORD_FILES]
    assert export(bkn_awards.load(), tmp_path / "j", fmt="json") == [
        tmp_path / "j" / f"{stem}.json" for stem in stems
    ]
    assert export(bkn_awards.load(), tmp_path / "p", fmt="datapackage") == [
        *(tmp_path / "p" / f"{stem}.csv" for stem in stems),
        tmp_path / "p" / "datapackage.json",
    ]
    # A json export makes the directory it is given, its parents too.
    assert (tmp_path / "j").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j", "p"]


def test_csv_ends_lines_with_crlf_and_keeps_a_carriage_return_inside_a_cell() -> None:
    stream = io.StringIO(newline="")
    write_csv(stream, ["id", "note", "n"], [{"id": "a", "note": "one\rtwo", "n": None}])
    assert stream.getvalue() == 'id,note,n\r\na,"one\rtwo",\r\n'


def test_the_data_package_validates_and_reloads(tmp_path: pathlib.Path) -> None:
    export(bkn_awards.load(), tmp_path, fmt="datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    sources = bkn_awards.sources()
    assert [s.get("path") for s in descriptor["sources"]] == [s.url for s in sources]
    assert [s["title"] for s in descriptor["sources"]] == [s.title or s.id for s in sources]
    awards = next(r for r in descriptor["resources"] if r["name"] == "awards")
    assert {
        "fields": ["institution"],
        "reference": {"resource": "institutions", "fields": ["id"]},
    } in (awards["schema"]["foreignKeys"])
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    counts = {
        r["name"]: len(pandas.read_csv(tmp_path / r["path"])) for r in descriptor["resources"]
    }
    assert counts == dict(bkn_awards.manifest().counts)


def test_the_data_package_catches_a_broken_reference(tmp_path: pathlib.Path) -> None:
    export(bkn_awards.load(), tmp_path, fmt="datapackage")
    path = tmp_path / "awards.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",kota-malang,", ",kota-x,", 1))
    assert not Package(str(tmp_path / "datapackage.json")).validate().valid


# --- The JSON Schema ----------------------------------------------------------------------------


def test_the_shipped_json_schema_is_the_models_and_checks_the_data() -> None:
    shipped = json.loads((BUNDLED / "schema.json").read_text(encoding="utf-8"))
    assert shipped == data_schema()
    checker = jsonschema.Draft202012Validator
    checker.check_schema(shipped)
    for filename, _ in RECORD_FILES:
        name = filename.removesuffix(".json")
        records = json.loads((BUNDLED / filename).read_text(encoding="utf-8"))
        schema = {**shipped, "$ref": f"#/$defs/{name}"}
        checker(schema, format_checker=checker.FORMAT_CHECKER).validate(records)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            {"placings": placings_with(SIDOARJO_ID, rank=0)},
            r"0 is less than the minimum of 1[\s\S]*\['placings'\]\[0\]\['rank'\]",
        ),
        ({"placings": []}, r"should be non-empty[\s\S]*\['placings'\]"),
        ({"prize": 1}, "prize"),
        ({"rank": 1}, r"\('rank' was unexpected\)"),  # the rank is the placings'
        ({"year": "2020"}, "year"),
        ({"group": "tingkat Kabupaten"}, "group"),
    ],
)
def test_the_json_schema_refuses_bad_records(change: dict[str, Any], where: str) -> None:
    records = json.loads((BUNDLED / "awards.json").read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["id"] == SIDOARJO_ID]
    record.update(change)
    schema = {**data_schema(), "$ref": "#/$defs/awards"}
    with pytest.raises(jsonschema.ValidationError, match=where):
        jsonschema.Draft202012Validator(schema).validate(records)


# --- The shipped schema and the loader give the same verdict on every row of a corpus ----------

SCHEMA = json.loads((BUNDLED / "schema.json").read_text(encoding="utf-8"))
CITED = [{"source": "wartatransparansi-2020-pemprov-jatim", "paragraphs": [1], "part": None}]

# One valid record a file, consistent with the bundled data when added to it.
BASE: dict[str, dict[str, Any]] = {
    "sources.json": {
        "id": "corpus-source",
        "title": "T",
        "publisher": "P",
        "published": "2022-08-11T18:36:00+07:00",
        "published_on": "2022-08-11",
        "url": "https://example.org/a",
        "sha256": "0" * 64,
        "filename": "a.txt",
        "editor": "E",
        "sign_off": "S",
    },
    "institutions.json": {
        "id": "kab-bantul",
        "name": "Pemerintah Kabupaten Bantul",
        "kind": "regency",
        "region_code": "34.02",
        "iso_3166_2": None,
        "aliases": ["A"],
    },
    "officials.json": {
        "id": "corpus-official",
        "name": "N",
        "position": "P",
        "institution": "bkn",
        "citations": CITED,
    },
    "editions.json": {
        "id": "corpus-edition",
        "year": 2001,
        "number": 1,
        "category_count": 1,
        "citations": CITED,
    },
    "categories.json": {
        "id": "corpus-category",
        "year": 2020,
        "name": "N",
        "name_en": "E",
        "theme": "planning",
        "number": 1,
        "citations": CITED,
    },
    "events.json": {
        "id": "corpus-event",
        "year": 2020,
        "kind": "handover",
        "date": "2020-12-20",
        "date_inferred": False,
        "date_note": None,
        "time_of_day": "pagi",
        "venue": "V",
        "address": "A",
        "city": "C",
        "presenters": [],
        "recipients": [],
        "represented": [],
        "accompanying": [],
        "description": "D",
        "citations": CITED,
    },
    "awards.json": {
        "id": "corpus-award",
        "year": 2020,
        "institution": "bkn",
        "category": "2020-kompetensi",
        "group": "agencies",
        "group_label": "G",
        "placings": [{"rank": 1, "rank_label": "L", "category": None, "citations": CITED}],
        "event": None,
        "recipient": None,
    },
    "tallies.json": {
        "id": "corpus-tally",
        "year": 2020,
        "count": 1,
        "institution": "bkn",
        "region_code": None,
        "kinds": [],
        "recipients": 1,
        "highest_in_country": False,
        "description": "D",
        "citations": CITED,
    },
    "aliases.json": {
        "id": "corpus-alias",
        "award": "2020-kab-sidoarjo-kompetensi",
        "merged": False,
        "since": "0.3.0",
        "reason": "R",
    },
}

# What JSON Schema cannot state, so the corpus leaves it to the loader's own tests: whether a
# linked id exists (another file), the clock (a year or date after today), and the rules that
# tie two fields together (an inferred date needs its note; a tally counts one thing).
_CROSS_FIELD = {("events.json", "date_inferred"), ("events.json", "date_note")}
_CROSS_FIELD |= {("tallies.json", f) for f in ("institution", "region_code", "kinds")}
# A source's file and address; a government's id, name, kind and codes, held to the region table.
_CROSS_FIELD |= {
    ("sources.json", f) for f in ("published", "published_on", "url", "sha256", "filename")
}
_CROSS_FIELD |= {
    ("institutions.json", f) for f in ("id", "name", "kind", "region_code", "iso_3166_2")
}
# An award's group and its words come together, and the group holds the institution's kind.
_CROSS_FIELD |= {("awards.json", f) for f in ("group", "group_label")}


# Years a record may have by its own rules, but that no bundled edition has.
_NO_EDITION = set(range(2000, dt.date.today().year + 1)) - {e.year for e in bkn_awards.editions()}


def _in(value: Any, years: set[int]) -> bool:
    return type(value) in (int, float) and value in years


def _edges(field: attrs.Attribute[Any], base: Any) -> list[Any]:
    """Values at and past the edges of a field's type and rules."""
    kind = unwrap_optional(field.type)[0]
    values: list[Any] = [None, {}, base]
    if kind is int:
        values += [True, 1.0, "1"]
        for rule in rules_of(field):
            if isinstance(rule, AtLeast):
                values += [rule.minimum - 1, rule.minimum, rule.maximum, rule.maximum + 1]
            if isinstance(rule, EditionYear):
                values += [rule.first - 1, rule.first, dt.date.today().year]
    elif kind is bool:
        values += [0, "true"]
    elif kind is str:
        values += ["", " ", "x", 5, ["x"], base + "!", "!" + base]
    elif kind is dt.date:
        values += ["2020-12-17", "20201217", "2020-02-30", "2020-12-17T10:00:00", 20201217]
    elif kind is dt.datetime:
        values += [
            "2022-08-11T18:36:00Z",
            "2022-08-11T18:36:00.5+07:00",
            "2022-08-11T18:36:00",
            "2022-08-11 18:36:00+07:00",
            "2022-08-11T18:36+07:00",
            "2022-02-30T10:00:00+07:00",
            "2022-08-11",
        ]
    elif isinstance(kind, type) and issubclass(kind, enum.Enum):
        values += [member.value for member in kind] + ["nope", 1]
    elif typing.get_origin(kind) is tuple:
        values += [[], "x", base * 2 if base else [], base[:1] if base else []]
        if field.name == "placings":  # each edge of each field of a placing, and its keys
            placing = base[0]
            values += [
                [{**placing, inner.name: value}]
                for inner in attrs.fields(Placing)
                for value in _edges(inner, placing[inner.name])
            ]
            values += [[{k: v for k, v in placing.items() if k != name}] for name in placing]
            values += [[{**placing, "extra": 1}], [placing, {**placing, "rank": 0}]]
        elif field.name == "citations":
            cited = base[0]
            values += [
                # No paragraphs is a web report's citation: a cross-field rule, not an edge.
                [{**cited, "paragraphs": p} for p in ([0], [1, 1], [True], [INT64_MAX + 1])],
                [{**cited, "note": 1}],
                [{"source": cited["source"]}],
                [cited["source"]],
            ]
        elif field.name == "aliases":
            values += [[""], ["a", "a"], ["a", "b"], [1]]
        else:
            values += [[1], [[]]]
    return values


def _corpus() -> list[Any]:
    rows = []
    for filename, cls in RECORD_FILES:
        base = BASE[filename]
        linked = {link.field for link in links(cls)}
        rows.append(pytest.param(filename, base, id=f"{filename}:base"))
        rows.append(pytest.param(filename, {**base, "extra": 1}, id=f"{filename}:extra field"))
        for field in data_fields(cls):
            missing = {k: v for k, v in base.items() if k != field.name}
            rows.append(pytest.param(filename, missing, id=f"{filename}:{field.name} missing"))
            if (filename, field.name) in _CROSS_FIELD:
                continue
            for n, value in enumerate(_edges(field, base[field.name])):
                if field.name in linked and isinstance(value, str) and value != base[field.name]:
                    continue  # whether an id exists is for the loader to say
                if field.name == "year" and filename != "editions.json" and _in(value, _NO_EDITION):
                    continue  # a year with no edition in the other file
                row = {**copy.deepcopy(base), field.name: value}
                rows.append(pytest.param(filename, row, id=f"{filename}:{field.name}#{n}"))
    return rows


def _schema_accepts(filename: str, row: dict[str, Any]) -> bool:
    schema = {**SCHEMA, "$ref": f"#/$defs/{filename.removesuffix('.json')}"}
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return validator.is_valid([row])


def _load_accepts(directory: pathlib.Path, filename: str, row: dict[str, Any]) -> bool:
    records = read_records(directory, filename)
    write_records(directory, filename, [*records, row])
    try:
        bkn_awards.load(directory)
    except DataError:
        return False
    finally:
        write_records(directory, filename, records)
    return True


def test_the_corpus_reaches_every_rule_and_both_verdicts() -> None:
    rows = [param.values for param in _corpus()]
    assert len(rows) > 300
    touched = {(f, name) for f, row in rows for name in row if row[name] != BASE[f].get(name)}
    for filename, cls in RECORD_FILES:
        for field in data_fields(cls):
            rules = rules_of(field)
            # A date's only rule is the clock's; the corpus reaches its format all the same.
            if rules and (filename, field.name) not in _CROSS_FIELD:
                assert (filename, field.name) in touched, (filename, field.name, rules)
    # The rules of an award's placings, inside it, are reached too.
    (placing,) = BASE["awards.json"]["placings"]
    inside = {
        name
        for f, row in rows
        if f == "awards.json" and isinstance(row.get("placings"), list)
        for given in row["placings"]
        if isinstance(given, dict)
        for name in given
        if given[name] != placing.get(name)
    }
    for field in attrs.fields(Placing):
        if rules_of(field):
            assert field.name in inside, (field.name, rules_of(field))
    verdicts = {_schema_accepts(f, row) for f, row in rows}
    assert verdicts == {True, False}


@pytest.mark.parametrize(("filename", "row"), _corpus())
def test_the_loader_and_the_shipped_schema_agree(
    data_dir: pathlib.Path, filename: str, row: dict[str, Any]
) -> None:
    assert _load_accepts(data_dir, filename, row) == _schema_accepts(filename, row)
