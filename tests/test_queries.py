from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given, strategies as st

import bkn_awards
from bkn_awards import Award, InstitutionKind, QueryError, UnknownCategoryError
from bkn_awards.text import name_words

ALL = bkn_awards.awards()


def test_the_bundled_data_has_every_reported_award() -> None:
    assert len(ALL) == 17
    assert {a.year for a in ALL} == {2020, 2022, 2023}
    assert len({a.id for a in ALL}) == len(ALL)


def test_no_filter_returns_every_award_in_order() -> None:
    assert bkn_awards.awards() == ALL
    assert [a.year for a in ALL] == sorted(a.year for a in ALL)


@pytest.mark.parametrize(("year", "count"), [(2020, 8), (2022, 4), (2023, 5), (2021, 0)])
def test_year(year: int, count: int) -> None:
    found = bkn_awards.awards(year=year)
    assert len(found) == count
    assert all(a.year == year for a in found)


def test_several_years() -> None:
    assert len(bkn_awards.awards(year=[2020, 2022])) == 12
    assert len(bkn_awards.awards(year=(y for y in (2022, 2023)))) == 9


def test_years_from_a_generator_work_with_a_category_filter() -> None:
    # The years are read once, although both filters use them.
    years = (y for y in (2020, 2022))
    found = bkn_awards.awards(year=years, category="penilaian kompetensi")
    assert found == bkn_awards.awards(year=[2020, 2022], category="penilaian kompetensi")
    assert len(found) == 3


def test_institution_with_year_gives_kota_mojokerto_2022() -> None:
    found = bkn_awards.awards(year=2022, institution="Pemkot Mojokerto")
    assert [a.rank for a in found] == [2, 3, 4]
    assert [a.rank_label for a in found] == ["peringkat II", "peringkat III", "peringkat IV"]
    assert {a.group for a in found} == {"pemerintah kota tipe kecil"}


def test_institution_accepts_an_institution_object_and_a_code() -> None:
    jatim = bkn_awards.institution("Pemprov Jatim")
    assert bkn_awards.awards(institution=jatim) == bkn_awards.awards(institution="35")
    assert len(bkn_awards.awards(institution=jatim)) == 2 + 5


def test_category_matches_words_in_any_case() -> None:
    found = bkn_awards.awards(category="manajemen kinerja")
    assert [a.category.name for a in found] == [
        "implementasi penerapan manajemen kinerja",
        "Implementasi Penerapan Manajemen Kinerja",
    ]
    assert bkn_awards.awards(category="MANAJEMEN  kinerja") == found
    assert bkn_awards.awards(category="manajémen kinerja") == found


def test_category_words_need_not_be_adjacent_but_must_all_be_there() -> None:
    assert len(bkn_awards.awards(category="implementasi kinerja")) == 2
    assert bkn_awards.awards(category="kinerja implementasi") == bkn_awards.awards(
        category="implementasi kinerja"
    )
    # "kinerja" alone also finds the 2020 "Penilaian Kinerja" category.
    assert len(bkn_awards.awards(category="kinerja")) == 5


def test_category_by_id_and_object() -> None:
    category = bkn_awards.categories(year=2020)[1]
    assert bkn_awards.awards(category=category) == bkn_awards.awards(category=category.id)
    assert {a.institution.id for a in bkn_awards.awards(category=category)} == {
        "kab-sidoarjo",
        "kota-madiun",
    }


def test_every_first_place_in_penilaian_kompetensi() -> None:
    found = bkn_awards.awards(category="penilaian kompetensi", rank=1)
    assert [(a.year, a.institution.id, a.rank_label) for a in found] == [
        (2020, "kab-sidoarjo", "Juara Pertama")
    ]


def test_rank_and_several_ranks() -> None:
    assert [a.institution.id for a in bkn_awards.awards(rank=3)] == [
        "kota-madiun",
        "kota-kediri",
        "kota-mojokerto",
    ]
    assert len(bkn_awards.awards(rank=[1, 2])) == len(bkn_awards.awards(rank=1)) + len(
        bkn_awards.awards(rank=2)
    )


def test_unnumbered_rank_is_none_and_matches_no_rank_filter() -> None:
    (terbaik,) = [a for a in ALL if a.rank is None]
    assert terbaik.rank_label == "terbaik"
    assert terbaik.institution.id == "kab-mojokerto"
    assert all(terbaik not in bkn_awards.awards(rank=r) for r in range(1, 10))


def test_2023_second_place() -> None:
    award = bkn_awards.awards(year=2023, rank=2)[0]
    assert award.institution.name == "Pemerintah Provinsi Jawa Timur"
    assert award.category.name == "Penerapan Pemanfaatan Data-Sistem Informasi dan CAT"
    assert (award.rank, award.rank_label, award.group) == (2, "Ranking 2", None)
    assert award.citations[0].source.title is not None
    assert award.citations[0].paragraphs == (5, 6)


def test_kind() -> None:
    cities = bkn_awards.awards(kind="city")
    assert cities == bkn_awards.awards(kind=InstitutionKind.CITY)
    assert {a.institution.kind for a in cities} == {InstitutionKind.CITY}
    assert len(cities) == 7


def test_all_filters_combined() -> None:
    found = bkn_awards.awards(
        year=2020,
        institution="Kab. Tulungagung",
        category="penilaian kinerja",
        rank=1,
        kind="regency",
    )
    assert [a.id for a in found] == ["2020-kab-tulungagung-penilaian-kinerja"]
    assert bkn_awards.awards(year=2022, institution="Kab. Tulungagung") == ()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"year": "2020"}, "year must be a whole number or several"),
        ({"year": True}, "year must be a whole number of at least 1"),
        ({"year": [2020, 20.5]}, "not 20.5"),
        ({"rank": 0}, "rank must be a whole number of at least 1, not 0"),
        ({"institution": "  "}, "institution must not be empty"),
        ({"category": " - "}, "category must not be empty"),
        ({"kind": "village"}, "kind must be one of ministry, agency, province, regency, city"),
    ],
)
def test_malformed_filters_raise_query_error(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        bkn_awards.awards(**arguments)  # type: ignore[arg-type]


def test_unknown_category_is_an_error_with_suggestions() -> None:
    with pytest.raises(UnknownCategoryError) as caught:
        bkn_awards.awards(category="penilaian kompetens")
    assert isinstance(caught.value, LookupError)
    assert "penilaian kompetensi" in caught.value.suggestions


def test_results_are_immutable_tuples() -> None:
    found = bkn_awards.awards(year=2020)
    assert isinstance(found, tuple)
    with pytest.raises(AttributeError):
        found[0].rank = 9  # type: ignore[misc]


def _brute_force(
    awards: Iterable[Award],
    years: list[int] | None,
    institution: str | None,
    category: str | None,
    ranks: list[int] | None,
) -> list[Award]:
    def keep(a: Award) -> bool:
        return (
            (years is None or a.year in years)
            and (institution is None or a.institution.id == institution)
            and (
                category is None or a.category is not None and _has_words(a.category.name, category)
            )
            and (ranks is None or a.rank in ranks)
        )

    return [a for a in awards if keep(a)]


def _has_words(name: str, words: str) -> bool:
    return set(name_words(words)) <= set(name_words(name))


CATEGORY_WORDS = sorted({w for a in ALL if a.category for w in name_words(a.category.name)})


@given(
    years=st.none() | st.lists(st.sampled_from([2019, 2020, 2021, 2022, 2023]), max_size=3),
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
    if words is not None and not _brute_force(ALL, None, None, words, None):
        with pytest.raises(UnknownCategoryError):
            bkn_awards.awards(year=years, institution=institution, category=words, rank=ranks)
        return
    expected = _brute_force(ALL, years, institution, words, ranks)
    found = bkn_awards.awards(year=years, institution=institution, category=words, rank=ranks)
    assert list(found) == expected


def test_listings() -> None:
    assert [c.number for c in bkn_awards.categories(year=2020)] == [1, 3, 4, 5]
    assert len(bkn_awards.categories()) == 13
    assert [e.year for e in bkn_awards.editions()] == [2020, 2022, 2023]
    assert bkn_awards.editions()[0].number == 6
    assert len(bkn_awards.sources()) == 5
    assert len(bkn_awards.events()) == 5
    assert len(bkn_awards.tallies()) == 9
    assert [i.id for i in bkn_awards.institutions(kind="province")] == ["pemprov-jatim"]
