"""The award question as a value, and the index that answers it."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st

import bkn_awards
from bkn_awards import (
    AmbiguousInstitutionError,
    Award,
    AwardQuery,
    Group,
    InstitutionKind,
    QueryError,
    Records,
    Theme,
    UnknownAwardError,
    UnknownCategoryError,
    UnknownInstitutionError,
)
from bkn_awards.cli import _parser
from bkn_awards.errors import UnknownRegionError
from bkn_awards.query import filters, of_kind, of_years, term, whole_numbers
from bkn_awards.text import name_words
from datafiles import held

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
    assert AwardQuery(group="Cities-SMALL").group is Group.CITIES_SMALL
    assert AwardQuery(group=Group.CITIES_SMALL) == AwardQuery(group="cities-small")


@pytest.mark.parametrize(
    ("filters_given", "error"),
    [
        ({"rank": 0}, QueryError),
        ({"year": "x"}, QueryError),
        ({"year": True}, QueryError),
        ({"kind": "planet"}, QueryError),
        ({"theme": "luck"}, QueryError),
        ({"group": "towns"}, QueryError),
        ({"group": 5}, QueryError),
        ({"institution": " "}, QueryError),
        ({"institution": 35}, QueryError),
        ({"category": ""}, QueryError),
        ({"province": "Atlantis"}, UnknownRegionError),
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
    group=st.none() | st.sampled_from(list(Group)),
)
def test_the_index_answers_as_a_scan_of_every_award_would(
    year: set[int] | None,
    rank: set[int] | None,
    kind: InstitutionKind | None,
    theme: Theme | None,
    group: Group | None,
) -> None:
    found = bkn_awards.awards(year=year, rank=rank, kind=kind, theme=theme, group=group)
    # An award is found by any rank reported and any category (so theme) its reports give.
    expected = [
        a
        for a in ALL
        if (year is None or a.year in year)
        and (rank is None or any(r in rank for r in a.ranks))
        and (kind is None or a.institution.kind is kind)
        and (theme is None or any(c.theme is theme for c in a.categories))
        and (group is None or a.group is group)
    ]
    assert list(found) == expected


def test_an_empty_answer_names_the_one_filter_that_finds_nothing_alone() -> None:
    assert bkn_awards.awards(year=2022, rank=99).note == "no award in the data has the rank 99"
    bantul = bkn_awards.awards(year=2022, institution="Kab. Bantul").note
    assert bantul == "Pemerintah Kabupaten Bantul (34.02) has no awards in the data"
    edition = bkn_awards.awards(year=2015).note
    assert edition == "the data itemises no award of 2015"


def test_an_empty_answer_of_filters_that_each_find_something_has_no_note() -> None:
    # Jawa Tengah has awards in 2022, and 2022 has a rank none of them holds: computed from the
    # data, so that a new award does not make the combination find something.
    held = {p.rank for a in bkn_awards.awards(year=2022, province="Jateng") for p in a.placings}
    ranks = {p.rank for a in bkn_awards.awards(year=2022) for p in a.placings if p.rank} - held
    assert ranks, "every rank of 2022 is held in Jawa Tengah: the test needs another province"
    rank = min(ranks)
    found = bkn_awards.awards(year=2022, province="Jateng", rank=rank)
    assert not found
    assert bkn_awards.awards(year=2022, rank=rank)
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


# --- Every filter, alone and together ------------------------------------------------------------

# The awards the five article files report: their facts were checked by hand, and stay pinned.
SEED = [a for a in ALL if held(a)]


def _seed(found: Iterable[Award]) -> list[Award]:
    return [a for a in found if held(a)]


def test_no_filter_returns_every_award_in_order() -> None:
    assert bkn_awards.awards() == ALL
    assert [a.year for a in ALL] == sorted(a.year for a in ALL)


@pytest.mark.parametrize(("year", "seed_count"), [(2020, 8), (2022, 4), (2023, 5), (2021, 0)])
def test_year(year: int, seed_count: int) -> None:
    found = bkn_awards.awards(year=year)
    assert list(found) == [a for a in ALL if a.year == year]
    assert found
    assert len(_seed(found)) == seed_count


def test_a_year_with_no_edition_is_empty_and_says_why() -> None:
    held_years = sorted(e.year for e in bkn_awards.editions())
    missing = min(held_years) - 1
    found = bkn_awards.awards(year=missing)
    assert len(found) == 0
    assert found.note == f"the data holds no edition of {missing} (it holds {held_years})"


def test_years_from_a_generator_say_why_an_answer_is_empty() -> None:
    missing = min(e.year for e in bkn_awards.editions()) - 1
    expected = bkn_awards.awards(year=[missing]).note
    assert expected is not None
    assert bkn_awards.awards(year=(y for y in [missing])).note == expected


def test_several_years() -> None:
    both = bkn_awards.awards(year=[2020, 2022])
    assert list(both) == [a for a in ALL if a.year in (2020, 2022)]
    assert len(_seed(both)) == 12
    later = bkn_awards.awards(year=(y for y in (2022, 2023)))
    assert list(later) == [a for a in ALL if a.year in (2022, 2023)]
    assert len(_seed(later)) == 9


def test_years_from_a_generator_work_with_a_category_filter() -> None:
    # The years are read once, although both filters use them.
    years = (y for y in (2020, 2022))
    found = bkn_awards.awards(year=years, category="penilaian kompetensi")
    assert found == bkn_awards.awards(year=[2020, 2022], category="penilaian kompetensi")
    assert list(found) == _brute_force(ALL, [2020, 2022], None, "penilaian kompetensi", None)
    assert [a.institution.id for a in _seed(found)] == [
        "kab-sidoarjo",
        "kota-madiun",
        "kota-mojokerto",
    ]


def test_institution_with_year_gives_kota_mojokerto_2022() -> None:
    found = bkn_awards.awards(year=2022, institution="Pemkot Mojokerto", sort="rank")
    assert [a.rank for a in found] == [2, 3, 4]
    assert [a.rank_label for a in found] == ["peringkat II", "peringkat III", "peringkat IV"]
    assert {a.group for a in found} == {Group.CITIES_SMALL}
    assert {a.group_label for a in found} == {"pemerintah kota tipe kecil"}


def test_institution_accepts_an_institution_object_and_a_code() -> None:
    jatim = bkn_awards.institution("Pemprov Jatim")
    found = bkn_awards.awards(institution=jatim)
    assert found == bkn_awards.awards(institution="35")
    assert list(found) == [a for a in ALL if a.institution.id == "pemprov-jatim"]
    assert [a.year for a in _seed(found)] == [2020] * 2 + [2023] * 5


def test_a_region_with_no_awards_is_found_and_the_empty_answer_says_why() -> None:
    bantul = bkn_awards.region("Kab. Bantul")
    assert bantul is not None
    assert not [a for a in ALL if a.institution.region_code == bantul.code]
    found = bkn_awards.awards(institution="Kab. Bantul")
    assert len(found) == 0
    assert isinstance(found, bkn_awards.Records)
    assert found.note == "Pemerintah Kabupaten Bantul (34.02) has no awards in the data"
    assert "has no awards in the data" in found.table()
    assert bkn_awards.awards(institution="34.02", year=2022).note == found.note


@given(st.sampled_from(bkn_awards.regions()))
def test_any_region_by_its_code_gives_its_awards_or_says_it_has_none(
    place: bkn_awards.Region,
) -> None:
    found = bkn_awards.awards(institution=place.code)
    assert list(found) == [a for a in ALL if a.institution.region_code == place.code]
    if found:
        assert found.note is None
    else:
        assert found.note == f"{place.official_name} ({place.code}) has no awards in the data"


def test_an_ambiguous_bare_name_is_refused_in_a_query() -> None:
    with pytest.raises(AmbiguousInstitutionError) as caught:
        bkn_awards.awards(institution="Malang")
    assert set(caught.value.candidates) == {
        "Pemerintah Kabupaten Malang",
        "Pemerintah Kota Malang",
    }


def test_category_matches_words_in_any_case() -> None:
    found = bkn_awards.awards(category="manajemen kinerja")
    assert list(found) == _brute_force(ALL, None, None, "manajemen kinerja", None)
    # Two editions' categories, of one name since the names follow one casing rule.
    assert [(a.year, a.category.name) for a in _seed(found) if a.category] == [
        (2022, "Implementasi Penerapan Manajemen Kinerja"),
        (2023, "Implementasi Penerapan Manajemen Kinerja"),
    ]
    assert bkn_awards.awards(category="MANAJEMEN  kinerja") == found
    assert bkn_awards.awards(category="manajémen kinerja") == found


def test_category_words_need_not_be_adjacent_but_must_all_be_there() -> None:
    found = bkn_awards.awards(category="implementasi kinerja")
    assert list(found) == _brute_force(ALL, None, None, "implementasi kinerja", None)
    assert len(_seed(found)) == 2
    assert bkn_awards.awards(category="kinerja implementasi") == found
    # "kinerja" alone also finds the 2020 "Penilaian Kinerja" category.
    kinerja = bkn_awards.awards(category="kinerja")
    assert set(found) < set(kinerja)
    assert len(_seed(kinerja)) == 5


def test_category_by_id_and_object() -> None:
    (category,) = [c for c in bkn_awards.categories(year=2020) if c.name == "Penilaian Kompetensi"]
    found = bkn_awards.awards(category=category)
    assert found == bkn_awards.awards(category=category.id)
    assert list(found) == [a for a in ALL if category in a.categories]
    assert {a.institution.id for a in _seed(found)} == {"kab-sidoarjo", "kota-madiun"}


def test_every_first_place_in_penilaian_kompetensi() -> None:
    found = bkn_awards.awards(category="penilaian kompetensi", rank=1)
    assert list(found) == _brute_force(ALL, None, None, "penilaian kompetensi", [1])
    assert [(a.year, a.institution.id, a.rank_label) for a in _seed(found)] == [
        (2020, "kab-sidoarjo", "Juara Pertama")
    ]


def test_rank_and_several_ranks() -> None:
    third = bkn_awards.awards(rank=3)
    assert list(third) == [a for a in ALL if 3 in a.ranks]
    assert [a.institution.id for a in _seed(bkn_awards.awards(rank=3, sort="data"))] == [
        "kota-madiun",
        "kota-kediri",
        "kota-mojokerto",
    ]
    assert len(bkn_awards.awards(rank=[1, 2])) == len(bkn_awards.awards(rank=1)) + len(
        bkn_awards.awards(rank=2)
    )
    assert not [a for a in ALL if {1, 2} <= set(a.ranks)]  # so no award counts twice above


def test_an_award_of_two_reported_ranks_is_found_by_each_once() -> None:
    (award,) = [a for a in ALL if len(a.ranks) > 1]
    assert (award.year, award.institution.id, award.ranks) == (2022, "pemprov-jateng", (4, 5))
    assert award.rank is None
    for rank in (4, 5):
        found = bkn_awards.awards(rank=rank)
        assert found.count(award) == 1, rank
        assert list(found) == [a for a in ALL if rank in a.ranks]
        assert bkn_awards.awards(year=2022, province="Jateng", rank=rank).count(award) == 1
    both = bkn_awards.awards(rank=[4, 5])
    assert both.count(award) == 1
    assert list(both) == [a for a in ALL if {4, 5} & set(a.ranks)]
    assert len(both) == len(set(bkn_awards.awards(rank=4)) | set(bkn_awards.awards(rank=5)))
    # With another filter leading the walk through the index, the same answer.
    assert list(bkn_awards.awards(rank=[4, 5], year=2022, theme="performance")) == [
        a
        for a in both
        if a.year == 2022 and any(c.theme is Theme.PERFORMANCE for c in a.categories)
    ]


def test_unnumbered_rank_is_none_and_matches_no_rank_filter() -> None:
    (terbaik,) = [a for a in SEED if a.rank is None]
    assert terbaik.rank_label == "terbaik"
    assert terbaik.institution.id == "kab-mojokerto"
    assert terbaik.ranks == ()
    unranked = [a for a in ALL if not a.ranks]
    ranks = {r for a in ALL for r in a.ranks}
    for rank in ranks:
        assert not set(unranked) & set(bkn_awards.awards(rank=rank))
    assert len(bkn_awards.awards(rank=sorted(ranks))) == len(ALL) - len(unranked)
    # An award whose reports disagree on its rank has none, but is found by each it is given.
    disputed = [a for a in ALL if a.rank is None and a.ranks]
    assert disputed
    assert set(disputed) <= set(bkn_awards.awards(rank=sorted(ranks)))


def test_2023_second_place() -> None:
    award = bkn_awards.awards(year=2023, rank=2, institution="Pemprov Jatim")[0]
    assert award.institution.name == "Pemerintah Provinsi Jawa Timur"
    assert award.category is not None
    assert award.category.name == "Penerapan Pemanfaatan Data-Sistem Informasi dan CAT"
    assert (award.rank, award.rank_label) == (2, "Ranking 2")
    # The group another report of the province's 2023 places gives.
    assert (award.group, award.group_label) == (Group.PROVINCES_LARGE, "Pemprov tipe besar")
    assert award.citations[0].source.title is not None
    assert award.citations[0].paragraphs == (5, 6)


def test_kind() -> None:
    cities = bkn_awards.awards(kind="city")
    assert cities == bkn_awards.awards(kind=InstitutionKind.CITY)
    assert cities == bkn_awards.awards(kind="Pemkot")
    assert list(cities) == [a for a in ALL if a.institution.kind is InstitutionKind.CITY]
    assert len(_seed(cities)) == 7


def test_all_filters_combined() -> None:
    found = bkn_awards.awards(
        year=2020,
        institution="Kab. Tulungagung",
        category="penilaian kinerja",
        rank=1,
        kind="regency",
        province="Jatim",
        theme="performance",
    )
    assert [a.id for a in found] == ["2020-kab-tulungagung-kinerja"]
    assert bkn_awards.awards(year=2023, institution="Kab. Tulungagung") == ()
    assert bkn_awards.awards(year=2020, institution="Kab. Tulungagung", province="Jateng") == ()


def test_awards_without_a_category_match_no_category_or_theme_filter() -> None:
    uncategorised = {a for a in ALL if not a.categories}
    assert uncategorised
    for theme in Theme:
        assert not uncategorised & set(bkn_awards.awards(theme=theme))
    themed = [bkn_awards.awards(theme=theme) for theme in Theme]
    assert set().union(*themed) == set(ALL) - uncategorised
    # An award in two categories of two themes (the reports disagree) is found by each once.
    assert sum(map(len, themed)) == sum(len({c.theme for c in a.categories}) for a in ALL)


def test_an_award_of_disputed_category_is_found_by_each_category_and_theme() -> None:
    (kediri,) = [a for a in ALL if a.id == "2020-kota-kediri-kinerja"]
    assert kediri.category is None
    first, second = kediri.categories
    assert first.theme is not second.theme
    for category in (first, second):
        found = bkn_awards.awards(category=category)
        assert found.count(kediri) == 1
        assert bkn_awards.awards(category=category.name, year=2020).count(kediri) == 1
        assert bkn_awards.awards(theme=category.theme, year=2020).count(kediri) == 1
        assert list(found) == [a for a in ALL if category in a.categories]


def test_province_by_name_alias_code_and_iso_code() -> None:
    found = bkn_awards.awards(province="Jawa Tengah")
    assert found
    assert list(found) == [
        a for a in ALL if a.institution.region_code and a.institution.region_code[:2] == "33"
    ]
    for text in ("Jateng", "33", "ID-JT", "Provinsi Jawa Tengah", "pemprov jateng"):
        assert bkn_awards.awards(province=text) == found, text
    # The province's government and its kabupaten and kota, whichever of them the data holds.
    kinds = {a.institution.kind for a in found}
    assert InstitutionKind.PROVINCE in kinds
    assert kinds - {InstitutionKind.PROVINCE}
    assert kinds <= {InstitutionKind.PROVINCE, InstitutionKind.REGENCY, InstitutionKind.CITY}


def test_a_province_by_its_english_name() -> None:
    central_java = bkn_awards.awards(province="Jawa Tengah")
    for text in ("Central Java", "central java province", "Pemprov Central Java"):
        assert bkn_awards.awards(province=text) == central_java, text
    assert bkn_awards.awards(province="Jogja") == bkn_awards.awards(province="DIY")


def test_a_province_must_be_a_province() -> None:
    with pytest.raises(UnknownRegionError) as caught:
        bkn_awards.awards(province="Bantul")
    assert str(caught.value) == "no province is known as 'Bantul'"
    with pytest.raises(UnknownInstitutionError) as unknown:  # a region's government is one
        bkn_awards.awards(province="Jawa Tenga")
    assert "Jawa Tengah" in unknown.value.suggestions


def test_an_unknown_province_is_quoted_as_it_was_written() -> None:
    with pytest.raises(UnknownRegionError) as caught:
        bkn_awards.awards(province="Jawa Tenggah")
    error = caught.value
    assert (error.query, error.kind, error.suggestions) == (
        "Jawa Tenggah",
        "province",
        ("Jawa Tengah",),
    )
    assert str(error) == "no province is known as 'Jawa Tenggah'; did you mean 'Jawa Tengah'?"
    with pytest.raises(
        UnknownRegionError, match=r"^no province is known as 'pemprov  JAWA tenggah'"
    ):
        AwardQuery(province="pemprov  JAWA tenggah")


def test_theme_by_name_and_member() -> None:
    competency = bkn_awards.awards(theme="competency")
    assert competency == bkn_awards.awards(theme=Theme.COMPETENCY)
    assert list(competency) == [
        a for a in ALL if any(c.theme is Theme.COMPETENCY for c in a.categories)
    ]
    # The editions name the category differently; the theme ties them together.
    names = {c.name for a in competency for c in a.categories}
    assert {"Penilaian Kompetensi", "Pengembangan Kompetensi"} <= names
    assert [a.institution.name for a in _seed(competency) if a.rank == 1] == [
        "Pemerintah Kabupaten Sidoarjo",
        "Pemerintah Provinsi Jawa Timur",
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"year": "dua ribu"}, "year must be a whole number or several, not 'dua ribu'"),
        ({"year": "2020.0"}, "year must be a whole number or several, not '2020.0'"),
        ({"year": [2020, "2021x"]}, "year must be a whole number of at least 1, not '2021x'"),
        ({"year": b"2020"}, "year must be a whole number or several, not b'2020'"),
        ({"year": True}, "year must be a whole number of at least 1"),
        ({"year": ["2020", True]}, "year must be a whole number of at least 1, not True"),
        ({"year": [2020, 20.5]}, "not 20.5"),
        ({"year": 2020.0}, "year must be a whole number or several, not 2020.0"),
        ({"rank": 0}, "rank must be a whole number of at least 1, not 0"),
        ({"rank": "0"}, "rank must be a whole number of at least 1, not '0'"),
        ({"rank": "-1"}, "rank must be a whole number or several, not '-1'"),
        ({"rank": ["1", "dua"]}, "rank must be a whole number of at least 1, not 'dua'"),
        ({"institution": "  "}, "institution must not be empty"),
        ({"category": " - "}, "category must not be empty"),
        ({"kind": "village"}, "kind must be one of ministry, agency, province, regency, city"),
        ({"theme": "cooking"}, "theme must be one of planning, performance, competency, "),
        ({"group": "towns"}, "group must be one of ministries, agencies, provinces, "),
        ({"group": "tingkat kota"}, "not 'tingkat kota'"),
        ({"province": " "}, "a region is named by a non-empty text"),
        ({"province": 33}, "province must be a name or a Region, not 33"),
    ],
)
def test_malformed_filters_raise_query_error(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        bkn_awards.awards(**arguments)


def _brute_force(
    awards: Iterable[Award],
    years: list[int] | None,
    institution: str | None,
    category: str | None,
    ranks: list[int] | None,
    *,
    kind: InstitutionKind | None = None,
    province: str | None = None,
    theme: Theme | None = None,
    group: Group | None = None,
) -> list[Award]:
    # An award is found by any rank reported, and any category its reports give.
    def keep(a: Award) -> bool:
        code = a.institution.region_code
        return (
            (years is None or a.year in years)
            and (institution is None or a.institution.id == institution)
            and (category is None or any(_has_words(c.name, category) for c in a.categories))
            and (ranks is None or any(r in ranks for r in a.ranks))
            and (kind is None or a.institution.kind is kind)
            and (
                province is None
                or (code is not None and (code == province or code.startswith(province + ".")))
            )
            and (theme is None or any(c.theme is theme for c in a.categories))
            and (group is None or a.group is group)
        )

    return [a for a in awards if keep(a)]


def _has_words(name: str, words: str) -> bool:
    return set(name_words(words)) <= set(name_words(name))


def _no_category_has(words: str) -> bool:
    return not any(_has_words(c.name, words) for c in bkn_awards.categories())


CATEGORY_WORDS = sorted({w for a in ALL for c in a.categories for w in name_words(c.name)})
# The edition years, and a year on either side that has none.
YEARS = sorted({e.year for e in bkn_awards.editions()})
QUERY_YEARS = [YEARS[0] - 1, *YEARS, YEARS[-1] + 1]
PROVINCES = [r for r in bkn_awards.regions() if r.kind is InstitutionKind.PROVINCE]


@st.composite
def provinces(draw: st.DrawFn) -> tuple[str, str]:
    """A province's code, and one of the names that stand for it (name, alias, code, ISO)."""
    # The provinces with awards more often than the others: their answers are not empty.
    with_awards = sorted({a.institution.region_code[:2] for a in ALL if a.institution.region_code})
    codes = st.sampled_from(with_awards) | st.sampled_from([p.code for p in PROVINCES])
    place = bkn_awards.region(draw(codes), kind=InstitutionKind.PROVINCE)
    assert place is not None
    return place.code, draw(st.sampled_from(place.names()))


def _either(
    members: type[Theme] | type[InstitutionKind] | type[Group],
) -> st.SearchStrategy[object]:
    """A member of an enum, or its value as text (both name it in a query)."""
    member = st.sampled_from(list(members))
    return member | member.map(lambda m: m.value)


@given(
    years=st.none() | st.lists(st.sampled_from(QUERY_YEARS), max_size=3),
    institution=st.none() | st.sampled_from([i.id for i in bkn_awards.institutions()]),
    category=st.none() | st.lists(st.sampled_from(CATEGORY_WORDS), min_size=1, max_size=2),
    ranks=st.none() | st.lists(st.integers(1, 6), max_size=3),
)
def test_filters_agree_with_a_brute_force_scan(
    years: list[int] | None,
    institution: str | None,
    category: list[str] | None,
    ranks: list[int] | None,
) -> None:
    words = None if category is None else " ".join(category)
    if words is not None and _no_category_has(words):
        with pytest.raises(UnknownCategoryError):
            bkn_awards.awards(year=years, institution=institution, category=words, rank=ranks)
        return
    expected = _brute_force(ALL, years, institution, words, ranks)
    found = bkn_awards.awards(year=years, institution=institution, category=words, rank=ranks)
    assert list(found) == expected


@given(
    province=provinces(),
    theme=st.none() | _either(Theme),
    kind=st.none() | _either(InstitutionKind),
    years=st.none() | st.lists(st.sampled_from(QUERY_YEARS), max_size=3),
    ranks=st.none() | st.lists(st.integers(1, 6), max_size=3),
)
def test_the_province_filter_agrees_with_a_brute_force_scan(
    province: tuple[str, str],
    theme: Theme | str | None,
    kind: InstitutionKind | str | None,
    years: list[int] | None,
    ranks: list[int] | None,
) -> None:
    code, name = province
    found = bkn_awards.awards(province=name, theme=theme, kind=kind, year=years, rank=ranks)
    expected = _brute_force(
        ALL,
        years,
        None,
        None,
        ranks,
        kind=None if kind is None else InstitutionKind(kind),
        province=code,
        theme=None if theme is None else Theme(theme),
    )
    assert list(found) == expected
    assert found == bkn_awards.awards(province=code, theme=theme, kind=kind, year=years, rank=ranks)


@given(
    theme=_either(Theme),
    kind=st.none() | _either(InstitutionKind),
    years=st.none() | st.lists(st.sampled_from(QUERY_YEARS), max_size=3),
    category=st.none() | st.lists(st.sampled_from(CATEGORY_WORDS), min_size=1, max_size=2),
)
def test_the_theme_filter_agrees_with_a_brute_force_scan(
    theme: Theme | str,
    kind: InstitutionKind | str | None,
    years: list[int] | None,
    category: list[str] | None,
) -> None:
    words = None if category is None else " ".join(category)
    if words is not None and _no_category_has(words):
        with pytest.raises(UnknownCategoryError):
            bkn_awards.awards(theme=theme, kind=kind, year=years, category=words)
        return
    found = bkn_awards.awards(theme=theme, kind=kind, year=years, category=words)
    expected = _brute_force(
        ALL,
        years,
        None,
        words,
        None,
        kind=None if kind is None else InstitutionKind(kind),
        theme=Theme(theme),
    )
    assert list(found) == expected


@given(
    group=_either(Group),
    upper=st.booleans(),
    kind=st.none() | _either(InstitutionKind),
    years=st.none() | st.lists(st.sampled_from(QUERY_YEARS), max_size=3),
    ranks=st.none() | st.lists(st.integers(1, 6), max_size=3),
)
def test_the_group_filter_agrees_with_a_brute_force_scan(
    group: Group | str,
    upper: bool,
    kind: InstitutionKind | str | None,
    years: list[int] | None,
    ranks: list[int] | None,
) -> None:
    asked = group.upper() if isinstance(group, str) and upper else group
    found = bkn_awards.awards(group=asked, kind=kind, year=years, rank=ranks)
    expected = _brute_force(
        ALL,
        years,
        None,
        None,
        ranks,
        kind=None if kind is None else InstitutionKind(kind),
        group=Group(group),
    )
    assert list(found) == expected


def test_the_group_filter_takes_a_group_or_its_value_in_any_case() -> None:
    small = bkn_awards.awards(group=Group.CITIES_SMALL)
    assert small
    assert list(small) == [a for a in ALL if a.group is Group.CITIES_SMALL]
    for text in ("cities-small", "CITIES-SMALL", " Cities-Small "):
        assert bkn_awards.awards(group=text) == small, text
    # A group no award of the data was competed in: an empty answer that says so.
    empty = next(g for g in Group if not any(a.group is g for a in ALL))
    found = bkn_awards.awards(group=empty)
    assert not found
    assert found.note == f"no award in the data has the group {empty.value}"
    with pytest.raises(QueryError) as caught:
        bkn_awards.awards(group="kota tipe kecil")
    assert str(caught.value) == (
        "group must be one of " + ", ".join(g.value for g in Group) + ", not 'kota tipe kecil'"
    )


def test_ambiguous_name_in_a_query_is_refused_too() -> None:
    with pytest.raises(AmbiguousInstitutionError):
        bkn_awards.awards(institution="mojokerto")


# --- The building blocks ------------------------------------------------------------------------


def test_whole_numbers_are_read_once_into_a_set() -> None:
    assert whole_numbers("year", 2022, minimum=1) == {2022}
    assert whole_numbers("year", (y for y in [2022, 2020, 2022]), minimum=1) == {2020, 2022}
    assert whole_numbers("rank", [], minimum=1) == frozenset()
    with pytest.raises(QueryError, match="rank must be a whole number of at least 1, not 0"):
        whole_numbers("rank", [1, 0], minimum=1)


def test_whole_numbers_are_read_from_their_digits_too() -> None:
    assert whole_numbers("year", "2022", minimum=1) == {2022}
    assert whole_numbers("year", " 2022 ", minimum=1) == {2022}
    assert whole_numbers("year", ["2020", 2021, "2020"], minimum=1) == {2020, 2021}
    assert whole_numbers("year", ("2020",), minimum=1) == {2020}


@pytest.mark.parametrize(
    "text", ["", " ", "dua ribu", "2022.0", "+2022", "-1", "2_022", "1e3", "٢٠٢٢", "²", "9" * 5000]
)
def test_a_text_of_anything_but_digits_is_no_whole_number(text: str) -> None:
    with pytest.raises(QueryError) as caught:
        whole_numbers("year", text, minimum=1)
    assert str(caught.value) == f"year must be a whole number or several, not {text!r}"
    with pytest.raises(QueryError) as caught:
        whole_numbers("year", [2020, text], minimum=1)
    assert str(caught.value) == f"year must be a whole number of at least 1, not {text!r}"


def test_years_and_ranks_given_as_digits_answer_as_numbers_do() -> None:
    assert bkn_awards.awards(year="2022") == bkn_awards.awards(year=2022)
    assert bkn_awards.awards(year=["2020", 2021]) == bkn_awards.awards(year=[2020, 2021])
    assert bkn_awards.awards(year="2022", rank="1") == bkn_awards.awards(year=2022, rank=1)
    assert bkn_awards.awards(rank=["1", "2"]) == bkn_awards.awards(rank=[1, 2])
    assert AwardQuery(year="2022", rank=["1"]) == AwardQuery(year=2022, rank=1)
    assert bkn_awards.awards(year="2021").note == bkn_awards.awards(year=2021).note
    # Called as Callable[..., object]: the listings' hints are the dataset module's to widen.
    listings: list[Callable[..., object]] = [
        bkn_awards.categories,
        bkn_awards.events,
        bkn_awards.tallies,
    ]
    for listing in listings:
        assert listing(year="2022") == listing(year=2022)
        assert listing(year=["2020", 2022]) == listing(year=[2020, 2022])
    assert list(of_years(bkn_awards.events(), "2020")) == list(bkn_awards.events(year=2020))


def test_a_theme_is_read_in_any_case_as_a_kind_is() -> None:
    competency = bkn_awards.awards(theme="competency")
    assert competency
    for text in ("Competency", "COMPETENCY", " competency "):
        assert bkn_awards.awards(theme=text) == competency, text
    assert AwardQuery(theme="Information Systems").theme is Theme.INFORMATION_SYSTEMS
    assert bkn_awards.awards(kind="Regency") == bkn_awards.awards(kind="regency")


def test_a_term_is_read_from_what_people_write_or_refused_listing_the_terms() -> None:
    assert term(InstitutionKind, "Pemkot", "kind") is InstitutionKind.CITY
    assert term(Theme, Theme.SUPERVISION, "theme") is Theme.SUPERVISION
    with pytest.raises(QueryError) as caught:
        term(Theme, "luck", "theme")
    assert str(caught.value) == (
        "theme must be one of " + ", ".join(t.value for t in Theme) + ", not 'luck'"
    )


def test_other_records_are_kept_to_some_years_or_a_kind_in_their_own_sequence_type() -> None:
    events = bkn_awards.events()
    of_2020 = of_years(events, 2020)
    assert isinstance(of_2020, Records)
    assert list(of_2020) == [e for e in events if e.year == 2020]
    assert of_years(events, None) is events
    assert of_years(list(events), [2020, 2022]) == [e for e in events if e.year in (2020, 2022)]
    institutions = bkn_awards.institutions()
    cities = of_kind(institutions, "kota")
    assert isinstance(cities, Records)
    assert list(cities) == [i for i in institutions if i.kind is InstitutionKind.CITY]
    assert of_kind(institutions, None) is institutions
    with pytest.raises(QueryError, match="kind must be one of"):
        of_kind(institutions, "village")


def test_each_filter_is_documented_on_the_query_in_its_own_words() -> None:
    for name, f in filters():
        assert f"{name}: {f.help[0].upper()}{f.help[1:]}." in (AwardQuery.__doc__ or "")


def test_an_award_is_found_by_its_id_or_refused_with_the_ids_that_begin_alike() -> None:
    first = ALL[0]
    assert bkn_awards.award(first.id) is first
    with pytest.raises(UnknownAwardError) as caught:
        bkn_awards.award(first.id[:-3])
    assert first.id in caught.value.suggestions
    assert len(caught.value.suggestions) <= 3
    with pytest.raises(UnknownAwardError):
        bkn_awards.award(3)  # type: ignore[arg-type]
