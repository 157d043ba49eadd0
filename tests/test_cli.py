"""The bkn-awards command: each subcommand's output, formats, statuses and error lines."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys
from typing import Any

import pytest

import bkn_awards
from bkn_awards.cli import main
from bkn_awards.layout import FILE_NAMES
from datafiles import read_records, write_records

Capture = pytest.CaptureFixture[str]

# The editions the data holds, and a year before the first of them.
HELD = sorted(e.year for e in bkn_awards.editions())
NO_EDITION = HELD[0] - 1


def _shown(count: int) -> int:
    """The rows a table of `count` records shows: all, or the first and last ten and a count."""
    return count if count <= 20 else 10 + 1 + 10


def _run(capsys: Capture, *words: str) -> tuple[int, str, str]:
    status = main(list(words))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_year_prints_the_awards_with_their_sources(capsys: Capture) -> None:
    status, out, err = _run(capsys, "--year", "2022")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["Id", "Year", "Institution", "Category", "Group", "Rank", "Source"]
    awards = bkn_awards.awards(year=2022)
    rows = [line for line in lines if line.startswith("2022")]
    assert len(rows) == min(len(awards), 20)
    assert "Pemerintah Kabupaten Mojokerto" in rows[0]
    assert "(surabayapagi.com, 2022-08-11)" in rows[0]
    assert "(BANGSAONLINE.com, undated)" in rows[0]
    assert len(lines) == 1 + _shown(len(awards)) + 1
    assert lines[-1] == f"[{len(awards)} awards]"


def test_awards_is_the_default_command(capsys: Capture) -> None:
    assert _run(capsys, "awards", "--year", "2022") == _run(capsys, "--year", "2022")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_awards_as_csv_and_json(capsys: Capture, fmt: str) -> None:
    status, out, _ = _run(
        capsys, "--institution", "Pemprov Jatim", "--rank", "1", "2", "--format", fmt
    )
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out))) if fmt == "csv" else json.loads(out)
    assert [r["id"] for r in rows] == [
        a.id for a in bkn_awards.awards(institution="jatim", rank=[1, 2])
    ]
    assert {r["institution_name"] for r in rows} == {"Pemerintah Provinsi Jawa Timur"}


@pytest.mark.parametrize(
    ("words", "records"),
    [
        (["institutions"], bkn_awards.institutions()),
        (["institutions", "--kind", "city"], bkn_awards.institutions(kind="city")),
        (["categories", "--year", "2020"], bkn_awards.categories(year=2020)),
        (["sources"], bkn_awards.sources()),
        (["events", "--year", "2020", "2022"], bkn_awards.events(year=[2020, 2022])),
    ],
    ids=["institutions", "cities", "categories-2020", "sources", "events-2020-2022"],
)
def test_listings(capsys: Capture, words: list[str], records: bkn_awards.Records[Any]) -> None:
    status, out, _ = _run(capsys, *words)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[0] == "Id"
    assert len(lines) == 1 + _shown(len(records)) + 1
    assert lines[-1] == f"[{len(records)} {words[0]}]"
    ids = [line.split()[0] for line in lines[1:-1] if not line.startswith("... ")]
    shown = records if len(records) <= 20 else records[:10] + records[-10:]
    assert ids == [r.id for r in shown]


@pytest.mark.parametrize("command", ["institutions", "categories", "sources", "events", "coverage"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_listings_in_every_format(capsys: Capture, command: str, fmt: str) -> None:
    status, out, _ = _run(capsys, command, "--format", fmt)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out))) if fmt == "csv" else json.loads(out)
    assert rows
    assert all(isinstance(row, dict) for row in rows)


def test_institution(capsys: Capture) -> None:
    status, out, _ = _run(capsys, "institution", "Kab. Sidoarjo", "--format", "json")
    assert status == 0
    (row,) = json.loads(out)
    assert (row["id"], row["region_code"], row["kind"]) == ("kab-sidoarjo", "35.15", "regency")


def test_show_spells_out_every_field_and_citation(capsys: Capture) -> None:
    status, out, _ = _run(capsys, "show", "2022-kab-mojokerto-implementasi-manajemen-asn")
    assert status == 0
    fields = dict(line.split("  ", 1) for line in out.splitlines())
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    assert fields["rank"] == "-"
    assert fields["as reported"] == "terbaik"
    assert fields["group"] == "-"
    # The report gives the date with its year: it is not marked as inferred.
    assert fields["event"] == (
        "ceremony, 2022-08-10, Golden Tulip Holland Resort, Batu (2022-batu-kab-mojokerto)"
    )
    assert fields["received by"] == "Ikfina Fahmawati, Bupati Mojokerto"
    assert "source 2" in fields
    # Each citation gives its paragraphs of the article file, and where the report is found.
    values = [line.rsplit("  ", 1)[-1].strip() for line in out.splitlines()]
    assert values.count("1, 5, 6") == values.count("2, 3") == 1
    for citation in bkn_awards.award("2022-kab-mojokerto-implementasi-manajemen-asn").citations:
        assert citation.source.url is not None
        assert citation.source.url in values
        assert citation.source.sha256 is not None
        assert citation.source.sha256 in out


def test_show_gives_each_reading_of_a_disputed_award(capsys: Capture) -> None:
    award = bkn_awards.awards(year=2022, province="Jateng", rank=4)[0]
    assert award.disputed
    status, out, _ = _run(capsys, "show", award.id)
    assert status == 0
    lines = [(k.strip(), v.strip()) for k, v in (line.split("  ", 1) for line in out.splitlines())]
    fields = dict(lines)
    assert fields["rank"] == "4 or 5 (disputed)"
    assert fields["as reported"] == "peringkat 4; peringkat kelima"
    # One line a placing, naming the sources (numbered as below) that give it.
    assert [v for k, v in lines if k == "reported"] == [
        "peringkat 4 (rank 4): source 1, 2, 3, 4",
        "peringkat kelima (rank 5): source 5",
    ]
    assert [len(p.citations) for p in award.placings] == [4, 1]
    assert f"source {len(award.citations)}" in fields
    assert f"source {len(award.citations) + 1}" not in fields


def test_the_group_filter_takes_a_group_in_any_case(capsys: Capture) -> None:
    status, out, _ = _run(capsys, "--group", "CITIES-Small", "--format", "json")
    assert status == 0
    found = bkn_awards.awards(group=bkn_awards.Group.CITIES_SMALL)
    assert found
    assert [row["id"] for row in json.loads(out)] == [a.id for a in found]
    assert {row["group"] for row in json.loads(out)} == {"cities-small"}


def test_coverage_command(capsys: Capture) -> None:
    status, out, _ = _run(capsys, "coverage")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["year", "tally", "reported", "itemised", "missing"]
    row = next(line for line in lines if "2022-jawa-timur " in line)
    (jatim,) = [c for c in bkn_awards.coverage() if c.tally.id == "2022-jawa-timur"]
    assert jatim.reported == 32  # as the seed reports it
    assert jatim.itemised == sum(jatim.tally.counts(a) for a in bkn_awards.awards())
    assert row.split() == [
        "2022",
        "2022-jawa-timur",
        "32",
        str(jatim.itemised),
        str(32 - jatim.itemised),
        "-",
        str(len({a.institution.id for a in bkn_awards.awards() if jatim.tally.counts(a)})),
    ]
    assert len(lines) == 1 + len(bkn_awards.tallies())


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_coverage_by_edition(capsys: Capture, fmt: str) -> None:
    status, out, _ = _run(capsys, "coverage", "--by-edition", "--format", fmt)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out))) if fmt == "csv" else json.loads(out)
    assert [int(row["year"]) for row in rows] == HELD
    assert sum(int(row["itemised"]) for row in rows) == len(bkn_awards.awards())
    assert list(rows[0]) == ["year", "itemised", "institutions", "reported", "recipients_reported"]


def test_export_and_validate(capsys: Capture, tmp_path: pathlib.Path) -> None:
    status, out, _ = _run(capsys, "export", "--format", "csv", str(tmp_path / "out"))
    assert status == 0
    assert len(out.splitlines()) == 8
    assert (tmp_path / "out" / "awards.csv").is_file()
    status, out, _ = _run(capsys, "export", str(tmp_path / "package"))
    assert status == 0
    assert out.splitlines()[-1].endswith("datapackage.json")


def test_validate_a_good_and_a_bad_directory(capsys: Capture, data_dir: pathlib.Path) -> None:
    status, out, _ = _run(capsys, "validate", str(data_dir))
    assert status == 0
    counts = [f"{len(read_records(data_dir, f'{name}.json'))} {name}" for name in FILE_NAMES]
    assert out == f"{data_dir}: valid, {', '.join(counts)}\n"
    (data_dir / "awards.json").write_text("[{", encoding="utf-8")
    tallies = read_records(data_dir, "tallies.json")
    tallies[0]["count"], tallies[1]["year"] = -1, "2020"
    write_records(data_dir, "tallies.json", tallies)
    status, out, err = _run(capsys, "validate", str(data_dir))
    assert (status, err) == (1, "")
    assert out.splitlines() == [  # one problem a line, then how many
        "awards.json: line 1, column 3: invalid JSON: Expecting property name enclosed in "
        "double quotes",
        f"tallies.json: record '{tallies[0]['id']}': count: must not be negative, got -1",
        f"tallies.json: record '{tallies[1]['id']}': year: expected a whole number, got a string",
        f"{data_dir}: 3 problems",
    ]


def test_verify_citations_command(capsys: Capture, articles_dir: pathlib.Path) -> None:
    status, out, _ = _run(capsys, "verify-citations", str(articles_dir))
    assert status == 0
    assert out.endswith(": 0 problems\n")


def test_verify_citations_exits_1_on_a_problem(
    capsys: Capture, articles_dir: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    for article in articles_dir.iterdir():
        if not article.name.startswith("002"):
            (tmp_path / article.name).write_bytes(article.read_bytes())
    status, out, _ = _run(capsys, "verify-citations", str(tmp_path))
    assert status == 1
    assert ": 1 problem\n" in out
    assert "unattributed-2022-pemkot-mojokerto" in out


@pytest.mark.parametrize(
    ("words", "status", "stderr"),
    [
        (
            ["--year", str(NO_EDITION)],
            1,
            f"bkn-awards: no awards match: the data holds no edition of {NO_EDITION} "
            f"(it holds {HELD})\n",
        ),
        (
            ["--year", "2020", "--rank", "9"],
            1,
            "bkn-awards: no awards match: no award in the data has the rank 9\n",
        ),
        (
            ["--institution", "Atlantis"],
            1,
            "bkn-awards: error: no institution is known as 'Atlantis'\n",
        ),
        (["institution", "Kab. Sidoarjoo"], 1, None),
        (["show", "no-such-award"], 1, "bkn-awards: error: no award has the id 'no-such-award'\n"),
        (
            ["--institution", "Mojokerto"],
            2,
            "bkn-awards: error: 'Mojokerto' is ambiguous: it may mean 'Pemerintah Kabupaten "
            "Mojokerto' or 'Pemerintah Kota Mojokerto'; use the full name, an alias such as "
            "'Kab. ...' or 'Kota ...', or the region code\n",
        ),
        (
            ["--rank", "0"],
            2,
            "bkn-awards: error: rank must be a whole number of at least 1, not 0\n",
        ),
        (
            ["verify-citations", "/no/such/dir"],
            2,
            "bkn-awards: error: no directory of articles at /no/such/dir\n",
        ),
    ],
)
def test_bad_input_gives_one_line_and_the_right_status(
    capsys: Capture, words: list[str], status: int, stderr: str | None
) -> None:
    got_status, out, err = _run(capsys, *words)
    assert (got_status, out) == (status, "")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    if stderr is not None:
        assert err == stderr


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["--year", "dua ribu"], "argument --year: not a whole number or a range: 'dua ribu'"),
        (["--year", "2022-2020"], "argument --year: a range runs from low to high: '2022-2020'"),
        (["export", "--format", "xml", "out"], "argument --format: invalid choice: 'xml'"),
        (["show"], "the following arguments are required: AWARD_ID"),
    ],
)
def test_malformed_arguments_are_usage_errors(
    capsys: Capture, words: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(words)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("word", ["regency", "kabupaten", "Kab.", "pemkab", "PEMKAB"])
def test_kinds_take_the_words_people_use(capsys: Capture, word: str) -> None:
    status, out, _ = _run(capsys, "institutions", "--kind", word, "--format", "json")
    assert status == 0
    assert [row["id"] for row in json.loads(out)] == [
        i.id for i in bkn_awards.institutions(kind="regency")
    ]


def test_an_unknown_kind_is_a_usage_error(capsys: Capture) -> None:
    status, _, err = _run(capsys, "--kind", "village")
    assert status == 2
    assert err.startswith("bkn-awards: error: kind must be one of ministry, agency, province")


def test_an_unknown_group_is_a_usage_error(capsys: Capture) -> None:
    status, _, err = _run(capsys, "--group", "towns")
    assert status == 2
    assert err.startswith("bkn-awards: error: group must be one of ministries, agencies, provinces")
    assert err.endswith(", not 'towns'\n")


def test_help_has_examples_and_version_has_both_versions(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "bkn-awards --year 2022" in capsys.readouterr().out
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert (
        out == f"bkn-awards {bkn_awards.__version__} (data {bkn_awards.manifest().data_version})\n"
    )


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bkn_awards", "--category", "penilaian kompetensi", "--rank", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "Pemerintah Kabupaten Sidoarjo" in done.stdout
