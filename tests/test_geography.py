"""Indonesia's regions: the Kemendagri table, and every region found by its names and codes."""

from __future__ import annotations

import csv
import pathlib
import typing
from collections import Counter

import pytest

import bkn_awards
from bkn_awards import (
    AmbiguousInstitutionError,
    FieldValueError,
    InstitutionKind,
    QueryError,
    UnknownInstitutionError,
)
from bkn_awards.errors import UnknownRegionError
from bkn_awards.geography import (
    Region,
    named,
    region,
    region_names,
    regions,
    regions_by_code,
)
from bkn_awards.text import name_key

REGIONS = bkn_awards.regions()
BY_CODE = {r.code: r for r in REGIONS}
BANTUL = Region("34.02", "Bantul", InstitutionKind.REGENCY, None, ())
BALI = Region("51", "Bali", InstitutionKind.PROVINCE, "ID-BA", ())

_KINDS = {"provinsi": "province", "kabupaten": "regency", "kota": "city"}


class _Row(typing.NamedTuple):
    name: str
    kind: str
    province_code: str
    iso_3166_2: str | None


def _reference(path: pathlib.Path) -> dict[str, _Row]:
    with path.open(encoding="utf-8", newline="") as table:
        return {
            row["code"]: _Row(
                row["name"], _KINDS[row["kind"]], row["province_code"], row["iso_3166_2"] or None
            )
            for row in csv.DictReader(table)
        }


# --- One region ---------------------------------------------------------------------------------


def test_a_region_names_its_government_and_its_province() -> None:
    assert BANTUL.official_name == "Pemerintah Kabupaten Bantul"
    assert BANTUL.institution_id == "kab-bantul"
    assert BANTUL.province_code == "34"
    assert BALI.official_name == "Pemerintah Provinsi Bali"
    assert BALI.institution_id == "pemprov-bali"
    assert BALI.province_code == "51"
    city = Region("35.79", "Batu", InstitutionKind.CITY, None, ())
    assert (city.official_name, city.institution_id) == ("Pemerintah Kota Batu", "kota-batu")


def test_a_region_goes_by_its_name_after_its_kind_s_words_and_by_its_codes() -> None:
    names = BANTUL.names()
    assert names[0] == "Bantul"
    for written in ("kabupaten Bantul", "kab Bantul", "pemkab Bantul", "pemda kab Bantul"):
        assert written in names
    assert names[-2:] == ["34.02", "3402"]
    assert "Bantul regency" in names  # English puts the kind after the name
    assert "kota Bantul" not in names
    assert "Bantul city" not in names
    jateng = BY_CODE["33"]
    assert {"Jawa Tengah", "Jateng", "pemprov Jateng", "33", "ID-JT"} <= set(jateng.names())


def test_a_region_s_government_is_an_institution_that_keeps_the_rules() -> None:
    government = BALI.government()
    assert (government.id, government.name, government.kind) == (
        "pemprov-bali",
        "Pemerintah Provinsi Bali",
        InstitutionKind.PROVINCE,
    )
    assert (government.region_code, government.iso_3166_2, government.aliases) == (
        "51",
        "ID-BA",
        (),
    )
    assert BALI.government() == government
    with pytest.raises(FieldValueError, match="iso_3166_2 is given for a province"):
        Region("52", "Nusa Tenggara Barat", InstitutionKind.PROVINCE, None, ()).government()


# --- The region table ---------------------------------------------------------------------------


def test_the_region_table_has_every_province_kabupaten_and_kota() -> None:
    # Kepmendagri 300.2.2-2138 of 2025: 38 provinces, 416 kabupaten and 98 kota.
    assert Counter(r.kind for r in REGIONS) == {
        InstitutionKind.PROVINCE: 38,
        InstitutionKind.REGENCY: 416,
        InstitutionKind.CITY: 98,
    }
    assert len(BY_CODE) == len(REGIONS) == 552
    for place in REGIONS:
        province = BY_CODE[place.province_code]
        assert province.kind is InstitutionKind.PROVINCE
        assert (place.iso_3166_2 is not None) == (place is province)


def test_the_regions_come_provinces_first_each_in_code_order() -> None:
    codes = [r.code for r in regions()]
    assert codes == sorted(codes, key=lambda code: (len(code), code))
    assert regions() == tuple(regions_by_code().values())
    assert all(regions_by_code()[r.code] is r for r in REGIONS)


def test_the_bundled_region_table_is_the_kemendagri_table(regions_csv: pathlib.Path) -> None:
    reference = _reference(regions_csv)
    assert [r.code for r in REGIONS] == sorted(reference, key=lambda c: (len(c), c))
    for place in REGIONS:
        row = reference[place.code]
        assert (place.name, place.kind.value, place.iso_3166_2) == (
            row.name,
            row.kind,
            row.iso_3166_2,
        )
        assert place.province_code == row.province_code


def test_region_codes_names_and_kinds_match_the_kemendagri_table(regions_csv: pathlib.Path) -> None:
    reference = _reference(regions_csv)
    institutions = bkn_awards.institutions()
    regional = [i for i in institutions if i.region_code is not None]
    assert regional
    # One record a region; the others are national bodies.
    assert len({i.region_code for i in regional}) == len(regional)
    assert {i.kind for i in institutions if i.region_code is None} <= {
        InstitutionKind.MINISTRY,
        InstitutionKind.AGENCY,
    }
    for institution in regional:
        assert institution.region_code is not None
        row = reference[institution.region_code]
        assert institution.kind.value == row.kind, institution.id
        word = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}[row.kind]
        assert institution.name == f"Pemerintah {word} {row.name}", institution.id
        assert institution.iso_3166_2 == row.iso_3166_2, institution.id
        if institution.kind is InstitutionKind.PROVINCE:
            assert institution.iso_3166_2 is not None, institution.id
            assert institution.iso_3166_2.startswith("ID-"), institution.id


# --- Finding a region ---------------------------------------------------------------------------


def test_every_region_resolves_by_its_code() -> None:
    in_data = {i.region_code: i for i in bkn_awards.institutions() if i.region_code}
    for place in REGIONS:
        for code in filter(None, {place.code, place.code.replace(".", ""), place.iso_3166_2}):
            assert bkn_awards.region(code) == place, code
            found = bkn_awards.institution(code)
            assert (found.region_code, found.name, found.kind, found.iso_3166_2) == (
                place.code,
                place.official_name,
                place.kind,
                place.iso_3166_2,
            ), code
            if place.code in in_data:  # the data's own record
                assert found is in_data[place.code]
            else:  # its government, made from the table
                assert found.id == place.institution_id
                assert found not in bkn_awards.institutions()


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Kab. Bantul", "34.02", InstitutionKind.REGENCY),
        ("Pemkot Batu", "35.79", InstitutionKind.CITY),
        ("Jateng", "33", InstitutionKind.PROVINCE),
        ("Kaltara", "65", InstitutionKind.PROVINCE),
        ("Kepri", "21", InstitutionKind.PROVINCE),
        ("pemprov  JATENG", "33", InstitutionKind.PROVINCE),
        ("ID-JT", "33", InstitutionKind.PROVINCE),
    ],
)
def test_short_names_people_write_resolve(text: str, code: str, kind: InstitutionKind) -> None:
    place = bkn_awards.region(text)
    assert place is not None
    assert (place.code, place.kind) == (code, kind)
    institution = bkn_awards.institution(text)
    assert (institution.region_code, institution.kind) == (code, kind)
    assert institution.name == place.official_name


def test_every_name_of_every_region_finds_it_or_is_shared() -> None:
    for place in REGIONS:
        for written in place.names():
            assert place in named(name_key(written)), (place.code, written)


def test_a_region_of_another_kind_is_not_found() -> None:
    assert region("Jateng", kind=InstitutionKind.PROVINCE) == BY_CODE["33"]
    with pytest.raises(UnknownRegionError) as caught:
        region("Jateng", kind=InstitutionKind.REGENCY)
    assert (caught.value.query, caught.value.kind) == ("Jateng", "regency")
    assert str(caught.value).startswith("no regency is known as 'Jateng'")
    assert region("Jateng", None, kind=InstitutionKind.REGENCY) is None
    # "Malang" names a kabupaten and a kota: the kind chooses.
    assert region("Malang", kind=InstitutionKind.CITY) == region("Kota Malang")
    with pytest.raises(AmbiguousInstitutionError):
        region("Malang")


def test_an_unknown_region_is_refused_with_the_close_names_as_an_unknown_institution_is() -> None:
    with pytest.raises(UnknownRegionError) as caught:
        bkn_awards.region("Jawa Timr")
    error = caught.value
    assert isinstance(error, LookupError)
    assert isinstance(error, UnknownInstitutionError)  # a region's government is one
    assert (error.query, error.suggestions, error.kind) == ("Jawa Timr", ("Jawa Timur",), "region")
    assert str(error) == "no region is known as 'Jawa Timr'; did you mean 'Jawa Timur'?"
    with pytest.raises(UnknownRegionError) as caught:
        bkn_awards.region("Kab. Bantl")
    assert caught.value.suggestions == ("Bantul",)
    with pytest.raises(UnknownRegionError) as caught:
        bkn_awards.region("Xyzzy")
    assert caught.value.suggestions == ()
    assert str(caught.value) == "no region is known as 'Xyzzy'"


@pytest.mark.parametrize("default", [None, "none", 0])
def test_an_unknown_region_gives_the_default_where_one_is_given(default: object) -> None:
    assert bkn_awards.region("Jawa Timr", default=default) == default
    assert bkn_awards.region("Atlantis", default) == default
    assert bkn_awards.region("Jatim", default=default) == BY_CODE["35"]
    # A default hides no ambiguity, and no text that names nothing.
    with pytest.raises(AmbiguousInstitutionError):
        bkn_awards.region("Malang", default=default)
    with pytest.raises(QueryError):
        bkn_awards.region(" ", default=default)


@pytest.mark.parametrize(
    ("text", "kind", "suggestions"),
    [
        ("Jawa Tenggah", InstitutionKind.PROVINCE, ("Jawa Tengah",)),
        ("Central Jav", InstitutionKind.PROVINCE, ("Jawa Tengah",)),
        # A bare name of a kabupaten and a kota is suggested with each one's kind.
        ("Malangg", None, ("Kabupaten Malang", "Kota Malang")),
        ("Gorontallo", None, ("Provinsi Gorontalo", "Kabupaten Gorontalo", "Kota Gorontalo")),
        # Of the kind asked for, "Bandung" is the kota's alone.
        ("Bandungg", InstitutionKind.CITY, ("Bandung",)),
        # A region of another kind, or a code, is no slip of spelling: nothing to suggest.
        ("Bantul", InstitutionKind.PROVINCE, ()),
        ("34.99", None, ()),
    ],
)
def test_each_suggestion_is_a_close_name_that_finds_its_region_alone(
    text: str, kind: InstitutionKind | None, suggestions: tuple[str, ...]
) -> None:
    with pytest.raises(UnknownRegionError) as caught:
        region(text, kind=kind)
    assert caught.value.suggestions == suggestions
    for suggestion in suggestions:
        found = region(suggestion, kind=kind)
        assert kind is None or found.kind is kind


def test_suggestions_of_slips_in_any_region_s_name_find_that_region() -> None:
    for place in REGIONS[::7]:
        slip = place.name[:-1]  # the last letter left out
        if named(name_key(slip)):  # "Buru" of "Buru Selatan" and the like
            continue
        with pytest.raises(UnknownRegionError) as caught:
            region(slip, kind=place.kind)
        assert place in {region(s, kind=place.kind) for s in caught.value.suggestions}, slip


@pytest.mark.parametrize("text", ["", "  ", "-.-", 33, None])
def test_a_region_is_named_by_a_non_empty_text(text: object) -> None:
    with pytest.raises(QueryError, match="a region is named by a non-empty text"):
        region(text)  # type: ignore[call-overload]


# --- English and short names --------------------------------------------------------------------

ENGLISH_NAMES = {
    "Aceh": "11",
    "North Sumatra": "12",
    "West Sumatra": "13",
    "Riau": "14",
    "Jambi": "15",
    "South Sumatra": "16",
    "Bengkulu": "17",
    "Lampung": "18",
    "Bangka Belitung Islands": "19",
    "Riau Islands": "21",
    "Special Capital Region of Jakarta": "31",
    "West Java": "32",
    "Central Java": "33",
    "Special Region of Yogyakarta": "34",
    "East Java": "35",
    "Banten": "36",
    "Bali": "51",
    "West Nusa Tenggara": "52",
    "East Nusa Tenggara": "53",
    "West Kalimantan": "61",
    "Central Kalimantan": "62",
    "South Kalimantan": "63",
    "East Kalimantan": "64",
    "North Kalimantan": "65",
    "North Sulawesi": "71",
    "Central Sulawesi": "72",
    "South Sulawesi": "73",
    "Southeast Sulawesi": "74",
    "Gorontalo": "75",
    "West Sulawesi": "76",
    "Maluku": "81",
    "North Maluku": "82",
    "Papua": "91",
    "West Papua": "92",
    "South Papua": "93",
    "Central Papua": "94",
    "Highland Papua": "95",
    "Southwest Papua": "96",
}


def test_every_province_is_found_by_its_english_name() -> None:
    provinces = {r.code for r in REGIONS if r.kind is InstitutionKind.PROVINCE}
    assert set(ENGLISH_NAMES.values()) == provinces
    for text, code in ENGLISH_NAMES.items():
        assert region(text, kind=InstitutionKind.PROVINCE) is BY_CODE[code], text
        assert region(f"{text} Province") is BY_CODE[code], text
        assert bkn_awards.institution(f"{text} Province").region_code == code, text
        if text not in {"Jambi", "Bengkulu", "Gorontalo"}:  # a kota's names too
            assert region(text) is BY_CODE[code], text
            assert bkn_awards.institution(text).region_code == code, text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Jogja", "34"),
        ("Yogya", "34"),
        ("Jogjakarta", "34"),
        ("DIY", "34"),
        ("Pemprov DIY", "34"),
        ("Pemprov Jogja", "34"),
        ("Yogyakarta", "34.71"),  # the kota: the province is never its bare name
        ("Kep. Riau", "21"),
        ("East Java Province", "35"),
        ("central  JAVA", "33"),
        ("Bantul Regency", "34.02"),
        ("Batu City", "35.79"),
        ("Malang City", "35.73"),
        ("Malang Regency", "35.07"),
    ],
)
def test_short_and_english_names_resolve(text: str, code: str) -> None:
    assert region(text) is BY_CODE[code]
    assert bkn_awards.institution(text).region_code == code


def test_no_alias_makes_a_name_ambiguous() -> None:
    for place in REGIONS:
        for alias in place.aliases:
            for written in Region(place.code, alias, place.kind, None, ()).names()[:-2]:
                assert named(name_key(written)) == (place,), (place.code, written)
    # The names several regions share are each one's own bare name, and nothing else.
    for key, places in region_names():
        if len(places) > 1:
            assert {name_key(p.name) for p in places} == {key}, places
            assert len({p.kind for p in places}) == len(places), places


def test_a_government_s_id_is_short_and_its_own() -> None:
    ids = [place.institution_id for place in regions()]
    assert len(set(ids)) == len(ids) == 552
    assert max(map(len, ids)) == 30  # the id rule's room: 48 with an edition and a key
    assert region("Jateng").institution_id == "pemprov-jateng"  # its short form
    assert region("DIY").institution_id == "pemprov-diy"
    assert region("Aceh").institution_id == "pemprov-aceh"  # no short form of one word
    assert region("Kab. Bantul").institution_id == "kab-bantul"
    # Each government of the data has the id the table gives it (the loader checks it too).
    for institution in bkn_awards.institutions():
        if institution.region_code:
            assert institution.id == region(institution.region_code).institution_id
