"""Ownership that cannot be spoofed (issue 15, item 3), with a real shared file, the real lock and the
real ``antihjalte`` command: the public profile marker alone never makes an event ours; a UID of ours
that someone else holds or changed is *squatted*: left as it is, named, and the sync exits 1."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from antihjalte_desktop.feed import ics, rawics
from antihjalte_desktop.feed.state import MIGRATIONS, FeedState, state_path
from antihjalte_desktop.feed.sync import sync
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store import db
from tests.conftest import Cli

from .conftest import NOW, make_profile

END = b"END:VCALENDAR\r\n"


def _setup(cli: Cli, tmp_path: Path, *days: str) -> tuple[Path, str]:
    """Anna Berg on a shared file, ``days`` planned and synced; returns (feed, her profile id)."""
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    cli("config", "set", "me.name", "Anna Berg", check=True)
    cli("feed", "set", str(feed), check=True)
    for d in days:
        cli("plan", "add", d, check=True)
    cli("sync", check=True)
    pid = _profile_id(cli)
    return feed, pid


def _profile_id(cli: Cli) -> str:
    out = cli("feed", "show", check=True).stdout
    return next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("Profile id: "))


def _insert(feed: Path, *events: bytes) -> bytes:
    data = feed.read_bytes()
    assert data.endswith(END)
    new = data[: -len(END)] + b"".join(events) + END
    feed.write_bytes(new)
    return new


def _event(uid: str, owner: str, day: date, who: str = "Olle Ek", summary: str = "Semester") -> bytes:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T100000Z\r\nDTSTART;VALUE=DATE:{day:%Y%m%d}\r\n"
        f"DTEND;VALUE=DATE:{day + timedelta(days=2):%Y%m%d}\r\nSUMMARY:{summary}\r\n"
        f"ORGANIZER;CN={who}:mailto:olle@example.se\r\nX-ANTIHJALTE-PROFILE:{owner}\r\nEND:VEVENT\r\n"
    ).encode()


def _status(cli: Cli) -> dict[str, object]:
    data = json.loads((cli.home / "data" / "feed-status.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _uids(feed: Path) -> list[str]:
    return [c.uid for c in rawics.split(feed.read_bytes()).components]


# -- the marker alone is not ownership ---------------------------------------------------------
def test_a_colleagues_event_with_our_marker_is_not_deleted(cli: Cli, tmp_path: Path) -> None:
    feed, pid = _setup(cli, tmp_path, "2026-12-02")
    spoof = _event("olle-semester-1@example.se", pid, date(2026, 12, 8))
    _insert(feed, spoof)
    cli("plan", "remove", "2026-12-02", check=True)
    r = cli("sync")
    assert r.returncode == 0, r.stderr
    assert "1 removed" in r.stdout  # our own day went ...
    assert spoof in feed.read_bytes()  # ... the colleague's event with our marker did not
    assert _uids(feed) == ["olle-semester-1@example.se"]
    r = cli("sync", "--force")
    assert r.returncode == 0 and "removed" not in r.stdout and spoof in feed.read_bytes()
    # and it is the colleague's in the team view, not hidden as if it were ours
    team = json.loads(cli("team", "--from", "2026-12-07", "--to", "2026-12-11", "--json", check=True).stdout)
    assert {(e["date"], e["person"], e["kind"]) for e in team} == {
        ("2026-12-08", "Olle Ek", "away"),
        ("2026-12-09", "Olle Ek", "away"),
    }


# -- a squatted UID: named, exit 1, never "In sync" --------------------------------------------
def test_a_squatted_uid_fails_the_sync_and_names_it(cli: Cli, tmp_path: Path) -> None:
    feed, pid = _setup(cli, tmp_path, "2026-12-02")
    uid = ics.focus_uid(date(2026, 12, 8), pid)
    olle = ics.Identity("0123456789abcdef", "Olle Ek")
    squatter = dataclasses.replace(ics.focus_event(date(2026, 12, 8), olle), uid=uid).render(3, NOW)
    before = _insert(feed, squatter)
    cli("plan", "add", "2026-12-08", check=True)
    for _ in range(2):  # and again: a squat is not forgotten by the next sync's shortcut
        r = cli("sync")
        assert r.returncode == 1, r.stdout
        assert "In sync" not in r.stdout and uid in r.stderr
        assert feed.read_bytes() == before  # nothing was written: the day cannot be published
        st = _status(cli)
        assert st["in_sync"] is False and st["squatted"] == [uid] and uid in str(st["reason"])
        assert st["added"] == st["updated"] == st["removed"] == 0
    assert uid in cli("feed", "show", check=True).stdout
    j = json.loads(cli("sync", "--json").stdout)
    assert j["squatted"] == [uid] and j["in_sync"] is False
    # the colleague takes theirs away: the next sync publishes ours
    feed.write_bytes(before.replace(squatter, b""))
    r = cli("sync")
    assert r.returncode == 0 and "1 added" in r.stdout, r.stderr
    assert _uids(feed).count(uid) == 1
    assert rawics.split(feed.read_bytes()).components[-1].owner == pid


def test_our_event_changed_by_someone_else_is_neither_overwritten_nor_deleted(
    cli: Cli, tmp_path: Path
) -> None:
    feed, pid = _setup(cli, tmp_path, "2026-12-08")
    uid = ics.focus_uid(date(2026, 12, 8), pid)
    ours = feed.read_bytes()
    changed = ours.replace(b"Anna Berg\r\nCATEGORIES", b"Anna Berg (flyttad)\r\nCATEGORIES")
    assert changed != ours
    feed.write_bytes(changed)
    r = cli("sync")  # nothing changed here, but the feed did: it is read, and the change is seen
    assert r.returncode == 1 and uid in r.stderr and "changed by someone else" in r.stderr
    assert feed.read_bytes() == changed
    cli("plan", "remove", "2026-12-08", check=True)
    r = cli("sync", "--json")
    assert r.returncode == 1
    st = json.loads(r.stdout)
    assert st["removed"] == 0 and st["squatted"] == [uid] and st["wrote"] is False
    assert feed.read_bytes() == changed  # not deleted
    # put back as Anna wrote it: it is hers again, and the removal goes through
    feed.write_bytes(ours)
    r = cli("sync")
    assert r.returncode == 0 and "1 removed" in r.stdout, r.stderr
    assert uid not in _uids(feed)


def test_own_changes_are_not_mistaken_for_someone_elses(cli: Cli, tmp_path: Path) -> None:
    """A rename rewrites every own event; the next sync recognises them as ours (no false squat)."""
    feed, _pid = _setup(cli, tmp_path, "2026-12-02", "2026-12-03")
    cli("config", "set", "me.name", "Anna Lind", check=True)
    r = cli("sync")
    assert r.returncode == 0 and "2 updated" in r.stdout, r.stderr
    cli("plan", "remove", "2026-12-02", check=True)
    r = cli("sync")
    assert r.returncode == 0 and "1 removed" in r.stdout, r.stderr
    assert feed.read_bytes().count(b"Anna Lind") == 2  # SUMMARY and ORGANIZER of the one left


# -- hero weeks: the UID carries the profile id; old-style ones are migrated ---------------------
def test_legacy_hero_weeks_are_migrated_in_one_sync(tmp_path: Path) -> None:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    prof = make_profile(tmp_path / "anna", "Anna Berg", feed=feed)
    try:
        pid = prof.plan.profile_id()
        me = ics.Identity(pid, "Anna Berg")
        w50, w51, w52 = date(2026, 12, 7), date(2026, 12, 14), date(2026, 12, 21)

        def legacy(monday: date, hero: str, ident: ics.Identity) -> bytes:
            ev = ics.hero_event(monday, hero, "", ident)
            return dataclasses.replace(ev, uid=ics.legacy_hero_uid(monday)).render(2, NOW)

        ours = legacy(w50, "Olle Ek", me)
        stinas = legacy(w51, "Stina Lund", ics.Identity("5555aaaa5555aaaa", "Stina Lund"))
        forged = legacy(w52, "Nobody", me)  # our marker, but this profile never wrote it
        feed.write_bytes(ics.new_calendar_header() + ours + stinas + forged + END)
        # the state as the previous version left it: schema 1, the rota, the UID in its SEQUENCE record
        path = state_path(prof.paths.data)
        conn = db.connect(path, MIGRATIONS[:1])
        conn.execute("INSERT INTO rota(monday, name, email) VALUES (?, 'Olle Ek', '')", (w50.isoformat(),))
        conn.execute("INSERT INTO seq(uid, seq) VALUES (?, 2)", (ics.legacy_hero_uid(w50),))
        conn.close()

        st = sync(prof)
        assert st.in_sync, st.reason
        assert (st.added, st.updated, st.removed) == (1, 0, 1)
        data = feed.read_bytes()
        uids = _uids(feed)
        new_uid = ics.hero_uid(w50, pid)
        assert new_uid == f"veckans-hjalte-2026-W50-{pid}@antihjalte"
        assert uids.count(new_uid) == 1 and ics.legacy_hero_uid(w50) not in uids
        assert stinas in data and forged in data  # not ours: byte for byte
        new = [c for c in rawics.split(data).components if c.uid == new_uid]
        assert new[0].owner == pid and b"Veckans hj\xc3\xa4lte: Olle Ek" in rawics.split(data).raw(new[0])
        # the state file was migrated, with a copy of the old one kept
        fs = FeedState(path)
        try:
            assert fs.conn.execute("PRAGMA user_version").fetchone()[0] == 2
            assert set(fs.fingerprints()) == {new_uid}
        finally:
            fs.close()
        assert db.backup_path(path, 1).exists()
        # nothing left to do
        st = sync(prof, force=True)
        assert st.in_sync and (st.added, st.updated, st.removed, st.wrote) == (0, 0, 0, False)
        assert feed.read_bytes() == data
    finally:
        prof.close()


def test_two_profiles_publish_the_same_hero_week(tmp_path: Path) -> None:
    """Before, the second profile found the shared UID taken and published nothing."""
    from antihjalte_desktop.feed.team import generate_rota

    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    anna = make_profile(tmp_path / "anna", "Anna Berg", feed=feed)
    olle = make_profile(tmp_path / "olle", "Olle Ek", feed=feed)
    try:
        for p in (anna, olle):
            p.settings.set("team.roster", ["Stina Lund"])
            generate_rota(p, date(2026, 12, 7), 1)
            st = sync(p)
            assert st.in_sync and st.added == 1, st.reason
        heroes = [c for c in rawics.split(feed.read_bytes()).components if "veckans-hjalte" in c.uid]
        assert {c.owner for c in heroes} == {anna.plan.profile_id(), olle.plan.profile_id()}
        assert all(c.uid == ics.hero_uid(date(2026, 12, 7), c.owner) for c in heroes)
    finally:
        anna.close()
        olle.close()


def test_a_crash_between_the_write_and_its_record_is_no_false_squat(tmp_path: Path) -> None:
    """The process dies right after writing the feed, before it records what it wrote (a real
    process, ended with os._exit there): its own events are still recognised as its own."""
    import subprocess
    import sys

    from .conftest import ROOT_ENV

    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    home = tmp_path / "anna"
    prof = make_profile(home, "Anna Berg", feed=feed)
    Planning(prof).plan_day(date(2026, 12, 8), force=True)
    assert sync(prof).in_sync
    prof.settings.set("me.name", "Anna Lind")
    prof.close()
    crash = (
        "import os, sys\n"
        "from antihjalte_desktop.feed import state\n"
        "state.FeedState.set_fingerprints = lambda *a, **k: os._exit(9)\n"
        "from antihjalte_desktop.cli import main\n"
        "sys.exit(main(['--home', sys.argv[1], 'sync']))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", crash, str(home)], env=ROOT_ENV(), capture_output=True, timeout=60
    )
    assert r.returncode == 9, r.stderr
    assert b"Anna Lind" in feed.read_bytes()  # written, but not recorded
    prof = make_profile(home, "Anna Ek", feed=feed)
    try:
        st = sync(prof)
        assert st.in_sync and st.updated == 1, st.reason
        assert b"Anna Ek" in feed.read_bytes() and b"Anna Lind" not in feed.read_bytes()
    finally:
        prof.close()


# -- property: whatever the feed holds, nothing that is not provably ours changes -----------------
_DAYS = [date(2026, 12, d) for d in (1, 2, 3, 4)]
_ME = ics.Identity("aaaa1111bbbb2222", "Anna Berg")
_OLLE = ics.Identity("cccc3333dddd4444", "Olle Ek")
_kind = st.sampled_from(["ours", "ours-edited", "spoof-own-uid", "squatter", "foreign", "legacy-ours"])


def _component(kind: str, day: date) -> bytes:
    mine = ics.focus_event(day, _ME)
    if kind == "ours":
        return mine.render(1, NOW)
    if kind == "ours-edited":
        return dataclasses.replace(mine, summary="edited by someone").render(1, NOW)
    if kind == "spoof-own-uid":  # a colleague's own UID, our marker
        return dataclasses.replace(ics.focus_event(day, _OLLE), owner=_ME.profile_id).render(1, NOW)
    if kind == "squatter":  # our UID, the colleague's marker
        return dataclasses.replace(ics.focus_event(day, _OLLE), uid=mine.uid).render(1, NOW)
    if kind == "legacy-ours":
        monday = day - timedelta(days=day.weekday())
        ev = ics.hero_event(monday, "Olle Ek", "", _ME)
        return dataclasses.replace(ev, uid=ics.legacy_hero_uid(monday)).render(1, NOW)
    return ics.focus_event(day, _OLLE).render(1, NOW)


@settings(max_examples=150, deadline=None)
@given(
    comps=st.lists(st.tuples(_kind, st.sampled_from(_DAYS)), max_size=8),
    wanted=st.sets(st.sampled_from(_DAYS)),
    remembered=st.booleans(),
    written_legacy=st.booleans(),
)
def test_merge_never_changes_what_is_not_provably_ours(
    comps: list[tuple[str, date]], wanted: set[date], remembered: bool, written_legacy: bool
) -> None:
    from antihjalte_desktop.feed.merge import merge
    from antihjalte_desktop.feed.ownership import Ownership, digest, digest_of

    feed = ics.new_calendar_header() + b"".join(_component(k, d) for k, d in comps) + END
    doc = rawics.split(feed)
    desired = {e.uid: e for e in (ics.focus_event(d, _ME) for d in wanted)}
    accepted = {
        ics.focus_uid(d, _ME.profile_id): frozenset({digest_of(ics.focus_event(d, _ME))}) for d in _DAYS
    }
    legacy = {ics.legacy_hero_uid(d - timedelta(days=d.weekday())) for d in _DAYS}
    own = Ownership(
        _ME.profile_id,
        frozenset(legacy if written_legacy else ()),
        accepted if remembered else {},
    )
    res = merge(doc, desired, _ME.profile_id, NOW, None, own)
    out = rawics.split(res.data)
    kept = [out.raw(c) for c in out.components]
    # what is not ours, told by how the test made it (not by the code under test)
    foreign_kinds = {"spoof-own-uid", "squatter", "foreign"} | (set() if written_legacy else {"legacy-ours"})
    not_ours = [doc.raw(c) for c, (k, _d) in zip(doc.components, comps, strict=True) if k in foreign_kinds]
    assert all(
        not own.mine(c) for c, (k, _d) in zip(doc.components, comps, strict=True) if k in foreign_kinds
    )
    squatted = {s.uid for s in res.squatted}
    # everything not provably ours is still there byte for byte (duplicates included) ...
    for raw in not_ours:
        assert kept.count(raw) >= not_ours.count(raw)
    # ... and so is every event of ours that someone else changed, once this profile remembers it
    if remembered:
        for c in doc.components:
            if own.mine(c) and own.changed_by_someone(c.uid, digest(doc.raw(c))):
                assert doc.raw(c) in kept and c.uid in squatted
    # what we want is there exactly once, unless its UID is squatted
    for uid in desired:
        ours = [c for c in out.components if c.uid == uid and c.owner == _ME.profile_id]
        if uid not in squatted:
            assert len(ours) == 1
    # true counts: components of ours before - removed + added == after (squatted ones stay)
    mine_before = sum(1 for c in doc.components if own.mine(c))
    mine_after = sum(1 for c in out.components if own.mine(c))
    assert mine_after == mine_before - res.removed + res.added
    assert res.changed or res.data == feed
