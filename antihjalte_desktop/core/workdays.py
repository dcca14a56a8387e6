"""Workdays: weekends and public holidays (röda dagar) are not workdays.

The holiday dates come in from outside (:func:`compute_holidays`, cached by the
store), so this module stays cheap and testable with any set of holidays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from antihjalte_desktop.core.i18n import QT_TRANSLATE_NOOP, _


@dataclass(frozen=True)
class Holiday:
    day: date
    name_sv: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_sv if lang == "sv" else self.name_en


YearHolidays = Callable[[int], dict[date, Holiday]]

# Swedish workplaces treat these eves as days off though the law does not.
SWEDISH_EVES = {
    "julafton": (QT_TRANSLATE_NOOP("holiday", "Christmas Eve"), "Julafton"),
    "midsommarafton": (QT_TRANSLATE_NOOP("holiday", "Midsummer Eve"), "Midsommarafton"),
    "nyarsafton": (QT_TRANSLATE_NOOP("holiday", "New Year's Eve"), "Nyårsafton"),
}


def swedish_eves(year: int) -> dict[date, Holiday]:
    # Midsommarafton is the Friday between 19 and 25 June.
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    days = {
        date(year, 12, 24): SWEDISH_EVES["julafton"],
        midsummer_eve: SWEDISH_EVES["midsommarafton"],
        date(year, 12, 31): SWEDISH_EVES["nyarsafton"],
    }
    return {d: Holiday(d, sv, en) for d, (en, sv) in days.items()}


def compute_holidays(country: str, year: int) -> dict[date, Holiday]:
    """Public holidays of one year in Swedish and English names.

    Imports the ``holidays`` package (about 25 MB and 0.1-0.2 s), so callers cache
    the result; see :mod:`antihjalte_desktop.store.holidays_cache`.
    """
    import holidays

    code = country.upper()
    try:
        cls = holidays.country_holidays(code).__class__
    except NotImplementedError:
        from antihjalte_desktop.errors import KnownError

        raise KnownError(
            _("holidays.country {country!r} is not a country the holidays package knows").format(
                country=country
            )
        ) from None
    langs = getattr(cls, "supported_languages", ()) or ()

    def names(lang_choices: tuple[str, ...]) -> dict[date, str]:
        lang = next((lang for lang in lang_choices if lang in langs), None)
        return dict(holidays.country_holidays(code, years=year, language=lang).items())

    sv = names(("sv", "sv_SE"))
    en = names(("en_US", "en_GB", "en"))
    result = {
        d: Holiday(d, sv.get(d, en.get(d, "")), en.get(d, sv.get(d, ""))) for d in sv.keys() | en.keys()
    }
    if code == "SE":
        for d, hol in swedish_eves(year).items():
            result.setdefault(d, hol)
    # The package lists Sundays as holidays in some countries' categories; a Sunday
    # is a weekend anyway, so drop those to keep names meaningful.
    return {d: h for d, h in result.items() if not (d.weekday() == 6 and h.name_en == "Sunday")}


def supported_country(code: str) -> bool:
    """Whether the ``holidays`` package has public holidays for this two-letter code."""
    import holidays

    return code.upper() in holidays.list_supported_countries()


class WorkCalendar:
    """Answers "is this a workday?" from weekends plus the holidays of each year."""

    def __init__(self, holidays_of_year: YearHolidays) -> None:
        self._holidays_of_year = holidays_of_year
        self._years: dict[int, dict[date, Holiday]] = {}

    def holidays(self, year: int) -> dict[date, Holiday]:
        if year not in self._years:
            self._years[year] = self._holidays_of_year(year)
        return self._years[year]

    def holiday(self, day: date) -> Holiday | None:
        return self.holidays(day.year).get(day)

    @staticmethod
    def is_weekend(day: date) -> bool:
        return day.weekday() >= 5

    def is_workday(self, day: date) -> bool:
        return not self.is_weekend(day) and self.holiday(day) is None

    def next_workday(self, day: date) -> date:
        """The first workday strictly after ``day``."""
        nxt = day + timedelta(days=1)
        while not self.is_workday(nxt):
            nxt += timedelta(days=1)
        return nxt

    def previous_workday(self, day: date) -> date:
        """The last workday strictly before ``day``."""
        prev = day - timedelta(days=1)
        while not self.is_workday(prev):
            prev -= timedelta(days=1)
        return prev

    def workday_on_or_before(self, day: date) -> date:
        return day if self.is_workday(day) else self.previous_workday(day)

    def workdays_after(self, start: date, end: date) -> int:
        """Workdays in ``(start, end]``; 0 when ``end <= start``."""
        count = 0
        d = start + timedelta(days=1)
        while d <= end:
            count += self.is_workday(d)
            d += timedelta(days=1)
        return count
