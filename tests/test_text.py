"""Reading what people write: Indonesian news dates, and names folded to compare them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from bkn_awards import parse_indonesian_datetime
from bkn_awards.text import (
    MONTHS,
    TIME_ZONES,
    WEEKDAYS,
    close_names,
    mentions,
    name_key,
    name_keys,
    name_score,
    name_words,
)

WIB = dt.timezone(dt.timedelta(hours=7))

# --- News dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 11 Agu 2022 18:36 WIB", dt.datetime(2022, 8, 11, 18, 36, tzinfo=WIB)),
        ("17 Desember 2020", dt.datetime(2020, 12, 17)),
        ("Kamis (8/6/2023)", dt.datetime(2023, 6, 8)),
        ("Rabu, 10 Agustus 2022 pukul 15.30 WITA", dt.datetime(2022, 8, 10, 14, 30, tzinfo=WIB)),
        ("Senin 1 Mei 2023", dt.datetime(2023, 5, 1)),
        ("08.06.2023", dt.datetime(2023, 6, 8)),
    ],
)
def test_indonesian_dates(text: str, expected: dt.datetime) -> None:
    parsed = parse_indonesian_datetime(text)
    assert parsed == expected
    assert (parsed.utcoffset() is None) == (expected.utcoffset() is None)


@pytest.mark.parametrize("text", ["Rabu (10/8)", "10 Agustus", "Agustus 2022", "2022"])
def test_a_date_missing_its_day_month_or_year_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a full date"):
        parse_indonesian_datetime(text)


@pytest.mark.parametrize("text", ["", "bukan tanggal", "32 Agu 2022"])
def test_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="not an Indonesian date"):
        parse_indonesian_datetime(text)


@given(
    moment=st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    zone=st.sampled_from(sorted(TIME_ZONES)),
    spelling=st.integers(0, 3),
    dotted=st.booleans(),
)
def test_any_date_written_as_the_papers_write_it_reads_back(
    moment: dt.datetime, zone: str, spelling: int, dotted: bool
) -> None:
    names = MONTHS[moment.month - 1]
    month = names[spelling % len(names)]
    separator = "." if dotted else ":"
    text = (
        f"{WEEKDAYS[moment.weekday()]}, {moment.day} {month} {moment.year} "
        f"{moment.hour:02d}{separator}{moment.minute:02d} {zone}"
    )
    expected = moment.replace(
        second=0, microsecond=0, tzinfo=dt.timezone(dt.timedelta(seconds=TIME_ZONES[zone]))
    )
    assert parse_indonesian_datetime(text) == expected


def test_the_calendar_tables_are_whole() -> None:
    assert len(WEEKDAYS) == 7
    assert len(MONTHS) == 12
    assert all(names for names in MONTHS)
    # No spelling names two months.
    spellings = [name for names in MONTHS for name in names]
    assert len(spellings) == len(set(spellings))
    assert sorted(TIME_ZONES.values()) == [7 * 3600, 8 * 3600, 9 * 3600]


# --- Names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Kab. Sidoarjo", "kab sidoarjo", "KAB.  SIDOARJO", " kab-sidoarjo ", "Kab. Sidóarjo"]
)
def test_case_accents_punctuation_and_spaces_do_not_count_in_a_name(text: str) -> None:
    assert name_key(text) == "kab sidoarjo"
    assert name_words(text) == ("kab", "sidoarjo")


def test_a_text_of_no_letters_or_digits_has_no_words() -> None:
    assert name_words(" .-_() ") == ()
    assert name_key("...") == ""


def test_a_name_in_brackets_is_looked_up_alone_and_without_them() -> None:
    assert name_keys("Pemerintah Kota (Pemkot) Batu") == [
        "pemerintah kota pemkot batu",
        "pemerintah kota batu",
        "pemkot",
    ]
    assert name_keys("Kota Batu") == ["kota batu"]
    assert name_keys("()") == []


def test_mentions_finds_whole_words_only() -> None:
    text = "Pemkab Sidoarjo berhasil meraih Juara Pertama"
    assert mentions(text, "pemkab sidoarjo")
    assert mentions(text, "JUARA  pertama")
    assert not mentions(text, "juara per")
    assert not mentions(text, "sidoarjo pemkab")
    assert not mentions(text, " . ")  # an empty phrase is in no text


def test_a_name_scores_one_when_the_same_and_less_the_further_off() -> None:
    assert name_score("kab sidoarjo", "kab sidoarjo") == 1.0
    # Every word of the query in the name: at least 0.75, more the more of the name it covers.
    part = name_score("sidoarjo", "kab sidoarjo")
    assert 0.75 <= part < 1.0
    assert name_score("kab sidoarjo", "pemerintah kabupaten kab sidoarjo") < part
    typo = name_score("sidoarjp", "sidoarjo")
    assert 0 < typo < 1
    assert name_score("atlantis", "sidoarjo") < typo
    assert name_score("x" * 201, "x" * 200) == 0.0  # too long to compare, for nothing


def test_close_names_are_the_near_ones_best_first() -> None:
    names = ["kota malang", "kota madiun", "kab sidoarjo"]
    assert close_names("kota malan", names, 3)[0] == "kota malang"
    assert close_names("kab sidoarj", names, 1) == ["kab sidoarjo"]
    assert close_names("atlantis", names, 3) == []
    assert close_names("k" * 201, names, 3) == []
