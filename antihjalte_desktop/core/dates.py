"""Parsing the days people type and writing dates the way Swedes and Britons read them."""

from __future__ import annotations

import re
from datetime import date, timedelta

from antihjalte_desktop.errors import UsageError

# Monday = 0. Both languages, full and short forms; "tors"/"tis" as Swedes abbreviate.
_WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("mon", "monday", "mån", "måndag", "man", "mandag"),
        ("tue", "tues", "tuesday", "tis", "tisdag"),
        ("wed", "wednesday", "ons", "onsdag"),
        ("thu", "thur", "thurs", "thursday", "tor", "tors", "torsdag"),
        ("fri", "friday", "fre", "fredag"),
        ("sat", "saturday", "lör", "lördag", "lor", "lordag"),
        ("sun", "sunday", "sön", "söndag", "son", "sondag"),
    ]
):
    for _n in _names:
        _WEEKDAYS[_n] = _i

_RELATIVE = {
    "today": 0,
    "idag": 0,
    "i dag": 0,
    "tomorrow": 1,
    "imorgon": 1,
    "i morgon": 1,
    "imorn": 1,
    "i morn": 1,
}

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

# The holidays package knows Swedish holidays up to 2100, and a day at the very end of
# the calendar would have no next workday; nobody plans a focus day outside these years.
FIRST_YEAR, LAST_YEAR = 2000, 2099

WEEKDAY_NAMES = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_NAMES = {
    "sv": (
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def parse_day(text: str, today: date) -> date:
    """Turn ``2026-12-04``, ``today``, ``tomorrow`` or a weekday name into a date.

    A weekday name means the next such day after today (``fri`` on a Friday is a
    week later; say ``today`` for today). Raises :class:`UsageError` when the text
    is not a day.
    """
    key = " ".join(text.strip().lower().split())
    if key in _RELATIVE:
        return today + timedelta(days=_RELATIVE[key])
    if key in _WEEKDAYS:
        ahead = (_WEEKDAYS[key] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    m = _ISO.match(key)
    if m:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as err:
            raise UsageError(f"not a valid date: {text!r} ({err})") from None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise UsageError(f"{text!r} is out of range: use a date from {FIRST_YEAR} to {LAST_YEAR}")
        return day
    raise UsageError(
        f"cannot read {text!r} as a day: use YYYY-MM-DD, today, tomorrow or a weekday (fri, fre)"
    )


def format_day(day: date, lang: str, *, with_weekday: bool = True, with_year: bool = False) -> str:
    """``fredag 4 december`` / ``Friday 4 December`` (day before month in both)."""
    lang = lang if lang in WEEKDAY_NAMES else "en"
    text = f"{day.day} {MONTH_NAMES[lang][day.month - 1]}"
    if with_year:
        text += f" {day.year}"
    if with_weekday:
        text = f"{WEEKDAY_NAMES[lang][day.weekday()]} {text}"
    return text


def iso_week(day: date) -> int:
    return day.isocalendar().week


def daterange(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
