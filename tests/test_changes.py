"""What changed between two datasets: records added, removed and changed field by field."""

from __future__ import annotations

import json
import pathlib

import bkn_awards
from bkn_awards import DataDiff, diff
from bkn_awards.formats import export
from datafiles import change_record, read_records, write_records


def test_a_dataset_and_its_copy_do_not_differ(data_dir: pathlib.Path) -> None:
    found = diff(bkn_awards.load(), data_dir)
    assert isinstance(found, DataDiff)
    assert found.equal
    assert found.changes == ()
    assert found.summary() == "no record differs"
    assert found.to_dict() == {}


def test_a_directory_and_its_data_package_export_do_not_differ(
    data_dir: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    export(bkn_awards.load(data_dir), tmp_path / "package", fmt="datapackage")
    assert diff(data_dir, tmp_path / "package").equal


def test_added_removed_and_changed_records_are_listed_field_by_field(
    data_dir: pathlib.Path,
) -> None:
    awards = read_records(data_dir, "awards.json")
    first, last = awards[0], awards[-1]
    added = {**last, "id": "2023-added-for-the-test", "rank": 9, "rank_label": "peringkat 9"}
    write_records(data_dir, "awards.json", [*awards[1:], added])
    change_record(data_dir, "awards.json", last["id"], rank_label="peringkat yang lain")
    found = diff(bkn_awards.load(), data_dir)
    assert not found.equal
    assert [(c.file, c.id, c.change) for c in found.changes] == sorted(
        [
            ("awards", "2023-added-for-the-test", "added"),
            ("awards", first["id"], "removed"),
            ("awards", last["id"], "changed"),
        ],
        key=lambda c: c[1],
    )
    (changed,) = [c for c in found.changes if c.change == "changed"]
    assert [(f.field, f.before, f.after) for f in changed.fields] == [
        ("rank_label", last["rank_label"], "peringkat yang lain")
    ]
    assert found.summary() == "awards: 1 added, 1 removed, 1 changed"


def test_a_diff_reads_as_text_json_and_markdown(data_dir: pathlib.Path) -> None:
    change_record(data_dir, "editions.json", "2020", number=7)
    found = diff(bkn_awards.load(), data_dir)
    assert list(found.lines()) == ["~ editions 2020", "    number: 6 -> 7"]
    assert json.loads(json.dumps(found.to_dict())) == {
        "editions": [
            {"id": "2020", "change": "changed", "fields": {"number": {"before": 6, "after": 7}}}
        ]
    }
    assert found.to_markdown().splitlines()[:4] == [
        "### editions",
        "",
        "- changed: `2020`",
        "  - number: 6 → 7",
    ]


def test_a_change_of_a_linked_record_is_its_id_in_the_linking_record(
    data_dir: pathlib.Path,
) -> None:
    # Links are compared as the files write them: by id, so renaming an institution changes
    # the institution, not every award that links to it.
    change_record(data_dir, "institutions.json", "bkn", aliases=["Badan Kepegawaian"])
    found = diff(bkn_awards.load(), data_dir)
    assert [(c.file, c.id) for c in found.changes] == [("institutions", "bkn")]
