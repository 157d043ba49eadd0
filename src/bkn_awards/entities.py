"""Where a fact comes from: the news article (`Source`) and its paragraphs (`Citation`)."""

from __future__ import annotations

import datetime as dt
import re

import attrs
from attrs import field, frozen

from bkn_awards._fields import (
    Shown,
    at_least_one,
    inline_test,
    non_empty,
    not_in_future,
    ref_repr,
)
from bkn_awards.errors import FieldValueError

__all__ = ["Citation", "Source"]

_SHA256 = re.compile(r"[0-9a-f]{64}")


def _is_sha256(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _SHA256.fullmatch(value):
        raise FieldValueError(attribute.name, f"must be 64 lower-case hex digits, got {value!r}")


@inline_test("{v} and min({v}) >= 1 and len(set({v})) == len({v})")
def _paragraphs_valid(
    _instance: object, attribute: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]
) -> None:
    non_empty(_instance, attribute, value)
    for paragraph in value:
        at_least_one(_instance, attribute, paragraph)
    if len(set(value)) != len(value):
        raise FieldValueError(attribute.name, f"lists a paragraph twice: {value}")


@frozen(kw_only=True)
class Source(Shown):
    """A news article that reports BKN Award facts.

    The project keeps the article's facts and a fingerprint of its text, never the text: anyone
    holding the article file can check a citation by comparing the file's SHA-256 with `sha256`.

    Attributes:
        id: Stable identifier, e.g. ``"surabayapagi-2022-pemkab-mojokerto"``.
        title: The headline as printed, or ``None`` where the text carries no headline.
        publisher: The outlet as the text names it, or ``None`` where it names none.
        published: Publication time with its UTC offset, or ``None`` where the text gives none.
        url: Address of the article where the text gives one, else ``None``.
        sha256: SHA-256 of the article file (hex), the key for checking citations.
        filename: Name of the article file the SHA-256 was taken of.
        editor: The editor the text credits, or ``None``.
        sign_off: The reporters' initials or name closing the text (e.g. ``"fir"``), or ``None``.

    Example:
        >>> import bkn_awards
        >>> source = bkn_awards.sources()[0]
        >>> source.published.isoformat()
        '2022-08-11T18:36:00+07:00'

    .. versionadded:: 0.1.0
    """

    id: str = field(validator=non_empty)
    title: str | None
    publisher: str | None
    published: dt.datetime | None = field(validator=not_in_future)
    url: str | None = field(repr=False)
    sha256: str = field(validator=_is_sha256, repr=False)
    filename: str = field(validator=non_empty, repr=False)
    editor: str | None = field(repr=False)
    sign_off: str | None = field(repr=False)


@frozen(kw_only=True)
class Citation(Shown):
    """The paragraphs of one source that state a fact.

    A paragraph is the n-th non-empty line of the article file, counted from 1.

    Attributes:
        source: The article.
        paragraphs: The paragraph numbers, each at least 1.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2020, institution="Kota Malang")[0]
        >>> award.citations[0].paragraphs
        (22,)

    .. versionadded:: 0.1.0
    """

    source: Source = field(repr=ref_repr)
    paragraphs: tuple[int, ...] = field(validator=_paragraphs_valid)
