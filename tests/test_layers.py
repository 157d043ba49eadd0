"""The house stays simple: modules on floors, imports only downward, no cycle, none too long."""

from __future__ import annotations

import ast
import pathlib
import re

import pytest

import bkn_awards
from bkn_awards.model import RECORD_FILES, links

SRC = pathlib.Path(bkn_awards.__file__).parent

# Each module's floor: a module imports only modules on lower floors (imports inside functions
# and under TYPE_CHECKING count too). The architecture page lists the same floors.
FLOORS = {
    "errors": 1,
    "text": 1,
    "rules": 2,
    "reference": 2,
    "entities": 3,
    "model": 4,
    "_decode": 5,
    "consistency": 5,
    "rows": 5,
    "index": 5,
    "reports": 5,
    "citations": 5,
    "results": 6,
    "dataset": 7,
    "loading": 8,
    "formats": 8,
    "cli": 9,
    "__init__": 9,
    "__main__": 10,
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
    assert 15 <= len(GRAPH) <= 19


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
def test_no_module_is_over_300_lines(module: str) -> None:
    lines = (SRC / f"{module}.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 300, f"{module}.py has {lines} lines"


@pytest.mark.parametrize("module", sorted(FLOORS))
def test_no_module_generates_code(module: str) -> None:
    text = (SRC / f"{module}.py").read_text(encoding="utf-8")
    assert not re.search(r"(^|[^.\w])(exec|eval|compile)\(", text, re.M)


def test_only_the_decoder_imports_cattrs() -> None:
    for path in SRC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        uses = any(str(m).split(".")[0] == "cattrs" for m in modules)
        assert uses == (path.stem == "_decode"), path.name


def test_links_point_only_to_files_read_before() -> None:
    order = [name for name, _ in RECORD_FILES]
    for filename, cls in RECORD_FILES:
        for link in links(cls):
            assert order.index(link.file) < order.index(filename), (filename, link)


def test_the_type_checking_block_of_the_face_agrees_with_its_table() -> None:
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.dump(n))
    imported = {
        alias.name: f"{node.module}"
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name  # re-exported for mypy
    }
    assert imported == bkn_awards._HOME
    assert bkn_awards.__all__ == sorted(bkn_awards._HOME)


def test_the_architecture_page_lists_each_module_with_its_floor_and_job() -> None:
    page = (pathlib.Path(__file__).parents[1] / "docs" / "architecture.md").read_text()
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \| (.*) \|$", page, re.M)
    assert [(module, int(floor)) for floor, module, _ in rows] == sorted(
        FLOORS.items(), key=lambda item: item[1]
    )
    for _, module, job in rows:
        docstring = ast.get_docstring(ast.parse((SRC / f"{module}.py").read_text())) or ""
        assert job == docstring.splitlines()[0], module


def test_dir_lists_the_public_face() -> None:
    assert dir(bkn_awards) == sorted([*bkn_awards.__all__, "__version__"])
