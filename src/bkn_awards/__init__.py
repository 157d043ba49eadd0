"""The BKN Award, Indonesia's civil-service management award, as a typed and citable dataset.

Example:
    >>> import bkn_awards
    >>> [a.institution.name for a in bkn_awards.awards(year=2020, rank=1, province="Jatim")]
    ['Pemerintah Kota Malang', 'Pemerintah Kabupaten Tulungagung', 'Pemerintah Kabupaten Sidoarjo']
"""

import typing as _typing
from types import ModuleType as _ModuleType

# The public face, listed once: each name re-exported from the module it lives in.
from bkn_awards.consistency import Claim as Claim, Conflict as Conflict
from bkn_awards.dataset import (
    Dataset as Dataset,
    FormerIdWarning as FormerIdWarning,
    aliases as aliases,
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
    regions as regions,
    search_institutions as search_institutions,
    sources as sources,
    tallies as tallies,
    verify_citations as verify_citations,
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
    UnknownRegionError as UnknownRegionError,
)
from bkn_awards.geography import Region as Region, region as region
from bkn_awards.names import Match as Match
from bkn_awards.query import AwardQuery as AwardQuery
from bkn_awards.records import (
    Alias as Alias,
    Award as Award,
    Category as Category,
    Citation as Citation,
    Edition as Edition,
    Event as Event,
    Institution as Institution,
    Official as Official,
    Placing as Placing,
    Source as Source,
    Tally as Tally,
)
from bkn_awards.results import Records as Records
from bkn_awards.text import parse_indonesian_datetime as parse_indonesian_datetime
from bkn_awards.version import VERSION as _VERSION
from bkn_awards.vocabulary import (
    EventKind as EventKind,
    Group as Group,
    InstitutionKind as InstitutionKind,
    Theme as Theme,
)

# Names made on first use, each with the module it lives in: the checks, counts and comparisons
# few sessions ask for, whose modules would cost every start more than their users gain. The
# rest of the face is imported above.
_ON_FIRST_USE = {
    "CitationProblem": "citations",
    "CitationReport": "citations",
    "Coverage": "completeness",
    "DataDiff": "changes",
    "EditionTotals": "completeness",
    "Manifest": "inventory",
    "FieldChange": "changes",
    "RecordChange": "changes",
    "diff": "changes",
}

# The same names for type checkers, which do not run __getattr__ (tests/suites/test_layers.py
# holds the two lists to each other).
if _typing.TYPE_CHECKING:
    from bkn_awards.changes import (
        DataDiff as DataDiff,
        FieldChange as FieldChange,
        RecordChange as RecordChange,
        diff as diff,
    )
    from bkn_awards.citations import (
        CitationProblem as CitationProblem,
        CitationReport as CitationReport,
    )
    from bkn_awards.completeness import Coverage as Coverage, EditionTotals as EditionTotals
    from bkn_awards.inventory import Manifest as Manifest

#: The version of bkn-awards.
__version__ = _VERSION

__all__ = sorted(
    [
        *(
            name
            for name, value in globals().items()
            if not name.startswith("_") and not isinstance(value, _ModuleType)
        ),
        *_ON_FIRST_USE,
    ]
)


def __dir__() -> list[str]:
    return [*__all__, "__version__"]


if not _typing.TYPE_CHECKING:  # type checkers see the imports above, and no name made up

    def __getattr__(name: str) -> object:
        """Import a name of the face made on first use; it is kept after that (PEP 562)."""
        if name not in _ON_FIRST_USE:
            raise AttributeError(f"module 'bkn_awards' has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(f"bkn_awards.{_ON_FIRST_USE[name]}"), name)
        globals()[name] = value
        return value
