"""Check that every web source of the bundled data comes from a lead or a checked research row.

Run from the repository root, with the project installed and ``../shared`` beside the checkout:
``python data-raw/check_provenance.py``. It prints each web source that neither the leads table
(``../shared/sources/reports/leads.tsv``) nor a ``checked-*.tsv`` file under ``data-raw/`` names,
and exits 1 if there is one. It is a check of the research trail, not of the package: the tests
do not run it.
"""

import csv
import pathlib
import sys

import bkn_awards

HERE = pathlib.Path(__file__).resolve().parent
LEADS = HERE.parents[1] / "shared" / "sources" / "reports" / "leads.tsv"


def main() -> int:
    """Print the web sources without a lead or a checked row; 1 if there is one, else 0."""
    with LEADS.open(encoding="utf-8", newline="") as leads:
        urls = {row["url"] for row in csv.DictReader(leads, delimiter="\t")}
    checked = "\n".join(p.read_text(encoding="utf-8") for p in HERE.glob("*/checked-*.tsv"))
    missing = [
        source.id
        for source in bkn_awards.sources()
        if source.url is not None
        and source.sha256 is None
        and source.url not in urls
        and source.url not in checked
    ]
    for source_id in missing:
        print(f"{source_id}: its address is in no lead and no checked research row")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
