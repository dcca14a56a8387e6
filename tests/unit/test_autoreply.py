"""The auto-reply text: day, return day, cover name and contact, dropped lines."""

from __future__ import annotations

from datetime import date

import pytest

from antihjalte_desktop.core.autoreply import (
    DEFAULT_TEMPLATES,
    Contact,
    check_template,
    find_contact,
    parse_roster_entry,
    render,
)
from antihjalte_desktop.core.workdays import WorkCalendar

ROSTER = ["Anna Berg, anna.berg@kommun.se, 070-123 45 67", "Erik Lund, 070-765 43 21", "Anna Ek"]
ME = Contact("Kim Svensson", "kim@kommun.se", "08-123 456")


def test_roster_entries() -> None:
    assert parse_roster_entry("Anna Berg, anna.berg@kommun.se, 070-123 45 67") == Contact(
        "Anna Berg", "anna.berg@kommun.se", "070-123 45 67"
    )
    assert parse_roster_entry("Erik Lund, 070-765 43 21, erik@x.se") == Contact(
        "Erik Lund", "erik@x.se", "070-765 43 21"
    )
    assert parse_roster_entry(" , ") == Contact("")


def test_find_contact() -> None:
    assert find_contact("anna berg", ROSTER).email == "anna.berg@kommun.se"
    assert find_contact("Erik", ROSTER).phone == "070-765 43 21"  # unique first name
    assert find_contact("Anna", ROSTER) == Contact("Anna")  # two Annas: just the name
    assert find_contact("Okänd Person", ROSTER) == Contact("Okänd Person")
    assert find_contact("", ROSTER) == Contact("")
    assert Contact("Anna Berg", "a@b.se", "070").full() == "Anna Berg (070, a@b.se)"
    assert Contact("Anna Berg").full() == "Anna Berg"


def test_swedish_with_return_day_across_christmas(se: WorkCalendar) -> None:
    day = date(2026, 12, 23)
    back = se.next_workday(day)
    assert back == date(2026, 12, 28)
    text = render(DEFAULT_TEMPLATES["sv"], "sv", day, back, ME, find_contact("Anna Berg", ROSTER))
    assert "planeringsdag onsdag 23 december" in text
    assert "Tack för ditt mejl." in text and "läser inte mejl under dagen" in text
    assert "e-post" not in text  # one word for one thing: mejl
    assert "Jag är tillbaka måndag 28 december." in text
    assert "kontakta Anna Berg (070-123 45 67, anna.berg@kommun.se)." in text
    assert text.rstrip().endswith("Kim Svensson")


def test_english_with_return_day_across_easter(se: WorkCalendar) -> None:
    day = date(2027, 3, 25)  # Thursday before Good Friday
    back = se.next_workday(day)
    assert back == date(2027, 3, 30)
    text = render(DEFAULT_TEMPLATES["en"], "en", day, back, ME, find_contact("Erik", ROSTER))
    assert "planning day on Thursday 25 March" in text
    assert "I will be back on Tuesday 30 March." in text
    assert "please contact Erik Lund (070-765 43 21)." in text


def test_line_dropped_when_its_placeholders_are_empty() -> None:
    text = render(
        DEFAULT_TEMPLATES["sv"], "sv", date(2026, 12, 4), date(2026, 12, 7), Contact(""), Contact("")
    )
    assert "kontakta" not in text
    assert "{" not in text
    assert text.rstrip().endswith("Vänliga hälsningar")
    # A line with one empty and one filled placeholder stays.
    tpl = "Ring {cover_name} på {cover_contact}\n{phone}"
    assert (
        render(tpl, "sv", date(2026, 12, 4), date(2026, 12, 7), Contact("Kim"), Contact("Anna"))
        == "Ring Anna på\n"
    )


def test_literal_braces() -> None:
    tpl = "{{day}} is written {day} {{ok}}"
    check_template(tpl)
    assert render(tpl, "en", date(2026, 12, 4), date(2026, 12, 7), ME, Contact("")) == (
        "{day} is written Friday 4 December {ok}\n"
    )


def test_roster_ignores_other_parts() -> None:
    c = parse_roster_entry("Anna Berg, Trygghet och säkerhet, anna@kommun.se, 070-123 45 67")
    assert c == Contact("Anna Berg", "anna@kommun.se", "070-123 45 67")


def test_custom_placeholders() -> None:
    tpl = "{day}|{return_day}|{cover_name}|{cover_contact}|{name}|{email}|{phone}"
    out = render(tpl, "en", date(2026, 12, 4), date(2026, 12, 7), ME, Contact("Anna", "a@k.se", ""))
    assert out == "Friday 4 December|Monday 7 December|Anna|a@k.se|Kim Svensson|kim@kommun.se|08-123 456\n"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("Hej {namn}", "unknown placeholder(s) {namn}"),
        ("Hej {name", "malformed template"),
        ("{day} {cover} {x} {y}", "{x}, {y}"),
        ("Hej {}", "empty placeholder"),
        ("Hej {0}", "unknown placeholder(s) {0}"),
        ("{day:>20}", "without a format"),
        ("{name!r}", "without a format"),
        ("{cover.name}", "unknown placeholder"),
    ],
)
def test_bad_template_refused(template: str, message: str) -> None:
    with pytest.raises(ValueError) as exc:
        check_template(template)
    assert message in str(exc.value)


def test_good_templates_pass() -> None:
    for tpl in DEFAULT_TEMPLATES.values():
        check_template(tpl)
    check_template("Ingen platshållare alls")
