"""Workdays, holidays and the rules for planning a focus day."""

from __future__ import annotations

from datetime import date

import pytest

from antihjalte_desktop.core.plan import DayStatus, FocusDay, check_plannable, refusal
from antihjalte_desktop.core.workdays import WorkCalendar, compute_holidays, swedish_eves
from antihjalte_desktop.errors import RefusedError

TODAY = date(2026, 11, 30)  # a Monday


@pytest.mark.parametrize(
    ("day", "sv_name"),
    [
        (date(2026, 12, 24), "Julafton"),
        (date(2026, 12, 25), "Juldagen"),
        (date(2026, 12, 31), "Nyårsafton"),
        (date(2027, 1, 1), "Nyårsdagen"),
        (date(2027, 1, 6), "Trettondedag jul"),
        (date(2027, 3, 26), "Långfredagen"),
        (date(2027, 3, 29), "Annandag påsk"),
        (date(2027, 5, 6), "Kristi himmelsfärdsdag"),
        (date(2027, 6, 25), "Midsommarafton"),
    ],
)
def test_swedish_holidays_and_eves_are_not_workdays(se: WorkCalendar, day: date, sv_name: str) -> None:
    hol = se.holiday(day)
    assert hol is not None
    assert hol.name_sv == sv_name
    assert not se.is_workday(day)


@pytest.mark.parametrize("year", range(2024, 2036))
def test_midsommarafton_is_the_friday_between_19_and_25_june(year: int) -> None:
    eves = {h.name_sv: d for d, h in swedish_eves(year).items()}
    mid = eves["Midsommarafton"]
    assert mid.month == 6 and 19 <= mid.day <= 25 and mid.weekday() == 4
    assert eves["Julafton"] == date(year, 12, 24)
    assert eves["Nyårsafton"] == date(year, 12, 31)


def test_ordinary_days_are_workdays(se: WorkCalendar) -> None:
    assert se.is_workday(date(2026, 12, 4))
    assert se.is_workday(date(2026, 12, 23))
    assert se.is_workday(date(2026, 12, 28))
    assert not se.is_workday(date(2026, 12, 5))  # Saturday
    assert se.holiday(date(2026, 12, 5)) is None  # a weekend, not a holiday


def test_next_and_previous_workday_skip_holidays(se: WorkCalendar) -> None:
    assert se.next_workday(date(2026, 12, 23)) == date(2026, 12, 28)
    assert se.next_workday(date(2026, 12, 30)) == date(2027, 1, 4)
    assert se.previous_workday(date(2027, 1, 7)) == date(2027, 1, 5)  # Trettondedag on the 6th
    assert se.previous_workday(date(2027, 3, 30)) == date(2027, 3, 25)  # Easter
    assert se.workday_on_or_before(date(2026, 12, 27)) == date(2026, 12, 23)
    assert se.workday_on_or_before(date(2026, 12, 23)) == date(2026, 12, 23)
    assert se.workdays_after(date(2026, 12, 4), date(2026, 12, 4)) == 0
    assert se.workdays_after(date(2026, 12, 4), date(2026, 12, 1)) == 0


def test_workdays_after_counts_around_christmas(se: WorkCalendar) -> None:
    # 28, 29, 30 Dec are workdays, 31 Dec (Nyårsafton) and 1 Jan are not, 4 Jan is.
    assert se.workdays_after(date(2026, 12, 23), date(2027, 1, 4)) == 4
    assert [d for d in range(28, 32) if se.is_workday(date(2026, 12, d))] == [28, 29, 30]


def test_other_countries(plain: WorkCalendar) -> None:
    no = compute_holidays("NO", 2027)
    assert date(2027, 5, 17) in no  # Grunnlovsdagen
    assert date(2027, 12, 24) not in no  # the Swedish eves are only added for SE
    de = compute_holidays("de", 2026)
    assert date(2026, 10, 3) in de  # Tag der Deutschen Einheit
    assert date(2026, 6, 6) not in de  # Sweden's national day
    assert plain.is_workday(date(2026, 12, 24))


def test_supported_country() -> None:
    from antihjalte_desktop.core.workdays import supported_country

    assert supported_country("SE") and supported_country("no") and supported_country("DE")
    assert not supported_country("XX")


def test_unknown_country_is_a_clear_error() -> None:
    from antihjalte_desktop.errors import KnownError

    with pytest.raises(KnownError, match=r"holidays\.country 'XX'"):
        compute_holidays("XX", 2026)


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2026, 12, 5), "2026-12-05 is a Saturday"),
        (date(2026, 12, 6), "2026-12-06 is a Sunday"),
        (date(2026, 12, 24), "Julafton"),
        (date(2026, 12, 31), "Nyårsafton"),
        (date(2027, 6, 25), "Midsommarafton"),
        (date(2027, 3, 29), "Annandag påsk"),
    ],
)
def test_weekend_and_holiday_refused_unless_forced(se: WorkCalendar, day: date, reason: str) -> None:
    why = refusal(day, TODAY, se)
    assert why is not None and reason in why and "--force" in why
    with pytest.raises(RefusedError) as exc:
        check_plannable(day, TODAY, se)
    assert exc.value.exit_code == 1
    assert refusal(day, TODAY, se, force=True) is None
    check_plannable(day, TODAY, se, force=True)


def test_past_always_refused(se: WorkCalendar) -> None:
    yesterday = date(2026, 11, 27)  # a Friday: a workday, but over
    assert refusal(yesterday, TODAY, se) == "2026-11-27 is in the past"
    assert refusal(yesterday, TODAY, se, force=True) == "2026-11-27 is in the past"
    assert refusal(TODAY, TODAY, se) is None  # today still counts


def test_focus_day_status_and_json() -> None:
    fd = FocusDay(date(2026, 12, 4), "läsa på", "Anna", 2)
    assert fd.status(date(2026, 12, 4)) is DayStatus.PLANNED
    assert fd.status(date(2026, 12, 5)) is DayStatus.DONE
    assert fd.to_json(TODAY) == {
        "date": "2026-12-04",
        "note": "läsa på",
        "cover": "Anna",
        "status": "planned",
        "revision": 2,
    }
