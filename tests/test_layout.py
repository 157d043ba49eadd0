"""A data directory's layout: its files in read order, their record types and links."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import zipfile

import pytest

import bkn_awards
from bkn_awards import Award, Event, Institution, Official, Source
from bkn_awards.layout import (
    FILE_NAMES,
    RECORD_FILES,
    Link,
    PackagePath,
    data_directory,
    data_files,
    file_of,
    links,
    unwrap_optional,
)
from datafiles import BUNDLED

JSON_FILES = [name for name, _ in RECORD_FILES]


def test_each_record_type_has_one_file_and_the_names_are_its_keys() -> None:
    types = [cls for _, cls in RECORD_FILES]
    assert len(set(types)) == len(types) == 9
    assert all(name.endswith(".json") for name in JSON_FILES)
    assert tuple(name.removesuffix(".json") for name in JSON_FILES) == FILE_NAMES
    assert list(bkn_awards.load().records_by_file()) == list(FILE_NAMES)


def test_a_directory_of_json_files_is_read_from_them(tmp_path: pathlib.Path) -> None:
    assert data_files(tmp_path) == JSON_FILES  # none there yet: the loader says which are missing
    (tmp_path / "sources.json").write_text("[]")
    (tmp_path / "datapackage.json").write_text("{}")
    assert data_files(tmp_path) == JSON_FILES  # the data files come first


def test_a_data_package_without_the_data_files_is_read_from_its_tables(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "datapackage.json").write_text("{}")
    assert data_files(tmp_path) == [name.replace(".json", ".csv") for name in JSON_FILES]
    assert data_files(tmp_path)[0] == "sources.csv"


def test_the_tables_of_a_csv_export_are_read_without_a_package(tmp_path: pathlib.Path) -> None:
    (tmp_path / "sources.csv").write_text("")
    assert data_files(tmp_path) == [name.replace(".json", ".csv") for name in JSON_FILES]


def test_the_package_data_directory_holds_every_data_file() -> None:
    directory = data_directory()
    assert isinstance(directory, PackagePath)  # installed as a plain directory here
    assert pathlib.Path(directory) == pathlib.Path(bkn_awards.__file__).parent / "data"
    assert data_files(directory) == JSON_FILES
    assert all((directory / name).is_file() for name in JSON_FILES)


def test_a_zipped_package_reads_its_bundled_files_through_importlib_resources(
    tmp_path: pathlib.Path,
) -> None:
    package = pathlib.Path(bkn_awards.__file__).parent
    archive = tmp_path / "bkn_awards.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, path.relative_to(package.parent).as_posix())
    code = (
        "import sys, bkn_awards; "
        "print(bkn_awards.__file__, len(bkn_awards.awards()), 'importlib_resources' in sys.modules)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(archive)},
        capture_output=True,
        text=True,
        check=True,
    )
    location, awards, used = output.stdout.split()
    assert location.startswith(str(archive))
    assert (int(awards), used) == (len(bkn_awards.awards()), "True")


def test_the_bundled_files_are_in_canonical_form() -> None:
    # One layout (two-space indent, UTF-8 as is) keeps every data change a readable diff.
    for filename, _ in RECORD_FILES:
        text = (BUNDLED / filename).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", filename


def test_a_record_names_the_file_that_holds_its_type() -> None:
    for name, records in bkn_awards.load().records_by_file().items():
        assert all(file_of(record) == f"{name}.json" for record in records), name
    with pytest.raises(StopIteration):
        file_of(object())


def test_links_are_read_from_the_field_types() -> None:
    assert links(Award) == (
        Link("institution", Institution, "institutions.json", False),
        Link("category", bkn_awards.Category, "categories.json", False),
        Link("event", Event, "events.json", False),
        Link("recipient", Official, "officials.json", False),
    )
    presenters = next(link for link in links(Event) if link.field == "presenters")
    assert presenters == Link("presenters", Official, "officials.json", True)
    assert links(Source) == ()
    assert links(Institution) == ()


def test_every_link_field_holds_ids_of_its_file_in_the_data_files() -> None:
    raw = {name: json.loads((BUNDLED / name).read_text(encoding="utf-8")) for name in JSON_FILES}
    for filename, cls in RECORD_FILES:
        for link in links(cls):
            ids = {record["id"] for record in raw[link.file]}
            for record in raw[filename]:
                value = record[link.field]
                linked = value if link.many else [] if value is None else [value]
                assert set(linked) <= ids, (filename, record["id"], link.field)


def test_an_optional_type_is_split_from_its_none() -> None:
    assert unwrap_optional(int | None) == (int, True)
    assert unwrap_optional(Institution | None) == (Institution, True)
    assert unwrap_optional(str) == (str, False)
    assert unwrap_optional(tuple[int, ...]) == (tuple[int, ...], False)
