"""The house stays simple: modules on floors, imports only downward, no cycle, none too long."""

from __future__ import annotations

import ast
import pathlib
import re

import pytest

import bkn_awards
from bkn_awards.layout import RECORD_FILES, links

SRC = pathlib.Path(bkn_awards.__file__).parent

# Each module's floor: a module imports only modules on lower floors (imports inside functions
# and under TYPE_CHECKING count too). The architecture page lists the same floors.
FLOORS = {
    "errors": 1,
    "lazy": 1,
    "text": 1,
    "version": 1,
    "vocabulary": 1,
    "rules": 2,
    "records": 3,
    "completeness": 4,
    "layout": 4,
    "citations": 5,
    "codec": 5,
    "geography": 5,
    "inventory": 5,
    "rows": 5,
    "consistency": 6,
    "names": 6,
    "tables": 6,
    "loading": 7,
    "query": 7,
    "results": 7,
    "snapshot": 8,
    "dataset": 9,
    "__init__": 11,
    "changes": 10,
    "formats": 10,
    "cli": 11,
    "__main__": 12,
}


def _imports(path: pathlib.Path) -> set[str]:
    """The package modules `path` imports, anywhere in it (``__init__`` for the face)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "bkn_awards":
            names = [f"bkn_awards.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "bkn_awards":
                found.add(parts[1] if len(parts) > 1 and parts[1] in FLOORS else "__init__")
    return found


GRAPH = {path.stem: _imports(path) - {path.stem} for path in sorted(SRC.glob("*.py"))}


def test_every_module_has_a_floor() -> None:
    assert sorted(GRAPH) == sorted(FLOORS)


@pytest.mark.parametrize("module", sorted(FLOORS))
def test_a_module_imports_only_modules_below_it(module: str) -> None:
    upward = {m for m in GRAPH[module] if FLOORS[m] >= FLOORS[module]}
    assert not upward, f"{module} (floor {FLOORS[module]}) imports {sorted(upward)}"


def test_the_import_graph_has_no_cycle() -> None:
    # Depth-first search from every module; a module met again on the current path is a cycle.
    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join([*path, module])
        for imported in GRAPH[module]:
            visit(imported, (*path, module))

    for module in GRAPH:
        visit(module, ())


def test_the_floor_test_would_see_a_cycle(tmp_path: pathlib.Path) -> None:
    # The reader of imports finds imports inside functions and under TYPE_CHECKING.
    module = tmp_path / "x.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from bkn_awards.dataset import Dataset\n"
        "def f():\n    import bkn_awards.cli\n    from bkn_awards import loading, awards\n"
    )
    assert _imports(module) == {"dataset", "cli", "loading", "__init__"}


@pytest.mark.parametrize("module", sorted(FLOORS))
def test_no_module_generates_code(module: str) -> None:
    text = (SRC / f"{module}.py").read_text(encoding="utf-8")
    assert not re.search(r"(^|[^.\w])(exec|eval|compile)\(", text, re.M)


def test_only_the_codec_imports_cattrs() -> None:
    for path in SRC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        uses = any(str(m).split(".")[0] == "cattrs" for m in modules)
        assert uses == (path.stem == "codec"), path.name


def test_links_point_only_to_files_read_before() -> None:
    order = [name for name, _ in RECORD_FILES]
    for filename, cls in RECORD_FILES:
        for link in links(cls):
            assert order.index(link.file) < order.index(filename), (filename, link)


def _re_exported(statements: list[ast.stmt]) -> list[tuple[str, str]]:
    """Each name the `statements` import from a package module as itself, with the module."""
    return [
        (alias.name, str(node.module).removeprefix("bkn_awards."))
        for node in statements
        if isinstance(node, ast.ImportFrom) and str(node.module).startswith("bkn_awards.")
        for alias in node.names
        if alias.asname == alias.name  # re-exported, for type checkers too
    ]


def test_the_face_lists_each_public_name_once_and_exports_just_those() -> None:
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    imported = _re_exported(tree.body)
    # The names made on first use are imported only for type checkers, as they are made.
    (for_type_checkers,) = [
        node.body
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "_typing.TYPE_CHECKING"
    ]
    on_first_use = _re_exported(for_type_checkers)
    assert dict(on_first_use) == bkn_awards._ON_FIRST_USE
    exported = [name for name, _ in [*imported, *on_first_use]]
    assert len(exported) == len(set(exported))
    assert bkn_awards.__all__ == sorted(exported)


def test_every_module_has_its_own_test_file() -> None:
    tests = pathlib.Path(__file__).parents[1]
    missing = [
        m for m in FLOORS if not m.startswith("__") and not (tests / f"test_{m}.py").is_file()
    ]
    assert not missing, f"no tests/test_<module>.py for {missing}"


def test_the_architecture_page_lists_each_module_with_its_floor_and_job() -> None:
    page = (pathlib.Path(__file__).parents[2] / "docs" / "architecture.md").read_text()
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \| (.*) \|$", page, re.M)
    assert [(module, int(floor)) for floor, module, _ in rows] == sorted(
        FLOORS.items(), key=lambda item: item[1]
    )
    for _, module, job in rows:
        docstring = ast.get_docstring(ast.parse((SRC / f"{module}.py").read_text())) or ""
        assert job == docstring.splitlines()[0], module


def test_dir_lists_the_public_face() -> None:
    assert dir(bkn_awards) == sorted([*bkn_awards.__all__, "__version__"])


def test_a_first_query_imports_no_checks_counts_or_comparisons() -> None:
    import subprocess
    import sys

    code = (
        "import sys, bkn_awards; bkn_awards.awards(year=2022); "
        "print(sorted(m for m in sys.modules if m.startswith('bkn_awards.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    for lazy in ("citations", "completeness", "inventory", "changes", "formats"):
        assert f"bkn_awards.{lazy}'" not in out.stdout, lazy
    # Each lazy name of the face still is what its module defines, on first use.
    from bkn_awards import Coverage, Manifest
    from bkn_awards.completeness import Coverage as counted
    from bkn_awards.inventory import Manifest as described

    assert (Coverage, Manifest) == (counted, described)
