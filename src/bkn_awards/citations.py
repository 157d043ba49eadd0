"""Checking every citation against the article texts a user holds."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from attrs import frozen

from bkn_awards.layout import file_of
from bkn_awards.records import (
    Award,
    Category,
    Citation,
    Edition,
    Event,
    Official,
    Shown,
    Source,
    Tally,
)
from bkn_awards.text import MONTHS, mentions

if TYPE_CHECKING:
    import pathlib

__all__ = ["CitationProblem", "CitationReport", "article_paragraphs", "verify"]

_NUMBER_WORDS = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")

Cited = Award | Event | Tally | Edition | Category | Official


@frozen(kw_only=True, weakref_slot=False, repr=False)
class CitationProblem(Shown):
    """A citation that the article texts do not bear out.

    Attributes:
        file: The data file of the record (``"awards.json"``), or ``"sources.json"`` for an
            article that is missing or changed.
        record: The id of the citing record (or of the source).
        source: The id of the cited source.
        paragraphs: The paragraphs cited, ``()`` where the whole article is at fault.
        message: What is wrong.

    .. versionadded:: 0.1.0
    """

    file: str
    record: str
    source: str
    paragraphs: tuple[int, ...]
    message: str

    def __str__(self) -> str:
        where = f" paragraphs {list(self.paragraphs)}" if self.paragraphs else ""
        return f"{self.file}: record {self.record!r}: {self.source}{where}: {self.message}"


@frozen(kw_only=True, weakref_slot=False, repr=False)
class CitationReport(Shown):
    """What `verify_citations` found.

    Attributes:
        articles_dir: The directory of article files checked against.
        citations_checked: How many citations were read against their article.
        problems: Every citation (or article) that did not check out.

    .. versionadded:: 0.1.0
    """

    articles_dir: str
    citations_checked: int
    problems: tuple[CitationProblem, ...]

    @property
    def ok(self) -> bool:
        """True when every citation checked out.

        .. versionadded:: 0.1.0
        """
        return not self.problems

    def __str__(self) -> str:
        lines = [
            f"{self.citations_checked} citations checked against {self.articles_dir}: "
            f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        ]
        return "\n".join([*lines, *(f"  {problem}" for problem in self.problems)])


def article_paragraphs(text: str) -> list[str]:
    r"""Split an article into paragraphs: its non-empty lines, paragraph 1 first.

    Example:
        >>> article_paragraphs("Judul\n\n  \nParagraf kedua.\n")
        ['Judul', 'Paragraf kedua.']
    """
    return [line for line in text.splitlines() if line.strip()]


def verify(
    files: Mapping[str, Sequence[Any]], articles_dir: str | os.PathLike[str]
) -> CitationReport:
    """Check every citation of the records of each file against the article files in `articles_dir`.

    An article is found by its SHA-256, whatever its file is called. For each citation the
    paragraphs must exist and mention what the record is about: an award's institution (by name
    or alias), an event's date or one of its officials, a tally's count, an edition's year, a
    category's name, an official's name.
    """
    import hashlib  # only a check of citations reads articles: not worth their import at start
    import pathlib

    directory = pathlib.Path(articles_dir)
    if not directory.is_dir():
        raise FileNotFoundError(f"no directory of articles at {directory}")
    # Only the regular files of the directory itself: a link may lead outside it.
    by_hash = {
        hashlib.sha256(path.read_bytes()).hexdigest(): path
        for path in sorted(directory.iterdir())
        if path.is_file() and not path.is_symlink()
    }
    texts: dict[str, list[str]] = {}
    problems: list[CitationProblem] = []
    for source in files["sources"]:
        if source.sha256 is None:  # a web report: there is no file to check
            continue
        path = by_hash.get(source.sha256)
        if path is None:
            problems.append(_missing(source, directory))
        else:
            texts[source.id] = article_paragraphs(path.read_text(encoding="utf-8"))
    checked = 0
    for record, citation in _citations(files):
        paragraphs = texts.get(citation.source.id)
        if paragraphs is None:
            continue  # the missing article is reported once, above
        checked += 1
        message = _check(record, citation, paragraphs)
        if message:
            problems.append(
                CitationProblem(
                    file=file_of(record),
                    record=record.id,
                    source=citation.source.id,
                    paragraphs=citation.paragraphs,
                    message=message,
                )
            )
    return CitationReport(
        articles_dir=str(directory), citations_checked=checked, problems=tuple(problems)
    )


def _missing(source: Source, directory: pathlib.Path) -> CitationProblem:
    named = directory / (source.filename or "")
    message = (
        f"{source.filename} has changed: its SHA-256 is no longer {source.sha256}"
        if named.is_file() and not named.is_symlink()
        else f"no article file has the SHA-256 {source.sha256} ({source.filename})"
    )
    return CitationProblem(
        file="sources.json", record=source.id, source=source.id, paragraphs=(), message=message
    )


def _citations(files: Mapping[str, Sequence[Any]]) -> Iterator[tuple[Cited, Citation]]:
    for records in files.values():
        for record in records:  # sources, institutions and aliases cite nothing
            for citation in getattr(record, "citations", ()):
                yield record, citation


def _check(record: Cited, citation: Citation, paragraphs: list[str]) -> str | None:
    beyond = [n for n in citation.paragraphs if n > len(paragraphs)]
    if beyond:
        return f"the article has {len(paragraphs)} paragraphs, not {beyond[0]}"
    text = " ".join(paragraphs[n - 1] for n in citation.paragraphs)
    wanted = _phrases(record)
    if any(mentions(text, phrase) for phrase in wanted):
        return None
    return "the cited paragraphs do not mention " + " or ".join(repr(p) for p in wanted[:4])


def _phrases(record: Cited) -> list[str]:
    """What a paragraph citing `record` must mention, any one of them."""
    if isinstance(record, Award):
        return [record.institution.name, *record.institution.aliases]
    if isinstance(record, Event):
        officials = (*record.presenters, *record.recipients, *record.represented)
        return [*_date_phrases(record), *(_short_name(o) for o in officials)]
    if isinstance(record, Tally):
        if record.count is not None:
            return _number_phrases(record.count)
        return ["terbanyak", "tertinggi"]
    if isinstance(record, Edition):
        return [f"BKN Award {record.year}", f"BKN Award Tahun {record.year}"]
    if isinstance(record, Category):
        return [record.name]
    return [_short_name(record)]


def _date_phrases(event: Event) -> list[str]:
    if event.date is None:
        return []
    day, month, year = event.date.day, event.date.month, event.date.year
    return [
        f"{day}/{month}/{year}",
        f"{day}/{month}",
        *(f"{day} {name} {year}" for name in MONTHS[month - 1]),
    ]


def _number_phrases(number: int) -> list[str]:
    words = [_NUMBER_WORDS[number - 1]] if 1 <= number <= len(_NUMBER_WORDS) else []
    return [str(number), *words]


def _short_name(official: Official) -> str:
    # Articles shorten names; the last two words are what every mention here keeps.
    return " ".join(official.name.split()[-2:])
