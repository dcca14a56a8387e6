"""The sync: read → check → index what changed → merge → write, under the feed's lock.

This profile's events in the feed become exactly its current plan (plus the hero
weeks it publishes); the outbox of local changes says that something is waiting,
and is cleared only after a write succeeded. A failed sync changes nothing
anywhere, keeps the outbox, and records the reason and the next attempt (backoff)
in ``<data>/feed-status.json``, which the tray reads.

Nothing heavy is imported here: a sync when nothing changed is a ``stat`` and a
few SQLite reads.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antihjalte_desktop.core.i18n import _, ngettext
from antihjalte_desktop.core.text import printable
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.feed import deadline, ics
from antihjalte_desktop.feed.errors import FeedConflictError, FeedError, FeedSquattedError
from antihjalte_desktop.feed.state import FeedState, index_path, read_json, state_path
from antihjalte_desktop.store.paths import FEED_STATUS_NAME

if TYPE_CHECKING:
    from antihjalte_desktop.feed.backend import FeedBackend
    from antihjalte_desktop.store.profile import Profile

log = logging.getLogger("antihjalte.feed")

STATUS_FILE = FEED_STATUS_NAME
DEFAULT_FEED_NAME = "team-feed.ics"
CONFLICT_RETRIES = 3


@dataclass
class SyncStatus:
    """What the tray shows: in sync or "not synced" with the reason, and when it tries again.

    ``reason`` and ``warnings`` are for people: written in the language of the process that
    synced (the tray's sync child reads the same ``ui.language`` as the tray, so a Swedish tray
    shows Swedish reasons); ``sync --json`` syncs in English, its JSON being a contract. What a
    program reads is in the other fields: ``in_sync``, ``state``, ``squatted``, the counts."""

    in_sync: bool
    state: str  # "in_sync", "error", or "pending" (tray_status: local changes waiting)
    reason: str = ""
    location: str = ""
    kind: str = "file"
    last_good_sync: str | None = None
    last_attempt: str | None = None
    next_attempt: str | None = None
    failures: int = 0
    pending_changes: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    wrote: bool = False
    waited_for_lock: str = ""
    warnings: list[str] = field(default_factory=list)
    squatted: list[str] = field(default_factory=list)  # own UIDs held or changed by someone else

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SyncStatus:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known.setdefault("in_sync", False)
        known.setdefault("state", "error")
        return cls(**known)


def status_path(data_dir: Path) -> Path:
    return data_dir / STATUS_FILE


def default_feed_path(data_dir: Path) -> Path:
    return data_dir / DEFAULT_FEED_NAME


def read_status(data_dir: Path) -> SyncStatus | None:
    data = read_json(status_path(data_dir))
    return SyncStatus.from_json(data) if data else None


def write_status(data_dir: Path, status: SyncStatus) -> None:
    """Temp file and rename (readers never see half a file); no fsync: it is a status, rewritten
    at every sync, and a lost one only means "not synced yet" until the next."""
    import os

    from antihjalte_desktop.core.text import dumps, sanitize

    path = status_path(data_dir)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    # every string in it may quote a feed or a server: stored with control characters escaped
    tmp.write_text(dumps(sanitize(status.to_json()), indent=2), encoding="utf-8")
    os.replace(tmp, path)


def tray_status(profile: Profile) -> SyncStatus:
    """What the tray shows now: the last sync's status, but "not synced" while local changes
    wait in the outbox. Cheap (a JSON file and one query); never touches the feed."""
    status = read_status(profile.paths.data) or SyncStatus(
        in_sync=False, state="error", reason=_("not synced yet"), location=location_label(profile)
    )
    pending = len(profile.plan.outbox())
    if pending and status.in_sync:
        status.in_sync, status.state = False, "pending"
        status.reason = ngettext(
            "{n} local change(s) not synced yet", "{n} local change(s) not synced yet", pending
        ).format(n=pending)
    status.pending_changes = max(status.pending_changes, pending)
    return status


def not_synced_line(reason: str) -> str:
    """The last line ``antihjalte sync`` writes on stderr when it is not in sync."""
    return "antihjalte: " + _("not synced: {reason}").format(reason=reason)


def reason_of(stderr: str) -> str:
    """The reason in what a failed ``antihjalte sync`` wrote on stderr: its last line without
    the program's name and the "not synced:" before it (in English or in this process's
    language: the child reads the same ``ui.language``, but a locale may differ)."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    if not lines:
        return ""
    last = lines[-1].removeprefix("antihjalte: ")
    for prefix in {_("not synced: {reason}").split("{reason}")[0], "not synced: "}:
        if prefix and last.startswith(prefix):
            return last[len(prefix) :]
    return last


def backoff(failures: int, sync_minutes: int) -> timedelta:
    """1, 2, 4, 8 … minutes after consecutive failures, never longer than the sync interval."""
    return timedelta(minutes=min(2 ** max(0, failures - 1), max(1, sync_minutes)))


def identity(profile: Profile) -> ics.Identity:
    g = profile.settings.get
    return ics.Identity(
        profile.plan.profile_id(), str(g("me.name")), str(g("me.email")), str(g("feed.show_as"))
    )


def desired_events(profile: Profile, st: FeedState, ident: ics.Identity) -> dict[str, ics.OwnEvent]:
    """Every event this profile should have in the feed: its plan and the hero weeks it publishes."""
    out: dict[str, ics.OwnEvent] = {}
    for day in profile.plan.day_dates():
        ev = ics.focus_event(day, ident)
        out[ev.uid] = ev
    for monday, name, email in st.rota():
        ev = ics.hero_event(monday, name, email, ident)  # its UID carries the profile id
        out[ev.uid] = ev
    return out


def fingerprint(desired: dict[str, ics.OwnEvent]) -> str:
    from antihjalte_desktop.feed._hash import blake2b

    h = blake2b(digest_size=16)
    for uid in sorted(desired):
        h.update(desired[uid].content_key())
        h.update(b"\x00")
    return h.hexdigest()


def backend_of(profile: Profile) -> FeedBackend:
    from antihjalte_desktop.feed.backends import backend_for

    g = profile.settings.get
    location, kind = str(g("feed.location")), str(g("feed.kind"))
    net = None
    if "://" in location and not location.strip().lower().startswith("file://"):
        from antihjalte_desktop.feed.detect import NetOptions
        from antihjalte_desktop.store.secrets import password_for

        user = str(g("feed.user"))
        net = NetOptions(
            user=user,
            ca_file=str(g("feed.ca_file")),
            profile_id=profile.plan.profile_id(),
            password=lambda: password_for(location, user),
            http_deadline=float(g("feed.http_deadline_seconds")),
        )
    return backend_for(location, kind, default_feed_path(profile.paths.data), net)


def location_label(profile: Profile) -> str:
    loc = str(profile.settings.get("feed.location")).strip()
    return loc or str(default_feed_path(profile.paths.data))


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def sync(profile: Profile, *, force: bool = False) -> SyncStatus:
    """One sync attempt; never raises for the world's failures (they go in the status). It ends
    within ``feed.sync_deadline_seconds``, whatever it is doing (see ``feed.deadline``)."""
    with deadline.scope(float(profile.settings.get("feed.sync_deadline_seconds"))) as within:
        return _sync(profile, within, force=force)


def _sync(profile: Profile, within: deadline.Deadline, *, force: bool) -> SyncStatus:
    now = profile.now()
    data_dir = profile.paths.data
    previous = read_status(data_dir)
    outbox = profile.plan.outbox()
    status = SyncStatus(
        in_sync=False,
        state="error",
        location=location_label(profile),
        kind=str(profile.settings.get("feed.kind")),
        last_good_sync=previous.last_good_sync if previous else None,
        last_attempt=_iso(now),
        pending_changes=len(outbox),
        failures=previous.failures if previous else 0,
    )
    st: FeedState | None = None
    try:
        st = FeedState(state_path(data_dir))
        backend = backend_of(profile)
        status.kind = backend.kind
        with deadline.alarm(within):
            _run(profile, st, backend, outbox, status, force=force)
        status.kind = backend.kind  # a detected kind (auto → webdav / caldav)
        status.in_sync, status.state, status.reason, status.failures = True, "in_sync", "", 0
        status.last_good_sync = _iso(now)
        status.pending_changes = 0
        status.next_attempt = _iso(now + timedelta(minutes=int(profile.settings.get("feed.sync_minutes"))))
    except KnownError as err:
        status.failures += 1
        status.reason = printable(str(err))
        status.next_attempt = _iso(
            now + backoff(status.failures, int(profile.settings.get("feed.sync_minutes")))
        )
        log.info("feed not synced: %s", err)
    finally:
        if st is not None:
            st.close()
    if profile.settings.get("feed.subscriptions"):
        from antihjalte_desktop.feed.subscribe import sync_subscriptions

        try:
            with deadline.alarm(within, _("reading the subscribed calendars")):
                status.warnings.extend(sync_subscriptions(profile))
        except KnownError as err:  # the deadline, between two subscriptions
            status.warnings.append(str(err))
    status.warnings = [printable(w) for w in status.warnings]
    try:
        write_status(data_dir, status)
    except OSError as err:
        log.warning("cannot write the sync status: %s", err)
    return status


def _run(
    profile: Profile,
    st: FeedState,
    backend: FeedBackend,
    outbox: list[tuple[int, Any, str]],
    status: SyncStatus,
    *,
    force: bool,
) -> None:
    ident = identity(profile)
    desired = desired_events(profile, st, ident)
    fp = fingerprint(desired)
    meta = st.meta()
    zone_id = _zone_id(profile)
    token = backend.probe()
    if (
        not force
        and token
        and meta.get("token") == token
        and meta.get("location") == backend.location
        and meta.get("published") == fp
        and meta.get("zone") == zone_id
        and meta.get("year") == str(profile.today().year)
        and not outbox
        and index_path(profile.paths.data).exists()  # deleted: rebuilt by a full sync
    ):
        status.warnings = _index_warnings(profile)
        return
    from antihjalte_desktop.feed import rawics
    from antihjalte_desktop.feed.ownership import digest_of, squat_message

    for attempt in range(CONFLICT_RETRIES):
        try:
            with backend.session() as session:
                status.waited_for_lock = session.info.waited_for
                snap = session.read()
                deadline.check(_("reading the feed"))
                doc = None
                if snap.data is not None:
                    doc = rawics.split(snap.data)
                    rawics.validate(doc)
                    _index(profile, st, doc, ident.profile_id, status)
                else:
                    _clear_index(profile, st)
                deadline.check(_("reading the team's events"))
                result = _merge(doc, desired, ident.profile_id, profile.now(), st, snap.shared)
                new_token = snap.token
                if result.changed:
                    deadline.check(_("merging the feed, before writing it"))
                    rawics.check_before_write(result.size, result.puts, ident.profile_id)
                    # accepted before the write: a crash after it must not make our own event a stranger
                    st.add_fingerprints({uid: digest_of(desired[uid]) for uid in result.puts})
                    new_token = session.write(result, snap)
                status.added, status.updated, status.removed = result.added, result.updated, result.removed
                status.wrote = result.changed
            break
        except FeedConflictError:
            if attempt == CONFLICT_RETRIES - 1:
                raise
    squatted = result.squatted
    accepted = st.fingerprints()
    prints = {uid: frozenset({digest_of(desired[uid])}) for uid in result.sequences}
    for sq in squatted:  # still ours to recognise when it is put right
        if sq.uid in accepted and sq.uid not in prints:
            prints[sq.uid] = accepted[sq.uid]
    with st.tx() as c:
        st.save_sequences(result.sequences, c)
        st.set_fingerprints(prints, c)
        st.set_meta(
            {
                "token": new_token,
                "location": backend.location,
                # not "published" while something of ours is squatted: the next sync looks again
                "published": "" if squatted else fp,
                "zone": zone_id,
                "year": str(profile.today().year),
                "last_sync": _iso(profile.now()),
            },
            c,
        )
    if squatted:
        status.squatted = [printable(sq.uid) for sq in squatted]
        raise FeedSquattedError(squat_message(squatted))
    if outbox:
        profile.plan.clear_outbox(outbox[-1][0])


def _zone_id(profile: Profile) -> str:
    from antihjalte_desktop.feed.state import zone_key

    return zone_key(profile.zone)


def _open_index(profile: Profile, st: FeedState) -> FeedState:
    if "index_context" in st.meta():  # the index lived in feed.sqlite3 before: empty it once
        _wipe(st)
    return FeedState(index_path(profile.paths.data))


def _index(profile: Profile, st: FeedState, doc: Any, profile_id: str, status: SyncStatus) -> None:
    from antihjalte_desktop.feed import index

    ix = _open_index(profile, st)
    try:
        report = index.update(ix, doc, profile_id, profile.zone, profile.today())
    finally:
        ix.close()
    status.warnings.extend(report.warnings)


def _index_warnings(profile: Profile) -> list[str]:
    ix = FeedState(index_path(profile.paths.data))
    try:
        return ix.warnings()
    finally:
        ix.close()


def _clear_index(profile: Profile, st: FeedState) -> None:
    ix = _open_index(profile, st)
    try:
        _wipe(ix)
    finally:
        ix.close()


def _wipe(st: FeedState) -> None:
    with st.tx() as c:
        st.wipe_index(c)
        c.execute(
            "DELETE FROM meta WHERE key IN ('index_context', 'index_warnings', 'index_warnings_by_key')"
        )


def _merge(
    doc: Any,
    desired: dict[str, ics.OwnEvent],
    profile_id: str,
    now: datetime,
    st: FeedState,
    shared: frozenset[str],
) -> Any:
    from antihjalte_desktop.feed.merge import merge
    from antihjalte_desktop.feed.ownership import Ownership

    seqs = st.sequences()
    own = Ownership(profile_id, frozenset(seqs), st.fingerprints(), shared)
    return merge(doc, desired, profile_id, now, seqs, own)


__all__ = ["FeedError", "SyncStatus", "read_status", "sync"]
