"""The record classes: the rules each field and each record keeps, and how a record shows itself."""

from __future__ import annotations

import pathlib
from typing import Any

import attrs
import pytest

import bkn_awards
from bkn_awards import (
    Award,
    Citation,
    FieldValueError,
    Group,
    Institution,
    InstitutionKind,
    Placing,
    query,
)
from bkn_awards.changes import compare
from bkn_awards.layout import RECORD_FILES, links, unwrap_optional
from bkn_awards.records import Shown, cited_html, plain, ref_repr
from bkn_awards.rules import AtLeast, Each, EditionYear, rules_of
from datafiles import (
    assert_refused_after,
    load_problems,
    placings_with,
    read_records,
    write_records,
)

SIDOARJO_ID = "2020-kab-sidoarjo-kompetensi"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"
WARTA = "wartatransparansi-2020-pemprov-jatim"
WEB = "kalamanthana-soal-manajemen-pns-kaltim-terbaik"
KALTIM_2016 = "2016-pemprov-kaltim"
KEDIRI = "2020-kota-kediri-kinerja"


# --- Every field keeps rules ---------------------------------------------------------------------


def test_every_int_field_is_bounded_as_an_export_can_hold() -> None:
    # The records of the files, and those they hold: an award's placings, their citations.
    for cls in [cls for _, cls in RECORD_FILES] + [Placing, Citation]:
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
            {
                "placings": placings_with(
                    KALTIM_2016, citations=[{"source": WEB, "paragraphs": [2], "part": None}]
                )
            },
            f"awards.json: record {KALTIM_2016!r}: placings[0].citations[0].paragraphs: "
            "are for article files only",
            id="paragraphs of a web report",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {
                "placings": placings_with(
                    SIDOARJO_ID,
                    citations=[{"source": WARTA, "paragraphs": [], "part": "somewhere"}],
                )
            },
            f"{SIDOARJO}: placings[0].citations[0].paragraphs: are needed for a file",
            id="article file cited without paragraphs",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {
                "placings": placings_with(
                    SIDOARJO_ID, citations=[{"source": WARTA, "paragraphs": [23], "part": ""}]
                )
            },
            f"{SIDOARJO}: placings[0].citations[0].part: must not be empty",
            id="empty part",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"placings": placings_with(SIDOARJO_ID, rank_label="")},
            f"{SIDOARJO}: placings[0].rank_label: must not be empty",
            id="empty words of a placing",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"placings": []},
            f"{SIDOARJO}: placings: must not be empty",
            id="award placed by no report",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"group_label": None},
            f"{SIDOARJO}: group_label: is given with group, and only there",
            id="group without its words",
        ),
        pytest.param(
            "awards.json",
            KALTIM_2016,
            {"group_label": "tingkat Provinsi"},
            f"awards.json: record {KALTIM_2016!r}: group_label: is given with group, and only "
            "there",
            id="words of a group without the group",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"group": "cities-small"},
            f"{SIDOARJO}: group: cities-small holds no regency",
            id="group of another kind",
        ),
        pytest.param(
            "institutions.json",
            "kab-tulungagung",
            {"kind": "city"},
            "awards.json: record '2020-kab-tulungagung-kinerja': group: regencies holds no city",
            id="institution of a kind its awards' group does not hold",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"placings": placings_with(SIDOARJO_ID, category="2020-kinerja")},
            f"{SIDOARJO}: placings: give a category only where the award has none "
            "(reports disagree)",
            id="placing category beside the award's",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"group": "tingkat Kabupaten"},
            f"{SIDOARJO}: group: 'tingkat Kabupaten' is not a valid Group",
            id="group in the report's words",
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
            {"date_inferred": True, "date_note": None},
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
    ("made", "change", "field"),
    [
        ("placing", {"rank": 0}, "rank"),
        ("award", {"id": ""}, "id"),
        ("award", {"year": 1999}, "year"),
        ("placing", {"citations": ()}, "citations"),
        ("placing", {"rank_label": ""}, "rank_label"),
        ("award", {"placings": ()}, "placings"),
        ("award", {"group_label": ""}, "group_label"),
    ],
)
def test_a_record_made_by_hand_is_checked_by_the_same_rules(
    made: str, change: dict[str, Any], field: str
) -> None:
    award = bkn_awards.awards()[0]
    record = award if made == "award" else award.placings[0]
    with pytest.raises(bkn_awards.FieldValueError) as raised:
        attrs.evolve(record, **change)
    assert raised.value.field == field
    assert str(raised.value) == f"{field} {raised.value.problem}"
    assert isinstance(raised.value, bkn_awards.BknAwardsError)
    assert isinstance(raised.value, ValueError)


def _grouped() -> Award:
    return next(a for a in bkn_awards.awards() if a.group is not None and a.category is not None)


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"group_label": None}, "group_label", "is given with group, and only there"),
        ({"group": None}, "group_label", "is given with group, and only there"),
        ({"group": None, "group_label": None}, None, None),
    ],
)
def test_a_group_and_its_words_come_together(
    change: dict[str, Any], field: str | None, problem: str | None
) -> None:
    award = _grouped()
    if field is None:
        assert attrs.evolve(award, **change).group is None
        return
    with pytest.raises(FieldValueError) as raised:
        attrs.evolve(award, **change)
    assert (raised.value.field, raised.value.problem) == (field, problem)


def test_a_group_holds_one_kind_of_institution() -> None:
    award = _grouped()
    assert award.group is not None
    assert award.group.kind is award.institution.kind
    for group in Group:
        if group.kind is award.institution.kind:
            assert attrs.evolve(award, group=group).group is group
            continue
        with pytest.raises(FieldValueError) as raised:
            attrs.evolve(award, group=group)
        assert raised.value.field == "group"
        assert raised.value.problem == (f"{group.value} holds no {award.institution.kind.value}")


def test_a_placing_gives_a_category_only_where_the_award_has_none() -> None:
    award = _grouped()
    assert award.category is not None
    placing = attrs.evolve(award.placings[0], category=award.category)
    with pytest.raises(FieldValueError) as raised:
        attrs.evolve(award, placings=(placing,))
    assert raised.value.field == "placings"
    assert raised.value.problem == (
        "give a category only where the award has none (reports disagree)"
    )
    # Without the award's own category, the placing gives it.
    moved = attrs.evolve(award, category=None, placings=(placing,))
    assert moved.categories == (award.category,)
    assert not moved.disputed


def test_an_award_agreed_on_has_its_placing_s_rank_words_and_citations() -> None:
    award = bkn_awards.award(SIDOARJO_ID)
    (placing,) = award.placings
    assert (award.rank, award.ranks, award.disputed) == (1, (1,), False)
    assert award.rank_label == placing.rank_label == "Juara Pertama"
    assert award.citations == placing.citations
    assert award.categories == (award.category,)


def test_an_award_given_two_ranks_has_none_and_both_ranks() -> None:
    (award,) = bkn_awards.awards(year=2022, province="Jateng", theme="performance")
    assert [p.rank for p in award.placings] == [4, 5]
    assert (award.rank, award.ranks, award.disputed) == (None, (4, 5), True)
    assert award.rank_label == "; ".join(p.rank_label for p in award.placings)
    assert award.citations == award.placings[0].citations + award.placings[1].citations
    assert award.category is not None
    assert award.categories == (award.category,)
    # In the other order, the ranks still come lowest first.
    turned = attrs.evolve(award, placings=award.placings[::-1])
    assert (turned.rank, turned.ranks) == (None, (4, 5))
    assert turned.rank_label == "; ".join(p.rank_label for p in award.placings[::-1])


def test_an_award_of_two_readings_that_agree_is_not_disputed() -> None:
    award = bkn_awards.award(SIDOARJO_ID)
    (placing,) = award.placings
    again = attrs.evolve(award, placings=(placing, attrs.evolve(placing, rank_label="Terbaik I")))
    assert (again.rank, again.ranks, again.disputed) == (1, (1,), False)
    assert again.rank_label == "Juara Pertama; Terbaik I"
    # The same words twice are said once; the same citation is listed once.
    twice = attrs.evolve(award, placings=(placing, placing))
    assert twice.rank_label == "Juara Pertama"
    assert twice.citations == placing.citations
    # A reading that gives no rank does not dispute one that does.
    unranked = attrs.evolve(award, placings=(placing, attrs.evolve(placing, rank=None)))
    assert (unranked.rank, unranked.ranks, unranked.disputed) == (1, (1,), False)
    nothing = attrs.evolve(award, placings=(attrs.evolve(placing, rank=None),))
    assert (nothing.rank, nothing.ranks, nothing.disputed) == (None, (), False)


def test_an_award_of_disputed_category_has_each_category_its_reports_give() -> None:
    award = bkn_awards.award(KEDIRI)
    assert award.category is None
    categories = tuple(p.category for p in award.placings)
    assert None not in categories
    assert len(set(categories)) == len(categories) == 2
    assert award.categories == categories
    assert award.disputed
    assert award.ranks == (3,)
    assert award.rank == 3  # the reports agree on the place, not on the category
    # An award whose reports name no category has none.
    assert bkn_awards.award(KALTIM_2016).categories == ()


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
        "category='Penilaian Kompetensi', "
        "placings=(Placing(rank=1, rank_label='Juara Pertama', category=None),))"
    )
    # A placing of another category shows it by name.
    (kediri,) = [p for p in bkn_awards.award(KEDIRI).placings if p.rank_label == "Juara Ketiga"]
    assert kediri.category is not None
    assert repr(kediri) == (
        f"Placing(rank=3, rank_label='Juara Ketiga', category={kediri.category.name!r})"
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
    (placing,) = award.placings
    sources = ", ".join(c.source.id for c in placing.citations)
    assert plain(placing) == f"Juara Pertama ({sources})"
    assert plain(award.placings) == [plain(placing)]
    assert plain(award.group) == "regencies"
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


def _values_of_every_class() -> list[object]:
    """A value of each attrs class the library defines, from the bundled data where it has one."""
    data = bkn_awards.load()
    award = next(a for a in data.awards() if a.disputed)
    found: list[object] = [award, award.placings[0], award.citations[0], award.institution]
    found += [award.citations[0].source, award.category or award.categories[0]]
    found += [data.officials()[0], data.editions()[0], data.events()[0], data.tallies()[0]]
    found += [data.aliases()[0]]
    found += [data.conflicts()[0], data.conflicts()[0].claims[0], data.coverage()[0]]
    found += [data.coverage(by_edition=True)[0], data.manifest(), bkn_awards.region("Jatim")]
    found += [bkn_awards.AwardQuery(year=2022, rank=[1, 2]), data.search_institutions("Bantl")[0]]
    report = data.verify_citations(pathlib.Path(__file__).parent)  # no article file is here
    found += [report, report.problems[0]]
    changed = compare({"awards": [{"id": "a", "rank": 1}]}, {"awards": [{"id": "a", "rank": 2}]})
    return [*found, changed, changed.changes[0], changed.changes[0].fields[0]]


@pytest.mark.parametrize("value", _values_of_every_class(), ids=lambda v: type(v).__name__)
def test_a_value_shows_itself_as_attrs_would(value: Any) -> None:
    cls: Any = type(value)
    # The one repr of Shown, not one attrs compiles for each class at import.
    assert cls.__repr__ is Shown.__repr__
    fields = attrs.fields(cls)
    twin = attrs.make_class(
        cls.__name__, {f.name: attrs.field(repr=f.repr) for f in fields}, frozen=True
    )
    assert repr(value) == repr(twin(*(getattr(value, f.name) for f in fields)))


def test_every_attrs_class_of_the_library_is_among_those_shown() -> None:
    import importlib
    import pkgutil

    defined = {
        cls
        for info in pkgutil.iter_modules(bkn_awards.__path__, "bkn_awards.")
        if info.name not in {"bkn_awards.__main__"}
        for cls in vars(importlib.import_module(info.name)).values()
        if isinstance(cls, type) and attrs.has(cls) and cls.__module__.startswith("bkn_awards")
    }
    assert defined == {type(v) for v in _values_of_every_class()} | {query.Filter}
    assert query.Filter.__repr__ is Shown.__repr__


def test_a_records_html_links_each_citation_to_its_report() -> None:
    award = bkn_awards.award("2022-kab-mojokerto-manajemen-asn")
    shown = award._repr_html_()
    for citation in award.citations:
        source = citation.source
        assert f'<a href="{source.url}">{source.title}</a>' in shown
        assert f"({source.publisher}, " in shown
    assert shown.count("<th>citations</th>") == 1
    # A report without an address is named, not linked; a title is escaped.
    bare = attrs.evolve(award.citations[0].source, url=None, title="A & B")
    text = cited_html((attrs.evolve(award.citations[0], source=bare),))
    assert text.startswith("A &amp; B (surabayapagi.com, 2022-08-11; paragraphs 1, 5, 6)")
    assert "<a " not in text
