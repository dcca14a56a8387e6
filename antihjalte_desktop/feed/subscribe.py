"""Read-only subscriptions (``feed.subscriptions``): extra calendars, such as a published
Outlook calendar of absences, shown in the team view as absences (``away``).

Each is fetched with a plain GET (no credentials: a published calendar is public by
its address; ``If-None-Match`` with the last ETag), split with ``rawics`` and indexed
with the same rules as the team feed into its own SQLite file
``<data>/subscriptions/<hash>.sqlite3``; every row it yields is an absence. A failure
is a warning in the sync status and keeps what was read last time.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.feed.state import FeedState

if TYPE_CHECKING:
    from antihjalte_desktop.store.profile import Profile

log = logging.getLogger("antihjalte.feed.subscribe")

FOLDER = "subscriptions"


def _path(data_dir: Path, url: str) -> Path:
    from antihjalte_desktop.feed._hash import blake2b

    return data_dir / FOLDER / (blake2b(url.encode(), digest_size=10).hexdigest() + ".sqlite3")


def urls(profile: Profile) -> list[str]:
    return [str(u).strip() for u in profile.settings.get("feed.subscriptions") if str(u).strip()]


def sync_subscriptions(profile: Profile) -> list[str]:
    """Fetch and index every subscription; return warnings (one per failed subscription)."""
    warnings: list[str] = []
    for url in urls(profile):
        try:
            _sync_one(profile, url)
        except KnownError as err:
            log.info("subscription %s not read: %s", url, err)
            warnings.append(
                _("the subscribed calendar {url} was not read: {problem}").format(url=url, problem=err)
            )
    return warnings


def _sync_one(profile: Profile, url: str) -> None:
    from antihjalte_desktop.feed import index, rawics
    from antihjalte_desktop.feed.errors import FeedError
    from antihjalte_desktop.feed.http import HttpClient, normalize_url

    norm = normalize_url(url)
    path = _path(profile.paths.data, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    st = FeedState(path)
    try:
        meta = st.meta()
        headers = {"Accept": "text/calendar, */*"}
        if meta.get("token") and meta.get("year") == str(profile.today().year):
            headers["If-None-Match"] = meta["token"]
        with HttpClient(
            ca_file=str(profile.settings.get("feed.ca_file")),
            deadline=float(profile.settings.get("feed.http_deadline_seconds")),
        ) as c:
            resp = c.request("GET", norm, headers=headers, auth=False)
        if resp.status == 304:
            return
        if resp.status != 200:
            raise FeedError(_("the server answered {status}").format(status=resp.status))
        doc = rawics.split(resp.body)
        # no owner matches this id: every event of the subscription is indexed
        index.update(st, doc, "\x00subscription", profile.zone, profile.today())
        with st.tx() as conn:
            conn.execute("UPDATE occ SET kind = 'away' WHERE kind != 'away'")
            st.set_meta({"token": resp.header("etag"), "year": str(profile.today().year), "url": norm}, conn)
    finally:
        st.close()


def occurrences(profile: Profile, start: date, end: date) -> list[tuple[str, str, str]]:
    """(day, person, "away") from every subscription read so far (SQLite only: light)."""
    return occurrences_in(profile.paths.data, urls(profile), start, end)


def occurrences_in(
    data_dir: Path, subscribed: list[str], start: date, end: date
) -> list[tuple[str, str, str]]:
    """:func:`occurrences` from the data folder and the subscribed addresses (no Profile)."""
    out: list[tuple[str, str, str]] = []
    for url in (str(u).strip() for u in subscribed):
        if not url:
            continue
        path = _path(data_dir, url)  # as stored by ``feed subscribe``
        if not path.exists():
            continue
        st = FeedState(path)
        try:
            out.extend((d, p, "away") for d, p, _k in st.occurrences(start, end))
        finally:
            st.close()
    return out


def forget(profile: Profile, url: str) -> None:
    import contextlib

    base = _path(profile.paths.data, url)
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            base.with_name(base.name + suffix).unlink()
