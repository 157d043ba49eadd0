"""The tour notebook runs on a real Jupyter kernel, and shows award tables and a chart."""

from __future__ import annotations

import pathlib

import nbformat
from nbclient import NotebookClient

import bkn_awards

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "docs" / "tour.ipynb"


def test_the_tour_notebook_executes_and_shows_award_tables() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(
        notebook, timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    every = f"[{len(bkn_awards.awards())} awards]"
    award_tables = [h for h in html if "<th>Institution</th>" in h and every in h]
    assert award_tables, "the first query's result should render as an HTML table"
    assert any("Pemerintah Kabupaten Sidoarjo" in h for h in html)
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart should draw"
    texts = "".join(o.get("text", "") for o in outputs)
    assert "('Pemerintah Kabupaten Mojokerto', 'Pemerintah Kota Mojokerto')" in texts
