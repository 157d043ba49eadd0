"""Open formats: flat rows, JSON, pandas, CSV, the Data Package and the JSON Schema."""

from __future__ import annotations

import builtins
import datetime as dt
import json
import pathlib
from collections import Counter
from typing import Any

import jsonschema
import pandas
import pytest
from frictionless import Package

import bkn_awards
from bkn_awards.formats import data_schema, export
from bkn_awards.layout import RECORD_FILES
from datafiles import BUNDLED, held, read_records, write_records

AWARD_COLUMNS = {
    "id": "object",
    "year": "int64",
    "institution": "object",
    "category": "object",
    "rank": "Int64",
    "rank_label": "object",
    "group": "object",
    "event": "object",
    "recipient": "object",
    "sources": "object",
    "source_titles": "object",
    "paragraphs": "object",
    "parts": "object",
    "institution_name": "object",
    "institution_kind": "category",
    "region_code": "object",
    "category_name": "object",
    "category_theme": "category",
    "event_date": "datetime64[ns]",
    "first_published": "datetime64[ns]",
}

# The awards of the seed: those the article files the project holds report (the first data).
SEED_AWARDS = [a.id for a in bkn_awards.awards() if held(a)]
# A year before the first edition the data holds: no award can be of it.
NO_EDITION = min(e.year for e in bkn_awards.editions()) - 1


def test_to_pandas_columns_and_dtypes() -> None:
    frame = bkn_awards.awards().to_pandas()
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == AWARD_COLUMNS
    assert list(frame["id"]) == [a.id for a in bkn_awards.awards()]


def test_to_pandas_groups_at_once() -> None:
    awards = bkn_awards.awards()
    frame = awards.to_pandas()
    per_year = frame.groupby("year").size().to_dict()
    assert per_year == dict(Counter(a.year for a in awards))
    per_kind = frame.groupby("institution_kind", observed=True).size().to_dict()
    assert per_kind == dict(Counter(a.institution.kind.value for a in awards))
    per_theme = frame.groupby("category_theme", observed=True).size().to_dict()
    assert per_theme == dict(Counter(a.category.theme.value for a in awards if a.category))
    assert frame["category_theme"].isna().sum() == sum(a.category is None for a in awards) > 0
    assert frame["rank"].isna().sum() == sum(a.rank is None for a in awards)
    seed = frame[frame.id.isin(SEED_AWARDS)]
    assert seed.groupby("year").size().to_dict() == {2020: 8, 2022: 4, 2023: 5}
    assert seed.groupby("institution_kind", observed=True).size().to_dict() == {
        "city": 7,
        "province": 7,
        "regency": 3,
    }
    assert seed["rank"].isna().sum() == 1
    mojokerto = frame[frame.id == "2022-kab-mojokerto-implementasi-manajemen-asn"].iloc[0]
    assert mojokerto.first_published == pandas.Timestamp("2022-08-11")  # the day of 18:36 WIB
    assert mojokerto.event_date == pandas.Timestamp("2022-08-10")


def test_to_pandas_round_trips_to_the_same_awards() -> None:
    found = bkn_awards.awards(year=2022)
    frame = found.to_pandas()
    assert [bkn_awards.award(i) for i in frame["id"]] == list(found)
    assert frame["rank"].tolist() == [a.rank if a.rank else pandas.NA for a in found]


def test_other_records_convert_too() -> None:
    frame = bkn_awards.events().to_pandas()
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert str(frame["date_inferred"].dtype) == "bool"
    assert str(frame["kind"].dtype) == "category"
    assert bkn_awards.awards(year=NO_EDITION).to_pandas().empty


def test_to_pandas_without_pandas_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="needs pandas: python -m pip install pandas"):
        bkn_awards.awards().to_pandas()


def test_to_records_and_to_json_need_no_extra() -> None:
    found = bkn_awards.awards(year=2020, institution="Kab. Sidoarjo")
    rows = found.to_records()
    # The same rows, but for dates, which JSON writes in ISO 8601.
    iso = [{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in r.items()} for r in rows]
    assert iso == json.loads(found.to_json())
    (row,), (award,) = rows, found
    assert row["sources"] == [c.source.id for c in award.citations]
    assert row["sources"][0] == "wartatransparansi-2020-pemprov-jatim"
    assert row["paragraphs"][0] == [23]  # lists stay lists, in JSON too
    # An article file's citation gives paragraphs, a web report's none; each may give a part.
    assert row["paragraphs"] == [list(c.paragraphs) for c in award.citations]
    assert [p == [] for p in row["paragraphs"]] == [
        c.source.sha256 is None for c in award.citations
    ]
    assert row["parts"] == [c.part for c in award.citations]
    assert row["group"] == "tingkat Kabupaten"
    assert isinstance(row["first_published"], dt.date)
    published = [c.source.published_on for c in award.citations]
    assert row["first_published"] == min(d for d in published if d is not None)


def test_records_print_as_tables_and_render_as_html() -> None:
    found = bkn_awards.awards(year=2022)
    text = str(found)
    assert text.splitlines()[0].split()[:5] == ["Id", "Year", "Institution", "Category", "Rank"]
    assert text.splitlines()[-1] == f"[{len(found)} awards]"
    assert repr(found) == text
    html = found._repr_html_()
    assert html.startswith("<table>")
    # A header, then every award, or the first and last ten around a row of how many are left.
    assert html.count("<tr>") == 1 + (len(found) if len(found) <= 20 else 10 + 1 + 10)
    assert "Pemerintah Kota Mojokerto" in html
    assert "surabayapagi.com, 2022-08-11" in html
    assert repr(found[0]).startswith("Award(id='2022-kab-mojokerto-implementasi-manajemen-asn'")
    assert "<caption>Award</caption>" in found[0]._repr_html_()


def test_a_long_result_shows_head_and_tail() -> None:
    many = bkn_awards.Records([bkn_awards.awards()[0]] * 25)
    lines = str(many).splitlines()
    assert lines[11] == "... 5 more"
    assert lines[-1] == "[25 awards]"
    assert "&hellip; 5 more" in many._repr_html_()


def test_export_csv_and_json(tmp_path: pathlib.Path) -> None:
    written = export(bkn_awards.load(), tmp_path / "csv", fmt="csv")
    assert sorted(p.name for p in written) == sorted(f"{n[:-5]}.csv" for n, _ in RECORD_FILES)
    frame = pandas.read_csv(tmp_path / "csv" / "awards.csv")
    assert list(frame["id"]) == [a.id for a in bkn_awards.awards()]
    assert list(frame.columns) == list(AWARD_COLUMNS)
    export(bkn_awards.load(), tmp_path / "json", fmt="json")
    rows = json.loads((tmp_path / "json" / "events.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == [e.id for e in bkn_awards.events()]
    (ceremony,) = [r for r in rows if r["id"] == "2020-ceremony"]
    assert ceremony["date"] == "2020-12-17"


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
    [({"rank": 0}, "rank"), ({"prize": 1}, "prize"), ({"year": "2020"}, "year")],
)
def test_the_json_schema_refuses_bad_records(change: dict[str, Any], where: str) -> None:
    records = json.loads((BUNDLED / "awards.json").read_text(encoding="utf-8"))
    records[0].update(change)
    schema = {**data_schema(), "$ref": "#/$defs/awards"}
    with pytest.raises(jsonschema.ValidationError, match=where):
        jsonschema.Draft202012Validator(schema).validate(records)


def test_manifest_records_versions_counts_and_files() -> None:
    manifest = bkn_awards.manifest()
    assert manifest.library_version == bkn_awards.__version__
    assert len(manifest.data_version) == 12
    # Counted from the bundled files themselves, in the order they are read.
    records = {
        filename.removesuffix(".json"): json.loads((BUNDLED / filename).read_text(encoding="utf-8"))
        for filename, _ in RECORD_FILES
    }
    assert list(manifest.counts.items()) == [(name, len(rows)) for name, rows in records.items()]
    events_per_year = sorted(Counter(r["year"] for r in records["events"]).items())
    assert list(manifest.counts_by_year["events"].items()) == events_per_year
    assert set(manifest.files) == {name for name, _ in RECORD_FILES}
    awards_of_2020 = sum(r["year"] == 2020 for r in records["awards"])
    by_year = json.loads(json.dumps(manifest.to_dict()))["counts_by_year"]
    assert by_year["awards"]["2020"] == awards_of_2020 >= 8  # the eight of the seed, at least
    with pytest.raises(TypeError):
        manifest.counts["awards"] = 0  # type: ignore[index]


def test_manifest_data_version_follows_the_data(data_dir: pathlib.Path) -> None:
    same = bkn_awards.load(data_dir).manifest()
    assert same.data_version == bkn_awards.manifest().data_version
    events = read_records(data_dir, "events.json")
    events[0]["description"] += " (edited)"
    write_records(data_dir, "events.json", events)
    assert bkn_awards.load(data_dir).manifest().data_version != same.data_version


def test_dates_in_flat_rows_are_dates() -> None:
    rows = bkn_awards.events(year=2023).to_records()
    (row,) = [r for r in rows if r["id"] == "2023-ceremony-surabaya"]
    assert row["date"] == dt.date(2023, 6, 8)
    assert all(r["date"] is None or type(r["date"]) is dt.date for r in rows)


def test_counts_are_written_in_good_english() -> None:
    categories, tallies = bkn_awards.categories(year=2020), bkn_awards.tallies(year=2022)
    assert min(len(categories), len(tallies)) > 1  # plurals, both
    assert str(categories).splitlines()[-1] == f"[{len(categories)} categories]"
    assert str(tallies).splitlines()[-1] == f"[{len(tallies)} tallies]"
    assert str(bkn_awards.Records(bkn_awards.editions()[:1])).splitlines()[-1] == "[1 edition]"
    assert str(bkn_awards.Records(())) == "[no records]"


def test_times_are_written_in_iso_8601_in_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    (row, *_) = json.loads(bkn_awards.sources().to_json())
    assert row["published"] == "2022-08-11T18:36:00+07:00"
    from bkn_awards.cli import main

    assert main(["sources", "--format", "csv"]) == 0
    assert ",2022-08-11T18:36:00+07:00," in capsys.readouterr().out
