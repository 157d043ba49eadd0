"""The version, stated once: the face, the build's metadata and the snapshot agree on it."""

from __future__ import annotations

import importlib.metadata
import re

import bkn_awards
from bkn_awards.version import VERSION


def test_the_face_gives_the_one_version() -> None:
    assert bkn_awards.__version__ == VERSION


def test_the_version_is_a_pep_440_release_or_development_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+|rc\d+)?", VERSION), VERSION


def test_the_installed_metadata_has_the_same_version() -> None:
    assert importlib.metadata.version("bkn-awards") == VERSION
