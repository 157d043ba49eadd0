"""Sphinx configuration for the bkn-awards documentation."""

from __future__ import annotations

import pathlib
import sys
import tempfile
import zlib
from typing import Any

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

import bkn_awards  # noqa: E402

project = "bkn-awards"
author = "bkn-awards maintainers"
copyright = "2026, bkn-awards maintainers"
release = bkn_awards.__version__
version = release

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "bkn_docs",
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
# The tour notebook is run at every build, and a cell that raises fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
exclude_patterns = ["_build"]
templates_path = ["_templates"]
autosummary_generate = True
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"bkn-awards {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# The API pages name the public face (bkn_awards.Award), not the module a name lives in.
add_module_names = False
python_use_unqualified_type_names = True
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

nitpicky = True
nitpick_ignore = [
    # Type variables and aliases of the implementation, not things a reader can look up.
    ("py:class", "bkn_awards.consistency.Value"),
    ("py:class", "bkn_awards.consistency.Reported"),
    ("py:obj", "bkn_awards.results.T"),
    ("py:class", "bkn_awards.results.T"),
    ("py:obj", "bkn_awards.rows.T"),
    ("py:class", "Format"),  # the Literal alias of export()'s formats
    ("py:class", "Traversable"),  # importlib.resources.abc.Traversable: not in the inventory
    ("py:class", "bkn_awards.geography.D"),  # the type of region()'s default
]

# The build runs without network access, so the inventories of Python, attrs and cattrs are
# kept in the repository as text (docs/inventories/*.txt, one "name domain:role priority uri
# display" line each, as `python -m sphinx.ext.intersphinx` prints them) and compiled here.
_inventory_dir = pathlib.Path(tempfile.mkdtemp(prefix="bkn-awards-inv-"))


def _inventory(name: str, project_name: str) -> str:
    lines = (HERE / "inventories" / f"{name}.txt").read_text(encoding="utf-8")
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project_name}\n# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    path = _inventory_dir / f"{name}.inv"
    path.write_bytes(header.encode() + zlib.compress(lines.encode()))
    return str(path)


intersphinx_mapping = {
    "python": ("https://docs.python.org/3", _inventory("python", "Python")),
    "attrs": ("https://www.attrs.org/en/stable", _inventory("attrs", "attrs")),
    "cattrs": ("https://catt.rs/en/stable", _inventory("cattrs", "cattrs")),
    "pandas": ("https://pandas.pydata.org/docs", _inventory("pandas", "pandas")),
}


def _public_bases(_app: object, _name: str, _obj: object, _opts: object, bases: list[type]) -> None:
    """Show only the bases a reader can look up: the library's private mixins are left out."""
    bases[:] = [
        base
        for base in bases
        if not base.__module__.startswith("bkn_awards") or base.__name__ in bkn_awards.__all__
    ]


def setup(app: Any) -> None:
    """Connect the handlers above."""
    app.connect("autodoc-process-bases", _public_bases)
