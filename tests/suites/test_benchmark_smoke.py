"""A smoke run of the benchmark: tiny sizes, no timing asserted, every figure printed."""

from __future__ import annotations

import pathlib
import sys

import pytest

BENCHMARKS = pathlib.Path(__file__).resolve().parents[2] / "benchmarks"


def test_the_benchmark_runs_and_prints_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import bench
    finally:
        sys.path.remove(str(BENCHMARKS))
    assert bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    # The five figures with targets, each beside its reference.
    for figure, target in (
        ("cold: import + first query", "<= 1.1x"),
        ("cold: bkn-awards awards --year 2022", "<= 6.5x"),
        ("load 200 awards", "<= 12.8x"),
        ("query at 200: two filters (year, category)", "<= 50 us"),
        ("query at 200: two filters (institution, rank)", "<= 50 us"),
        ("memory per award at 200", "< 600 B"),
    ):
        (line,) = [line for line in out.splitlines() if line.startswith(figure)]
        assert target in line, line
    # The floors: what the dependencies alone cost, beside the references of the targets.
    for floor, reference in (
        ("floor: import attrs, pickle ", "pycountry lookup"),
        ("floor: import attrs, pickle, argparse", "python -c pass"),
    ):
        (line,) = [line for line in out.splitlines() if line.startswith(floor)]
        assert reference in line, line
    assert "msgspec, same JSON and rules" in out
    assert "pycountry lookup" in out
    assert out.rstrip().splitlines()[-1].startswith(("every target met", "missed: "))


def test_synthetic_data_loads_and_answers_like_real_data(tmp_path: pathlib.Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from synthetic import write_dataset
    finally:
        sys.path.remove(str(BENCHMARKS))
    import bkn_awards

    data = bkn_awards.load(write_dataset(tmp_path, 500, institutions=20))
    assert len(data.awards()) == 500
    assert len(data.editions()) == 10
    found = data.awards(year=2015, category="penilaian kompetensi")
    assert found
    assert all(a.year == 2015 and a.category and "Kompetensi" in a.category.name for a in found)
    assert {a.category.theme.value for a in found if a.category} == {"competency"}
    assert sum(len(data.awards(year=e.year)) for e in data.editions()) == 500
