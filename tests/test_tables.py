"""Records as terminal text: aligned columns cut to a width, a table's columns, an award's sheet."""

from __future__ import annotations

import attrs

import bkn_awards
from bkn_awards import Award, Institution, Official
from bkn_awards.tables import aligned, display_columns, rank_cell, sheet

MOJOKERTO = "2022-kab-mojokerto-implementasi-manajemen-asn"
KEDIRI = "2020-kota-kediri-penilaian-kinerja"
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
    assert lines == ["a" * 17 + "…  " + "b" * 10]
    assert len(lines[0]) == 30


def test_a_cell_that_fits_its_cut_column_is_whole() -> None:
    lines = aligned([["Name", "Rank"], ["Pemerintah Kota Mojokerto", "2"], ["Kota Batu", "3"]], 20)
    assert all(len(line) <= 20 for line in lines)
    assert lines[1].startswith("Pemerintah Ko…")
    assert lines[2].startswith("Kota Batu ")


def test_no_column_is_cut_narrower_than_six_characters() -> None:
    # Past that, a cell would say nothing: the lines are left wider than asked.
    assert aligned([["abcdefghij", "klmnopqrst"]], width=5) == ["abcde…  klmno…"]


# --- The columns of a table ---------------------------------------------------------------------


def test_an_award_table_shows_the_columns_a_reader_asks_for() -> None:
    columns = display_columns(Award)
    assert [name for name, _ in columns] == [
        "Id",
        "Year",
        "Institution",
        "Category",
        "Group",
        "Rank",
        "Source",
    ]
    award = bkn_awards.award(MOJOKERTO)
    cells = {name: cell(award) for name, cell in columns}
    assert cells["Institution"] == award.institution.name
    assert cells["Rank"] == "-"  # "terbaik" has no number
    assert cells["Group"] == "-"  # no report names its group
    # Each report as its headline, publisher and day, or "undated".
    assert cells["Source"].count("; ") == len(award.citations) - 1
    assert "(surabayapagi.com, 2022-08-11)" in cells["Source"]
    assert "(BANGSAONLINE.com, undated)" in cells["Source"]


def test_an_award_table_shows_a_group_by_its_value_and_every_category_reported() -> None:
    columns = dict(display_columns(Award))
    sidoarjo = bkn_awards.award("2020-kab-sidoarjo-penilaian-kompetensi")
    assert sidoarjo.group is not None
    assert columns["Group"](sidoarjo) == sidoarjo.group.value == "regencies"
    assert columns["Rank"](sidoarjo) == "1"
    assert columns["Category"](sidoarjo) == "Penilaian Kompetensi"
    kediri = bkn_awards.award(KEDIRI)
    assert columns["Category"](kediri) == " or ".join(c.name for c in kediri.categories)
    assert columns["Category"](kediri).count(" or ") == 1
    assert columns["Category"](bkn_awards.awards(year=2016)[0]) == "-"


def test_a_disputed_rank_shows_every_rank_reported() -> None:
    (award,) = bkn_awards.awards(year=2022, province="Jateng", rank=5)
    assert award.ranks == (4, 5)
    assert rank_cell(award) == "4 or 5 (disputed)"
    (cell,) = [cell for name, cell in display_columns(Award) if name == "Rank"]
    assert cell(award) == "4 or 5 (disputed)"
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
    (cell,) = [cell for name, cell in display_columns(Award) if name == "Source"]
    assert cell(bare) == f"untitled ({source.id}) (publisher not named, 2022-08-11)"


def test_other_tables_show_their_first_five_fields_but_citations() -> None:
    assert [name for name, _ in display_columns(Institution)] == [
        "Id",
        "Name",
        "Kind",
        "Region code",
        "Iso 3166 2",
    ]
    sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
    cells = [cell(sidoarjo) for _, cell in display_columns(Institution)]
    assert cells == ["kab-sidoarjo", "Pemerintah Kabupaten Sidoarjo", "regency", "35.15", "-"]
    # A link shows the id it stands for.
    columns = dict(display_columns(Official))
    assert list(columns) == ["Id", "Name", "Position", "Institution"]
    official = next(o for o in bkn_awards.officials() if o.institution is not None)
    assert official.institution is not None
    assert columns["Institution"](official) == official.institution.id


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
    assert shown["rank"] == "4 or 5 (disputed)"
    assert shown["as reported"] == "peringkat 4; peringkat kelima"
    reported = [line[13:] for line in lines if line.startswith("reported ")]
    cited = [len(p.citations) for p in award.placings]
    assert reported == [
        f"peringkat 4 (rank 4): source {', '.join(map(str, range(1, cited[0] + 1)))}",
        f"peringkat kelima (rank 5): source {cited[0] + 1}",
    ]
    assert f"source {sum(cited)}" in shown
