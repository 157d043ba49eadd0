"""The module-level query functions: the methods of the bundled dataset, as plain functions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from bkn_awards.dataset import Dataset
from bkn_awards.loading import BUNDLED

__all__ = [
    "award",
    "awards",
    "categories",
    "conflicts",
    "coverage",
    "editions",
    "events",
    "institution",
    "institutions",
    "manifest",
    "officials",
    "sources",
    "tallies",
    "verify_citations",
]

P = ParamSpec("P")
R = TypeVar("R")


def _on_bundled(method: Callable[Concatenate[Dataset, P], R]) -> Callable[P, R]:
    # A plain function rather than the bound method itself, so that documentation tools show
    # its signature (without `self`) and its docstring as a function's.
    bound = getattr(BUNDLED, method.__name__)

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        result: R = bound(*args, **kwargs)
        return result

    # Signatures are read through __wrapped__: the bound method's has no `self`.
    call.__wrapped__ = bound
    call.__module__ = "bkn_awards"
    call.__qualname__ = method.__name__
    return call


award = _on_bundled(Dataset.award)
awards = _on_bundled(Dataset.awards)
institution = _on_bundled(Dataset.institution)
institutions = _on_bundled(Dataset.institutions)
categories = _on_bundled(Dataset.categories)
sources = _on_bundled(Dataset.sources)
officials = _on_bundled(Dataset.officials)
events = _on_bundled(Dataset.events)
tallies = _on_bundled(Dataset.tallies)
editions = _on_bundled(Dataset.editions)
conflicts = _on_bundled(Dataset.conflicts)
coverage = _on_bundled(Dataset.coverage)
verify_citations = _on_bundled(Dataset.verify_citations)
manifest = _on_bundled(Dataset.manifest)
