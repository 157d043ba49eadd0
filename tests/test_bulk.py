"""The fast path for valid files builds what the record-by-record converter builds, or declines."""

from __future__ import annotations

import json
import pathlib
import tempfile
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import bkn_awards
from bkn_awards._fields import ACCEPTED_YEARS, INLINE_TESTS, InlineTest, at_least_one
from bkn_awards.bulk import Shared, structure_text
from bkn_awards.converter import make_converter, record_structurer, register_links
from bkn_awards.layout import RECORD_FILES
from datafiles import BUNDLED, read_records, write_records
from strategies import corruptions, datasets, write_corrupted, write_dataset

# Stands for the source of the record the test changes.
SOURCE = "(the record's own source)"

Outcome = tuple[list[Any] | None, list[Any] | None]


def _each_path(directory: pathlib.Path) -> dict[str, Outcome]:
    """Structure each file by both paths: (fast path, or None), (converter, or None if it fails)."""
    shared = Shared(cls for _, cls in RECORD_FILES)
    converter = make_converter()
    outcomes: dict[str, Outcome] = {}
    for filename, cls in RECORD_FILES:
        try:
            text = (directory / filename).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return outcomes  # loading stops before either path
        try:
            raw = json.loads(text)
        except ValueError:
            raw = None
        if not isinstance(raw, list):
            assert structure_text(text, cls, shared) is None
            return outcomes
        fast = structure_text(text, cls, shared)
        structure = record_structurer(converter, cls)
        try:
            each: list[Any] | None = [structure(item, cls) for item in raw]
        except Exception:
            each = None
        outcomes[filename] = (fast, each)
        targets = {record.id: record for record in each or ()}
        shared.targets[cls] = targets
        register_links(converter, cls, targets)
    return outcomes


@given(datasets())
def test_valid_files_take_the_fast_path_and_give_the_converters_records(
    data: dict[str, list[Any]],
) -> None:
    with tempfile.TemporaryDirectory() as name:
        write_dataset(pathlib.Path(name), data)
        outcomes = _each_path(pathlib.Path(name))
    assert list(outcomes) == [filename for filename, _ in RECORD_FILES]
    for filename, (fast, each) in outcomes.items():
        assert fast is not None, filename
        assert fast == each == data[filename], filename


@given(corruptions())
def test_the_fast_path_accepts_a_corrupted_file_only_where_the_converter_does(
    corruption: tuple[str, bytes],
) -> None:
    with tempfile.TemporaryDirectory() as name:
        write_corrupted(pathlib.Path(name), corruption)
        outcomes = _each_path(pathlib.Path(name))
    for each_file, (fast, each) in outcomes.items():
        if fast is not None:
            assert fast == each, each_file


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("year", True),  # bool is an int in Python, not in the data
        ("year", 2022.0),
        ("rank", "2"),
        ("rank", 0),  # a validator's rule
        ("institution", "kab-nowhere"),
        ("citations", []),
        ("citations", [{"source": SOURCE, "paragraphs": [True]}]),
        ("citations", [{"source": SOURCE, "paragraphs": [22], "x": 1}]),
        ("group", ["tingkat Kabupaten"]),
    ],
)
def test_the_fast_path_declines_what_the_converter_refuses(
    data_dir: pathlib.Path, field: str, value: Any
) -> None:
    awards = read_records(data_dir, "awards.json")
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = [{**value[0], "source": awards[-1]["citations"][0]["source"]}]
    awards[-1][field] = value
    write_records(data_dir, "awards.json", awards)
    fast, each = _each_path(data_dir)["awards.json"]
    assert fast is None
    assert each is None
    with pytest.raises(bkn_awards.DataError) as raised:
        bkn_awards.load(data_dir)
    (problem,) = raised.value.problems
    assert problem.startswith(f"awards.json: record '{awards[-1]['id']}': ")
    assert field in problem


def test_a_citation_seen_before_does_not_let_a_look_alike_through(data_dir: pathlib.Path) -> None:
    # (source, [1]) is built first; (source, [True]) has an equal key in Python.
    awards = read_records(data_dir, "awards.json")
    source = awards[0]["citations"][0]["source"]
    awards[0]["citations"] = [{"source": source, "paragraphs": [1]}]
    awards[1]["citations"] = [{"source": source, "paragraphs": [True]}]
    write_records(data_dir, "awards.json", awards)
    assert _each_path(data_dir)["awards.json"] == (None, None)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("group", {"source": SOURCE, "paragraphs": [22]}),  # a citation where text belongs
        ("citations", [{"id": "x", "year": 2022}]),  # an object of another size
    ],
)
def test_a_json_object_is_a_record_only_where_its_parent_takes_one(
    data_dir: pathlib.Path, field: str, value: Any
) -> None:
    awards = read_records(data_dir, "awards.json")
    source = awards[-1]["citations"][0]["source"]
    awards[-1][field] = json.loads(
        json.dumps(value).replace(json.dumps(SOURCE), json.dumps(source))
    )
    write_records(data_dir, "awards.json", awards)
    assert _each_path(data_dir)["awards.json"] == (None, None)


def test_an_award_in_place_of_a_citation_is_declined(data_dir: pathlib.Path) -> None:
    awards = read_records(data_dir, "awards.json")
    awards[-1]["citations"] = [dict(awards[0])]
    write_records(data_dir, "awards.json", awards)
    assert _each_path(data_dir)["awards.json"] == (None, None)


def test_a_year_not_seen_before_is_checked_by_its_validator(data_dir: pathlib.Path) -> None:
    # The inline test passes only years accepted before; the first of each goes to the clock.
    seen = set(ACCEPTED_YEARS)
    ACCEPTED_YEARS.clear()
    try:
        fast, each = _each_path(data_dir)["awards.json"]
        assert fast is not None
        assert fast == each
        assert {award.year for award in fast} <= ACCEPTED_YEARS
    finally:
        ACCEPTED_YEARS.update(seen)


# Values of the types the validated fields declare (int, str, tuples of ints), and None.
_FIELD_VALUES = (
    st.none()
    | st.integers(-3, 3)
    | st.integers(1995, 2030)
    | st.text(max_size=2)
    | st.lists(st.integers(-1, 3), max_size=3).map(tuple)
)


@pytest.mark.parametrize(
    ("validator", "test"), INLINE_TESTS.items(), ids=[v.__name__ for v in INLINE_TESTS]
)
@given(value=_FIELD_VALUES)
def test_a_value_an_inline_test_passes_is_one_its_validator_accepts(
    validator: Callable[..., Any], test: InlineTest, value: Any
) -> None:
    expression, names = test
    # A TypeError, from the test or the validator, means a value of another type than the
    # validator's field has; a value of the right type that the test passes must be accepted.
    try:
        passed = eval(
            expression.format(v="value", **{k: k for k in names}), {**names, "value": value}
        )
        if passed:
            validator(None, attrs.fields(bkn_awards.Award).rank, value)
    except TypeError:
        assume(False)


def test_repeated_citations_are_one_object() -> None:
    awards = bkn_awards.awards()
    citations = [citation for award in awards for citation in award.citations]
    distinct = {(c.source.id, c.paragraphs) for c in citations}
    assert len({id(c) for c in citations}) == len(distinct) < len(citations)


def test_a_class_it_cannot_build_is_declined() -> None:
    def strip(text: str) -> str:
        return text.strip()

    @attrs.frozen
    class Converted:
        id: str = attrs.field(converter=strip)

    assert structure_text('[{"id": " a "}]', Converted, Shared(())) is None


@attrs.frozen
class Inner:
    n: int


@attrs.frozen
class Outer:
    inner: Inner


@attrs.frozen
class Pair:
    inner: Inner
    n: int


@attrs.frozen(cache_hash=True)
class Hashed:
    n: int = attrs.field(validator=at_least_one)


@attrs.frozen
class Counted:
    n: int = attrs.field(validator=at_least_one)
    made: ClassVar[list[int]] = []

    def __attrs_post_init__(self) -> None:
        self.made.append(self.n)


def test_records_whose_init_does_more_than_fill_fields_are_made_by_it() -> None:
    hashed = structure_text('[{"n": 2}]', Hashed, Shared(()))
    assert hashed == [Hashed(2)]
    assert hash(hashed[0]) == hash(Hashed(2))
    assert structure_text('[{"n": 3}]', Counted, Shared(())) == [Counted(3)]
    assert Counted.made == [3, 3]
    assert structure_text('[{"n": 0}]', Hashed, Shared(())) is None


def test_record_types_of_one_size_in_one_file_are_declined() -> None:
    # The object hook tells record types apart by their number of fields.
    text = '[{"inner": {"n": 1}, "n": 2}]'
    assert structure_text(text, Pair, Shared(())) == [Pair(Inner(1), 2)]
    assert structure_text('[{"inner": {"n": 1}}]', Outer, Shared(())) is None


SOURCES = (BUNDLED / "sources.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("[]", True),
        (" \t\r\n[ \n ]\n ", True),
        (SOURCES, True),
        (SOURCES.replace(",\n  {", " ,\t{") + "\r\n", True),
        (SOURCES + " x", False),  # JSON allows nothing after the list
        (SOURCES.replace(",\n  {", ",\u00a0{", 1), False),  # nor other whitespace
        (SOURCES.replace("}\n]", "},\n]"), False),  # nor a comma before its end
        (SOURCES.rstrip().removesuffix("]"), False),
        ("\ufeff" + SOURCES, False),
        ('{"id": "x"}', False),
    ],
)
def test_the_fast_path_reads_the_json_list_as_the_json_module_does(text: str, read: bool) -> None:
    from bkn_awards import Source

    records = structure_text(text, Source, Shared(cls for _, cls in RECORD_FILES))
    assert (records is not None) == read
    if records is not None:
        assert records == list(bkn_awards.load().sources())[: len(json.loads(text))]
