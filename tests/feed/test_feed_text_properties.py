"""Issue 15, item 1, as a property: any text put into any setting that reaches the team feed is
either refused where it enters, or the feed that is written parses, holds exactly the intended
events, and this profile's own events read back as they were meant.

Three doors: the settings API the CLI and the settings dialog share; settings.json written by hand
(checked at load); and past every check (a rota stored by an older version, an identity built
directly), where only the writer's wall stands. Modest example counts; ANTIHJALTE_FULL=1 for more.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.core.settings_schema import BY_KEY
from antihjalte_desktop.core.text import drop_controls
from antihjalte_desktop.errors import UsageError
from antihjalte_desktop.feed import ics, rawics
from antihjalte_desktop.feed.merge import merge
from antihjalte_desktop.feed.state import FeedState, state_path
from antihjalte_desktop.feed.sync import identity, sync
from antihjalte_desktop.feed.team import generate_rota
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

from .conftest import FULL, NOW

EXAMPLES = 300 if FULL else 60
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
DAY = date(2026, 12, 9)
MONDAY = date(2026, 11, 30)

# Fragments that have broken calendars: line ends of every kind, controls, the characters
# iCalendar gives meaning to, property and component lines, lone surrogates, and runs that end
# right at a 75-octet fold (ASCII and multi-byte).
_FRAGMENTS = st.sampled_from(
    [
        "\r\n", "\r", "\n", "\x00", "\x1b", "\x0b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\t",
        ":", ";", ",", '"', "\\", "^", "^n", "=", "@", " ", "<", ">",
        "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR", "BEGIN:", "UID:forged", "X-ANTIHJALTE-PROFILE:x",
        "DTSTART;VALUE=DATE:20261208", "a" * 40, "a" * 74, "å" * 37, "😀" * 19, "\ud800", "\udfff",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=8).map("".join)
EMAIL = st.one_of(TEXT, st.builds(lambda a, b: f"{a}@{b}.se", TEXT, TEXT))
ROSTER = st.lists(st.builds(lambda n, e: f"{n}, {e}", TEXT, EMAIL), min_size=1, max_size=3)
# SQLite cannot hold a lone surrogate at all: what a stored rota can hold.
STORABLE = st.one_of(TEXT, EMAIL).map(lambda t: re.sub("[\ud800-\udfff]", "", t))
SHOW_AS = st.sampled_from(["full", "initials", "anonymous"])


def _profile(tmp: Path) -> tuple[Profile, Path]:
    feed = tmp / "share" / "team.ics"
    feed.parent.mkdir(parents=True, exist_ok=True)
    prof = Profile(Paths.resolve(tmp / "home"), FixedClock(NOW))
    prof.settings.set("feed.location", str(feed))
    return prof, feed


def _param(text: str) -> str:
    """A name as a parameter value reads back. icalendar (not the RFC) takes a backslash before
    ``:;,`` in a parameter as an escape, so backslashes are left out of the comparison."""
    return drop_controls(text, newline=" ").strip().replace('"', "'").replace("\\", "")


def check_feed(data: bytes, own: dict[str, ics.OwnEvent], pid: str, ident: ics.Identity) -> None:
    """The feed parses with icalendar and with the app's reader, holds exactly ``own``, and each
    of them reads back with its owner, dates, summary and names."""
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(cal.walk("VEVENT")) == len(own)
    assert set(events) == set(own)
    doc = rawics.split(data)
    rawics.validate(doc)
    assert sorted(c.uid for c in doc.components) == sorted(own)
    assert all(c.owner == pid for c in doc.components)
    for uid, want in own.items():
        e = events[uid]
        assert str(e["X-ANTIHJALTE-PROFILE"]) == pid
        assert e.decoded("DTSTART") == want.start and e.decoded("DTEND") == want.end
        assert str(e["SUMMARY"]) == drop_controls(want.summary, newline="\n")
        assert str(e["ORGANIZER"].params["CN"]).replace("\\", "") == _param(ident.display)
        if want.category == ics.HERO_CATEGORY:
            hero = want.summary[len(ics.HERO_PREFIX) :]
            assert str(e["ATTENDEE"].params["CN"]).replace("\\", "") == _param(hero)


def _sync_and_check(prof: Profile, feed: Path) -> None:
    status = sync(prof)
    assert status.in_sync, status.reason
    pid = prof.plan.profile_id()
    st_ = FeedState(state_path(prof.paths.data))
    try:
        rota = st_.rota()
    finally:
        st_.close()
    ident = identity(prof)
    own = {ics.focus_uid(DAY, pid): ics.focus_event(DAY, ident)}
    for monday, name, email in rota:
        ev = ics.hero_event(monday, name, email, ident)
        own[ev.uid] = ev
    check_feed(feed.read_bytes(), own, pid, ident)
    again = sync(prof)  # the next sync reads the feed back: nothing to change
    assert again.in_sync and not again.wrote, again.reason


@SETTINGS
@given(name=TEXT, email=EMAIL, roster=ROSTER, show_as=SHOW_AS)
def test_any_text_through_the_settings_is_refused_or_published_safely(
    tmp_path_factory, name: str, email: str, roster: list[str], show_as: str
) -> None:
    prof, feed = _profile(tmp_path_factory.mktemp("entry"))
    try:
        prof.settings.set("feed.show_as", show_as)
        for key, value in (("me.name", name), ("me.email", email), ("team.roster", roster)):
            try:
                prof.settings.set(key, value)
            except UsageError as err:
                assert key in str(err)
                assert "\r" not in str(err) and "\n" not in str(err) and "\x1b" not in str(err)
        Planning(prof).plan_day(DAY)
        if prof.settings.get("team.roster"):
            generate_rota(prof, MONDAY, 3)
        _sync_and_check(prof, feed)
    finally:
        prof.close()


@SETTINGS
@given(name=TEXT, email=EMAIL, roster=ROSTER, show_as=SHOW_AS)
def test_any_text_in_a_hand_written_settings_file_is_ignored_or_published_safely(
    tmp_path_factory, name: str, email: str, roster: list[str], show_as: str
) -> None:
    tmp = tmp_path_factory.mktemp("file")
    feed = tmp / "share" / "team.ics"
    feed.parent.mkdir(parents=True)
    path = tmp / "home" / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    values = {"feed.location": str(feed), "feed.show_as": show_as, "me.name": name, "me.email": email}
    path.write_text(json.dumps({**values, "team.roster": roster}), encoding="utf-8")
    prof = Profile(Paths.resolve(tmp / "home"), FixedClock(NOW))
    try:
        for key, value in (*values.items(), ("team.roster", roster)):
            if any(p.startswith(key) for p in prof.settings.problems):
                assert prof.settings.is_default(key)  # refused at load: the default stands
            else:
                assert prof.settings.get(key) == BY_KEY[key].validate(value)
        Planning(prof).plan_day(DAY)
        if prof.settings.get("team.roster"):
            generate_rota(prof, MONDAY, 2)
        _sync_and_check(prof, feed)
    finally:
        prof.close()


@SETTINGS
@given(rota=st.lists(st.tuples(STORABLE, STORABLE), min_size=1, max_size=3))
def test_a_rota_stored_past_every_check_is_published_safely(
    tmp_path_factory, rota: list[tuple[str, str]]
) -> None:
    prof, feed = _profile(tmp_path_factory.mktemp("rota"))
    try:
        prof.settings.set("me.name", "Olle Ek")
        Planning(prof).plan_day(DAY)
        st_ = FeedState(state_path(prof.paths.data))
        try:
            st_.set_rota([(MONDAY + timedelta(weeks=i), n, e) for i, (n, e) in enumerate(rota)])
        finally:
            st_.close()
        _sync_and_check(prof, feed)
    finally:
        prof.close()


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(name=TEXT, email=EMAIL, hero=TEXT, hero_email=EMAIL, show_as=SHOW_AS, crlf=st.booleans())
def test_the_writer_wall_alone(
    name: str, email: str, hero: str, hero_email: str, show_as: str, crlf: bool
) -> None:
    """An identity built straight from any text (as if a settings check were missing): the rendered
    events pass the pre-write check and the feed reads back exactly."""
    ident = ics.Identity("p1", name, email, show_as)
    own = {
        ev.uid: ev for ev in (ics.focus_event(DAY, ident), ics.hero_event(MONDAY, hero, hero_email, ident))
    }
    res = merge(None, own, "p1", datetime(2026, 11, 30, tzinfo=UTC))
    rawics.check_before_write(res.size, res.puts, "p1")
    data = res.data
    if not crlf:
        data = data.replace(b"\r\n", b"\n")
    check_feed(data, own, "p1", ident)
