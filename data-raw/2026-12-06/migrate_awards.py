"""One-off migration of 2026-12-06 (issue 22): one award counted once, groups as data.

Run once from the repository root (``python data-raw/2026-12-06/migrate_awards.py``) on the
0.2 ``awards.json``: it writes the 0.3 form, in which

- an award's rank, its words and its citations are its placings (one reading each);
- awards that reports give two ways are one award with two placings: Jawa Tengah 2022 in
  performance management (rank 4 or 5), and Kalimantan Tengah 2021, Kalimantan Utara 2021 and
  Kota Kediri 2020, whose reports give one place in two categories;
- the free-text group is a value of the closed vocabulary (`bkn_awards.Group`) beside the
  report's own words, and groups the cited reports give are filled in (Pemprov Jatim 2020 and
  2023, Pemprov Banten 2021);
- the three 2016 awards lose the category the 0.2 data made of a phrase of their report.

Every merge and every group is listed below, with the report that supports it. The file it
writes is the data from then on, edited by hand.
"""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
AWARDS = ROOT / "src/bkn_awards/data/awards.json"

# The report's wording of each group, in the 0.2 data and the leads, and its value.
GROUPS = {
    "tingkat kementerian": "ministries",
    "tingkat LPNK": "agencies",
    "tingkat provinsi": "provinces",
    "tingkat Provinsi": "provinces",
    "tingkat kabupaten": "regencies",
    "tingkat Kabupaten": "regencies",
    "tingkat kota": "cities",
    "tingkat Kota": "cities",
    "provinsi tipe A": "provinces-type-a",
    "provinsi tipe B": "provinces-type-b",
    "provinsi tipe C": "provinces-type-c",
    "kabupaten tipe A": "regencies-type-a",
    "kabupaten tipe B": "regencies-type-b",
    "kabupaten tipe C": "regencies-type-c",
    "kota tipe A": "cities-type-a",
    "kota tipe B": "cities-type-b",
    "kota tipe C": "cities-type-c",
    "Provinsi Tipe Besar": "provinces-large",
    "tipe provinsi besar": "provinces-large",
    "tipe besar": "provinces-large",
    "pemprov tipe besar": "provinces-large",
    "pemerintah provinsi tipe besar": "provinces-large",
    "Kota Tipe Besar": "cities-large",
    "kota tipe sedang": "cities-medium",
    "Kota Tipe Kecil": "cities-small",
    "pemerintah kota tipe kecil": "cities-small",
    "pemerintah kota kategori kecil": "cities-small",
    "Wilayah Barat Tipe Besar": "regencies-west-large",
    "Wilayah Barat Tipe Kecil": "regencies-west-small",
}

# Groups the cited reports give that the 0.2 data left out: award id, the report's words, and
# a citation to add where the award does not cite that report yet.
BANTEN_2021 = {
    "source": "antaranews-pemprov-banten-meraih-penghargaan-bkn",
    "paragraphs": [],
    "part": "says Banten's four awards of 2021 were in the group of type-C provinces",
}
FILLED = {
    # Lentera (lentera.co 44230) lists both 2020 places of the province "tingkat Provinsi".
    "2020-pemprov-jatim-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-pensiun": (
        "tingkat Provinsi",
        None,
    ),
    "2020-pemprov-jatim-penilaian-kinerja": ("tingkat Provinsi", None),
    # BANGSAONLINE (berita 118953) gives each 2023 place of the province as "pemprov tipe besar".
    "2023-pemprov-jatim-implementasi-nspk-manajemen-asn": ("pemerintah provinsi tipe besar", None),
    "2023-pemprov-jatim-pengembangan-kompetensi": ("pemprov tipe besar", None),
    "2023-pemprov-jatim-penerapan-pemanfaatan-data-sistem-informasi-cat": (
        "pemprov tipe besar",
        None,
    ),
    "2023-pemprov-jatim-implementasi-penerapan-manajemen-kinerja": ("pemprov tipe besar", None),
    "2023-pemprov-jatim-perencanaan-kebutuhan-mutasi-kepegawaian": ("pemprov tipe besar", None),
    # ANTARA (berita 2243646) says the four awards of Banten were for type-C provinces.
    "2021-pemprov-banten-implementasi-sapk-dan-pemanfaatan-cat": ("provinsi tipe C", BANTEN_2021),
    "2021-pemprov-banten-komitmen-pengawasan-dan-pengendalian": ("provinsi tipe C", BANTEN_2021),
    "2021-pemprov-banten-penilaian-kompetensi": ("provinsi tipe C", BANTEN_2021),
    "2021-pemprov-banten-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-dan-pensiun": (
        "provinsi tipe C",
        BANTEN_2021,
    ),
}

# One award reported two ways: the award kept, and the record whose reading becomes its second
# placing. Where the two give different categories, the award's category is left empty and
# each placing gives its own.
MERGED = {
    # Rank 4 (Tribun Pantura, Radar Solo, ANTARA, Suara) or rank 5 (Okezone, a later summary).
    "2022-pemprov-jawa-tengah-implementasi-penerapan-manajemen-kinerja": (
        "2022-pemprov-jawa-tengah-implementasi-penerapan-manajemen-kinerja-okezone"
    ),
    # Third in planning (Kalteng Pos, the province's three awards) or in SAPK and CAT (ANTARA,
    # from Banten's report of the type-C results).
    "2021-pemprov-kalimantan-tengah-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-dan-pensiun": (
        "2021-pemprov-kalimantan-tengah-implementasi-sapk-dan-pemanfaatan-cat"
    ),
    # Second in planning (ANTARA Kaltara, the province's three awards) or in SAPK and CAT
    # (ANTARA, from Banten's report).
    "2021-pemprov-kalimantan-utara-perencanaan-kebutuhan-pelayanan-pengadaan-kepangkatan-dan-pensiun": (
        "2021-pemprov-kalimantan-utara-implementasi-sapk-dan-pemanfaatan-cat"
    ),
    # Third in Kategori IV, performance (Wartatransparansi, Lenteratoday) or in Kategori V,
    # supervision (BANGSAONLINE, a year's summary of the city).
    "2020-kota-kediri-penilaian-kinerja": "2020-kota-kediri-komitmen-pengawasan-pengendalian",
}

# The 0.2 data made a category of a phrase of the Kalamanthana report of 2016 ("the best
# manager of civil servants"); the report names no category.
PHRASE_CATEGORY = "2016-pengelola-manajemen-kepegawaian-terbaik"

ORDER = ("id", "year", "institution", "category", "group", "group_label", "placings")


def placing(award, category=None):
    return {
        "rank": award["rank"],
        "rank_label": award["rank_label"],
        "category": category,
        "citations": award["citations"],
    }


def migrate(awards):
    by_id = {a["id"]: a for a in awards}
    merged_away = set(MERGED.values())
    out = []
    for award in awards:
        if award["id"] in merged_away:
            continue
        label = award["group"]
        if award["id"] in FILLED:
            label, citation = FILLED[award["id"]]
            if citation and citation["source"] not in {c["source"] for c in award["citations"]}:
                award["citations"] = [*award["citations"], citation]
        other = by_id.get(MERGED.get(award["id"], ""))
        if other is None:
            placings = [placing(award)]
            category = award["category"]
        elif other["category"] == award["category"]:
            placings = [placing(award), placing(other)]
            category = award["category"]
        else:
            placings = [placing(award, award["category"]), placing(other, other["category"])]
            category = None
        if category == PHRASE_CATEGORY:
            category = None
        new = {
            "id": award["id"],
            "year": award["year"],
            "institution": award["institution"],
            "category": category,
            "group": None if label is None else GROUPS[label],
            "group_label": label,
            "placings": placings,
            "event": award["event"] or (other and other["event"]),
            "recipient": award["recipient"] or (other and other["recipient"]),
        }
        out.append(new)
    return out


def main():
    awards = json.loads(AWARDS.read_text(encoding="utf-8"))
    assert "placings" not in awards[0], "already migrated"
    migrated = migrate(awards)
    text = json.dumps(migrated, indent=2, ensure_ascii=False) + "\n"
    AWARDS.write_text(text, encoding="utf-8")
    print(f"{len(awards)} awards became {len(migrated)}")


if __name__ == "__main__":
    main()
