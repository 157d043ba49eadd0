"""When and where awards were announced or handed over, and by whom to whom."""

from __future__ import annotations

import datetime as dt
import enum

from attrs import field, frozen

from bkn_awards._fields import Shown, edition_year, non_empty, not_in_future
from bkn_awards.errors import FieldValueError
from bkn_awards.official import Official
from bkn_awards.provenance import Citation

__all__ = ["Event", "EventKind"]


class EventKind(enum.Enum):
    """What happened at an event.

    Example:
        >>> EventKind("handover")
        <EventKind.HANDOVER: 'handover'>

    .. versionadded:: 0.1.0
    """

    #: The award ceremony of an edition (ajang, penganugerahan).
    CEREMONY = "ceremony"
    #: A separate handing over of awards already announced (penyerahan).
    HANDOVER = "handover"


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

    id: str = field(validator=non_empty)
    year: int = field(validator=edition_year)
    kind: EventKind
    date: dt.date | None = field(validator=not_in_future)
    date_inferred: bool = field(repr=False)
    date_note: str | None = field(repr=False)
    time_of_day: str | None = field(repr=False)
    venue: str | None
    address: str | None = field(repr=False)
    city: str | None
    presenters: tuple[Official, ...] = field(repr=False)
    recipients: tuple[Official, ...] = field(repr=False)
    represented: tuple[Official, ...] = field(repr=False)
    accompanying: tuple[Official, ...] = field(repr=False)
    description: str = field(validator=non_empty, repr=False)
    citations: tuple[Citation, ...] = field(validator=non_empty, repr=False)

    @date_note.validator
    def _inference_is_explained(self, _attribute: object, note: str | None) -> None:
        if self.date_inferred and (self.date is None or not note):
            problem = "needs a date and a date_note saying how it was found"
            raise FieldValueError("date_inferred", problem)
        if note is not None and not self.date_inferred:
            raise FieldValueError(
                "date_note", "is only for an inferred date (date_inferred is false)"
            )
