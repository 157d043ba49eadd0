"""Benchmark bkn_awards against its references and print a table of figures with their targets.

Run from a clone after the README's test set-up (which installs msgspec and pycountry):

    python benchmarks/bench.py           # the full run: about a minute on two cores
    python benchmarks/bench.py --quick   # tiny sizes and few repeats: a smoke run

Every figure is the median of repeated runs; every ratio is taken against a reference measured
in the same run, so a slower or busier machine moves both sides.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import operator
import os
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
from bkn_awards.dataset import read_directory
from bkn_awards.layout import RECORD_FILES, links
from bkn_awards.records import data_fields
from bkn_awards.rules import AtLeast, Each, EditionYear, Matches, NonEmpty, Rule, ShortId, rules_of

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
    size = 200 if quick else 5_000
    figures: list[Figure] = []
    figures += cold_process(repeats=3 if quick else 21)
    with tempfile.TemporaryDirectory() as scratch:
        directory = write_dataset(pathlib.Path(scratch) / str(size), size)
        figures += loading(directory, size, repeats=2 if quick else 11)
        figures += queries(directory, size, loops=20 if quick else 2_000)
        figures += memory(directory, size)
    print(report(figures))
    return 0


def cold_process(repeats: int) -> list[Figure]:
    """Time whole processes of a built wheel, interleaved so that drift hits every command alike.

    The wheel is built from this checkout and installed (compiled, as pip installs) into a
    scratch directory put first on the path: the processes run what a user gets, with the
    snapshot of the bundled records, not the editable install of a checkout.
    """
    with tempfile.TemporaryDirectory() as scratch:
        environment = {**os.environ, "PYTHONPATH": _installed_wheel(pathlib.Path(scratch))}
        return _cold_figures(_time_processes(environment, repeats))


def _installed_wheel(scratch: pathlib.Path) -> str:
    """Build this checkout's wheel and install it alone into `scratch`; return the directory."""
    root = pathlib.Path(__file__).resolve().parents[1]
    pip = [sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(scratch), str(root)], check=True)
    (wheel,) = scratch.glob("bkn_awards-*.whl")
    target = scratch / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    return str(target)


def _time_processes(environment: dict[str, str], repeats: int) -> dict[str, float]:
    """The median milliseconds of each command, run `repeats` times with `environment`."""
    python = sys.executable
    commands = {
        "pass": [python, "-c", "pass"],
        "attrs": [python, "-c", "import attrs"],
        # What any start of the library imports before its own code: the floor of the targets.
        "floor": [python, "-c", "import attrs, pickle"],
        "cli floor": [python, "-c", "import attrs, pickle, argparse"],
        "import": [python, "-c", "import bkn_awards"],
        "query": [python, "-c", "import bkn_awards; bkn_awards.awards(year=2022)"],
        "pycountry": [python, "-c", "import pycountry; pycountry.countries.get(alpha_2='ID')"],
        "cli": [python, "-m", "bkn_awards", "awards", "--year", "2022"],
    }
    # The wheel's own snapshot must be what the processes read: a warning would say it is not.
    check = [python, "-W", "error", "-c", "import bkn_awards, sys; bkn_awards.awards()"]
    subprocess.run(check, check=True, env=environment)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
            times[name].append(time.perf_counter() - start)
    return {name: 1000 * statistics.median(values) for name, values in times.items()}


def _cold_figures(ms: dict[str, float]) -> list[Figure]:
    return [
        Figure("cold: python -c pass", ms["pass"], "ms", "-", None, "reference", None),
        Figure("cold: import attrs", ms["attrs"], "ms", "-", None, "reference", None),
        Figure("cold: pycountry lookup", ms["pycountry"], "ms", "-", None, "reference", None),
        _ratio("cold: import bkn_awards", ms["import"], "ms", "import attrs", ms["attrs"], None),
        _ratio(
            "floor: import attrs, pickle",
            ms["floor"],
            "ms",
            "pycountry lookup",
            ms["pycountry"],
            None,
        ),
        _ratio(
            "cold: import + first query",
            ms["query"],
            "ms",
            "pycountry lookup",
            ms["pycountry"],
            1.1,
        ),
        _ratio(
            "cold: bkn-awards awards --year 2022",
            ms["cli"],
            "ms",
            "python -c pass",
            ms["pass"],
            6.5,
        ),
        _ratio(
            "floor: import attrs, pickle, argparse",
            ms["cli floor"],
            "ms",
            "python -c pass",
            ms["pass"],
            None,
        ),
    ]


def loading(directory: pathlib.Path, size: int, repeats: int) -> list[Figure]:
    """Time a strict load, beside msgspec decoding and validating the same files."""
    ours, theirs = _interleaved(
        functools.partial(read_directory, directory),
        functools.partial(_msgspec_decode, directory),
        repeats,
    )
    name = f"load {size:,} awards"
    return [_ratio(name, ours, "s", "msgspec, same JSON and rules", theirs, 12.8)]


def queries(directory: pathlib.Path, size: int, loops: int) -> list[Figure]:
    """Time queries, in microseconds a call; nothing caches an answer."""
    data = read_directory(directory)
    year = data.editions()[-1].year
    category = "penilaian kompetensi"
    alias = data.institutions()[size % len(data.institutions()) // 2].aliases[0]
    cases: list[tuple[str, Callable[[], Any], float | None]] = [
        ("one filter (year)", lambda: data.awards(year=year), None),
        ("two filters (year, category)", lambda: data.awards(year=year, category=category), 50.0),
        ("two filters (institution, rank)", lambda: data.awards(institution=alias, rank=1), 50.0),
        ("alias lookup", lambda: data.institution(alias), None),
        ("full scan (each award tested)", lambda: sum(a.rank == 1 for a in data.awards()), None),
    ]
    return [
        _absolute(f"query at {size:,}: {name}", _median_microseconds(call, loops), target)
        for name, call, target in cases
    ]


def memory(directory: pathlib.Path, size: int) -> list[Figure]:
    """Bytes held per award by a loaded, queried dataset (everything it keeps, per award).

    The dataset is asked one question first: its award index is made then, and counts (the
    names index, made on the first look-up by name, does not, as before).
    """
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    data = read_directory(directory)
    data.awards(rank=1)  # a question: the award index is made on the first (as it was before)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    per_award = held / len(data.awards())
    return [
        Figure(
            f"memory per award at {size:,}", per_award, "B", "-", None, "< 600 B", per_award < 600
        )
    ]


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


@functools.cache
def _decoders() -> dict[str, msgspec.json.Decoder[Any]]:
    """A msgspec decoder for each data file, into structs with its fields and their rules."""
    decoders = {}
    for filename, cls in RECORD_FILES:
        struct = _struct(typing.cast(Any, cls))  # mypy takes type[Any] as unhashable
        decoders[filename] = msgspec.json.Decoder(list[struct])  # type: ignore[valid-type]
    return decoders


@functools.cache
def _struct(cls: Any) -> Any:  # a record class
    attrs.resolve_types(cls)
    linked = {link.field for link in links(cls)}
    fields = [(f.name, _json_type(f.type, f.name in linked, rules_of(f))) for f in data_fields(cls)]
    return msgspec.defstruct(cls.__name__, fields, gc=False, forbid_unknown_fields=True)


def _json_type(annotation: Any, linked: bool, rules: Sequence[Rule]) -> Any:
    """The type a field has in the JSON files, with msgspec's form of the field's rules."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        kinds = [_json_type(arg, linked, rules) for arg in args if arg is not type(None)]
        return functools.reduce(operator.or_, kinds) | None
    if origin is tuple:
        items = [r.rule for r in rules if isinstance(r, Each)]
        item = _json_type(args[0], linked, items)
        return _constrained(tuple[item, ...], rules)  # type: ignore[valid-type]
    if linked or annotation is str:
        return _constrained(str, rules)
    if annotation in (int, bool):
        return _constrained(annotation, rules)
    if attrs.has(annotation):  # a record held inside another: a citation, a placing
        return _struct(annotation)
    if annotation is dt.datetime:
        return typing.Annotated[dt.datetime, msgspec.Meta(tz=True)]
    if annotation is dt.date:
        return dt.date
    return str  # an enum's value


def _constrained(kind: Any, rules: Sequence[Rule]) -> Any:
    meta: dict[str, Any] = {}
    for rule in rules:
        if isinstance(rule, NonEmpty):
            meta["min_length"] = 1
        elif isinstance(rule, AtLeast):
            meta.update(ge=rule.minimum, le=rule.maximum)
        elif isinstance(rule, EditionYear):
            meta["ge"] = rule.first
        elif isinstance(rule, Matches):
            meta["pattern"] = f"^(?:{rule.pattern})$"
        elif isinstance(rule, ShortId):
            schema = rule.schema("string")
            meta.update(pattern=schema["pattern"], max_length=schema["maxLength"])
    return typing.Annotated[kind, msgspec.Meta(**meta)] if meta else kind


def _msgspec_decode(directory: pathlib.Path) -> list[Any]:
    decoders = _decoders()
    return [decoders[name].decode((directory / name).read_bytes()) for name, _ in RECORD_FILES]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few repeats")
    return parser


if __name__ == "__main__":
    sys.exit(main())
