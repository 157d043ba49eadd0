"""The BKN Award, Indonesia's civil-service management award, as a typed and citable dataset.

Example:
    >>> import bkn_awards
    >>> [(a.institution.name, a.rank_label) for a in bkn_awards.awards(year=2020, rank=1)]
    [('Pemerintah Kota Malang', 'Juara Satu'), ('Pemerintah Kabupaten Sidoarjo', 'Juara Pertama'), ('Pemerintah Kabupaten Tulungagung', 'Juara Pertama')]
"""  # noqa: E501

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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
    "FieldValueError",
    "Institution",
    "InstitutionKind",
    "Manifest",
    "Official",
    "QueryError",
    "Records",
    "Source",
    "Tally",
    "UnknownAwardError",
    "UnknownCategoryError",
    "UnknownInstitutionError",
    "award",
    "awards",
    "categories",
    "conflicts",
    "coverage",
    "editions",
    "events",
    "institution",
    "institutions",
    "load",
    "manifest",
    "officials",
    "parse_indonesian_datetime",
    "sources",
    "tallies",
    "verify_citations",
]

if TYPE_CHECKING:
    from bkn_awards._bundled import (
        award,
        awards,
        categories,
        conflicts,
        coverage,
        editions,
        events,
        institution,
        institutions,
        manifest,
        officials,
        sources,
        tallies,
        verify_citations,
    )
    from bkn_awards.award_record import Award
    from bkn_awards.category import Category
    from bkn_awards.dataset import Dataset
    from bkn_awards.dates import parse_indonesian_datetime
    from bkn_awards.disputes import Claim, Conflict
    from bkn_awards.edition import Edition
    from bkn_awards.errors import (
        AmbiguousInstitutionError,
        BknAwardsError,
        DataError,
        FieldValueError,
        QueryError,
        UnknownAwardError,
        UnknownCategoryError,
        UnknownInstitutionError,
    )
    from bkn_awards.event import Event, EventKind
    from bkn_awards.government import Institution, InstitutionKind
    from bkn_awards.inventory import Manifest
    from bkn_awards.itemisation import Coverage
    from bkn_awards.loading import load
    from bkn_awards.official import Official
    from bkn_awards.provenance import Citation, Source
    from bkn_awards.records import Records
    from bkn_awards.tally import Tally
    from bkn_awards.verification import CitationProblem, CitationReport

# Every public name is imported on first use (PEP 562), so that `import bkn_awards` costs next to
# nothing: the first query pays for attrs, cattrs and the data, and only it.
_HOME: dict[str, str] = {
    "AmbiguousInstitutionError": "bkn_awards.errors",
    "Award": "bkn_awards.award_record",
    "BknAwardsError": "bkn_awards.errors",
    "Category": "bkn_awards.category",
    "Citation": "bkn_awards.provenance",
    "CitationProblem": "bkn_awards.verification",
    "CitationReport": "bkn_awards.verification",
    "Claim": "bkn_awards.disputes",
    "Conflict": "bkn_awards.disputes",
    "Coverage": "bkn_awards.itemisation",
    "DataError": "bkn_awards.errors",
    "FieldValueError": "bkn_awards.errors",
    "Dataset": "bkn_awards.dataset",
    "Edition": "bkn_awards.edition",
    "Event": "bkn_awards.event",
    "EventKind": "bkn_awards.event",
    "Institution": "bkn_awards.government",
    "InstitutionKind": "bkn_awards.government",
    "Official": "bkn_awards.official",
    "QueryError": "bkn_awards.errors",
    "Source": "bkn_awards.provenance",
    "Tally": "bkn_awards.tally",
    "UnknownCategoryError": "bkn_awards.errors",
    "UnknownInstitutionError": "bkn_awards.errors",
    "award": "bkn_awards._bundled",
    "awards": "bkn_awards._bundled",
    "categories": "bkn_awards._bundled",
    "conflicts": "bkn_awards._bundled",
    "coverage": "bkn_awards._bundled",
    "editions": "bkn_awards._bundled",
    "events": "bkn_awards._bundled",
    "institution": "bkn_awards._bundled",
    "institutions": "bkn_awards._bundled",
    "load": "bkn_awards.loading",
    "manifest": "bkn_awards._bundled",
    "Manifest": "bkn_awards.inventory",
    "Records": "bkn_awards.records",
    "UnknownAwardError": "bkn_awards.errors",
    "officials": "bkn_awards._bundled",
    "parse_indonesian_datetime": "bkn_awards.dates",
    "sources": "bkn_awards._bundled",
    "tallies": "bkn_awards._bundled",
    "verify_citations": "bkn_awards._bundled",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'bkn_awards' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
