"""`antihjalte plan add/remove/list` through the real command (Monday 30 Nov 2026)."""

from __future__ import annotations

import pytest

from .conftest import Run


def planned(ah: Run, **kw: str) -> list[str]:
    return [d["date"] for d in ah.json("plan", "list", **kw)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-12-04", "2026-12-04"),
        ("today", "2026-11-30"),
        ("tomorrow", "2026-12-01"),
        ("fri", "2026-12-04"),
        ("fre", "2026-12-04"),
        ("fredag", "2026-12-04"),
        ("mån", "2026-12-07"),
    ],
)
def test_add_accepts_dates(ah: Run, text: str, day: str) -> None:
    out = ah("plan", "add", text).stdout
    assert f"Planned: {day}" in out
    assert planned(ah) == [day]


@pytest.mark.parametrize("text", ["someday", "2026-02-30", "4/13", "fridag", "9999-12-31"])
def test_bad_date_is_usage_error(ah: Run, text: str) -> None:
    err = ah("plan", "add", text, code=2).stderr
    assert repr(text) in err
    assert planned(ah) == []


def test_bad_date_in_remove_and_list_too(ah: Run) -> None:
    ah("plan", "remove", "nope", code=2)
    ah("plan", "list", "--from", "nope", code=2)


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("2026-12-05", "is a Saturday"),
        ("2026-12-06", "is a Sunday"),
        ("2026-12-24", "Julafton"),
        ("2026-12-25", "Juldagen"),
        ("2026-12-31", "Nyårsafton"),
        ("2027-06-25", "Midsommarafton"),
        ("2027-01-06", "Trettondedag jul"),
    ],
)
def test_weekend_and_holiday_refused_unless_forced(ah: Run, day: str, reason: str) -> None:
    err = ah("plan", "add", day, code=1).stderr
    assert reason in err and "--force" in err
    assert planned(ah) == []
    ah("plan", "add", day, "--force")
    assert planned(ah) == [day]


def test_past_always_refused(ah: Run) -> None:
    for args in (("2026-11-27",), ("2026-11-27", "--force"), ("2025-12-24", "--force")):
        err = ah("plan", "add", *args, code=1).stderr
        assert "is in the past" in err
    assert planned(ah) == []


def test_twice_changes_nothing(ah: Run) -> None:
    ah("plan", "add", "2026-12-04", "--note", "läsa på", "--cover", "Anna")
    out = ah("plan", "add", "2026-12-04", "--note", "annat", "--cover", "Erik").stdout
    assert "Already planned: 2026-12-04" in out
    assert ah.json("plan", "list") == [
        {"date": "2026-12-04", "note": "läsa på", "cover": "Anna", "status": "planned", "revision": 0}
    ]


def test_remove(ah: Run) -> None:
    ah("plan", "add", "2026-12-04")
    ah("plan", "add", "2026-12-11")
    assert "Removed: 2026-12-04" in ah("plan", "remove", "2026-12-04").stdout
    assert planned(ah) == ["2026-12-11"]
    assert "not planned" in ah("plan", "remove", "2026-12-04", code=1).stderr
    assert "2026-12-04" not in ah("plan", "list").stdout


def test_json_fields_and_done_for_past_days(ah: Run) -> None:
    ah("plan", "add", "2026-12-01", "--note", "omvärldsbevakning", "--cover", "Anna Berg")
    ah("plan", "add", "2026-12-04")
    rows = ah.json("plan", "list")
    assert [set(r) >= {"date", "note", "cover", "status"} for r in rows] == [True, True]
    assert rows[0] == {
        "date": "2026-12-01",
        "note": "omvärldsbevakning",
        "cover": "Anna Berg",
        "status": "planned",
        "revision": 0,
    }
    later = ah.json("plan", "list", now="2026-12-02T10:00:00+01:00")
    assert [(r["date"], r["status"]) for r in later] == [("2026-12-01", "done"), ("2026-12-04", "planned")]
    # On the day itself it is still planned; a past day cannot be removed (history).
    assert ah.json("plan", "list", now="2026-12-04T23:59:00+01:00")[1]["status"] == "planned"
    err = ah("plan", "remove", "2026-12-01", code=1, now="2026-12-02T10:00:00+01:00").stderr
    assert "past days stay in the plan" in err


def test_from_to(ah: Run) -> None:
    for d in ("2026-12-01", "2026-12-04", "2026-12-11", "2027-01-08"):
        ah("plan", "add", d)
    assert planned(ah) == ["2026-12-01", "2026-12-04", "2026-12-11", "2027-01-08"]
    assert [d["date"] for d in ah.json("plan", "list", "--from", "2026-12-04")] == [
        "2026-12-04",
        "2026-12-11",
        "2027-01-08",
    ]
    assert [d["date"] for d in ah.json("plan", "list", "--to", "2026-12-11")] == [
        "2026-12-01",
        "2026-12-04",
        "2026-12-11",
    ]
    assert [d["date"] for d in ah.json("plan", "list", "--from", "tomorrow", "--to", "fre")] == [
        "2026-12-01",
        "2026-12-04",
    ]
    assert ah.json("plan", "list", "--from", "2027-02-01") == []
    text = ah("plan", "list", "--from", "2026-12-11").stdout
    assert "2026-12-11" in text and "2026-12-04" not in text


def test_empty_list_says_how(ah: Run) -> None:
    assert "plan add" in ah("plan", "list").stdout
    assert ah.json("plan", "list") == []


def test_edit(ah: Run) -> None:
    ah("plan", "add", "fri")
    ah("plan", "edit", "fri", "--cover", "Erik")
    assert ah.json("plan", "list")[0]["cover"] == "Erik"
    ah("plan", "edit", "2026-12-11", "--note", "x", code=1)


@pytest.mark.parametrize(
    ("country", "day", "other"),
    [
        # Norway: 17 May is Grunnlovsdagen; Julafton is no day off in the package's Norway.
        ("NO", "2027-05-17", "2027-12-24"),
        # Germany: 3 October, Tag der Deutschen Einheit; Midsommarafton is a German workday.
        ("DE", "2028-10-03", "2027-06-25"),
    ],
)
def test_holidays_country_setting(ah: Run, country: str, day: str, other: str) -> None:
    ah("plan", "add", day)  # a workday in Sweden
    ah("plan", "remove", day)
    ah("config", "set", "holidays.country", country)
    assert "public holiday" in ah("plan", "add", day, code=1).stderr
    ah("plan", "add", other)  # a Swedish day off (or eve) that is a workday there
    assert planned(ah) == [other]
