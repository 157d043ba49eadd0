"""Synthetic datasets in the library's own data format, for benchmarks and their smoke test.

The shape follows the real data grown to all of Indonesia: a thousand institutions (every
province, regency and city of the region table, as the data must name them, and ministries and
agencies for the rest), ten editions of ten categories each, one to three citations per record,
and one award per (edition, institution, category) at the most.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import random
from typing import Any

from bkn_awards.geography import Region, regions

KINDS = ("ministry", "agency", "province", "regency", "city")
# Each category's words, its name in English and its theme (`bkn_awards.Theme`).
CATEGORIES = (
    ("perencanaan kebutuhan", "Needs planning", "planning"),
    ("penilaian kompetensi", "Competency assessment", "competency"),
    ("penilaian kinerja", "Performance appraisal", "performance"),
    ("manajemen kinerja", "Performance management", "performance"),
    ("pengembangan kompetensi", "Competency development", "competency"),
    ("implementasi nspk", "Applying the civil-service rules", "asn-management"),
    ("data sistem informasi", "Data and information systems", "information-systems"),
    ("pengawasan pengendalian", "Supervision and control", "supervision"),
    ("mutasi kepegawaian", "Staff transfers", "planning"),
    ("pelayanan kepangkatan", "Promotion services", "planning"),
)
CATEGORY_WORDS = tuple(words for words, _, _ in CATEGORIES)
FIRST_YEAR = 2014
# The words of a regional government's aliases: "Kab. Bantul", "Pemkab Bantul".
_ALIAS_WORDS = {
    "province": ("Prov.", "Pemprov"),
    "regency": ("Kab.", "Pemkab"),
    "city": ("Kota", "Pemkot"),
}


# The groups an award of each kind of institution may be in, as in the real data: none, or the
# kind's level or type.
_GROUPS: dict[str, list[str | None]] = {
    "ministry": [None, "ministries"],
    "agency": [None, "agencies"],
    **{
        kind: [None, *(f"{plural}-type-{t}" for t in "abc")]
        for kind, plural in (
            ("province", "provinces"),
            ("regency", "regencies"),
            ("city", "cities"),
        )
    },
}


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
        return [
            {"source": s, "paragraphs": sorted(rng.sample(range(1, 30), 2)), "part": None}
            for s in picked
        ]

    insts = _institutions(institutions, rng)
    cats = [
        {
            "id": f"{year}-k{n}",
            "year": year,
            "name": f"Kategori {words} {year}".title(),
            "name_en": english,
            "theme": theme,
            "number": n + 1,
            "citations": cite(),
        }
        for year in years
        for n, (words, english, theme) in enumerate(CATEGORIES)
    ]
    keys = rng.sample(range(institutions * len(cats)), awards)
    records = []
    # As in the real data: one place of a category, group and kind has one winner (the first
    # five of each are ranked, the rest are named without a rank), and one report gives all of
    # an institution's awards of an edition. Random ranks and citations would make conflicts.
    places: dict[tuple[Any, ...], int] = {}
    reports: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for key in sorted(keys, key=lambda k: (k % len(cats), k)):
        institution, category = insts[key // len(cats)], cats[key % len(cats)]
        group = rng.choice(_GROUPS[institution["kind"]])
        place = (category["id"], group, institution["kind"])
        places[place] = places.get(place, 0) + 1
        rank = places[place] if places[place] <= 5 else None
        cited = reports.setdefault((institution["id"], category["year"]), cite())
        records.append(
            {
                "id": f"{category['year']}-{institution['id']}-{str(category['id'])[5:]}",
                "year": category["year"],
                "institution": institution["id"],
                "category": category["id"],
                "group": group,
                "group_label": group and f"tingkat {group}",
                "placings": [
                    {
                        "rank": rank,
                        "rank_label": "terbaik" if rank is None else f"Juara {rank}",
                        "category": None,
                        "citations": cited,
                    }
                ],
                "event": None,
                "recipient": None,
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
    # As in the real data: some awards keep the ids of an earlier release.
    files["aliases.json"] = [
        {"id": f"old-{a['id']}", "award": a["id"], "merged": False, "since": "0.3.0"}
        | {"reason": "a new id scheme"}
        for a in records[:: max(1, len(records) // 100)]
    ]
    for name, content in files.items():
        (directory / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return directory


def _source(number: int) -> dict[str, Any]:
    return {
        "id": f"source-{number}",
        "title": f"Berita penghargaan nomor {number}",
        "publisher": f"media{number % 40}.example",
        "published": None,
        "published_on": None,
        "url": None,
        "sha256": hashlib.sha256(str(number).encode()).hexdigest(),
        "filename": f"{number:05d}.txt",
        "editor": None,
        "sign_off": None,
    }


def _institutions(count: int, rng: random.Random) -> list[dict[str, Any]]:
    """`count` institutions: three in five are regional governments while the regions last.

    A regional government carries its region's code, official name and ISO code, as the loader
    requires; the regions are drawn in an order of `rng`.
    """
    places = list(regions())
    rng.shuffle(places)
    made = []
    for number in range(count):
        if number % len(KINDS) >= 2 and places:
            made.append(_government(places.pop()))
        else:
            made.append(_national(number))
    return made


def _government(region: Region) -> dict[str, Any]:
    short, pem = _ALIAS_WORDS[region.kind.value]
    return {
        "id": region.institution_id,
        "name": region.official_name,
        "kind": region.kind.value,
        "region_code": region.code,
        "iso_3166_2": region.iso_3166_2,
        "aliases": [f"{short} {region.name}", f"{pem} {region.name}"],
    }


def _national(number: int) -> dict[str, Any]:
    kind = KINDS[number % 2]
    prefix = "Kementerian" if kind == "ministry" else "Badan"
    place = f"Tempat{number}"
    return {
        "id": f"i{number}",
        "name": f"{prefix} {place}",
        "kind": kind,
        "region_code": None,
        "iso_3166_2": None,
        "aliases": [f"{prefix[:3]}. {place}", f"Pem{prefix[:3].lower()} {place}"],
    }
