"""When the team feed syncs from the tray app: after start, after a local change, every
feed.sync_minutes, after a failure at the backoff time; and a real sync in a child process."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.ui import feed_sync


def _at_most(ms: int) -> int:
    """Qt's coarse timers may fire up to 5 % late, and remainingTime() says so."""
    return int(ms * 1.05) + 50


def _install(make_app: Any) -> tuple[Any, feed_sync.FeedSync]:
    app = make_app(has_tray=False)
    app.start_services()
    fs = app.feed_sync
    assert fs is not None
    return app, fs


def test_first_sync_shortly_after_start(make_app: Any) -> None:
    _, fs = _install(make_app)
    assert fs.timer.isActive()
    assert feed_sync.AFTER_START_MS - 2000 <= fs.timer.remainingTime() <= _at_most(feed_sync.AFTER_START_MS)


def test_a_local_change_syncs_soon_and_a_sync_notice_does_not_loop(make_app: Any, profile: Any) -> None:
    app, fs = _install(make_app)
    fs.timer.start(10 * 60_000)  # as if the next periodic sync were far away
    app.hub.notify_plan_changed()  # nothing in the outbox: no sync
    assert fs.timer.remainingTime() > 60_000
    Planning(profile).plan_day(date(2026, 12, 4))
    app.hub.notify_plan_changed()
    assert fs.timer.remainingTime() <= _at_most(feed_sync.AFTER_CHANGE_MS)


def test_after_success_the_periodic_interval(make_app: Any, profile: Any) -> None:
    profile.settings.set("feed.sync_minutes", 30)
    _app, fs = _install(make_app)
    fs.aim_after_sync(True)
    assert 29 * 60_000 < fs.timer.remainingTime() <= _at_most(30 * 60_000)


def test_after_failure_the_backoff_from_the_status_file(make_app: Any, profile: Any) -> None:
    _app, fs = _install(make_app)
    when = datetime.now(UTC) + timedelta(minutes=4)
    status = {
        "in_sync": False,
        "state": "error",
        "reason": "feed unreachable",
        "next_attempt": when.isoformat(),
    }
    (Path(profile.paths.data) / "feed-status.json").write_text(json.dumps(status))
    fs.aim_after_sync(False)
    assert 3 * 60_000 < fs.timer.remainingTime() <= _at_most(4 * 60_000)


def test_a_failed_last_sync_shows_at_start(make_app: Any, profile: Any) -> None:
    status = {"in_sync": False, "state": "error", "reason": "the feed file is damaged"}
    (Path(profile.paths.data) / "feed-status.json").write_text(json.dumps(status))
    app, _ = _install(make_app)
    assert app.feed_sync.problem == "the feed file is damaged"


def test_the_timer_really_syncs_into_the_default_feed(
    make_app: Any, profile: Any, home: Path, qtbot: Any, monkeypatch: Any
) -> None:
    """The timer fires, `antihjalte sync` runs in a child process, and the planned day is in
    the profile's own feed file (the embedded default)."""
    day = date.today() + timedelta(days=30)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    profile.plan.add_day(day, "", "", [])
    monkeypatch.setenv("ANTIHJALTE_HOME", str(home))  # the child process's profile
    _app, fs = _install(make_app)
    with qtbot.waitSignal(fs.finished, timeout=60_000) as blocker:
        fs.timer.start(0)
    assert blocker.args == [True], fs.problem
    feed = Path(profile.paths.data) / "team-feed.ics"
    text = feed.read_text("utf-8")
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in text
    assert fs.syncs_started == 1
    assert fs.timer.isActive() and fs.timer.remainingTime() > 14 * 60_000
    # What the planner and the tray show: when the last good sync was (the child's clock, local time).
    last = fs.last_good_sync()
    assert last is not None and last.utcoffset() == profile.zone.utcoffset(last.replace(tzinfo=None))


def test_last_good_sync_follows_the_status_file(make_app: Any, profile: Any, qtbot: Any) -> None:
    """Any process's sync writes feed-status.json; the watcher calls status_file_changed, which
    announces ``status_changed`` so the views show the new time."""
    app, fs = _install(make_app)
    assert fs.last_good_sync() is None
    status = {"in_sync": True, "state": "in_sync", "last_good_sync": "2026-11-30T09:42:07+00:00"}
    (Path(profile.paths.data) / "feed-status.json").write_text(json.dumps(status))
    with qtbot.waitSignal(fs.status_changed):
        fs.status_file_changed()
    last = fs.last_good_sync()
    assert last is not None and (last.hour, last.minute) == (10, 42)  # Stockholm, UTC+1 in November
    assert last.tzinfo is not None and last.utcoffset() == timedelta(hours=1)
    assert app.wording.sync_line(last, date(2026, 11, 30)) == "Synced 10:42"
