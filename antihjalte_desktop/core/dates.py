"""Parsing the days people type and writing dates the way Swedes and Britons read them."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from antihjalte_desktop.core.i18n import _, language
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
# 4/12 and 4/12/2027: day first, as in Sweden and Britain.
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}))?$")
# "4 december", "4 dec. 2027", "fredag 4 december", "December 4, 2027".
_DAY_MONTH = re.compile(r"^(?:(?P<wd>[^\W\d]+),? )?(?P<d>\d{1,2})\.? (?P<m>[^\W\d]+)\.?(?: (?P<y>\d{4}))?$")
_MONTH_DAY = re.compile(r"^(?:(?P<wd>[^\W\d]+),? )?(?P<m>[^\W\d]+)\.? (?P<d>\d{1,2}),?(?: (?P<y>\d{4}))?$")
_NEXT = ("nästa", "nasta", "next")

# Month = 1..12. Swedish and English, full names and the usual abbreviations.
_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("jan", "januari", "january"),
        ("feb", "februari", "february"),
        ("mar", "mars", "march"),
        ("apr", "april"),
        ("maj", "may"),
        ("jun", "juni", "june"),
        ("jul", "juli", "july"),
        ("aug", "augusti", "august"),
        ("sep", "sept", "september"),
        ("okt", "oct", "oktober", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ],
    start=1,
):
    for _n in _names:
        _MONTHS[_n] = _i

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
    """Turn what a person types into a date; raise :class:`UsageError` when it is not one.

    - ``2026-12-04``; ``today``/``idag``, ``tomorrow``/``i morgon``;
    - a weekday (``fri``, ``fre``, ``fredag``): the next such day after today, so ``fri`` on a
      Friday is a week later (say ``today`` for today);
    - ``next friday``/``nästa fredag``: the Friday of next week (weeks start on Monday, ISO);
    - a day and a month: ``4 december``, ``14 januari``, ``3 maj``, ``4 dec``, ``4/12``
      (day first), with a year (``4 december 2027``, ``4/12/2027``) or without. Without a
      year it is the next such date from today, today included: ``30 november`` on
      30 November is today, on 1 December it is next year's.
    """
    key = " ".join(text.strip().lower().split())
    if key in _RELATIVE:
        return today + timedelta(days=_RELATIVE[key])
    if key in _WEEKDAYS:
        ahead = (_WEEKDAYS[key] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    first, _sep, rest = key.partition(" ")
    if first in _NEXT and rest in _WEEKDAYS:
        next_monday = today + timedelta(days=7 - today.weekday())
        return next_monday + timedelta(days=_WEEKDAYS[rest])
    m = _ISO.match(key)
    if m:
        return _checked(text, int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC.match(key)
    if m:
        return _day_and_month(text, today, int(m[1]), int(m[2]), m[3])
    m = _DAY_MONTH.match(key) or _MONTH_DAY.match(key)
    if m and m["m"] in _MONTHS:
        if m["wd"] is not None and m["wd"] not in _WEEKDAYS:
            raise _unreadable(text)
        day = _day_and_month(text, today, int(m["d"]), _MONTHS[m["m"]], m["y"])
        if m["wd"] is not None and _WEEKDAYS[m["wd"]] != day.weekday():
            lang = language()
            name = WEEKDAY_NAMES[lang]
            raise UsageError(
                _("{text!r} does not add up: {date} is a {weekday}, not a {typed}").format(
                    text=text,
                    date=format_day(day, lang, with_weekday=False, with_year=True),
                    weekday=name[day.weekday()],
                    typed=name[_WEEKDAYS[m["wd"]]],
                )
            )
        return day
    raise _unreadable(text)


def _unreadable(text: str) -> UsageError:
    return UsageError(
        _(
            "cannot read {text!r} as a day: use a date (4 december, 4/12, 2026-12-04), "
            "today, tomorrow or a weekday (fri, fre, next friday)"
        ).format(text=text)
    )


def _checked(text: str, year: int, month: int, day: int) -> date:
    """The date, or a usage error that says what is wrong with it."""
    if not 1 <= month <= 12:
        raise UsageError(
            _("{text!r} is not a date: there is no month {month}").format(text=text, month=month)
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(
            _("{text!r} is out of range: use a date from {first} to {last}").format(
                text=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        name = MONTH_NAMES[language()][month - 1]
        raise UsageError(
            _("{text!r} is not a date: {month} {year} has no day {day}").format(
                text=text, month=name, year=year, day=day
            )
        ) from None


def _day_and_month(text: str, today: date, day: int, month: int, year: str | None) -> date:
    """A day and month in the given year, or else the next one from today (today included)."""
    if year is not None:
        return _checked(text, int(year), month, day)
    if not 1 <= month <= 12:
        raise UsageError(
            _("{text!r} is not a date: there is no month {month}").format(text=text, month=month)
        )
    # 29 February comes back within eight years; every other day within one.
    for y in range(today.year, today.year + 9):
        try:
            found = date(y, month, day)
        except ValueError:
            continue
        if found >= today:
            return _checked(text, y, month, day)
    raise UsageError(
        _("{text!r} is not a date: {month} has no day {day}").format(
            text=text, month=MONTH_NAMES[language()][month - 1], day=day
        )
    )


def days_from_today(days: int, lang: str) -> str:
    """How far off a day is, in calendar days: ``today``, ``tomorrow``, ``in 12 days``
    (``i dag``, ``i morgon``, ``om 12 dagar``); past days as ``yesterday``, ``3 days ago``.
    The one place for this wording."""
    sv = lang == "sv"
    if days == 0:
        return "i dag" if sv else "today"  # untranslated: chosen by lang
    if days == 1:
        return "i morgon" if sv else "tomorrow"  # untranslated: chosen by lang
    if days == -1:
        return "i går" if sv else "yesterday"  # untranslated: chosen by lang
    if days > 1:
        return f"om {days} dagar" if sv else f"in {days} days"  # untranslated: chosen by lang
    return f"för {-days} dagar sedan" if sv else f"{-days} days ago"  # untranslated: chosen by lang


def format_day(day: date, lang: str, *, with_weekday: bool = True, with_year: bool = False) -> str:
    """``fredag 4 december`` / ``Friday 4 December`` (day before month in both)."""
    lang = lang if lang in WEEKDAY_NAMES else "en"
    text = f"{day.day} {MONTH_NAMES[lang][day.month - 1]}"
    if with_year:
        text += f" {day.year}"
    if with_weekday:
        text = f"{WEEKDAY_NAMES[lang][day.weekday()]} {text}"
    return text


def short_weekday(day: date, lang: str) -> str:
    """``fre`` / ``Fri``."""
    return WEEKDAY_NAMES["sv" if lang == "sv" else "en"][day.weekday()][:3]


def clock(moment: time | datetime, lang: str) -> str:
    """A time of day as people write it (24-hour): ``17.06`` in Swedish, ``17:06`` in English."""
    sep = "." if lang == "sv" else ":"
    return f"{moment.hour:02d}{sep}{moment.minute:02d}"


def format_time(moment: time | datetime, lang: str) -> str:
    """A time of day in running text: ``kl. 17.06`` in Swedish, ``17:06`` in English (24-hour)."""
    return f"kl. {clock(moment, lang)}" if lang == "sv" else clock(moment, lang)


def sv_ordinal(n: int) -> str:
    """A Swedish ordinal in digits: ``1:a``, ``2:a``, ``3:e``, ``4:e``, ``11:e``, ``21:a``."""
    return f"{n}:a" if n % 10 in (1, 2) and n % 100 not in (11, 12) else f"{n}:e"


_SV_ORDINAL = re.compile(r"(?<![\d:])(\d+):[ae]\b")


def fix_sv_ordinals(text: str) -> str:
    """Right ordinal endings in a Swedish text written with ``%n:e`` ("var 2:e vecka" → "var 2:a
    vecka"): a translation's plural form cannot tell 2 from 4."""
    return _SV_ORDINAL.sub(lambda m: sv_ordinal(int(m[1])), text)


def iso_week(day: date) -> int:
    return day.isocalendar().week


def daterange(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
