"""The commands: feed set/show, sync [--json], team, rota generate, and the team rules of plan add."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import icalendar

from antihjalte_desktop.feed import rawics
from antihjalte_desktop.feed.sync import read_status, sync
from antihjalte_desktop.services.planning import Planning

from .conftest import copy_sample


def test_feed_set_only_records(cli, tmp_path: Path) -> None:
    where = tmp_path / "not-mounted" / "team.ics"
    r = cli("feed", "set", str(where))
    assert r.returncode == 0, r.stderr
    assert not where.parent.exists()  # nothing was contacted or created
    assert cli("config", "get", "feed.location").stdout.strip() == str(where)
    r = cli("feed", "set", "https://dav.example.se/team.ics", "--kind", "webdav", "--user", "monica")
    assert r.returncode == 0, r.stderr
    assert cli("config", "get", "feed.kind").stdout.strip() == "webdav"
    assert cli("config", "get", "feed.user").stdout.strip() == "monica"
    assert cli("feed", "set", "relative/x.ics", "--kind", "webdav").returncode == 2


def test_embedded_default_and_sync_json(cli, home: Path) -> None:
    cli("config", "set", "me.name", "Monica Eriksson", check=True)
    cli("plan", "add", "2026-12-04", check=True)
    show = cli("feed", "show", check=True).stdout
    assert "the file in this profile" in show and "Not synced yet; 1 change(s) waiting" in show
    r = cli("sync", "--json")
    assert r.returncode == 0, r.stderr
    st = json.loads(r.stdout)
    assert st["in_sync"] is True and st["added"] == 1 and st["pending_changes"] == 0
    feed = home / "data" / "team-feed.ics"
    cal = icalendar.Calendar.from_ical(feed.read_bytes())
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Antihjälte: Monica Eriksson"]
    # the status file the tray reads
    status = json.loads((home / "data" / "feed-status.json").read_text())
    assert status["in_sync"] and status["last_good_sync"]
    # nothing changed: no write
    mtime = feed.stat().st_mtime_ns
    r = cli("sync", "--json", check=True)
    assert json.loads(r.stdout)["wrote"] is False and feed.stat().st_mtime_ns == mtime
    assert "In sync" in cli("feed", "show", check=True).stdout


def test_unparseable_feed_is_never_overwritten(cli, home: Path, tmp_path: Path) -> None:
    feed = tmp_path / "team.ics"
    bad = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T10"  # cut off
    feed.write_bytes(bad)
    cli("feed", "set", str(feed), check=True)
    cli("plan", "add", "2026-12-04", check=True)
    r = cli("sync", "--json")
    assert r.returncode == 1
    st = json.loads(r.stdout)
    assert st["in_sync"] is False and "cut off" in st["reason"] and st["pending_changes"] == 1
    assert st["next_attempt"] and st["failures"] == 1
    assert "not synced" in r.stderr and "cut off" in r.stderr
    assert feed.read_bytes() == bad
    # backoff grows
    st2 = json.loads(cli("sync", "--json").stdout)
    assert st2["failures"] == 2
    assert "Not synced" in cli("feed", "show").stdout
    # the plan is untouched and the change still waits in the outbox; once the feed is fixed, it goes out
    assert json.loads(cli("plan", "list", "--json").stdout)[0]["date"] == "2026-12-04"
    feed.write_bytes(bad + b"0000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    r = cli("sync", "--json")
    assert r.returncode == 0, r.stderr
    assert b"20261204" in feed.read_bytes()
    assert (tmp_path / "team.ics.bak").read_bytes() == bad + b"0000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def test_an_unreachable_network_feed_is_a_clear_message(cli) -> None:
    cli("feed", "set", "https://dav.invalid/team.ics", check=True)
    r = cli("sync", "--json")
    assert r.returncode == 1
    st = json.loads(r.stdout)
    assert st["in_sync"] is False and st["reason"] and "Traceback" not in r.stderr


def test_missing_folder_is_a_clear_message(cli, tmp_path: Path) -> None:
    cli("feed", "set", str(tmp_path / "gone" / "team.ics"), check=True)
    r = cli("sync")
    assert r.returncode == 1 and "does not exist (is the share mounted?)" in r.stderr
    assert not (tmp_path / "gone").exists()


def test_two_colleagues_see_each_other_and_the_rota(cli, tmp_path: Path) -> None:
    from tests.conftest import Cli

    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    copy_sample("outlook.ics", feed)
    olle = Cli(tmp_path / "olle")
    for who, name in ((cli, "Monica Eriksson"), (olle, "Olle Ek")):
        who("config", "set", "me.name", name, check=True)
        who("feed", "set", str(feed), check=True)
        who(
            "config",
            "set",
            "team.roster",
            "Monica Eriksson, monica@example.se;Olle Ek, olle@example.se",
            check=True,
        )
    cli("plan", "add", "2026-12-08", check=True)
    cli("sync", check=True)
    r = cli("rota", "generate", "--from", "2026-11-30", "--weeks", "4")
    assert r.returncode == 0, r.stderr
    assert "Hero of the week: Olle Ek" in r.stdout
    olle("sync", check=True)
    team = json.loads(olle("team", "--from", "2026-11-30", "--to", "2026-12-11", "--json", check=True).stdout)
    got = {(e["date"], e["person"], e["kind"]) for e in team}
    assert ("2026-12-08", "Monica Eriksson", "focus") in got
    assert ("2026-12-01", "Anna Berg", "away") in got and ("2026-12-09", "Anna Berg", "away") in got
    assert {d for d, p, k in got if k == "hero" and p == "Olle Ek"} == {
        f"2026-12-{d:02d}" for d in range(7, 12)
    }
    assert {d for d, p, k in got if k == "hero" and p == "Monica Eriksson"} == {
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
        "2026-12-03",
        "2026-12-04",
    }
    # generating again updates (no duplicates); a different start shifts who is hero
    r = cli("rota", "generate", "--from", "2026-11-30", "--weeks", "4")
    assert r.returncode == 0
    cal = icalendar.Calendar.from_ical(feed.read_bytes())
    heroes = [e for e in cal.walk("VEVENT") if "VECKANS-HJALTE" in e.to_ical().decode()]
    assert len(heroes) == 4 and len({str(e["UID"]) for e in heroes}) == 4
    cli("rota", "generate", "--from", "2026-12-07", "--weeks", "1", check=True)
    cal = icalendar.Calendar.from_ical(feed.read_bytes())
    w50 = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("veckans-hjalte-2026-W50-")]
    assert len(w50) == 1 and str(w50[0]["SUMMARY"]) == "Veckans hjälte: Monica Eriksson"
    assert w50[0]["SEQUENCE"] == 1
    # team rules at planning time (Olle): his own hero week is refused without --force ...
    olle("sync", check=True)
    r = olle("plan", "add", "2026-12-22")
    assert r.returncode == 1 and "veckans hjälte" in r.stderr
    assert olle("plan", "add", "2026-12-22", "--force").returncode == 0
    # ... a cover who is away gets a warning, and so does a full day
    r = olle("plan", "add", "2026-12-01", "--cover", "Anna Berg", check=True)
    assert "your cover Anna Berg is away on 2026-12-01" in r.stderr
    olle("config", "set", "team.max_focus_per_day", "1", check=True)
    r = olle("plan", "add", "2026-12-08", "--cover", "Monica", check=True)
    assert "1 already have an antihjälte day on 2026-12-08" in r.stderr
    assert "your cover Monica has an antihjälte day on 2026-12-08 too" in r.stderr


def test_no_team_rules_before_any_sync(profiles, shared: Path) -> None:
    prof = profiles("me", name="Olle Ek", feed=shared)
    assert Planning(prof).plan_day(date(2026, 12, 8), cover="Anna").warnings == []
    assert not (prof.paths.data / "feed.sqlite3").exists()


def test_outbox_is_cleared_only_by_a_good_sync(profiles, shared: Path) -> None:
    prof = profiles("me", name="Olle Ek", feed=shared)
    Planning(prof).plan_day(date(2026, 12, 8))
    assert len(prof.plan.outbox()) == 1
    os.chmod(shared.parent, 0o500)
    try:
        if os.access(shared.parent, os.W_OK):  # root ignores the mode: use a missing folder instead
            prof.settings.set("feed.location", str(shared.parent / "missing" / "team.ics"))
        st = sync(prof)
    finally:
        os.chmod(shared.parent, 0o700)
    assert not st.in_sync and st.reason and len(prof.plan.outbox()) == 1
    assert read_status(prof.paths.data) == st
    prof.settings.set("feed.location", str(shared))
    st = sync(prof)
    assert st.in_sync and prof.plan.outbox() == []
    assert len(rawics.split(shared.read_bytes()).components) == 1


def test_tray_status(profiles, shared: Path) -> None:
    from antihjalte_desktop.feed.sync import tray_status

    prof = profiles("me", name="Olle Ek", feed=shared)
    st = tray_status(prof)
    assert not st.in_sync and st.reason == "not synced yet"
    assert sync(prof).in_sync
    assert tray_status(prof).in_sync
    Planning(prof).plan_day(date(2026, 12, 9))
    st = tray_status(prof)
    assert not st.in_sync and st.state == "pending" and st.pending_changes == 1
    assert sync(prof).in_sync and tray_status(prof).in_sync


def test_no_change_sync_and_team_view_stay_light(cli, home: Path) -> None:
    """Neither a sync that finds nothing changed nor the team view imports icalendar (or Qt)."""
    import subprocess
    import sys

    cli("plan", "add", "2026-12-04", check=True)
    cli("sync", check=True)
    probe = (
        "import sys\nfrom antihjalte_desktop.cli import main\n"
        "codes = [main(['sync']), main(['team', '--json'])]\n"
        "heavy = {'icalendar', 'recurring_ical_events', 'x_wr_timezone', 'PySide6'}\n"
        "print(codes, sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=cli.env(), timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[0, 0] []"


def test_a_folder_as_feed_is_a_clear_message(cli, tmp_path: Path) -> None:
    cli("feed", "set", str(tmp_path), check=True)
    r = cli("sync")
    assert r.returncode == 1 and "is a folder" in r.stderr
    assert not (tmp_path.parent / (tmp_path.name + ".lock")).exists()


def test_hero_of_the_week_for_the_tray(profiles, shared: Path) -> None:
    from antihjalte_desktop.feed.team import generate_rota, hero_of_week

    prof = profiles("me", name="Olle Ek", feed=shared)
    assert hero_of_week(prof, date(2026, 12, 2)) == ""
    prof.settings.set("team.roster", ["Anna Berg, anna@example.se", "Olle Ek"])
    weeks = generate_rota(prof, date(2026, 12, 2), 3)
    assert [(m.isoformat(), n, e) for m, n, e in weeks] == [
        ("2026-11-30", "Anna Berg", "anna@example.se"),
        ("2026-12-07", "Olle Ek", ""),
        ("2026-12-14", "Anna Berg", "anna@example.se"),
    ]
    assert hero_of_week(prof, date(2026, 12, 4)) == "Anna Berg"
    assert hero_of_week(prof, date(2026, 12, 13)) == "Olle Ek"  # Sunday: that week's hero
    assert sync(prof).in_sync
    colleague = profiles("anna", name="Anna Berg", feed=shared)
    assert sync(colleague).in_sync
    assert hero_of_week(colleague, date(2026, 12, 9)) == "Olle Ek"
