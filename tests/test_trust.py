"""Conflicting reports, coverage of reported counts, immutability and a thread-safe first load."""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil
import threading
from typing import Any

import attrs
import pytest

import bkn_awards
from bkn_awards import loading
from bkn_awards.dataset import Dataset
from bkn_awards.loading import read_directory
from datafiles import read_records, write_records


def _add_conflicting_report(data_dir: pathlib.Path) -> None:
    """A second report of Kota Mojokerto's 2022 penilaian kompetensi award, with another rank."""
    awards = read_records(data_dir, "awards.json")
    original = next(a for a in awards if a["id"] == "2022-kota-mojokerto-penilaian-kompetensi")
    other = {
        **original,
        "id": "2022-kota-mojokerto-penilaian-kompetensi-as-other-report",
        "rank": 3,
        "rank_label": "peringkat III",
        "citations": [{"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [10]}],
    }
    write_records(data_dir, "awards.json", [*awards, other])


def test_the_bundled_articles_do_not_conflict() -> None:
    assert bkn_awards.conflicts() == ()


def test_a_conflict_keeps_both_claims_with_their_citations(data_dir: pathlib.Path) -> None:
    _add_conflicting_report(data_dir)
    data = bkn_awards.load(data_dir)
    (conflict,) = data.conflicts()
    assert conflict.field == "rank"
    assert conflict.subject == (
        "the 2022 award of Pemerintah Kota Mojokerto in 'penilaian kompetensi'"
    )
    assert [(c.value, c.record.id) for c in conflict.claims] == [
        (4, "2022-kota-mojokerto-penilaian-kompetensi"),
        (3, "2022-kota-mojokerto-penilaian-kompetensi-as-other-report"),
    ]
    assert [c.citations[0].source.id for c in conflict.claims] == [
        "unattributed-2022-pemkot-mojokerto",
        "surabayapagi-2022-pemkab-mojokerto",
    ]
    # Queries return both claims: nothing is silently dropped.
    found = data.awards(year=2022, institution="Pemkot Mojokerto", category="penilaian kompetensi")
    assert [a.rank for a in found] == [4, 3]


def test_conflicting_dates_and_counts_are_found(data_dir: pathlib.Path) -> None:
    events = read_records(data_dir, "events.json")
    other_date = {
        **events[4],
        "id": "2023-ceremony-other-report",
        "date": "2023-06-07",
        "citations": [{"source": "surabayapagi-2022-pemkab-mojokerto", "paragraphs": [6]}],
    }
    write_records(data_dir, "events.json", [*events, other_date])
    tallies = read_records(data_dir, "tallies.json")
    other_count = {**tallies[2], "id": "2022-jawa-timur-other-report", "count": 31}
    write_records(data_dir, "tallies.json", [*tallies, other_count])
    conflicts = bkn_awards.load(data_dir).conflicts()
    assert [(c.field, [claim.value for claim in c.claims]) for c in conflicts] == [
        ("date", [dt.date(2023, 6, 8), dt.date(2023, 6, 7)]),
        ("count", [32, 31]),
    ]


def test_coverage_against_hand_counted_values() -> None:
    # Counted by hand from the articles and the bundled awards (see docs/data.md).
    expected = {
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
    found = {
        c.tally.id: (
            c.reported,
            c.itemised,
            c.missing,
            c.recipients_reported,
            c.recipients_itemised,
        )
        for c in bkn_awards.coverage()
    }
    assert found == expected


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

    def counted(directory: Any) -> Dataset:
        calls.append(1)
        return read_directory(directory)

    monkeypatch.setattr(loading, "_bundled", None)
    monkeypatch.setattr(loading, "read_directory", counted)
    seen: list[Dataset] = []

    def query() -> None:
        start.wait()
        seen.append(loading.bundled())

    threads = [threading.Thread(target=query) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert len(seen) == 16
    assert all(dataset is seen[0] for dataset in seen)
    assert repr(seen[0]) == "<Dataset: 17 awards, 10 institutions>"
    assert len(seen[0].awards(year=2022)) == 4


def test_verify_citations_on_the_real_articles_finds_nothing(articles_dir: pathlib.Path) -> None:
    report = bkn_awards.verify_citations(articles_dir)
    assert report.ok
    assert report.problems == ()
    assert report.citations_checked == sum(
        len(r.citations)
        for group in (
            bkn_awards.awards(),
            bkn_awards.events(),
            bkn_awards.tallies(),
            bkn_awards.editions(),
            bkn_awards.categories(),
            bkn_awards.officials(),
        )
        for r in group
    )


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
    awards = read_records(data_dir, "awards.json")
    awards[3]["citations"][0]["paragraphs"] = [24]  # Sidoarjo's award is in paragraph 23
    awards[4]["citations"][0]["paragraphs"] = [99]
    write_records(data_dir, "awards.json", awards)
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
