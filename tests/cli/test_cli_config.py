"""`antihjalte config list | get | set | unset` through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.test_settings_schema import REQUIRED

from .conftest import Run


def test_list_shows_every_required_key(ah: Run) -> None:
    out = ah("config", "list").stdout
    for key in REQUIRED:
        assert f"\n{key} = " in "\n" + out, key
    assert "feed.password" not in out  # secrets live in the keyring only
    data = ah.json("config", "list")
    assert data["cadence.every_weeks"] == 4 and data["reminders.handover_time"] == "14:00"


def test_set_get_unset(ah: Run, home: Path) -> None:
    ah("config", "set", "cadence.every_weeks", "6")
    ah("config", "set", "me.name", "Kim Svensson")
    ah("config", "set", "reminders.start_time", "7:30")
    ah("config", "set", "handover.items", "phone; calendar")
    assert ah("config", "get", "cadence.every_weeks").stdout == "6\n"
    assert ah("config", "get", "me.name").stdout == "Kim Svensson\n"
    assert ah("config", "get", "reminders.start_time").stdout == "07:30\n"
    assert json.loads(ah("config", "get", "handover.items").stdout) == ["phone", "calendar"]
    assert "cadence.every_weeks = 6  (set)" in ah("config", "list").stdout
    stored = json.loads((home / "config" / "settings.json").read_text())
    assert stored["cadence.every_weeks"] == 6
    ah("config", "unset", "cadence.every_weeks")
    assert ah("config", "get", "cadence.every_weeks").stdout == "4\n"
    assert "cadence.every_weeks" not in json.loads((home / "config" / "settings.json").read_text())


@pytest.mark.parametrize("action", [("get", "nope.key"), ("set", "nope.key", "1"), ("unset", "cadence")])
def test_wrong_key_is_usage_error(ah: Run, action: tuple[str, ...]) -> None:
    err = ah("config", *action, code=2).stderr
    assert "unknown setting" in err and "config list" in err


def test_wrong_key_suggests(ah: Run) -> None:
    assert "did you mean reminders.start_time" in ah("config", "get", "start_time", code=2).stderr


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("cadence.every_weeks", "abc", "takes a whole number"),
        ("cadence.every_weeks", "99", "at most 52"),
        ("reminders.handover_time", "25:00", "HH:MM"),
        ("reminders.restore_time", "morning", "HH:MM"),
        ("ui.language", "fi", "must be one of"),
        ("holidays.country", "Sverige", "two-letter"),
        ("me.email", "kim-at-kommun", "not an e-mail address"),
        ("app.autostart", "kanske", "true or false"),
    ],
)
def test_wrong_value_is_usage_error(ah: Run, home: Path, key: str, value: str, words: str) -> None:
    before = ah("config", "get", key).stdout
    err = ah("config", "set", key, value, code=2).stderr
    assert words in err
    assert ah("config", "get", key).stdout == before


def test_unknown_country_refused(ah: Run) -> None:
    err = ah("config", "set", "holidays.country", "XX", code=2).stderr
    assert "'XX' is not a country the holidays package knows" in err
    assert ah("config", "get", "holidays.country").stdout == "SE\n"
    ah("config", "set", "holidays.country", "no")
    assert "public holiday" in ah("plan", "add", "2027-05-17", code=1).stderr


def test_password_not_in_settings(ah: Run) -> None:
    assert "keyring" in ah("config", "set", "feed.password", "hemligt", code=2).stderr


def test_damaged_settings_file(ah: Run, home: Path) -> None:
    ah("config", "set", "me.name", "Kim")
    f = home / "config" / "settings.json"
    f.write_text('{"me.name": "Kim", "cadence.every_weeks": "many"}')
    proc = ah("config", "get", "cadence.every_weeks")
    assert proc.stdout == "4\n" and "cadence.every_weeks" in proc.stderr  # warned, default used
    f.write_text("{broken")
    err = ah("config", "get", "me.name", code=1).stderr
    assert "damaged" in err
    assert f.read_text() == "{broken"
    assert "damaged" in ah("plan", "add", "fri", code=1).stderr
    ah("plan", "list")  # the plan itself does not need the settings, and stays readable
