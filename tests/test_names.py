"""Finding records by what people write: institutions by name or code, categories by words."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

import bkn_awards
from bkn_awards import (
    AmbiguousInstitutionError,
    BknAwardsError,
    InstitutionKind,
    QueryError,
    UnknownCategoryError,
    UnknownInstitutionError,
)
from bkn_awards.errors import UnknownRegionError
from bkn_awards.geography import region_names
from bkn_awards.names import NO_DEFAULT, SEARCH_THRESHOLD, CategoryWords, InstitutionNames
from bkn_awards.text import name_key, name_score, name_words

REGIONS = bkn_awards.regions()
BY_CODE = {r.code: r for r in REGIONS}
# Names that resolve, or are refused as ambiguous: every name of the data and of the regions.
KNOWN_NAMES = sorted(
    {n for i in bkn_awards.institutions() for n in [i.id, i.name, *i.aliases]}
    | {n for r in REGIONS for n in r.names()}
)

# --- Institutions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pemkab Mojokerto", "kab-mojokerto"),
        ("Kab. Mojokerto", "kab-mojokerto"),
        ("kabupaten mojokerto", "kab-mojokerto"),
        ("Pemerintah Kabupaten Mojokerto", "kab-mojokerto"),
        ("Pemkot Mojokerto", "kota-mojokerto"),
        ("Kota Mojokerto", "kota-mojokerto"),
        ("Pemprov Jatim", "pemprov-jatim"),
        ("Jatim", "pemprov-jatim"),
        ("PEMPROV  JAWA TIMUR", "pemprov-jatim"),
        ("Kab. Sidoarjo", "kab-sidoarjo"),
        ("Kab Sidoarjo", "kab-sidoarjo"),
        ("Sidoarjo", "kab-sidoarjo"),
        ("Kota Surabaya", "kota-surabaya"),
        ("BKN", "bkn"),
        ("kota-malang", "kota-malang"),
    ],
)
def test_names_and_aliases(text: str, expected: str) -> None:
    assert bkn_awards.institution(text).id == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("East Java", "pemprov-jatim"),
        ("East Java Province", "pemprov-jatim"),
        ("Pemprov East Java", "pemprov-jatim"),
        ("Central Java", "pemprov-jateng"),
        ("West Java", "pemprov-jabar"),
        ("South Sulawesi", "pemprov-sulsel"),
        ("Jogja", "pemprov-diy"),
        ("Yogya", "pemprov-diy"),
        ("DIY", "pemprov-diy"),
        ("Sidoarjo Regency", "kab-sidoarjo"),
        ("Surabaya City", "kota-surabaya"),
    ],
)
def test_english_and_short_names_of_regions_find_the_data_s_records(
    text: str, expected: str
) -> None:
    assert bkn_awards.institution(text).id == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("35.15", "kab-sidoarjo"),
        ("3515", "kab-sidoarjo"),
        ("35", "pemprov-jatim"),
        ("3576", "kota-mojokerto"),
    ],
)
def test_region_codes_with_and_without_the_dot(code: str, expected: str) -> None:
    assert bkn_awards.institution(code).id == expected


def test_sidoarjo_has_code_35_15() -> None:
    sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
    assert sidoarjo.region_code == "35.15"
    assert sidoarjo.kind is InstitutionKind.REGENCY
    assert sidoarjo.name == "Pemerintah Kabupaten Sidoarjo"


def test_a_name_with_a_bracketed_short_form_is_found_without_it() -> None:
    assert bkn_awards.institution("Pemerintah Kabupaten (Pemkab) Sidoarjo").id == "kab-sidoarjo"
    assert bkn_awards.institution("Pemerintah Kota (Pemkot) Batu").region_code == "35.79"


def test_ambiguous_name_names_every_candidate() -> None:
    with pytest.raises(AmbiguousInstitutionError) as caught:
        bkn_awards.institution("Mojokerto")
    assert isinstance(caught.value, LookupError)
    assert caught.value.candidates == (
        "Pemerintah Kabupaten Mojokerto",
        "Pemerintah Kota Mojokerto",
    )
    assert "Pemerintah Kabupaten Mojokerto" in str(caught.value)
    assert "Pemerintah Kota Mojokerto" in str(caught.value)


def test_unknown_name_suggests_close_names() -> None:
    with pytest.raises(UnknownInstitutionError) as caught:
        bkn_awards.institution("Kab. Sidoarj")
    assert isinstance(caught.value, LookupError)
    assert caught.value.suggestions[0] == "Pemerintah Kabupaten Sidoarjo"
    assert "did you mean 'Pemerintah Kabupaten Sidoarjo'" in str(caught.value)


def test_a_bare_name_shared_by_a_kabupaten_and_a_kota_is_not_guessed() -> None:
    # Kota Malang is in the data and Kabupaten Malang is not, but "Malang" may mean either.
    assert bkn_awards.institution("Kota Malang").id == "kota-malang"
    assert "kab-malang" not in {i.id for i in bkn_awards.institutions()}
    candidates = ("Pemerintah Kabupaten Malang", "Pemerintah Kota Malang")
    with pytest.raises(AmbiguousInstitutionError) as caught:
        bkn_awards.institution("Malang")
    assert caught.value.candidates == candidates
    with pytest.raises(AmbiguousInstitutionError) as caught:
        bkn_awards.region("Malang")
    assert caught.value.candidates == candidates
    with pytest.raises(AmbiguousInstitutionError):
        bkn_awards.awards(institution="malang")


def test_unknown_name_far_from_everything_has_no_suggestions() -> None:
    with pytest.raises(UnknownInstitutionError) as caught:
        bkn_awards.institution("Atlantis")
    assert caught.value.suggestions == ()
    assert str(caught.value) == "no institution is known as 'Atlantis'"


@pytest.mark.parametrize("text", ["", "   ", "..."])
def test_empty_name_matches_nothing(text: str) -> None:
    with pytest.raises(QueryError, match="must not be empty"):
        bkn_awards.institution(text)


def test_a_name_that_is_not_text_is_refused() -> None:
    with pytest.raises(QueryError, match="institution must be a name or an Institution, not 35"):
        bkn_awards.institution(35)  # type: ignore[arg-type]


def test_a_region_with_no_record_is_its_government() -> None:
    bantul = bkn_awards.institution("Kab. Bantul")
    assert bantul not in bkn_awards.institutions()
    assert (bantul.id, bantul.name, bantul.region_code) == (
        "kab-bantul",
        "Pemerintah Kabupaten Bantul",
        "34.02",
    )
    assert bkn_awards.institution("Pemerintah Kabupaten Bantul") == bantul
    assert bkn_awards.institution("3402") == bantul
    with pytest.raises(UnknownRegionError):
        bkn_awards.region("Atlantis")


def test_an_unknown_name_can_give_a_default_instead_of_an_error() -> None:
    assert bkn_awards.institution("Atlantis", default=None) is None
    assert bkn_awards.institution("Kab. Sidoarjo", default=None).id == "kab-sidoarjo"
    with pytest.raises(bkn_awards.AmbiguousInstitutionError):  # a default hides no ambiguity
        bkn_awards.institution("Mojokerto", default=None)
    with pytest.raises(bkn_awards.QueryError):
        bkn_awards.institution("", default=None)


def test_a_search_ranks_the_institutions_with_scores() -> None:
    found = bkn_awards.search_institutions("sidoarjp")
    assert found[0].institution.id == "kab-sidoarjo"
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 1 for score in scores)
    assert len(found) <= 5
    exact = bkn_awards.search_institutions("Pemkot Mojokerto", limit=1)
    assert [(i.id, score) for i, score in exact] == [("kota-mojokerto", 1.0)]
    with pytest.raises(bkn_awards.QueryError):
        bkn_awards.search_institutions("  ")


def test_a_search_finds_every_region_s_government_as_the_look_up_does() -> None:
    (best, score), *_ = bkn_awards.search_institutions("Bantl")
    assert best == bkn_awards.institution("Kab. Bantul")  # no record: its government
    assert best not in bkn_awards.institutions()
    assert score == name_score("bantl", "bantul")
    (best, score), *_ = bkn_awards.search_institutions("Central Java")
    assert (best, score) == (bkn_awards.institution("Jawa Tengah"), 1.0)  # the data's record
    assert best in bkn_awards.institutions()


@pytest.mark.parametrize("text", ["xyzzy", "qqq", "Atlantis", "z" * 300])
def test_a_search_for_a_text_like_no_name_finds_nothing(text: str) -> None:
    assert not bkn_awards.search_institutions(text)


def test_a_search_leaves_out_every_name_that_scores_below_the_threshold() -> None:
    assert 0 < SEARCH_THRESHOLD < 0.75  # every word of the text in a name is always an answer
    found = bkn_awards.search_institutions("kab", limit=1000)
    assert len(found) > 100
    assert all(score >= SEARCH_THRESHOLD for _, score in found)


@pytest.mark.parametrize("text", ["Bantl", "sidoarjp", "jawa", "Pemkot Mojokrto", "Central Jav"])
def test_a_search_scores_as_every_name_scored_one_by_one_would(text: str) -> None:
    institutions = bkn_awards.institutions()
    by_code = {i.region_code: i for i in institutions if i.region_code}
    every = [(n, [i]) for i in institutions for n in [i.id, i.name, *i.aliases]]
    every += [(n, [by_code.get(r.code) or r.government() for r in rs]) for n, rs in region_names()]
    key, expected = name_key(text), dict[str, float]()
    for name, holders in every:
        score = name_score(key, name_key(name))
        for holder in holders:
            if score >= SEARCH_THRESHOLD and score > expected.get(holder.id, 0.0):
                expected[holder.id] = score
    found = bkn_awards.search_institutions(text, limit=len(expected) + 1)
    assert {i.id: score for i, score in found} == expected
    assert [score for _, score in found] == sorted(expected.values(), reverse=True)


def test_names_of_a_few_institutions_find_those_and_the_regions_governments() -> None:
    sidoarjo, bkn = bkn_awards.institution("kab-sidoarjo"), bkn_awards.institution("bkn")
    names = InstitutionNames([sidoarjo, bkn])
    assert names.find("Pemkab Sidoarjo") is sidoarjo
    assert names.find("35.15") is sidoarjo
    assert names.find("BKN") is bkn
    # Every region is known, as its government where the records have none.
    assert names.find("Kota Mojokerto") == BY_CODE["35.76"].government()
    assert names.find("Atlantis", default="none") == "none"
    with pytest.raises(UnknownInstitutionError):
        names.find("Atlantis", NO_DEFAULT)  # no default given: an error
    # A search ranks the records given and every region's government, best first.
    found = names.search("sidoarjo", 5)
    assert (found[0].institution, found[0].score) == (sidoarjo, 1.0)
    assert [tuple(m) for m in names.search("sidoarjo", 1)] == [(sidoarjo, 1.0)]
    assert names.search("Kota Mojokrto", 1)[0].institution == BY_CODE["35.76"].government()


def test_an_institution_record_is_found_as_this_dataset_s_record_of_the_same_id() -> None:
    sidoarjo = bkn_awards.institution("kab-sidoarjo")
    names = InstitutionNames(bkn_awards.institutions())
    assert names.find(sidoarjo) is sidoarjo
    bantul = BY_CODE["34.02"].government()
    assert names.find(bantul) == bantul  # a region's government, by its code
    with pytest.raises(UnknownInstitutionError, match="kab-nowhere"):
        names.find(
            bkn_awards.Institution(
                id="kab-nowhere",
                name="Pemerintah Kabupaten Nowhere",
                kind=InstitutionKind.REGENCY,
                region_code="99.99",
                iso_3166_2=None,
                aliases=(),
            )
        )


def _outcome(text: str) -> bkn_awards.Institution | Exception:
    try:
        return bkn_awards.institution(text)
    except Exception as error:  # the property below is that no other kind escapes
        return error


@given(st.text(max_size=30) | st.sampled_from(KNOWN_NAMES))
def test_any_text_resolves_or_raises_a_lookup_or_query_error(text: str) -> None:
    outcome = _outcome(text)
    if isinstance(outcome, Exception):
        assert isinstance(outcome, BknAwardsError)
        assert isinstance(outcome, LookupError | QueryError)
        return
    known = {i.id: i for i in bkn_awards.institutions()}
    if outcome.id in known:  # the data's record
        assert outcome is known[outcome.id]
    else:  # a region of Indonesia with no record: its government, made from the table
        assert outcome.region_code is not None
        assert outcome == BY_CODE[outcome.region_code].government()
    assert name_key(text) in {name_key(n) for n in _names(outcome)}


def _data_names(institution: bkn_awards.Institution) -> list[str]:
    """The names the data gives an institution: id, name, aliases and region code."""
    code = institution.region_code
    codes = [] if code is None else [code, code.replace(".", "")]
    return [institution.id, institution.name, *institution.aliases, *codes]


def _names(institution: bkn_awards.Institution) -> list[str]:
    """Every name that stands for an institution: the data's, and its region's in the table."""
    code = institution.region_code
    return [*_data_names(institution), *(BY_CODE[code].names() if code else [])]


def _bare_names_of_a_kabupaten_and_a_kota() -> set[str]:
    kinds: dict[str, set[InstitutionKind]] = {}
    for place in REGIONS:
        if place.kind is not InstitutionKind.PROVINCE:
            kinds.setdefault(name_key(place.name), set()).add(place.kind)
    return {name for name, found in kinds.items() if len(found) > 1}


def test_every_alias_is_unique_to_its_institution_except_the_shared_bare_names() -> None:
    owners: dict[str, set[str]] = {}
    for institution in bkn_awards.institutions():
        for name in _data_names(institution):
            owners.setdefault(name_key(name), set()).add(institution.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared["mojokerto"] == {"kab-mojokerto", "kota-mojokerto"}
    bare = _bare_names_of_a_kabupaten_and_a_kota()
    for key, ids in shared.items():
        # Only the bare name of a kabupaten and a kota, given to both, may be shared.
        assert key in bare, (key, ids)
        holders = [bkn_awards.institution(i) for i in ids]
        assert {name_key(BY_CODE[h.region_code or ""].name) for h in holders} == {key}
        assert {h.kind for h in holders} == {
            InstitutionKind.REGENCY,
            InstitutionKind.CITY,
        }


def test_bare_names_are_aliases_only_where_no_kabupaten_and_kota_share_them() -> None:
    shared = _bare_names_of_a_kabupaten_and_a_kota()
    assert {"malang", "kediri", "madiun", "mojokerto"} <= shared
    # A bare name of both is never guessed, whether the data has one, both or neither.
    for name in shared:
        with pytest.raises(AmbiguousInstitutionError):
            bkn_awards.institution(name)
    for institution in bkn_awards.institutions():
        for alias in institution.aliases:
            if name_key(alias) in shared:
                with pytest.raises(AmbiguousInstitutionError):
                    bkn_awards.institution(alias)


# --- Categories ---------------------------------------------------------------------------------


def test_categories_are_found_by_all_of_some_words_of_their_names_or_by_id() -> None:
    categories = bkn_awards.categories()
    words = CategoryWords(categories)
    found = words.find("kinerja penilaian", None)
    assert found == {
        c.id for c in categories if {"penilaian", "kinerja"} <= set(name_words(c.name))
    }
    assert found
    (one,) = [c for c in categories if c.id == "2020-kompetensi"]
    assert words.find("2020-kompetensi", None) == {one.id}
    assert words.find(one, None) == {one.id}


def test_category_names_follow_one_casing_rule() -> None:
    # Each word capitalised but "dan", whatever the report wrote: the editions' names of one
    # category read alike, and a suggestion names it once.
    for category in bkn_awards.categories():
        for word in category.name.split():
            assert word == "dan" or word[0].isupper(), (category.id, word)
    names: dict[str, set[str]] = {}
    for category in bkn_awards.categories():
        names.setdefault(category.name.casefold(), set()).add(category.name)
    assert all(len(spellings) == 1 for spellings in names.values()), names
    with pytest.raises(UnknownCategoryError) as caught:
        bkn_awards.awards(category="penilaian kompetens")
    suggestions = caught.value.suggestions
    assert len(suggestions) == len(set(suggestions))


def test_categories_are_kept_to_the_years_asked_for() -> None:
    categories = bkn_awards.categories()
    words = CategoryWords(categories)
    every = words.find("kompetensi", None)
    of_2020 = words.find("kompetensi", frozenset({2020}))
    assert of_2020 == {c.id for c in categories if c.id in every and c.year == 2020}
    assert of_2020 < every
    assert words.find("kompetensi", frozenset({1999})) == frozenset()


def test_a_category_not_found_is_refused_with_close_names() -> None:
    words = CategoryWords(bkn_awards.categories())
    with pytest.raises(UnknownCategoryError) as caught:
        words.find("penilaian kompetens", None)
    assert "Penilaian Kompetensi" in caught.value.suggestions
    with pytest.raises(QueryError, match="category must not be empty"):
        words.find(" - ", None)
    with pytest.raises(QueryError, match="category must be words of its name or a Category"):
        words.find(3, None)  # type: ignore[arg-type]
    # A category of another dataset is matched by id, and refused if this one has none.
    words_of_2020 = CategoryWords(bkn_awards.categories(year=2020))
    later = bkn_awards.categories(year=2023)[0]
    with pytest.raises(UnknownCategoryError, match=later.id):
        words_of_2020.find(later, None)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("competency", "competency"),
        ("Competency", "competency"),
        ("information systems", "information-systems"),
        ("SUPERVISION", "supervision"),
    ],
)
def test_a_category_text_that_names_a_theme_points_to_the_theme_filter(
    text: str, theme: str
) -> None:
    with pytest.raises(UnknownCategoryError) as caught:
        bkn_awards.awards(category=text)
    assert caught.value.theme == theme
    assert f"use theme={theme!r}" in str(caught.value)
    assert str(caught.value).startswith(f"no category matches {text!r}; it names a theme")
    assert bkn_awards.awards(theme=text)  # and that finds its awards


def test_a_category_text_that_names_no_theme_points_to_none() -> None:
    with pytest.raises(UnknownCategoryError) as caught:
        bkn_awards.awards(category="penilaian kompetens")
    assert caught.value.theme is None
    assert "theme" not in str(caught.value)


def test_unknown_category_is_an_error_with_suggestions() -> None:
    with pytest.raises(UnknownCategoryError) as caught:
        bkn_awards.awards(category="penilaian kompetens")
    assert isinstance(caught.value, LookupError)
    assert "Penilaian Kompetensi" in caught.value.suggestions


def test_search_results_are_records_that_convert_to_pandas_and_unpack_as_pairs() -> None:
    found = bkn_awards.search_institutions("Bantl")
    assert isinstance(found, bkn_awards.Records)
    assert all(isinstance(m, bkn_awards.Match) for m in found)
    institution, score = found[0]
    assert (institution.id, score) == (found[0].institution.id, found[0].score)
    frame = found.to_pandas()
    assert list(frame["institution"]) == [m.institution.id for m in found]
    assert list(frame["score"]) == [m.score for m in found]
    assert str(found).splitlines()[-1] == f"[{len(found)} matches]"


def test_the_regions_are_records_that_convert_to_pandas() -> None:
    found = bkn_awards.regions()
    assert isinstance(found, bkn_awards.Records)
    frame = found.to_pandas()
    assert len(frame) == len(found) == 552
    assert frame["code"].iloc[0] == found[0].code
    assert set(frame["kind"]) == {"province", "regency", "city"}
