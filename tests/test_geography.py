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
)
from bkn_awards.geography import Region, named, region, regions, regions_by_code
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
    assert "kota Bantul" not in names
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
    assert region("Jateng", kind=InstitutionKind.REGENCY) is None
    # "Malang" names a kabupaten and a kota: the kind chooses.
    assert region("Malang", kind=InstitutionKind.CITY) == region("Kota Malang")
    with pytest.raises(AmbiguousInstitutionError):
        region("Malang")
    assert region("Atlantis") is None


@pytest.mark.parametrize("text", ["", "  ", "-.-", 33, None])
def test_a_region_is_named_by_a_non_empty_text(text: object) -> None:
    with pytest.raises(QueryError, match="a region is named by a non-empty text"):
        region(text)  # type: ignore[arg-type]
