from __future__ import annotations

import csv
import pathlib

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
    # Only Kota Malang is in the data, but "Malang" may as well mean Kabupaten Malang.
    with pytest.raises(UnknownInstitutionError) as caught:
        bkn_awards.institution("Malang")
    assert "Pemerintah Kota Malang" in caught.value.suggestions


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


@given(st.text(max_size=30))
def test_any_text_resolves_or_raises_a_lookup_or_query_error(text: str) -> None:
    outcome = _outcome(text)
    if isinstance(outcome, Exception):
        assert isinstance(outcome, BknAwardsError)
        assert isinstance(outcome, LookupError | QueryError)
    else:
        assert outcome in bkn_awards.institutions()
        assert name_key(text) in {name_key(n) for n in _names(outcome)}


def _names(institution: bkn_awards.Institution) -> list[str]:
    code = institution.region_code
    codes = [] if code is None else [code, code.replace(".", "")]
    return [institution.id, institution.name, *institution.aliases, *codes]


def test_every_alias_is_unique_to_its_institution_except_the_shared_bare_names() -> None:
    owners: dict[str, set[str]] = {}
    for institution in bkn_awards.institutions():
        for name in _names(institution):
            owners.setdefault(name_key(name), set()).add(institution.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {"mojokerto": {"kab-mojokerto", "kota-mojokerto"}}


def _reference(path: pathlib.Path) -> dict[str, tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as table:
        return {row["code"]: (row["name"], row["kind"]) for row in csv.DictReader(table)}


def test_region_codes_names_and_kinds_match_the_kemendagri_table(
    region_codes_csv: pathlib.Path,
) -> None:
    reference = _reference(region_codes_csv)
    regional = [i for i in bkn_awards.institutions() if i.region_code is not None]
    assert len(regional) == 9
    for institution in regional:
        assert institution.region_code is not None
        name, kind = reference[institution.region_code]
        assert institution.kind.value == kind
        level = {"province": "Provinsi ", "regency": "", "city": ""}[kind]
        assert institution.name == f"Pemerintah {level}{name}"


def test_bare_names_are_aliases_only_where_no_kabupaten_and_kota_share_them(
    region_codes_csv: pathlib.Path,
) -> None:
    bare: dict[str, set[str]] = {}
    for name, kind in _reference(region_codes_csv).values():
        if kind != "province":
            bare.setdefault(name_key(name.split(" ", 1)[1]), set()).add(kind)
    shared = {n for n, kinds in bare.items() if len(kinds) > 1}
    assert {"malang", "kediri", "madiun", "mojokerto"} <= shared
    for institution in bkn_awards.institutions():
        for alias in institution.aliases:
            if name_key(alias) in shared:
                # Only where both namesakes are in the data, so the name is refused as ambiguous.
                with pytest.raises(AmbiguousInstitutionError):
                    bkn_awards.institution(alias)
