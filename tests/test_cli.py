from __future__ import annotations

import subprocess
import sys

import pytest

from bkn_awards.cli import main


def test_year_prints_the_awards_with_their_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--year", "2022"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == [
        "Year",
        "Institution",
        "Category",
        "Rank",
        "As",
        "reported",
        "Group",
        "Cited",
        "in",
    ]
    rows = [line for line in lines[1:] if line.startswith("2022")]
    assert len(rows) == 4
    assert "Pemerintah Kabupaten Mojokerto" in rows[0]
    assert "terbaik" in rows[0]
    assert "[1] paragraphs 1, 5, 6; [2] paragraphs 2, 3" in rows[0]
    assert "[1] surabayapagi.com, 2022-08-11 18:36 +0700: Pemkab Mojokerto Sabet" in out
    assert "[3] publisher not named, undated: untitled article (002_de5782a7f3fe7709.txt)" in out


def test_filters_combine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--institution", "Pemprov Jatim", "--rank", "1", "2", "--year", "2023"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("2023")]
    assert len(rows) == 3


def test_no_match_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--year", "2021"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "bkn-awards: no awards match\n"


def test_ambiguous_name_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--institution", "Mojokerto"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bkn-awards: error: 'Mojokerto' is ambiguous")
    assert err.count("\n") == 1


def test_malformed_year_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--year", "dua ribu"])
    assert caught.value.code == 2
    assert "invalid int value: 'dua ribu'" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bkn_awards", "--category", "penilaian kompetensi", "--rank", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "Pemerintah Kabupaten Sidoarjo" in done.stdout
