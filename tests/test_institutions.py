from __future__ import annotations

import csv
import pathlib
import typing
from collections import Counter

import pytest
from hypothesis import given, strategies as st

import bkn_awards
from bkn_awards import (
    AmbiguousInstitutionError,
    BknAwardsError,
    InstitutionKind,
    QueryError,
    UnknownInstitutionError,
)
from bkn_awards.text import name_key


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


def test_ambiguous_name_in_a_query_is_refused_too() -> None:
    with pytest.raises(AmbiguousInstitutionError):
        bkn_awards.awards(institution="mojokerto")


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


def _outcome(text: str) -> bkn_awards.Institution | Exception:
    try:
        return bkn_awards.institution(text)
    except Exception as error:  # the property below is that no other kind escapes
        return error


REGIONS = bkn_awards.regions()
BY_CODE = {r.code: r for r in REGIONS}
# Names that resolve, or are refused as ambiguous: every name of the data and of the regions.
KNOWN_NAMES = sorted(
    {n for i in bkn_awards.institutions() for n in [i.id, i.name, *i.aliases]}
    | {n for r in REGIONS for n in r.names()}
)


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
    assert bkn_awards.region("Atlantis") is None
