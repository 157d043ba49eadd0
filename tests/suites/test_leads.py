"""Every row of the leads table is in the data or listed as left out (skipped without it)."""

from __future__ import annotations

import csv
import pathlib
import re
from typing import Any

import pytest

import bkn_awards
from conftest import ABSENT

REPO = pathlib.Path(__file__).resolve().parents[2]
LEADS = REPO.parent / "shared" / "sources" / "reports" / "leads.tsv"
ABOUT = REPO / "docs" / "about-data.md"

pytestmark = pytest.mark.skipif(not LEADS.is_file(), reason=ABSENT)


def _leads() -> dict[int, dict[str, str]]:
    with LEADS.open(encoding="utf-8", newline="") as file:
        return dict(enumerate(csv.DictReader(file, delimiter="\t"), start=2))


def _left_out() -> dict[int, str]:
    """The rows docs/about-data.md lists as left out, with the institution it names."""
    section = ABOUT.read_text(encoding="utf-8").split("## Leads left out", 1)[1].split("\n## ")[0]
    rows = re.findall(r"^\| (\d+) \| ([^|]+?) \| ([^|]+?) \|$", section, re.M)
    assert all(reason.strip() for _, _, reason in rows), "a row left out needs its reason"
    return {int(n): name for n, name, _ in rows}


def _cites(record: Any, url: str) -> bool:
    return any(c.source.url == url for c in record.citations)


def test_every_lead_is_in_the_data_or_left_out_with_a_reason() -> None:
    leads, left_out = _leads(), _left_out()
    data = bkn_awards.load().records_by_file()
    missing = []
    for line, row in leads.items():
        if line in left_out:
            continue
        year = int(row["edition_year"])
        if row["institution"] == "(edition)":
            found = [
                record
                for name in ("editions", "events", "tallies", "categories")
                for record in data[name]
                if record.year == year and _cites(record, row["url"])
            ]
        else:  # the name as the report writes it, resolved as a user's would be
            named = bkn_awards.institution(row["institution"])
            awards = bkn_awards.awards(year=year, institution=named)
            found = [a for a in awards if _cites(a, row["url"])]
        if not found:
            missing.append(f"line {line}: {row['institution']} {year} citing {row['url']}")
    assert not missing, "\n".join(missing)


def test_rows_left_out_are_real_rows_named_as_the_table_names_them() -> None:
    leads, left_out = _leads(), _left_out()
    assert left_out, "docs/about-data.md lists no rows left out"
    for line, name in left_out.items():
        assert line in leads, f"line {line} is not a row of the leads table"
        written = leads[line]["institution"]
        assert bkn_awards.institution(written) == bkn_awards.institution(name), line


def test_the_acceptance_figures_hold() -> None:
    awards = bkn_awards.awards()
    provinces = {a.institution.region_code[:2] for a in awards if a.institution.region_code}
    assert len(awards) >= 100
    assert len(provinces) >= 20
    assert len({a.year for a in awards}) >= 7
    assert sum(s.url is not None for s in bkn_awards.sources()) >= 35
    assert len(bkn_awards.conflicts()) >= 5
    assert all(a.citations for a in awards)
