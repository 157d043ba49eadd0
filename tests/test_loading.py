"""Reading a data directory: each file to records, or every problem found, naming its file."""

from __future__ import annotations

import gc
import pathlib
import subprocess
import sys

import pytest

import bkn_awards
from bkn_awards import DataError
from bkn_awards.formats import export
from bkn_awards.layout import FILE_NAMES, RECORD_FILES
from bkn_awards.loading import PROBLEMS_LISTED, Loaded, read_files
from datafiles import BUNDLED, load_problems, read_records, write_records


def _kept(loaded: Loaded) -> Loaded:
    return loaded


def test_a_copy_of_the_bundled_files_loads_the_same_records(data_dir: pathlib.Path) -> None:
    # The full path: it checks the regional governments against the region table, which the
    # bundled load skips.
    copy = bkn_awards.load(data_dir)
    assert copy is not bkn_awards.load()
    assert copy.awards() == bkn_awards.awards()
    assert copy.events() == bkn_awards.events()
    assert bkn_awards.load(str(data_dir)).tallies() == bkn_awards.tallies()


def test_a_directory_reads_as_each_file_s_records_and_their_conflicts(
    data_dir: pathlib.Path,
) -> None:
    loaded = read_files(data_dir, _kept)
    assert list(loaded.files) == list(FILE_NAMES)
    for name in FILE_NAMES:
        assert [r.id for r in loaded.files[name]] == [
            r["id"] for r in read_records(data_dir, f"{name}.json")
        ], name
    assert loaded.conflicts == bkn_awards.conflicts()


def test_a_data_package_directory_reads_from_its_tables(tmp_path: pathlib.Path) -> None:
    export(bkn_awards.load(), tmp_path, fmt="datapackage")
    assert not (tmp_path / "awards.json").exists()
    loaded = read_files(tmp_path, _kept)
    assert dict(loaded.files) == bkn_awards.load().records_by_file()


@pytest.mark.parametrize("fails", [False, True])
@pytest.mark.parametrize("collecting", [False, True])
def test_the_garbage_collector_is_left_as_it_was(
    data_dir: pathlib.Path, collecting: bool, fails: bool
) -> None:
    if fails:
        (data_dir / "awards.json").write_text("[{", encoding="utf-8")
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        try:
            read_files(data_dir, _kept)
        except DataError:
            assert fails
        assert gc.isenabled() == collecting
    finally:
        (gc.enable if was else gc.disable)()


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
    problems = load_problems(data_dir)
    assert any(p.startswith(f"awards.json: {expected}") for p in problems), problems


def test_a_truncated_file_is_refused_with_the_place_it_stops(data_dir: pathlib.Path) -> None:
    path = data_dir / "events.json"
    path.write_bytes(path.read_bytes()[:1000])
    (problem,) = load_problems(data_dir)
    assert problem.startswith("events.json: line ")
    assert "invalid JSON" in problem


def test_bytes_that_are_not_utf8_inside_a_string_are_refused(data_dir: pathlib.Path) -> None:
    path = data_dir / "institutions.json"
    path.write_bytes(path.read_bytes().replace(b"Sidoarjo", b"Sido\xe4rjo", 1))
    (problem,) = load_problems(data_dir)
    assert problem.startswith("institutions.json: not UTF-8 (byte 0xe4 at offset ")


def test_a_missing_file_or_directory_is_refused(data_dir: pathlib.Path) -> None:
    (data_dir / "tallies.json").unlink()
    assert load_problems(data_dir) == ("tallies.json: the file is missing",)
    with pytest.raises(DataError, match="not a directory"):
        bkn_awards.load(data_dir / "nowhere")


def test_many_wrong_records_are_refused_in_bounded_memory(tmp_path: pathlib.Path) -> None:
    for filename, _ in RECORD_FILES:
        (tmp_path / filename).write_bytes((BUNDLED / filename).read_bytes())
    wrong = '{"id": 1}'
    (tmp_path / "awards.json").write_text("[" + ",".join([wrong] * 100_000) + "]")
    assert (tmp_path / "awards.json").stat().st_size < 1_100_000
    # In a process of its own, so that the peak measured (resident memory) is this load's. Its
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over from the forked test
    # process, whose size depends on the tests run before.
    code = f"""
import bkn_awards
try:
    bkn_awards.load({str(tmp_path)!r})
except bkn_awards.DataError as error:
    print(error.count, len(error.problems), str(error).splitlines()[0])
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
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


def test_problems_of_several_files_are_listed_in_the_order_the_files_are_read(
    data_dir: pathlib.Path,
) -> None:
    (data_dir / "tallies.json").unlink()
    (data_dir / "sources.json").write_bytes(b"{}")
    editions = read_records(data_dir, "editions.json")
    editions[0]["number"] = "6"  # a type refused as the record is read, links or not
    write_records(data_dir, "editions.json", editions)
    problems = load_problems(data_dir)
    files = [p.split(":", 1)[0] for p in problems]
    assert files[0] == "sources.json"
    assert files[-1] == "tallies.json"
    assert "editions.json" in files
    order = [name for name, _ in RECORD_FILES]
    assert [order.index(f) for f in files] == sorted(order.index(f) for f in files)
