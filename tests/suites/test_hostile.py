"""Hostile input, misuse and faults: typed errors only, bounded memory, nothing half-written."""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import tracemalloc
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import bkn_awards
from bkn_awards import (
    BknAwardsError,
    DataError,
    ExportError,
    QueryError,
    UnknownCategoryError,
    UnknownInstitutionError,
)
from bkn_awards.cli import main
from bkn_awards.formats import export
from bkn_awards.layout import RECORD_FILES
from bkn_awards.rows import cell_text
from datafiles import bundled_count, copy_bundled, read_records, write_records
from strategies import datasets, write_dataset

# --- Queries take what a user has in hand ------------------------------------------------------


@pytest.mark.parametrize(
    "year", [np.int64(2022), np.int32(2022), np.uint16(2022), [np.int64(2022)]]
)
def test_queries_take_numpy_integers(year: object) -> None:
    assert bkn_awards.awards(year=year) == bkn_awards.awards(year=2022)


def test_a_year_taken_from_to_pandas_is_a_year() -> None:
    frame = bkn_awards.awards().to_pandas()
    year, rank = frame["year"].iloc[0], frame["rank"].dropna().iloc[0]
    assert bkn_awards.awards(year=year, rank=rank)
    assert bkn_awards.events(year=frame["year"].unique())


@pytest.mark.parametrize("value", [True, np.bool_(True), 2022.0, "2022.0", b"2022", None])
def test_a_bool_or_other_non_integer_is_refused(value: object) -> None:
    with pytest.raises(QueryError, match="year must be a whole number"):
        bkn_awards.awards(year=[value])


def test_records_from_another_dataset_are_matched_by_id(data_dir: pathlib.Path) -> None:
    other = bkn_awards.load(data_dir)
    category = other.categories(year=2020)[0]
    institution = other.institution("Kab. Sidoarjo")
    assert category is not bkn_awards.categories(year=2020)[0]
    found = bkn_awards.awards(year=2020, category=category, institution=institution)
    assert found == bkn_awards.awards(year=2020, category=category.id, institution="kab-sidoarjo")
    assert bkn_awards.institution(institution) is bkn_awards.institution("kab-sidoarjo")


def test_records_this_dataset_does_not_have_are_refused_by_name(data_dir: pathlib.Path) -> None:
    categories = read_records(data_dir, "categories.json")
    of_2020 = next(c for c in categories if c["year"] == 2020)
    categories.append({**of_2020, "id": "2020-extra", "name": "Kategori Tambahan"})
    write_records(data_dir, "categories.json", categories)
    institutions = read_records(data_dir, "institutions.json")
    bkn = next(i for i in institutions if i["id"] == "bkn")
    # An agency the bundled data has not (any region's government it knows from the table).
    institutions.append({**bkn, "id": "lkpp", "name": "LKPP", "aliases": []})
    write_records(data_dir, "institutions.json", institutions)
    other = bkn_awards.load(data_dir)
    with pytest.raises(UnknownCategoryError, match="2020-extra"):
        bkn_awards.awards(year=2020, category=other.categories(year=2020)[-1])
    with pytest.raises(UnknownInstitutionError, match="lkpp"):
        bkn_awards.awards(institution=other.institution("lkpp"))


# --- Memory stays bounded ----------------------------------------------------------------------


def test_many_distinct_large_queries_leave_nothing_behind() -> None:
    bkn_awards.institution("Kab. Sidoarjo")  # the name table, made once, is not a leak
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(50):
            text = f"{n} " + "x" * 1_000_000
            with pytest.raises(UnknownInstitutionError):
                bkn_awards.institution(text)
            with pytest.raises(UnknownCategoryError):
                bkn_awards.awards(category=text)
        del text
        gc.collect()
        left = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert left < 1_000_000, f"{left:,} bytes left after 100 queries of 1 MB"


# --- Whatever loads, exports ---------------------------------------------------------------------


def test_the_largest_rank_that_loads_converts_to_pandas(data_dir: pathlib.Path) -> None:
    awards = read_records(data_dir, "awards.json")
    (placing,) = awards[0]["placings"]
    placing["rank"] = 2**63 - 1
    write_records(data_dir, "awards.json", awards)
    frame = bkn_awards.load(data_dir).awards(sort="data").to_pandas()
    assert frame["rank"].iloc[0] == 2**63 - 1
    assert list(frame["ranks"].iloc[0]) == [2**63 - 1]


# --- Reading the file system ---------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_for_a_data_file_is_refused_without_hanging(data_dir: pathlib.Path) -> None:
    (data_dir / "tallies.json").unlink()
    os.mkfifo(data_dir / "tallies.json")
    with pytest.raises(DataError, match=r"tallies\.json: not a regular file"):
        bkn_awards.load(data_dir)


def test_a_directory_for_a_data_file_is_refused(data_dir: pathlib.Path) -> None:
    (data_dir / "tallies.json").unlink()
    (data_dir / "tallies.json").mkdir()
    with pytest.raises(DataError, match=r"tallies\.json: not a regular file"):
        bkn_awards.load(data_dir)


def test_files_that_vanish_after_loading_give_a_typed_error(data_dir: pathlib.Path) -> None:
    data = bkn_awards.load(data_dir)
    (data_dir / "awards.json").unlink()
    with pytest.raises(DataError, match=r"awards.json: cannot be read"):
        data.manifest()


@pytest.mark.parametrize("filename", ["../../etc/passwd", "a/b.txt", "..", ".", "a\\b.txt"])
def test_a_source_file_name_is_a_plain_file_name(data_dir: pathlib.Path, filename: str) -> None:
    sources = read_records(data_dir, "sources.json")
    sources[0]["filename"] = filename
    write_records(data_dir, "sources.json", sources)
    with pytest.raises(DataError, match="filename: must be a plain file name"):
        bkn_awards.load(data_dir)


def test_no_error_of_the_library_is_a_bare_exception() -> None:
    assert issubclass(DataError, BknAwardsError)
    code = "import bkn_awards; bkn_awards.load('/nonexistent/dir')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "bkn_awards.errors.DataError: 1 problem in the award data" in result.stderr


# --- Export is safe and atomic -------------------------------------------------------------------


def test_an_export_needs_a_directory() -> None:
    with pytest.raises(ExportError, match="needs a directory"):
        export(bkn_awards.load(), "", fmt="csv")
    assert main(["export", "--format", "csv", ""]) == 2


def test_an_export_does_not_overwrite_without_being_told(tmp_path: pathlib.Path) -> None:
    (tmp_path / "awards.csv").write_text("mine")
    with pytest.raises(ExportError, match=r"awards\.csv already; overwrite them with --force"):
        export(bkn_awards.load(), tmp_path, fmt="csv")
    assert (tmp_path / "awards.csv").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["awards.csv"]
    written = export(bkn_awards.load(), tmp_path, fmt="csv", overwrite=True)
    assert (tmp_path / "awards.csv").read_text().startswith("id,year,institution")
    assert len(written) == len(RECORD_FILES)


def test_an_export_replaces_a_link_and_never_writes_through_it(tmp_path: pathlib.Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    target = tmp_path / "out"
    target.mkdir()
    (target / "awards.json").symlink_to(outside)
    with pytest.raises(ExportError):
        export(bkn_awards.load(), target, fmt="json")
    assert main(["export", "--format", "json", "--force", str(target)]) == 0
    assert outside.read_text() == "keep me"
    assert not (target / "awards.json").is_symlink()
    assert json.loads((target / "awards.json").read_text())[0]["id"]


def test_a_failed_export_leaves_nothing_half_written(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    written: list[str] = []
    real = pathlib.Path.write_bytes

    def fail_on_the_third(path: pathlib.Path, data: bytes) -> int:
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        written.append(path.name)
        return real(path, data)

    monkeypatch.setattr(pathlib.Path, "write_bytes", fail_on_the_third)
    with pytest.raises(OSError, match="No space left"):
        export(bkn_awards.load(), target, fmt="datapackage")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # and no staging directory is left behind


# --- The command line never shows a traceback ---------------------------------------------------

COMMAND = [sys.executable, "-m", "bkn_awards"]


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    # The reader goes away before the command writes, as `bkn-awards awards | head -0` does.
    process = subprocess.Popen(
        [*COMMAND, "awards", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    with process.stderr:
        status = process.wait(timeout=60)
        assert process.stderr.read() == b""
    assert status in (0, 141)


def test_ctrl_c_exits_130_with_one_line() -> None:
    code = (
        "import signal, sys, bkn_awards.cli as cli\n"
        "def stop(*_): raise KeyboardInterrupt\n"
        "cli.load = lambda *a: stop()\n"
        "sys.exit(cli.main(['awards']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 130
    assert done.stderr == "bkn-awards: interrupted\n"


def test_what_the_terminal_cannot_show_is_escaped(tmp_path: pathlib.Path) -> None:
    directory = tmp_path / "dat\u00e9"
    directory.mkdir()
    copy_bundled(directory)
    environment = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [*COMMAND, "validate", str(directory)], capture_output=True, text=True, env=environment
    )
    assert done.stderr == ""
    assert done.returncode == 0
    sources = bundled_count("sources.json")
    assert done.stdout.startswith(f"{tmp_path}/dat\\xe9: valid, {sources} sources, ")


def test_repeated_options_add_up_or_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["awards", "--year", "2020", "--year", "2022", "--format", "json"]) == 0
    years = {row["year"] for row in json.loads(capsys.readouterr().out)}
    assert years == {2020, 2022}
    with pytest.raises(SystemExit) as stopped:
        main(["awards", "--institution", "Kota Malang", "--institution", "Kota Kediri"])
    assert stopped.value.code == 2
    assert "--institution given twice; give it once" in capsys.readouterr().err


# --- Fuzzing every data file, and every export of whatever loads --------------------------------

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(codec="utf-8") | st.characters(categories=["Cs"]), max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(
    filename=st.sampled_from([name for name, _ in RECORD_FILES]),
    content=st.binary(max_size=500)
    | _JSON.map(lambda value: json.dumps(value).encode())
    | st.lists(_JSON, max_size=4).map(lambda value: json.dumps(value).encode()),
)
@settings(max_examples=200)
def test_random_bytes_or_json_in_any_data_file_give_only_data_errors(
    filename: str, content: bytes
) -> None:
    with tempfile.TemporaryDirectory() as name:
        directory = copy_bundled(pathlib.Path(name))
        (directory / filename).write_bytes(content)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        outcome = _outcome(directory)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert outcome is None or (isinstance(outcome, DataError) and outcome.problems), outcome
    assert grown < 50 * 1024  # KiB: the peak of the process rose by less than 50 MB


def _outcome(directory: pathlib.Path) -> Exception | None:
    try:
        bkn_awards.load(directory)
    except Exception as error:  # the property: DataError is the only kind
        return error
    return None


@given(datasets())
@settings(max_examples=25)
def test_whatever_loads_every_format_writes_and_reads_back(data: dict[str, list[Any]]) -> None:
    with tempfile.TemporaryDirectory() as name:
        root = pathlib.Path(name)
        (root / "data").mkdir()
        write_dataset(root / "data", data)
        loaded = bkn_awards.load(root / "data")
        for fmt in ("json", "csv", "datapackage"):
            export(loaded, root / fmt, fmt=fmt)
        # The data files and the Data Package load back as the very records written.
        for again in (
            root / "json",
            root / "datapackage",
            root / "datapackage" / "datapackage.json",
        ):
            assert bkn_awards.load(again).records_by_file() == loaded.records_by_file()
        for filename, _ in RECORD_FILES:
            stem = filename.removesuffix(".json")
            records = loaded.records_by_file()[stem]
            rows = json.loads(records.to_json())  # lists stay lists
            with (root / "csv" / f"{stem}.csv").open(encoding="utf-8", newline="") as stream:
                cells = list(csv.DictReader(stream))
            assert cells == [{k: _cell(v) for k, v in row.items()} for row in rows]
            if records:
                frame = records.to_pandas()
                assert list(frame["id"]) == [r.id for r in records]
    awards = loaded.awards()
    if awards:
        frame = awards.to_pandas()
        ranks = frame["rank"]
        assert [None if r is pd.NA else int(r) for r in ranks] == [a.rank for a in awards]
        assert [tuple(r) for r in frame["ranks"]] == [a.ranks for a in awards]
        assert list(frame["disputed"]) == [a.disputed for a in awards]


def _cell(value: Any) -> str:
    return "" if value is None else cell_text(value)


def test_citation_checks_open_nothing_outside_their_directory(data_dir: pathlib.Path) -> None:
    text = "Judul\nParagraf kedua.\n"
    sources = read_records(data_dir, "sources.json")
    sources[0]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    sources[0]["filename"] = "a.txt"
    write_records(data_dir, "sources.json", sources)
    data = bkn_awards.load(data_dir)
    outside, articles = data_dir / "outside.txt", data_dir / "articles"
    outside.write_text(text)
    articles.mkdir()
    (articles / "a.txt").symlink_to(outside)

    def missing() -> bool:
        report = data.verify_citations(articles)
        return any(p.record == sources[0]["id"] and not p.paragraphs for p in report.problems)

    assert missing()  # the link is not followed, so the article is not found
    (articles / "a.txt").unlink()
    (articles / "a.txt").write_text(text)
    assert not missing()
