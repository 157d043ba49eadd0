"""Events, awards and tallies; the data files that hold each record type; the links between them."""

import datetime as dt
import typing
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs
from attrs import field, frozen

from bkn_awards.entities import (
    Category,
    Citation,
    Edition,
    Institution,
    Official,
    Shown,
    Source,
    ref_repr,
)
from bkn_awards.errors import FieldValueError
from bkn_awards.reference import EventKind, InstitutionKind

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

from bkn_awards.rules import REGION_CODE, AtLeast, EditionYear, NonEmpty, NotInFuture, ruled

__all__ = [
    "FILE_NAMES",
    "RECORD_FILES",
    "Award",
    "Event",
    "Link",
    "Tally",
    "data_files",
    "file_of",
    "links",
    "unwrap_optional",
]


@frozen(kw_only=True)
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


@frozen(kw_only=True)
class Award(Shown):
    """An award as the articles report it.

    Attributes:
        id: Stable identifier, e.g. ``"2020-kab-sidoarjo-penilaian-kompetensi"``.
        year: The edition (the year in "BKN Award 2022").
        institution: Who won it.
        category: The category it was won in, or ``None`` where the report names none.
        rank: The place as a number (1 for Juara Pertama, Ranking 1...), or ``None`` where the
            article gives no number ("terbaik" alone).
        rank_label: The report's own words for the result (``"Juara Kedua"``, ``"penerima"``).
        group: The competition group where stated (``"tingkat Kabupaten"``,
            ``"pemerintah kota tipe kecil"``), else ``None``.
        event: Where it was handed over, where an article says.
        recipient: Who took it in hand, where an article says.
        citations: Every article and paragraph that reports it.

    Example:
        >>> import bkn_awards
        >>> award = bkn_awards.awards(year=2023, rank=2)[0]
        >>> award.institution.name, award.category.name, award.rank, award.rank_label
        ('Pemerintah Provinsi Jawa Timur', 'Penerapan Pemanfaatan Data-Sistem Informasi dan CAT', 2, 'Ranking 2')

    .. versionadded:: 0.1.0
    """  # noqa: E501

    id: str = ruled(NonEmpty())
    year: int = ruled(EditionYear())
    institution: Institution = field(repr=ref_repr)
    category: Category | None = field(repr=ref_repr)
    rank: int | None = ruled(AtLeast(1))
    rank_label: str = ruled(NonEmpty(), repr=False)
    group: str | None = ruled(NonEmpty(), repr=False)
    event: Event | None = field(repr=False)
    recipient: Official | None = field(repr=False)
    citations: tuple[Citation, ...] = ruled(NonEmpty(), repr=False)


@frozen(kw_only=True)
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


#: The data files of a dataset directory with the record type each holds, in the order they
#: are read: a file links by id only to records of files before it.
RECORD_FILES: tuple[tuple[str, type[Any]], ...] = (
    ("sources.json", Source),
    ("institutions.json", Institution),
    ("officials.json", Official),
    ("editions.json", Edition),
    ("categories.json", Category),
    ("events.json", Event),
    ("awards.json", Award),
    ("tallies.json", Tally),
)


#: The names of the data files without ``.json``, in order: the keys of a dataset's records.
FILE_NAMES: tuple[str, ...] = tuple(name.removesuffix(".json") for name, _ in RECORD_FILES)


def data_files(directory: "Traversable") -> list[str]:
    """The data files of `directory`, in read order: its JSON files, or a Data Package's tables."""
    names = [name for name, _ in RECORD_FILES]
    # The tables where the directory holds a datapackage.json, and no sources.json.
    if (directory / names[0]).is_file() or not (directory / "datapackage.json").is_file():
        return names
    return [name.replace(".json", ".csv") for name in names]


def file_of(record: object) -> str:
    """Name the data file that holds records of `record`'s type (``"awards.json"``...)."""
    return next(name for name, cls in RECORD_FILES if isinstance(record, cls))


def unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """Split ``X | None`` into ``(X, True)``; any other annotation is ``(annotation, False)``."""
    args = typing.get_args(annotation)
    if type(None) not in args:
        return annotation, False
    return next(a for a in args if a is not type(None)), True


class Link(NamedTuple):
    """A field whose value is another file's record (or several), written in the files as ids.

    It holds the field's name, the record type linked to, the data file of those, and whether
    the field holds a tuple of them.
    """

    field: str
    target: type[Any]
    file: str
    many: bool


def links(cls: type[Any]) -> tuple[Link, ...]:
    """The links of a record class, read from its field types and `RECORD_FILES`.

    Example:
        >>> [(link.field, link.file) for link in links(Award)][:2]
        [('institution', 'institutions.json'), ('category', 'categories.json')]
    """
    files = {target: name for name, target in RECORD_FILES}
    attrs.resolve_types(cls)
    found = []
    for item in attrs.fields(cls):
        target = unwrap_optional(item.type)[0]
        many = typing.get_origin(target) is tuple
        if many:
            target = typing.get_args(target)[0]
        if target in files:
            found.append(Link(item.name, target, files[target], many))
    return tuple(found)
