"""The decoder's contract: what a data file may hold, and the shipped schema judging alike."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import pathlib
import subprocess
import sys
import typing
from typing import Any

import attrs
import jsonschema
import pytest

import bkn_awards
from bkn_awards import DataError
from bkn_awards.layout import RECORD_FILES, links, unwrap_optional
from bkn_awards.loading import PROBLEMS_LISTED
from bkn_awards.rules import INT64_MAX, AtLeast, Each, EditionYear, rules_of
from datafiles import BUNDLED, read_records, write_records

SIDOARJO_ID = "2020-kab-sidoarjo-penilaian-kompetensi"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"


def _problems(data_dir: pathlib.Path) -> tuple[str, ...]:
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    return caught.value.problems


def _replace_in_awards(data_dir: pathlib.Path, old: str, new: str) -> None:
    path = data_dir / "awards.json"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_key_given_twice_in_a_record_is_an_error(data_dir: pathlib.Path) -> None:
    _replace_in_awards(data_dir, '"rank": 1,', '"rank": 1, "rank": 2,')
    (problem,) = _problems(data_dir)
    assert problem.endswith(": rank: is given twice in one object"), problem
    assert problem.startswith("awards.json: record '"), problem


def test_a_key_given_twice_in_a_citation_is_an_error(data_dir: pathlib.Path) -> None:
    _replace_in_awards(data_dir, '"paragraphs": [', '"paragraphs": [1], "paragraphs": [')
    (problem,) = _problems(data_dir)
    assert ": citations[0].paragraphs: is given twice in one object" in problem, problem


def test_text_utf8_cannot_hold_is_an_error(data_dir: pathlib.Path) -> None:
    # "\ud800" is valid JSON, but a lone surrogate cannot be written back as UTF-8.
    _replace_in_awards(data_dir, '"group": null', '"group": "tipe \\ud800 besar"')
    (problem,) = _problems(data_dir)
    assert ": group: cannot be written as UTF-8" in problem, problem


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("rank", INT64_MAX + 1, f"rank: must be at most {INT64_MAX}, got {INT64_MAX + 1}"),
        ("rank", 2**70, "rank: must be at most"),
        ("year", 2**64, "year: must be from 2000 to"),
        (
            "citations",
            [{"source": "x", "paragraphs": [2**64], "part": None}],
            "paragraphs: must be at most",
        ),
    ],
)
def test_whole_numbers_the_exports_cannot_hold_are_errors(
    data_dir: pathlib.Path, field: str, value: Any, expected: str
) -> None:
    awards = read_records(data_dir, "awards.json")
    (index,) = [n for n, a in enumerate(awards) if a["id"] == SIDOARJO_ID]
    if field == "citations":  # a citation of the article file the award cites
        value = [{**value[0], "source": awards[index]["citations"][0]["source"]}]
    awards[index][field] = value
    write_records(data_dir, "awards.json", awards)
    assert any(expected in p for p in _problems(data_dir)), _problems(data_dir)


def test_every_int_field_is_bounded_as_an_export_can_hold() -> None:
    for _, cls in RECORD_FILES:
        for field in attrs.fields(cls):
            kind = unwrap_optional(field.type)[0]
            if kind is int or kind == tuple[int, ...]:
                bounds = [r for r in rules_of(field) if isinstance(r, AtLeast | EditionYear)]
                bounds += [
                    r.rule
                    for r in rules_of(field)
                    if isinstance(r, Each) and isinstance(r.rule, AtLeast)
                ]
                assert bounds, f"{cls.__name__}.{field.name} has no bounds"


def _text_fields() -> list[tuple[str, str]]:
    found = []
    for filename, cls in RECORD_FILES:
        linked = {link.field for link in links(cls)}
        for field in attrs.fields(cls):
            if unwrap_optional(field.type)[0] is str and field.name not in linked:
                found.append((filename, field.name))
    return found


@pytest.mark.parametrize(("filename", "field"), _text_fields())
def test_an_empty_string_is_never_a_valid_value(
    data_dir: pathlib.Path, filename: str, field: str
) -> None:
    records = read_records(data_dir, filename)
    records[0][field] = ""
    write_records(data_dir, filename, records)
    problems = _problems(data_dir)
    assert any(f": {field}: must " in p for p in problems), problems


@pytest.mark.parametrize(
    "date", ["20201217", "2020-12-17T10:00:00", "17/12/2020", "2020-W51-4", "2020-12-7", "2020-352"]
)
def test_dates_are_iso_yyyy_mm_dd_only(data_dir: pathlib.Path, date: str) -> None:
    events = read_records(data_dir, "events.json")
    events[0]["date"] = date
    write_records(data_dir, "events.json", events)
    (problem,) = _problems(data_dir)
    assert problem.endswith(f"date: must be a date written YYYY-MM-DD, got {date!r}"), problem


def test_many_wrong_records_are_refused_in_bounded_memory(tmp_path: pathlib.Path) -> None:
    for filename, _ in RECORD_FILES:
        (tmp_path / filename).write_bytes((BUNDLED / filename).read_bytes())
    wrong = '{"id": 1}'
    (tmp_path / "awards.json").write_text("[" + ",".join([wrong] * 100_000) + "]")
    assert (tmp_path / "awards.json").stat().st_size < 1_100_000
    # In a process of its own, so that the peak measured (resident memory) is this load's.
    code = f"""
import resource, bkn_awards
try:
    bkn_awards.load({str(tmp_path)!r})
except bkn_awards.DataError as error:
    print(error.count, len(error.problems), str(error).splitlines()[0])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    (count, listed, heading), peak_kib = (
        out.stdout.splitlines()[0].split(" ", 2),
        out.stdout.split()[-1],
    )
    assert int(peak_kib) < 250 * 1024, f"peak {int(peak_kib) // 1024} MB"
    assert int(listed) == PROBLEMS_LISTED
    assert int(count) >= 100_000  # each record has at least one problem
    assert heading == f"{count} problems in the award data, the first {PROBLEMS_LISTED} listed:"


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
        "id": "corpus-institution",
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
        "category": "2020-penilaian-kompetensi",
        "rank": 1,
        "rank_label": "L",
        "group": "G",
        "event": None,
        "recipient": None,
        "citations": CITED,
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
}

# What JSON Schema cannot state, so the corpus leaves it to the loader's own tests: whether a
# linked id exists (another file), the clock (a year or date after today), and the rules that
# tie two fields together (an inferred date needs its note; a tally counts one thing).
_CROSS_FIELD = {("events.json", "date_inferred"), ("events.json", "date_note")}
_CROSS_FIELD |= {("tallies.json", f) for f in ("institution", "region_code", "kinds")}
# A source's file and address; a government's name, kind and codes, held to the region table.
_CROSS_FIELD |= {
    ("sources.json", f) for f in ("published", "published_on", "url", "sha256", "filename")
}
_CROSS_FIELD |= {("institutions.json", f) for f in ("name", "kind", "region_code", "iso_3166_2")}


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
        if field.name == "citations":
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
        for field in attrs.fields(cls):
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
        for field in attrs.fields(cls):
            rules = rules_of(field)
            # A date's only rule is the clock's; the corpus reaches its format all the same.
            if rules and (filename, field.name) not in _CROSS_FIELD:
                assert (filename, field.name) in touched, (filename, field.name, rules)
    verdicts = {_schema_accepts(f, row) for f, row in rows}
    assert verdicts == {True, False}


@pytest.mark.parametrize(("filename", "row"), _corpus())
def test_the_loader_and_the_shipped_schema_agree(
    data_dir: pathlib.Path, filename: str, row: dict[str, Any]
) -> None:
    assert _load_accepts(data_dir, filename, row) == _schema_accepts(filename, row)
