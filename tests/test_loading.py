from __future__ import annotations

import hashlib
import json
import os
import pathlib
import subprocess
import sys
import zipfile

import pytest

import bkn_awards
from bkn_awards.codec import unstructure
from bkn_awards.layout import RECORD_FILES
from datafiles import BUNDLED, read_records, write_records


def test_the_bundled_dataset_is_loaded_once_and_shared() -> None:
    assert bkn_awards.load() is bkn_awards.load()
    assert bkn_awards.load().awards() == bkn_awards.awards()


@pytest.mark.parametrize(
    "code", ["import bkn_awards", "import bkn_awards; bkn_awards.awards(year=2022)"]
)
def test_neither_import_nor_a_first_query_needs_dateutil_resources_or_the_region_table(
    code: str,
) -> None:
    # The first query reads the package's own directory; dates in the files are ISO 8601; the
    # bundled data is checked against the region table by the tests, not at every start.
    lazy = "{'dateutil', 'importlib_resources', 'csv'}"
    check = f"import sys; print(sorted({lazy} & set(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", f"{code}; {check}"], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"


def test_the_manifest_fingerprints_the_package_data_files() -> None:
    package = pathlib.Path(bkn_awards.__file__).parent
    assert bkn_awards.manifest().files == {
        name: hashlib.sha256((package / "data" / name).read_bytes()).hexdigest()
        for name, _ in RECORD_FILES
    }


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


def test_a_copy_of_the_bundled_files_loads_the_same_records(data_dir: pathlib.Path) -> None:
    # The full path: it checks the regional governments against the region table, which the
    # bundled load skips.
    copy = bkn_awards.load(data_dir)
    assert copy is not bkn_awards.load()
    assert copy.awards() == bkn_awards.awards()
    assert copy.events() == bkn_awards.events()
    assert bkn_awards.load(str(data_dir)).tallies() == bkn_awards.tallies()


def test_every_record_unstructures_to_its_line_in_the_data_files() -> None:
    data = bkn_awards.load()
    by_file = data.records_by_file()
    assert list(by_file) == [filename.removesuffix(".json") for filename, _ in RECORD_FILES]
    # Each group is what the listing function of the same name returns.
    assert all(records == getattr(data, name)() for name, records in by_file.items())
    for filename, _ in RECORD_FILES:
        records = by_file[filename.removesuffix(".json")]
        written = json.loads(json.dumps([unstructure(r) for r in records]))
        assert written == json.loads((BUNDLED / filename).read_text(encoding="utf-8")), filename


def test_a_user_directory_extends_the_data(data_dir: pathlib.Path) -> None:
    categories = read_records(data_dir, "categories.json")
    categories.append(
        {
            "id": "2023-penilaian-kinerja-example",
            "year": 2023,
            "name": "Contoh Kategori Tambahan",
            "name_en": "An example extra category",
            "theme": "performance",
            "number": None,
            "citations": [
                {"source": "unattributed-2023-pemprov-jatim", "paragraphs": [2], "part": None}
            ],
        }
    )
    write_records(data_dir, "categories.json", categories)
    awards = read_records(data_dir, "awards.json")
    awards.append(
        {
            "id": "2023-kab-sidoarjo-example",
            "year": 2023,
            "institution": "kab-sidoarjo",
            "category": "2023-penilaian-kinerja-example",
            "rank": 3,
            "rank_label": "Ranking 3",
            "group": None,
            "event": None,
            "recipient": None,
            "citations": [
                {"source": "unattributed-2023-pemprov-jatim", "paragraphs": [2], "part": None}
            ],
        }
    )
    write_records(data_dir, "awards.json", awards)
    extended = bkn_awards.load(data_dir)
    (added,) = extended.awards(year=2023, institution="Kab. Sidoarjo")
    assert added.category is not None
    assert added.category.name == "Contoh Kategori Tambahan"
    assert extended.awards(theme="performance", year=2023, institution="kab-sidoarjo") == (added,)
    assert added.institution is extended.institution("kab-sidoarjo")
    assert len(extended.awards()) == len(bkn_awards.awards()) + 1
    # The bundled data is untouched.
    assert bkn_awards.awards(year=2023, institution="Kab. Sidoarjo") == ()


def test_the_bundled_files_are_in_canonical_form() -> None:
    # One layout (two-space indent, UTF-8 as is) keeps every data change a readable diff.
    for filename, _ in RECORD_FILES:
        text = (BUNDLED / filename).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", filename
