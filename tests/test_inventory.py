"""A dataset's manifest: versions, counts by type and year, sources, and the files' fingerprints."""

from __future__ import annotations

import hashlib
import json
import pathlib
from collections import Counter

import pytest

import bkn_awards
from bkn_awards.inventory import Manifest, describe
from bkn_awards.layout import FILE_NAMES, RECORD_FILES
from datafiles import BUNDLED, read_records, write_records


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


def test_the_manifest_fingerprints_the_package_data_files() -> None:
    package = pathlib.Path(bkn_awards.__file__).parent
    assert bkn_awards.manifest().files == {
        name: hashlib.sha256((package / "data" / name).read_bytes()).hexdigest()
        for name, _ in RECORD_FILES
    }


def test_manifest_data_version_follows_the_data(data_dir: pathlib.Path) -> None:
    same = bkn_awards.load(data_dir).manifest()
    assert same.data_version == bkn_awards.manifest().data_version
    events = read_records(data_dir, "events.json")
    events[0]["description"] += " (edited)"
    write_records(data_dir, "events.json", events)
    assert bkn_awards.load(data_dir).manifest().data_version != same.data_version


def test_the_data_version_is_a_digest_of_every_file_s_fingerprint() -> None:
    manifest = bkn_awards.manifest()
    lines = "".join(f"{name}:{digest}\n" for name, digest in sorted(manifest.files.items()))
    assert manifest.data_version == hashlib.sha256(lines.encode()).hexdigest()[:12]


def test_records_with_no_directory_are_counted_but_not_fingerprinted() -> None:
    files = bkn_awards.load().records_by_file()
    manifest = describe(files, None)
    assert isinstance(manifest, Manifest)
    assert (manifest.data_version, dict(manifest.files)) == ("unknown", {})
    assert dict(manifest.counts) == {name: len(records) for name, records in files.items()}
    assert manifest.sources == tuple(s.id for s in files["sources"])


def test_only_records_with_years_are_counted_by_year() -> None:
    manifest = bkn_awards.manifest()
    assert set(manifest.counts_by_year) == {"editions", "categories", "events", "awards", "tallies"}
    for name, by_year in manifest.counts_by_year.items():
        assert list(by_year) == sorted(by_year), name
        assert sum(by_year.values()) == manifest.counts[name], name
    with pytest.raises(TypeError):
        manifest.counts_by_year["awards"][2020] = 0  # type: ignore[index]


def test_the_manifest_as_plain_data_is_json_ready() -> None:
    manifest = bkn_awards.manifest()
    plain = manifest.to_dict()
    assert json.loads(json.dumps(plain)) == plain
    assert list(plain) == [
        "library_version",
        "data_version",
        "counts",
        "counts_by_year",
        "sources",
        "files",
    ]
    assert list(plain["counts"]) == list(FILE_NAMES)
    assert plain["sources"] == [s.id for s in bkn_awards.sources()]
