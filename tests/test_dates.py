from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from bkn_awards import parse_indonesian_datetime
from bkn_awards.text import MONTHS, TIME_ZONES, WEEKDAYS

WIB = dt.timezone(dt.timedelta(hours=7))


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
