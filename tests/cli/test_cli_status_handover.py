"""`antihjalte status` (cadence) and `antihjalte handover` through the real command."""

from __future__ import annotations

from .conftest import Run

EARLY = "2026-10-01T09:00:00+02:00"  # to plan days that are history by 30 November


def test_status_unplanned(ah: Run) -> None:
    data = ah.json("status")
    assert data["today"] == "2026-11-30"
    assert data["next_day"] is None
    assert data["cadence"]["state"] == "unplanned"
    assert data["cadence"]["due_by"] == "2026-12-28"
    assert data["cadence"]["kept"] is True
    assert "No antihjälte day planned" in ah("status").stdout


def test_status_kept(ah: Run) -> None:
    ah("plan", "add", "2026-11-16", now="2026-11-16T08:00:00+01:00")
    ah("plan", "add", "fri", "--cover", "Anna")
    data = ah.json("status")
    assert data["next_day"]["date"] == "2026-12-04" and data["next_day"]["cover"] == "Anna"
    assert data["cadence"] == {
        "every_weeks": 4,
        "state": "kept",
        "kept": True,
        "last_day": "2026-11-16",
        "next_day": "2026-12-04",
        "due_by": "2026-12-14",
        "overdue_workdays": 0,
    }
    out = ah("status").stdout
    assert "Next antihjälte day: 2026-12-04 (in 4 days)" in out and "Cadence kept" in out


def test_status_today(ah: Run) -> None:
    ah("plan", "add", "today")
    assert ah.json("status")["today_is_focus_day"] is True
    assert "Today is your antihjälte day" in ah("status").stdout


def test_status_late(ah: Run) -> None:
    ah("plan", "add", "2026-11-16", now="2026-11-16T08:00:00+01:00")
    ah("plan", "add", "2026-12-18")
    cad = ah.json("status")["cadence"]
    assert (cad["state"], cad["kept"], cad["overdue_workdays"]) == ("late", False, 4)
    assert "4 workdays after the cadence date 2026-12-14" in ah("status").stdout


def test_status_overdue_by_n_workdays(ah: Run) -> None:
    ah("plan", "add", "2026-10-01", now=EARLY)
    cad = ah.json("status")["cadence"]
    assert (cad["state"], cad["due_by"], cad["overdue_workdays"]) == ("overdue", "2026-10-29", 22)
    assert "Overdue by 22 workdays" in ah("status").stdout
    # A week on (Monday 7 December), five more workdays.
    assert "Overdue by 27 workdays" in ah("status", now="2026-12-07T09:00:00+01:00").stdout
    # The cadence setting changes the due date: every 8 weeks from 1 Oct is due 26 Nov.
    ah("config", "set", "cadence.every_weeks", "8")
    cad = ah.json("status")["cadence"]
    assert (cad["due_by"], cad["overdue_workdays"]) == ("2026-11-26", 2)
    ah("config", "set", "cadence.every_weeks", "0")
    assert ah.json("status")["cadence"]["state"] == "off"


def test_handover_default_items_and_checking(ah: Run) -> None:
    ah("plan", "add", "fri", "--cover", "Anna")
    data = ah.json("handover", "fri")
    assert data["date"] == "2026-12-04" and data["cover"] == "Anna"
    assert [(i["key"], i["done"]) for i in data["items"]] == [
        ("autoreply", False),
        ("phone", False),
        ("tasks", False),
        ("calendar", False),
    ]
    assert data["tasks"] == []
    ah("handover", "fri", "--check", "phone")  # by key
    ah("handover", "fri", "--check", "1")  # by number
    ah("handover", "fri", "--check", "Calendar blocked for the day")  # by label
    items = {i["key"]: i["done"] for i in ah.json("handover", "fri")["items"]}
    assert items == {"autoreply": True, "phone": True, "tasks": False, "calendar": True}
    ah("handover", "fri", "--uncheck", "Telefonen är hänvisad till Anna")  # Swedish label
    ah("handover", "fri", "--uncheck", "4")
    items = {i["key"]: i["done"] for i in ah.json("handover", "fri")["items"]}
    assert items == {"autoreply": True, "phone": False, "tasks": False, "calendar": False}
    err = ah("handover", "fri", "--check", "fax", code=2).stderr
    assert "no checklist item 'fax'" in err and "autoreply, phone, tasks, calendar" in err
    ah("handover", "fri", "--check", "9", code=2)
    text = ah("handover", "fri").stdout
    assert "1. [x] Auto-reply switched on  (autoreply)" in text and "2. [ ] Phone forwarded to Anna" in text


def test_handover_items_in_swedish(ah: Run) -> None:
    """The checklist speaks the user's language: ``--check telefon`` in Swedish, ``--check phone`` in
    English, and a refusal lists the items as the user types them."""
    ah("config", "set", "ui.language", "sv")
    ah("plan", "add", "fri", "--cover", "Anna")
    ah("handover", "fri", "--check", "telefon", "--check", "Kalender")
    items = {i["key"]: i["done"] for i in ah.json("handover", "fri")["items"]}
    assert items == {"autoreply": False, "phone": True, "tasks": False, "calendar": True}
    ah("handover", "fri", "--check", "phone", "--check", "snabba puckar", "--uncheck", "kalender")
    items = {i["key"]: i["done"] for i in ah.json("handover", "fri")["items"]}
    assert items == {"autoreply": False, "phone": True, "tasks": True, "calendar": False}
    err = ah("handover", "fri", "--check", "fax", code=2).stderr
    assert "autosvar, telefon, puckar, kalender" in err and "autoreply" not in err
    text = ah("handover", "fri").stdout
    assert "2. [x] Telefonen är hänvisad till Anna  (telefon)" in text
    assert "4. [ ] Dagen är blockerad i kalendern  (kalender)" in text
    assert "(phone)" not in text and "(calendar)" not in text


def test_handover_tasks(ah: Run) -> None:
    ah("plan", "add", "fri")
    ah("handover", "fri", "--task", "Svara Lisa om larmet", "--to", "Erik")
    ah("handover", "fri", "--task", "Boka lokal", "--to", "Anna")
    tasks = ah.json("handover", "fri")["tasks"]
    assert [(t["text"], t["to"], t["done"], t["taken_back"]) for t in tasks] == [
        ("Svara Lisa om larmet", "Erik", False, False),
        ("Boka lokal", "Anna", False, False),
    ]
    first = str(tasks[0]["id"])
    ah("handover", "fri", "--task-done", first, "--task-back", first)
    t = ah.json("handover", "fri")["tasks"][0]
    assert (t["done"], t["taken_back"]) == (True, True)
    assert "Svara Lisa om larmet → Erik" in ah("handover", "fri").stdout
    ah("handover", "fri", "--task", "utan mottagare", code=2)
    ah("handover", "fri", "--to", "Erik", code=2)
    ah("handover", "fri", "--task-done", "999", code=2)
    second = str(tasks[1]["id"])
    ah("handover", "fri", "--remove-task", second, "--add-item", "Vattna blommorna")
    data = ah.json("handover", "fri")
    assert [t["text"] for t in data["tasks"]] == ["Svara Lisa om larmet"]
    assert data["items"][-1] == {"key": "vattna-blommorna", "label": "Vattna blommorna", "done": False}
    ah("handover", "fri", "--task", "Boka lokal", "--to", "Anna")
    msg = ah("handover", "fri", "--message", "--lang", "sv").stdout
    assert "- Boka lokal → Anna" in msg and "tillbaka måndag 7 december" in msg


def test_handover_items_from_settings(ah: Run) -> None:
    ah("config", "set", "handover.items", "phone; Vattna blommorna")
    ah("plan", "add", "fri")
    items = ah.json("handover", "fri")["items"]
    assert [(i["key"], i["label"]) for i in items] == [
        ("phone", "Phone forwarded to a colleague"),
        ("vattna-blommorna", "Vattna blommorna"),
    ]
    ah("handover", "fri", "--check", "Vattna blommorna")
    assert ah.json("handover", "fri")["items"][1]["done"] is True


def test_handover_of_unplanned_day(ah: Run) -> None:
    assert "not planned" in ah("handover", "fri", code=1).stderr
    ah("handover", "whenever", code=2)
