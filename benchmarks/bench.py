"""Benchmark bkn_awards against its references and print a table of figures with their targets.

Run from a clone after the README's test set-up (which installs msgspec and pycountry):

    python benchmarks/bench.py           # the full run: about a minute on two cores
    python benchmarks/bench.py --quick   # tiny sizes and few repeats: a smoke run

Every figure is the median of repeated runs; every ratio is taken against a reference measured
in the same run, so a slower or busier machine moves both sides.
"""

from __future__ import annotations

import argparse
import compileall
import functools
import gc
import operator
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import attrs
import msgspec

import bkn_awards
from bkn_awards.loading import read_directory
from bkn_awards.model import RECORD_FILES
from bkn_awards.names import name_key

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from synthetic import write_dataset


class Figure(NamedTuple):
    """One row of the report."""

    name: str
    value: float
    unit: str
    reference: str
    ratio: float | None
    target: str
    met: bool | None


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark and print the table; a missed target is reported, not an error."""
    args = _parser().parse_args(argv)
    quick = args.quick
    sizes = (100, 1_000) if quick else (1_000, 10_000, 100_000)
    figures: list[Figure] = []
    figures += cold_process(repeats=3 if quick else 21)
    with tempfile.TemporaryDirectory() as scratch:
        directories = {n: write_dataset(pathlib.Path(scratch) / str(n), n) for n in sizes}
        figures += loading(directories, repeats=2 if quick else 11)
        biggest = directories[sizes[-1]]
        figures += queries(biggest, sizes[-1], loops=20 if quick else 2_000)
        figures += memory(biggest, sizes[-1])
    print(report(figures))
    return 0


def cold_process(repeats: int) -> list[Figure]:
    """Time whole `python -c` processes, interleaved so that drift hits every command alike.

    The package's bytecode is compiled first, as ``pip install`` does for an installed package
    (an editable install under PYTHONDONTWRITEBYTECODE would otherwise compile every module in
    every process, which no installed user pays).
    """
    compileall.compile_dir(pathlib.Path(bkn_awards.__file__).parent, quiet=1)
    commands = {
        "pass": "pass",
        "attrs": "import attrs",
        "import": "import bkn_awards",
        "query": "import bkn_awards; bkn_awards.awards(year=2022)",
        "pycountry": "import pycountry; pycountry.countries.get(alpha_2='ID')",
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[name].append(time.perf_counter() - start)
    ms = {name: 1000 * statistics.median(values) for name, values in times.items()}
    return [
        Figure("cold: python -c pass", ms["pass"], "ms", "-", None, "reference", None),
        Figure("cold: import attrs", ms["attrs"], "ms", "-", None, "reference", None),
        Figure("cold: pycountry lookup", ms["pycountry"], "ms", "-", None, "reference", None),
        _ratio("cold: import bkn_awards", ms["import"], "ms", "import attrs", ms["attrs"], 1.2),
        _ratio(
            "cold: import + first query",
            ms["query"],
            "ms",
            "pycountry lookup",
            ms["pycountry"],
            1.3,
            aim=1.0,
        ),
    ]


def loading(directories: dict[int, pathlib.Path], repeats: int) -> list[Figure]:
    """Time loading synthetic datasets, beside msgspec decoding the same files into structs."""
    figures = []
    for size, directory in directories.items():
        ours, theirs = _interleaved(
            functools.partial(read_directory, directory),
            functools.partial(_msgspec_decode, directory),
            repeats,
        )
        target = 7.0 if size >= 100_000 else None
        figures.append(
            _ratio(f"load {size:,} awards", ours, "s", "msgspec, same JSON", theirs, target)
        )
        if size == 10_000:
            figures.append(
                Figure(f"load {size:,} awards", ours, "s", "-", None, "< 0.25 s", ours < 0.25)
            )
    return figures


def queries(directory: pathlib.Path, size: int, loops: int) -> list[Figure]:
    """Time queries on the largest dataset, in microseconds a call."""
    data = read_directory(directory)
    year = data.editions()[-1].year
    category = "penilaian kompetensi"
    alias = data.institutions()[size % len(data.institutions()) // 2].aliases[0]
    # The targets are set for 100,000 awards; smaller (smoke) runs show the figures only.
    full = size >= 100_000
    cases: list[tuple[str, Callable[[], Any], float | None]] = [
        ("one filter (year)", lambda: data.awards(year=year), 5.0),
        ("two filters (year, category)", lambda: data.awards(year=year, category=category), 100.0),
        ("alias lookup", lambda: data.institution(alias), 5.0),
        (
            "full scan (each award tested)",
            lambda: sum(a.rank == 1 for a in data.awards()),
            None,
        ),
    ]
    figures = []
    for name, call, target in cases:
        call()  # the first question fills the cache; the table shows both
        repeated = _median_microseconds(call, loops)
        first = _median_microseconds(_uncached(data, call), max(3, loops // 100))
        label = f"query at {size:,}: {name}"
        figures.append(_absolute(f"{label}, asked again", repeated, target if full else None))
        figures.append(_absolute(f"{label}, first time", first, None))
    return figures


def memory(directory: pathlib.Path, size: int) -> list[Figure]:
    """Bytes held per award by a loaded dataset (everything it keeps, divided by the awards)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    data = read_directory(directory)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    per_award = held / len(data.awards())
    name = f"memory per award at {size:,}"
    if size < 100_000:  # the fixed cost of the dataset dominates small ones
        return [Figure(name, per_award, "B", "-", None, "-", None)]
    return [Figure(name, per_award, "B", "-", None, "<= 600 B", per_award <= 600)]


def report(figures: Sequence[Figure]) -> str:
    """Lay the figures out as an aligned table, with the machine they were taken on."""
    rows = [("figure", "value", "reference", "ratio", "target", "met")]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{f.value:,.1f} {f.unit}" if f.unit != "s" else f"{f.value:.3f} s",
                f.reference,
                "-" if f.ratio is None else f"{f.ratio:.2f}x",
                f.target,
                {None: "-", True: "yes", False: "MISSED"}[f.met],
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    machine = (
        f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"bkn_awards {bkn_awards.__version__}"
    )
    missed = [f.name for f in figures if f.met is False]
    verdict = "every target met" if not missed else "missed: " + "; ".join(missed)
    return "\n".join([machine, "", *lines, "", verdict])


def _ratio(
    name: str,
    value: float,
    unit: str,
    reference: str,
    reference_value: float,
    target: float | None,
    *,
    aim: float | None = None,
) -> Figure:
    ratio = value / reference_value
    wanted = "-" if target is None else f"<= {target}x" + (f" (aim {aim}x)" if aim else "")
    met = None if target is None else ratio <= target
    return Figure(
        name, value, unit, f"{reference} {reference_value:.3g} {unit}", ratio, wanted, met
    )


def _absolute(name: str, microseconds: float, target: float | None) -> Figure:
    wanted = "-" if target is None else f"<= {target:g} us"
    met = None if target is None else microseconds <= target
    return Figure(name, microseconds, "us", "-", None, wanted, met)


def _interleaved(
    ours: Callable[[], Any], theirs: Callable[[], Any], repeats: int
) -> tuple[float, float]:
    """Median seconds of each call, run in turns so that drift on the machine hits both alike."""
    timings: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for call, times in zip((ours, theirs), timings, strict=True):
            times.append(_seconds(call))
    return statistics.median(timings[0]), statistics.median(timings[1])


def _seconds(call: Callable[[], Any]) -> float:
    """Time one call, from a collected heap, to its result (not counting the result's release)."""
    gc.collect()
    start = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def _median_microseconds(call: Callable[[], Any], loops: int) -> float:
    runs = timeit.repeat(call, number=max(1, loops // 5), repeat=5)
    return 1e6 * statistics.median(runs) / max(1, loops // 5)


def _uncached(data: bkn_awards.Dataset, call: Callable[[], Any]) -> Callable[[], Any]:
    # Forget earlier answers first, so each call works its answer out again.
    def ask() -> Any:
        data._index._cache.clear()
        data._category_matches.clear()
        name_key.cache_clear()
        return call()

    return ask


class _Citation(msgspec.Struct, gc=False, forbid_unknown_fields=True):
    source: str
    paragraphs: tuple[int, ...]


@functools.cache
def _decoders() -> dict[str, msgspec.json.Decoder[Any]]:
    """A msgspec decoder for each data file, into structs with the fields of its records."""
    decoders = {}
    for filename, cls in RECORD_FILES:
        attrs.resolve_types(cls)
        fields = [(field.name, _json_type(field.type)) for field in attrs.fields(cls)]
        struct = msgspec.defstruct(cls.__name__, fields, gc=False, forbid_unknown_fields=True)
        decoders[filename] = msgspec.json.Decoder(list[struct])  # type: ignore[valid-type]
    return decoders


def _json_type(annotation: Any) -> Any:
    """The type a field has in the JSON files: links are ids, enums and dates are strings."""
    if annotation is bkn_awards.Citation:
        return _Citation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(operator.or_, (_json_type(arg) for arg in args))
    if origin is tuple:
        return tuple[_json_type(args[0]), ...]  # type: ignore[misc]
    if annotation in (int, bool, str, type(None)):
        return annotation
    return str


def _msgspec_decode(directory: pathlib.Path) -> list[Any]:
    decoders = _decoders()
    return [decoders[name].decode((directory / name).read_bytes()) for name, _ in RECORD_FILES]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few repeats")
    return parser


if __name__ == "__main__":
    sys.exit(main())
