"""Give the bundled records the short ids of the 0.3 scheme, and keep every 0.2.0 award id.

Run once, from the repository's root, on the data files of src/bkn_awards/data:

    python data-raw/2026-12-06/short_ids.py

The scheme (docs/data-dictionary.md, "Ids"): a category is its edition and a short key
(``2020-kompetensi``); a regional government has the id the region table gives it
(`Region.institution_id`: ``pemprov-jateng``, ``kab-sidoarjo``); an award is its edition, its institution's id and its category's key
(``2020-kab-sidoarjo-kompetensi``), or its edition and institution where no report names its
category. Each award id of release 0.2.0 that names no award now is written to aliases.json,
with the award it names now; the old id of a province's government becomes one of its aliases.
It prints the map of old ids to new, which the tests and docs were rewritten with.
"""

from __future__ import annotations

import json
import pathlib
import sys

DATA = pathlib.Path("src/bkn_awards/data")
RELEASED = pathlib.Path("tests/releases/awards-0.2.0.json")

CATEGORY_KEYS = {
    "2018-pengelolaan-kepegawaian-terbaik": "kepegawaian",
    "2019-peningkatan-kinerja": "kinerja",
    "2020-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-pensiun": "perencanaan",
    "2020-penilaian-kompetensi": "kompetensi",
    "2020-penilaian-kinerja": "kinerja",
    "2020-komitmen-pengawasan-pengendalian": "pengawasan",
    "2020-implementasi-sapk-dan-pemanfaatan-cat": "sapk-cat",
    "2021-implementasi-sapk-dan-pemanfaatan-cat": "sapk-cat",
    "2021-komitmen-pengawasan-dan-pengendalian": "pengawasan",
    "2021-penilaian-kompetensi": "kompetensi",
    "2021-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-dan-pensiun": "perencanaan",
    "2021-implementasi-penilaian-kinerja": "kinerja",
    "2022-implementasi-manajemen-asn": "manajemen-asn",
    "2022-implementasi-penerapan-manajemen-kinerja": "kinerja",
    "2022-perencanaan-kebutuhan-mutasi-kepegawaian": "perencanaan",
    "2022-penilaian-kompetensi": "kompetensi",
    "2022-penerapan-pemanfaatan-data-sistem-informasi-dan-cat": "data-cat",
    "2022-special-mention-pilot-project-siasn": "siasn",
    "2022-special-mention-komitmen-peningkatan-pelayanan-kepegawaian-bkn": "pelayanan",
    "2023-implementasi-nspk-manajemen-asn": "nspk",
    "2023-pengembangan-kompetensi": "kompetensi",
    "2023-penerapan-pemanfaatan-data-sistem-informasi-cat": "data-cat",
    "2023-implementasi-penerapan-manajemen-kinerja": "kinerja",
    "2023-perencanaan-kebutuhan-mutasi-kepegawaian": "perencanaan",
    "2023-special-mention-komitmen-peningkatan-pelayanan-kepegawaian": "pelayanan",
}

# The 0.2.0 awards that are readings of another now (docs/data-changes.md), by their 0.2.0 ids.
PROVINCES: dict[str, str] = {}  # each government's 0.2 id and its id of the region table

MERGED = {
    "2020-kota-kediri-komitmen-pengawasan-pengendalian": "2020-kota-kediri-penilaian-kinerja",
    "2021-pemprov-kalimantan-tengah-implementasi-sapk-dan-pemanfaatan-cat": (
        "2021-pemprov-kalimantan-tengah-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-dan-"
        "pensiun"
    ),
    "2021-pemprov-kalimantan-utara-implementasi-sapk-dan-pemanfaatan-cat": (
        "2021-pemprov-kalimantan-utara-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-dan-"
        "pensiun"
    ),
    "2022-pemprov-jawa-tengah-implementasi-penerapan-manajemen-kinerja-okezone": (
        "2022-pemprov-jawa-tengah-implementasi-penerapan-manajemen-kinerja"
    ),
}


def read(name: str) -> list[dict[str, object]]:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def write(name: str, records: list[dict[str, object]]) -> None:
    text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    (DATA / f"{name}.json").write_text(text, encoding="utf-8")


def main() -> None:
    from bkn_awards import region  # the region table gives each government's id (its scheme)

    categories = {old: f"{old[:4]}-{key}" for old, key in CATEGORY_KEYS.items()}
    institutions = read("institutions")
    PROVINCES.update(
        {i["id"]: region(i["region_code"]).institution_id for i in institutions if i["region_code"]}
    )
    renamed: dict[str, str] = {**categories, **PROVINCES}
    for institution in institutions:
        old = institution["id"]
        if old in PROVINCES and PROVINCES[old] != old:
            institution["id"] = PROVINCES[old]
            institution["aliases"] = [*institution["aliases"], old]  # the 0.2 id still finds it
    for record in (c := read("categories")):
        record["id"] = categories[record["id"]]
    awards = read("awards")
    for award in awards:
        award["institution"] = PROVINCES.get(award["institution"], award["institution"])
        if award["category"] is not None:
            award["category"] = categories[award["category"]]
        for placing in award["placings"]:
            if placing["category"] is not None:
                placing["category"] = categories[placing["category"]]
        category = award["category"] or next(
            (p["category"] for p in award["placings"] if p["category"]), None
        )
        new = f"{award['year']}-{award['institution']}"
        if category is not None:
            new += "-" + category.removeprefix(f"{award['year']}-")
        renamed[award["id"]] = new
        award["id"] = new
    ids = [a["id"] for a in awards]
    assert len(set(ids)) == len(ids), "two awards would share an id"
    assert max(map(len, ids)) <= 40, max(ids, key=len)
    for name in ("officials", "tallies"):
        records = read(name)
        for record in records:
            if record.get("institution") in PROVINCES:
                record["institution"] = PROVINCES[record["institution"]]
        write(name, records)
    released = [a["id"] for a in json.loads(RELEASED.read_text(encoding="utf-8"))]
    aliases = []
    for old in released:
        successor = renamed.get(MERGED.get(old, old))
        if successor is None:
            sys.exit(f"no successor for the 0.2.0 award {old}")
        if successor != old:
            why = "one award reported two ways" if old in MERGED else "the short id scheme"
            alias = {"id": old, "award": successor, "merged": old in MERGED}
            aliases.append({**alias, "since": "0.3.0", "reason": why})
    write("institutions", institutions)
    write("categories", c)
    write("awards", awards)
    write("aliases", aliases)
    print(json.dumps({o: n for o, n in renamed.items() if o != n}, indent=1))


if __name__ == "__main__":
    main()
