"""The module-level query functions: the `Dataset` methods, on the bundled data."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from bkn_awards.dataset import Dataset

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

P = ParamSpec("P")
R = TypeVar("R")


def _on_bundled(method: Callable[Concatenate[Dataset, P], R]) -> Callable[P, R]:
    """Turn a `Dataset` method into a function that calls it on the bundled dataset."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        # Imported on first call: loading pulls in cattrs, which `import bkn_awards` should not.
        from bkn_awards.loading import bundled

        return method(bundled(), *args, **kwargs)

    signature = inspect.signature(method)
    call.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=list(signature.parameters.values())[1:]
    )
    call.__module__ = "bkn_awards"
    return call


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
