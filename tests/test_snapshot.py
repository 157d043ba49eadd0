"""The snapshot of the bundled records: equal to the decoded data, refused where it does not fit."""

from __future__ import annotations

import io
import pathlib
import pickle
import shutil
import subprocess
import sys
import zipfile

import pytest

import bkn_awards
from bkn_awards import dataset, snapshot
from bkn_awards.dataset import read_directory
from bkn_awards.layout import FILE_NAMES, data_directory
from bkn_awards.snapshot import FILENAME, SnapshotWarning

REPO = pathlib.Path(__file__).resolve().parents[1]
# The bundled data files, in this checkout or in the installed package.
BUNDLED = pathlib.Path(str(data_directory()))


@pytest.fixture
def with_snapshot(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the bundled data files with a snapshot made of them."""
    directory = tmp_path / "data"
    shutil.copytree(BUNDLED, directory, ignore=shutil.ignore_patterns(FILENAME))
    (directory / FILENAME).write_bytes(snapshot.write(directory))
    return directory


def _equal_to_the_decoded(directory: pathlib.Path, contents: snapshot.Contents) -> None:
    decoded = read_directory(directory)  # every check on, the region table's too
    files, conflicts = contents
    by_file = decoded.records_by_file()
    assert list(files) == list(FILE_NAMES)
    for name in FILE_NAMES:
        # Record by record: attrs compares every field, linked records field by field too.
        assert files[name] == tuple(by_file[name]), name
        assert [type(r) for r in files[name]] == [type(r) for r in by_file[name]]
    assert conflicts == decoded.conflicts()
    assert len(conflicts) == len(bkn_awards.conflicts())


def test_a_snapshot_holds_the_records_the_decoder_makes(with_snapshot: pathlib.Path) -> None:
    contents = snapshot.read(with_snapshot)
    assert contents is not None
    _equal_to_the_decoded(with_snapshot, contents)


def test_a_snapshot_keeps_links_as_shared_records(with_snapshot: pathlib.Path) -> None:
    contents = snapshot.read(with_snapshot)
    assert contents is not None
    files, _ = contents
    institutions = {i.id: i for i in files["institutions"]}
    assert all(a.institution is institutions[a.institution.id] for a in files["awards"])


def test_the_bundled_dataset_is_made_from_a_snapshot_where_there_is_one(
    with_snapshot: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[object] = []
    monkeypatch.setattr(dataset, "data_directory", lambda: with_snapshot)
    monkeypatch.setattr(dataset, "read_directory", lambda *a, **k: read.append(a))
    made = dataset._read_bundled()
    assert read == []  # nothing decoded
    assert made.awards() == bkn_awards.awards()
    assert made.conflicts() == bkn_awards.conflicts()
    assert made.awards(year=2022, province="Jatim", rank=1) == bkn_awards.awards(
        year=2022, province="Jatim", rank=1
    )


def test_the_installed_package_reads_its_snapshot_if_it_has_one() -> None:
    # On a built wheel (CI installs one) the snapshot is there and is what the data comes from;
    # in a checkout there is none, and the data files are decoded.
    if (BUNDLED / FILENAME).is_file():
        contents = snapshot.read(BUNDLED)
        assert contents is not None
        _equal_to_the_decoded(BUNDLED, contents)
    else:
        assert snapshot.read(BUNDLED) is None
        assert (REPO / "src" / "bkn_awards" / "data").is_dir()


def test_no_snapshot_is_no_snapshot_without_a_warning(tmp_path: pathlib.Path) -> None:
    shutil.copytree(BUNDLED, tmp_path / "data", ignore=shutil.ignore_patterns(FILENAME))
    assert snapshot.read(tmp_path / "data") is None  # warnings are errors in the tests


def test_a_snapshot_of_other_data_is_refused(with_snapshot: pathlib.Path) -> None:
    awards = with_snapshot / "awards.json"
    awards.write_bytes(awards.read_bytes().replace(b'"rank": 1,', b'"rank": 2,', 1))
    with pytest.warns(SnapshotWarning, match="made of other data files"):
        assert snapshot.read(with_snapshot) is None


def test_a_snapshot_of_another_version_is_refused(
    with_snapshot: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "VERSION", "0.0.1")
    with pytest.warns(SnapshotWarning, match="by another version"):
        assert snapshot.read(with_snapshot) is None


@pytest.mark.parametrize("cut", [0, 1, 100, -1])
def test_a_corrupt_snapshot_is_refused(with_snapshot: pathlib.Path, cut: int) -> None:
    path = with_snapshot / FILENAME
    path.write_bytes(path.read_bytes()[:cut])
    with pytest.warns(SnapshotWarning, match="cannot be read"):
        assert snapshot.read(with_snapshot) is None


class _Runs:
    """A pickle that, unpickled by a plain unpickler, would call a function of its choosing."""

    def __init__(self, function: object, *args: object) -> None:
        self.call = (function, args)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return self.call


@pytest.mark.parametrize(
    "function",
    [shutil.rmtree, subprocess.call, eval, pathlib.Path.touch],
    ids=["rmtree", "subprocess", "eval", "touch"],
)
def test_a_foreign_snapshot_never_runs_its_code(
    with_snapshot: pathlib.Path, tmp_path: pathlib.Path, function: object
) -> None:
    target = tmp_path / "made-by-the-snapshot"
    buffer = io.BytesIO()
    pickle.dump(snapshot.fingerprint(with_snapshot), buffer)
    pickle.dump(_Runs(function, str(target)), buffer)
    (with_snapshot / FILENAME).write_bytes(buffer.getvalue())
    with pytest.warns(SnapshotWarning, match="is not a class a snapshot may hold"):
        assert snapshot.read(with_snapshot) is None
    assert not target.exists()


def test_a_snapshot_of_the_wrong_shape_is_refused(with_snapshot: pathlib.Path) -> None:
    buffer = io.BytesIO()
    pickle.dump(snapshot.fingerprint(with_snapshot), buffer)
    pickle.dump(({"awards": ()}, ()), buffer)
    (with_snapshot / FILENAME).write_bytes(buffer.getvalue())
    with pytest.warns(SnapshotWarning, match="does not hold the records"):
        assert snapshot.read(with_snapshot) is None


def test_the_wheel_carries_a_snapshot_that_matches_its_data(tmp_path: pathlib.Path) -> None:
    # Built as pip builds it, with the build hook; the backend is the one installed here.
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    command += ["--no-build-isolation", "-w", str(tmp_path), str(REPO)]
    subprocess.run(command, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("bkn_awards-*.whl")
    with zipfile.ZipFile(wheel) as zipped:
        zipped.extractall(tmp_path / "site")
    directory = tmp_path / "site" / "bkn_awards" / "data"
    contents = snapshot.read(directory)
    assert contents is not None
    _equal_to_the_decoded(directory, contents)
    # The installed package reads it without the decoder: cattrs is never imported.
    code = "import sys, bkn_awards; bkn_awards.awards(year=2022); print('cattrs' in sys.modules)"
    environment = {"PYTHONPATH": str(tmp_path / "site"), "PATH": ""}
    shown = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "False"
