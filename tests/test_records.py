"""The record classes: the rules each field and each record keeps, and how a record shows itself."""

from __future__ import annotations

import pathlib
from typing import Any

import attrs
import pytest

import bkn_awards
from bkn_awards import FieldValueError, Institution, InstitutionKind
from bkn_awards.layout import RECORD_FILES, links, unwrap_optional
from bkn_awards.records import plain, ref_repr
from bkn_awards.rules import AtLeast, Each, EditionYear, rules_of
from datafiles import (
    assert_refused_after,
    load_problems,
    read_records,
    write_records,
)

SIDOARJO_ID = "2020-kab-sidoarjo-penilaian-kompetensi"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"
WARTA = "wartatransparansi-2020-pemprov-jatim"
WEB = "kalamanthana-soal-manajemen-pns-kaltim-terbaik"
KALTIM_2016 = "2016-pemprov-kalimantan-timur-pengelola-manajemen-kepegawaian-terbaik"


# --- Every field keeps rules ---------------------------------------------------------------------


def test_every_int_field_is_bounded_as_an_export_can_hold() -> None:
    for _, cls in RECORD_FILES:
        for field in attrs.fields(cls):
            kind = unwrap_optional(field.type)[0]
            if kind is int or kind == tuple[int, ...]:
                bounds = [r for r in rules_of(field) if isinstance(r, AtLeast | EditionYear)]
                bounds += [
                    r.rule
                    for r in rules_of(field)
                    if isinstance(r, Each) and isinstance(r.rule, AtLeast)
                ]
                assert bounds, f"{cls.__name__}.{field.name} has no bounds"


def _text_fields() -> list[tuple[str, str]]:
    found = []
    for filename, cls in RECORD_FILES:
        linked = {link.field for link in links(cls)}
        for field in attrs.fields(cls):
            if unwrap_optional(field.type)[0] is str and field.name not in linked:
                found.append((filename, field.name))
    return found


@pytest.mark.parametrize(("filename", "field"), _text_fields())
def test_an_empty_string_is_never_a_valid_value(
    data_dir: pathlib.Path, filename: str, field: str
) -> None:
    records = read_records(data_dir, filename)
    records[0][field] = ""
    write_records(data_dir, filename, records)
    problems = load_problems(data_dir)
    assert any(f": {field}: must " in p for p in problems), problems


# --- The rules that tie a record's fields together ---------------------------------------------


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "sources.json",
            WEB,
            {"url": None},
            f"sources.json: record {WEB!r}: url: is needed where there is no article file",
            id="web report without an address",
        ),
        pytest.param(
            "sources.json",
            WEB,
            {"filename": "a.txt"},
            f"sources.json: record {WEB!r}: filename: and sha256 are given together, or neither",
            id="file name without its hash",
        ),
        pytest.param(
            "sources.json",
            "surabayapagi-2022-pemkab-mojokerto",
            {"published_on": "2022-08-12"},
            "sources.json: record 'surabayapagi-2022-pemkab-mojokerto': published_on: "
            "must be the day of published",
            id="publication day not the time's",
        ),
        pytest.param(
            "awards.json",
            KALTIM_2016,
            {"citations": [{"source": WEB, "paragraphs": [2], "part": None}]},
            f"awards.json: record {KALTIM_2016!r}: citations[0].paragraphs: "
            "are for article files only",
            id="paragraphs of a web report",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"citations": [{"source": WARTA, "paragraphs": [], "part": "somewhere"}]},
            f"{SIDOARJO}: citations[0].paragraphs: are needed for a file",
            id="article file cited without paragraphs",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"citations": [{"source": WARTA, "paragraphs": [23], "part": ""}]},
            f"{SIDOARJO}: citations[0].part: must not be empty",
            id="empty part",
        ),
        pytest.param(
            "institutions.json",
            "pemprov-jatim",
            {"iso_3166_2": None},
            "institutions.json: record 'pemprov-jatim': iso_3166_2: "
            "is given for a province, and only there",
            id="province without its ISO code",
        ),
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"iso_3166_2": "ID-JI"},
            "institutions.json: record 'kab-tulungagung': iso_3166_2: "
            "is given for a province, and only there",
            id="ISO code of a regency",
        ),
        pytest.param(
            "institutions.json",
            "bkn",
            {"region_code": "31"},
            "institutions.json: record 'bkn': region_code: "
            "is given for a regional government, and only there",
            id="national body with a region code",
        ),
        pytest.param(
            "tallies.json",
            "2020-indonesia",
            {"kinds": []},
            "tallies.json: record '2020-indonesia': kinds: "
            "must list what a regional tally counts, and only there",
            id="national tally counting no kind",
        ),
    ],
)
def test_the_rules_tying_fields_are_kept(
    data_dir: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    # The rules the shipped schema cannot state (test_formats leaves them to the loader).
    assert_refused_after(data_dir, filename, record_id, changes, expected)


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "events.json",
            "2020-handover-surabaya",
            {"date_note": None},
            "events.json: record '2020-handover-surabaya': date_inferred: "
            "needs a date and a date_note saying how it was found",
            id="unexplained inference",
        ),
        pytest.param(
            "tallies.json",
            "2020-pemprov-jatim",
            {"region_code": "35"},
            "tallies.json: record '2020-pemprov-jatim': region_code: "
            "is not given with institution: one is counted",
            id="tally counting two things",
        ),
    ],
)
def test_a_bad_record_is_refused_naming_file_record_and_field(
    data_dir: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    assert_refused_after(data_dir, filename, record_id, changes, expected)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"rank": 0}, "rank"),
        ({"id": ""}, "id"),
        ({"year": 1999}, "year"),
        ({"citations": ()}, "citations"),
    ],
)
def test_a_record_made_by_hand_is_checked_by_the_same_rules(
    change: dict[str, Any], field: str
) -> None:
    award = bkn_awards.awards()[0]
    with pytest.raises(bkn_awards.FieldValueError) as raised:
        attrs.evolve(award, **change)
    assert raised.value.field == field
    assert str(raised.value) == f"{field} {raised.value.problem}"
    assert isinstance(raised.value, bkn_awards.BknAwardsError)
    assert isinstance(raised.value, ValueError)


def test_a_date_note_is_only_for_an_inferred_date() -> None:
    event = next(e for e in bkn_awards.events() if e.date is not None and not e.date_inferred)
    with pytest.raises(FieldValueError) as raised:
        attrs.evolve(event, date_note="worked out from the weekday")
    assert raised.value.field == "date_note"
    assert raised.value.problem == "is only for an inferred date (date_inferred is false)"
    inferred = attrs.evolve(event, date_inferred=True, date_note="worked out from the weekday")
    assert inferred.date_inferred


# --- A tally counts what it says it counts ------------------------------------------------------


def test_a_tally_counts_one_institution_or_the_kinds_inside_a_region() -> None:
    awards = bkn_awards.awards()
    for tally in bkn_awards.tallies():
        for award in awards:
            if not tally.counts(award):
                continue
            assert award.year == tally.year, (tally.id, award.id)
            if tally.institution is not None:
                assert award.institution is tally.institution, (tally.id, award.id)
            else:
                assert award.institution.kind in tally.kinds, (tally.id, award.id)
                code = award.institution.region_code or ""
                assert tally.region_code is None or (code + ".").startswith(
                    tally.region_code + "."
                ), (tally.id, award.id)


def test_a_regional_tally_counts_no_award_of_another_region_or_year() -> None:
    tally = next(t for t in bkn_awards.tallies() if t.region_code == "35" and t.kinds)
    award = next(
        a
        for a in bkn_awards.awards()
        if tally.counts(a) and a.institution.kind is not InstitutionKind.PROVINCE
    )
    elsewhere = attrs.evolve(award.institution, region_code="33.01")  # in Jawa Tengah
    assert not tally.counts(attrs.evolve(award, institution=elsewhere))
    later = next(c for c in bkn_awards.categories() if c.year != tally.year)
    assert not tally.counts(attrs.evolve(award, year=later.year, category=later))


# --- How a record shows itself ------------------------------------------------------------------


def test_a_record_shows_its_links_by_name_and_leaves_the_long_fields_out() -> None:
    award = bkn_awards.award(SIDOARJO_ID)
    assert repr(award) == (
        f"Award(id={SIDOARJO_ID!r}, year=2020, institution='Pemerintah Kabupaten Sidoarjo', "
        "category='penilaian kompetensi', rank=1)"
    )
    assert ref_repr(None) == "None"
    assert ref_repr(award.citations[0].source) == repr(award.citations[0].source.id)  # no name


def test_a_value_is_written_plain_for_a_flat_cell() -> None:
    award = bkn_awards.award(SIDOARJO_ID)
    assert plain(award.institution) == "kab-sidoarjo"
    assert plain(award.institution.kind) == "regency"
    assert plain(award.institution.aliases) == list(award.institution.aliases)
    citation = award.citations[0]
    assert plain(citation) == " ".join([citation.source.id, *map(str, citation.paragraphs)])
    assert plain(2020) == 2020
    assert plain(None) is None


def test_a_record_renders_in_a_notebook_as_an_escaped_table_of_its_fields() -> None:
    sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
    html = attrs.evolve(sidoarjo, aliases=("Kab <Sidoarjo>", "A & B"))._repr_html_()
    assert html.startswith("<table><caption>Institution</caption>")
    assert html.count("<tr>") == len(attrs.fields(Institution))
    assert "<tr><th>kind</th><td>regency</td></tr>" in html
    assert "<tr><th>iso_3166_2</th><td></td></tr>" in html
    assert "<td>Kab &lt;Sidoarjo&gt;; A &amp; B</td>" in html


def test_of_region_is_deprecated_for_region_government() -> None:
    bantul = bkn_awards.region("Kab. Bantul")
    assert bantul is not None
    with pytest.deprecated_call(match="use Region.government"):
        made = Institution.of_region(bantul)
    assert made == bantul.government()
