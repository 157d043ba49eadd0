"""What changed between two datasets: records added, removed and changed field by field."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
from typing import Any

import pytest

import bkn_awards
from bkn_awards.changes import DataDiff, FieldChange, RecordChange, compare, diff
from bkn_awards.formats import export
from datafiles import change_placing, change_record, read_records, write_records


def test_a_dataset_and_its_copy_do_not_differ(data_dir: pathlib.Path) -> None:
    found = diff(bkn_awards.load(), data_dir)
    assert isinstance(found, DataDiff)
    assert found.equal
    assert found.changes == ()
    assert found.summary() == "no record differs"
    assert found.to_dict() == {}
    assert found.to_text() == "no record differs"
    assert found.to_markdown() == "No record differs.\n"


def test_a_directory_and_its_data_package_export_do_not_differ(
    data_dir: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    export(bkn_awards.load(data_dir), tmp_path / "package", fmt="datapackage")
    assert diff(data_dir, tmp_path / "package").equal
    assert diff(data_dir, tmp_path / "package" / "datapackage.json").equal


def test_added_removed_and_changed_records_are_listed_field_by_field(
    data_dir: pathlib.Path,
) -> None:
    awards = read_records(data_dir, "awards.json")
    aliased = {alias["award"] for alias in read_records(data_dir, "aliases.json")}
    first = next(a for a in awards if a["id"] not in aliased)  # an earlier id would dangle
    last = awards[-1]
    grouped = next(a for a in awards if a["group"] and a is not first)
    added = {**last, "id": "2023-added-for-the-test", "category": None}
    write_records(data_dir, "awards.json", [*(a for a in awards if a is not first), added])
    change_record(data_dir, "awards.json", grouped["id"], group_label="tipe yang lain")
    found = diff(bkn_awards.load(), data_dir)
    assert not found.equal
    assert [(c.file, c.id, c.change) for c in found.changes] == sorted(
        [
            ("awards", "2023-added-for-the-test", "added"),
            ("awards", first["id"], "removed"),
            ("awards", grouped["id"], "changed"),
        ],
        key=lambda c: c[1],
    )
    (changed,) = [c for c in found.changes if c.change == "changed"]
    assert changed.fields == (
        FieldChange(field="group_label", before=grouped["group_label"], after="tipe yang lain"),
    )
    assert found.summary() == "awards: 1 added, 1 removed, 1 changed"


def test_a_changed_placing_is_the_award_s_placings_before_and_after(
    data_dir: pathlib.Path,
) -> None:
    award = read_records(data_dir, "awards.json")[0]
    change_placing(data_dir, award["id"], rank_label="peringkat yang lain")
    (changed,) = diff(bkn_awards.load(), data_dir).changes
    (field,) = changed.fields
    assert (field.field, field.before) == ("placings", award["placings"])
    assert field.after[0]["rank_label"] == "peringkat yang lain"


def test_a_diff_reads_as_text_json_and_markdown(data_dir: pathlib.Path) -> None:
    change_record(data_dir, "editions.json", "2020", number=7)
    found = diff(bkn_awards.load(), data_dir)
    assert found.to_text().splitlines() == [
        "~ editions 2020",
        "    number: 6 -> 7",
        "",
        "editions: 1 changed",
    ]
    expected = {
        "editions": [
            {"id": "2020", "change": "changed", "fields": {"number": {"before": 6, "after": 7}}}
        ]
    }
    assert found.to_dict() == expected
    assert json.loads(found.to_json()) == expected
    assert found.to_markdown().splitlines() == [
        "### editions",
        "",
        "1 changed.",
        "",
        "- changed: `2020`",
        "  - `number`: `6` → `7`",
    ]


def test_values_read_as_json_in_text_and_markdown() -> None:
    change = FieldChange(field="group", before=None, after="cities")
    assert change.before_and_after("->") == 'null -> "cities"'
    assert change.before_and_after("→", "`") == '`null` → `"cities"`'


def test_a_change_of_a_linked_record_is_its_id_in_the_linking_record(
    data_dir: pathlib.Path,
) -> None:
    # Links are compared as the files write them: by id, so renaming an institution changes
    # the institution, not every award that links to it.
    change_record(data_dir, "institutions.json", "bkn", aliases=["Badan Kepegawaian"])
    found = diff(bkn_awards.load(), data_dir)
    assert [(c.file, c.id) for c in found.changes] == [("institutions", "bkn")]


def test_compare_takes_records_written_as_the_files_hold_them() -> None:
    old: dict[str, list[dict[str, Any]]] = {
        "awards": [{"id": "a", "rank": 4}, {"id": "b", "rank": 1}],
        "extra": [{"id": "x"}],
    }
    new: dict[str, list[dict[str, Any]]] = {
        "awards": [{"id": "a", "rank": None, "note": "new"}, {"id": "c", "rank": 2}]
    }
    assert compare(old, new).changes == (
        RecordChange(
            file="awards",
            id="a",
            change="changed",
            fields=(
                FieldChange(field="rank", before=4, after=None),
                FieldChange(field="note", before=None, after="new"),
            ),
        ),
        RecordChange(file="awards", id="b", change="removed"),
        RecordChange(file="awards", id="c", change="added"),
        RecordChange(file="extra", id="x", change="removed"),
    )


def test_a_missing_directory_is_a_data_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(bkn_awards.DataError, match="not a directory"):
        diff(tmp_path / "absent", bkn_awards.load())


def test_the_face_imports_this_module_on_first_use_only() -> None:
    code = (
        "import sys, bkn_awards; print('bkn_awards.changes' in sys.modules);"
        "bkn_awards.diff; print('bkn_awards.changes' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_the_face_gives_this_module_s_public_names() -> None:
    assert bkn_awards.diff is diff
    assert bkn_awards.DataDiff is DataDiff
    assert {"diff", "DataDiff", "FieldChange", "RecordChange"} <= set(bkn_awards.__all__)
    with pytest.raises(AttributeError, match="no attribute 'changez'"):
        bkn_awards.changez  # type: ignore[attr-defined]  # noqa: B018


def test_an_award_kept_under_an_earlier_id_is_compared_with_the_award_it_stands_for(
    tmp_path: pathlib.Path,
) -> None:
    alias = next(a for a in bkn_awards.aliases() if not a.merged)
    award = {"id": alias.id, "rank": 1}
    merged = next(a for a in bkn_awards.aliases() if a.merged)
    old = {"awards": [award, {"id": merged.id, "rank": 5}, {"id": merged.award.id, "rank": 4}]}
    new = {
        "awards": [{"id": alias.award.id, "rank": 1}, {"id": merged.award.id, "rank": 4}],
        "aliases": [{"id": a.id, "award": a.award.id, "merged": a.merged} for a in (alias, merged)],
    }
    for side, files in (("old", old), ("new", new)):
        (tmp_path / side).mkdir()
        for name, records in files.items():
            (tmp_path / side / f"{name}.json").write_text(json.dumps(records), encoding="utf-8")
    found = diff(tmp_path / "old", tmp_path / "new", as_written=True)
    # Renamed: one award changed, its id the field that did; merged: the reading's id removed.
    assert [(c.id, c.change) for c in found.changes if c.file == "awards"] == sorted(
        [(alias.award.id, "changed"), (merged.id, "removed")]
    )
    (renamed,) = [c for c in found.changes if c.change == "changed"]
    assert renamed.fields == (FieldChange(field="id", before=alias.id, after=alias.award.id),)


def test_data_files_of_another_form_compare_as_written(tmp_path: pathlib.Path) -> None:
    # Records of a form no loader of today reads: the files as written, field by field.
    old = tmp_path / "old"
    old.mkdir()
    award = {"id": "2020-old-award", "year": 2020, "rank": 1, "citations": []}
    (old / "awards.json").write_text(json.dumps([award]), encoding="utf-8")
    found = diff(old, old, as_written=True)
    assert found.equal
    (new := tmp_path / "new").mkdir()
    (new / "awards.json").write_text(json.dumps([{**award, "rank": 2}]), encoding="utf-8")
    (changed,) = diff(old, new, as_written=True).changes
    assert changed.fields == (FieldChange(field="rank", before=1, after=2),)
    with pytest.raises(bkn_awards.DataError, match="no data file to compare"):
        diff(old, tmp_path / "absent", as_written=True)
    (old / "events.json").write_text("{", encoding="utf-8")
    with pytest.raises(bkn_awards.DataError, match="not data files to compare as written"):
        diff(old, new, as_written=True)
