"""The layout of a data directory: which file holds which record type."""

from __future__ import annotations

from typing import Any

from bkn_awards.award_record import Award
from bkn_awards.category import Category
from bkn_awards.edition import Edition
from bkn_awards.event import Event
from bkn_awards.government import Institution
from bkn_awards.official import Official
from bkn_awards.provenance import Source
from bkn_awards.tally import Tally

__all__ = ["RECORD_FILES", "file_of"]

#: The data files of a dataset directory with the record type each holds, in the order they
#: are read: a file refers by id only to records of files before it.
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


def file_of(record: object) -> str:
    """Name the data file that holds records of `record`'s type.

    Example:
        >>> import bkn_awards
        >>> file_of(bkn_awards.awards()[0])
        'awards.json'
    """
    return next(name for name, cls in RECORD_FILES if isinstance(record, cls))
