"""Field rules: each checks a value, says what is wrong, and states itself as schema and words."""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Any

import attrs
import pytest

from bkn_awards import Award, Category, FieldValueError, Institution
from bkn_awards.rules import (
    FIRST_YEAR,
    INT64_MAX,
    ISO_DATE,
    ISO_DATETIME,
    REGION_CODE,
    AtLeast,
    Distinct,
    Each,
    EditionYear,
    Matches,
    NonEmpty,
    NotInFuture,
    Rule,
    ShortId,
    ruled,
    rules_of,
)
from datafiles import (
    assert_refused_after,
    load_problems,
    placings_with,
    read_records,
    write_records,
)

SIDOARJO_ID = "2020-kab-sidoarjo-kompetensi"
SIDOARJO = f"awards.json: record {SIDOARJO_ID!r}"
WARTA = "wartatransparansi-2020-pemprov-jatim"
THIS_YEAR = dt.date.today().year

# The rules of fields that may be None (a year never is: EditionYear's fields are not optional).
OPTIONAL_RULES: list[Rule] = [
    NonEmpty(),
    AtLeast(1),
    NotInFuture(),
    ISO_DATE,
    ISO_DATETIME,
    REGION_CODE,
    Each(AtLeast(1)),
    Distinct("paragraph"),
]

# --- The rules, each alone ----------------------------------------------------------------------


@pytest.mark.parametrize("rule", OPTIONAL_RULES, ids=lambda rule: type(rule).__name__)
def test_not_reported_passes_every_rule(rule: Rule) -> None:
    # None is "not reported": whether a field may be None is for its type to say.
    assert rule.problem(None) is None


@pytest.mark.parametrize(
    ("rule", "good", "bad", "problem"),
    [
        (NonEmpty(), "x", "", "must not be empty"),
        (NonEmpty(), ("x",), (), "must not be empty"),
        (AtLeast(1), 1, 0, "must be at least 1, got 0"),
        (AtLeast(0), 0, -1, "must not be negative, got -1"),
        (AtLeast(1), INT64_MAX, INT64_MAX + 1, f"must be at most {INT64_MAX}, got {INT64_MAX + 1}"),
        (AtLeast(1, 5), 5, 6, "must be at most 5, got 6"),
        (EditionYear(), FIRST_YEAR, FIRST_YEAR - 1, f"must be from 2000 to {THIS_YEAR}, got 1999"),
        (EditionYear(), THIS_YEAR, THIS_YEAR + 1, f"must be from 2000 to {THIS_YEAR}, got "),
        (NotInFuture(), dt.date.today(), dt.date(2999, 1, 1), "is in the future: 2999-01-01"),
        (REGION_CODE, "35.15", "35.15x", "must be a Kemendagri code: '35' or '35.15', got"),
        (REGION_CODE, "35", "3515", "must be a Kemendagri code"),
        (ISO_DATE, "2020-12-17", "17/12/2020", "must be a date written YYYY-MM-DD, got"),
        (Each(AtLeast(1)), (1, 2), (3, 0), "must be at least 1, got 0"),
        (Distinct("alias"), ("a", "b"), ("a", "a"), "lists a alias twice: ('a', 'a')"),
    ],
)
def test_a_rule_passes_a_good_value_and_says_what_is_wrong_with_a_bad_one(
    rule: Rule, good: Any, bad: Any, problem: str
) -> None:
    assert rule.problem(good) is None
    found = rule.problem(bad)
    assert found is not None
    assert found.startswith(problem), found


def test_a_time_is_compared_with_now_in_its_own_zone() -> None:
    rule = NotInFuture()
    later = dt.datetime.now(dt.timezone(dt.timedelta(hours=9))) + dt.timedelta(hours=1)
    assert rule.problem(later) == f"is in the future: {later.isoformat()}"
    assert rule.problem(later - dt.timedelta(hours=2)) is None


def test_a_pattern_must_match_the_whole_text() -> None:
    assert ISO_DATETIME.problem("2022-08-11T18:36:00+07:00") is None
    assert ISO_DATETIME.problem("2022-08-11T18:36:00Z") is None
    assert ISO_DATETIME.problem("2022-08-11T18:36:00") is not None  # no UTC offset
    assert ISO_DATETIME.problem("x2022-08-11T18:36:00Z") is not None
    assert Matches(r"[0-9]{2}", "two digits").problem("123") == "must be two digits, got '123'"


@pytest.mark.parametrize(
    ("rule", "json_type", "schema", "text"),
    [
        (NonEmpty(), "string", {"minLength": 1}, "not empty"),
        (NonEmpty(), "array", {"minItems": 1}, "not empty"),
        (AtLeast(0), "integer", {"minimum": 0, "maximum": INT64_MAX}, "at least 0"),
        (EditionYear(), "integer", {"minimum": FIRST_YEAR}, "from 2000 to the current year"),
        (NotInFuture(), "string", {}, "not in the future"),
        (REGION_CODE, "string", {"pattern": r"^(?:[0-9]{2}(\.[0-9]{2})?)$"}, REGION_CODE.meaning),
        (
            Each(AtLeast(1)),
            "array",
            {"items": {"minimum": 1, "maximum": INT64_MAX}},
            "each at least 1",
        ),
        (Distinct("paragraph"), "array", {"uniqueItems": True}, "no paragraph twice"),
    ],
)
def test_a_rule_states_itself_as_json_schema_and_in_words(
    rule: Rule, json_type: str, schema: dict[str, Any], text: str
) -> None:
    assert rule.schema(json_type) == schema
    assert rule.text == text


def test_a_ruled_field_checks_its_rules_and_keeps_them_for_the_schema() -> None:
    @attrs.frozen
    class Prize:
        rank: int = ruled(AtLeast(1))
        names: tuple[str, ...] = ruled(Each(NonEmpty()), Distinct("name"), default=())
        note: str | None = None

    assert Prize(1).rank == 1
    with pytest.raises(FieldValueError, match=r"^rank must be at least 1, got 0$") as raised:
        Prize(0)
    assert raised.value.field == "rank"
    with pytest.raises(FieldValueError, match="names lists a name twice"):
        Prize(1, ("a", "a"))
    with pytest.raises(FieldValueError, match="names must not be empty"):
        Prize(1, ("",))
    fields = attrs.fields(Prize)
    assert rules_of(fields.rank) == (AtLeast(1),)
    assert rules_of(fields.names) == (Each(NonEmpty()), Distinct("name"))
    assert rules_of(fields.note) == ()


# --- The rules of the data files' fields, met on load ------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "rank",
            INT64_MAX + 1,
            f"placings[0].rank: must be at most {INT64_MAX}, got {INT64_MAX + 1}",
        ),
        ("rank", 2**70, "placings[0].rank: must be at most"),
        ("year", 2**64, "year: must be from 2000 to"),
        (
            "citations",
            [{"source": "x", "paragraphs": [2**64], "part": None}],
            "placings[0].citations[0].paragraphs: must be at most",
        ),
    ],
)
def test_whole_numbers_the_exports_cannot_hold_are_errors(
    data_dir: pathlib.Path, field: str, value: Any, expected: str
) -> None:
    awards = read_records(data_dir, "awards.json")
    (index,) = [n for n, a in enumerate(awards) if a["id"] == SIDOARJO_ID]
    # The rank and the citations are the placings': those of the first placing are changed.
    placing = awards[index]["placings"][0]
    if field == "citations":  # a citation of the article file the award cites
        value = [{**value[0], "source": placing["citations"][0]["source"]}]
    if field in placing:
        placing[field] = value
    else:
        awards[index][field] = value
    write_records(data_dir, "awards.json", awards)
    assert any(expected in p for p in load_problems(data_dir)), load_problems(data_dir)


@pytest.mark.parametrize(
    ("filename", "record_id", "changes", "expected"),
    [
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"placings": placings_with(SIDOARJO_ID, rank=0)},
            f"{SIDOARJO}: placings[0].rank: must be at least 1, got 0",
            id="rank 0",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {
                "placings": placings_with(
                    SIDOARJO_ID, citations=[{"source": WARTA, "paragraphs": [0], "part": None}]
                )
            },
            f"{SIDOARJO}: placings[0].citations[0].paragraphs: must be at least 1, got 0",
            id="paragraph 0",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {
                "placings": placings_with(
                    SIDOARJO_ID, citations=[{"source": WARTA, "paragraphs": [5, 5], "part": None}]
                )
            },
            f"{SIDOARJO}: placings[0].citations[0].paragraphs: lists a paragraph twice: (5, 5)",
            id="paragraph twice",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"placings": placings_with(SIDOARJO_ID, citations=[])},
            f"{SIDOARJO}: placings[0].citations: must not be empty",
            id="empty citations",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {"placings": []},
            f"{SIDOARJO}: placings: must not be empty",
            id="empty placings",
        ),
        pytest.param(
            "awards.json",
            SIDOARJO_ID,
            {
                "placings": [
                    *placings_with(SIDOARJO_ID),
                    {"rank": 0, "rank_label": "x", "category": None, "citations": []},
                ]
            },
            f"{SIDOARJO}: placings[1].rank: must be at least 1, got 0",
            id="rank 0 in a second placing",
        ),
        pytest.param(
            "events.json",
            "2020-ceremony",
            {"date": "2999-12-17"},
            "events.json: record '2020-ceremony': date: is in the future: 2999-12-17",
            id="future date",
        ),
        pytest.param(
            "sources.json",
            "surabayapagi-2022-pemkab-mojokerto",
            {"published": "2999-08-11T18:36:00+07:00"},
            "sources.json: record 'surabayapagi-2022-pemkab-mojokerto': published: "
            "is in the future: 2999-08-11T18:36:00+07:00",
            id="future publication",
        ),
        pytest.param(
            "editions.json",
            "2020",
            {"year": 1999},
            "editions.json: record '2020': year: must be from 2000 to ",
            id="year out of range",
        ),
        pytest.param(
            "tallies.json",
            "2020-jawa-timur",
            {"count": -1},
            "tallies.json: record '2020-jawa-timur': count: must not be negative, got -1",
            id="negative count",
        ),
        pytest.param(
            "sources.json",
            "bangsaonline-2022-pemkab-mojokerto",
            {"sha256": "abc"},
            "sources.json: record 'bangsaonline-2022-pemkab-mojokerto': sha256: "
            "must be 64 lower-case hex digits, got 'abc'",
            id="bad hash",
        ),
    ],
)
def test_a_bad_record_is_refused_naming_file_record_and_field(
    data_dir: pathlib.Path, filename: str, record_id: str, changes: dict[str, Any], expected: str
) -> None:
    assert_refused_after(data_dir, filename, record_id, changes, expected)


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("2020-kab-sidoarjo-kompetensi", True),
        ("bkn", True),
        ("x" * 48, True),
        ("x" * 49, False),
        ("2020-Kab-Sidoarjo", False),
        ("2020--kab", False),
        ("-2020", False),
        ("2020-kab-", False),
        ("2020 kab", False),
        ("", False),
    ],
)
def test_an_id_to_type_is_lower_case_words_and_short(value: str, kept: bool) -> None:
    rule = ShortId(48)
    assert (rule.problem(value) is None) is kept
    assert rule.schema("string") == {"pattern": "^(?:[0-9a-z]+(-[0-9a-z]+)*)$", "maxLength": 48}


def test_the_ids_people_type_keep_the_rule_on_the_model() -> None:
    for cls in (Award, Category, Institution):
        (rule,) = rules_of(attrs.fields_dict(cls)["id"])
        assert isinstance(rule, ShortId)
        assert rule.maximum == 48
