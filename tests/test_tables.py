"""Records as terminal text: aligned columns cut to a width, a table's columns, an award's sheet."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import bkn_awards
from bkn_awards import Award, Institution, Official, tables
from bkn_awards.tables import (
    Column,
    aligned,
    display_columns,
    fitted,
    outlets,
    rank_cell,
    sheet,
    short_names,
    wrapped,
)

MOJOKERTO = "2022-kab-mojokerto-manajemen-asn"
KEDIRI = "2020-kota-kediri-kinerja"
FIELDS = [
    "id",
    "year",
    "institution",
    "kind",
    "region code",
    "category",
    "group",
    "rank",
    "as reported",
    "event",
    "received by",
]
CITED = ["  publisher", "  published", "  where", "  address", "  sha256"]


# --- Aligned columns ----------------------------------------------------------------------------


def test_columns_are_padded_two_spaces_apart_without_trailing_spaces() -> None:
    assert aligned([["Year", "Rank"], ["2020", "1"], ["2021", "10"]]) == [
        "Year  Rank",
        "2020  1",
        "2021  10",
    ]


def test_a_short_row_takes_the_columns_it_has() -> None:
    assert aligned([["a", "bb", "c"], ["xxx"]]) == ["a    bb  c", "xxx"]


def test_without_a_width_no_cell_is_cut() -> None:
    long = "Pemerintah Provinsi Daerah Istimewa Yogyakarta"
    assert aligned([["Name"], [long]]) == ["Name", long]
    assert aligned([["Name"], [long]], width=None) == ["Name", long]


def test_the_widest_column_is_cut_first_until_the_lines_fit() -> None:
    lines = aligned([["a" * 30, "b" * 10]], width=30)
    assert lines == ["a" * 15 + "...  " + "b" * 10]
    assert len(lines[0]) == 30


def test_a_cell_that_fits_its_cut_column_is_whole() -> None:
    lines = aligned([["Name", "Rank"], ["Pemerintah Kota Mojokerto", "2"], ["Kota Batu", "3"]], 20)
    assert all(len(line) <= 20 for line in lines)
    assert lines[1].startswith("Pemerintah...  ")  # no space before the dots
    assert lines[2].startswith("Kota Batu ")


def test_no_column_is_cut_narrower_than_six_characters() -> None:
    # Past that, a cell would say nothing: the lines are left wider than asked.
    assert aligned([["abcdefghij", "klmnopqrst"]], width=5) == ["abc...  klm..."]


# --- The columns of a table ---------------------------------------------------------------------


def _headers(record_type: type, *, fitted: bool = False) -> list[str]:
    return [c.header for c in display_columns(record_type, fitted=fitted)]


def _cells(record: object, *, fitted: bool = False) -> dict[str, str]:
    """The cells of one record's row, as a table of it alone shows them."""
    columns = display_columns(type(record), fitted=fitted)
    (row,) = tables._cells([record], columns)
    assert row is not None
    return dict(zip([c.header for c in columns], row, strict=True))


def test_a_wide_award_table_shows_every_cell_whole() -> None:
    assert _headers(Award) == [
        "Id",
        "Year",
        "Institution",
        "Category",
        "Group",
        "Rank",
        "Source",
    ]
    award = bkn_awards.award(MOJOKERTO)
    cells = _cells(award)
    assert cells["Institution"] == award.institution.name
    assert cells["Rank"] == "-"  # "terbaik" has no number
    assert cells["Group"] == "-"  # no report names its group
    # Each report as its headline, publisher and day, or "undated".
    assert cells["Source"].count("; ") == len(award.citations) - 1
    assert "(surabayapagi.com, 2022-08-11)" in cells["Source"]
    assert "(BANGSAONLINE.com, undated)" in cells["Source"]


def test_a_fitted_award_table_shows_what_a_reader_scans_for() -> None:
    assert _headers(Award, fitted=True) == [
        "Id",
        "Year",
        "Institution",
        "Theme",
        "Group",
        "Rank",
        "Outlet",
    ]
    cells = _cells(bkn_awards.award(MOJOKERTO), fitted=True)
    assert cells == {
        "Id": MOJOKERTO,
        "Year": "2022",
        "Institution": "Kab. Mojokerto",
        "Theme": "asn-management",
        "Group": "-",
        "Rank": "-",
        "Outlet": "surabayapagi.com +1",
    }


def test_an_award_table_shows_a_group_by_its_value_and_every_category_reported() -> None:
    sidoarjo = _cells(bkn_awards.award("2020-kab-sidoarjo-kompetensi"))
    assert (sidoarjo["Group"], sidoarjo["Rank"]) == ("regencies", "1")
    assert sidoarjo["Category"] == "Penilaian Kompetensi"
    kediri = bkn_awards.award(KEDIRI)
    assert _cells(kediri)["Category"] == " or ".join(c.name for c in kediri.categories)
    assert _cells(kediri)["Category"].count(" or ") == 1
    assert _cells(kediri, fitted=True)["Theme"] == kediri.categories[0].theme.value + "?"
    assert _cells(bkn_awards.awards(year=2016)[0])["Category"] == "-"


def test_a_disputed_rank_shows_every_rank_reported() -> None:
    (award,) = bkn_awards.awards(year=2022, province="Jateng", rank=5)
    assert award.ranks == (4, 5)
    assert rank_cell(award) == "4/5 (disputed)"
    assert _cells(award)["Rank"] == "4/5 (disputed)"
    assert _cells(award, fitted=True)["Rank"] == "4/5?"
    # One reading alone is no dispute.
    alone = attrs.evolve(award, placings=award.placings[1:])
    assert rank_cell(alone) == "5"
    assert rank_cell(bkn_awards.award(MOJOKERTO)) == "-"


def test_a_report_without_headline_address_or_publisher_is_still_named() -> None:
    award = bkn_awards.award(MOJOKERTO)
    citation = award.citations[0]
    source = attrs.evolve(citation.source, title=None, publisher=None, url=None)
    (placing,) = award.placings
    bare = attrs.evolve(
        award, placings=(attrs.evolve(placing, citations=(attrs.evolve(citation, source=source),)),)
    )
    assert _cells(bare)["Source"] == f"untitled ({source.id}) (publisher not named, 2022-08-11)"
    assert outlets(bare) == "outlet not named"


def test_other_tables_show_their_first_five_fields_but_citations_when_wide() -> None:
    assert _headers(Institution) == ["Id", "Name", "Kind", "Region code", "Iso 3166 2"]
    sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
    assert list(_cells(sidoarjo).values()) == [
        "kab-sidoarjo",
        "Pemerintah Kabupaten Sidoarjo",
        "regency",
        "35.15",
        "-",
    ]
    # A link shows the id it stands for.
    assert _headers(Official) == ["Id", "Name", "Position", "Institution"]
    official = next(o for o in bkn_awards.officials() if o.institution is not None)
    assert official.institution is not None
    assert _cells(official)["Institution"] == official.institution.id
    assert _cells(official, fitted=True)["Institution"] == "Prov. Jawa Timur"


@pytest.mark.parametrize(
    "records",
    [
        bkn_awards.awards(),
        bkn_awards.institutions(),
        bkn_awards.categories(),
        bkn_awards.sources(),
        bkn_awards.events(),
        bkn_awards.tallies(),
        bkn_awards.editions(),
        bkn_awards.officials(),
        bkn_awards.coverage(),
    ],
    ids=lambda records: type(records[0]).__name__,
)
@pytest.mark.parametrize("width", [120, 80, 60, 40, 30, 20])
def test_every_table_fits_its_width_and_shows_every_record(records: Any, width: int) -> None:
    columns = display_columns(type(records[0]), fitted=True)
    lines = fitted(records, columns, width)
    assert max(map(len, lines)) <= width, max(lines, key=len)
    if lines[0].startswith(columns[0].header.lower()):  # a block a record, a blank line between
        assert lines.count("") + 1 == len(records)
    else:  # a header, and a row a record
        assert len(lines) == 1 + len(records)


def test_columns_are_given_up_in_their_order_then_the_records_become_blocks() -> None:
    awards = bkn_awards.awards(year=2020, theme="competency")
    columns = display_columns(Award, fitted=True)
    wide = fitted(awards, columns, 300)
    labels = ["id", "year", "institution", "theme", "group", "rank", "outlet"]
    assert wide[0].split() == [label.capitalize() for label in labels]
    # The id goes first, being long; then the outlet; then the group; then a row becomes a block.
    assert fitted(awards, columns, 80)[0].split() == [h.capitalize() for h in labels[1:]]
    assert fitted(awards, columns, 60)[0].split() == [h.capitalize() for h in labels[1:-1]]
    assert fitted(awards, columns, 44)[0].split() == ["Year", "Institution", "Theme", "Rank"]
    blocks = fitted(awards, columns, 30)
    first = blocks[: blocks.index("")]
    assert [line.split()[0] for line in first if not line.startswith(" ")] == labels
    assert all(len(line) <= 30 for line in blocks)
    # An id too long for a line is wrapped, never cut: joined, it is whole again.
    id_lines = first[: [line.split()[0] for line in first].index("year")]
    assert "".join(line.removeprefix("id").strip() for line in id_lines) == awards[0].id


def test_a_name_an_id_or_a_number_is_never_cut() -> None:
    awards = bkn_awards.awards()
    for width in (80, 70):
        lines = fitted(awards, display_columns(Award, fitted=True), width)
        names = short_names(a.institution for a in awards)
        for award, line in zip(awards, lines[1:], strict=True):
            assert f"  {names[award.institution.id]}  " in line
            assert line.startswith(str(award.year))


def test_a_hidden_stretch_of_rows_is_counted() -> None:
    columns = [Column("Year", str)]
    assert fitted([2020, None, 2023], columns, None, hidden=2) == [
        "Year",
        "2020",
        "... 2 more",
        "2023",
    ]
    columns = [Column("Year", str), Column("Name", lambda y: f"the edition of {y}")]
    assert fitted([2020, None], columns, 20, hidden=2) == [
        "year  2020",
        "name  the edition of",
        "      2020",
        "",
        "... 2 more",
    ]


def test_wrapping_breaks_after_spaces_and_hyphens_and_loses_nothing() -> None:
    assert wrapped("Kota Tangerang Selatan", 10) == ["Kota", "Tangerang", "Selatan"]
    assert wrapped("2022-kab-sidoarjo", 9) == ["2022-kab-", "sidoarjo"]
    assert wrapped("abcdefghijkl", 5) == ["abcde", "fghij", "kl"]
    assert wrapped("", 5) == [""]
    text = "the 2022 award of Pemerintah Provinsi Jawa Tengah in 'implementasi penerapan'"
    for width in range(5, 40):
        lines = wrapped(text, width)
        assert all(len(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


# --- Short names --------------------------------------------------------------------------------


def test_each_institution_has_a_short_name_that_finds_it_again() -> None:
    institutions = bkn_awards.institutions()
    names = short_names(institutions)
    assert len(set(names.values())) == len(institutions)
    for institution in institutions:
        assert bkn_awards.institution(names[institution.id]) == institution
        assert len(names[institution.id]) <= len(institution.name)
    assert [names[i] for i in ("kab-sleman", "kota-malang", "pemprov-jateng")] == [
        "Kab. Sleman",
        "Kota Malang",
        "Prov. Jawa Tengah",
    ]
    assert [names[i] for i in ("bkn", "bpk", "kemenhub")] == ["BKN", "BPK", "Kemenhub"]


def test_two_institutions_that_would_read_alike_are_named_in_full() -> None:
    bkn = bkn_awards.institution("BKN")
    assert bkn.aliases[:2] == ("BKN", "BKN RI")
    twin = attrs.evolve(bkn, id="bkn-2", name="Badan Kepegawaian Nusantara", aliases=("BKN",))
    other = attrs.evolve(bkn, id="bkn-3", name="Badan Kepegawaian Negeri", aliases=("BKN N",))
    # "BKN" is an alias of two: neither takes it; each takes its shortest alias of its own.
    assert short_names([bkn, twin, other]) == {
        "bkn": "BKN RI",
        "bkn-2": "Badan Kepegawaian Nusantara",
        "bkn-3": "BKN N",
    }
    same = attrs.evolve(bkn, id="bkn-2")  # every name and alias the same: told apart by id
    assert short_names([bkn, same]) == {
        "bkn": f"{bkn.name} (bkn)",
        "bkn-2": f"{bkn.name} (bkn-2)",
    }


# --- One award spelled out ----------------------------------------------------------------------


def test_a_sheet_gives_every_field_then_each_citation_in_aligned_lines() -> None:
    award = bkn_awards.award(MOJOKERTO)
    lines = sheet(award)
    assert len(lines) == len(FIELDS) + 6 * len(award.citations)
    width = len("institution")  # the longest label
    assert all(line[width : width + 2] == "  " for line in lines)
    labels = [line[:width].rstrip() for line in lines]
    assert labels[: len(FIELDS)] == FIELDS
    for number in range(len(award.citations)):
        start = len(FIELDS) + 6 * number
        assert labels[start : start + 6] == [f"source {number + 1}", *CITED]
    values = [line[width + 2 :] for line in lines]
    shown = dict(zip(FIELDS, values, strict=False))
    assert shown["institution"] == "Pemerintah Kabupaten Mojokerto (kab-mojokerto)"
    assert shown["region code"] == award.institution.region_code
    assert (shown["rank"], shown["as reported"]) == ("-", "terbaik")
    assert shown["group"] == "-"
    assert award.event is not None
    assert not award.event.date_inferred
    assert shown["event"] == (
        "ceremony, 2022-08-10, Golden Tulip Holland Resort, Batu (2022-batu-kab-mojokerto)"
    )
    # A date worked out, not reported, says so.
    inferred = attrs.evolve(award.event, date_inferred=True, date_note="from the weekday")
    (line,) = [v for v in sheet(attrs.evolve(award, event=inferred)) if v.startswith("event ")]
    assert line.endswith(
        "ceremony, 2022-08-10 (inferred), Golden Tulip Holland Resort, Batu "
        "(2022-batu-kab-mojokerto)"
    )
    assert shown["received by"] == "Ikfina Fahmawati, Bupati Mojokerto"
    first = award.citations[0]
    cited = values[len(FIELDS) : len(FIELDS) + 6]
    assert cited[0] == f"{first.source.title} [{first.source.id}]"
    assert cited[2] == "2022-08-11T18:36:00+07:00"
    assert cited[3] == ", ".join(map(str, first.paragraphs))
    assert cited[5] == f"{first.source.sha256} ({first.source.filename})"


def test_a_sheet_says_what_the_reports_leave_out() -> None:
    award = next(
        a
        for a in bkn_awards.awards()
        if not a.categories and a.event is None and a.recipient is None and a.group is None
    )
    shown = dict(line.split("  ", 1) for line in sheet(award)[: len(FIELDS)])
    shown = {label.strip(): value.strip() for label, value in shown.items()}
    assert shown["category"] == "not reported"
    assert shown["group"] == shown["event"] == shown["received by"] == "-"
    web = [c for c in award.citations if c.source.sha256 is None]
    assert web
    lines = sheet(award)
    assert any(line.endswith(f"  {web[0].source.url}") for line in lines)


def test_the_terminal_width_is_columns_where_it_is_a_positive_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bkn_awards.tables import terminal_width

    monkeypatch.delenv("COLUMNS", raising=False)
    measured = terminal_width()  # the terminal's, or 80 where there is none
    assert measured > 0
    monkeypatch.setenv("COLUMNS", "57")
    assert terminal_width() == 57
    for ignored in ("not a number", "0", "-3", ""):
        monkeypatch.setenv("COLUMNS", ignored)
        assert terminal_width() == measured, ignored


def test_a_sheet_gives_a_group_with_its_words_and_each_reading_of_a_disputed_award() -> None:
    award = bkn_awards.award(KEDIRI)
    assert len(award.placings) == 2
    lines = sheet(award)
    readings = len(award.placings)
    assert len(lines) == len(FIELDS) + readings + 6 * len(award.citations)
    width = len("institution")
    labels = [line[:width].rstrip() for line in lines]
    values = [line[width + 2 :] for line in lines]
    assert labels[: len(FIELDS)] == FIELDS
    assert labels[len(FIELDS) : len(FIELDS) + readings] == ["reported"] * readings
    assert labels[len(FIELDS) + readings] == "source 1"
    shown = dict(zip(FIELDS, values, strict=False))
    assert shown["group"] == "cities (tingkat Kota)"
    first, second = award.categories
    assert shown["category"] == (
        f"{first.name} ({first.id}) or {second.name} ({second.id}) (reports disagree)"
    )
    assert shown["as reported"] == "Juara Ketiga; Terbaik III"
    # Each reading names the sources below that give it, numbered as they are.
    assert values[len(FIELDS) : len(FIELDS) + readings] == [
        f"Juara Ketiga (rank 3, in {first.name!r}): source 1, 2",
        f"Terbaik III (rank 3, in {second.name!r}): source 3",
    ]
    assert [len(p.citations) for p in award.placings] == [2, 1]


def test_a_sheet_of_a_disputed_rank_gives_both_ranks() -> None:
    (award,) = bkn_awards.awards(year=2022, province="Jateng", rank=4, theme="performance")
    lines = sheet(award)
    shown = {line[:11].rstrip(): line[13:] for line in lines}
    assert shown["rank"] == "4/5 (disputed)"
    assert shown["as reported"] == "peringkat 4; peringkat kelima"
    reported = [line[13:] for line in lines if line.startswith("reported ")]
    cited = [len(p.citations) for p in award.placings]
    assert reported == [
        f"peringkat 4 (rank 4): source {', '.join(map(str, range(1, cited[0] + 1)))}",
        f"peringkat kelima (rank 5): source {cited[0] + 1}",
    ]
    assert f"source {sum(cited)}" in shown


def test_a_fitted_table_of_earlier_ids_keeps_each_id_whole() -> None:
    aliases = bkn_awards.aliases()
    lines = aliases.table(width=80).splitlines()
    assert max(map(len, lines)) <= 80
    for alias in aliases[:5]:  # too long for a row: a block each, the earlier id whole
        assert f"id      {alias.id}" in lines
        assert f"award   {alias.award.id}" in lines


def test_a_rank_another_award_is_given_too_is_marked() -> None:
    contested = next(a for a in bkn_awards.awards() if a.contested and len(a.ranks) == 1)
    (rank,) = contested.ranks
    assert rank_cell(contested) == f"{rank} (disputed)"
    assert rank_cell(contested, fitted=True) == f"{rank}?"
    alone = attrs.evolve(contested, contested=False)
    assert rank_cell(alone) == rank_cell(alone, fitted=True) == str(rank)
