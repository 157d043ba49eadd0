"""Synthetic datasets in the library's own data format, for benchmarks and their smoke test.

The shape follows the real data grown to all of Indonesia: a thousand institutions (ministries,
agencies, provinces, regencies and cities), ten editions of ten categories each, one to three
citations per record, and one award per (edition, institution, category) at the most.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import random
from typing import Any

KINDS = ("ministry", "agency", "province", "regency", "city")
CATEGORY_WORDS = (
    "perencanaan kebutuhan",
    "penilaian kompetensi",
    "penilaian kinerja",
    "manajemen kinerja",
    "pengembangan kompetensi",
    "implementasi nspk",
    "data sistem informasi",
    "pengawasan pengendalian",
    "mutasi kepegawaian",
    "pelayanan kepangkatan",
)
FIRST_YEAR = 2014


def write_dataset(
    directory: pathlib.Path,
    awards: int,
    *,
    institutions: int = 1000,
    editions: int = 10,
    seed: int = 0,
) -> pathlib.Path:
    """Write a data directory with `awards` award records; return the directory."""
    if awards > institutions * editions * len(CATEGORY_WORDS):
        raise ValueError("more awards than (edition, institution, category) combinations")
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    years = list(range(FIRST_YEAR, FIRST_YEAR + editions))
    sources = [_source(i) for i in range(max(10, awards // 500))]
    source_ids = [s["id"] for s in sources]

    def cite() -> list[dict[str, Any]]:
        picked = rng.sample(source_ids, rng.randint(1, 3))
        return [{"source": s, "paragraphs": sorted(rng.sample(range(1, 30), 2))} for s in picked]

    insts = [_institution(i, rng) for i in range(institutions)]
    cats = [
        {
            "id": f"{year}-k{n}",
            "year": year,
            "name": f"Kategori {words} {year}".title(),
            "number": n + 1,
            "citations": cite(),
        }
        for year in years
        for n, words in enumerate(CATEGORY_WORDS)
    ]
    keys = rng.sample(range(institutions * len(cats)), awards)
    records = []
    for key in sorted(keys, key=lambda k: (k % len(cats), k)):
        institution, category = insts[key // len(cats)], cats[key % len(cats)]
        rank = rng.choice([1, 2, 3, 4, 5, None])
        records.append(
            {
                "id": f"{category['id']}-{institution['id']}",
                "year": category["year"],
                "institution": institution["id"],
                "category": category["id"],
                "rank": rank,
                "rank_label": "terbaik" if rank is None else f"Juara {rank}",
                "group": rng.choice([None, "tingkat Kabupaten", "tingkat Kota"]),
                "event": None,
                "recipient": None,
                "citations": cite(),
            }
        )
    files = {
        "sources.json": sources,
        "institutions.json": insts,
        "officials.json": [],
        "editions.json": [
            {"id": str(y), "year": y, "number": None, "category_count": 10, "citations": cite()}
            for y in years
        ],
        "categories.json": cats,
        "events.json": [],
        "awards.json": records,
        "tallies.json": [
            {
                "id": f"{y}-all",
                "year": y,
                "count": awards // editions,
                "institution": None,
                "region_code": "35",
                "kinds": list(KINDS),
                "recipients": None,
                "highest_in_country": False,
                "description": "Every award of the edition.",
                "citations": cite(),
            }
            for y in years
        ],
    }
    for name, content in files.items():
        (directory / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return directory


def _source(number: int) -> dict[str, Any]:
    return {
        "id": f"source-{number}",
        "title": f"Berita penghargaan nomor {number}",
        "publisher": f"media{number % 40}.example",
        "published": None,
        "url": None,
        "sha256": hashlib.sha256(str(number).encode()).hexdigest(),
        "filename": f"{number:05d}.txt",
        "editor": None,
        "sign_off": None,
    }


def _institution(number: int, rng: random.Random) -> dict[str, Any]:
    kind = KINDS[number % len(KINDS)]
    prefix = {"ministry": "Kementerian", "agency": "Badan", "province": "Provinsi"}.get(
        kind, "Kabupaten" if kind == "regency" else "Kota"
    )
    place = f"Tempat{number}"
    code = None if kind in ("ministry", "agency") else f"{10 + number % 80}.{number % 100:02d}"
    return {
        "id": f"i{number}",
        "name": f"Pemerintah {prefix} {place}",
        "kind": kind,
        "region_code": code if kind != "province" else f"{10 + number % 80}",
        "aliases": [f"{prefix[:3]}. {place}", f"Pem{prefix[:3].lower()} {place}"],
    }
