"""The typed settings schema: parsing command-line text and validating values."""

from __future__ import annotations

from datetime import time

import pytest

from antihjalte_desktop.core.settings_schema import BY_KEY, SCHEMA, Kind, lookup, parse_time

REQUIRED = [
    "me.name",
    "me.email",
    "me.phone",
    "cadence.every_weeks",
    "holidays.country",
    "ui.language",
    "reminders.handover_time",
    "reminders.start_time",
    "reminders.reflect_time",
    "reminders.restore_time",
    "autoreply.template_sv",
    "autoreply.template_en",
]


def test_required_keys_with_label_and_valid_default() -> None:
    for key in REQUIRED:
        s = BY_KEY[key]
        assert s.label
        assert s.validate(s.default) == s.default
    assert len({s.key for s in SCHEMA}) == len(SCHEMA)
    assert BY_KEY["reminders.handover_time"].default == "14:00"
    assert BY_KEY["cadence.every_weeks"].default == 4
    assert BY_KEY["holidays.country"].default == "SE"


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("cadence.every_weeks", " 6 ", 6),
        ("cadence.every_weeks", "0", 0),
        ("reminders.start_time", "7:05", "07:05"),
        ("reminders.start_time", "23:59", "23:59"),
        # Times as people type them.
        ("reminders.start_time", "0830", "08:30"),
        ("reminders.start_time", "830", "08:30"),
        ("reminders.start_time", "08.30", "08:30"),
        ("reminders.start_time", " 2206 ", "22:06"),
        ("app.autostart", "ja", True),
        ("app.autostart", "off", False),
        ("handover.items", "phone; Vattna blommorna ;", ["phone", "Vattna blommorna"]),
        ("handover.items", '["a; b", "c"]', ["a; b", "c"]),
        ("autoreply.template_en", "Hi {name}\\nBye", "Hi {name}\nBye"),
        ("ui.language", "sv", "sv"),
        ("holidays.country", "NO", "NO"),
        ("me.email", "kim@kommun.se", "kim@kommun.se"),
    ],
)
def test_parse_good(key: str, text: str, value: object) -> None:
    assert BY_KEY[key].parse(text) == value


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("cadence.every_weeks", "abc", "takes a whole number"),
        ("cadence.every_weeks", "-1", "at least 0"),
        ("cadence.every_weeks", "53", "at most 52"),
        ("reminders.start_time", "25:00", "HH:MM"),
        ("reminders.start_time", "8", "HH:MM"),
        ("reminders.start_time", "08:60", "HH:MM"),
        ("reminders.start_time", "2460", "HH:MM"),
        ("reminders.start_time", "8:3", "HH:MM"),
        ("reminders.start_time", "08300", "HH:MM"),
        ("app.autostart", "kanske", "true or false"),
        ("ui.language", "fi", "must be one of"),
        ("holidays.country", "Sweden", "two-letter"),
        ("me.email", "not-an-address", "not an e-mail address"),
        ("handover.items", "[1, 2]", "list of texts"),
        ("handover.items", "[oops", "JSON array"),
        ("autoreply.template_sv", "Hej {okänd}", "unknown placeholder"),
    ],
)
def test_parse_bad(key: str, text: str, message: str) -> None:
    with pytest.raises(ValueError) as exc:
        BY_KEY[key].parse(text)
    assert message in str(exc.value)


def test_me_name_is_one_line() -> None:
    with pytest.raises(ValueError, match="line break"):
        BY_KEY["me.name"].validate("two\nlines")


def test_validate_rejects_wrong_types() -> None:
    with pytest.raises(ValueError):
        BY_KEY["cadence.every_weeks"].validate(True)
    with pytest.raises(ValueError):
        BY_KEY["cadence.every_weeks"].validate("4")
    with pytest.raises(ValueError):
        BY_KEY["app.autostart"].validate(1)


def test_format_round_trips() -> None:
    for s in SCHEMA:
        if s.kind is Kind.PASSWORD:
            continue
        assert s.parse(s.format(s.default)) == s.default, s.key


def test_lookup_unknown_key_hints() -> None:
    with pytest.raises(KeyError) as exc:
        lookup("reminders.start")
    assert "unknown setting 'reminders.start'" in str(exc.value)
    with pytest.raises(KeyError) as exc:
        lookup("cadence")
    assert "config list" in str(exc.value)


def test_parse_time() -> None:
    assert parse_time("07:05") == time(7, 5)
