"""The BKN Award, Indonesia's civil-service management award, as a typed and citable dataset.

Example:
    >>> import bkn_awards
    >>> [a.institution.name for a in bkn_awards.awards(year=2020, rank=1, province="Jatim")]
    ['Pemerintah Kota Malang', 'Pemerintah Kabupaten Sidoarjo', 'Pemerintah Kabupaten Tulungagung']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: The version of bkn-awards (the build reads it here).
__version__ = "0.2.0"

# The public face: each name and the module it lives in. Every name is imported on first use
# (PEP 562), so that `import bkn_awards` costs next to nothing and the first query pays for
# attrs, cattrs and the data, once.
_HOME: dict[str, str] = {
    "AmbiguousInstitutionError": "bkn_awards.errors",
    "Award": "bkn_awards.model",
    "BknAwardsError": "bkn_awards.errors",
    "Category": "bkn_awards.entities",
    "Citation": "bkn_awards.entities",
    "CitationProblem": "bkn_awards.citations",
    "CitationReport": "bkn_awards.citations",
    "Claim": "bkn_awards.consistency",
    "Conflict": "bkn_awards.consistency",
    "Coverage": "bkn_awards.reports",
    "DataError": "bkn_awards.errors",
    "ExportError": "bkn_awards.errors",
    "Dataset": "bkn_awards.dataset",
    "Edition": "bkn_awards.entities",
    "Event": "bkn_awards.model",
    "EventKind": "bkn_awards.reference",
    "FieldValueError": "bkn_awards.errors",
    "Institution": "bkn_awards.entities",
    "InstitutionKind": "bkn_awards.reference",
    "Manifest": "bkn_awards.reports",
    "Official": "bkn_awards.entities",
    "QueryError": "bkn_awards.errors",
    "Records": "bkn_awards.results",
    "Region": "bkn_awards.reference",
    "Source": "bkn_awards.entities",
    "Tally": "bkn_awards.model",
    "Theme": "bkn_awards.reference",
    "UnknownAwardError": "bkn_awards.errors",
    "UnknownCategoryError": "bkn_awards.errors",
    "UnknownInstitutionError": "bkn_awards.errors",
    "award": "bkn_awards.loading",
    "awards": "bkn_awards.loading",
    "categories": "bkn_awards.loading",
    "conflicts": "bkn_awards.loading",
    "coverage": "bkn_awards.loading",
    "editions": "bkn_awards.loading",
    "events": "bkn_awards.loading",
    "institution": "bkn_awards.loading",
    "institutions": "bkn_awards.loading",
    "load": "bkn_awards.loading",
    "manifest": "bkn_awards.loading",
    "officials": "bkn_awards.loading",
    "parse_indonesian_datetime": "bkn_awards.text",
    "region": "bkn_awards.reference",
    "regions": "bkn_awards.reference",
    "search_institutions": "bkn_awards.loading",
    "sources": "bkn_awards.loading",
    "tallies": "bkn_awards.loading",
    "verify_citations": "bkn_awards.loading",
}

__all__ = sorted(_HOME)

if TYPE_CHECKING:  # for type checkers only; a test holds this block to the table
    from bkn_awards.citations import (
        CitationProblem as CitationProblem,
        CitationReport as CitationReport,
    )
    from bkn_awards.consistency import (
        Claim as Claim,
        Conflict as Conflict,
    )
    from bkn_awards.dataset import (
        Dataset as Dataset,
    )
    from bkn_awards.entities import (
        Category as Category,
        Citation as Citation,
        Edition as Edition,
        Institution as Institution,
        Official as Official,
        Source as Source,
    )
    from bkn_awards.errors import (
        AmbiguousInstitutionError as AmbiguousInstitutionError,
        BknAwardsError as BknAwardsError,
        DataError as DataError,
        ExportError as ExportError,
        FieldValueError as FieldValueError,
        QueryError as QueryError,
        UnknownAwardError as UnknownAwardError,
        UnknownCategoryError as UnknownCategoryError,
        UnknownInstitutionError as UnknownInstitutionError,
    )
    from bkn_awards.loading import (
        award as award,
        awards as awards,
        categories as categories,
        conflicts as conflicts,
        coverage as coverage,
        editions as editions,
        events as events,
        institution as institution,
        institutions as institutions,
        load as load,
        manifest as manifest,
        officials as officials,
        search_institutions as search_institutions,
        sources as sources,
        tallies as tallies,
        verify_citations as verify_citations,
    )
    from bkn_awards.model import (
        Award as Award,
        Event as Event,
        Tally as Tally,
    )
    from bkn_awards.reference import (
        EventKind as EventKind,
        InstitutionKind as InstitutionKind,
        Region as Region,
        Theme as Theme,
        region as region,
        regions as regions,
    )
    from bkn_awards.reports import (
        Coverage as Coverage,
        Manifest as Manifest,
    )
    from bkn_awards.results import (
        Records as Records,
    )
    from bkn_awards.text import (
        parse_indonesian_datetime as parse_indonesian_datetime,
    )


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'bkn_awards' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*__all__, "__version__"]
