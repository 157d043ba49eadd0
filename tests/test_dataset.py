"""The dataset: loading one, the bundled one made once, and the module functions that query it."""

from __future__ import annotations

import pathlib
import subprocess
import sys
import threading
import warnings

import pytest

import bkn_awards
from bkn_awards import DataError, Dataset, dataset
from bkn_awards.dataset import read_directory
from bkn_awards.formats import export
from bkn_awards.layout import FILE_NAMES, data_directory
from bkn_awards.lazy import Lazy
from datafiles import bundled_count, bundled_records, held, read_records, write_records

ALL = bkn_awards.awards()
# The awards the five article files report: their facts were checked by hand, and stay pinned.
SEED = [a for a in ALL if held(a)]


# --- The bundled dataset ------------------------------------------------------------------------


def test_the_bundled_dataset_is_loaded_once_and_shared() -> None:
    assert bkn_awards.load() is bkn_awards.load()
    assert bkn_awards.load().awards() == bkn_awards.awards()


@pytest.mark.parametrize(
    "code", ["import bkn_awards", "import bkn_awards; bkn_awards.awards(year=2022)"]
)
def test_neither_import_nor_a_first_query_needs_dateutil_resources_or_the_region_table(
    code: str,
) -> None:
    # The first query reads the package's own directory; dates in the files are ISO 8601; the
    # bundled data is checked against the region table by the tests, not at every start.
    lazy = "{'dateutil', 'importlib_resources', 'csv'}"
    check = f"import sys; print(sorted({lazy} & set(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", f"{code}; {check}"], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"


def test_many_threads_at_first_use_share_one_load(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    start = threading.Barrier(16)

    def counted() -> Dataset:
        calls.append(1)
        return read_directory(data_directory(), regions=False)

    monkeypatch.setattr(dataset, "_BUNDLED", Lazy(counted))
    seen: list[Dataset] = []

    def query() -> None:
        start.wait()
        seen.append(dataset.bundled())

    threads = [threading.Thread(target=query) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert len(seen) == 16
    assert all(made is seen[0] for made in seen)
    awards, institutions = bundled_count("awards.json"), bundled_count("institutions.json")
    assert repr(seen[0]) == f"<Dataset: {awards} awards, {institutions} institutions>"
    of_2022 = [a for a in bundled_records("awards.json") if a["year"] == 2022]
    assert len(seen[0].awards(year=2022)) == len(of_2022)


def test_the_bundled_data_has_every_reported_award() -> None:
    raw = bundled_records("awards.json")
    assert sorted(a.id for a in ALL) == sorted(r["id"] for r in raw)
    assert [a.id for a in bkn_awards.awards(sort="data")] == [r["id"] for r in raw]
    assert len({a.id for a in ALL}) == len(ALL)
    assert {a.year for a in ALL} <= {e.year for e in bkn_awards.editions()}
    # The seed articles' 17 awards are all there, each citing its article.
    assert len(SEED) == 17
    assert {a.year for a in SEED} == {2020, 2022, 2023}


def test_the_module_functions_are_the_bundled_dataset_s_methods() -> None:
    bundled = bkn_awards.load()
    for name in ("awards", "institutions", "categories", "sources", "officials", "events"):
        function, method = getattr(bkn_awards, name), getattr(Dataset, name)
        assert function.__doc__ == method.__doc__, name
        assert function() == getattr(bundled, name)(), name
    for name in ("tallies", "editions", "conflicts", "coverage"):
        assert getattr(bkn_awards, name)() == getattr(bundled, name)(), name
    assert bkn_awards.institution("Jatim") is bundled.institution("Jatim")
    assert bkn_awards.award(ALL[0].id) is bundled.award(ALL[0].id)


# --- Listings -----------------------------------------------------------------------------------
def test_listings() -> None:
    raw = {
        name: bundled_records(f"{name}.json")
        for name in ("categories", "editions", "sources", "events", "tallies", "institutions")
    }
    assert [c.id for c in bkn_awards.categories()] == [c["id"] for c in raw["categories"]]
    assert [e.year for e in bkn_awards.editions()] == [e["year"] for e in raw["editions"]]
    assert [s.id for s in bkn_awards.sources()] == [s["id"] for s in raw["sources"]]
    assert [e.id for e in bkn_awards.events()] == [e["id"] for e in raw["events"]]
    assert [t.id for t in bkn_awards.tallies()] == [t["id"] for t in raw["tallies"]]
    provinces = [i["id"] for i in raw["institutions"] if i["kind"] == "province"]
    assert [i.id for i in bkn_awards.institutions(kind="province")] == provinces
    assert provinces[0] == "pemprov-jatim"
    # What the five article files report.
    assert [c.number for c in bkn_awards.categories(year=2020) if held(c)] == [1, 3, 4, 5]
    assert sum(map(held, bkn_awards.categories())) == 13
    assert [e.year for e in bkn_awards.editions() if held(e)] == [2020, 2022, 2023]
    (sixth,) = [e for e in bkn_awards.editions() if e.year == 2020]
    assert sixth.number == 6
    assert sum(s.sha256 is not None for s in bkn_awards.sources()) == 5
    assert sum(map(held, bkn_awards.events())) == 5
    assert sum(map(held, bkn_awards.tallies())) == 9


@pytest.mark.parametrize("listing", ["categories", "events", "tallies"])
def test_listings_by_year_take_one_year_or_several(listing: str) -> None:
    every = getattr(bkn_awards, listing)()
    of_2020 = getattr(bkn_awards, listing)(year=2020)
    assert isinstance(of_2020, bkn_awards.Records)
    assert list(of_2020) == [r for r in every if r.year == 2020]
    both = getattr(bkn_awards, listing)(year=[2020, 2022])
    assert list(both) == [r for r in every if r.year in (2020, 2022)]
    with pytest.raises(bkn_awards.QueryError, match="year must be a whole number"):
        getattr(bkn_awards, listing)(year="dua ribu")


# --- A dataset of one's own ---------------------------------------------------------------------


def test_a_user_directory_extends_the_data(data_dir: pathlib.Path) -> None:
    categories = read_records(data_dir, "categories.json")
    categories.append(
        {
            "id": "2023-penilaian-kinerja-example",
            "year": 2023,
            "name": "Contoh Kategori Tambahan",
            "name_en": "An example extra category",
            "theme": "performance",
            "number": None,
            "citations": [
                {"source": "unattributed-2023-pemprov-jatim", "paragraphs": [2], "part": None}
            ],
        }
    )
    write_records(data_dir, "categories.json", categories)
    awards = read_records(data_dir, "awards.json")
    awards.append(
        {
            "id": "2023-kab-sidoarjo-example",
            "year": 2023,
            "institution": "kab-sidoarjo",
            "category": "2023-penilaian-kinerja-example",
            "group": None,
            "group_label": None,
            "placings": [
                {
                    "rank": 3,
                    "rank_label": "Ranking 3",
                    "category": None,
                    "citations": [
                        {
                            "source": "unattributed-2023-pemprov-jatim",
                            "paragraphs": [2],
                            "part": None,
                        }
                    ],
                }
            ],
            "event": None,
            "recipient": None,
        }
    )
    write_records(data_dir, "awards.json", awards)
    extended = bkn_awards.load(data_dir)
    (added,) = extended.awards(year=2023, institution="Kab. Sidoarjo")
    assert added.category is not None
    assert added.category.name == "Contoh Kategori Tambahan"
    assert (added.rank, added.rank_label) == (3, "Ranking 3")
    assert extended.awards(theme="performance", year=2023, institution="kab-sidoarjo") == (added,)
    assert added.institution is extended.institution("kab-sidoarjo")
    assert len(extended.awards()) == len(bkn_awards.awards()) + 1
    # The bundled data is untouched.
    assert bkn_awards.awards(year=2023, institution="Kab. Sidoarjo") == ()


def test_a_data_package_loads_from_its_descriptor_or_its_directory(tmp_path: pathlib.Path) -> None:
    export(bkn_awards.load(), tmp_path, fmt="datapackage")
    by_file = bkn_awards.load().records_by_file()
    assert bkn_awards.load(tmp_path / "datapackage.json").records_by_file() == by_file
    assert bkn_awards.load(str(tmp_path)).records_by_file() == by_file


def test_a_path_that_is_not_a_directory_is_refused(data_dir: pathlib.Path) -> None:
    with pytest.raises(DataError) as caught:
        bkn_awards.load(data_dir / "awards.json")
    assert caught.value.problems == (f"{data_dir / 'awards.json'}: not a directory",)


def test_a_dataset_made_from_records_answers_as_the_one_they_came_from() -> None:
    files = bkn_awards.load().records_by_file()
    made = Dataset(files)
    assert made.records_by_file() == files
    assert made.awards(year=2022, province="Jatim") == bkn_awards.awards(
        year=2022, province="Jatim"
    )
    assert made.conflicts() == ()  # none given
    assert made.manifest().data_version == "unknown"  # no files to fingerprint
    assert repr(made) == repr(bkn_awards.load())


def test_records_by_file_is_a_new_mapping_each_time() -> None:
    data = bkn_awards.load()
    by_file = data.records_by_file()
    assert list(by_file) == list(FILE_NAMES)
    by_file.clear()
    assert list(data.records_by_file()) == list(FILE_NAMES)


# --- The order of awards ------------------------------------------------------------------------

THEMES = [t.value for t in bkn_awards.Theme]


def _default(award: bkn_awards.Award) -> tuple[object, ...]:
    """The documented default order, written out again: edition, category, group, rank.

    A disputed award goes by the first category and the lowest rank its reports give.
    """
    category = award.categories[0] if award.categories else None
    return (
        award.year,
        category is None,
        category and THEMES.index(category.theme.value),
        category and [c.id for c in bkn_awards.categories()].index(category.id),
        award.group is None,
        award.group and list(bkn_awards.Group).index(award.group),
        not award.ranks,
        award.ranks[:1],
    )


def test_awards_come_by_edition_category_group_and_rank() -> None:
    data_order = list(bkn_awards.load().records_by_file()["awards"])
    assert list(ALL) == sorted(data_order, key=_default)
    assert list(ALL) != data_order  # the default is an order of its own
    # Within a category and a group, the ranks rise, and an award without one comes last.
    ranks = [a.rank for a in bkn_awards.awards(year=2021, theme="planning") if a.group is None]
    assert ranks == [1, 2, 2, 3, 3]
    # A filtered answer keeps the order.
    assert list(bkn_awards.awards(year=2022)) == [a for a in ALL if a.year == 2022]


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("year", lambda a: a.year),
        ("institution", lambda a: a.institution.name.casefold()),
        ("category", lambda a: (not a.categories, a.categories and a.categories[0].theme.value)),
        ("rank", lambda a: (not a.ranks, a.ranks[:1])),
        (["rank", "year"], lambda a: (not a.ranks, a.ranks[:1], a.year)),
        (
            ("institution", "rank"),
            lambda a: (a.institution.name.casefold(), not a.ranks, a.ranks[:1]),
        ),
    ],
    ids=str,
)
def test_sort_keys_order_the_awards_and_the_default_settles_ties(sort: object, key: object) -> None:
    def ordered(a: bkn_awards.Award) -> tuple[object, ...]:
        value = key(a)  # type: ignore[operator]
        theme = value[1] if sort == "category" else None
        first = (value[0], theme and THEMES.index(theme)) if sort == "category" else value
        return (first, _default(a))

    found = bkn_awards.awards(sort=sort)  # type: ignore[arg-type]
    assert list(found) == sorted(ALL, key=ordered)
    assert isinstance(found, bkn_awards.Records)
    assert bkn_awards.load().awards(sort=sort) == found  # type: ignore[arg-type]


def test_sort_data_is_the_files_order_and_works_beside_filters() -> None:
    files = bkn_awards.load().records_by_file()["awards"]
    assert bkn_awards.awards(sort="data") == files
    assert list(bkn_awards.awards(year=2020, rank=3, sort="data")) == [
        a for a in files if a.year == 2020 and a.rank == 3
    ]
    query = bkn_awards.AwardQuery(year=2022)
    assert bkn_awards.awards(query, sort="institution") == bkn_awards.awards(
        year=2022, sort="institution"
    )
    empty = bkn_awards.awards(year=2014, sort="rank")
    assert (empty, empty.note) == ((), bkn_awards.awards(year=2014).note)


@pytest.mark.parametrize(
    ("sort", "message"),
    [
        ("name", "sort must be one of year, institution, category, rank, data, not 'name'"),
        (
            ["rank", "Year"],
            "sort must be one of year, institution, category, rank, data, not 'Year'",
        ),
        (3, "sort must be a sort key or several, not 3"),
        ([None], "sort must be one of year, institution, category, rank, data, not None"),
    ],
)
def test_an_unknown_sort_key_is_refused_by_name(sort: object, message: str) -> None:
    with pytest.raises(bkn_awards.QueryError) as caught:
        bkn_awards.awards(sort=sort)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert dataset.SORT_KEYS == ("year", "institution", "category", "rank", "data")


def test_an_earlier_award_id_finds_its_award_and_says_today_s() -> None:
    alias = next(a for a in bkn_awards.aliases() if not a.merged)
    with pytest.warns(bkn_awards.FormerIdWarning, match=repr(alias.award.id)) as caught:
        award = bkn_awards.award(alias.id)
    assert award is alias.award
    assert caught[0].message.alias is alias  # type: ignore[union-attr]
    # An id that names an award now needs no alias, and one that names nothing is refused.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert bkn_awards.award(award.id) is award
    with pytest.raises(bkn_awards.UnknownAwardError):
        bkn_awards.award(alias.id + "x")


def test_the_aliases_list_every_earlier_id_once() -> None:
    aliases = bkn_awards.aliases()
    assert isinstance(aliases, bkn_awards.Records)
    assert len({a.id for a in aliases}) == len(aliases)
    assert not {a.id for a in aliases} & {a.id for a in bkn_awards.awards()}
