"""Reading the days people type, and writing them back in Swedish and English."""

from __future__ import annotations

from datetime import date

import pytest

from antihjalte_desktop.core.dates import daterange, format_day, iso_week, parse_day
from antihjalte_desktop.errors import UsageError

MONDAY = date(2026, 11, 30)
FRIDAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-04", date(2026, 12, 4)),
        (" 2027-01-07 ", date(2027, 1, 7)),
        ("today", MONDAY),
        ("TODAY", MONDAY),
        ("idag", MONDAY),
        ("i dag", MONDAY),
        ("tomorrow", date(2026, 12, 1)),
        ("imorgon", date(2026, 12, 1)),
        ("i  morgon", date(2026, 12, 1)),
        ("fri", FRIDAY),
        ("friday", FRIDAY),
        ("fre", FRIDAY),
        ("fredag", FRIDAY),
        ("Fredag", FRIDAY),
        ("tors", date(2026, 12, 3)),
        ("mån", date(2026, 12, 7)),  # a Monday's "mån" is next week, not today
        ("mon", date(2026, 12, 7)),
        ("sön", date(2026, 12, 6)),
        ("sun", date(2026, 12, 6)),
    ],
)
def test_parse_day(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


def test_weekday_name_on_that_weekday_means_next_week() -> None:
    assert parse_day("fri", FRIDAY) == date(2026, 12, 11)
    assert parse_day("fre", FRIDAY) == date(2026, 12, 11)


def test_weekday_crosses_year_end() -> None:
    assert parse_day("fredag", date(2026, 12, 28)) == date(2027, 1, 1)


@pytest.mark.parametrize(
    "text", ["", "soon", "2026-13-01", "2026-02-30", "04/12/2026", "2026-12-4", "fri day", "12"]
)
def test_bad_text_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError) as exc:
        parse_day(text, MONDAY)
    assert exc.value.exit_code == 2
    assert repr(text) in str(exc.value)


@pytest.mark.parametrize("text", ["9999-12-31", "1999-12-31", "2100-01-01", "0001-01-01"])
def test_years_out_of_range_refused(text: str) -> None:
    with pytest.raises(UsageError, match="out of range"):
        parse_day(text, MONDAY)
    assert parse_day("2099-12-31", MONDAY) == date(2099, 12, 31)
    assert parse_day("2000-01-01", MONDAY) == date(2000, 1, 1)


def test_format_day() -> None:
    assert format_day(FRIDAY, "sv") == "fredag 4 december"
    assert format_day(FRIDAY, "en") == "Friday 4 December"
    assert format_day(FRIDAY, "sv", with_weekday=False, with_year=True) == "4 december 2026"
    assert format_day(date(2027, 3, 29), "sv") == "måndag 29 mars"
    assert format_day(FRIDAY, "de") == "Friday 4 December"  # unknown language: English


def test_iso_week_and_range() -> None:
    assert iso_week(FRIDAY) == 49
    assert iso_week(date(2027, 1, 1)) == 53
    assert daterange(date(2026, 12, 30), date(2027, 1, 2)) == [
        date(2026, 12, 30),
        date(2026, 12, 31),
        date(2027, 1, 1),
        date(2027, 1, 2),
    ]
    assert daterange(FRIDAY, MONDAY) == []
