"""Sphinx directives that write doc pages from the model and the bundled data.

``bkn-data-dictionary`` lists every record type with its fields, their types (read from the attrs
classes) and their meaning (read from the classes' ``Attributes:`` docstring sections), so the
dictionary is never written by hand beside the code. ``bkn-about-data`` tabulates the bundled
records: editions, sources, counts per year and what the reported tallies leave unitemised.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

import bkn_awards
from bkn_awards.layout import RECORD_FILES
from bkn_awards.records import Award, data_fields
from bkn_awards.rows import column_types, pandas_dtype
from bkn_awards.rules import rules_of

# Record types that live inside others rather than in a file of their own.
NESTED: tuple[tuple[str, type[Any]], ...] = (
    ("inside every award", bkn_awards.Placing),
    ("inside every record", bkn_awards.Citation),
    ("from bkn_awards.conflicts()", bkn_awards.Conflict),
    ("inside a Conflict", bkn_awards.Claim),
    ("from bkn_awards.coverage()", bkn_awards.Coverage),
)


def _type_name(annotation: Any) -> str:
    """Write a field type the way a reader of the JSON files thinks of it."""
    if annotation is type(None):
        return "None"
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_name(arg) for arg in typing.get_args(annotation))
    if origin is tuple:
        args = typing.get_args(annotation)
        return f"tuple[{_type_name(args[0])}, ...]"
    if annotation in (dt.date, dt.datetime):
        return f"datetime.{annotation.__name__}"
    return str(getattr(annotation, "__name__", annotation))


def _meanings(cls: type[Any]) -> dict[str, str]:
    """Read ``name: meaning`` entries from the ``Attributes:`` section of a Google docstring."""
    doc = inspect.getdoc(cls) or ""
    section = re.search(r"^Attributes:\n((?:^(?: {4}.*)?\n?)+)", doc, re.MULTILINE)
    meanings: dict[str, str] = {}
    name = ""
    for line in (section.group(1) if section else "").splitlines():
        entry = re.match(r"^ {4}(\w+): (.*)$", line)
        if entry:
            name, text = entry.groups()
            meanings[name] = text
        elif line.strip() and name:
            meanings[name] += " " + line.strip()
    return meanings


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], widths: str) -> list[str]:
    lines = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}", ""]
    for row in [headers, *rows]:
        lines.append(f"   * - {row[0]}")
        lines.extend(f"     - {cell}" for cell in row[1:])
    return [*lines, ""]


def _cell(text: str) -> str:
    return text.replace("\n", " ") or "\u2014"


class DataDictionary(SphinxDirective):
    """Every record type, field, type and meaning, from the attrs classes themselves."""

    def run(self) -> list[nodes.Node]:
        """Write a section for each record type, with a table of its fields."""
        lines: list[str] = []
        places = [(f"``{name}``", cls) for name, cls in RECORD_FILES] + list(NESTED)
        for place, cls in places:
            attrs.resolve_types(cls)
            meanings = _meanings(cls)
            title = cls.__name__
            doc = inspect.getdoc(cls)
            if not doc:
                raise self.error(f"{title} has no docstring to describe it by")
            summary = doc.splitlines()[0]
            intro = f":class:`bkn_awards.{title}` ({place}): {summary}"
            lines += [title, "-" * len(title), "", intro, ""]
            rows = []
            for field in data_fields(cls):
                meaning = meanings.get(field.name)
                if meaning is None:
                    message = f"{title}.{field.name} is not described in the class docstring"
                    raise self.error(message)
                rules = "; ".join(rule.text for rule in rules_of(field)) or "-"
                rows.append(
                    (
                        f"``{field.name}``",
                        f"``{_type_name(field.type)}``",
                        _cell(rules),
                        _cell(meaning),
                    )
                )
            lines += _table(("Field", "Type", "Rules", "Meaning"), rows, "16 22 17 45")
        lines += _groups()
        lines += _flat_columns()
        return self._parse(lines)

    def _parse(self, lines: list[str]) -> list[nodes.Node]:
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source=self.name), container)
        return list(container.children)


class AboutTheData(DataDictionary):
    """Tables of the bundled data: editions, sources, counts per year, coverage."""

    def run(self) -> list[nodes.Node]:
        """Write the tables from the bundled dataset."""
        data = bkn_awards.load()
        lines = ["Editions", "--------", ""]
        lines += _table(
            ("Year", "Edition", "Categories reported", "Awards itemised", "Cited in"),
            (
                (
                    str(e.year),
                    "\u2014" if e.number is None else f"the {_ordinal(e.number)}",
                    "\u2014" if e.category_count is None else str(e.category_count),
                    str(len(data.awards(year=e.year))),
                    ", ".join(c.source.id for c in e.citations),
                )
                for e in data.editions()
            ),
            "8 10 16 14 52",
        )
        lines += ["Sources", "-------", ""]
        lines += _table(
            ("Source", "Publisher", "Published", "Title", "Found at"),
            (
                (
                    f"``{s.id}``",
                    s.publisher or "not named",
                    s.published_on.isoformat() if s.published_on else "undated",
                    s.title or "(headline not known)",
                    f"`{_host(s.url)} <{s.url}>`__" if s.url else "\u2014",
                )
                for s in data.sources()
            ),
            "26 14 12 30 18",
        )
        lines += ["Awards per province and edition", "-------------------------------", ""]
        years = [e.year for e in data.editions()]
        by_province = Counter(
            (a.institution.region_code[:2], a.year)
            for a in data.awards()
            if a.institution.region_code
        )
        central = Counter(a.year for a in data.awards() if not a.institution.region_code)

        def row(name: str, count: Callable[[int], int]) -> list[str]:
            return [name, *(str(count(y) or "") for y in years), str(sum(map(count, years)))]

        rows = [
            row(bkn_awards.region(code).name, lambda y, code=code: by_province[code, y])
            for code in sorted({code for code, _ in by_province})
        ]
        rows.append(row("Central agencies", central.__getitem__))
        widths = " ".join(["20"] + ["7"] * (len(years) + 1))
        lines += _table(("Province", *map(str, years), "All"), rows, widths)
        lines += ["Conflicts between reports", "-------------------------", ""]
        lines += _table(
            ("What", "Field", "Claims"),
            (
                (
                    c.subject,
                    c.field,
                    "; ".join(
                        f"{claim.value} ({', '.join(x.source.id for x in claim.citations)})"
                        for claim in c.claims
                    ),
                )
                for c in data.conflicts()
            ),
            "34 10 56",
        )
        lines += ["Records per edition", "-------------------", ""]
        lines += _table(
            ("Year", "Awards", "Categories", "Events", "Tallies", "Institutions awarded"),
            (
                (
                    str(year),
                    str(len(data.awards(year=year))),
                    str(len(data.categories(year=year))),
                    str(len(data.events(year=year))),
                    str(len(data.tallies(year=year))),
                    str(len({a.institution.id for a in data.awards(year=year)})),
                )
                for year in (e.year for e in data.editions())
            ),
            "10 10 14 10 10 20",
        )
        lines += ["What is not yet covered", "-----------------------", ""]
        lines += _table(
            ("Year", "Tally", "Reported", "Itemised", "Missing"),
            (
                (
                    str(c.tally.year),
                    f"``{c.tally.id}``",
                    _dash(c.reported),
                    str(c.itemised),
                    _dash(c.missing),
                )
                for c in data.coverage()
            ),
            "8 44 14 14 14",
        )
        return self._parse(lines)


def _groups() -> list[str]:
    """The vocabulary of `Award.group`: each value, its meaning, the editions and words using it."""
    awards = bkn_awards.awards()
    meanings = _member_comments(bkn_awards.Group)
    rows = []
    for group in bkn_awards.Group:
        used = [a for a in awards if a.group is group]
        years = ", ".join(str(y) for y in sorted({a.year for a in used})) or "-"
        words = "; ".join(sorted({f"*{a.group_label}*" for a in used})) or "-"
        rows.append((f"``{group.value}``", meanings[group.name], years, words))
    intro = (
        "The values of ``Award.group`` (:class:`bkn_awards.Group`): what each holds, the editions "
        "of the bundled awards in that group, and the reports' own words for it "
        "(``Award.group_label``). An award whose reports name no group has none."
    )
    title = "Groups"
    return [
        title,
        "-" * len(title),
        "",
        intro,
        "",
        *_table(("Group", "Holds", "Editions in the data", "Reports' words"), rows, "18 30 17 35"),
    ]


def _member_comments(cls: type[Any]) -> dict[str, str]:
    """The ``#:`` comment above each member of an enum, by member name."""
    source = inspect.getsource(cls)
    return {name: text for text, name in re.findall(r"#: (.*)\n\s+(\w+) = ", source)}


def _flat_columns() -> list[str]:
    """The columns of an award's flat row, as `to_records`, CSV and `to_pandas` give them."""
    title = "Flat award rows and DataFrame columns"
    intro = (
        "``to_records()``, the CSV and JSON exports and ``to_pandas()`` give an award as one flat"
        " row: links become ids, the citations become four list columns"
        " (``sources``, ``source_titles``, ``paragraphs``, ``parts``, in the same order), and the"
        " institution's and category's names come along so that a ``groupby`` needs no join."
    )
    rows = [
        (
            f"``{name}``",
            kind.__name__ if kind.__module__ == "builtins" else kind.__qualname__,
            "yes" if optional else "no",
            f"``{pandas_dtype(kind, optional)}``",
        )
        for name, (kind, optional) in column_types(Award).items()
    ]
    headers = ("Column", "Values", "May be empty", "pandas dtype")
    return [title, "-" * len(title), "", intro, "", *_table(headers, rows, "30 20 15 35")]


def _host(url: str) -> str:
    return url.split("/")[2].removeprefix("www.")


def _dash(value: int | None) -> str:
    return "\u2014" if value is None else str(value)


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")
    return f"{number}{suffix}"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("bkn-data-dictionary", DataDictionary)
    app.add_directive("bkn-about-data", AboutTheData)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
