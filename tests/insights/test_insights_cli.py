"""`antihjalte insights` and `plan move` on real profiles whose history was built with
the clock set back, through real subprocesses."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..conftest import Cli
from .conftest import NOW, SECRET_JOURNAL, SECRET_NOTE, SECRET_TASK, build_history, insights, run


def test_counts_of_a_built_history(cli: Cli, home: Path) -> None:
    build_history(cli)
    data = insights(cli, "--year", "2026")
    assert list(data) == ["year", "days", "months", "cadence", "handover"]
    assert data["year"] == 2026
    assert data["days"] == {"planned": 4, "kept": 3, "moved": 1, "removed": 1}
    months = {m["month"]: (m["planned"], m["kept"], m["reflections"]) for m in data["months"]}
    assert list(months) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert months["2026-01"] == (1, 1, 1)  # two entries linked to 9 January: one reflected day
    assert months["2026-02"] == (1, 1, 0)  # the day moved from 6 to 13 February
    assert months["2026-03"] == (1, 1, 0)  # 6 March removed, 13 March kept
    assert months["2026-04"] == (1, 0, 0)  # 10 April still ahead
    assert sum(p for p, _, _ in months.values()) == 4
    # 3 kept of 90 elapsed days / 28 = 3.21 asked for; the longest gap is 9 Jan -> 13 Feb
    assert data["cadence"] == {"every_weeks": 4, "kept_ratio": 0.933, "longest_gap_workdays": 24}
    assert data["handover"] == {
        "tasks_passed": 4,
        "taken_back": 1,
        "by_person": {"Olle": 2, "Anna Berg": 2},
    }
    # another year, and the same year seen from its end
    assert insights(cli, "--year", "2025")["days"] == {"planned": 0, "kept": 0, "moved": 0, "removed": 0}
    later = insights(cli, "--year", "2026", now="2027-01-10T09:00:00+01:00")
    assert later["days"]["kept"] == 4 and later["days"]["planned"] == 4


def test_nothing_private_in_any_output(cli: Cli, home: Path) -> None:
    build_history(cli)
    outputs = [
        run(cli, "insights", "--json", now=NOW).stdout,
        run(cli, "insights", now=NOW).stdout,
        run(cli, "insights", "--unit", now=NOW).stdout,
    ]
    logs = [p.read_text("utf-8", "replace") for p in (home / "logs").glob("*")]
    for text in outputs + logs:
        for secret in (SECRET_NOTE, SECRET_TASK, SECRET_JOURNAL, "svara på mejlen", "bevaka"):
            assert secret not in text
    summary = outputs[1]
    assert "Insights 2026" in summary and "3 kept" in summary and "1 removed" in summary
    assert "Reflections written on 1 of 3 kept days" in summary


def test_plan_move_keeps_the_day_and_tells_the_feed(cli: Cli, home: Path) -> None:
    now = "2026-01-05T09:00:00+01:00"
    run(cli, "plan", "add", "2026-02-06", "--note", "läsa in", "--cover", "Anna", now=now)
    run(cli, "handover", "2026-02-06", "--check", "phone", "--task", "ring", "--to", "Olle", now=now)
    db = sqlite3.connect(home / "data" / "antihjalte.sqlite3")
    db.execute("DELETE FROM outbox")
    db.commit()
    out = run(cli, "plan", "move", "2026-02-06", "2026-02-13", now=now).stdout
    assert "2026-02-06" in out and "2026-02-13" in out
    days = json.loads(run(cli, "plan", "list", "--json", now=now).stdout)
    assert [(d["date"], d["note"], d["cover"]) for d in days] == [("2026-02-13", "läsa in", "Anna")]
    h = json.loads(run(cli, "handover", "2026-02-13", "--json", now=now).stdout)
    assert {i["key"]: i["done"] for i in h["items"]}["phone"] is True
    assert [(t["text"], t["to"]) for t in h["tasks"]] == [("ring", "Olle")]
    assert db.execute("SELECT day, op FROM outbox ORDER BY seq").fetchall() == [
        ("2026-02-06", "delete"),
        ("2026-02-13", "put"),
    ]
    assert db.execute("SELECT COUNT(*) FROM handover_item WHERE day = '2026-02-06'").fetchone()[0] == 0
    db.close()
    # the rules of plan add for the target day
    r = run(cli, "plan", "move", "2026-02-13", "2026-02-14", now=now, code=1)
    assert "Saturday" in r.stderr and "--force" in r.stderr
    r = run(cli, "plan", "move", "2026-02-13", "2026-04-03", now=now, code=1)  # Good Friday
    assert "public holiday" in r.stderr
    r = run(cli, "plan", "move", "2026-02-13", "2026-01-02", now=now, code=1)
    assert "past" in r.stderr
    r = run(cli, "plan", "move", "2026-02-20", "2026-02-27", now=now, code=1)
    assert "2026-02-20 is not planned" in r.stderr
    run(cli, "plan", "add", "2026-02-27", now=now)
    r = run(cli, "plan", "move", "2026-02-13", "2026-02-27", now=now, code=1)
    assert "already planned" in r.stderr
    run(cli, "plan", "move", "2026-02-13", "2026-02-14", "--force", now=now)
    assert insights(cli, now="2026-03-02T09:00:00+01:00")["days"]["moved"] == 1


def test_unit_from_the_team_feed(cli: Cli, tmp_path: Path) -> None:
    feed = tmp_path / "team.ics"
    anna = Cli(tmp_path / "anna", now=None)
    olle = Cli(tmp_path / "olle", now=None)
    jan5 = "2026-01-05T09:00:00+01:00"
    for c, name, days in (
        (anna, "Anna Berg", ["2026-01-09", "2026-02-13", "2026-03-13"]),
        (olle, "Olle Ek", ["2026-01-16"]),
    ):
        run(c, "config", "set", "me.name", name, now=jan5)
        run(c, "feed", "set", str(feed), now=jan5)
        for d in days:
            run(c, "plan", "add", d, now=jan5)
    run(anna, "config", "set", "team.roster", "Anna Berg;Olle Ek", now=jan5)
    run(anna, "rota", "generate", "--from", "2026-01-05", "--weeks", "5", now=jan5)
    run(anna, "sync", now=jan5)
    run(olle, "sync", now=jan5)
    data = insights(olle, "--unit", now=NOW)
    assert data["unit"] == [
        {"person": "Anna Berg", "focus_days": 3, "hero_weeks": 3},
        {"person": "Olle Ek", "focus_days": 1, "hero_weeks": 2},
    ]
    assert "unit" not in insights(olle, now=NOW)


def test_json_and_the_summary_without_history(cli: Cli) -> None:
    data = insights(cli, now="2026-03-02T09:00:00+01:00")
    assert data["year"] == 2026 and data["days"]["planned"] == 0
    assert data["cadence"]["kept_ratio"] == 0.0
    # 2 Jan .. 27 Feb: 40 workdays (1 and 6 January are holidays)
    assert data["cadence"]["longest_gap_workdays"] == 40
    assert "0 planned" in run(cli, "insights", now=NOW).stdout
    r = run(cli, "insights", "--out", str(Path("x.txt")), now=NOW, code=2)
    assert ".png or .pdf" in r.stderr


def test_insights_json_stays_light(cli: Cli) -> None:
    """Only --out loads Qt; --json and the summary load neither Qt nor the journal's model."""
    from ..cli.test_cli_light import probe

    run(cli, "plan", "add", "2026-12-04", now=NOW)
    out = probe(
        cli, ["insights", "--json", "--unit"], ["insights"], ["plan", "move", "2026-12-04", "2026-12-11"]
    )
    assert out["codes"] == [0, 0, 0]
    assert "PySide6" not in out["loaded"] and "shiboken6" not in out["loaded"]
    assert "icalendar" not in out["loaded"] and "keyring" not in out["loaded"]


def test_a_moved_day_moves_in_the_team_feed(cli: Cli, tmp_path: Path) -> None:
    feed = tmp_path / "team.ics"
    now = "2026-01-05T09:00:00+01:00"
    run(cli, "config", "set", "me.name", "Kim Lund", now=now)
    run(cli, "feed", "set", str(feed), now=now)
    run(cli, "plan", "add", "2026-02-06", now=now)
    run(cli, "sync", now=now)
    assert b"DTSTART;VALUE=DATE:20260206" in feed.read_bytes()
    run(cli, "plan", "move", "2026-02-06", "2026-02-13", now=now)
    run(cli, "sync", now=now)
    text = feed.read_bytes()
    assert b"20260213" in text and b"DTSTART;VALUE=DATE:20260206" not in text
    shown = run(cli, "team", "--from", "2026-02-01", "--to", "2026-02-28", "--json", now=now).stdout
    team = json.loads(shown)
    assert [(t["date"], t["kind"]) for t in team] == [("2026-02-13", "focus")]
