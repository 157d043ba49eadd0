"""Query results: tuples of records that print as tables and convert to rows, JSON and pandas."""

from __future__ import annotations

import builtins
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import attrs
import pandas
import pytest

import bkn_awards
from bkn_awards import Claim, Conflict, Records
from datafiles import AWARD_COLUMNS, held

# The awards of the seed: those the article files the project holds report (the first data).
SEED_AWARDS = [a.id for a in bkn_awards.awards() if held(a)]
# A year before the first edition the data holds: no award can be of it.
NO_EDITION = min(e.year for e in bkn_awards.editions()) - 1


# --- Printed ------------------------------------------------------------------------------------


@pytest.fixture
def columns(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Set the width of the terminal a result is printed in."""
    return lambda width: monkeypatch.setenv("COLUMNS", str(width))


def test_records_print_as_tables_and_render_as_html(columns: Callable[[int], None]) -> None:
    columns(200)
    found = bkn_awards.awards(year=2022)
    assert len(found) > 20
    text = str(found)
    assert text.splitlines()[0].split()[:6] == [
        "Id",
        "Year",
        "Institution",
        "Theme",
        "Group",
        "Rank",
    ]
    assert text.splitlines()[-1] == f"[{len(found)} awards]"
    html = found._repr_html_()
    assert html.startswith("<table>")
    # A header, then the first and last ten around a row of how many are left out.
    assert html.count("<tr>") == 1 + 10 + 1 + 10
    assert f"&hellip; {len(found) - 20} more: print() or .to_pandas() shows every row" in html
    assert html.endswith(f"<p>[{len(found)} awards]</p>")
    assert found[0].institution.name in html
    assert f"{found[0].citations[0].source.publisher}, " in html
    # Every source of a row shown is a link to its report.
    first = found[0].citations[0].source
    assert f'<a href="{first.url}">' in html
    assert html.count("<a href=") == sum(
        1 for a in [*found[:10], *found[-10:]] for c in a.citations if c.source.url
    )
    assert repr(found[0]).startswith("Award(id='2022-")
    assert "<caption>Award</caption>" in found[0]._repr_html_()


def test_printed_a_result_shows_every_record_and_a_repl_a_cut_one(
    columns: Callable[[int], None],
) -> None:
    columns(80)
    awards = bkn_awards.awards()
    printed = str(awards).splitlines()
    assert len(printed) == 1 + len(awards) + 1
    assert printed[-1] == f"[{len(awards)} awards]"
    shown = repr(awards).splitlines()
    assert len(shown) == 1 + 10 + 1 + 10 + 1
    assert shown[11] == f"... {len(awards) - 20} more"
    assert shown[-1] == f"[{len(awards)} awards; print() shows all]"
    # The rows shown are the first and last ten, laid out as a table of those alone.
    ends = bkn_awards.Records([*awards[:10], *awards[-10:]]).table(width=80).splitlines()
    assert shown[:11] == ends[:11]
    assert shown[12:-1] == ends[11:-1]
    assert [line.split()[:2] for line in shown[1:11]] == [
        line.split()[:2] for line in printed[1:11]
    ]
    short = awards[:20]  # nothing to cut: the REPL shows what print() does
    assert repr(short) == str(short)


@pytest.mark.parametrize("width", [80, 40])
def test_a_printed_result_fits_its_terminal(columns: Callable[[int], None], width: int) -> None:
    columns(width)
    for records in (bkn_awards.awards(), bkn_awards.conflicts(), bkn_awards.coverage()):
        for text in (str(records), repr(records)):
            assert max(map(len, text.splitlines())) <= width


def test_a_table_shows_every_row_unless_told_how_many(columns: Callable[[int], None]) -> None:
    awards = bkn_awards.awards()
    lines = awards.table().splitlines()
    assert len(lines) == 1 + len(awards) + 1
    assert [line.split()[0] for line in lines[1:-1]] == [a.id for a in awards]
    cut = awards.table(rows=4).splitlines()
    assert [line.split()[0] for line in cut[1:-1]] == [
        awards[0].id,
        awards[1].id,
        "...",
        awards[-2].id,
        awards[-1].id,
    ]
    assert cut[3] == f"... {len(awards) - 4} more"
    assert awards.table(count=False).splitlines() == lines[:-1]
    assert bkn_awards.Records([bkn_awards.awards()[0]] * 25).table(rows=20).count("\n") == 22


def test_a_long_result_shows_head_and_tail_in_html() -> None:
    many = bkn_awards.Records([bkn_awards.awards()[0]] * 25)
    assert "&hellip; 5 more" in many._repr_html_()
    assert many._repr_html_().count("<tr>") == 1 + 21


def test_counts_are_written_in_good_english() -> None:
    categories, tallies = bkn_awards.categories(year=2020), bkn_awards.tallies(year=2022)
    assert min(len(categories), len(tallies)) > 1  # plurals, both
    assert categories.table().splitlines()[-1] == f"[{len(categories)} categories]"
    assert tallies.table().splitlines()[-1] == f"[{len(tallies)} tallies]"
    assert bkn_awards.Records(bkn_awards.editions()[:1]).table().endswith("[1 edition]")
    assert bkn_awards.coverage()[:2].table().endswith("[2 reported counts]")
    assert bkn_awards.conflicts()[:1].table().endswith("[1 conflict]")
    assert str(bkn_awards.Records(())) == "[no records]"


def test_a_table_fits_a_width_with_the_columns_a_reader_needs() -> None:
    found = bkn_awards.awards(year=2022)
    lines = found.table(width=80).splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].split() == ["Year", "Institution", "Theme", "Group", "Rank"]
    assert lines[-1] == f"[{len(found)} awards]"
    assert len(lines) == 1 + len(found) + 1
    assert found.table() == found.table(None)
    assert "..." not in found.table()


def test_an_empty_answer_says_why_where_it_can() -> None:
    empty = bkn_awards.awards(institution="Kab. Bantul")
    assert empty.note is not None
    assert empty.table() == f"[no records: {empty.note}]"
    noted: Records[bkn_awards.Award] = Records.noted([], "nothing here")
    assert (noted, noted.note, str(noted)) == ((), "nothing here", "[no records: nothing here]")
    assert repr(noted) == str(noted)
    assert noted._repr_html_() == "<p>[no records: nothing here]</p>"
    assert Records(()).note is None


def test_cells_are_escaped_in_html() -> None:
    sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
    odd = attrs.evolve(sidoarjo, name="Kab <Sidoarjo> & co")
    html = Records([odd])._repr_html_()
    assert "<th>Name</th>" in html
    assert "<td>Kab &lt;Sidoarjo&gt; &amp; co</td>" in html
    assert html.endswith("<p>[1 institution]</p>")


# --- Still records ------------------------------------------------------------------------------


def test_results_are_immutable_tuples() -> None:
    found = bkn_awards.awards(year=2020)
    assert isinstance(found, tuple)
    with pytest.raises(AttributeError):
        found[0].placings = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        found[0].placings[0].rank = 9  # type: ignore[misc]
    with pytest.raises(AttributeError):  # what the placings agree on: read only
        found[0].rank = 9  # type: ignore[misc]


def test_slices_and_sums_of_records_are_records() -> None:
    awards = bkn_awards.awards()
    assert isinstance(awards[:3], Records)
    assert isinstance(awards[::-1], Records)
    assert isinstance(awards[:2] + awards[-2:], Records)
    assert awards[:2] + awards[2:] == awards
    assert str(awards[:2]).endswith("[2 awards]")
    assert awards[0] is bkn_awards.awards()[0]


# --- Rows and JSON ------------------------------------------------------------------------------


def test_to_records_and_to_json_need_no_extra() -> None:
    found = bkn_awards.awards(year=2020, institution="Kab. Sidoarjo")
    rows = found.to_records()
    # The same rows, but for dates, which JSON writes in ISO 8601.
    iso = [{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in r.items()} for r in rows]
    assert iso == json.loads(found.to_json())
    (row,), (award,) = rows, found
    assert row["sources"] == [c.source.id for c in award.citations]
    assert row["sources"][0] == "wartatransparansi-2020-pemprov-jatim"
    assert row["paragraphs"][0] == [23]  # lists stay lists, in JSON too
    # An article file's citation gives paragraphs, a web report's none; each may give a part.
    assert row["paragraphs"] == [list(c.paragraphs) for c in award.citations]
    assert [p == [] for p in row["paragraphs"]] == [
        c.source.sha256 is None for c in award.citations
    ]
    assert row["parts"] == [c.part for c in award.citations]
    assert row["source_urls"] == [c.source.url for c in award.citations]
    assert (row["group"], row["group_label"]) == ("regencies", "tingkat Kabupaten")
    # The placings as the data files write them, and what they agree on.
    (placing,) = award.placings
    assert row["placings"] == [
        {
            "rank": 1,
            "rank_label": "Juara Pertama",
            "category": None,
            "citations": [
                {"source": c.source.id, "paragraphs": list(c.paragraphs), "part": c.part}
                for c in placing.citations
            ],
        }
    ]
    assert (row["rank"], row["ranks"], row["rank_label"], row["disputed"]) == (
        1,
        [1],
        "Juara Pertama",
        False,
    )
    assert isinstance(row["first_published"], dt.date)
    published = [c.source.published_on for c in award.citations]
    assert row["first_published"] == min(d for d in published if d is not None)


def test_a_disputed_award_s_row_gives_every_reading() -> None:
    found = bkn_awards.awards(year=2022, province="Jateng", rank=5)
    (award,), (row,) = found, found.to_records()
    assert award.disputed
    assert (row["rank"], row["ranks"], row["disputed"]) == (None, [4, 5], True)
    assert row["rank_label"] == "peringkat 4; peringkat kelima"
    assert [(p["rank"], p["rank_label"]) for p in row["placings"]] == [
        (4, "peringkat 4"),
        (5, "peringkat kelima"),
    ]
    assert [[c["source"] for c in p["citations"]] for p in row["placings"]] == [
        [c.source.id for c in p.citations] for p in award.placings
    ]
    # The citations of every placing, in order.
    assert row["sources"] == [c.source.id for p in award.placings for c in p.citations]
    assert json.loads(found.to_json())[0]["placings"] == row["placings"]


def test_json_keeps_text_as_it_is_and_indents_when_asked() -> None:
    found = bkn_awards.awards(year=2020, institution="Kab. Sidoarjo")
    assert "\\u" not in found.to_json()
    indented = found.to_json(indent=2)
    assert indented.startswith("[\n  {\n")
    assert json.loads(indented) == json.loads(found.to_json())
    assert Records(()).to_json() == "[]"


# --- Conflicts and coverage ---------------------------------------------------------------------


def test_conflicts_and_coverage_are_records_too() -> None:
    conflicts, coverage = bkn_awards.conflicts(), bkn_awards.coverage()
    assert isinstance(conflicts, Records)
    assert isinstance(coverage, Records)
    assert isinstance(bkn_awards.load().conflicts(), Records)
    assert conflicts == tuple(conflicts)  # still a tuple, equal to one
    # A conflict's table has a line a claim, each naming its record.
    lines = conflicts.table(count=False).splitlines()
    assert lines[0].split() == ["Subject", "Field", "Value", "Record"]
    claims = [(c, claim) for c in conflicts for claim in c.claims]
    assert len(lines) == 1 + len(claims)
    for line, (_, claim) in zip(lines[1:], claims, strict=True):
        assert line.endswith(claim.record.id)
    html = conflicts._repr_html_()
    assert "<th>Record</th>" in html
    assert f"[{len(conflicts)} conflicts]" in html
    assert coverage.table(width=80).splitlines()[0].split()[:4] == [
        "Year",
        "Reported",
        "Itemised",
        "Missing",
    ]


def test_a_conflicts_claims_become_list_columns() -> None:
    conflicts = bkn_awards.conflicts()
    rows = conflicts.to_records()
    for row, conflict in zip(rows, conflicts, strict=True):
        assert list(row) == ["subject", "field", "values", "records", "sources"]
        assert row["records"] == [claim.record.id for claim in conflict.claims]
        assert row["sources"] == [[c.source.id for c in cl.citations] for cl in conflict.claims]
        assert len(row["values"]) == len(conflict.claims)
    assert json.loads(conflicts.to_json()) == rows
    # A date is ISO 8601 text in its list, as JSON and CSV write a list.
    event = bkn_awards.events()[0]
    claims = (
        Claim(value=dt.date(2020, 12, 17), record=event, citations=event.citations[:1]),
        Claim(value=None, record=event, citations=event.citations[1:]),
    )
    dated = Records([Conflict(subject="the ceremony", field="date", claims=claims)])
    assert dated.to_records()[0]["values"] == ["2020-12-17", None]
    assert dated.table().splitlines()[1].split()[-2:] == ["2020-12-17", event.id]
    frame = conflicts.to_pandas()
    assert list(frame.columns) == ["subject", "field", "values", "records", "sources"]
    assert frame["records"].tolist() == [row["records"] for row in rows]
    assert str(frame["values"].dtype) == "object"


def test_coverage_converts_with_the_year_of_each_count() -> None:
    coverage = bkn_awards.coverage()
    rows = coverage.to_records()
    assert list(rows[0])[:3] == ["year", "tally", "reported"]
    assert [row["year"] for row in rows] == [c.tally.year for c in coverage]
    frame = coverage.to_pandas()
    assert str(frame["year"].dtype) == "int64"
    assert str(frame["reported"].dtype) == "Int64"
    assert frame["missing"].isna().sum() == sum(c.missing is None for c in coverage)


# --- pandas -------------------------------------------------------------------------------------


def test_to_pandas_columns_and_dtypes() -> None:
    frame = bkn_awards.awards().to_pandas()
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == AWARD_COLUMNS
    assert list(frame["id"]) == [a.id for a in bkn_awards.awards()]


def test_to_pandas_marks_the_disputed_awards() -> None:
    awards = bkn_awards.awards()
    frame = awards.to_pandas()
    assert str(frame["disputed"].dtype) == "bool"
    assert list(frame["disputed"]) == [a.disputed for a in awards]
    (jateng,) = bkn_awards.awards(year=2022, province="Jateng", rank=4, theme="performance")
    row = frame[frame.id == jateng.id].iloc[0]
    assert row.disputed
    assert pandas.isna(row["rank"])
    assert list(row["ranks"]) == [4, 5]
    assert frame["disputed"].sum() == sum(a.disputed for a in awards) > 1
    # The group is a category of the values of Group.
    assert set(frame["group"].dropna()) == {a.group.value for a in awards if a.group}
    assert frame["group"].isna().sum() == sum(a.group is None for a in awards)


def test_to_pandas_groups_at_once() -> None:
    awards = bkn_awards.awards()
    frame = awards.to_pandas()
    per_year = frame.groupby("year").size().to_dict()
    assert per_year == dict(Counter(a.year for a in awards))
    per_kind = frame.groupby("institution_kind", observed=True).size().to_dict()
    assert per_kind == dict(Counter(a.institution.kind.value for a in awards))
    per_theme = frame.groupby("category_theme", observed=True).size().to_dict()
    assert per_theme == dict(Counter(a.category.theme.value for a in awards if a.category))
    assert frame["category_theme"].isna().sum() == sum(a.category is None for a in awards) > 0
    assert frame["rank"].isna().sum() == sum(a.rank is None for a in awards)
    seed = frame[frame.id.isin(SEED_AWARDS)]
    assert seed.groupby("year").size().to_dict() == {2020: 8, 2022: 4, 2023: 5}
    assert seed.groupby("institution_kind", observed=True).size().to_dict() == {
        "city": 7,
        "province": 7,
        "regency": 3,
    }
    assert seed["rank"].isna().sum() == 1
    mojokerto = frame[frame.id == "2022-kab-mojokerto-manajemen-asn"].iloc[0]
    assert mojokerto.first_published == pandas.Timestamp("2022-08-11")  # the day of 18:36 WIB
    assert mojokerto.event_date == pandas.Timestamp("2022-08-10")


def test_to_pandas_round_trips_to_the_same_awards() -> None:
    found = bkn_awards.awards(year=2022)
    frame = found.to_pandas()
    assert [bkn_awards.award(i) for i in frame["id"]] == list(found)
    assert frame["rank"].tolist() == [a.rank if a.rank else pandas.NA for a in found]


def test_other_records_convert_too() -> None:
    frame = bkn_awards.events().to_pandas()
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert str(frame["date_inferred"].dtype) == "bool"
    assert str(frame["kind"].dtype) == "category"
    assert bkn_awards.awards(year=NO_EDITION).to_pandas().empty


def test_times_convert_to_utc() -> None:
    frame = bkn_awards.sources().to_pandas()
    assert str(frame["published"].dtype) == "datetime64[ns, UTC]"
    first = bkn_awards.sources()[0]
    assert first.published is not None
    assert frame["published"].iloc[0] == pandas.Timestamp(first.published)
    assert frame["published"].iloc[0].hour == 11  # 18:36 WIB


def test_to_pandas_without_pandas_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="needs pandas: python -m pip install pandas"):
        bkn_awards.awards().to_pandas()
