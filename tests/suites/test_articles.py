"""The data checked against the article files it cites (skipped where the articles are absent).

Only citations of the article files the project holds are checked here: the citations of web
reports are checked against the leads in test_leads.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pathlib
import re
import urllib.parse
from collections.abc import Iterable

import pytest

import bkn_awards
from bkn_awards import Citation, Institution
from bkn_awards.citations import article_paragraphs
from bkn_awards.text import MONTHS, WEEKDAYS, name_key, parse_indonesian_datetime

NUMBER_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam"}
REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def texts(articles_dir: pathlib.Path) -> dict[str, list[str]]:
    """Each source's paragraphs, found by the SHA-256 the source names."""
    by_hash = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in articles_dir.glob("*.txt")}
    found = {}
    for source in HELD:
        assert source.sha256 in by_hash, f"no article file has the SHA-256 of {source.id}"
        assert by_hash[source.sha256].name == source.filename
        found[source.id] = article_paragraphs(by_hash[source.sha256].read_text(encoding="utf-8"))
    return found


HELD = [source for source in bkn_awards.sources() if source.sha256 is not None]


def _held(citations: Iterable[Citation]) -> list[Citation]:
    return [c for c in citations if c.source.sha256 is not None]


def _cited(texts: dict[str, list[str]], citations: Iterable[Citation]) -> str:
    return " ".join(
        name_key(texts[c.source.id][n - 1]) for c in _held(citations) for n in c.paragraphs
    )


def _mentions(text_key: str, phrase: str) -> bool:
    return f" {name_key(phrase)} " in f" {text_key} "


def _all_cited_records() -> list[tuple[str, tuple[Citation, ...]]]:
    groups = bkn_awards.load().records_by_file().values()
    cited = [r for group in groups for r in group if hasattr(r, "citations")]
    return [(r.id, tuple(_held(r.citations))) for r in cited if _held(r.citations)]


def test_there_is_an_article_for_every_source_and_a_source_for_every_article(
    articles_dir: pathlib.Path, texts: dict[str, list[str]]
) -> None:
    assert sorted(str(s.filename) for s in HELD) == sorted(
        p.name for p in articles_dir.glob("*.txt")
    )


def test_every_citation_points_at_an_existing_paragraph(texts: dict[str, list[str]]) -> None:
    for record_id, citations in _all_cited_records():
        assert citations, record_id
        for citation in citations:
            for number in citation.paragraphs:
                assert 1 <= number <= len(texts[citation.source.id]), (record_id, number)


def _names(institution: Institution) -> list[str]:
    return [institution.name, *institution.aliases]


def test_each_award_citation_mentions_the_institution(texts: dict[str, list[str]]) -> None:
    for award in bkn_awards.awards():
        for citation in _held(award.citations):
            cited = _cited(texts, [citation])
            assert any(_mentions(cited, n) for n in _names(award.institution)), (
                award.id,
                citation.source.id,
            )


def test_each_award_cites_its_category_rank_and_group(texts: dict[str, list[str]]) -> None:
    # Each placing: what its own citations say (the category, where reports disagree on it).
    checked = 0
    for award in bkn_awards.awards():
        for placing in award.placings:
            if not _held(placing.citations):
                continue
            checked += 1
            cited = _cited(texts, placing.citations)
            category = placing.category or award.category
            assert category is not None, award.id
            assert _mentions(cited, category.name), award.id
            assert _mentions(cited, placing.rank_label), award.id
            # The report's words for the group, but where a web report gives them.
            if award.group_label is not None and award.id not in GROUPS_OF_WEB_REPORTS:
                assert _mentions(cited, award.group_label), award.id
    assert checked


# The groups data-raw/2026-12-06/migrate_awards.py filled in from web reports (Lentera for
# Pemprov Jatim 2020, BANGSAONLINE for 2023), and Tandaseru's for Kota Malang 2020: the article
# files cited beside them say none.
GROUPS_OF_WEB_REPORTS = frozenset(
    {
        "2020-kota-malang-perencanaan",
        "2020-pemprov-jatim-perencanaan",
        "2020-pemprov-jatim-kinerja",
        "2023-pemprov-jatim-nspk",
        "2023-pemprov-jatim-kompetensi",
        "2023-pemprov-jatim-data-cat",
        "2023-pemprov-jatim-kinerja",
        "2023-pemprov-jatim-perencanaan",
    }
)


def test_a_group_given_by_a_web_report_is_cited_from_one() -> None:
    for award_id in GROUPS_OF_WEB_REPORTS:
        award = bkn_awards.award(award_id)
        assert award.group is not None, award_id
        assert award.group_label is not None, award_id
        assert len(_held(award.citations)) < len(award.citations), award_id


def test_each_category_is_named_where_it_is_cited(texts: dict[str, list[str]]) -> None:
    for category in bkn_awards.categories():
        if _held(category.citations):
            assert _mentions(_cited(texts, category.citations), category.name), category.id


def test_each_official_is_named_where_cited_and_the_office_is_stated(
    texts: dict[str, list[str]],
) -> None:
    for official in bkn_awards.officials():
        # One article writes only the last two of the governor's three names.
        surname = " ".join(official.name.split()[-2:])
        for citation in official.citations:
            assert _mentions(_cited(texts, [citation]), surname), (official.id, citation)
        assert _mentions(_cited(texts, official.citations), official.position), official.id


def test_event_dates_venues_and_weekdays(texts: dict[str, list[str]]) -> None:
    for event in bkn_awards.events():
        if not _held(event.citations):
            continue
        cited = " ".join(
            texts[c.source.id][n - 1] for c in _held(event.citations) for n in c.paragraphs
        )
        for place in (event.venue, event.address, event.city, event.time_of_day):
            for part in (place or "").split(", "):
                assert not part or _mentions(name_key(cited), part), (event.id, part)
        if event.date is None:
            assert not event.date_inferred
            continue
        day, month = event.date.day, event.date.month
        written = [f"{day}/{month}/{event.date.year}"] + [
            f"{day} {name} {event.date.year}" for name in MONTHS[month - 1]
        ]
        if any(w in cited for w in written):
            assert not event.date_inferred, event.id  # the article gives the year
        else:
            # A weekday with day/month and no year: the weekday must fit the year, which a web
            # report the event cites gives, or else the year was inferred.
            found = re.search(rf"(\w+) \({day}/{month}\)", cited)
            assert found, event.id
            assert WEEKDAYS.index(found.group(1)) == event.date.weekday(), event.id
            assert event.date_inferred or len(_held(event.citations)) < len(event.citations), (
                event.id
            )
        if event.date_inferred:
            assert event.date_note is not None
            assert str(event.date.year) in event.date_note
        else:
            assert event.date_note is None


def test_event_people_are_cited_in_the_event(texts: dict[str, list[str]]) -> None:
    for event in bkn_awards.events():
        cited = _cited(texts, event.citations)
        for official in (
            *event.presenters,
            *event.recipients,
            *event.represented,
            *event.accompanying,
        ):
            assert _mentions(cited, " ".join(official.name.split()[-2:])), (event.id, official.id)


def _stated(cited: str, number: int) -> bool:
    return _mentions(cited, str(number)) or _mentions(cited, NUMBER_WORDS.get(number, "-"))


def test_each_tally_count_is_stated_where_it_is_cited(texts: dict[str, list[str]]) -> None:
    for tally in bkn_awards.tallies():
        if not _held(tally.citations):
            continue
        cited = _cited(texts, tally.citations)
        if tally.count is not None:
            assert _stated(cited, tally.count), tally.id
        if tally.recipients is not None:
            assert _stated(cited, tally.recipients), tally.id
        if tally.institution is not None:
            assert any(_mentions(cited, n) for n in _names(tally.institution)), tally.id
        if tally.highest_in_country:
            assert _mentions(cited, "tertinggi") or _mentions(cited, "terbanyak"), tally.id


def test_edition_numbers_and_category_counts_are_stated(texts: dict[str, list[str]]) -> None:
    for edition in bkn_awards.editions():
        if not _held(edition.citations):
            continue
        cited = _cited(texts, edition.citations)
        assert _mentions(cited, f"BKN Award {edition.year}"), edition.id
        if len(_held(edition.citations)) < len(edition.citations):
            continue  # a number may come from a web report
        if edition.number is not None:
            assert _mentions(cited, "ke" + NUMBER_WORDS[edition.number]), edition.id
        if edition.category_count is not None:
            assert _mentions(cited, f"{NUMBER_WORDS[edition.category_count]} kategori"), edition.id


def test_source_titles_publishers_dates_and_credits(texts: dict[str, list[str]]) -> None:
    for source in HELD:
        text = texts[source.id]
        whole = name_key(" ".join(text))
        if source.title is None:
            assert text[0].rstrip().endswith("."), "paragraph 1 is a sentence, not a headline"
        else:
            assert " ".join(source.title.split()) == " ".join(text[0].split())
        for credit in (source.publisher, source.editor, source.sign_off):
            if credit is not None:
                assert _mentions(whole, credit) or _of_address(source, credit), (
                    source.id,
                    credit,
                )
        if source.published is not None:
            assert source.published in _dates_in(text[:6]), source.id


def _of_address(source: bkn_awards.Source, credit: str) -> bool:
    """Whether `credit` is the publisher of the address where the article was found.

    An article file that names no publisher is credited to the site it was found on
    (``ANTARA Jatim`` for jatim.antaranews.com).
    """
    if credit != source.publisher or source.url is None:
        return False
    host = urllib.parse.urlsplit(source.url).hostname or ""
    return name_key(credit).split()[0] in host


def _dates_in(lines: list[str]) -> list[dt.datetime]:
    found = []
    for line in lines:
        try:
            found.append(parse_indonesian_datetime(line))
        except ValueError:
            continue
    return found


def test_undated_sources_really_carry_no_dateline(texts: dict[str, list[str]]) -> None:
    for source in HELD:
        if source.published is None:
            assert _dates_in(texts[source.id][:6]) == [], source.id


def _shingles(words: list[str], size: int = 8) -> set[str]:
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_the_repository_does_not_copy_the_articles_sentences(
    articles_dir: pathlib.Path,
) -> None:
    article_shingles: set[str] = set()
    headlines: set[str] = set()
    for article in articles_dir.glob("*.txt"):
        text = article_paragraphs(article.read_text(encoding="utf-8"))
        headlines |= _shingles(re.findall(r"\w+", text[0].casefold()))
        article_shingles |= _shingles(re.findall(r"\w+", "\n".join(text).casefold()))
    article_shingles -= headlines
    suffixes = {".py", ".json", ".md", ".toml", ".txt", ".rst", ".ipynb", ".csv", ".cfg", ""}
    skipped = {".git", "venv", ".venv", "build", "dist", "_build", "node_modules"}
    for path in REPO.rglob("*"):
        if any(part in skipped or part.endswith("_cache") for part in path.parts):
            continue
        if path.is_file() and path.suffix in suffixes:
            words = re.findall(r"\w+", path.read_text(encoding="utf-8", errors="ignore").casefold())
            copied = _shingles(words) & article_shingles
            assert not copied, f"{path.relative_to(REPO)} copies article text: {sorted(copied)[:2]}"
