"""Hypothesis strategies for data directories: random valid datasets and corrupted copies."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st

import bkn_awards
from bkn_awards import (
    Alias,
    Award,
    Category,
    Citation,
    Edition,
    Event,
    EventKind,
    Group,
    Institution,
    InstitutionKind,
    Official,
    Placing,
    Source,
    Tally,
    Theme,
)
from bkn_awards.codec import unstructure
from bkn_awards.layout import RECORD_FILES
from datafiles import BUNDLED

T = TypeVar("T")

TODAY = dt.date.today()
ZONES = [dt.timezone(dt.timedelta(hours=h)) for h in (7, 8, 9)]
texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12)
maybe_text = st.none() | texts
ids = st.from_regex(r"[a-z][a-z0-9]{0,4}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)  # ShortId
years = st.integers(2000, TODAY.year)


def _unique(items: list[T], key: Callable[[T], object]) -> list[T]:
    seen: dict[object, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


#: Every region of the table: a regional government must carry one's code and official name.
REGIONS = bkn_awards.regions()
REGIONAL = (InstitutionKind.PROVINCE, InstitutionKind.REGENCY, InstitutionKind.CITY)


@st.composite
def _citation(draw: st.DrawFn, sources: Sequence[Source]) -> Citation:
    # Paragraphs of an article file the project holds; none for a web report.
    source = draw(st.sampled_from(sources))
    paragraphs = (
        tuple(draw(st.lists(st.integers(1, 60), min_size=1, max_size=3, unique=True)))
        if source.sha256 is not None
        else ()
    )
    return Citation(source=source, paragraphs=paragraphs, part=draw(maybe_text))


def _citations(sources: Sequence[Source]) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.lists(_citation(sources), min_size=1, max_size=2).map(tuple)


@st.composite
def _source(draw: st.DrawFn, identifier: str) -> Source:
    """An article file the project holds (its SHA-256 and file name), or a web report (a URL)."""
    held = draw(st.booleans())
    url = st.from_regex(r"https?://[a-z0-9./-]+", fullmatch=True)
    published = draw(
        st.none()
        | st.datetimes(
            dt.datetime(2000, 1, 1), dt.datetime(2024, 1, 1), timezones=st.sampled_from(ZONES)
        )
    )
    return Source(
        id=identifier,
        title=draw(maybe_text),
        publisher=draw(maybe_text),
        published=published,
        published_on=(
            published.date()
            if published is not None
            else draw(st.none() | st.dates(dt.date(2000, 1, 1), TODAY))
        ),
        url=draw(st.none() | url) if held else draw(url),
        sha256=draw(st.text("0123456789abcdef", min_size=64, max_size=64)) if held else None,
        filename=draw(st.from_regex(r"[a-z0-9_-]{1,12}\.txt", fullmatch=True)) if held else None,
        editor=draw(maybe_text),
        sign_off=draw(maybe_text),
    )


def _institution(draw: st.DrawFn, identifier: str) -> Institution:
    """A national body, or the government of a region with the table's code and name."""
    kind = draw(st.sampled_from(InstitutionKind))
    if kind not in REGIONAL:
        return Institution(
            id=identifier,
            name=draw(texts),
            kind=kind,
            region_code=None,
            iso_3166_2=None,
            aliases=tuple(draw(st.lists(texts, max_size=3, unique=True))),
        )
    place = draw(st.sampled_from([r for r in REGIONS if r.kind is kind]))
    return Institution(
        id=place.institution_id,  # the table gives a government its id
        name=place.official_name,
        kind=kind,
        region_code=place.code,
        iso_3166_2=place.iso_3166_2,
        aliases=tuple(draw(st.lists(texts, max_size=3, unique=True))),
    )


@st.composite
def _records(draw: st.DrawFn, make: Callable[[st.DrawFn, str], T], size: int = 4) -> list[T]:
    return [
        make(draw, identifier) for identifier in draw(st.lists(ids, max_size=size, unique=True))
    ]


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, list[Any]]:
    """A consistent, random dataset: links resolve, years have editions, no record repeats."""
    sources = [draw(_source(i)) for i in draw(st.lists(ids, min_size=1, max_size=3, unique=True))]
    cites = _citations(sources)
    institutions = _unique(draw(_records(_institution)), lambda i: i.id)
    if not institutions:
        institutions = [
            Institution(
                id="x",
                name="X",
                kind=InstitutionKind.AGENCY,
                region_code=None,
                iso_3166_2=None,
                aliases=(),
            )
        ]
    officials = draw(
        _records(
            lambda d, i: Official(
                id=i,
                name=d(texts),
                position=d(texts),
                institution=d(st.none() | st.sampled_from(institutions)),
                citations=d(cites),
            )
        )
    )
    edition_years = draw(st.lists(years, min_size=1, max_size=3, unique=True))
    editions = [
        Edition(
            id=f"e{year}",
            year=year,
            number=draw(st.none() | st.integers(1, 20)),
            category_count=draw(st.none() | st.integers(1, 10)),
            citations=draw(cites),
        )
        for year in edition_years
    ]
    categories = draw(
        _records(
            lambda d, i: Category(
                id=i,
                year=d(st.sampled_from(edition_years)),
                name=d(texts),
                name_en=d(texts),
                theme=d(st.sampled_from(Theme)),
                number=d(st.none() | st.integers(1, 10)),
                citations=d(cites),
            )
        )
    )
    events = _unique(
        draw(_records(lambda d, i: _event(d, i, edition_years, officials, cites))), _event_key
    )
    awards = _one_each(
        draw(
            _records(
                lambda d, i: _award(d, i, edition_years, institutions, categories, events, cites),
                size=6,
            )
        )
    )
    tallies = _unique(
        draw(_records(lambda d, i: _tally(d, i, edition_years, institutions, cites))),
        lambda t: (t.year, t.institution, t.region_code, frozenset(t.kinds)),
    )
    # An earlier id is none of today's: `ids` begins none with a digit.
    aliases = [
        Alias(id=f"0-{award.id}", award=award, merged=False, since="0.3.0", reason=draw(texts))
        for award in awards
        if draw(st.booleans())
    ]
    return {
        "sources.json": sources,
        "institutions.json": institutions,
        "officials.json": officials,
        "editions.json": editions,
        "categories.json": categories,
        "events.json": events,
        "awards.json": awards,
        "tallies.json": tallies,
        "aliases.json": aliases,
    }


def _event(
    draw: st.DrawFn, identifier: str, years: list[int], officials: list[Official], cites: Any
) -> Event:
    year = draw(st.sampled_from(years))
    date = draw(st.none() | st.dates(dt.date(year, 1, 1), TODAY))
    inferred = date is not None and draw(st.booleans())
    people = (
        st.lists(st.sampled_from(officials), max_size=2, unique=True).map(tuple)
        if officials
        else st.just(())
    )
    return Event(
        id=identifier,
        year=year,
        kind=draw(st.sampled_from(EventKind)),
        date=date,
        date_inferred=inferred,
        date_note=draw(texts) if inferred else None,
        time_of_day=draw(maybe_text),
        venue=draw(maybe_text),
        address=draw(maybe_text),
        city=draw(maybe_text),
        presenters=draw(people),
        recipients=draw(people),
        represented=draw(people),
        accompanying=draw(people),
        description=draw(texts),
        citations=draw(cites),
    )


def _event_key(event: Event) -> object:
    return (event.year, event.kind, frozenset(event.presenters), frozenset(event.recipients))


def _one_each(awards: list[Award]) -> list[Award]:
    """The awards but those that give an award before them again.

    One award is one record: two of one edition, institution, category and group would be one
    award twice (an award whose reports disagree on its category holds each of them).
    """
    seen: set[object] = set()
    kept = []
    for award in awards:
        keys = {(award.year, award.institution.id, c.id, award.group) for c in award.categories}
        if not keys & seen:
            seen |= keys
            kept.append(award)
    return kept


def _award(
    draw: st.DrawFn,
    identifier: str,
    years: list[int],
    institutions: list[Institution],
    categories: list[Category],
    events: list[Event],
    cites: Any,
) -> Award:
    category = draw(st.none() | st.sampled_from(categories)) if categories else None
    year = category.year if category else draw(st.sampled_from(years))
    institution = draw(st.sampled_from(institutions))
    event = draw(st.none() | st.sampled_from(events)) if events else None
    recipient = draw(st.sampled_from(event.recipients)) if event and event.recipients else None
    group = draw(st.none() | st.sampled_from([g for g in Group if g.kind is institution.kind]))
    # Where the award has no category, reports may each give one of its year (and disagree).
    of_year = [c for c in categories if c.year == year]
    placed_in = st.none() | st.sampled_from(of_year) if category is None and of_year else st.none()
    placings = draw(
        st.lists(
            st.builds(
                Placing,
                rank=st.none() | st.integers(1, 10) | st.just(2**63 - 1),  # the largest one too
                rank_label=texts,
                category=placed_in,
                citations=cites,
            ),
            min_size=1,
            max_size=2,
        )
    )
    return Award(
        id=identifier,
        year=year,
        institution=institution,
        category=category,
        group=group,
        group_label=None if group is None else draw(texts),
        placings=tuple(placings),
        event=event,
        recipient=recipient,
    )


def _tally(
    draw: st.DrawFn, identifier: str, years: list[int], institutions: list[Institution], cites: Any
) -> Tally:
    # One institution's count, a region's, or the whole country's.
    counts = draw(st.sampled_from(["institution", "region", "country"]))
    region = draw(st.sampled_from(REGIONS)).code if counts == "region" else None
    return Tally(
        id=identifier,
        year=draw(st.sampled_from(years)),
        count=draw(st.none() | st.integers(0, 100) | st.just(2**63 - 1)),
        institution=draw(st.sampled_from(institutions)) if counts == "institution" else None,
        region_code=region,
        kinds=tuple(draw(st.lists(st.sampled_from(InstitutionKind), min_size=1, unique=True)))
        if counts != "institution"
        else (),
        recipients=draw(st.none() | st.integers(0, 40)),
        highest_in_country=draw(st.booleans()),
        description=draw(texts),
        citations=draw(cites),
    )


def write_dataset(directory: pathlib.Path, data: dict[str, list[Any]]) -> None:
    """Write `data` as a data directory, each record as the decoder unstructures it."""
    for filename, _ in RECORD_FILES:
        text = json.dumps([unstructure(record) for record in data[filename]], ensure_ascii=False)
        (directory / filename).write_text(text, encoding="utf-8")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def corruptions(draw: st.DrawFn) -> tuple[str, bytes]:
    """A data file of the bundled set and new bytes for it, broken in one of several ways."""
    filename = draw(st.sampled_from([name for name, _ in RECORD_FILES]))
    original = (BUNDLED / filename).read_bytes()
    records = json.loads(original)
    how = draw(st.sampled_from(["truncate", "byte", "drop-key", "set-key", "duplicate", "replace"]))
    if how == "truncate":
        return filename, original[: draw(st.integers(0, len(original) - 1))]
    if how == "byte":
        at = draw(st.integers(0, len(original) - 1))
        return filename, original[:at] + bytes([draw(st.integers(0, 255))]) + original[at + 1 :]
    if how == "replace" or not records:
        return filename, json.dumps(draw(json_values)).encode()
    record = draw(st.sampled_from(records))
    if how == "drop-key":
        del record[draw(st.sampled_from(sorted(record)))]
    elif how == "set-key":
        record[draw(st.sampled_from([*sorted(record), "extra"]))] = draw(json_values)
    else:
        records.append(dict(record))
    return filename, json.dumps(records, ensure_ascii=False).encode()


def write_corrupted(directory: pathlib.Path, corruption: tuple[str, bytes]) -> None:
    """Write the bundled data files into `directory`, one of them replaced by a corruption."""
    filename, content = corruption
    for other, _ in RECORD_FILES:
        (directory / other).write_bytes((BUNDLED / other).read_bytes())
    (directory / filename).write_bytes(content)
