"""Nothing a user holds can be changed: records, their collections, results and the dataset."""

from __future__ import annotations

import attrs
import pytest

import bkn_awards


def test_records_and_collections_cannot_be_changed() -> None:
    award = bkn_awards.awards()[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        award.placings = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        award.placings[0].rank = 1  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        award.rank = 1  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        award.institution.aliases = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        award.extra = 1  # type: ignore[attr-defined]
    assert isinstance(award.citations, tuple)
    assert isinstance(award.placings, tuple)
    assert isinstance(award.placings[0].citations, tuple)
    assert isinstance(award.institution.aliases, tuple)
    assert isinstance(bkn_awards.awards(), tuple)
    assert isinstance(bkn_awards.events()[0].presenters, tuple)
    with pytest.raises(TypeError):
        bkn_awards.awards()[0] = award  # type: ignore[index]
    data = bkn_awards.load()
    with pytest.raises(AttributeError):
        data.extra = 1  # type: ignore[attr-defined]
