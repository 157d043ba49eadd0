"""The bkn-awards command: each subcommand's output, formats, statuses and error lines."""

from __future__ import annotations

import argparse
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
    assert len(awards) > 20
    # Every award, a line each, after the header: nothing more (no count to strip off).
    assert len(lines) == 1 + len(awards)
    assert [line.split()[0] for line in lines[1:]] == [a.id for a in awards]
    (row,) = [line for line in lines if line.startswith("2022-kab-mojokerto-manajemen-asn")]
    assert "Pemerintah Kabupaten Mojokerto" in row
    assert "(surabayapagi.com, 2022-08-11)" in row
    assert "(BANGSAONLINE.com, undated)" in row


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
    assert [line.split()[0] for line in lines[1:]] == [r.id for r in records]


@pytest.mark.parametrize(
    "command", ["institutions", "categories", "sources", "events", "coverage", "conflicts"]
)
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
    status, out, _ = _run(capsys, "show", "2022-kab-mojokerto-manajemen-asn")
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
    for citation in bkn_awards.award("2022-kab-mojokerto-manajemen-asn").citations:
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
    assert fields["rank"] == "4/5 (disputed)"
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
    assert lines[0].split()[:5] == ["Year", "Tally", "Reported", "Itemised", "Missing"]
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
    assert len(out.splitlines()) == len(FILE_NAMES)
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


def test_diff_exits_0_between_a_directory_and_its_own_export(
    capsys: Capture, tmp_path: pathlib.Path
) -> None:
    assert main(["export", "--format", "datapackage", str(tmp_path / "package")]) == 0
    capsys.readouterr()
    assert _run(capsys, "diff", "bundled", str(tmp_path / "package")) == (
        0,
        "no record differs\n",
        "",
    )


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_diff_exits_1_where_the_data_differ_in_every_format(
    capsys: Capture, data_dir: pathlib.Path, fmt: str
) -> None:
    editions = read_records(data_dir, "editions.json")
    write_records(data_dir, "editions.json", editions[1:])
    status, out, err = _run(capsys, "diff", "--format", fmt, "bundled", str(data_dir))
    assert (status, err) == (1, "")
    removed = editions[0]["id"]
    expected = {
        "text": f"- editions {removed}\n\neditions: 1 removed\n",
        "json": json.dumps({"editions": [{"id": removed, "change": "removed"}]}, indent=2) + "\n",
        "markdown": f"### editions\n\n1 removed.\n\n- removed: `{removed}`\n",
    }
    assert out == expected[fmt]


def test_diff_of_data_that_does_not_load_is_misuse(capsys: Capture, tmp_path: pathlib.Path) -> None:
    status, out, err = _run(capsys, "diff", "bundled", str(tmp_path / "absent"))
    assert (status, out) == (2, "")
    assert err.startswith("bkn-awards: error: ")
    assert "not a directory" in err


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
        (  # ambiguous is no match too: the name finds no one institution
            ["--institution", "Mojokerto"],
            1,
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
        (["show"], "the following arguments are required: AWARD"),
        (["awards", "--sort", "name"], "argument --sort: invalid choice: 'name'"),
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


# --- Output that never hides what was asked ------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [[], ["--wide"], ["--format", "csv"], ["--year", "2021", "2022", "--format", "csv"]],
    ids=["table", "wide", "csv", "csv-2021-2022"],
)
def test_a_listing_is_its_header_and_every_row(capsys: Capture, words: list[str]) -> None:
    status, out, _ = _run(capsys, "awards", *words)
    assert status == 0
    years = [2021, 2022] if "2021" in words else None
    assert len(out.splitlines()) == 1 + len(bkn_awards.awards(year=years))
    status, out, _ = _run(capsys, "awards", *words[:-2], "--format", "json")
    assert len(json.loads(out)) == len(bkn_awards.awards(year=years))


def test_a_listing_in_a_terminal_shows_every_row_too(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for command, count in [
        ("awards", len(bkn_awards.awards())),
        ("sources", len(bkn_awards.sources())),
    ]:
        status, out, _ = _run(capsys, command)
        assert status == 0
        assert len(out.splitlines()) == 1 + count, command


# --- Sorting ------------------------------------------------------------------------------------


def test_sort_orders_the_awards_as_the_api_does(capsys: Capture) -> None:
    status, out, _ = _run(
        capsys, "--theme", "competency", "--sort", "rank", "year", "--format", "json"
    )
    assert status == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [
        a.id for a in bkn_awards.awards(theme="competency", sort=["rank", "year"])
    ]
    ranks = [r["rank"] for r in rows]
    numbered = [rank for rank in ranks if rank is not None]
    assert numbered == sorted(numbered)
    assert ranks[len(numbered) :] == [None] * (len(ranks) - len(numbered))  # no rank: last
    years = [r["year"] for r in rows if r["rank"] == 1]
    assert years == sorted(years)
    # Given twice, the keys add up, as --year's years do.
    assert (
        _run(capsys, "--sort", "rank", "--sort", "year", "--format", "json")[1]
        == _run(capsys, "--sort", "rank", "year", "--format", "json")[1]
    )


def test_the_default_order_is_by_edition_category_group_and_rank(capsys: Capture) -> None:
    status, out, _ = _run(capsys, "--format", "json")
    assert status == 0
    assert [r["id"] for r in json.loads(out)] == [a.id for a in bkn_awards.awards()]
    status, out, _ = _run(capsys, "--sort", "data", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == [
        a.id for a in bkn_awards.load().records_by_file()["awards"]
    ]


# --- Show what a table shows --------------------------------------------------------------------


def test_show_takes_a_rows_year_institution_and_theme(capsys: Capture) -> None:
    by_id = _run(capsys, "show", "2020-kab-sidoarjo-kompetensi")
    assert by_id[0] == 0
    assert _run(capsys, "show", "2020", "Kab. Sidoarjo", "competency") == by_id
    # Words of the category's name do as well as its theme.
    assert _run(capsys, "show", "2020", "Kab. Sidoarjo", "penilaian kompetensi") == by_id
    # Without a theme, every award of the year and institution, a blank line between.
    status, out, _ = _run(capsys, "show", "2023", "Prov. Jawa Timur")
    assert status == 0
    sheets = out.split("\n\n")
    assert [sheet.splitlines()[0].split()[-1] for sheet in sheets] == [
        a.id for a in bkn_awards.awards(year=2023, institution="Jatim")
    ]
    assert len(sheets) > 2
    # A theme reports disagree on, as a table marks it: the award, found by either theme.
    (kediri,) = [a for a in bkn_awards.awards(year=2020) if len(a.categories) > 1]
    first, second = (c.theme.value for c in kediri.categories)
    short = "Kota Kediri"
    by_id = _run(capsys, "show", kediri.id)
    assert _run(capsys, "show", "2020", short, f"{first}?") == by_id
    assert _run(capsys, "show", "2020", short, second) == by_id
    # "-": the awards whose report names no category.
    status, out, _ = _run(capsys, "show", "2022", "Kab. Bondowoso", "-")
    assert (status, out.splitlines()[0].split()[-1]) == (
        0,
        "2022-kab-bondowoso",
    )


@pytest.mark.parametrize(
    ("words", "status", "err"),
    [
        (
            ["2021", "Kab. Sidoarjo", "planning"],
            1,
            "bkn-awards: no award matches 2021 Kab. Sidoarjo planning\n",
        ),
        (
            ["twenty", "Kab. Sidoarjo"],
            2,
            "bkn-awards: error: show takes an award's id, or a year, an institution and a "
            "theme: twenty Kab. Sidoarjo\n",
        ),
        (["2021", "Kab. Sidoarjo", "competency", "2"], 2, None),
        (["2021", "Mojokerto"], 1, None),
    ],
)
def test_show_refuses_what_is_no_row(
    capsys: Capture, words: list[str], status: int, err: str | None
) -> None:
    got = _run(capsys, "show", *words)
    assert got[:2] == (status, "")
    assert got[2].count("\n") == 1
    if err is not None:
        assert got[2] == err


# --- Command-line habits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "hint"),
    [
        ("awrds", "did you mean 'awards'?"),
        ("institutons", "did you mean 'institutions'?"),
        ("verify", "did you mean 'verify-citations'?"),
        ("frobnicate", "the commands are awards, institutions, institution, categories"),
    ],
)
def test_an_unknown_command_is_refused_with_the_one_meant(
    capsys: Capture, word: str, hint: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([word, "--year", "2022"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert f"bkn-awards: error: unknown command '{word}'; {hint}" in err


def _commands() -> dict[str, Any]:
    """Each command's parser, as ``bkn-awards COMMAND --help`` shows it."""
    from bkn_awards.cli import _parser

    parser = _parser("--help")
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def test_every_option_says_what_it_takes_naming_its_values() -> None:
    for name, command in _commands().items():
        for action in command._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no help"
            if action.help == "==SUPPRESS==":
                continue
            for choice in action.choices or ():
                assert choice in action.help, f"{name} {action.option_strings}: {choice}"
    help_of = {a.dest: a.help for a in _commands()["export"]._actions}
    assert help_of["directory"] == "the output directory (made if missing)"
    assert "datapackage" in (help_of["format"] or "")


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (
            ["validate", "--data", "a", "b"],
            "bkn-awards validate: error: argument --data: not allowed with validate, which "
            "checks the DIR it is given",
        ),
        (
            ["diff", "--data", "a", "b", "c"],
            "bkn-awards diff: error: argument --data: not allowed with diff, which compares the "
            "OLD and NEW it is given",
        ),
        (
            ["awards", "--wide", "--format", "csv"],
            "bkn-awards awards: error: argument --wide: not allowed with --format csv: --wide "
            "is for tables",
        ),
        (["conflicts", "--format", "json", "--wide"], "not allowed with --format json"),
    ],
)
def test_options_that_conflict_are_refused_by_name(
    capsys: Capture, words: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(words)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_the_exit_statuses_are_listed_in_the_help_and_the_docs(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    page = pathlib.Path(__file__).parents[1] / "docs" / "cli.md"
    docs = " ".join(page.read_text(encoding="utf-8").split())
    for status, meaning in [
        ("0", "done"),
        ("1", "no match"),
        ("2", "misuse"),
        ("130", "interrupted"),
        ("141", "the reader of the output went away"),
    ]:
        assert f"{status} {meaning}" in out
        assert f"{status} {meaning}" in docs or f"`{status}` {meaning}" in docs
    # diff's 1, as diff(1) has it, is named in both.
    assert "or the two datasets differ (diff)" in out
    assert "or the two datasets differ (`diff`)" in docs


def test_show_finds_an_award_by_an_earlier_id_with_a_note(capsys: Capture) -> None:
    alias = bkn_awards.aliases()[0]
    status, out, err = _run(capsys, "show", alias.id)
    assert (status, out) == _run(capsys, "show", alias.award.id)[:2]
    assert err == (
        f"bkn-awards: note: {alias.id!r} is an id of the releases before 0.3.0 ({alias.reason}); "
        f"the award's id is {alias.award.id!r}\n"
    )


def test_the_aliases_command_lists_every_earlier_id(capsys: Capture) -> None:
    status, out, _ = _run(capsys, "aliases", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["award"]) for r in rows] == [
        (a.id, a.award.id) for a in bkn_awards.aliases()
    ]


RELEASE_0_2_0 = "68921f3"  # the commit of release 0.2.0's data


def _release_data(commit: str, target: pathlib.Path) -> pathlib.Path | None:
    """The data files of `commit`, from git history; ``None`` outside a full clone."""
    repo = pathlib.Path(__file__).resolve().parents[1]
    target.mkdir()
    for name in [n for n in FILE_NAMES if n != "aliases"]:
        shown = subprocess.run(
            ["git", "-C", str(repo), "show", f"{commit}:src/bkn_awards/data/{name}.json"],
            capture_output=True,
        )
        if shown.returncode != 0:
            return None
        (target / f"{name}.json").write_bytes(shown.stdout)
    return target


def test_diff_as_written_lists_what_changed_since_release_0_2_0(
    capsys: Capture, tmp_path: pathlib.Path
) -> None:
    old = _release_data(RELEASE_0_2_0, tmp_path / "0.2.0")
    if old is None:
        pytest.skip("the history of release 0.2.0 is not in this checkout")
    status, out, err = _run(capsys, "diff", "--as-written", str(old), "bundled", "--format", "json")
    assert (status, err) == (1, "")
    awards = json.loads(out)["awards"]
    changes = {change["id"]: change["change"] for change in awards}
    # Followed through the aliases: each 0.2.0 award is compared with the award it is today.
    successors = {a.id: a.award.id for a in bkn_awards.aliases()}
    merged = {a.id for a in bkn_awards.aliases() if a.merged}
    assert {i for i, c in changes.items() if c == "removed"} == merged
    released = json.loads((old / "awards.json").read_text(encoding="utf-8"))
    assert {i for i, c in changes.items() if c == "changed"} == {
        successors.get(a["id"], a["id"]) for a in released if a["id"] not in merged
    }
    assert sorted(i for i, c in changes.items() if c == "added") == sorted(
        {a.id for a in bkn_awards.awards()} - set(successors.values()) - {a["id"] for a in released}
    )
    # Its own export, as written, is the same data.
    assert _run(capsys, "export", "--format", "json", str(tmp_path / "mine"))[0] == 0
    assert _run(capsys, "diff", "--as-written", "bundled", str(tmp_path / "mine"))[:2] == (
        0,
        "no record differs\n",
    )
