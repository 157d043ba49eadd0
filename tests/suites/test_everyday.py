"""Everyday use of the command line: tables that fit, every command, and exports that load."""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
from collections.abc import Callable

import pytest

import bkn_awards
from bkn_awards.cli import main
from bkn_awards.layout import RECORD_FILES
from datafiles import BUNDLED, read_records, write_records

Capture = pytest.CaptureFixture[str]

TABLES = [
    "awards",
    "institutions",
    "categories",
    "sources",
    "events",
    "tallies",
    "editions",
    "officials",
    "conflicts",
    "coverage",
]


def _in_a_terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


def _cells(line: str) -> list[str]:
    """A table's row as its cells: two spaces or more part them, one is inside a name."""
    return re.split(r"\s{2,}", line.strip())


@pytest.mark.parametrize("columns", [80, 40])
@pytest.mark.parametrize("command", TABLES)
def test_every_table_fits_a_terminal_and_shows_every_record(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch, command: str, columns: int
) -> None:
    _in_a_terminal(monkeypatch, columns)
    assert main([command]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(map(len, lines)) <= columns, max(lines, key=len)
    records = getattr(bkn_awards, command)()
    rows = sum(len(r.claims) for r in records) if command == "conflicts" else len(records)
    if lines[0][:1].islower():  # a block a row, a blank line between
        assert lines.count("") + 1 == rows
    else:
        assert len(lines) == 1 + rows


@pytest.mark.parametrize("command", ["awards", "institutions", "officials"])
def test_no_two_institutions_share_a_cell(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    _in_a_terminal(monkeypatch, 80)
    assert main([command]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = _cells(lines[0])
    column = header.index("Institution" if "Institution" in header else "Name")
    records = getattr(bkn_awards, command)()
    shown = [_cells(line)[column] for line in lines[1:]]
    institutions = [getattr(r, "institution", r) for r in records]
    named = dict(zip(shown, (i.id for i in institutions), strict=True))  # a cell: one id
    assert len(set(named.values())) == len({i.id for i in institutions}) == len(named)
    assert all(len(cell) <= len(i.name) for cell, i in zip(shown, institutions, strict=True))


def test_show_takes_each_row_of_an_award_table(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in_a_terminal(monkeypatch, 80)
    assert main(["awards"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert _cells(lines[0])[:3] == ["Year", "Institution", "Theme"]
    for line, award in zip(lines[1:], bkn_awards.awards(), strict=True):
        year, institution, theme = _cells(line)[:3]
        assert main(["show", year, institution, theme]) == 0
        shown = capsys.readouterr().out.split("\n\n")
        assert f"id           {award.id}" in [sheet.splitlines()[0] for sheet in shown]


def test_wide_and_piped_tables_keep_every_cell_and_every_row(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["awards"]) == 0  # not a terminal: whole cells, every row
    piped = capsys.readouterr().out
    _in_a_terminal(monkeypatch, 80)
    assert main(["awards", "--wide"]) == 0
    assert capsys.readouterr().out == piped
    assert "..." not in piped
    awards = bkn_awards.awards()
    rows = piped.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [a.id for a in awards]
    assert all(a.institution.name in row for a, row in zip(awards, rows, strict=True))


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("columns", [80, 40])
def test_in_a_real_terminal_a_table_fits_and_shows_every_award(columns: int) -> None:
    lines = _in_a_pseudo_terminal(["awards"], columns)
    assert max(map(len, lines)) <= columns, max(lines, key=len)
    awards = bkn_awards.awards()
    if columns == 80:
        assert len(lines) == 1 + len(awards)
        assert _cells(lines[0]) == ["Year", "Institution", "Theme", "Group", "Rank"]
    else:
        assert lines.count("") + 1 == len(awards)
    assert "..." not in "".join(_in_a_pseudo_terminal(["awards", "--wide"], columns))


def _in_a_pseudo_terminal(words: list[str], columns: int) -> list[str]:
    """What `bkn-awards` writes to a terminal `columns` wide, line by line."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns)}
    done = subprocess.Popen(
        [sys.executable, "-m", "bkn_awards", *words], stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the command exits
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert done.wait(timeout=60) == 0
    return out.decode("utf-8").replace("\r\n", "\n").splitlines()


@pytest.mark.parametrize(
    ("command", "records"),
    [("tallies", bkn_awards.tallies), ("editions", bkn_awards.editions)],
)
def test_every_kind_of_record_has_a_command(capsys: Capture, command: str, records: object) -> None:
    assert main([command, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == [r.id for r in records()]  # type: ignore[operator]


def test_officials_manifest_and_conflicts_commands(capsys: Capture) -> None:
    assert main(["officials", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + len(bkn_awards.officials())
    assert main(["manifest"]) == 0
    assert json.loads(capsys.readouterr().out) == bkn_awards.manifest().to_dict()
    conflicts = bkn_awards.conflicts()
    assert conflicts  # the reports gathered since the seed disagree here and there
    assert main(["conflicts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Subject", "Field", "Value", "Record"]
    claims = [[c.field, str(claim.value), claim.record.id] for c in conflicts for claim in c.claims]
    assert len(lines) == 1 + len(claims)
    for line, (field, value, record) in zip(lines[1:], claims, strict=True):
        assert line.split()[-1] == record
        assert f"  {field}  " in line
        assert f"  {value}  " in line


def test_the_conflicts_command_says_where_the_reports_agree(
    capsys: Capture, data_dir: pathlib.Path
) -> None:
    # The seed, what the article files the project holds report: those reports agree.
    held = {s["id"] for s in read_records(data_dir, "sources.json") if s["sha256"] is not None}
    for filename, _ in RECORD_FILES:
        records = read_records(data_dir, filename)
        if filename == "sources.json":
            records = [r for r in records if r["id"] in held]
        elif filename == "awards.json":  # an award's readings, each with its citations
            for record in records:
                record["placings"] = [
                    {**p, "citations": [c for c in p["citations"] if c["source"] in held]}
                    for p in record["placings"]
                    if any(c["source"] in held for c in p["citations"])
                ]
            records = [r for r in records if r["placings"]]
            kept = {r["id"] for r in records}
        elif filename == "aliases.json":  # an earlier id of an award gone goes with it
            records = [r for r in records if r["award"] in kept]
        elif records and "citations" in records[0]:
            records = [r for r in records if any(c["source"] in held for c in r["citations"])]
            for record in records:
                record["citations"] = [c for c in record["citations"] if c["source"] in held]
        write_records(data_dir, filename, records)
    assert len(bkn_awards.load(data_dir).awards()) == 17
    assert main(["conflicts", "--data", str(data_dir)]) == 1
    assert capsys.readouterr().err == "bkn-awards: no conflicts: the reports in the data agree\n"


def test_conflicts_of_a_data_directory_of_ones_own(capsys: Capture, data_dir: pathlib.Path) -> None:
    awards = json.loads((data_dir / "awards.json").read_text(encoding="utf-8"))
    (sidoarjo,) = [a for a in awards if a["id"] == "2020-kab-sidoarjo-kompetensi"]
    (placing,) = sidoarjo["placings"]
    assert placing["rank"] == 1
    # Another report of the award, with another rank: a second placing of it.
    another = {
        "rank": 2,
        "rank_label": "Juara Kedua",
        "category": None,
        "citations": [{"source": "satukanegeri-post", "paragraphs": [], "part": None}],
    }
    sidoarjo["placings"].append(another)
    (data_dir / "awards.json").write_text(json.dumps(awards), encoding="utf-8")
    assert main(["conflicts", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    claims = [line.split()[-3:] for line in out.splitlines()]
    assert ["rank", "1", sidoarjo["id"]] in claims
    assert ["rank", "2", sidoarjo["id"]] in claims
    assert main(["awards", "--data", str(data_dir), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(bkn_awards.awards())
    (row,) = [r for r in rows if r["id"] == sidoarjo["id"]]
    assert (row["rank"], row["ranks"], row["disputed"]) == (None, [1, 2], True)
    # Made a record of its own, the other report is refused: one award is one record.
    sidoarjo["placings"].remove(another)
    awards.append({**sidoarjo, "id": "another-report", "placings": [another]})
    (data_dir / "awards.json").write_text(json.dumps(awards), encoding="utf-8")
    assert main(["conflicts", "--data", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bkn-awards: error: 1 problem in the award data: ")
    assert f"record 'another-report': id: is the award {sidoarjo['id']!r} again" in err


@pytest.mark.parametrize(
    ("words", "years"),
    [
        (["--year", "2020-2022"], {2020, 2021, 2022}),
        (["--year", "2020", "--year", "2022-2023"], {2020, 2022, 2023}),
        (["--year", "2023", "2020"], {2020, 2023}),
    ],
)
def test_years_take_ranges(capsys: Capture, words: list[str], years: set[int]) -> None:
    assert main([*words, "--format", "json"]) == 0
    assert {row["year"] for row in json.loads(capsys.readouterr().out)} == years


def test_ranks_take_ranges(capsys: Capture) -> None:
    assert main(["--rank", "1-2", "--format", "json"]) == 0
    assert {row["rank"] for row in json.loads(capsys.readouterr().out)} == {1, 2}


@pytest.mark.parametrize(
    ("words", "wanted"),
    [
        (["--year", "2020-"], lambda a: a.year >= 2020),
        (["--year", "-2019"], lambda a: a.year <= 2019),
        (
            ["--year=-2019", "--rank", "3-"],
            lambda a: a.year <= 2019 and max(a.ranks, default=0) >= 3,
        ),
        (["--rank", "-2"], lambda a: bool(a.ranks) and min(a.ranks) <= 2),
    ],
    ids=["from", "to", "both", "ranks-to"],
)
def test_a_range_may_leave_an_end_open(
    capsys: Capture, words: list[str], wanted: Callable[[bkn_awards.Award], bool]
) -> None:
    found = [a.id for a in bkn_awards.awards() if wanted(a)]
    assert main([*words, "--format", "json"]) == (0 if found else 1)
    out = capsys.readouterr().out
    assert [row["id"] for row in json.loads(out)] == found if found else out == ""


def test_an_open_range_that_finds_nothing_says_so_in_one_short_line(capsys: Capture) -> None:
    assert main(["--year", "2030-"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "the data holds no edition of 2030-9999 (it holds [" in err
    assert main(["--rank", "90-"]) == 1
    assert capsys.readouterr().err.endswith("no award in the data has the rank 90-9999\n")


def test_a_mistyped_award_id_gets_suggestions(capsys: Capture) -> None:
    assert main(["show", "2020-kab-sidoarjo-kompetens"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "did you mean '2020-kab-sidoarjo-kompetensi'" in err
    with pytest.raises(bkn_awards.UnknownAwardError) as caught:
        bkn_awards.award("2020-kota-malang")
    assert caught.value.suggestions
    assert all(s.startswith("2020-kota-malang") for s in caught.value.suggestions[:1])


def test_exports_load_back_as_the_same_data(tmp_path: pathlib.Path) -> None:
    bundled = bkn_awards.load()
    assert main(["export", "--format", "json", str(tmp_path / "json")]) == 0
    assert main(["export", "--format", "datapackage", str(tmp_path / "package")]) == 0
    for exported in (tmp_path / "json", tmp_path / "package"):
        assert bkn_awards.load(exported).records_by_file() == bundled.records_by_file()
    assert main(["validate", str(tmp_path / "package")]) == 0
    for filename, _ in RECORD_FILES:  # the JSON export is the bundled files, byte for byte
        written = (tmp_path / "json" / filename).read_bytes()
        assert written == (BUNDLED / filename).read_bytes(), f"{filename} differs from its export"


def test_json_output_keeps_lists_as_lists(capsys: Capture) -> None:
    assert main(["institutions", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(isinstance(row["aliases"], list) for row in rows)
    assert main(["awards", "--format", "json"]) == 0
    award = json.loads(capsys.readouterr().out)[0]
    assert isinstance(award["sources"], list)
    assert all(isinstance(p, list) for p in award["paragraphs"])
