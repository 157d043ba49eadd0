"""Records as flat rows: one value a column, the columns' types, and CSV cells read back."""

from __future__ import annotations

import datetime as dt
import enum
import json
from typing import Any

import pytest

import bkn_awards
from bkn_awards import Award, Event, Institution, Source, Tally
from bkn_awards.codec import unstructure
from bkn_awards.rows import cell_text, column_types, flatten, pandas_dtype, unflatten
from datafiles import AWARD_COLUMNS

WIB = dt.timezone(dt.timedelta(hours=7))


def _cells(row: dict[str, Any]) -> dict[str, str]:
    """A flat row as a CSV file writes it: text, and an empty cell for None."""
    return {name: "" if value is None else cell_text(value) for name, value in row.items()}


def test_every_record_flattens_to_the_columns_its_type_declares() -> None:
    for name, records in bkn_awards.load().records_by_file().items():
        for record in records:
            assert list(flatten(record)) == list(column_types(type(record))), name


def test_an_award_row_carries_ids_five_citation_lists_and_the_columns_to_read_it() -> None:
    award = bkn_awards.award("2022-kab-mojokerto-manajemen-asn")
    row = flatten(award)
    assert list(row) == list(AWARD_COLUMNS)
    assert (row["institution"], row["institution_name"]) == (
        award.institution.id,
        award.institution.name,
    )
    assert row["institution_kind"] == award.institution.kind.value
    assert award.category is not None
    assert (row["category_theme"], row["category_name"]) == (
        award.category.theme.value,
        award.category.name,
    )
    lists = ("sources", "source_titles", "source_urls", "paragraphs", "parts")
    counts = {len(row[c]) for c in lists}
    assert counts == {len(award.citations)}
    assert row["paragraphs"] == [list(c.paragraphs) for c in award.citations]
    assert row["source_urls"] == [c.source.url for c in award.citations]
    # The placings, each as the data files write it, and what they agree on.
    assert row["placings"] == unstructure(award)["placings"]
    assert (row["rank"], row["ranks"], row["rank_label"], row["disputed"]) == (
        None,
        [],
        "terbaik",
        False,
    )
    assert (row["group"], row["group_label"]) == (None, None)
    assert award.event is not None
    assert row["event_date"] == award.event.date


def test_every_record_reads_back_from_its_csv_cells_as_the_data_files_write_it() -> None:
    for records in bkn_awards.load().records_by_file().values():
        for record in records:
            assert unflatten(type(record), _cells(flatten(record))) == unstructure(record)


def test_a_cell_that_does_not_read_as_its_type_stays_text_for_the_decoder() -> None:
    assert unflatten(Award, {"year": "two"}) == {"year": "two"}
    assert unflatten(Award, {"year": "\u0663"}) == {"year": "\u0663"}  # a digit, not ASCII
    assert unflatten(Award, {"year": "-3", "group": ""}) == {"year": -3, "group": None}
    assert unflatten(Award, {"placings": "[oops"}) == {"placings": "[oops"}
    assert unflatten(Event, {"date_inferred": "yes"}) == {"date_inferred": "yes"}
    assert unflatten(Event, {"date_inferred": "False"}) == {"date_inferred": False}
    assert unflatten(Institution, {"aliases": "[oops"}) == {"aliases": "[oops"}


def test_citations_whose_lists_do_not_pair_up_are_left_for_the_decoder() -> None:
    row = {"sources": '["a", "b"]', "paragraphs": "[[1]]"}
    assert unflatten(Event, row) == {"citations": ["a", "b"]}
    # Parts that do not pair up are left out; the sources and paragraphs still make citations.
    row = {"sources": '["a"]', "paragraphs": "[[1, 2]]", "parts": '["x", "y"]'}
    assert unflatten(Event, row) == {
        "citations": [{"source": "a", "paragraphs": [1, 2], "part": None}]
    }
    # Columns a row carries for reading only are not read back.
    assert unflatten(Award, {"institution_name": "x", "source_titles": "[]"}) == {}
    assert unflatten(Event, {"source_titles": "[]", "source_urls": "[]"}) == {}


def test_an_award_s_placings_are_read_back_from_their_column_alone() -> None:
    placings = [
        {
            "rank": 2,
            "rank_label": "peringkat II",
            "category": None,
            "citations": [{"source": "a", "paragraphs": [1], "part": None}],
        }
    ]
    assert unflatten(Award, {"placings": json.dumps(placings)}) == {"placings": placings}
    # What the placings agree on, and the citations of them all, are for reading only.
    read_only = {
        "rank": "2",
        "ranks": "[2, 3]",
        "rank_label": "x",
        "disputed": "True",
        "sources": '["b"]',
        "paragraphs": "[[3]]",
        "parts": "[null]",
        "source_urls": '["https://example.org"]',
    }
    assert unflatten(Award, read_only) == {}
    disputed = bkn_awards.awards(year=2022, province="Jateng", rank=5)[0]
    assert disputed.disputed
    assert unflatten(Award, _cells(flatten(disputed))) == unstructure(disputed)


def test_column_types_say_what_a_column_holds_and_if_it_may_be_empty() -> None:
    assert column_types(Award)["year"] == (int, False)
    assert column_types(Award)["rank"] == (int, True)
    assert column_types(Award)["institution"] == (str, False)  # a link is its id
    assert column_types(Award)["category"] == (str, True)
    assert column_types(Award)["sources"] == (list, False)
    assert column_types(Award)["source_urls"] == (list, False)
    assert column_types(Award)["group"] == (enum.Enum, True)
    assert column_types(Award)["group_label"] == (str, True)
    assert column_types(Award)["ranks"] == (list, False)
    assert column_types(Award)["disputed"] == (bool, False)
    assert column_types(Award)["placings"] == (list, False)
    assert column_types(Event)["source_urls"] == (list, False)
    assert column_types(Institution)["kind"] == (enum.Enum, False)
    assert column_types(Institution)["aliases"] == (list, False)
    assert column_types(Tally)["kinds"] == (list, False)
    assert column_types(Source)["published"] == (dt.datetime, True)
    assert column_types(Event)["date"] == (dt.date, True)
    assert column_types(Event)["date_inferred"] == (bool, False)
    assert "citations" not in column_types(Event)


@pytest.mark.parametrize(
    ("kind", "optional", "dtype"),
    [
        (int, False, "int64"),
        (int, True, "Int64"),
        (bool, False, "bool"),
        (bool, True, "boolean"),
        (dt.date, True, "datetime64[ns]"),
        (dt.datetime, False, "datetime64[ns, UTC]"),
        (enum.Enum, True, "category"),
        (str, True, "object"),
        (list, False, "object"),
    ],
)
def test_each_column_type_has_its_pandas_dtype(kind: type[Any], optional: bool, dtype: str) -> None:
    assert pandas_dtype(kind, optional) == dtype


def test_award_columns_have_the_pandas_dtypes_of_their_types() -> None:
    dtypes = {name: pandas_dtype(*typed) for name, typed in column_types(Award).items()}
    assert dtypes == AWARD_COLUMNS


def test_cells_are_written_as_text_a_reader_can_parse() -> None:
    assert cell_text(dt.datetime(2022, 8, 11, 18, 36, tzinfo=WIB)) == "2022-08-11T18:36:00+07:00"
    assert cell_text(dt.date(2020, 12, 17)) == "2020-12-17"
    assert cell_text(["Kab. Sidoarjo", "Sidoarjo \u00e9"]) == '["Kab. Sidoarjo", "Sidoarjo \u00e9"]'
    assert json.loads(cell_text([[1, 5], []])) == [[1, 5], []]
    assert (cell_text(3), cell_text(True), cell_text("x")) == ("3", "True", "x")


def test_dates_in_flat_rows_are_dates() -> None:
    rows = bkn_awards.events(year=2023).to_records()
    (row,) = [r for r in rows if r["id"] == "2023-ceremony-surabaya"]
    assert row["date"] == dt.date(2023, 6, 8)
    assert all(r["date"] is None or type(r["date"]) is dt.date for r in rows)


def test_times_are_written_in_iso_8601_in_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    (row, *_) = json.loads(bkn_awards.sources().to_json())
    assert row["published"] == "2022-08-11T18:36:00+07:00"
    from bkn_awards.cli import main

    assert main(["sources", "--format", "csv"]) == 0
    assert ",2022-08-11T18:36:00+07:00," in capsys.readouterr().out
