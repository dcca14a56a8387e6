"""PlanStore, Settings, the holiday cache and Profile against real files."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.core.reminders import ReminderState
from antihjalte_desktop.errors import RefusedError, StoreError, UsageError
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store import holidays_cache
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.plan_store import PlanStore
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.store.settings import Settings

D = date(2026, 12, 4)
NOW = datetime.fromisoformat("2026-11-30T09:00:00+01:00")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[PlanStore]:
    s = PlanStore(tmp_path / "antihjalte.sqlite3")
    yield s
    s.close()


def test_days_round_trip(store: PlanStore) -> None:
    assert store.add_day(D, "läsa", "Anna", [("phone", ""), ("egen", "Egen rad")])
    assert not store.add_day(D, "annat", "Erik", [])  # twice: nothing changes
    fd = store.get_day(D)
    assert fd is not None and (fd.note, fd.cover, fd.revision) == ("läsa", "Anna", 0)
    assert [(i.key, i.label) for i in store.items(D)] == [("phone", ""), ("egen", "Egen rad")]
    assert store.update_day(D, cover="Erik")
    fd = store.get_day(D)
    assert fd is not None and fd.cover == "Erik" and fd.revision == 1
    store.add_day(date(2026, 12, 11), "", "", [])
    store.add_day(date(2027, 1, 8), "", "", [])
    assert [d.day for d in store.list_days(start=date(2026, 12, 5))] == [date(2026, 12, 11), date(2027, 1, 8)]
    assert [d.day for d in store.list_days(end=date(2026, 12, 11))] == [D, date(2026, 12, 11)]
    assert [d.day for d in store.list_days(date(2026, 12, 5), date(2026, 12, 31))] == [date(2026, 12, 11)]
    assert store.remove_day(D)
    assert not store.remove_day(D)
    assert store.get_day(D) is None and store.items(D) == []
    assert [op for _, _, op in store.outbox()] == ["put", "put", "put", "put", "delete"]


def test_items_and_tasks(store: PlanStore) -> None:
    store.add_day(D, "", "", [("autoreply", ""), ("phone", "")])
    assert store.set_item_done(D, "phone", True)
    assert not store.set_item_done(D, "fax", True)
    store.add_item(D, "blommor", "Vattna blommorna")
    store.add_item(D, "blommor", "Dubblett")  # same key: ignored
    assert [(i.key, i.done) for i in store.items(D)] == [
        ("autoreply", False),
        ("phone", True),
        ("blommor", False),
    ]
    tid = store.add_task(D, "Svara Lisa", "Erik")
    assert store.update_task(tid, done=True)
    assert store.update_task(tid, taken_back=True)
    assert not store.update_task(tid)
    t = store.tasks(D)[0]
    assert (t.id, t.text, t.to, t.done, t.taken_back) == (tid, "Svara Lisa", "Erik", True, True)
    assert store.remove_task(tid) and store.tasks(D) == []
    store.add_task(D, "X", "Y")
    store.remove_day(D)
    assert store.conn.execute("SELECT count(*) FROM handover_task").fetchone()[0] == 0  # cascade


def test_reminder_state_persists(tmp_path: Path) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    s = PlanStore(path)
    s.add_day(D, "", "", [])
    until = datetime.fromisoformat("2026-12-04T08:30:00+01:00")
    s.set_reminder_state("2026-12-04/start", ReminderState.SNOOZED, until)
    s.set_reminder_state("2026-12-04/handover", ReminderState.SHOWN)
    s.set_reminder_state("2026-12-04/handover", ReminderState.DONE)
    s.close()
    s = PlanStore(path)
    states = s.reminder_states()
    assert states["2026-12-04/start"].state is ReminderState.SNOOZED
    assert states["2026-12-04/start"].snoozed_until == until
    assert states["2026-12-04/handover"].state is ReminderState.DONE
    shown = s.conn.execute("SELECT shown_at FROM reminder_state WHERE id = '2026-12-04/handover'").fetchone()[
        0
    ]
    assert shown  # when it was first shown is kept
    s.remove_day(D)
    assert s.reminder_states() == {}
    s.close()


def test_profile_id_is_stable(tmp_path: Path) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    s = PlanStore(path)
    pid = s.profile_id()
    assert len(pid) == 16 and s.profile_id() == pid
    s.close()
    assert PlanStore(path).profile_id() == pid


def test_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    s = Settings(path)
    assert s.get("cadence.every_weeks") == 4 and s.is_default("cadence.every_weeks")
    seen: list[tuple[str, object]] = []
    s.subscribe(lambda k, v: seen.append((k, v)))
    s.set_text("cadence.every_weeks", "6")
    s.set("me.name", "Kim")
    assert seen == [("cadence.every_weeks", 6), ("me.name", "Kim")]
    assert json.loads(path.read_text()) == {"cadence.every_weeks": 6, "me.name": "Kim"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    s.reset("me.name")
    assert json.loads(path.read_text()) == {"cadence.every_weeks": 6}  # only what differs
    with pytest.raises(UsageError):
        s.set_text("cadence.every_weeks", "abc")
    with pytest.raises(UsageError):
        s.set("nope.key", 1)
    with pytest.raises(UsageError, match="keyring"):
        s.set("feed.password", "hemligt")
    assert Settings(path).get("cadence.every_weeks") == 6


def test_settings_file_with_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"cadence.every_weeks": "x", "bogus": 1, "me.name": "Kim", "feed.password": "p"})
    )
    s = Settings(path)
    assert s.get("cadence.every_weeks") == 4 and s.get("me.name") == "Kim"
    assert len(s.problems) == 3
    path.write_text("{not json")
    with pytest.raises(StoreError, match="damaged"):
        Settings(path)
    assert path.read_text() == "{not json"


def test_holiday_cache_written_once_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cal = holidays_cache.work_calendar(tmp_path, "SE")
    assert not cal.is_workday(date(2026, 12, 24))
    f = tmp_path / "holidays" / "SE-2026-v1.json"
    assert f.exists()
    data = json.loads(f.read_text())
    assert data["2026-12-24"] == ["Julafton", "Christmas Eve"]
    assert data["2026-06-19"] == ["Midsommarafton", "Midsummer Eve"]

    def boom(country: str, year: int) -> dict[date, object]:
        raise AssertionError("the holidays package should not be needed again")

    monkeypatch.setattr(holidays_cache, "compute_holidays", boom)
    again = holidays_cache.work_calendar(tmp_path, "SE")
    hol = again.holiday(date(2026, 12, 25))
    assert hol is not None and hol.name_sv == "Juldagen"
    monkeypatch.undo()
    f.write_text("garbage")  # a damaged cache is computed again, not fatal
    assert holidays_cache.load_year(tmp_path, "SE", 2026)[date(2026, 12, 24)].name_sv == "Julafton"
    assert json.loads(f.read_text())["2026-12-24"] == ["Julafton", "Christmas Eve"]


def test_profile_rules(home: Path) -> None:
    prof = Profile(Paths.resolve(home), FixedClock(NOW))
    res = Planning(prof).plan_day(D, "läsa", "Anna")
    assert res.added
    assert not Planning(prof).plan_day(D).added
    assert [i.key for i in prof.plan.items(D)] == ["autoreply", "phone", "tasks", "calendar"]
    with pytest.raises(RefusedError, match="Saturday"):
        Planning(prof).plan_day(date(2026, 12, 5))
    assert Planning(prof).plan_day(date(2026, 12, 5), force=True).added
    with pytest.raises(RefusedError, match="past"):
        Planning(prof).plan_day(date(2026, 11, 27), force=True)
    Planning(prof).unplan_day(date(2026, 12, 5))
    with pytest.raises(RefusedError, match="not planned"):
        Planning(prof).unplan_day(date(2026, 12, 5))
    assert Planning(prof).next_day() is not None and Planning(prof).next_day().day == D  # type: ignore[union-attr]
    prof.close()
