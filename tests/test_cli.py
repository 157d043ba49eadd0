from __future__ import annotations

import pathlib
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


def test_coverage_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["Year", "Tally", "Reported", "Itemised", "Missing"]
    row = next(line for line in lines if "2022-jawa-timur " in line)
    assert row.split() == ["2022", "2022-jawa-timur", "32", "4", "28", "-", "2"]
    assert len(lines) == 1 + 9


def test_verify_citations_command(
    capsys: pytest.CaptureFixture[str], articles_dir: pathlib.Path
) -> None:
    assert main(["verify-citations", str(articles_dir)]) == 0
    assert capsys.readouterr().out.endswith(": 0 problems\n")


def test_verify_citations_command_exits_1_on_a_problem(
    capsys: pytest.CaptureFixture[str], articles_dir: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    for article in articles_dir.iterdir():
        if not article.name.startswith("002"):
            (tmp_path / article.name).write_bytes(article.read_bytes())
    assert main(["verify-citations", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert ": 1 problem\n" in out
    assert "unattributed-2022-pemkot-mojokerto" in out


def test_verify_citations_command_without_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    assert main(["verify-citations", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err == (
        f"bkn-awards: error: no directory of articles at {tmp_path / 'none'}\n"
    )
