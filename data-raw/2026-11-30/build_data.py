"""One-off migration of 2026-11-30: the 0.1 data files plus the checked leads become the 0.2 data.

Run from the repository root (``python data-raw/2026-11-30/build_data.py``): it reads the data
files of release 0.1 from git and writes the data files anew; the files it wrote are the data
from then on, edited by hand. Kept to show how every record came
from its row: `leads.tsv` line numbers and research row ids are in the ``ROWS`` map it prints.
"""

import csv
import json
import pathlib
import re
import subprocess
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "src/bkn_awards/data"
HERE = ROOT / "data-raw/2026-11-30"
SHARED = ROOT.parent / "shared"

with open(DATA / "regions.csv", encoding="utf-8") as regions_file:
    REGIONS = {r["code"]: r for r in csv.DictReader(regions_file)}
KIND_WORD = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
KIND = {"provinsi": "province", "kabupaten": "regency", "kota": "city"}
PREFIX = {"province": "pemprov", "regency": "kab", "city": "kota"}


def slug(text, words=None):
    found = [w for w in re.split(r"[^0-9a-z]+", text.lower()) if w]
    return "-".join(found[:words] if words else found)


def read(name):
    """A data file as release 0.1 shipped it (the commit before this migration)."""
    shown = subprocess.run(
        ["git", "show", f"26cf8b1:src/bkn_awards/data/{name}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(shown.stdout)


def tsv(path):
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


# --- the rows ------------------------------------------------------------------------------

rows = {}
for name in ("normalized-2016-2021.tsv", "normalized-2022-2023.tsv"):
    for row in tsv(HERE / name):
        row["id"] = f"leads:{row['line']}"
        rows[row["id"]] = row
for path in sorted(HERE.glob("checked-*.tsv")):
    for row in tsv(path):
        if row["verified"] == "yes":
            rows[row["id"]] = row
leads = {f"leads:{n}": row for n, row in enumerate(tsv(SHARED / "sources/reports/leads.tsv"), 2)}
titles = {row["url"]: row for row in tsv(HERE / "titles.tsv")}

# --- sources -------------------------------------------------------------------------------

sources = read("sources.json")
SEED_URLS = {
    "surabayapagi-2022-pemkab-mojokerto": (
        "https://surabayapagi.com/read/pemkab-mojokerto-sabet-penghargaan-implementasi-manajemen-asn-terbaik-di-ajang-bkn-award-tahun-2022",
        None,
        None,
    ),
    "bangsaonline-2022-pemkab-mojokerto": (
        "https://bangsaonline.com/berita/107708/bupati-mojokerto-terima-penghargaan-di-bkn-award-2022",
        None,
        None,
    ),
    "unattributed-2022-pemkot-mojokerto": (
        "https://jatim.antaranews.com/berita/627989/pemkot-mojokerto-terima-tiga-penghargaan-pada-bkn-award-2022",
        None,
        None,
    ),
    "wartatransparansi-2020-pemprov-jatim": (
        "https://wartatransparansi.com/2021/04/02/pemprov-jatim-terima-penghargaan-bkn-award-2020-untuk-dua-kategori.html",
        None,
        "2021-04-02",
    ),
    "unattributed-2023-pemprov-jatim": (
        "https://news.okezone.com/read/2023/06/09/340/2828162/gubernur-khofifah-harapkan-kompetensi-asn-meningkat-saat-terima-penghargaan-bkn-award-2023",
        None,
        "2023-06-09",
    ),
}
by_url = {}
new_sources = []
for source in sources:
    url, publisher, day = SEED_URLS[source["id"]]
    published = source.pop("published")
    rebuilt = {}
    for key, value in source.items():
        rebuilt[key] = value
        if key == "publisher":
            rebuilt["publisher"] = value or publisher
            rebuilt["published"] = published
            rebuilt["published_on"] = published[:10] if published else day
        if key == "url":
            rebuilt["url"] = url
    new_sources.append(rebuilt)
    by_url[url] = rebuilt["id"]

ids = {s["id"] for s in new_sources}


def source_of(row):
    url = row["url"]
    if by_url.get(url):
        return by_url[url]
    host = re.sub(r"^(www|m|amp)\.", "", url.split("/")[2])
    parts = host.split(".")
    label = parts[-3] if parts[-2] in ("co", "go", "or", "ac") and len(parts) > 2 else parts[-2]
    if label in ("antaranews", "tribunnews", "jawapos", "suara", "idntimes") and len(parts) > 2:
        label = f"{label}-{parts[0]}" if parts[0] not in ("m", "www") else label
    path = [p for p in url.split("/")[3:] if re.search(r"[a-z]{3}", p.lower())]
    words = slug(path[-1], 5) if path else slug(url.split("/")[-1]) or "home"
    base = f"{label}-{words}"[:70].rstrip("-")
    sid, n = base, 2
    while sid in ids:
        sid, n = f"{base}-{n}", n + 1
    ids.add(sid)
    seen = titles.get(url, {})
    lead = next((found for found in leads.values() if found["url"] == url), {})
    day = seen.get("published") or row.get("published") or lead.get("published") or None
    new_sources.append(
        {
            "id": sid,
            "title": seen.get("title") or row.get("title") or None,
            "publisher": seen.get("outlet") or row.get("outlet") or lead.get("outlet") or None,
            "published": None,
            "published_on": day,
            "url": url,
            "sha256": None,
            "filename": None,
            "editor": None,
            "sign_off": None,
        }
    )
    by_url[url] = sid
    return sid


def cite(row, part=None):
    return {"source": source_of(row), "paragraphs": [], "part": part}


# --- institutions --------------------------------------------------------------------------

institutions = read("institutions.json")
for inst in institutions:
    aliases = inst.pop("aliases")
    inst["iso_3166_2"] = (
        REGIONS[inst["region_code"]]["iso_3166_2"] or None if inst["region_code"] else None
    )
    inst["aliases"] = aliases
by_code = {i["region_code"]: i["id"] for i in institutions if i["region_code"]}
CENTRAL = {
    "Badan Pemeriksa Keuangan": ("bpk", "agency", ["BPK", "BPK RI"]),
    "Kementerian Perhubungan": ("kemenhub", "ministry", ["Kemenhub"]),
    "Kementerian Energi dan Sumber Daya Mineral": (
        "kemen-esdm",
        "ministry",
        ["Kementerian ESDM", "KESDM"],
    ),
    "Kementerian Kesehatan": ("kemenkes", "ministry", ["Kemenkes"]),
    "Kementerian Pekerjaan Umum dan Perumahan Rakyat": (
        "kemen-pupr",
        "ministry",
        ["Kementerian PUPR", "KemenPUPR"],
    ),
}


def institution_of(row):
    code = row["region_code"]
    if not code:
        iid, kind, aliases = CENTRAL[row["institution_name"]]
        if iid not in {i["id"] for i in institutions}:
            institutions.append(
                {
                    "id": iid,
                    "name": row["institution_name"],
                    "kind": kind,
                    "region_code": None,
                    "iso_3166_2": None,
                    "aliases": aliases,
                }
            )
        return iid
    if code in by_code:
        return by_code[code]
    region = REGIONS[code]
    kind = KIND[region["kind"]]
    name = f"Pemerintah {KIND_WORD[region['kind']]} {region['name']}"
    assert row["institution_name"] == name, (row["id"], row["institution_name"], name)
    iid = f"{PREFIX[kind]}-{slug(region['name'])}"
    institutions.append(
        {
            "id": iid,
            "name": name,
            "kind": kind,
            "region_code": code,
            "iso_3166_2": region["iso_3166_2"] or None,
            "aliases": [],
        }
    )
    by_code[code] = iid
    return iid


# --- categories ----------------------------------------------------------------------------

categories = read("categories.json")
EN = {
    "2020-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-pensiun": (
        "planning",
        "Staffing needs planning, recruitment, promotion and pension services",
    ),
    "2020-penilaian-kompetensi": ("competency", "Competency assessment"),
    "2020-penilaian-kinerja": ("performance", "Performance appraisal"),
    "2020-komitmen-pengawasan-pengendalian": (
        "supervision",
        "Commitment to supervision and control",
    ),
    "2022-implementasi-manajemen-asn": (
        "asn-management",
        "Best implementation of civil-service management",
    ),
    "2022-implementasi-penerapan-manajemen-kinerja": (
        "performance",
        "Implementation of performance management",
    ),
    "2022-perencanaan-kebutuhan-mutasi-kepegawaian": (
        "planning",
        "Staffing needs planning and staff transfers",
    ),
    "2022-penilaian-kompetensi": ("competency", "Competency assessment"),
    "2023-implementasi-nspk-manajemen-asn": (
        "asn-management",
        "Implementation of the civil-service management norms and standards (NSPK)",
    ),
    "2023-pengembangan-kompetensi": ("competency", "Competency development"),
    "2023-penerapan-pemanfaatan-data-sistem-informasi-cat": (
        "information-systems",
        "Use of staff data, information systems and computer-assisted tests",
    ),
    "2023-implementasi-penerapan-manajemen-kinerja": (
        "performance",
        "Implementation of performance management",
    ),
    "2023-perencanaan-kebutuhan-mutasi-kepegawaian": (
        "planning",
        "Staffing needs planning and staff transfers",
    ),
}
for cat in categories:
    theme, en = EN[cat["id"]]
    rebuilt = {}
    for key, value in cat.items():
        rebuilt[key] = value
        if key == "name":
            rebuilt["name_en"] = en
            rebuilt["theme"] = theme
    cat.clear()
    cat.update(rebuilt)
# New categories: (year, theme) -> (name as reported, English, number where reported).
NEW_CATEGORIES = {
    (2016, "asn-management"): (
        "pengelola manajemen kepegawaian terbaik",
        "Best manager of civil-service staffing",
        None,
    ),
    (2018, "asn-management"): ("Pengelolaan Kepegawaian Terbaik", "Best staff management", None),
    (2019, "performance"): ("Peningkatan Kinerja", "Performance improvement", None),
    (2020, "information-systems"): (
        "Implementasi SAPK dan Pemanfaatan CAT",
        "Use of the staff information system (SAPK) and computer-assisted tests",
        2,
    ),
    (2021, "planning"): (
        "Perencanaan Kebutuhan, Pelayanan Pengadaan, Kepangkatan dan Pensiun",
        "Staffing needs planning, recruitment, promotion and pension services",
        1,
    ),
    (2021, "information-systems"): (
        "Implementasi SAPK dan Pemanfaatan CAT",
        "Use of the staff information system (SAPK) and computer-assisted tests",
        2,
    ),
    (2021, "competency"): ("Penilaian Kompetensi", "Competency assessment", 3),
    (2021, "performance"): (
        "Implementasi Penilaian Kinerja",
        "Implementation of performance appraisal",
        None,
    ),
    (2021, "supervision"): (
        "Komitmen Pengawasan dan Pengendalian",
        "Commitment to supervision and control",
        None,
    ),
    (2022, "information-systems"): (
        "Penerapan Pemanfaatan Data Sistem Informasi dan CAT",
        "Use of staff data, information systems and computer-assisted tests",
        None,
    ),
    (2022, "special-mention"): (
        "Special Mention Komitmen Peningkatan Pelayanan Kepegawaian BKN",
        "Special mention: commitment to better staffing services with BKN",
        None,
    ),
    (2023, "special-mention"): (
        "Special Mention Komitmen Peningkatan Pelayanan Kepegawaian",
        "Special mention: commitment to better staffing services",
        None,
    ),
}
by_theme = {(c["year"], c["theme"]): c for c in categories}


def category_of(row):
    if not row["theme"]:
        return None
    key = (int(row["edition_year"]), row["theme"])
    if key not in by_theme:
        name, en, number = NEW_CATEGORIES[key]
        cid = f"{key[0]}-{slug(name)}"
        cat = {
            "id": cid,
            "year": key[0],
            "name": name,
            "name_en": en,
            "theme": key[1],
            "number": number,
            "citations": [],
        }
        categories.append(cat)
        by_theme[key] = cat
    return by_theme[key]


# --- awards --------------------------------------------------------------------------------

awards = read("awards.json")
for award in awards:
    for c in award["citations"]:
        c["part"] = None
SEED_OF = {
    "leads:31": "2020-pemprov-jatim-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-pensiun",
    "leads:32": "2020-kab-sidoarjo-penilaian-kompetensi",
    "leads:33": "2020-kab-tulungagung-penilaian-kinerja",
    "leads:34": "2020-kota-kediri-penilaian-kinerja",
    "leads:36": "2020-kota-madiun-penilaian-kompetensi",
    "leads:37": "2020-kota-malang-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-pensiun",
    "leads:39": "2020-pemprov-jatim-penilaian-kinerja",
    "leads:164": "2023-pemprov-jatim-implementasi-nspk-manajemen-asn",
    "leads:165": "2023-pemprov-jatim-implementasi-penerapan-manajemen-kinerja",
    "leads:166": "2023-pemprov-jatim-penerapan-pemanfaatan-data-sistem-informasi-cat",
    "leads:167": "2023-pemprov-jatim-pengembangan-kompetensi",
    "leads:168": "2023-pemprov-jatim-perencanaan-kebutuhan-mutasi-kepegawaian",
}
# Rows whose `same_as` would merge two different ranks: kept apart as a conflict.
APART = {"jbn:10"}
# Research rows that repeat a seed article's own facts (the same report, already cited by
# paragraph): nothing to add.
SEED_REPEATS = {"new:1", "new:2", "new:3"}

root = {}


def find(rid):
    while root.get(rid, rid) != rid:
        rid = root[rid]
    return rid


award_rows = [
    r
    for r in rows.values()
    if r["disposition"] == "award"
    and r["id"] not in SEED_REPEATS
    and not r.get("same_as", "").startswith("award:")
]
# Rows that report an award already made (by its id): citations of it, added below.
extra_rows = [r for r in rows.values() if r.get("same_as", "").startswith("award:")]
for row in award_rows:
    same = row.get("same_as") or ""
    if same and not same.startswith("leads:") and ":" not in same:
        same = f"leads:{same}"
    if same and row["id"] not in APART and same in rows:
        root[row["id"]] = find(same)
groups = defaultdict(list)
for row in award_rows:
    groups[find(row["id"])].append(row)

by_award_id = {a["id"]: a for a in awards}
ROWS = {}
made = []
for key, group in groups.items():
    seed = next((SEED_OF[r["id"]] for r in group if r["id"] in SEED_OF), None)
    first = group[0]
    year = int(first["edition_year"])
    iid = institution_of(first)
    cat = next((category_of(r) for r in group if r["theme"]), None)
    ranked = [r for r in group if r["rank"]]
    ranks = {int(r["rank"]) for r in ranked}
    assert len(ranks) <= 1, (key, ranks)
    if seed:
        award = by_award_id[seed]
    else:
        top = ranked[0] if ranked else first
        cid = cat["id"].split("-", 1)[1] if cat else "category-not-reported"
        aid = f"{year}-{iid}-{cid}"
        if aid in by_award_id:
            aid = f"{aid}-{source_of(top).split('-')[0]}"
        award = {
            "id": aid,
            "year": year,
            "institution": iid,
            "category": cat and cat["id"],
            "rank": int(top["rank"]) if top["rank"] else None,
            "rank_label": top["rank_label"],
            "group": next((re.sub(r" \(.*\)$", "", r["group"]) for r in group if r["group"]), None),
            "event": None,
            "recipient": None,
            "citations": [],
        }
        awards.append(award)
        by_award_id[aid] = award
    for r in group:
        ROWS[r["id"]] = award["id"]
        if by_url.get(r["url"]) in SEED_URLS:
            continue  # the seed article itself, cited by paragraph already
        c = cite(r)
        if all(x["source"] != c["source"] for x in award["citations"]):
            award["citations"].append(c)
        if cat is not None and all(x["source"] != c["source"] for x in cat["citations"]):
            cat["citations"].append(dict(c))


# --- editions, events, tallies: the edition rows, by hand ------------------------------------


def r(rid):
    return rows[rid] if rid in rows else {**leads[rid], "id": rid}


def cites(*pairs):
    return [cite(r(rid), part) for rid, part in pairs]


def add_citations(record, new):
    for c in new:
        if all(x["source"] != c["source"] for x in record["citations"]):
            record["citations"].append(c)


editions = {e["year"]: e for e in read("editions.json")}
for e in editions.values():
    for c in e["citations"]:
        c["part"] = None


def edition(year, number=None, count=None, citations=()):
    e = editions.setdefault(
        year,
        {"id": str(year), "year": year, "number": None, "category_count": None, "citations": []},
    )
    e["number"] = e["number"] or number
    e["category_count"] = e["category_count"] or count
    add_citations(e, citations)


edition(
    2015,
    1,
    citations=cites(
        ("leads:21", "counts 2020 as the sixth year since the award began in 2015"),
        ("leads:84", "says the award began in 2015"),
        ("leads:86", "calls 2022 the eighth year since a 2015 start"),
        ("kalsul:11", "says the award has run since 2015"),
    ),
)
edition(
    2016,
    1,
    citations=cites(
        ("leads:2", "reports the 2016 ceremony"),
        ("leads:15", "says the award began in 2016"),
    ),
)
edition(2017, citations=cites(("leads:6", "names a 2017 recipient")))
edition(2018, citations=cites(("leads:7", None), ("leads:8", None)))
edition(2019, 4, citations=cites(("leads:15", "calls 2019 the fourth year since a 2016 start")))
edition(
    2020,
    citations=cites(
        ("leads:21", "the sixth year; five categories"), ("leads:22", "lists the five categories")
    ),
)
edition(
    2021, None, 5, cites(("leads:49", "five categories"), ("leads:51", "five categories, I to V"))
)
edition(
    2022,
    8,
    7,
    cites(
        ("leads:86", "the eighth year"),
        (
            "leads:85",
            "three groups: a main category, four element categories, two special mentions",
        ),
    ),
)
edition(2023, citations=cites(("leads:159", None)))

events = read("events.json")
for e in events:
    for c in e["citations"]:
        c["part"] = None
by_event = {e["id"]: e for e in events}


def event(eid, year, kind, date, venue, city, description, citations, address=None):
    events.append(
        {
            "id": eid,
            "year": year,
            "kind": kind,
            "date": date,
            "date_inferred": False,
            "date_note": None,
            "time_of_day": None,
            "venue": venue,
            "address": address,
            "city": city,
            "presenters": [],
            "recipients": [],
            "represented": [],
            "accompanying": [],
            "description": description,
            "citations": citations,
        }
    )


event(
    "2016-ceremony-jakarta",
    2016,
    "ceremony",
    "2016-05-26",
    None,
    "Jakarta",
    "The Vice President presented the 2016 awards at the national civil-service meeting (Rakornas Kepegawaian).",
    cites(("leads:2", None)),
)
event(
    "2018-ceremony-tangerang",
    2018,
    "ceremony",
    "2018-07-11",
    "Indonesia Convention Exhibition (ICE) BSD",
    "Tangerang",
    "The 2018 awards, for staff management in 2017, were given at the national civil-service meeting.",
    cites(("leads:7", None), ("leads:8", "announces the ceremony beforehand")),
)
event(
    "2019-ceremony-yogyakarta",
    2019,
    "ceremony",
    "2019-09-25",
    "Marriott Hotel Yogyakarta",
    "Yogyakarta",
    "The 2019 awards were given at the national civil-service meeting.",
    cites(("leads:15", None)),
)
add_citations(by_event["2020-ceremony"], cites(("leads:21", "held online"), ("leads:24", None)))
add_citations(by_event["2020-handover-surabaya"], cites(("leads:25", None)))
event(
    "2020-handover-manado",
    2020,
    "handover",
    "2021-02-16",
    "Kantor BKN Manado",
    "Manado",
    "Kota Ternate received its 2020 award at BKN's Manado office, the handover having been put off by the pandemic.",
    cites(("leads:23", None)),
)
event(
    "2021-ceremony-nusa-dua",
    2021,
    "ceremony",
    "2021-07-01",
    "The Westin Resort Nusa Dua",
    "Nusa Dua",
    "The 2021 results were announced at the national civil-service meeting, held online from Bali and opened by the Vice President.",
    cites(("leads:51", None), ("leads:48", None), ("leads:49", None), ("leads:50", "held online")),
)
event(
    "2021-handover-batam",
    2021,
    "handover",
    "2021-10-01",
    None,
    "Batam",
    "BKN's principal secretary handed the 2021 awards of Batam, Lingga, Natuna and Kepulauan Anambas over in Batam.",
    cites(("sumatra:13", None)),
)
event(
    "2021-handover-yogyakarta",
    2021,
    "handover",
    "2021-10-28",
    "Gedhong Wilis, Kompleks Kepatihan",
    "Yogyakarta",
    "The head of BKN handed the province of DI Yogyakarta its three 2021 awards.",
    cites(("jbn:18", None)),
)
event(
    "2021-handover-pekanbaru",
    2021,
    "handover",
    "2021-11-02",
    "Gedung Daerah Balai Serindit",
    "Pekanbaru",
    "The head of BKN handed the 2021 awards of Riau province, Pekanbaru and Pelalawan over in Pekanbaru.",
    cites(("sumatra:2", None)),
)
event(
    "2021-handover-surabaya",
    2021,
    "handover",
    "2021-11-26",
    "Gedung Negara Grahadi",
    "Surabaya",
    "The 2021 awards of East Java were handed over in Surabaya.",
    cites(("leads:52", None)),
)
event(
    "2022-ceremony-batam",
    2022,
    "ceremony",
    "2022-07-21",
    "Marriott Harbour Bay",
    "Batam",
    "The 2022 results were announced at the national civil-service meeting, held both in person and online.",
    cites(("leads:91", None), ("leads:84", None), ("kalsul:9", None), ("jbn:11", None)),
)
add_citations(
    by_event["2022-batu-kota-mojokerto"],
    cites(("leads:88", "a ceremony in Kota Batu"), ("jbn:3", None)),
)
event(
    "2022-handover-serang",
    2022,
    "handover",
    "2022-08-29",
    "Pendopo Gubernur Banten",
    "Serang",
    "The 2022 awards of Banten were handed over together with the awards of BKN's Bandung regional office.",
    cites(("jbn:19", None)),
)
event(
    "2022-handover-makassar",
    2022,
    "handover",
    "2022-09-20",
    "Baruga Pattingalloang, Rumah Jabatan Gubernur Sulawesi Selatan",
    "Makassar",
    "The 2022 awards of the provinces served by BKN's Makassar regional office were handed over.",
    cites(("leads:93", None), ("ece:3", None)),
)
event(
    "2023-ceremony-bandung",
    2023,
    "ceremony",
    "2023-05-30",
    None,
    "Bandung",
    "The 2023 results were announced at the national civil-service meeting in Bandung.",
    cites(("leads:159", None)),
)
event(
    "2023-ceremony-jakarta",
    2023,
    "ceremony",
    None,
    None,
    "Jakarta",
    "One report places the announcement of the 2023 results at a national meeting in Jakarta.",
    cites(("leads:158", None)),
)
event(
    "2023-handover-pontianak",
    2023,
    "handover",
    "2023-08-02",
    "Hotel Aston",
    "Pontianak",
    "BKN's principal secretary handed the five 2023 awards of Kalimantan Barat to the governor.",
    cites(("kalsul:7", None)),
)
add_citations(by_event["2023-ceremony-surabaya"], cites(("leads:160", None)))
add_citations(
    next(e for e in events if e["id"] == "2018-ceremony-tangerang"), cites(("eds:4", None))
)
add_citations(next(e for e in events if e["id"] == "2022-ceremony-batam"), cites(("java:4", None)))
add_citations(by_event["2022-batu-kab-mojokerto"], cites(("eds:8", "names the venue and the day")))
event(
    "2021-handover-tanjung-selor",
    2021,
    "handover",
    "2021-10-11",
    None,
    "Tanjung Selor",
    "The acting head of BKN handed the 2021 awards of Kalimantan Utara and Kabupaten Bulungan to the governor.",
    cites(("outer:1", None), ("outer:2", "gives the day of the week only")),
)
event(
    "2021-handover-palangka-raya",
    2021,
    "handover",
    "2021-10-25",
    "Aula Jayang Tingang, Kantor Gubernur Kalimantan Tengah",
    "Palangka Raya",
    "The head of BKN handed the three 2021 awards of Kalimantan Tengah to the vice-governor.",
    cites(("outer:3", None)),
)
event(
    "2021-handover-banjarbaru",
    2021,
    "handover",
    None,
    "Ruang PM Noor, Kantor Setda Provinsi Kalimantan Selatan",
    "Banjarbaru",
    "The acting head of BKN handed the 2021 award of Kalimantan Selatan to the governor; the report gives no date.",
    cites(("outer:4", None)),
)
event(
    "2021-handover-gorontalo",
    2021,
    "handover",
    "2021-12-08",
    "Gedung Grand Palace",
    "Gorontalo",
    "The head of BKN handed the 2021 award of Kabupaten Gorontalo to a staff adviser standing in for the regent.",
    cites(("outer:5", None), ("outer:6", None)),
)
event(
    "2021-handover-agam",
    2021,
    "handover",
    "2021-12-07",
    None,
    None,
    "Kabupaten Agam received its 2021 award; the report names no place.",
    cites(("outer:7", None)),
)

tallies = read("tallies.json")
for t in tallies:
    for c in t["citations"]:
        c["part"] = None
by_tally = {t["id"]: t for t in tallies}
ALL = ["ministry", "agency", "province", "regency", "city"]
REGIONAL = ["province", "regency", "city"]


def tally(tid, year, count, recipients, region, kinds, description, citations, institution=None):
    tallies.append(
        {
            "id": tid,
            "year": year,
            "count": count,
            "institution": institution,
            "region_code": region,
            "kinds": kinds,
            "recipients": recipients,
            "highest_in_country": False,
            "description": description,
            "citations": citations,
        }
    )


tally(
    "2019-indonesia",
    2019,
    None,
    30,
    None,
    ALL,
    "Institutions awarded in the whole country: ministries, agencies, provinces, regencies and cities.",
    cites(("leads:14", None)),
)
tally(
    "2020-indonesia",
    2020,
    None,
    75,
    None,
    ALL,
    "Central and regional institutions awarded in the whole country.",
    cites(("leads:21", None)),
)
tally(
    "2022-indonesia",
    2022,
    None,
    403,
    None,
    ALL,
    "Winners in the whole country, as one report counts them.",
    cites(("kalsul:10", "quotes the count second-hand")),
)
tally(
    "2022-indonesia-central",
    2022,
    None,
    110,
    None,
    ["ministry", "agency"],
    "Central agencies among the winners.",
    cites(("kalsul:10", None)),
)
tally(
    "2022-jawa-barat",
    2022,
    15,
    12,
    "32",
    REGIONAL,
    "Awards to the province of Jawa Barat and 11 of its regencies and cities.",
    cites(("leads:92", None)),
)
add_citations(by_tally["2022-jawa-timur"], cites(("leads:90", None), ("leads:88", "32 awards")))
add_citations(by_tally["2022-pemprov-jatim"], cites(("leads:89", None), ("leads:90", None)))
add_citations(by_tally["2022-jawa-timur-regencies-and-cities"], cites(("leads:90", None)))
tally(
    "2022-jawa-timur-antara",
    2022,
    30,
    None,
    "35",
    REGIONAL,
    "Awards to the province, regencies and cities of Jawa Timur, as ANTARA and Kompas count them.",
    cites(("leads:89", None)),
)
tally(
    "2022-jawa-timur-regencies-and-cities-satukanegeri",
    2022,
    None,
    29,
    "35",
    ["regency", "city"],
    "Regencies and cities of Jawa Timur awarded, as one report counts them.",
    cites(("leads:88", "29 regencies and cities")),
)
add_citations(
    by_tally["2023-jawa-timur-regencies-and-cities"], cites(("leads:159", "34 of 39 awards"))
)
add_citations(by_tally["2023-pemprov-jatim"], cites(("leads:159", "5 of 39 awards")))
add_citations(by_tally["2020-pemprov-jatim"], cites(("leads:25", None)))
add_citations(
    next(t for t in tallies if t["id"] == "2022-jawa-timur-antara"), cites(("java:4", None))
)
add_citations(by_tally["2022-pemprov-jatim"], cites(("java:4", None)))
add_citations(by_tally["2022-jawa-timur"], cites(("eds:8", None)))
tally(
    "2020-jawa-timur-okezone",
    2020,
    9,
    None,
    "35",
    REGIONAL,
    "Awards to the province, regencies and cities of Jawa Timur in the 2020 edition, as one later report counts them.",
    cites(("eds:6", None)),
)
tally(
    "2021-jawa-timur",
    2021,
    11,
    None,
    "35",
    REGIONAL,
    "Awards to the province, regencies and cities of Jawa Timur in the 2021 edition.",
    cites(("eds:7", None)),
)

officials = read("officials.json")
for o in officials:
    for c in o["citations"]:
        c["part"] = None
for c in categories:
    for x in c["citations"]:
        x.setdefault("part", None)
for c in cites(("leads:22", "lists the five 2020 categories")):
    add_citations(
        by_theme[(2020, "information-systems")]
        if (2020, "information-systems") in by_theme
        else category_of({"theme": "information-systems", "edition_year": "2020"}),
        [c],
    )
for c in cites(("leads:85", "lists the 2022 categories")):
    add_citations(by_theme[(2022, "information-systems")], [c])
    add_citations(by_theme[(2022, "special-mention")], [c])

for r in extra_rows:
    award = by_award_id[r["same_as"].removeprefix("award:")]
    assert not r["rank"] or award["rank"] == int(r["rank"]), r["id"]
    ROWS[r["id"]] = award["id"]
    add_citations(award, [cite(r)])
    category = next(c for c in categories if c["id"] == award["category"])
    add_citations(category, [cite(r)])

awards.sort(key=lambda a: a["year"])
events.sort(key=lambda e: e["year"])
tallies.sort(key=lambda t: t["year"])
categories.sort(key=lambda c: c["year"])
final = {
    "sources": new_sources,
    "institutions": institutions,
    "officials": officials,
    "editions": sorted(editions.values(), key=lambda e: e["year"]),
    "categories": categories,
    "events": events,
    "awards": awards,
    "tallies": tallies,
}
for name, records in final.items():
    (DATA / f"{name}.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
(HERE / "rows-to-awards.json").write_text(json.dumps(ROWS, indent=1) + "\n", encoding="utf-8")
