"""The BKN Award, Indonesia's civil-service management award, as a typed and citable dataset.

Example:
    >>> import bkn_awards
    >>> [(a.institution.name, a.rank_label) for a in bkn_awards.awards(year=2020, rank=1)]
    [('Pemerintah Kota Malang', 'Juara Satu'), ('Pemerintah Kabupaten Sidoarjo', 'Juara Pertama'), ('Pemerintah Kabupaten Tulungagung', 'Juara Pertama')]
"""  # noqa: E501

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from bkn_awards._version import __version__ as __version__

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
    "Dataset": "bkn_awards.dataset",
    "Edition": "bkn_awards.entities",
    "Event": "bkn_awards.model",
    "EventKind": "bkn_awards.model",
    "FieldValueError": "bkn_awards.errors",
    "Institution": "bkn_awards.entities",
    "InstitutionKind": "bkn_awards.entities",
    "Manifest": "bkn_awards.reports",
    "Official": "bkn_awards.entities",
    "QueryError": "bkn_awards.errors",
    "Records": "bkn_awards.results",
    "Source": "bkn_awards.entities",
    "Tally": "bkn_awards.model",
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
    "parse_indonesian_datetime": "bkn_awards.dates",
    "sources": "bkn_awards.loading",
    "tallies": "bkn_awards.loading",
    "verify_citations": "bkn_awards.loading",
}

__all__ = sorted(_HOME)

if TYPE_CHECKING:  # for type checkers only; a test holds this block to the table
    from bkn_awards.citations import (
        CitationProblem as CitationProblem,
    )
    from bkn_awards.citations import (
        CitationReport as CitationReport,
    )
    from bkn_awards.consistency import (
        Claim as Claim,
    )
    from bkn_awards.consistency import (
        Conflict as Conflict,
    )
    from bkn_awards.dataset import (
        Dataset as Dataset,
    )
    from bkn_awards.dates import (
        parse_indonesian_datetime as parse_indonesian_datetime,
    )
    from bkn_awards.entities import (
        Category as Category,
    )
    from bkn_awards.entities import (
        Citation as Citation,
    )
    from bkn_awards.entities import (
        Edition as Edition,
    )
    from bkn_awards.entities import (
        Institution as Institution,
    )
    from bkn_awards.entities import (
        InstitutionKind as InstitutionKind,
    )
    from bkn_awards.entities import (
        Official as Official,
    )
    from bkn_awards.entities import (
        Source as Source,
    )
    from bkn_awards.errors import (
        AmbiguousInstitutionError as AmbiguousInstitutionError,
    )
    from bkn_awards.errors import (
        BknAwardsError as BknAwardsError,
    )
    from bkn_awards.errors import (
        DataError as DataError,
    )
    from bkn_awards.errors import (
        FieldValueError as FieldValueError,
    )
    from bkn_awards.errors import (
        QueryError as QueryError,
    )
    from bkn_awards.errors import (
        UnknownAwardError as UnknownAwardError,
    )
    from bkn_awards.errors import (
        UnknownCategoryError as UnknownCategoryError,
    )
    from bkn_awards.errors import (
        UnknownInstitutionError as UnknownInstitutionError,
    )
    from bkn_awards.loading import (
        award as award,
    )
    from bkn_awards.loading import (
        awards as awards,
    )
    from bkn_awards.loading import (
        categories as categories,
    )
    from bkn_awards.loading import (
        conflicts as conflicts,
    )
    from bkn_awards.loading import (
        coverage as coverage,
    )
    from bkn_awards.loading import (
        editions as editions,
    )
    from bkn_awards.loading import (
        events as events,
    )
    from bkn_awards.loading import (
        institution as institution,
    )
    from bkn_awards.loading import (
        institutions as institutions,
    )
    from bkn_awards.loading import (
        load as load,
    )
    from bkn_awards.loading import (
        manifest as manifest,
    )
    from bkn_awards.loading import (
        officials as officials,
    )
    from bkn_awards.loading import (
        sources as sources,
    )
    from bkn_awards.loading import (
        tallies as tallies,
    )
    from bkn_awards.loading import (
        verify_citations as verify_citations,
    )
    from bkn_awards.model import (
        Award as Award,
    )
    from bkn_awards.model import (
        Event as Event,
    )
    from bkn_awards.model import (
        EventKind as EventKind,
    )
    from bkn_awards.model import (
        Tally as Tally,
    )
    from bkn_awards.reports import (
        Coverage as Coverage,
    )
    from bkn_awards.reports import (
        Manifest as Manifest,
    )
    from bkn_awards.results import (
        Records as Records,
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
