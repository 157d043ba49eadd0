"""The award question as a value, and the index that answers it."""

from __future__ import annotations

import argparse

import attrs
import pytest
from hypothesis import given, strategies as st

import bkn_awards
from bkn_awards import AwardQuery, InstitutionKind, QueryError, Theme, UnknownInstitutionError
from bkn_awards.cli import _parser
from bkn_awards.query import filters

ALL = bkn_awards.awards()


def test_every_filter_is_a_field_of_the_query_and_nothing_else_is() -> None:
    assert [name for name, _ in filters()] == [f.name for f in attrs.fields(AwardQuery)]
    assert all(attrs.fields_dict(AwardQuery)[name].default is None for name, _ in filters())


def test_a_query_reads_each_input_once_into_a_value() -> None:
    query = AwardQuery(year=(y for y in [2022, 2020]), rank=1, kind="Pemkab", province="Jateng")
    assert query.year == frozenset({2020, 2022})
    assert query.rank == frozenset({1})
    assert query.kind is InstitutionKind.REGENCY
    assert query.province is not None
    assert query.province.code == "33"
    # A value: equal queries are equal and hash alike, and remaking one changes nothing.
    assert attrs.evolve(query) == query
    assert hash(attrs.evolve(query)) == hash(query)
    assert AwardQuery(theme="competency").theme is Theme.COMPETENCY


@pytest.mark.parametrize(
    ("filters_given", "error"),
    [
        ({"rank": 0}, QueryError),
        ({"year": "x"}, QueryError),
        ({"year": True}, QueryError),
        ({"kind": "planet"}, QueryError),
        ({"theme": "luck"}, QueryError),
        ({"institution": " "}, QueryError),
        ({"institution": 35}, QueryError),
        ({"category": ""}, QueryError),
        ({"province": "Atlantis"}, UnknownInstitutionError),
    ],
)
def test_a_malformed_filter_is_refused_when_the_query_is_made(
    filters_given: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        AwardQuery(**filters_given)  # type: ignore[arg-type]


def test_a_query_value_and_its_keywords_give_the_same_answer() -> None:
    query = AwardQuery(year=2022, province="Jateng", rank=[4, 5])
    assert bkn_awards.awards(query) == bkn_awards.awards(year=2022, province="Jateng", rank=[4, 5])
    assert bkn_awards.load().awards(query) == bkn_awards.awards(query)
    with pytest.raises(QueryError, match="not both"):
        bkn_awards.awards(query, year=2022)


@given(
    year=st.none() | st.sets(st.sampled_from([2016, 2020, 2021, 2022, 2023]), min_size=1),
    rank=st.none() | st.sets(st.integers(1, 6), min_size=1),
    kind=st.none() | st.sampled_from(list(InstitutionKind)),
    theme=st.none() | st.sampled_from(list(Theme)),
)
def test_the_index_answers_as_a_scan_of_every_award_would(
    year: set[int] | None,
    rank: set[int] | None,
    kind: InstitutionKind | None,
    theme: Theme | None,
) -> None:
    found = bkn_awards.awards(year=year, rank=rank, kind=kind, theme=theme)
    expected = [
        a
        for a in ALL
        if (year is None or a.year in year)
        and (rank is None or a.rank in rank)
        and (kind is None or a.institution.kind is kind)
        and (theme is None or (a.category is not None and a.category.theme is theme))
    ]
    assert list(found) == expected


def test_an_empty_answer_names_the_one_filter_that_finds_nothing_alone() -> None:
    assert bkn_awards.awards(year=2022, rank=99).note == "no award in the data has the rank 99"
    bantul = bkn_awards.awards(year=2022, institution="Kab. Bantul").note
    assert bantul == "Pemerintah Kabupaten Bantul (34.02) has no awards in the data"
    edition = bkn_awards.awards(year=2015).note
    assert edition == "the data itemises no award of 2015"


def test_an_empty_answer_of_filters_that_each_find_something_has_no_note() -> None:
    # Jawa Tengah has awards, and so has rank 1 in 2022, but not together.
    found = bkn_awards.awards(year=2022, province="Jateng", rank=1)
    assert not found
    assert bkn_awards.awards(year=2022, rank=1)
    assert bkn_awards.awards(province="Jateng")
    assert found.note is None


def test_the_command_line_has_one_award_option_for_each_filter() -> None:
    parser = _parser("awards")
    awards = next(
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    ).choices["awards"]
    options = {a.dest: a for a in awards._actions}
    for name, f in filters():
        assert options[name].help == f.help
        assert options[name].option_strings == [f"--{name}"]
        assert (options[name].nargs == "+") == f.many
