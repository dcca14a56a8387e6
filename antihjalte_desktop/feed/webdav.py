"""A whole team feed as one ``.ics`` file on a WebDAV server (Nextcloud, SharePoint, WsgiDAV, …).

A session, when the server offers locking (``DAV: 2`` in OPTIONS): LOCK the file
(exclusive, with a timeout; a held lock is waited for, then reported) → GET it with
its ETag → merge → re-GET and compare the bytes with what was merged → PUT with
``If-Match`` (``If-None-Match: *`` when creating) and the lock token → UNLOCK, in every
path (an error, an exception, a conflict). Without locking, a sibling folder
``.<name>.dav-lock/`` made with MKCOL (atomic where the server stores files in folders)
serializes this app's clients instead. A 412, a 423 or a changed body is a conflict: the
engine reads and merges again, a bounded number of times.

What this guarantees, honestly:

- With locking (every client of this app locks; the server refuses a PUT without the
  token with 423), the file cannot change between our read and our write: nothing is
  lost, whatever the server's ETags are.
- Without locking, this app's clients take turns through the MKCOL folder; against
  other tools ``If-Match`` is the guard, and some servers' ETags are weak (WsgiDAV's is
  inode-mtime *seconds*-size, so two same-size writes in one second look alike). The
  re-GET just before the PUT compares the bytes themselves, so another tool's write is
  caught unless it lands in the few milliseconds between that re-GET and our PUT *and*
  keeps the size *and* the second. Worse, some servers check If-Match and then write
  without holding anything (WsgiDAV), so two simultaneous PUTs can interleave into a
  damaged file, which this app then refuses to overwrite. That window is small, not
  zero: use a server with locking (Nextcloud, SharePoint, WsgiDAV and Apache mod_dav
  all have it) for a team feed.
- A feed that cannot be parsed is never overwritten (the engine refuses before any
  write); an empty file (what LOCK leaves on a new address) counts as "no feed yet".
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.feed import deadline as sync_deadline
from antihjalte_desktop.feed._hash import blake2b
from antihjalte_desktop.feed.backend import SessionInfo, Snapshot
from antihjalte_desktop.feed.errors import FeedConflictError, FeedError, FeedFormatError, FeedLockedError
from antihjalte_desktop.feed.http import HttpClient, Response, check_status, parse_xml, redact_url

if TYPE_CHECKING:
    from antihjalte_desktop.feed.merge import MergeResult

log = logging.getLogger("antihjalte.feed.webdav")

LOCK_TIMEOUT_S = 600  # the server drops a lock we could not UNLOCK (a crash) after this
LOCK_WAIT_S = 60.0  # how long a lock held by someone else is waited for
LOCK_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>'
    b"<D:locktype><D:write/></D:locktype><D:owner>antihjalte-desktop</D:owner></D:lockinfo>"
)
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _digest(data: bytes | None) -> bytes:
    return blake2b(data or b"", digest_size=32).digest()


def _etag(resp: Response) -> str:
    return resp.header("etag")


class WebDavBackend:
    """One ``.ics`` file at an http(s) URL."""

    kind = "webdav"

    def __init__(
        self,
        url: str,
        client: Callable[[], HttpClient],
        *,
        lock_wait_s: float = LOCK_WAIT_S,
        use_locks: bool = True,
    ) -> None:
        self.url = url
        self.location = url
        self._client_factory = client
        self.lock_wait_s = lock_wait_s
        self.use_locks = use_locks
        self.locked = False  # did the last session hold a WebDAV lock (for tests and the status)

    def probe(self) -> str:
        with self._client_factory() as c:
            resp = c.request("HEAD", self.url)
        if resp.status == 404:
            return ""
        check_status(resp, self.url, "read")
        if resp.header("content-length") == "0":
            return ""  # an empty file (a lock on a new address): "no feed yet", read it to be sure
        return _etag(resp)

    @contextlib.contextmanager
    def session(self) -> Iterator[WebDavSession]:
        client = self._client_factory()
        token = ""
        created = False
        mutex = ""
        try:
            if self.use_locks:
                if _dav_classes(client, self.url) >= {"2"}:
                    token, created = self._lock(client)
                else:
                    mutex = self._mkcol_lock(client)
            self.locked = bool(token or mutex)
            s = WebDavSession(self, client, token, created)
            try:
                yield s
            finally:
                if created and not s.wrote:
                    # our LOCK made an empty file and nothing was written: take it away again
                    with contextlib.suppress(FeedError), sync_deadline.cleanup():
                        client.request("DELETE", self.url, headers={"If": f"(<{token}>)"})
        finally:
            with sync_deadline.cleanup():  # a sync stopped by its deadline still leaves no lock behind
                self._unlock(client, token, mutex)

    def _unlock(self, client: HttpClient, token: str, mutex: str) -> None:
        try:
            if mutex:
                with contextlib.suppress(FeedError):
                    client.request("DELETE", mutex)
            if token:
                try:
                    resp = client.request("UNLOCK", self.url, headers={"Lock-Token": f"<{token}>"})
                    if resp.status not in (200, 204):
                        log.warning("UNLOCK of %s answered %s", redact_url(self.url), resp.status)
                except FeedError as err:
                    log.warning(
                        "UNLOCK of %s failed (%s); the server drops it after %d s",
                        redact_url(self.url),
                        err,
                        LOCK_TIMEOUT_S,
                    )
        finally:
            client.close()

    def _mkcol_lock(self, client: HttpClient) -> str:
        """Without WebDAV locking: a sibling folder made with MKCOL is the mutex (creating a folder
        is atomic on file-system backed servers, where a conditional PUT may not be: WsgiDAV checks
        If-Match and then writes, so two PUTs at once can interleave). A folder older than the
        lock timeout (by the server's clock) is taken as left by a crashed client and removed."""
        base, _sep, name = self.url.rpartition("/")
        mutex = f"{base}/.{name}.dav-lock/"
        deadline = time.monotonic() + self.lock_wait_s
        delay = 0.05
        while True:
            resp = client.request("MKCOL", mutex)
            if resp.status == 201:
                return mutex
            if resp.status in (403, 501) or (resp.status == 405 and not _exists(client, mutex)):
                log.info("no lock folder possible at %s (%s); If-Match alone", redact_url(mutex), resp.status)
                return ""
            if resp.status != 405:
                check_status(resp, mutex, "lock")
            if _stale(client, mutex):
                log.warning("removing a lock folder left for over %.0f s: %s", _mutex_stale_s(), mutex)
                client.request("DELETE", mutex)
                continue
            if time.monotonic() >= deadline:
                raise FeedLockedError(
                    _("someone else has held {url} for more than {seconds} s; trying again later").format(
                        url=redact_url(mutex), seconds=f"{self.lock_wait_s:.0f}"
                    )
                )
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    def _lock(self, client: HttpClient) -> tuple[str, bool]:
        deadline = time.monotonic() + self.lock_wait_s
        delay = 0.05
        while True:
            resp = client.request(
                "LOCK",
                self.url,
                headers={
                    "Timeout": f"Second-{LOCK_TIMEOUT_S}",
                    "Depth": "0",
                    "Content-Type": "application/xml; charset=utf-8",
                },
                body=LOCK_BODY,
            )
            if resp.status in (200, 201):
                token = resp.header("lock-token").strip().strip("<>")
                if not token:
                    token = _token_from_body(resp.body)
                if not token:
                    raise FeedError(
                        _("the server locked {url} but sent no lock token").format(url=redact_url(self.url))
                    )
                return token, resp.status == 201
            if resp.status == 423:
                if time.monotonic() >= deadline:
                    raise FeedLockedError(
                        _(
                            "someone else has held the lock on {url} for more than {seconds} s; "
                            "trying again later"
                        ).format(url=redact_url(self.url), seconds=f"{self.lock_wait_s:.0f}")
                    )
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
                continue
            if resp.status in (405, 501):
                return "", False  # locking not offered for this resource after all
            check_status(resp, self.url, "lock")


class WebDavSession:
    def __init__(self, backend: WebDavBackend, client: HttpClient, token: str, created: bool) -> None:
        self.b = backend
        self.c = client
        self.token = token
        self.created = created
        self.wrote = False
        self.info = SessionInfo()
        self._read_digest = b""
        self._read_none = True

    def _if(self) -> dict[str, str]:
        return {"If": f"(<{self.token}>)"} if self.token else {}

    def _get(self) -> tuple[bytes | None, str]:
        resp = self.c.request("GET", self.b.url, headers={"Accept": "text/calendar, */*"})
        if resp.status == 404:
            return None, ""
        check_status(resp, self.b.url, "read")
        return resp.body, _etag(resp)

    def read(self) -> Snapshot:
        body, etag = self._get()
        self._read_digest = _digest(body)
        self._read_none = body is None
        if body is not None and not body.strip():
            return Snapshot(None, etag)  # empty: "no feed yet" (a fresh LOCK leaves one)
        return Snapshot(body, etag)

    def write(self, result: MergeResult, snap: Snapshot) -> str:
        # The bytes, not only the ETag: weak ETags (mtime seconds + size) miss same-size writes.
        body, etag = self._get()
        if (body is None) != self._read_none or _digest(body) != self._read_digest:
            raise FeedConflictError(_("the feed changed on the server while it was being merged"))
        if snap.token and etag and etag != snap.token:
            raise FeedConflictError(_("the feed changed on the server while it was being merged"))
        headers = {"Content-Type": CALENDAR_TYPE, **self._if()}
        if body is None:
            headers["If-None-Match"] = "*"
        elif etag:
            headers["If-Match"] = etag
        data = result.data
        if not data.strip():
            raise FeedFormatError(_("refusing to write an empty feed"))
        resp = self.c.request("PUT", self.b.url, headers=headers, body=data)
        if resp.status in (412, 423):
            raise FeedConflictError(
                _("someone else wrote the feed first")
                if resp.status == 412
                else _("the feed is locked by someone else")
            )
        check_status(resp, self.b.url, "write")
        self.wrote = True
        return _etag(resp) if self.token else ""  # unlocked: read again next time, to be sure


def _exists(client: HttpClient, url: str) -> bool:
    return client.request("PROPFIND", url, headers={"Depth": "0"}).status == 207


def _stale(client: HttpClient, url: str) -> bool:
    from email.utils import parsedate_to_datetime

    resp = client.request(
        "PROPFIND",
        url,
        headers={"Depth": "0", "Content-Type": "application/xml; charset=utf-8"},
        body=b'<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop>'
        b"<D:getlastmodified/></D:prop></D:propfind>",
    )
    if resp.status != 207:
        return False
    el = parse_xml(resp.body).find(".//{DAV:}getlastmodified")
    try:
        made = parsedate_to_datetime((el.text or "") if el is not None else "")
        now = parsedate_to_datetime(resp.header("date"))
    except (TypeError, ValueError):
        return False
    return (now - made).total_seconds() > _mutex_stale_s()


def _mutex_stale_s() -> float:
    """How old a lock folder must be to be taken as a crashed client's (tests shorten it)."""
    import os

    try:
        return float(os.environ.get("ANTIHJALTE_DAV_LOCK_STALE_S", "") or LOCK_TIMEOUT_S)
    except ValueError:
        return float(LOCK_TIMEOUT_S)


def _dav_classes(client: HttpClient, url: str) -> set[str]:
    resp = client.request("OPTIONS", url)
    if resp.status >= 400:
        return set()
    return {p.strip() for p in resp.header("dav").split(",") if p.strip()}


def _token_from_body(body: bytes) -> str:
    try:
        root = parse_xml(body)
    except FeedError:
        return ""
    el = root.find(".//{DAV:}locktoken/{DAV:}href")
    return (el.text or "").strip() if el is not None else ""
