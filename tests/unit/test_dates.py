"""Reading the days people type, and writing them back in Swedish and English."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antihjalte_desktop.core.dates import (
    MONTH_NAMES,
    daterange,
    days_from_today,
    fix_sv_ordinals,
    format_day,
    format_time,
    iso_week,
    parse_day,
    sv_ordinal,
)
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
    "text",
    [
        "",
        "soon",
        "2026-13-01",
        "2026-02-30",
        "2026-12-4",
        "fri day",
        "12",
        "4/12/26",
        "4/13",
        "31 april",
        "0 december",
        "4 decembre",
        "4december",
        "32/1",
        "12/4/2026/1",
        "4 dec 26",
        "blah 4 december",
        "next",
        "nästa",
        "next week",
        "nästa 4 december",
        "next today",
        "torsdag 4 december",
        "29 februari 2027",
    ],
)
def test_bad_text_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError) as exc:
        parse_day(text, MONDAY)
    assert exc.value.exit_code == 2
    assert repr(text) in str(exc.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Day and month, Swedish or English, full or short, any case: the next one from today.
        ("4 december", FRIDAY),
        ("4 December", FRIDAY),
        ("4 DEC", FRIDAY),
        ("4 dec.", FRIDAY),
        ("14 januari", date(2027, 1, 14)),
        ("14 january", date(2027, 1, 14)),
        ("14 jan", date(2027, 1, 14)),
        ("3 maj", date(2027, 5, 3)),
        ("3 may", date(2027, 5, 3)),
        ("1 mars", date(2027, 3, 1)),
        ("1 march", date(2027, 3, 1)),
        ("1 okt", date(2027, 10, 1)),
        ("1 oct", date(2027, 10, 1)),
        ("1 sept", date(2027, 9, 1)),
        ("30 november", MONDAY),  # today counts: the next such date *from* today
        ("29 november", date(2027, 11, 29)),  # yesterday's date is next year's
        ("29 februari", date(2028, 2, 29)),  # the next year that has one
        ("December 4", FRIDAY),
        ("December 4, 2027", date(2027, 12, 4)),
        ("fredag 4 december", FRIDAY),  # as the app writes it
        ("Friday, 4 December 2026", FRIDAY),
        ("4 december 2027", date(2027, 12, 4)),
        ("4 december 2026", FRIDAY),
        ("1 december 2026", date(2026, 12, 1)),
        ("29 februari 2028", date(2028, 2, 29)),
        # Day/month, day first.
        ("4/12", FRIDAY),
        ("04/12", FRIDAY),
        ("4/12/2027", date(2027, 12, 4)),
        ("04/12/2026", FRIDAY),
        ("1/1", date(2027, 1, 1)),
        ("30/11", MONDAY),
        # Next week's day (ISO weeks start on Monday).
        ("nästa fredag", date(2026, 12, 11)),
        ("Nästa  fre", date(2026, 12, 11)),
        ("next friday", date(2026, 12, 11)),
        ("next fri", date(2026, 12, 11)),
        ("next monday", date(2026, 12, 7)),
        ("nästa söndag", date(2026, 12, 13)),
    ],
)
def test_dates_as_people_write_them(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


def test_next_weekday_is_in_next_iso_week() -> None:
    sunday = date(2026, 12, 6)
    # On a Sunday the coming Friday and next week's Friday are the same day.
    assert parse_day("fre", sunday) == parse_day("nästa fredag", sunday) == date(2026, 12, 11)
    # On a Thursday, "fri" is tomorrow and "next friday" the week after.
    thursday = date(2026, 12, 3)
    assert parse_day("fri", thursday) == FRIDAY
    assert parse_day("next friday", thursday) == date(2026, 12, 11)
    # On a Friday both are a week later; "next monday" across the year end.
    assert parse_day("next friday", FRIDAY) == parse_day("fri", FRIDAY) == date(2026, 12, 11)
    assert parse_day("next monday", date(2026, 12, 31)) == date(2027, 1, 4)


def test_date_without_year_rolls_over_at_year_end() -> None:
    new_years_eve = date(2026, 12, 31)
    assert parse_day("31 december", new_years_eve) == new_years_eve
    assert parse_day("30/12", new_years_eve) == date(2027, 12, 30)
    assert parse_day("1 jan", new_years_eve) == date(2027, 1, 1)


def test_refusals_say_what_is_wrong() -> None:
    with pytest.raises(UsageError, match="April 2027 has no day 31"):
        parse_day("31/4/2027", MONDAY)
    with pytest.raises(UsageError, match="no month 13"):
        parse_day("4/13", MONDAY)
    with pytest.raises(UsageError, match="is a Friday, not a Thursday"):
        parse_day("torsdag 4 december", MONDAY)
    with pytest.raises(UsageError, match="out of range"):
        parse_day("4 december 2100", MONDAY)
    with pytest.raises(UsageError, match="4 december"):  # the help names the new forms
        parse_day("soon", MONDAY)


def test_days_from_today() -> None:
    assert [days_from_today(n, "en") for n in (0, 1, 2, 12, -1, -3)] == [
        "today", "tomorrow", "in 2 days", "in 12 days", "yesterday", "3 days ago",
    ]  # fmt: skip
    assert [days_from_today(n, "sv") for n in (0, 1, 2, 12, -1, -3)] == [
        "i dag", "i morgon", "om 2 dagar", "om 12 dagar", "i går", "för 3 dagar sedan",
    ]  # fmt: skip


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


def test_times_as_swedes_write_them_in_running_text() -> None:
    assert format_time(datetime(2026, 12, 4, 17, 6), "sv") == "kl. 17.06"
    assert format_time(time(8, 0), "sv") == "kl. 08.00"
    assert format_time(datetime(2026, 12, 4, 17, 6), "en") == "17:06"


def test_swedish_ordinals() -> None:
    assert [sv_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 21, 22, 52)] == [
        "1:a", "2:a", "3:e", "4:e", "11:e", "12:e", "21:a", "22:a", "52:a",
    ]  # fmt: skip
    assert fix_sv_ordinals("En antihjältedag var 2:e vecka.") == "En antihjältedag var 2:a vecka."
    assert fix_sv_ordinals("var 4:e vecka, kl. 17:06") == "var 4:e vecka, kl. 17:06"
    assert fix_sv_ordinals("One day every 2 weeks") == "One day every 2 weeks"


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


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(0, 365),
    st.sampled_from(["sv", "en"]),
)
def test_a_date_without_year_is_the_next_one_from_today(today: date, ahead: int, lang: str) -> None:
    """Within a year from today (today included), day and month alone name exactly that day,
    however it is written; with its year it is that day whenever it is said."""
    day = today + timedelta(days=ahead)
    if (day.month, day.day) == (today.month, today.day) and day != today:
        return  # a year on: the same day and month mean today
    month = MONTH_NAMES[lang][day.month - 1]
    for text in (f"{day.day} {month}", f"{day.day} {month.upper()[:3]}", f"{day.day}/{day.month}"):
        assert parse_day(text, today) == day, text
    assert parse_day(f"{day.day} {month} {day.year}", day - timedelta(days=400)) == day
    assert parse_day(f"{day.day}/{day.month}/{day.year}", today) == day
