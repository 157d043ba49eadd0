"""Checking citations against the article files a user holds, found by their hashes."""

from __future__ import annotations

import pathlib
import shutil

import pytest

import bkn_awards
from bkn_awards.citations import CitationProblem, CitationReport, article_paragraphs
from datafiles import read_records, write_records

HELD = [s for s in bkn_awards.sources() if s.sha256 is not None]


def test_an_article_s_paragraphs_are_its_non_empty_lines() -> None:
    assert article_paragraphs("Judul\n\n  \nParagraf kedua.\r\nKetiga.") == [
        "Judul",
        "Paragraf kedua.",
        "Ketiga.",
    ]
    assert article_paragraphs("") == []


def test_a_problem_says_where_and_what() -> None:
    cited = CitationProblem(
        file="awards.json", record="a", source="s", paragraphs=(2, 3), message="not there"
    )
    assert str(cited) == "awards.json: record 'a': s paragraphs [2, 3]: not there"
    whole = CitationProblem(
        file="sources.json", record="s", source="s", paragraphs=(), message="missing"
    )
    assert str(whole) == "sources.json: record 's': s: missing"


def test_a_report_is_ok_only_without_problems_and_counts_them() -> None:
    clean = CitationReport(articles_dir="articles", citations_checked=3, problems=())
    assert clean.ok
    assert str(clean) == "3 citations checked against articles: 0 problems"
    problem = CitationProblem(file="f", record="r", source="s", paragraphs=(), message="m")
    one = CitationReport(articles_dir="articles", citations_checked=3, problems=(problem,))
    assert not one.ok
    assert str(one).splitlines() == [
        "3 citations checked against articles: 1 problem",
        f"  {problem}",
    ]


def test_without_the_articles_each_held_source_is_reported_once(tmp_path: pathlib.Path) -> None:
    report = bkn_awards.verify_citations(tmp_path)
    assert report.citations_checked == 0
    assert report.articles_dir == str(tmp_path)
    assert [(p.file, p.record, p.paragraphs) for p in report.problems] == [
        ("sources.json", s.id, ()) for s in HELD
    ]
    for problem, source in zip(report.problems, HELD, strict=True):
        assert problem.message == (
            f"no article file has the SHA-256 {source.sha256} ({source.filename})"
        )


def test_an_article_file_of_the_right_name_but_other_bytes_has_changed(
    tmp_path: pathlib.Path,
) -> None:
    source = HELD[0]
    assert source.filename is not None
    (tmp_path / source.filename).write_text("Judul\nAnother text.\n", encoding="utf-8")
    problems = [p for p in bkn_awards.verify_citations(tmp_path).problems if p.record == source.id]
    (problem,) = problems
    assert (
        problem.message
        == f"{source.filename} has changed: its SHA-256 is no longer {source.sha256}"
    )


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
    sidoarjo = awards["2020-kab-sidoarjo-kompetensi"]["placings"][0]["citations"][0]
    madiun = awards["2020-kota-madiun-kompetensi"]["placings"][0]["citations"][0]
    assert sidoarjo["source"] == madiun["source"] == "wartatransparansi-2020-pemprov-jatim"
    sidoarjo["paragraphs"] = [24]  # Sidoarjo's award is in paragraph 23
    madiun["paragraphs"] = [99]
    write_records(data_dir, "awards.json", list(awards.values()))
    report = bkn_awards.load(data_dir).verify_citations(articles_dir)
    assert [str(p) for p in report.problems] == [
        "awards.json: record '2020-kab-sidoarjo-kompetensi': "
        "wartatransparansi-2020-pemprov-jatim paragraphs [24]: the cited paragraphs do not "
        "mention 'Pemerintah Kabupaten Sidoarjo' or 'Kabupaten Sidoarjo' or 'Kab. Sidoarjo' or "
        "'Pemkab Sidoarjo'",
        "awards.json: record '2020-kota-madiun-kompetensi': "
        "wartatransparansi-2020-pemprov-jatim paragraphs [99]: the article has 24 paragraphs, "
        "not 99",
    ]


def test_verify_citations_needs_a_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError, match="no directory of articles"):
        bkn_awards.verify_citations(tmp_path / "nowhere")
