"""The fixed terms: kinds of government, read from the words people write; events and themes."""

from __future__ import annotations

import pytest

import bkn_awards
from bkn_awards import AwardQuery
from bkn_awards.vocabulary import (
    KIND_WORDS,
    REGIONAL_WORDS,
    EventKind,
    Group,
    InstitutionKind,
    Theme,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pemkab", InstitutionKind.REGENCY),
        ("kabupaten", InstitutionKind.REGENCY),
        ("Kab.", InstitutionKind.REGENCY),
        ("pemerintah kabupaten", InstitutionKind.REGENCY),
        (" regency ", InstitutionKind.REGENCY),
        ("PEMKOT", InstitutionKind.CITY),
        ("pemko", InstitutionKind.CITY),
        ("City", InstitutionKind.CITY),
        ("Pemprov", InstitutionKind.PROVINCE),
        ("provinsi", InstitutionKind.PROVINCE),
        ("kementerian", InstitutionKind.MINISTRY),
        ("Badan", InstitutionKind.AGENCY),
        ("lembaga", InstitutionKind.AGENCY),
    ],
)
def test_a_kind_is_named_by_its_value_or_the_words_people_write(
    text: str, kind: InstitutionKind
) -> None:
    assert InstitutionKind(text) is kind


@pytest.mark.parametrize("text", ["village", "desa", "", "kabupatenn", "pemda"])
def test_a_text_that_names_no_kind_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid InstitutionKind"):
        InstitutionKind(text)


def test_every_kind_has_words_and_no_word_names_two_kinds() -> None:
    assert set(KIND_WORDS) == set(InstitutionKind)
    words = [word for found in KIND_WORDS.values() for word in found]
    assert len(words) == len(set(words))
    for kind, found in KIND_WORDS.items():
        for word in found:
            assert InstitutionKind(word) is kind
            assert InstitutionKind(word.upper()) is kind


def test_regional_words_are_for_the_regional_kinds_only() -> None:
    assert set(REGIONAL_WORDS) == {
        InstitutionKind.PROVINCE,
        InstitutionKind.REGENCY,
        InstitutionKind.CITY,
    }


def test_the_first_word_of_a_kind_is_the_word_of_its_official_names() -> None:
    regional = [i for i in bkn_awards.institutions() if i.region_code is not None]
    assert regional
    for institution in regional:
        word = KIND_WORDS[institution.kind][0].title()
        assert institution.name.startswith(f"Pemerintah {word} "), institution.id


def test_event_kinds_are_read_from_their_values() -> None:
    assert EventKind("handover") is EventKind.HANDOVER
    assert EventKind("ceremony") is EventKind.CEREMONY
    with pytest.raises(ValueError, match="is not a valid EventKind"):
        EventKind("award")


def test_themes_are_read_from_their_values_and_the_data_uses_them() -> None:
    assert Theme("competency") is Theme.COMPETENCY
    assert Theme("information-systems") is Theme.INFORMATION_SYSTEMS
    with pytest.raises(ValueError, match="is not a valid Theme"):
        Theme("luck")
    used = {c.theme for c in bkn_awards.categories()}
    assert used <= set(Theme)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Competency", Theme.COMPETENCY),
        ("COMPETENCY", Theme.COMPETENCY),
        (" planning ", Theme.PLANNING),
        ("Information Systems", Theme.INFORMATION_SYSTEMS),
        ("information_systems", Theme.INFORMATION_SYSTEMS),
        ("INFORMATION-SYSTEMS", Theme.INFORMATION_SYSTEMS),
        ("ASN management", Theme.ASN_MANAGEMENT),
        ("Special  Mention", Theme.SPECIAL_MENTION),
    ],
)
def test_a_theme_is_named_by_its_value_in_any_case_as_a_kind_is(text: str, theme: Theme) -> None:
    assert Theme(text) is theme


@pytest.mark.parametrize(
    "value", ["", "-", "informationsystems", "kompetensi", 3, None, b"planning"]
)
def test_a_value_that_names_no_theme_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="is not a valid Theme"):
        Theme(value)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("regencies-type-a", Group.REGENCIES_TYPE_A),
        ("Regencies-Type-A", Group.REGENCIES_TYPE_A),
        (" CITIES-SMALL ", Group.CITIES_SMALL),
        ("Regencies West Large", Group.REGENCIES_WEST_LARGE),
        ("ministries", Group.MINISTRIES),
    ],
)
def test_a_group_is_named_by_its_value_in_any_case_as_a_theme_is(text: str, group: Group) -> None:
    assert AwardQuery(group=text).group is group
    assert Group(text) is group
    assert Group(text.replace("-", "_")) is group


@pytest.mark.parametrize("text", ["tingkat Kabupaten", "regency", "cities tiny", "", "towns"])
def test_a_text_that_names_no_group_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid Group"):
        Group(text)


def test_a_group_holds_the_kind_its_value_names() -> None:
    assert Group.CITIES_SMALL.kind is InstitutionKind.CITY
    assert Group.REGENCIES_WEST_LARGE.kind is InstitutionKind.REGENCY
    assert Group.PROVINCES_TYPE_C.kind is InstitutionKind.PROVINCE
    assert Group.AGENCIES.kind is InstitutionKind.AGENCY
    assert Group.MINISTRIES.kind is InstitutionKind.MINISTRY
    # Every kind of institution has its groups, the first of them the level alone.
    for kind in InstitutionKind:
        groups = [g for g in Group if g.kind is kind]
        assert groups, kind
        assert all(g.value.startswith(groups[0].value) for g in groups), kind


def test_the_data_uses_the_groups_of_its_institutions_kinds() -> None:
    awards = bkn_awards.awards()
    grouped = [a for a in awards if a.group is not None]
    assert grouped
    assert {a.group for a in grouped} <= set(Group)
    for award in grouped:
        assert award.group is not None
        assert award.group.kind is award.institution.kind, award.id
        assert award.group_label, award.id
    assert all(a.group_label is None for a in awards if a.group is None)


@pytest.mark.parametrize("terms", [InstitutionKind, EventKind, Theme, Group])
def test_a_term_equals_only_itself_and_hashes_as_itself(
    terms: type[InstitutionKind] | type[EventKind] | type[Theme] | type[Group],
) -> None:
    members = list(terms)
    by_member = {member: member.value for member in members}
    assert [by_member[member] for member in members] == [member.value for member in members]
    for member in members:
        assert member != member.value
        assert hash(member) == object.__hash__(member)
    assert len(set(members)) == len(members)
