"""The team feed as a CalDAV calendar (Radicale, Nextcloud, Fastmail, iCloud, …).

One resource per own event, ``<collection>/<uid>.ics``: created with
``If-None-Match: *``, replaced with ``If-Match: <etag>``, removed with
``DELETE`` + ``If-Match``. Never a PUT or DELETE of the collection, never a write to a
resource unless every component in it is provably this profile's (one UID that this
profile generates, with its ``X-ANTIHJALTE-PROFILE``: see ``feed.ownership``); an event of
ours stored together with someone else's is reported, not touched.
The team's events are read with one ``calendar-query`` REPORT (every resource with
its ETag and data); for the merge and the index they are laid side by side in one
VCALENDAR, which is never written anywhere.

A small client of its own rather than the ``caldav`` library: the library follows
redirects and sends credentials by its own rules (via requests/niquests), parses XML
with lxml, and does not let a write be conditional on the exact ETag in every call;
the six requests needed here fit in this module, under the rules of ``feed.http``.

The version token is the collection's ``getctag`` (or ``sync-token``), read before
the REPORT, so a change that lands in between is seen at the next sync. After our
own writes the token is left empty, so the next sync reads again.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit

from antihjalte_desktop.core.i18n import N_, _
from antihjalte_desktop.feed import ics
from antihjalte_desktop.feed.backend import SessionInfo, Snapshot
from antihjalte_desktop.feed.errors import FeedConflictError, FeedError
from antihjalte_desktop.feed.http import HttpClient, check_status, parse_xml, redact_url

if TYPE_CHECKING:
    from antihjalte_desktop.feed.merge import MergeResult

log = logging.getLogger("antihjalte.feed.caldav")

PROPFIND_CTAG = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<D:propfind xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">'
    b"<D:prop><D:resourcetype/><CS:getctag/><D:sync-token/><D:getetag/></D:prop></D:propfind>"
)
REPORT_ALL = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    b"<D:prop><D:getetag/><C:calendar-data/></D:prop>"
    b'<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>'
    b"</C:calendar-query>"
)
CALENDAR_TYPE = "text/calendar; charset=utf-8"
OWN_CHANGED = N_("an own event changed on the server meanwhile (another computer?)")
D = "{DAV:}"
C = "{urn:ietf:params:xml:ns:caldav}"
CS = "{http://calendarserver.org/ns/}"


@dataclass
class Resource:
    href: str  # absolute URL
    etag: str
    uids: list[str] = field(default_factory=list)
    owners: set[str] = field(default_factory=set)
    other_kinds: bool = False  # anything but VEVENT and VTIMEZONE (a VTODO, …)

    @property
    def single(self) -> bool:
        """One event (its overrides included) of one owner, and nothing else."""
        return not self.other_kinds and len(set(self.uids)) == 1 and len(self.owners) == 1


def _collection_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


class CalDavBackend:
    """A calendar collection at an http(s) URL."""

    kind = "caldav"

    def __init__(self, url: str, client: Callable[[], HttpClient], profile_id: str) -> None:
        self.url = _collection_url(url)
        self.location = url
        self.profile_id = profile_id
        self._client_factory = client

    def probe(self) -> str:
        with self._client_factory() as c:
            return self._ctag(c)

    def _ctag(self, c: HttpClient) -> str:
        resp = c.request(
            "PROPFIND",
            self.url,
            headers={"Depth": "0", "Content-Type": "application/xml; charset=utf-8"},
            body=PROPFIND_CTAG,
        )
        if resp.status == 404:
            raise FeedError(_("the calendar {url} was not found (404)").format(url=redact_url(self.url)))
        check_status(resp, self.url, "read")
        root = parse_xml(resp.body)
        if root.find(f".//{D}resourcetype/{C}calendar") is None:
            raise FeedError(_("{url} is not a CalDAV calendar").format(url=redact_url(self.url)))
        for tag in (f"{CS}getctag", f"{D}sync-token", f"{D}getetag"):
            el = root.find(f".//{tag}")
            if el is not None and (el.text or "").strip():
                return f"{tag.rsplit('}', 1)[1]}:{el.text.strip()}"  # type: ignore[union-attr]
        return ""

    @contextlib.contextmanager
    def session(self) -> Iterator[CalDavSession]:
        client = self._client_factory()
        try:
            yield CalDavSession(self, client)
        finally:
            client.close()


class CalDavSession:
    def __init__(self, backend: CalDavBackend, client: HttpClient) -> None:
        self.b = backend
        self.c = client
        self.info = SessionInfo()
        self.resources: list[Resource] = []

    def read(self) -> Snapshot:
        from antihjalte_desktop.feed import rawics

        token = self.b._ctag(self.c)  # before the REPORT: a change in between is seen next time
        resp = self.c.request(
            "REPORT",
            self.b.url,
            headers={"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
            body=REPORT_ALL,
        )
        check_status(resp, self.b.url, "read")
        root = parse_xml(resp.body)
        nl = b"\r\n"
        parts = [ics.new_calendar_header(nl)]
        seen_tz: set[bytes] = set()
        for r in root.iter(f"{D}response"):
            href_el = r.find(f"{D}href")
            data_el = r.find(f".//{C}calendar-data")
            if href_el is None or data_el is None or not (data_el.text or "").strip():
                continue
            href = urljoin(self.b.url, (href_el.text or "").strip())
            etag_el = r.find(f".//{D}getetag")
            res = Resource(href, (etag_el.text or "").strip() if etag_el is not None else "")
            data = (data_el.text or "").encode("utf-8")
            try:
                doc = rawics.split(data)
            except FeedError as err:
                log.warning("skipping an unreadable calendar resource %s: %s", redact_url(href), err)
                continue
            for comp in doc.components:
                raw = doc.raw(comp)
                if not raw.endswith(b"\n"):
                    raw += nl
                if comp.kind == "VTIMEZONE":
                    if raw in seen_tz:
                        continue
                    seen_tz.add(raw)
                else:
                    res.uids.append(comp.uid)
                    res.owners.add(comp.owner)
                    res.other_kinds = res.other_kinds or comp.kind != "VEVENT"
                parts.append(raw)
            self.resources.append(res)
        parts.append(b"END:VCALENDAR" + nl)
        shared = frozenset(u for res in self.resources if not res.single for u in res.uids if u)
        return Snapshot(b"".join(parts), token, shared)

    def _owned(self, profile_id: str, own_uids: set[str]) -> dict[str, list[Resource]]:
        """Resources that hold one event of this profile and nothing else, by UID."""
        out: dict[str, list[Resource]] = {}
        for res in self.resources:
            if res.single and res.owners == {profile_id} and res.uids[0] in own_uids:
                out.setdefault(res.uids[0], []).append(res)
        return out

    def _foreign_uids(self, owned: dict[str, list[Resource]]) -> set[str]:
        mine = {id(r) for rs in owned.values() for r in rs}
        return {u for res in self.resources if id(res) not in mine for u in res.uids}

    def write(self, result: MergeResult, snap: Snapshot) -> str:
        pid = self.b.profile_id
        if not pid:
            raise FeedError(_("this profile has no id; nothing was written"))
        owned = self._owned(pid, result.own_uids)
        foreign = self._foreign_uids(owned)
        wrapped_head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + ics.PRODID.encode() + b"\r\n"
        for uid, raw in result.puts.items():
            if uid in foreign:
                # the merge reports these as squatted; this is the second wall
                log.warning("not writing %s: a resource of someone else holds that UID", uid)
                continue
            body = wrapped_head + raw + (b"" if raw.endswith(b"\n") else b"\r\n") + b"END:VCALENDAR\r\n"
            headers = {"Content-Type": CALENDAR_TYPE}
            mine = owned.get(uid)
            if mine:
                href = mine[0].href
                headers["If-Match"] = mine[0].etag or "*"
            else:
                href = urljoin(self.b.url, quote(uid, safe="@-_.") + ".ics")
                headers["If-None-Match"] = "*"
            self._guard(href)
            resp = self.c.request("PUT", href, headers=headers, body=body)
            if resp.status == 412:
                raise FeedConflictError(_(OWN_CHANGED))
            check_status(resp, href, "write")
        counts: dict[str, int] = {}
        for uid in result.deletes:
            counts[uid] = counts.get(uid, 0) + 1
        for uid, n in counts.items():
            mine = owned.get(uid, [])
            # duplicates: the merge keeps the first one in the feed and removes the rest
            for res in mine[len(mine) - min(n, len(mine)) :]:
                self._guard(res.href)
                resp = self.c.request("DELETE", res.href, headers={"If-Match": res.etag or "*"})
                if resp.status == 412:
                    raise FeedConflictError(_(OWN_CHANGED))
                if resp.status == 404:
                    continue  # already gone
                check_status(resp, res.href, "delete")
        return ""  # the collection changed: read it again at the next sync

    def _guard(self, href: str) -> None:
        """Only resources inside the collection, never the collection itself."""
        base = urlsplit(self.b.url)
        target = urlsplit(href)
        if (
            (target.scheme, target.netloc) != (base.scheme, base.netloc)
            or not target.path.startswith(base.path)
            or target.path.rstrip("/") == base.path.rstrip("/")
            or "/" in target.path[len(base.path) :].strip("/")
        ):
            raise FeedError(
                _("refusing to write {url}: not an event in the team's calendar").format(url=redact_url(href))
            )
