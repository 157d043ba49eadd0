"""The BKN Award, Indonesia's civil-service management award, as a typed and citable dataset.

Example:
    >>> import bkn_awards
    >>> [(a.institution.name, a.rank_label) for a in bkn_awards.awards(year=2020, rank=1)]
    [('Pemerintah Kota Malang', 'Juara Satu'), ('Pemerintah Kabupaten Sidoarjo', 'Juara Pertama'), ('Pemerintah Kabupaten Tulungagung', 'Juara Pertama')]
"""  # noqa: E501

from __future__ import annotations

from bkn_awards._bundled import (
    awards,
    categories,
    conflicts,
    coverage,
    editions,
    events,
    institution,
    institutions,
    officials,
    sources,
    tallies,
    verify_citations,
)
from bkn_awards.award import Award
from bkn_awards.category import Category
from bkn_awards.dataset import Dataset
from bkn_awards.dates import parse_indonesian_datetime
from bkn_awards.disputes import Claim, Conflict
from bkn_awards.edition import Edition
from bkn_awards.errors import (
    AmbiguousInstitutionError,
    BknAwardsError,
    DataError,
    QueryError,
    UnknownCategoryError,
    UnknownInstitutionError,
)
from bkn_awards.event import Event, EventKind
from bkn_awards.government import Institution, InstitutionKind
from bkn_awards.itemisation import Coverage
from bkn_awards.loading import load
from bkn_awards.official import Official
from bkn_awards.provenance import Citation, Source
from bkn_awards.tally import Tally
from bkn_awards.verification import CitationProblem, CitationReport

__version__ = "0.1.0"

__all__ = [
    "AmbiguousInstitutionError",
    "Award",
    "BknAwardsError",
    "Category",
    "Citation",
    "CitationProblem",
    "CitationReport",
    "Claim",
    "Conflict",
    "Coverage",
    "DataError",
    "Dataset",
    "Edition",
    "Event",
    "EventKind",
    "Institution",
    "InstitutionKind",
    "Official",
    "QueryError",
    "Source",
    "Tally",
    "UnknownCategoryError",
    "UnknownInstitutionError",
    "awards",
    "categories",
    "conflicts",
    "coverage",
    "editions",
    "events",
    "institution",
    "institutions",
    "load",
    "officials",
    "parse_indonesian_datetime",
    "sources",
    "tallies",
    "verify_citations",
]
