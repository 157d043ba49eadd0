"""The records of the data, in the order a reader meets them: who reported, who won, what, when.

Sources and the citations into them come first, then the institutions and officials they name,
the editions and their categories, the events, the awards, and the tallies of awards reported.
Each field states its rules once, with `ruled`: they validate the record in ``__init__`` and are
read again for the JSON Schema and the data dictionary.
"""

import datetime as dt
import enum
from typing import Any

import attrs
from attrs import field, frozen

from bkn_awards.errors import FieldValueError
from bkn_awards.rules import (
    REGION_CODE,
    AtLeast,
    Distinct,
    Each,
    EditionYear,
    Matches,
    NonEmpty,
    NotInFuture,
    ShortId,
    ruled,
)
from bkn_awards.vocabulary import EventKind, Group, InstitutionKind, Theme

__all__ = [
    "DERIVED",
    "SHORT_ID",
    "Alias",
    "Award",
    "Category",
    "Citation",
    "Edition",
    "Event",
    "Institution",
    "Official",
    "Placing",
    "Shown",
    "Source",
    "Tally",
    "cited_html",
    "data_fields",
    "plain",
    "ref_repr",
]


# Records are made by the thousand and never weakly referenced: each class has no slot for weak
# references (weakref_slot=False), eight bytes a record.


#: The metadata key of a field the loader makes from other records: no data file holds it.
DERIVED = "bkn_awards.derived"


def data_fields(cls: type[Any]) -> "tuple[attrs.Attribute[Any], ...]":
    """The fields of the record class `cls` that the data files hold: all but the derived ones.

    Example:
        >>> [f.name for f in data_fields(Award)][-2:]
        ['event', 'recipient']
    """
    return tuple(f for f in attrs.fields(cls) if not f.metadata.get(DERIVED))


#: The rule of the ids people type: an award's is its edition, its institution's id and its
#: category's key (``2020-kab-sidoarjo-kompetensi``). The longest government's id of the region
#: table (30 characters) with an edition and the longest key fits in 48.
SHORT_ID = ShortId(48)


def ref_repr(record: Any) -> str:
    """Show a linked record by its name, or its id where it has none: a reader wants names.

    Example:
        >>> import bkn_awards
        >>> bkn_awards.award("2020-kab-sidoarjo-kompetensi")
        Award(id='2020-kab-sidoarjo-kompetensi', year=2020, institution='Pemerintah Kabupaten Sidoarjo', category='Penilaian Kompetensi', placings=(Placing(rank=1, rank_label='Juara Pertama', category=None),))
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
    if isinstance(value, Citation):  # where it is, as a reader would write it
        return " ".join(filter(None, [value.source.id, *map(str, value.paragraphs), value.part]))
    if isinstance(value, Placing):  # its words, and the reports that give them
        return f"{value.rank_label} ({', '.join(c.source.id for c in value.citations)})"
    return value


class Shown:
    """Mixin that shows an attrs value: as text (its ``repr``), and in Jupyter as a table.

    Its ``__repr__`` is the one attrs would write for each class, written once: attrs compiles
    one a class, and the classes of this library would cost every start of it two milliseconds
    (each says ``repr=False``).
    """

    __slots__ = ()

    def __repr__(self) -> str:
        shown = []
        for item in attrs.fields(type(self)):  # type: ignore[arg-type]
            if item.repr:
                value = getattr(self, item.name)
                shown.append(
                    f"{item.name}={item.repr(value) if callable(item.repr) else repr(value)}"
                )
        return f"{type(self).__name__}({', '.join(shown)})"

    def _repr_html_(self) -> str:
        import html  # only notebooks need it: not worth its import time on every start

        rows = []
        for item in attrs.fields(type(self)):  # type: ignore[arg-type]
            if item.name == "citations":
                continue  # below, each linked to its report
            shown = plain(getattr(self, item.name))
            if isinstance(shown, list):
                shown = "; ".join(map(str, shown))
            text = "" if shown is None else str(shown)
            rows.append(f"<tr><th>{item.name}</th><td>{html.escape(text)}</td></tr>")
        citations = getattr(self, "citations", None)
        if citations is not None:
            rows.append(f"<tr><th>citations</th><td>{cited_html(citations)}</td></tr>")
        return f"<table><caption>{type(self).__name__}</caption>{''.join(rows)}</table>"


def cited_html(citations: "tuple[Citation, ...]") -> str:
    """Citations as HTML: each report's title linked to its address, its outlet, date and where.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.award("2022-kab-mojokerto-manajemen-asn")
        >>> print(cited_html(award.citations[:1]))
        <a href="https://surabayapagi.com/read/...">...</a> (surabayapagi.com, 2022-08-11; ...)
    """
    import html

    def one(citation: Citation) -> str:
        source = citation.source
        title = html.escape(source.title or source.url or f"untitled ({source.id})")
        linked = f'<a href="{html.escape(source.url)}">{title}</a>' if source.url else title
        day = source.published_on.isoformat() if source.published_on else "undated"
        where = f"; paragraphs {', '.join(map(str, citation.paragraphs))}" * bool(
            citation.paragraphs
        )
        part = f"; {html.escape(citation.part)}" if citation.part else ""
        outlet = html.escape(source.publisher or "outlet not named")
        return f"{linked} ({outlet}, {day}{where}{part})"

    return "<br>".join(map(one, citations))


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Source(Shown):
    """A news report that gives BKN Award facts: an article file the project holds, or a web page.

    The project keeps where a report is, never its text: a web page by its `url`, an article
    file by its SHA-256, with which anyone holding the file can check the cited paragraphs.

    Attributes:
        id: Stable identifier, e.g. ``"surabayapagi-2022-pemkab-mojokerto"``.
        title: The headline as printed, or ``None`` where it is not known.
        publisher: The outlet (``"ANTARA"``), or ``None`` where the text names none.
        published: Publication time with its UTC offset, where the report gives one.
        published_on: The day of publication, where known (``published``'s day, if given).
        url: The report's web address, or ``None`` where it is not known.
        sha256: SHA-256 of the article file (hex), for an article the project holds, else ``None``.
        filename: Name of that article file, else ``None``.
        editor: The editor the text credits, or ``None``.
        sign_off: The reporters' initials or name closing the text (e.g. ``"fir"``), or ``None``.

    Example:
        >>> import bkn_awards
        >>> source = bkn_awards.sources()[0]
        >>> source.published.isoformat(), source.published_on.isoformat()
        ('2022-08-11T18:36:00+07:00', '2022-08-11')

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    title: str | None = ruled(NonEmpty())
    publisher: str | None = ruled(NonEmpty())
    published: dt.datetime | None = ruled(NotInFuture(), repr=False)
    published_on: dt.date | None = ruled(NotInFuture())
    url: str | None = ruled(Matches(r"https?://\S+", "a web address (http or https)"), repr=False)
    sha256: str | None = ruled(Matches(r"[0-9a-f]{64}", "64 lower-case hex digits"), repr=False)
    filename: str | None = ruled(
        Matches(r"(?!\.\.?$)[^/\\\x00]+", "a plain file name (no folder, not . or ..)"), repr=False
    )
    editor: str | None = ruled(NonEmpty(), repr=False)
    sign_off: str | None = ruled(NonEmpty(), repr=False)

    @sign_off.validator
    def _found_somewhere(self, _attribute: object, _value: object) -> None:
        if (self.sha256 is None) != (self.filename is None):
            raise FieldValueError("filename", "and sha256 are given together, or neither")
        if self.sha256 is None and self.url is None:
            raise FieldValueError("url", "is needed where there is no article file (sha256)")
        if self.published and self.published.date() != self.published_on:
            raise FieldValueError("published_on", "must be the day of published")


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Citation(Shown):
    """Where one source states a fact: paragraphs of an article file, or a web report as a whole.

    A paragraph is the n-th non-empty line of the article file, counted from 1. A web report
    has no paragraphs here; `part` may say, in the project's words, where in it the fact is.

    Attributes:
        source: The report.
        paragraphs: The paragraph numbers of an article file (from 1); none for a web report.
        part: Where in a web report the fact is, or what it says of it, where useful.

    Example:
        >>> import bkn_awards
        >>> bkn_awards.awards(year=2020, institution="Kota Malang")[0].citations[0].paragraphs
        (22,)

    .. versionadded:: 0.1.0
    """

    source: Source = field(repr=ref_repr)
    paragraphs: tuple[int, ...] = ruled(Each(AtLeast(1)), Distinct("paragraph"))
    part: str | None = ruled(NonEmpty(), repr=False)

    @paragraphs.validator
    def _paragraphs_of_a_file(self, _attribute: object, paragraphs: tuple[int, ...]) -> None:
        if (self.source.sha256 is not None) != bool(paragraphs):
            held = "for article files only" if self.source.sha256 is None else "needed for a file"
            raise FieldValueError("paragraphs", f"are {held}")


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Institution(Shown):
    """A ministry, agency, province, regency or city.

    Attributes:
        id: Stable identifier, e.g. ``"kab-sidoarjo"``.
        name: Official name, e.g. ``"Pemerintah Kabupaten Sidoarjo"``.
        kind: Level of government.
        region_code: Kemendagri region code (``"35.15"``; BPS numbers differ), or ``None`` for
            national bodies.
        iso_3166_2: A province's ISO 3166-2 code (``"ID-JI"``); ``None`` for any other kind.
        aliases: Other names people write for it (``"Pemkab Sidoarjo"``, ``"Kab. Sidoarjo"``).

    Example:
        >>> import bkn_awards
        >>> sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
        >>> sidoarjo.name, sidoarjo.kind.value, sidoarjo.region_code
        ('Pemerintah Kabupaten Sidoarjo', 'regency', '35.15')

    .. versionadded:: 0.1.0
    """

    id: str = ruled(SHORT_ID)
    name: str = ruled(NonEmpty())
    kind: InstitutionKind
    region_code: str | None = ruled(REGION_CODE)
    iso_3166_2: str | None = ruled(Matches(r"ID-[A-Z]{2}", "an ISO 3166-2 code: 'ID-JI'"))
    aliases: tuple[str, ...] = ruled(Each(NonEmpty()), Distinct("alias"), repr=False)

    @classmethod
    def of_region(cls, region: Any) -> "Institution":
        """The government of a `Region` the data holds no record of (its id: ``"kab-bantul"``).

        .. deprecated:: 0.3.0
           Use `Region.government`.
        """
        import warnings

        message = "Institution.of_region is deprecated; use Region.government()"
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        made: Institution = region.government()
        return made

    @aliases.validator
    def _coded_as_its_kind(self, _attribute: object, _aliases: object) -> None:
        regional = self.kind.value in ("province", "regency", "city")
        if regional != (self.region_code is not None):
            raise FieldValueError(
                "region_code", "is given for a regional government, and only there"
            )
        if (self.kind is InstitutionKind.PROVINCE) != (self.iso_3166_2 is not None):
            raise FieldValueError("iso_3166_2", "is given for a province, and only there")


@frozen(kw_only=True, weakref_slot=False, repr=False)
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


@frozen(kw_only=True, weakref_slot=False, repr=False)
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
        >>> [(e.year, e.number) for e in bkn_awards.editions() if e.number]
        [(2015, 1), (2016, 1), (2019, 4), (2020, 6), (2022, 8)]

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    year: int = ruled(EditionYear())
    number: int | None = ruled(AtLeast(1))
    category_count: int | None = ruled(AtLeast(1))
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Category(Shown):
    """One category of one edition, named as the report names it.

    BKN renames and regroups categories every year: the name keeps the report's wording, and
    `theme` ties the editions together.

    Attributes:
        id: Stable identifier, e.g. ``"2020-kompetensi"``.
        year: The edition.
        name: The category's name as reported.
        name_en: The name in English, in the project's words.
        theme: What it judges, the same key in every edition.
        number: Its number where the report numbers it (Kategori I to V), else ``None``.
        citations: Where the reports name the category.

    Example:
        >>> import bkn_awards
        >>> category = bkn_awards.categories(year=2020)[1]
        >>> category.name, category.name_en, category.theme.value
        ('Penilaian Kompetensi', 'Competency assessment', 'competency')

    .. versionadded:: 0.1.0
    """

    id: str = ruled(SHORT_ID)
    year: int = ruled(EditionYear())
    name: str = ruled(NonEmpty())
    name_en: str = ruled(NonEmpty())
    theme: Theme
    number: int | None = ruled(AtLeast(1))
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Event(Shown):
    """An occasion on which BKN Awards were given or handed over.

    Attributes:
        id: Stable identifier, e.g. ``"2023-ceremony-surabaya"``.
        year: The edition the awards belong to (a 2020 award may be handed over in 2021).
        kind: Ceremony or handover.
        date: The day, or ``None`` where no article gives it.
        date_inferred: True where the article gives the day without the year (or the year
            without the day) and the date was worked out; `date_note` says how.
        date_note: How an inferred date was worked out, else ``None``.
        time_of_day: The part of the day as reported (``"siang"``, ``"sore"``), else ``None``.
        venue: The place as reported, or ``None`` where it is not named.
        address: Floor and street where reported, else ``None``.
        city: The city, or ``None``.
        presenters: Who handed the awards over.
        recipients: Who took them in hand.
        represented: Whom the recipients stood in for, where the article says so.
        accompanying: Officials reported as accompanying the presenters.
        description: A short summary in the project's own words.
        citations: Where the articles report the event.

    Example:
        >>> import bkn_awards
        >>> event = bkn_awards.events(year=2023)[0]
        >>> event.date.isoformat(), event.venue, event.presenters[0].position
        ('2023-06-08', 'Hotel Bumi Surabaya', 'Plt Kepala BKN')

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    year: int = ruled(EditionYear())
    kind: EventKind
    date: dt.date | None = ruled(NotInFuture())
    date_inferred: bool = field(repr=False)
    date_note: str | None = ruled(NonEmpty(), repr=False)
    time_of_day: str | None = ruled(NonEmpty(), repr=False)
    venue: str | None = ruled(NonEmpty())
    address: str | None = ruled(NonEmpty(), repr=False)
    city: str | None = ruled(NonEmpty())
    presenters: tuple[Official, ...] = field(repr=False)
    recipients: tuple[Official, ...] = field(repr=False)
    represented: tuple[Official, ...] = field(repr=False)
    accompanying: tuple[Official, ...] = field(repr=False)
    description: str = ruled(NonEmpty(), repr=False)
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)

    @date_note.validator
    def _inference_is_explained(self, _attribute: object, note: str | None) -> None:
        if self.date_inferred and (self.date is None or not note):
            problem = "needs a date and a date_note saying how it was found"
            raise FieldValueError("date_inferred", problem)
        if note is not None and not self.date_inferred:
            raise FieldValueError(
                "date_note", "is only for an inferred date (date_inferred is false)"
            )


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Placing(Shown):
    """Where reports place an award: the rank they give, in their words, and where they say it.

    An award that every report places alike has one placing, citing them all; where reports
    disagree (rank 4 in one, rank 5 in another; or another category), each reading is a placing
    of its own with its own citations, and the award is `Award.disputed`.

    Attributes:
        rank: The place as a number (1 for Juara Pertama, Ranking 1...), or ``None`` where the
            reports give no number ("terbaik" alone).
        rank_label: The reports' own words for the result (``"Juara Kedua"``, ``"penerima"``).
        category: The category these reports give, only where reports disagree on it (the
            award's own `Award.category` is then ``None``); else ``None``.
        citations: Every report, and where in it, that places the award so.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2022, province="Jateng", theme="performance")[0]
        >>> [(p.rank, p.citations[0].source.publisher) for p in award.placings]
        [(4, 'TribunPantura.com'), (5, 'Okezone')]

    .. versionadded:: 0.3.0
    """

    rank: int | None = ruled(AtLeast(1))
    rank_label: str = ruled(NonEmpty())
    category: Category | None = field(repr=ref_repr)
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Award(Shown):
    """An award as the reports give it: one institution's result in one category, group and edition.

    One award is one record however many reports name it: each reading of where it placed is a
    `Placing` with its citations, and an award whose reports disagree is `disputed`.

    Attributes:
        id: Stable identifier, e.g. ``"2020-kab-sidoarjo-kompetensi"``.
        year: The edition (the year in "BKN Award 2022").
        institution: Who won it.
        category: The category it was won in; ``None`` where the reports name none, or disagree
            on it (each placing then gives its own).
        group: The group it was competed in (a `Group`), where a report says, else ``None``.
        group_label: The report's own words for the group (``"Wilayah Barat Tipe Kecil"``).
        placings: Where the reports place it, each reading with its citations.
        event: Where it was handed over, where a report says.
        recipient: Who took it in hand, where a report says.
        contested: Whether reports give its place (its rank in its category and group) to
            another award too. The loader finds it from the other awards (see
            `bkn_awards.conflicts`); the data files do not hold it.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2023, rank=2, institution="Pemprov Jatim")[0]
        >>> award.institution.name, award.category.name, award.rank, award.rank_label
        ('Pemerintah Provinsi Jawa Timur', 'Penerapan Pemanfaatan Data-Sistem Informasi dan CAT', 2, 'Ranking 2')

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       The rank, its words and the citations are the placings'; ``group`` is a `Group`, its
       wording ``group_label``.
    """  # noqa: E501

    id: str = ruled(SHORT_ID)
    year: int = ruled(EditionYear())
    institution: Institution = field(repr=ref_repr)
    category: Category | None = field(repr=ref_repr)
    group: Group | None = field(repr=False)
    group_label: str | None = ruled(NonEmpty(), repr=False)
    placings: tuple[Placing, ...] = ruled(NonEmpty())
    event: Event | None = field(repr=False)
    recipient: Official | None = field(repr=False)
    contested: bool = field(default=False, repr=False, metadata={DERIVED: True})

    @placings.validator
    def _placed_consistently(self, _attribute: object, placings: tuple[Placing, ...]) -> None:
        if (self.group is None) != (self.group_label is None):
            raise FieldValueError("group_label", "is given with group, and only there")
        if self.group is not None and self.group.kind is not self.institution.kind:
            problem = f"{self.group.value} holds no {self.institution.kind.value}"
            raise FieldValueError("group", problem)
        if self.category is not None:
            for placing in placings:
                if placing.category is not None:
                    problem = "give a category only where the award has none (reports disagree)"
                    raise FieldValueError("placings", problem)

    @property
    def rank(self) -> int | None:
        """The place the reports agree on, or ``None`` where they give none or disagree.

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           ``None`` where the reports disagree; `ranks` has every place reported.
        """
        placings = self.placings
        if len(placings) == 1:  # the usual award: one reading, read without sorting
            return placings[0].rank
        ranks = self.ranks
        return ranks[0] if len(ranks) == 1 else None

    @property
    def ranks(self) -> tuple[int, ...]:
        """Every place a report gives it, lowest first (two where the reports disagree).

        .. versionadded:: 0.3.0
        """
        placings = self.placings
        if len(placings) == 1:
            rank = placings[0].rank
            return () if rank is None else (rank,)
        return tuple(sorted({p.rank for p in placings if p.rank is not None}))

    @property
    def rank_label(self) -> str:
        """The reports' words for the result, each once (``"peringkat 4; peringkat kelima"``).

        .. versionadded:: 0.1.0
        """
        placings = self.placings
        if len(placings) == 1:
            return placings[0].rank_label
        return "; ".join(dict.fromkeys(p.rank_label for p in placings))

    @property
    def categories(self) -> tuple[Category, ...]:
        """The category it was won in, or each category the reports give where they disagree.

        .. versionadded:: 0.3.0
        """
        if self.category is not None:
            return (self.category,)
        placings = self.placings
        if len(placings) == 1:
            category = placings[0].category
            return () if category is None else (category,)
        return tuple(dict.fromkeys(p.category for p in placings if p.category is not None))

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The citations of all its placings, in order (each report giving the award, and where).

        .. versionadded:: 0.1.0
        """
        placings = self.placings
        if len(placings) == 1:
            return placings[0].citations
        return tuple(dict.fromkeys(c for p in placings for c in p.citations))

    @property
    def disputed(self) -> bool:
        """Whether reports disagree on it (its rank or category, or who holds its place).

        `bkn_awards.conflicts` lists each disagreement.

        .. versionadded:: 0.3.0
        """
        if self.contested:
            return True
        return len(self.placings) > 1 and (len(self.ranks) > 1 or len(self.categories) > 1)


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Alias(Shown):
    """An award id of an earlier release that names no award now, and the award it stands for.

    An id, once released, is never given to another record: where an award's id had to change
    (a shorter scheme, two awards found to be one), its old id is kept here, and
    `bkn_awards.award` still finds the award by it, with a `FormerIdWarning`.

    Attributes:
        id: The earlier id.
        award: The award it stands for now.
        merged: Whether the id was another award's, now one reading of this one (two awards
            found to be one), rather than this award's own earlier id.
        since: The release from which the id names no award (``"0.3.0"``).
        reason: Why it changed, in the project's words.

    Example:
        >>> import bkn_awards
        >>> alias = bkn_awards.load().records_by_file()["aliases"][0]
        >>> alias.since, alias.award.id
        ('0.3.0', '2016-pemprov-jabar')

    .. versionadded:: 0.3.0
    """

    id: str = ruled(NonEmpty())
    award: Award = field(repr=ref_repr)
    merged: bool = field(repr=False)
    since: str = ruled(Matches(r"[0-9]+\.[0-9]+\.[0-9]+", "a release, such as '0.3.0'"))
    reason: str = ruled(NonEmpty())


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Tally(Shown):
    """A reported count ("32 awards for East Java"), so users see how much is itemised.

    A tally counts one institution's awards (`institution`), or the awards of every institution
    of the given `kinds` inside a region (`region_code`), or in the whole country (neither).

    Attributes:
        id: Stable identifier, e.g. ``"2022-jawa-timur"``.
        year: The edition counted.
        count: The number of awards reported, or ``None`` where the article only compares
            (`highest_in_country`) without a figure.
        institution: The one institution counted, or ``None``.
        region_code: The region counted (``"35"`` for Jawa Timur), or ``None``.
        kinds: The kinds of institution a regional count includes.
        recipients: How many institutions shared the count, where reported, else ``None``.
        highest_in_country: True where the article reports the count as the highest of any
            province in Indonesia.
        description: What is counted, in the project's own words.
        citations: Where the articles report it.

    Example:
        >>> import bkn_awards
        >>> [(t.id, t.count) for t in bkn_awards.tallies(year=2022)][:2]
        [('2022-jawa-timur', 32), ('2022-pemprov-jatim', 3)]

    .. versionadded:: 0.1.0
    """

    id: str = ruled(NonEmpty())
    year: int = ruled(EditionYear())
    count: int | None = ruled(AtLeast(0))
    institution: Institution | None = field(repr=False)
    region_code: str | None = ruled(REGION_CODE, repr=False)
    kinds: tuple[InstitutionKind, ...] = field(repr=False)
    recipients: int | None = ruled(AtLeast(0), repr=False)
    highest_in_country: bool = field(repr=False)
    description: str = ruled(NonEmpty())
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)

    @kinds.validator
    def _counts_one_thing(self, _attribute: object, kinds: tuple[InstitutionKind, ...]) -> None:
        if self.institution is not None and self.region_code is not None:
            raise FieldValueError("region_code", "is not given with institution: one is counted")
        if bool(kinds) != (self.institution is None):
            raise FieldValueError("kinds", "must list what a regional tally counts, and only there")

    def counts(self, award: Award) -> bool:
        """Tell whether `award` is one of the awards this tally counts.

        Example:
            >>> import bkn_awards
            >>> tally = bkn_awards.tallies(year=2023)[-1]
            >>> tally.id, sum(tally.counts(a) for a in bkn_awards.awards())
            ('2023-pemprov-jatim', 5)

        .. versionadded:: 0.1.0
        """
        if award.year != self.year:
            return False
        if self.institution is not None:
            return award.institution == self.institution
        code = award.institution.region_code or ""
        return award.institution.kind in self.kinds and (
            self.region_code is None or (code + ".").startswith(self.region_code + ".")
        )
