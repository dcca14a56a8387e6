"""EN 301 549 11.2.1.1 (keyboard) and 11.2.4.7 (focus visible): every task from the keys alone, on the
real windows under Xvfb, typed with xdotool; each result read back through the profile's data with
the real `antihjalte` command, and the focus drawn where the keys go.

The planner's keys are the ones its window says: arrows move, Enter (or Space) plans or takes out
the selected day, Ctrl+Z undoes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.conftest import A11ySession, start_session, wait_for


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[A11ySession]:
    yield from start_session(tmp_path_factory.mktemp("keyboard"), "en")


def focus_window(kb: A11ySession, command: str) -> int:
    reply = kb.cmd(command)
    wid = int(reply["wid"])
    kb.x.xdotool("windowfocus", "--sync", str(wid))
    wait_for(lambda: kb.cmd("focus")["window"] == reply["title"], f"the keyboard in {reply['title']!r}")
    return wid


def focused(kb: A11ySession) -> dict[str, Any]:
    info = kb.cmd("focus")
    assert info["widget"] is not None, "nothing has the keyboard focus"
    assert info["drawn"], f"the focus is not drawn on {info}"
    return info


def planned(kb: A11ySession) -> list[str]:
    return [d["date"] for d in kb.cli_json("plan", "list")]


def test_plan_take_out_and_undo_a_day(kb: A11ySession) -> None:
    wid = focus_window(kb, "open planner")
    # The planner opens with the focus in the calendar, on today (Monday 30 November).
    info = focused(kb)
    assert info["object"] == "monthGrid", info
    kb.key(wid, "Right", "Right", "Return")  # Wednesday 2 December
    wait_for(lambda: planned(kb) == ["2026-12-02"], "the day planned with Enter")
    kb.key(wid, "Return")  # Enter on a planned day takes it out
    wait_for(lambda: planned(kb) == [], "the day taken out with Enter")
    kb.key(wid, "ctrl+z")
    wait_for(lambda: planned(kb) == ["2026-12-02"], "the day back with Ctrl+Z")
    assert focused(kb)["object"] == "monthGrid"


def test_write_and_search_a_journal_entry(kb: A11ySession) -> None:
    kb.cli("journal", "add", "Läsa om upphandling", check=True)
    wid = focus_window(kb, "open journal")
    kb.key(wid, "ctrl+n")
    wait_for(lambda: kb.cmd("focus")["widget"] == "QPlainTextEdit", "the new entry's text has the focus")
    focused(kb)
    kb.type(wid, "Kalibrering av budgetmodellen")
    kb.key(wid, "ctrl+f")  # searching saves the entry being written
    wait_for(lambda: kb.cmd("focus")["widget"] == "QLineEdit", "the search field has the focus")
    focused(kb)
    kb.type(wid, "budget")

    def found() -> list[str]:
        return [e["title"] for e in kb.cli_json("journal", "search", "budget")]

    wait_for(lambda: found() == ["Kalibrering av budgetmodellen"], "the entry saved and found by the CLI")

    # What the window lists after the search, as a screen reader reads it: only the new entry.
    def listed() -> list[str]:
        win = next(w for w in kb.walk() if w["name"] == "Journal")
        return [n["name"] for n in win["nodes"] if n["role"] == "list item"]

    wait_for(lambda: len(listed()) == 1 and "budgetmodellen" in listed()[0], "the search result listed")


def test_tick_the_handover_checklist(kb: A11ySession) -> None:
    kb.cli("plan", "add", "2026-12-03", check=True)
    wid = focus_window(kb, "open handover 2026-12-03")

    def items() -> dict[str, bool]:
        return {i["key"]: i["done"] for i in kb.cli_json("handover", "2026-12-03")["items"]}

    # Tab to the phone item (the dialog opens on the first item), then Space ticks it.
    start = kb.cmd("focus")["object"]
    assert start == "item_autoreply", start
    kb.key(wid, "Tab")
    assert focused(kb)["object"] == "item_phone"
    kb.key(wid, "space")
    wait_for(lambda: items()["phone"] is True, "the phone item ticked with Space")
    assert items()["autoreply"] is False


def test_change_a_setting(kb: A11ySession) -> None:
    wid = focus_window(kb, "open settings")
    kb.key(wid, "Tab")  # from the sections list to the first field, "Your name"
    assert focused(kb)["object"] == "me.name"
    kb.type(wid, "Kim Andersson")
    kb.key(wid, "Return")  # Enter saves the field
    wait_for(
        lambda: kb.cli("config", "get", "me.name", check=True).stdout.strip() == "Kim Andersson",
        "the name saved with Enter",
    )
