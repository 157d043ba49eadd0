"""Query results: tuples of records that print as tables and convert to rows, JSON and pandas."""

from __future__ import annotations

import builtins
import datetime as dt
import json
from collections import Counter
from typing import Any

import attrs
import pandas
import pytest

import bkn_awards
from bkn_awards import Records
from datafiles import AWARD_COLUMNS, held

# The awards of the seed: those the article files the project holds report (the first data).
SEED_AWARDS = [a.id for a in bkn_awards.awards() if held(a)]
# A year before the first edition the data holds: no award can be of it.
NO_EDITION = min(e.year for e in bkn_awards.editions()) - 1


# --- Printed ------------------------------------------------------------------------------------


def test_records_print_as_tables_and_render_as_html() -> None:
    found = bkn_awards.awards(year=2022)
    text = str(found)
    assert text.splitlines()[0].split() == [
        "Id",
        "Year",
        "Institution",
        "Category",
        "Group",
        "Rank",
        "Source",
    ]
    assert text.splitlines()[-1] == f"[{len(found)} awards]"
    assert repr(found) == text
    html = found._repr_html_()
    assert html.startswith("<table>")
    # A header, then every award, or the first and last ten around a row of how many are left.
    assert html.count("<tr>") == 1 + (len(found) if len(found) <= 20 else 10 + 1 + 10)
    assert "Pemerintah Kota Mojokerto" in html
    assert "surabayapagi.com, 2022-08-11" in html
    assert repr(found[0]).startswith("Award(id='2022-kab-mojokerto-implementasi-manajemen-asn'")
    assert "<caption>Award</caption>" in found[0]._repr_html_()


def test_a_long_result_shows_head_and_tail() -> None:
    many = bkn_awards.Records([bkn_awards.awards()[0]] * 25)
    lines = str(many).splitlines()
    assert lines[11] == "... 5 more"
    assert lines[-1] == "[25 awards]"
    assert "&hellip; 5 more" in many._repr_html_()


def test_counts_are_written_in_good_english() -> None:
    categories, tallies = bkn_awards.categories(year=2020), bkn_awards.tallies(year=2022)
    assert min(len(categories), len(tallies)) > 1  # plurals, both
    assert str(categories).splitlines()[-1] == f"[{len(categories)} categories]"
    assert str(tallies).splitlines()[-1] == f"[{len(tallies)} tallies]"
    assert str(bkn_awards.Records(bkn_awards.editions()[:1])).splitlines()[-1] == "[1 edition]"
    assert str(bkn_awards.Records(())) == "[no records]"


def test_a_table_can_be_cut_to_a_width() -> None:
    found = bkn_awards.awards(year=2022)
    lines = found.table(width=60).splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert any("…" in line for line in lines)
    assert lines[-1] == f"[{len(found)} awards]"
    assert found.table() == str(found)


def test_an_empty_answer_says_why_where_it_can() -> None:
    empty = bkn_awards.awards(institution="Kab. Bantul")
    assert empty.note is not None
    assert empty.table() == f"[no records: {empty.note}]"
    noted: Records[bkn_awards.Award] = Records.noted([], "nothing here")
    assert (noted, noted.note, str(noted)) == ((), "nothing here", "[no records: nothing here]")
    assert Records(()).note is None


def test_cells_are_escaped_in_html() -> None:
    sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
    odd = attrs.evolve(sidoarjo, name="Kab <Sidoarjo> & co")
    html = Records([odd])._repr_html_()
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
    mojokerto = frame[frame.id == "2022-kab-mojokerto-implementasi-manajemen-asn"].iloc[0]
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
