"""Conflicting reports, coverage of reported counts, immutability and a thread-safe first load."""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil
import threading

import attrs
import pytest

import bkn_awards
from bkn_awards import dataset
from bkn_awards.completeness import measure
from bkn_awards.dataset import Dataset, read_directory
from bkn_awards.layout import data_directory
from bkn_awards.lazy import Lazy
from datafiles import bundled_count, bundled_records, held, read_records, write_records

MOJOKERTO_KOMPETENSI = "2022-kota-mojokerto-penilaian-kompetensi"


def _add_conflicting_report(data_dir: pathlib.Path) -> None:
    """A second report of Kota Mojokerto's 2022 penilaian kompetensi award, with another rank."""
    awards = read_records(data_dir, "awards.json")
    (original,) = [a for a in awards if a["id"] == MOJOKERTO_KOMPETENSI]
    other = {
        **original,
        "id": f"{MOJOKERTO_KOMPETENSI}-as-other-report",
        "rank": 5,
        "rank_label": "peringkat V",
        "citations": [
            {"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [10], "part": None}
        ],
    }
    write_records(data_dir, "awards.json", [*awards, other])


def _new_conflicts(data: Dataset) -> list[bkn_awards.Conflict]:
    """The conflicts of `data` that the bundled data does not have."""
    return [c for c in data.conflicts() if c not in bkn_awards.conflicts()]


def test_the_seed_articles_do_not_conflict() -> None:
    # The five article files the project holds agree with each other: where reports disagree,
    # at most one side is reported by them.
    assert bkn_awards.conflicts(), "the web reports disagree in places, and are kept"
    for conflict in bkn_awards.conflicts():
        seed = {claim.value for claim in conflict.claims if held(claim.record)}
        assert len(seed - {None}) <= 1, conflict
        assert len({claim.value for claim in conflict.claims} - {None}) > 1, conflict


def test_every_award_reported_with_two_ranks_is_a_conflict() -> None:
    # Found apart from the library: the awards of one year, institution and category.
    reports: dict[tuple[int, str, str], list[bkn_awards.Award]] = {}
    for award in bkn_awards.awards():
        if award.category is not None:
            key = (award.year, award.institution.id, award.category.id)
            reports.setdefault(key, []).append(award)
    disputed = [
        [(a.rank, a.id) for a in group]
        for group in reports.values()
        if len({a.rank for a in group} - {None}) > 1
    ]
    assert disputed, "the bundled web reports give one award two ranks"
    found = [
        [(claim.value, claim.record.id) for claim in c.claims]
        for c in bkn_awards.conflicts()
        if c.field == "rank"
    ]
    assert found == disputed
    for conflict in bkn_awards.conflicts():
        for claim in conflict.claims:
            assert claim.citations == claim.record.citations


def test_the_bundled_conflicts_are_all_found_again_from_a_copy(data_dir: pathlib.Path) -> None:
    assert bkn_awards.load(data_dir).conflicts() == bkn_awards.conflicts()
    assert _new_conflicts(bkn_awards.load(data_dir)) == []


def test_a_conflict_keeps_both_claims_with_their_citations(data_dir: pathlib.Path) -> None:
    _add_conflicting_report(data_dir)
    data = bkn_awards.load(data_dir)
    (conflict,) = _new_conflicts(data)
    assert conflict.field == "rank"
    assert conflict.subject == (
        "the 2022 award of Pemerintah Kota Mojokerto in 'penilaian kompetensi'"
    )
    assert [(c.value, c.record.id) for c in conflict.claims] == [
        (4, MOJOKERTO_KOMPETENSI),
        (5, f"{MOJOKERTO_KOMPETENSI}-as-other-report"),
    ]
    assert [c.citations[0].source.id for c in conflict.claims] == [
        "unattributed-2022-pemkot-mojokerto",
        "surabayapagi-2022-pemkab-mojokerto",
    ]
    # Queries return both claims: nothing is silently dropped.
    found = data.awards(year=2022, institution="Pemkot Mojokerto", category="penilaian kompetensi")
    assert [a.rank for a in found] == [4, 5]
    # The conflicts the bundled data has are all still there.
    assert set(bkn_awards.conflicts()) <= set(data.conflicts())


def test_conflicting_dates_and_counts_are_found(data_dir: pathlib.Path) -> None:
    events = read_records(data_dir, "events.json")
    (ceremony,) = [e for e in events if e["id"] == "2023-ceremony-surabaya"]
    other_date = {
        **ceremony,
        "id": "2023-ceremony-other-report",
        "date": "2023-06-07",
        "citations": [
            {"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [6], "part": None}
        ],
    }
    write_records(data_dir, "events.json", [*events, other_date])
    tallies = read_records(data_dir, "tallies.json")
    (counted,) = [t for t in tallies if t["id"] == "2023-jawa-timur-regencies-and-cities"]
    other_count = {**counted, "id": "2023-jawa-timur-other-report", "count": 33}
    write_records(data_dir, "tallies.json", [*tallies, other_count])
    conflicts = _new_conflicts(bkn_awards.load(data_dir))
    assert [(c.field, [claim.value for claim in c.claims]) for c in conflicts] == [
        ("date", [dt.date(2023, 6, 8), dt.date(2023, 6, 7)]),
        ("count", [34, 33]),
    ]


# Counted by hand from the five article files and the awards they report (see docs/data.md):
# reported, itemised, missing, recipients reported, recipients itemised.
SEED_COVERAGE = {
    "2020-jawa-timur": (None, 8, None, None, 7),
    "2020-pemprov-jatim": (2, 2, 0, None, 1),
    "2022-jawa-timur": (32, 4, 28, None, 2),
    "2022-pemprov-jatim": (3, 0, 3, None, 0),
    "2022-jawa-timur-regencies-and-cities": (29, 4, 25, 17, 2),
    "2022-pemkot-mojokerto": (3, 3, 0, None, 1),
    "2023-jawa-timur": (None, 5, None, None, 1),
    "2023-jawa-timur-regencies-and-cities": (34, 0, 34, 16, 0),
    "2023-pemprov-jatim": (5, 5, 0, None, 1),
}


def _row(c: bkn_awards.Coverage) -> tuple[int | None, ...]:
    return (c.reported, c.itemised, c.missing, c.recipients_reported, c.recipients_itemised)


def test_coverage_of_the_seed_articles_against_hand_counted_values() -> None:
    seed_awards = [a for a in bkn_awards.awards() if held(a)]
    found = {t.id: _row(measure(t, seed_awards)) for t in bkn_awards.tallies() if held(t)}
    assert found == SEED_COVERAGE


def _counted(tally: bkn_awards.Tally, award: bkn_awards.Award) -> bool:
    """Whether `tally` counts `award`, worked out apart from `Tally.counts`."""
    if award.year != tally.year:
        return False
    if tally.institution is not None:
        return award.institution.id == tally.institution.id
    code = award.institution.region_code
    inside = tally.region_code is None or (
        code is not None and (code == tally.region_code or code.startswith(tally.region_code + "."))
    )
    return inside and award.institution.kind in tally.kinds


def test_coverage_of_every_tally_against_a_count_of_the_awards() -> None:
    coverage = bkn_awards.coverage()
    assert [c.tally for c in coverage] == list(bkn_awards.tallies())
    for c in coverage:
        counted = [a for a in bkn_awards.awards() if _counted(c.tally, a)]
        reported = c.tally.count
        missing = None if reported is None else reported - len(counted)
        recipients = len({a.institution.id for a in counted})
        assert _row(c) == (reported, len(counted), missing, c.tally.recipients, recipients), c
    # The seed's reported figures are kept as the articles give them.
    for c in coverage:
        if c.tally.id in SEED_COVERAGE:
            by_hand = SEED_COVERAGE[c.tally.id]
            assert (c.reported, c.recipients_reported) == (by_hand[0], by_hand[3])
    # A national count takes in every kind it lists, wherever the institution is.
    national = [c for c in coverage if c.tally.institution is None and c.tally.region_code is None]
    assert national
    assert any(c.itemised for c in national)


def test_records_and_collections_cannot_be_changed() -> None:
    award = bkn_awards.awards()[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        award.rank = 1  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        award.institution.aliases = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        award.extra = 1  # type: ignore[attr-defined]
    assert isinstance(award.citations, tuple)
    assert isinstance(award.institution.aliases, tuple)
    assert isinstance(bkn_awards.awards(), tuple)
    assert isinstance(bkn_awards.events()[0].presenters, tuple)
    with pytest.raises(TypeError):
        bkn_awards.awards()[0] = award  # type: ignore[index]
    data = bkn_awards.load()
    with pytest.raises(AttributeError):
        data.extra = 1  # type: ignore[attr-defined]


def test_many_threads_at_first_use_share_one_load(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    start = threading.Barrier(16)

    def counted() -> Dataset:
        calls.append(1)
        return read_directory(data_directory(), regions=False)

    monkeypatch.setattr(dataset, "_BUNDLED", Lazy(counted))
    seen: list[Dataset] = []

    def query() -> None:
        start.wait()
        seen.append(dataset.bundled())

    threads = [threading.Thread(target=query) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert len(seen) == 16
    assert all(made is seen[0] for made in seen)
    awards, institutions = bundled_count("awards.json"), bundled_count("institutions.json")
    assert repr(seen[0]) == f"<Dataset: {awards} awards, {institutions} institutions>"
    of_2022 = [a for a in bundled_records("awards.json") if a["year"] == 2022]
    assert len(seen[0].awards(year=2022)) == len(of_2022)


def test_verify_citations_on_the_real_articles_finds_nothing(articles_dir: pathlib.Path) -> None:
    report = bkn_awards.verify_citations(articles_dir)
    assert report.ok
    assert report.problems == ()
    # Each citation of an article file is checked; a web report's has no file to check.
    assert report.citations_checked == sum(
        c.source.sha256 is not None
        for group in (
            bkn_awards.awards(),
            bkn_awards.events(),
            bkn_awards.tallies(),
            bkn_awards.editions(),
            bkn_awards.categories(),
            bkn_awards.officials(),
        )
        for r in group
        for c in r.citations
    )
    assert report.citations_checked > 0


@pytest.fixture
def articles_copy(articles_dir: pathlib.Path, tmp_path: pathlib.Path) -> pathlib.Path:
    copy = tmp_path / "articles"
    shutil.copytree(articles_dir, copy)
    return copy


def test_verify_citations_reports_exactly_an_edited_article(articles_copy: pathlib.Path) -> None:
    path = articles_copy / "003_b35552fac14298d7.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Juara", "Pemenang"), encoding="utf-8")
    report = bkn_awards.verify_citations(articles_copy)
    (problem,) = report.problems
    assert problem.source == "wartatransparansi-2020-pemprov-jatim"
    assert problem.message.startswith("003_b35552fac14298d7.txt has changed")
    assert str(report).splitlines()[0].endswith(": 1 problem")


def test_verify_citations_reports_exactly_a_missing_article(articles_copy: pathlib.Path) -> None:
    (articles_copy / "000_76d9972aff4e9a18.txt").unlink()
    (problem,) = bkn_awards.verify_citations(articles_copy).problems
    assert problem.record == "surabayapagi-2022-pemkab-mojokerto"
    assert problem.message.startswith("no article file has the SHA-256 0f9c6170")


def test_verify_citations_finds_an_article_under_another_name(
    articles_copy: pathlib.Path,
) -> None:
    (articles_copy / "004_524aadd94ae63d2c.txt").rename(articles_copy / "renamed.txt")
    assert bkn_awards.verify_citations(articles_copy).ok


def test_verify_citations_catches_a_citation_to_the_wrong_paragraph(
    data_dir: pathlib.Path, articles_dir: pathlib.Path
) -> None:
    awards = {a["id"]: a for a in read_records(data_dir, "awards.json")}
    sidoarjo = awards["2020-kab-sidoarjo-penilaian-kompetensi"]["citations"][0]
    madiun = awards["2020-kota-madiun-penilaian-kompetensi"]["citations"][0]
    assert sidoarjo["source"] == madiun["source"] == "wartatransparansi-2020-pemprov-jatim"
    sidoarjo["paragraphs"] = [24]  # Sidoarjo's award is in paragraph 23
    madiun["paragraphs"] = [99]
    write_records(data_dir, "awards.json", list(awards.values()))
    report = bkn_awards.load(data_dir).verify_citations(articles_dir)
    assert [str(p) for p in report.problems] == [
        "awards.json: record '2020-kab-sidoarjo-penilaian-kompetensi': "
        "wartatransparansi-2020-pemprov-jatim paragraphs [24]: the cited paragraphs do not "
        "mention 'Pemerintah Kabupaten Sidoarjo' or 'Kabupaten Sidoarjo' or 'Kab. Sidoarjo' or "
        "'Pemkab Sidoarjo'",
        "awards.json: record '2020-kota-madiun-penilaian-kompetensi': "
        "wartatransparansi-2020-pemprov-jatim paragraphs [99]: the article has 24 paragraphs, "
        "not 99",
    ]


def test_verify_citations_needs_a_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError, match="no directory of articles"):
        bkn_awards.verify_citations(tmp_path / "nowhere")
