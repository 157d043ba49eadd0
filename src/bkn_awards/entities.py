"""The records others link to: sources, citations, institutions, officials, editions, categories."""

import datetime as dt
import enum
from typing import Any

import attrs
from attrs import field, frozen

from bkn_awards.rules import (
    REGION_CODE,
    AtLeast,
    Distinct,
    Each,
    EditionYear,
    Matches,
    NonEmpty,
    NotInFuture,
    ruled,
)

__all__ = [
    "Category",
    "Citation",
    "Edition",
    "Institution",
    "InstitutionKind",
    "Official",
    "Shown",
    "Source",
    "plain",
    "ref_repr",
]


def ref_repr(record: Any) -> str:
    """Show a linked record by its name, or its id where it has none: a reader wants names.

    Example:
        >>> import bkn_awards
        >>> bkn_awards.award("2020-kab-sidoarjo-penilaian-kompetensi")
        Award(id='2020-kab-sidoarjo-penilaian-kompetensi', year=2020, institution='Pemerintah Kabupaten Sidoarjo', category='penilaian kompetensi', rank=1)
    """  # noqa: E501
    return "None" if record is None else repr(getattr(record, "name", record.id))


def plain(value: Any) -> Any:
    """Write a field's value as a flat cell: links as ids, enums as values, tuples as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)) and hasattr(value, "id"):
        return value.id
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


class Shown:
    """Mixin that renders an attrs record in Jupyter as a table of its fields."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        import html  # only notebooks need it: not worth its import time on every start

        rows = []
        for item in attrs.fields(type(self)):  # type: ignore[arg-type]
            value = getattr(self, item.name)
            if item.name == "citations":
                text = "; ".join(
                    f"{c.source.id} paragraphs {', '.join(map(str, c.paragraphs))}" for c in value
                )
            else:
                shown = plain(value)
                if isinstance(shown, list):
                    shown = "; ".join(map(str, shown))
                text = "" if shown is None else str(shown)
            rows.append(f"<tr><th>{item.name}</th><td>{html.escape(text)}</td></tr>")
        return f"<table><caption>{type(self).__name__}</caption>{''.join(rows)}</table>"


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

    id: str = ruled(NonEmpty())
    title: str | None = ruled(NonEmpty())
    publisher: str | None = ruled(NonEmpty())
    published: dt.datetime | None = ruled(NotInFuture())
    url: str | None = ruled(Matches(r"https?://\S+", "a web address (http or https)"), repr=False)
    sha256: str = ruled(Matches(r"[0-9a-f]{64}", "64 lower-case hex digits"), repr=False)
    filename: str = ruled(
        Matches(r"(?!\.\.?$)[^/\\\x00]+", "a plain file name (no folder, not . or ..)"), repr=False
    )
    editor: str | None = ruled(NonEmpty(), repr=False)
    sign_off: str | None = ruled(NonEmpty(), repr=False)


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
    paragraphs: tuple[int, ...] = ruled(NonEmpty(), Each(AtLeast(1)), Distinct("paragraph"))


class InstitutionKind(enum.Enum):
    """What level of government an institution is.

    The Indonesian words and abbreviations people write name a kind too, in any case.

    Example:
        >>> InstitutionKind("regency"), InstitutionKind("Pemkab")
        (<InstitutionKind.REGENCY: 'regency'>, <InstitutionKind.REGENCY: 'regency'>)

    .. versionadded:: 0.1.0
    """

    #: A national ministry (kementerian).
    MINISTRY = "ministry"
    #: A national agency (badan, lembaga), such as BKN itself.
    AGENCY = "agency"
    #: A provincial government (pemerintah provinsi, "Pemprov").
    PROVINCE = "province"
    #: A regency government (pemerintah kabupaten, "Pemkab").
    REGENCY = "regency"
    #: A city government (pemerintah kota, "Pemkot").
    CITY = "city"

    @classmethod
    def _missing_(cls, value: object) -> "InstitutionKind | None":
        return _INDONESIAN_KINDS.get(str(value).casefold().strip(" ."))


#: The Indonesian words and abbreviations for each kind, as people write them.
_INDONESIAN_KINDS: dict[str, InstitutionKind] = {
    word: kind
    for kind, words in (
        (InstitutionKind.MINISTRY, ("kementerian", "kemen")),
        (InstitutionKind.AGENCY, ("badan", "lembaga")),
        (InstitutionKind.PROVINCE, ("provinsi", "prov", "pemprov", "pemerintah provinsi")),
        (InstitutionKind.REGENCY, ("kabupaten", "kab", "pemkab", "pemerintah kabupaten")),
        (InstitutionKind.CITY, ("kota", "pemkot", "pemko", "pemerintah kota")),
    )
    for word in words
}


@frozen(kw_only=True)
class Institution(Shown):
    """A ministry, agency, province, regency or city.

    Attributes:
        id: Stable identifier, e.g. ``"kab-sidoarjo"``.
        name: Official name, e.g. ``"Pemerintah Kabupaten Sidoarjo"``.
        kind: Level of government.
        region_code: Kemendagri region code (``"35.15"``; BPS writes the same digits without the
            dot), or ``None`` for national bodies.
        aliases: Other names people write for it (``"Pemkab Sidoarjo"``, ``"Kab. Sidoarjo"``).

    Example:
        >>> import bkn_awards
        >>> sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
        >>> sidoarjo.name, sidoarjo.kind.value, sidoarjo.region_code
        ('Pemerintah Kabupaten Sidoarjo', 'regency', '35.15')

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    name: str = ruled(NonEmpty())
    kind: InstitutionKind
    region_code: str | None = ruled(REGION_CODE)
    aliases: tuple[str, ...] = ruled(Each(NonEmpty()), Distinct("alias"), repr=False)


@frozen(kw_only=True)
class Official(Shown):
    """A person in an office, as the articles name them at the time of the event.

    One person who held two offices (Kepala BKN, later Plt Kepala BKN) is two records, so each
    event shows the title the person had then.

    Attributes:
        id: Stable identifier, e.g. ``"ikfina-fahmawati-bupati-mojokerto"``.
        name: The person's name.
        position: The office as reported (``"Bupati Mojokerto"``, ``"Wakil Kepala BKN"``).
        institution: The institution the office belongs to, where it is in the data.
        citations: Where the articles name the person in that office.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2022, institution="Pemkab Mojokerto")[0]
        >>> award.recipient.name, award.recipient.position
        ('Ikfina Fahmawati', 'Bupati Mojokerto')

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    name: str = ruled(NonEmpty())
    position: str = ruled(NonEmpty())
    institution: Institution | None = field(repr=False)
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)


@frozen(kw_only=True)
class Edition(Shown):
    """The BKN Award of one year, with what the articles say of the edition itself.

    Attributes:
        id: Stable identifier, e.g. ``"2020"``.
        year: The year in the award's name.
        number: Its ordinal where reported (the 2020 edition was the sixth), else ``None``.
        category_count: How many categories it had, where reported, else ``None``.
        citations: Where the articles report it.

    Example:
        >>> import bkn_awards
        >>> [(e.year, e.number) for e in bkn_awards.editions()]
        [(2020, 6), (2022, None), (2023, None)]

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    year: int = ruled(EditionYear())
    number: int | None = ruled(AtLeast(1))
    category_count: int | None = ruled(AtLeast(1))
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)


@frozen(kw_only=True)
class Category(Shown):
    """One category of one edition, named as the article names it.

    Categories are per edition because BKN renames and regroups them from year to year; the name
    keeps the article's wording and capitalisation.

    Attributes:
        id: Stable identifier, e.g. ``"2020-penilaian-kompetensi"``.
        year: The edition.
        name: The category's name as reported.
        number: Its number where the article numbers it (Kategori I to V), else ``None``.
        citations: Where the articles name the category.

    Example:
        >>> import bkn_awards
        >>> [c.number for c in bkn_awards.categories(year=2020)]
        [1, 3, 4, 5]

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    year: int = ruled(EditionYear())
    name: str = ruled(NonEmpty())
    number: int | None = ruled(AtLeast(1))
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)
