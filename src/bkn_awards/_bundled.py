"""The module-level query functions: the methods of the bundled dataset."""

from __future__ import annotations

from bkn_awards.loading import BUNDLED

__all__ = [
    "awards",
    "categories",
    "conflicts",
    "coverage",
    "editions",
    "events",
    "institution",
    "institutions",
    "officials",
    "sources",
    "tallies",
    "verify_citations",
]

awards = BUNDLED.awards
institution = BUNDLED.institution
institutions = BUNDLED.institutions
categories = BUNDLED.categories
sources = BUNDLED.sources
officials = BUNDLED.officials
events = BUNDLED.events
tallies = BUNDLED.tallies
editions = BUNDLED.editions
conflicts = BUNDLED.conflicts
coverage = BUNDLED.coverage
verify_citations = BUNDLED.verify_citations
