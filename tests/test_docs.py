"""The examples in the docstrings and the README run, and every public name is documented."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pathlib
import pkgutil

import pytest

import bkn_awards

REPO = pathlib.Path(__file__).resolve().parents[1]
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(bkn_awards.__path__, "bkn_awards.")
    if m.name != "bkn_awards.__main__"
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", ["bkn_awards", *MODULES])
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS)
    assert result.failed == 0


def test_the_readme_examples_run() -> None:
    result = doctest.testfile(str(REPO / "README.md"), module_relative=False, optionflags=FLAGS)
    assert result.attempted >= 5
    assert result.failed == 0


def _public_members(obj: type) -> list[tuple[str, object]]:
    return [
        (name, member)
        for name, member in vars(obj).items()
        if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property))
    ]


@pytest.mark.parametrize("name", bkn_awards.__all__)
def test_every_public_name_has_a_docstring(name: str) -> None:
    obj = getattr(bkn_awards, name)
    assert inspect.getdoc(obj), f"bkn_awards.{name} has no docstring"
    if inspect.isclass(obj):
        for member_name, member in _public_members(obj):
            assert inspect.getdoc(member), f"bkn_awards.{name}.{member_name} has no docstring"


def test_all_is_sorted_and_complete() -> None:
    assert bkn_awards.__all__ == sorted(bkn_awards.__all__)
    assert all(hasattr(bkn_awards, name) for name in bkn_awards.__all__)


def test_importing_reads_no_data_and_loads_no_cattrs() -> None:
    import subprocess
    import sys

    code = (
        "import sys, bkn_awards; "
        "lazy = ('cattrs', 'dateutil', 'importlib_resources'); "
        "print(sorted(m for m in lazy if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"
