"""The core's and the planning service's messages in Swedish: date parsing, plan refusals, moving
and editing, settings validation, the auto-reply template check and the status line.

Each case runs the real command twice, in English (LANG=C.UTF-8) and in Swedish (LANG=sv_SE.UTF-8):
the exit code is the same, the Swedish says it differently, and holds none of the English words a
half-translated message would leak. What a message quotes (the text typed, in ”…” or '…'), option
names, setting keys, placeholders and commands are the user's or the program's, not English prose,
and are left out of that check.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tests import swedish

from .conftest import Run

EN = {"LANG": "C.UTF-8"}
SV = {"LANG": "sv_SE.UTF-8"}

_NOT_PROSE = [
    re.compile(r"”[^”]*”|“[^”]*”|'[^']*'"),  # what the message quotes
    re.compile(r"`[^`]*`|\(antihjalte [^)]*\)"),  # commands
    re.compile(r"\{\w*\}"),  # placeholders
    re.compile(r"--[\w-]+"),  # options
    re.compile(r"\b[a-z_]+\.[a-z_]+\b"),  # setting keys
    re.compile(r"^antihjalte:", re.M),  # the program's name
]


def english_words(text: str) -> set[str]:
    return set(swedish.english_words(text, *_NOT_PROSE))


def both(ah: Run, *args: str, code: int, stream: str = "stderr", **kw: str) -> tuple[str, str]:
    """The command's ``stream`` in English and in Swedish, after checking that both exit with
    ``code``, that they differ and that the Swedish has no English words."""
    en: subprocess.CompletedProcess[str] = ah(*args, code=code, **EN, **kw)
    sv: subprocess.CompletedProcess[str] = ah(*args, code=code, **SV, **kw)
    en_text, sv_text = getattr(en, stream), getattr(sv, stream)
    assert en_text.strip() and sv_text.strip()
    assert en_text != sv_text, sv_text
    assert not english_words(sv_text), (sorted(english_words(sv_text)), sv_text)
    return en_text, sv_text


def test_the_check_finds_english_words() -> None:
    assert english_words("antihjalte: 2026-12-05 is a Saturday (use --force to plan it anyway)") == {
        "is", "a", "to", "it"
    }  # fmt: skip
    assert not english_words("antihjalte: ”fri” går inte: ange feed.user, {day} eller --force")


# -- dates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "english", "swedish"),
    [
        ("blurp", "cannot read 'blurp' as a day", "”blurp” går inte att läsa som en dag"),
        ("2026-13-01", "there is no month 13", "det finns ingen månad 13"),
        ("31/2/2027", "February 2027 has no day 31", "det finns ingen 31 februari 2027"),
        ("30 feb", "February has no day 30", "det finns ingen 30 februari"),
        ("1999-01-04", "use a date from 2000 to 2099", "mellan år 2000 och 2099"),
        (
            "fri 5 dec",
            "5 December 2026 is a Saturday, not a Friday",
            "5 december 2026 är en lördag, inte en fredag",
        ),
    ],
)
def test_date_errors(ah: Run, typed: str, english: str, swedish: str) -> None:
    en, sv = both(ah, "plan", "add", typed, code=2)
    assert english in en and swedish in sv


# -- plan add refusals ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "english", "swedish"),
    [
        (
            "2026-12-05",
            "2026-12-05 is a Saturday (use --force",
            "2026-12-05 är en lördag (planera ändå med --force)",
        ),
        ("2026-12-06", "2026-12-06 is a Sunday", "2026-12-06 är en söndag"),
        ("2026-12-25", "public holiday (Juldagen / Christmas Day)", "2026-12-25 är en röd dag (Juldagen)"),
        ("2026-12-24", "public holiday (Julafton / Christmas Eve)", "2026-12-24 är en röd dag (Julafton)"),
        ("2026-11-27", "2026-11-27 is in the past", "2026-11-27 har redan varit"),
    ],
)
def test_plan_add_refusals(ah: Run, day: str, english: str, swedish: str) -> None:
    en, sv = both(ah, "plan", "add", day, code=1)
    assert english in en and swedish in sv
    assert "Christmas" not in sv


def test_past_day_refused_even_with_force(ah: Run) -> None:
    en, sv = both(ah, "plan", "add", "2026-11-27", "--force", code=1)
    assert "in the past" in en and "har redan varit" in sv


# -- plan move, edit, remove ---------------------------------------------------------------------
def test_plan_move_errors(ah: Run) -> None:
    ah("plan", "add", "2026-12-02")
    ah("plan", "add", "2026-12-03")
    en, sv = both(ah, "plan", "move", "2026-12-04", "2026-12-07", code=1)
    assert "2026-12-04 is not planned" in en and "2026-12-04 är inte planerad" in sv
    en, sv = both(ah, "plan", "move", "2026-12-02", "2026-12-02", code=1)
    assert "already on 2026-12-02" in en and "dagen ligger redan på 2026-12-02" in sv
    en, sv = both(ah, "plan", "move", "2026-12-02", "2026-12-03", code=1)
    assert "2026-12-03 is already planned" in en and "2026-12-03 är redan planerad" in sv
    en, sv = both(ah, "plan", "move", "2026-12-02", "2026-12-05", code=1)
    assert "is a Saturday" in en and "är en lördag" in sv
    # Moved days and past days: the plan keeps its history.
    en, sv = both(ah, "plan", "move", "2026-12-02", "2026-12-07", code=1, now="2026-12-04T09:00:00+01:00")
    assert "past days stay in the plan" in en and "passerade dagar ligger kvar i planen" in sv
    assert [d["date"] for d in ah.json("plan", "list")] == ["2026-12-02", "2026-12-03"]


def test_plan_edit_and_remove_errors(ah: Run) -> None:
    en, sv = both(ah, "plan", "edit", "2026-12-04", "--note", "x", code=1)
    assert "is not planned" in en and "är inte planerad" in sv
    en, sv = both(ah, "plan", "remove", "2026-12-04", code=1)
    assert "is not planned" in en and "är inte planerad" in sv
    ah("plan", "add", "2026-12-01")
    en, sv = both(ah, "plan", "remove", "2026-12-01", code=1, now="2026-12-02T10:00:00+01:00")
    assert "is over" in en and "har redan varit" in sv


# -- config set ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "value", "english", "swedish"),
    [
        (
            "cadence.every_weeks",
            "four",
            "takes a whole number, not 'four'",
            "ska vara ett heltal, inte ”four”",
        ),
        ("cadence.every_weeks", "99", "must be at most 52", "får vara högst 52"),
        ("feed.sync_minutes", "5", "must be at least 15", "måste vara minst 15"),
        ("reminders.start_time", "25:00", "takes a time as HH:MM", "ska vara en tid som TT:MM"),
        ("app.autostart", "kanske", "takes true or false", "ska vara true eller false"),
        ("ui.language", "de", "must be one of", "ui.language måste vara något av: ””, ”sv”, ”en”"),
        (
            "me.email",
            "anna.kommun.se",
            "not an e-mail address",
            "me.email: ”anna.kommun.se” är ingen mejladress",
        ),
        ("holidays.country", "S", "two-letter country code", "landskod med två bokstäver"),
        (
            "feed.location",
            "https://anna:hemligt@dav.example/",
            "must not hold a user name",
            "får inte innehålla användarnamn",
        ),
        ("me.name", "x" * 201, "the limit is 200 characters", "högst 200 tecken"),
        ("me.name", "Anna\x1b[31m", "control character U+001B (ESC)", "styrtecknet U+001B (ESC)"),
        ("handover.items", "[1, 2]", "takes a list of texts", "ska vara en lista med texter"),
        (
            "handover.items",
            "[1,",
            "not a JSON array (invalid JSON at line 1, column 4)",
            "ingen giltig JSON-lista (fel på rad 1, kolumn 4)",
        ),
        ("team.roster", "[" * 5000, "nested too deeply", "för djupt nästlad: mer än ungefär 1 000 nivåer"),
        ("me.nam", "Anna", "unknown setting 'me.nam'", "det finns ingen inställning som heter ”me.nam”"),
    ],
)
def test_config_set_validation(ah: Run, key: str, value: str, english: str, swedish: str) -> None:
    en, sv = both(ah, "config", "set", key, value, code=2)
    assert english in en and swedish in sv


def test_a_refused_setting_keeps_the_old_value(ah: Run) -> None:
    ah("config", "set", "cadence.every_weeks", "6")
    both(ah, "config", "set", "cadence.every_weeks", "99", code=2)
    assert ah("config", "get", "cadence.every_weeks").stdout.strip() == "6"


# -- auto-reply templates ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("template", "english", "swedish"),
    [
        ("Hej {namn}", "unknown placeholder(s) {namn}", "finns inte bland platshållarna"),
        ("Hej {name", "malformed template: expected '}'", "aldrig avslutas med }"),
        ("Hej }", "Single '}' encountered", "en } som inte avslutar någon platshållare"),
        ("Hej {}", "an empty placeholder {} names nothing", "en tom platshållare {} betyder ingenting"),
        ("{day:>20}", "without a format or conversion", "skriv platshållaren som {day}, utan formatering"),
    ],
)
def test_autoreply_template_errors(ah: Run, template: str, english: str, swedish: str) -> None:
    en, sv = both(ah, "config", "set", "autoreply.template_sv", template, code=2)
    assert english in en and swedish in sv


# -- status --------------------------------------------------------------------------------------
def test_status_in_swedish(ah: Run) -> None:
    en, sv = both(ah, "status", code=0, stream="stdout")
    assert "Plan your next antihjälte day by 2026-12-28" in en
    assert "Ingen antihjältedag planerad." in sv and "Planera nästa antihjältedag senast 2026-12-28" in sv
    ah("plan", "add", "2026-12-04")
    en, sv = both(ah, "status", code=0, stream="stdout")
    assert "Cadence kept: next day 2026-12-04 (due by 2026-12-28)" in en
    assert "Du håller takten: nästa antihjältedag, 2026-12-04, ligger i tid (senast 2026-12-28)" in sv


def test_status_late_and_overdue_in_swedish(ah: Run) -> None:
    ah("plan", "add", "2026-11-16", now="2026-11-16T08:00:00+01:00")
    ah("plan", "add", "2026-12-18")
    en, sv = both(ah, "status", code=0, stream="stdout")
    assert "Next day 2026-12-18 is 4 workdays after the cadence date 2026-12-14" in en
    assert "Nästa antihjältedag, 2026-12-18, ligger 4 arbetsdagar efter takten (senast 2026-12-14)" in sv
    en, sv = both(ah, "status", code=0, stream="stdout", now="2027-02-01T09:00:00+01:00")
    assert "Overdue by" in en and "Du ligger" in sv and "arbetsdagar efter takten" in sv


def test_status_json_summary_is_english_in_swedish(ah: Run) -> None:
    ah("plan", "add", "2026-12-04")
    en = ah.json("status", **EN)
    sv = ah.json("status", **SV)
    assert en == sv and sv["summary"] == "cadence kept: next day 2026-12-04 (due by 2026-12-28)"


def test_swedish_from_the_setting_too(ah: Run) -> None:
    ah("config", "set", "ui.language", "sv")
    err = ah("plan", "add", "2026-12-05", code=1).stderr
    assert "2026-12-05 är en lördag (planera ändå med --force)" in err
