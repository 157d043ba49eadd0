from __future__ import annotations

import json
import pathlib
from typing import Any

import importlib_resources
import pytest

import bkn_awards
from bkn_awards import DataError
from bkn_awards.converter import make_converter, record_unstructurer
from bkn_awards.layout import RECORD_FILES

BUNDLED = importlib_resources.files("bkn_awards") / "data"


def _read(directory: pathlib.Path, filename: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((directory / filename).read_text(encoding="utf-8"))
    return records


def _write(directory: pathlib.Path, filename: str, records: Any) -> None:
    (directory / filename).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def data_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the bundled data files, for a test to change."""
    for filename, _ in RECORD_FILES:
        (tmp_path / filename).write_bytes((BUNDLED / filename).read_bytes())
    return tmp_path


def test_the_bundled_dataset_is_loaded_once_and_shared() -> None:
    assert bkn_awards.load() is bkn_awards.load()
    assert bkn_awards.load().awards() == bkn_awards.awards()


def test_a_copy_of_the_bundled_files_loads_the_same_records(data_dir: pathlib.Path) -> None:
    copy = bkn_awards.load(data_dir)
    assert copy is not bkn_awards.load()
    assert copy.awards() == bkn_awards.awards()
    assert copy.events() == bkn_awards.events()
    assert str(data_dir) != ""  # a str path works as well as a Path
    assert bkn_awards.load(str(data_dir)).tallies() == bkn_awards.tallies()


def test_every_record_unstructures_to_its_line_in_the_data_files() -> None:
    converter = make_converter()
    data = bkn_awards.load()
    listings = {
        "sources.json": data.sources(),
        "institutions.json": data.institutions(),
        "officials.json": data.officials(),
        "editions.json": data.editions(),
        "categories.json": data.categories(),
        "events.json": data.events(),
        "awards.json": data.awards(),
        "tallies.json": data.tallies(),
    }
    assert set(listings) == {filename for filename, _ in RECORD_FILES}
    for filename, cls in RECORD_FILES:
        to_json = record_unstructurer(converter, cls)
        written = json.loads(json.dumps([to_json(r) for r in listings[filename]]))
        assert written == json.loads((BUNDLED / filename).read_text(encoding="utf-8")), filename


def test_a_user_directory_extends_the_data(data_dir: pathlib.Path) -> None:
    categories = _read(data_dir, "categories.json")
    categories.append(
        {
            "id": "2023-penilaian-kinerja-example",
            "year": 2023,
            "name": "Contoh Kategori Tambahan",
            "number": None,
            "citations": [{"source": "unattributed-2023-pemprov-jatim", "paragraphs": [2]}],
        }
    )
    _write(data_dir, "categories.json", categories)
    awards = _read(data_dir, "awards.json")
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
            "citations": [{"source": "unattributed-2023-pemprov-jatim", "paragraphs": [2]}],
        }
    )
    _write(data_dir, "awards.json", awards)
    extended = bkn_awards.load(data_dir)
    (added,) = extended.awards(year=2023, institution="Kab. Sidoarjo")
    assert added.category.name == "Contoh Kategori Tambahan"
    assert added.institution is extended.institution("kab-sidoarjo")
    assert len(extended.awards()) == len(bkn_awards.awards()) + 1
    # The bundled data is untouched.
    assert bkn_awards.awards(year=2023, institution="Kab. Sidoarjo") == ()


def _break(data_dir: pathlib.Path, filename: str, index: int, **changes: Any) -> None:
    records = _read(data_dir, filename)
    for key, value in changes.items():
        if value is _DROP:
            del records[index][key]
        else:
            records[index][key] = value
    _write(data_dir, filename, records)


_DROP = object()


@pytest.mark.parametrize(
    ("filename", "index", "changes", "expected"),
    [
        (
            "awards.json",
            3,
            {"rank": _DROP},
            "awards.json: record '2020-kab-sidoarjo-penilaian-kompetensi': rank: "
            "required field missing",
        ),
        (
            "awards.json",
            0,
            {"prize": "trophy"},
            "awards.json: record '2020-pemprov-jatim-perencanaan-kebutuhan-pelayanan-pengadaan-"
            "kepangkatan-pensiun': (record): unknown field(s) prize",
        ),
        (
            "editions.json",
            1,
            {"year": "2022"},
            "editions.json: record '2022': year: expected int, got str",
        ),
        (
            "awards.json",
            2,
            {"institution": "kota-atlantis"},
            "awards.json: record '2020-kota-malang-perencanaan-kebutuhan-pelayanan-pengadaan-"
            "kepangkatan-pensiun': institution: no institution has the id 'kota-atlantis'",
        ),
        (
            "tallies.json",
            0,
            {"count": -1},
            "tallies.json: record '2020-jawa-timur': (record): count must not be negative, got -1",
        ),
        (
            "sources.json",
            1,
            {"published": "2022-08-11T18:36:00"},
            "sources.json: record 'bangsaonline-2022-pemkab-mojokerto': published: "
            "'2022-08-11T18:36:00' has no UTC offset (WIB is +07:00)",
        ),
        (
            "institutions.json",
            2,
            {"aliases": "Tulungagung"},
            "institutions.json: record 'kab-tulungagung': aliases: expected a list, got str",
        ),
        (
            "events.json",
            0,
            {"date": "17 Desember 2020"},
            "events.json: record '2020-ceremony': date: "
            "Invalid isoformat string: '17 Desember 2020'",
        ),
        (
            "categories.json",
            0,
            {"citations": [{"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [0]}]},
            "categories.json: record '2020-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-"
            "pensiun': citations[0]: paragraphs must be at least 1, got 0",
        ),
    ],
)
def test_a_bad_record_is_refused_naming_file_record_and_field(
    data_dir: pathlib.Path, filename: str, index: int, changes: dict[str, Any], expected: str
) -> None:
    _break(data_dir, filename, index, **changes)
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    assert expected in caught.value.problems
    assert isinstance(caught.value, ValueError)
    assert len(bkn_awards.awards()) == 17


def test_every_problem_is_listed_once_at_its_root(data_dir: pathlib.Path) -> None:
    _break(data_dir, "institutions.json", 3, kind="village")
    _break(data_dir, "awards.json", 0, rank=0, year=True)
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    problems = caught.value.problems
    assert problems[0].startswith("institutions.json: record 'kab-sidoarjo': kind: ")
    assert any(
        p.startswith("awards.json: record '2020-pemprov-jatim") and "year" in p for p in problems
    )
    assert str(caught.value).startswith(f"{len(problems)} problems in the award data:")


def test_a_duplicate_id_is_refused(data_dir: pathlib.Path) -> None:
    sources = _read(data_dir, "sources.json")
    _write(data_dir, "sources.json", [*sources, sources[0]])
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    assert caught.value.problems == (
        "sources.json: record 'surabayapagi-2022-pemkab-mojokerto': id: duplicate id "
        "'surabayapagi-2022-pemkab-mojokerto'",
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'[{"id": "x",', "awards.json: line 1, column 13: invalid JSON: Expecting property name"),
        (b"\xff\xfe[]", "awards.json: not UTF-8 (byte 0xff at offset 0)"),
        (b'{"id": "x"}', "awards.json: expected a JSON list of records, got dict"),
        (b"[3]", "awards.json: record #0: (record): expected a JSON object"),
        (
            b'[{"id": "a", "citations": [7]}]',
            "awards.json: record 'a': citations[0]: expected a JSON object",
        ),
    ],
)
def test_a_file_that_is_not_a_json_list_is_refused(
    data_dir: pathlib.Path, content: bytes, expected: str
) -> None:
    (data_dir / "awards.json").write_bytes(content)
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir)
    assert any(problem.startswith(expected) for problem in caught.value.problems)


def test_a_missing_file_or_directory_is_refused(data_dir: pathlib.Path) -> None:
    (data_dir / "tallies.json").unlink()
    with pytest.raises(DataError, match=r"tallies\.json: the file is missing"):
        bkn_awards.load(data_dir)
    with pytest.raises(DataError, match="not a directory"):
        bkn_awards.load(data_dir / "nowhere")


def test_the_bundled_files_are_in_canonical_form() -> None:
    # One layout (two-space indent, UTF-8 as is) keeps every data change a readable diff.
    for filename, _ in RECORD_FILES:
        text = (BUNDLED / filename).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", filename
