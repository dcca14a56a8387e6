"""Network feeds: build the backend for a URL (WebDAV file or CalDAV calendar) with its
credentials, detecting the kind when ``feed.kind`` is ``auto``.

Detection is one ``PROPFIND Depth: 0`` asking for ``resourcetype``: a calendar
collection is CalDAV; a plain file, a missing file (a new feed) or a server without
PROPFIND is a WebDAV file; any other collection is refused (a folder, not a feed).
It happens at sync time (``feed set`` contacts nothing) and is remembered for the
life of the backend.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.feed.errors import FeedError
from antihjalte_desktop.feed.http import Credentials, HttpClient, Secret, parse_xml, redact_url

PROPFIND_TYPE = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>'
)


@dataclass(frozen=True)
class NetOptions:
    """How to reach a network feed (from the settings; the password from the keyring)."""

    user: str = ""
    ca_file: str = ""
    profile_id: str = ""
    password: Callable[[], str | None] | None = None  # asked only when a request is made
    http_deadline: float = 60.0  # feed.http_deadline_seconds


def client_factory(url: str, opts: NetOptions) -> Callable[[], HttpClient]:
    cache: list[Credentials | None] = []

    def make() -> HttpClient:
        if not cache:
            cache.append(_credentials(url, opts))
        return HttpClient(creds=cache[0], ca_file=opts.ca_file, deadline=opts.http_deadline)

    return make


def _credentials(url: str, opts: NetOptions) -> Credentials | None:
    from antihjalte_desktop.feed.http import check_safe, normalize_url

    if not opts.user:
        return None
    # refuse an unsafe address before the keyring is even asked
    check_safe(normalize_url(url), Credentials(opts.user))
    password = opts.password() if opts.password is not None else None
    if not password:
        raise FeedError(
            _(
                "no password saved for {user!r} at {url}: "
                "run antihjalte feed login (or enter it in the settings)"
            ).format(user=opts.user, url=redact_url(url))
        )
    return Credentials(opts.user, Secret(password))


def detect_kind(client: HttpClient, url: str) -> str:
    """``caldav`` or ``webdav`` for ``url`` (see the module docstring)."""
    resp = client.request(
        "PROPFIND",
        url,
        headers={"Depth": "0", "Content-Type": "application/xml; charset=utf-8"},
        body=PROPFIND_TYPE,
    )
    if resp.status in (404, 405, 501):
        return "webdav"
    if resp.status != 207:
        raise FeedError(
            _("the server answered {status} to PROPFIND {url}").format(
                status=resp.status, url=redact_url(url)
            )
        )
    root = parse_xml(resp.body)
    rt = root.find(".//{DAV:}resourcetype")
    if rt is None or len(rt) == 0:
        return "webdav"
    if rt.find("{urn:ietf:params:xml:ns:caldav}calendar") is not None:
        return "caldav"
    raise FeedError(
        _(
            "{url} is a folder, not a calendar: give the address of a .ics file "
            "(WebDAV) or of a calendar (CalDAV)"
        ).format(url=redact_url(url))
    )


class AutoBackend:
    """Detects the kind at the first use, then behaves as that backend."""

    def __init__(self, url: str, opts: NetOptions) -> None:
        self.url = url
        self.location = url
        self.opts = opts
        self._make = client_factory(url, opts)
        self._inner: object | None = None

    @property
    def kind(self) -> str:
        return getattr(self._inner, "kind", "auto")

    def _backend(self) -> object:
        if self._inner is None:
            with self._make() as c:
                kind = detect_kind(c, self.url)
            self._inner = _build(kind, self.url, self.opts, self._make)
        return self._inner

    def probe(self) -> str:
        return self._backend().probe()  # type: ignore[attr-defined,no-any-return]

    @contextlib.contextmanager
    def session(self) -> Iterator[object]:
        with self._backend().session() as s:  # type: ignore[attr-defined]
            yield s


def _build(kind: str, url: str, opts: NetOptions, make: Callable[[], HttpClient]) -> object:
    if kind == "caldav":
        from antihjalte_desktop.feed.caldav import CalDavBackend

        return CalDavBackend(url, make, opts.profile_id)
    from antihjalte_desktop.feed.webdav import WebDavBackend

    return WebDavBackend(url, make)


def network_backend(url: str, kind: str, opts: NetOptions) -> object:
    """The backend for an http(s) feed URL; nothing is contacted here."""
    from antihjalte_desktop.feed.http import check_safe, normalize_url

    norm = normalize_url(url)
    check_safe(norm, Credentials(opts.user) if opts.user else None)
    if kind in ("webdav", "caldav"):
        return _build(kind, norm, opts, client_factory(norm, opts))
    return AutoBackend(norm, opts)
