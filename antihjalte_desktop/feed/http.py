"""A small, careful HTTP client for the network feeds (WebDAV, CalDAV, subscriptions).

Built on the standard library's ``http.client`` rather than httpx or requests: the
feeds need few requests (OPTIONS, PROPFIND, REPORT, LOCK, GET, PUT, DELETE), and every
rule below is easier to prove when this module, not a library default, decides it:

- TLS is verified against the system's CAs, or the file in ``feed.ca_file``;
- credentials are never sent over plain ``http://`` except to a loopback address
  (the URL is refused *before* any name lookup or connection), and never forwarded
  when a redirect leads to another scheme, host or port (redirects are followed only
  for reads, at most 5);
- every request has a timeout for each socket operation, and one overall deadline from
  connect to the last byte, headers included (``feed.http_deadline_seconds``): a watchdog
  shuts the socket when it passes, so a server that drips its headers a byte at a time cannot
  keep a sync alive. A running sync's own deadline (:mod:`feed.deadline`) cuts it shorter;
- a redirect to another origin that is link-local (169.254.0.0/16, fe80::/10) or a cloud
  metadata service (169.254.169.254, fd00:ec2::254, metadata.google.internal, ...) is refused,
  by its name and by the address actually connected to, before anything is sent there;
- a response larger than 32 MB (the feed's limit) is refused (by Content-Length, or while reading);
- server XML is parsed by :func:`parse_xml`: no DTD, no entity declarations.

The password is held by :class:`Secret`, whose ``repr``/``str`` never show it, and goes
only into the ``Authorization`` header of the request being sent.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import ipaddress
import logging
import socket
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from antihjalte_desktop.core.i18n import N_, _, language
from antihjalte_desktop.feed import deadline as sync_deadline
from antihjalte_desktop.feed.backend import MAX_FEED_BYTES
from antihjalte_desktop.feed.errors import FeedError, os_reason

if TYPE_CHECKING:
    import ssl

log = logging.getLogger("antihjalte.feed.http")

MAX_RESPONSE_BYTES = MAX_FEED_BYTES  # one limit for every way a feed is read
TIMEOUT_S = 30.0  # connect and each read
DEADLINE_S = 60.0  # a whole request, connect to last byte (feed.http_deadline_seconds)
MAX_REDIRECTS = 5
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PROPFIND", "REPORT"})
USER_AGENT = "antihjalte-desktop"


class FeedAuthError(FeedError):
    """The server refused the user name or password (401)."""


class FeedInsecureError(FeedError):
    """A request that would expose credentials was refused before it was made."""


class FeedTooLargeError(FeedError):
    """The server sent more than this app reads."""


class FeedTimeoutError(FeedError):
    """A request did not finish within its deadline."""


# Cloud instance metadata services: a redirect there could read the machine's credentials.
METADATA_HOSTS = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.internal",
    }
)
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "fd00:ec2::254",
        "fd00:ec2::23",
        "100.100.100.200",
        "192.0.0.192",
    )
)


def forbidden_address(addr: str) -> bool:
    """A link-local or metadata address (IPv4-mapped IPv6 included), never a redirect's target."""
    try:
        ip = ipaddress.ip_address(addr.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_link_local or ip in METADATA_ADDRESSES


def forbidden_host(host: str) -> bool:
    """A redirect target named or written as a link-local or metadata address (no lookup is made)."""
    h = host.strip("[]").lower().rstrip(".")
    return h in METADATA_HOSTS or forbidden_address(h)


class _Budget:
    """One request's deadline: its own (``feed.http_deadline_seconds``), or the sync's when sooner."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.sync = sync_deadline.current()
        if self.sync is not None and self.sync.at < self.at:
            self.at = self.sync.at
        else:
            self.sync = None  # the request's own deadline comes first

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def error(self, url: str) -> FeedError:
        if self.sync is not None:
            return self.sync.error(_("waiting for {host}").format(host=urlsplit(url).hostname))
        return FeedTimeoutError(
            _(
                "{url} did not send its whole answer within {seconds} s "
                "(feed.http_deadline_seconds); stopped"
            ).format(url=redact_url(url), seconds=f"{self.seconds:g}")
        )


class _Expired(Exception):
    """The watchdog shut the socket: the request's deadline passed."""


class _Watchdog:
    """Shuts the connection's socket when the deadline passes. A socket timeout alone restarts
    with every byte, so a server dripping its headers one byte a second would never trip it."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self.conn = conn
        self.fired = False
        self._done = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            sock = self.conn.sock
        if sock is not None:
            # the plain socket's shutdown, also under TLS: the SSL object stays with the reader
            with contextlib.suppress(OSError, ValueError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()


class Secret:
    """A password that never shows itself in a repr, a log line or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret(***)"

    __str__ = __repr__


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    url: str

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


@dataclass
class Credentials:
    user: str
    password: Secret = field(default_factory=lambda: Secret(""))

    def header(self) -> str:
        raw = f"{self.user}:{self.password.reveal()}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 or the name ``localhost`` (no name lookup is made to decide)."""
    h = host.strip("[]").lower().rstrip(".")
    if h == "localhost" or h.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def normalize_url(url: str) -> str:
    """``webcal://`` → ``https://`` (``webcals://`` too); anything but http(s) is refused."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("webcal", "webcals"):
        parts = parts._replace(scheme="https")
    elif scheme not in ("http", "https"):
        raise FeedError(_("not an http(s) address: {url}").format(url=redact_url(url)))
    if not parts.hostname:
        raise FeedError(_("the address has no host: {url}").format(url=redact_url(url)))
    return urlunsplit(parts)


def redact_url(url: str) -> str:
    """The URL without any ``user:password@`` part (for messages and logs)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _("<invalid address>")
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=host))


def check_safe(url: str, creds: Credentials | None) -> None:
    """Refuse, before any lookup or connection, what would expose credentials."""
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise FeedInsecureError(
            _(
                "{url}: put the user name in the settings and the password in the keyring "
                "(antihjalte feed login), not in the address"
            ).format(url=redact_url(url))
        )
    if creds is not None and parts.scheme == "http" and not is_loopback_host(parts.hostname or ""):
        raise FeedInsecureError(
            _(
                "refusing to send a password over plain http:// to {host}: "
                "use an https:// address (plain http is allowed only to this computer)"
            ).format(host=parts.hostname)
        )


def _origin(url: str) -> tuple[str, str, int]:
    p = urlsplit(url)
    port = p.port or (443 if p.scheme == "https" else 80)
    return p.scheme, (p.hostname or "").lower(), port


class HttpClient:
    """One feed's connection(s): keep-alive per origin, the rules of this module on every request."""

    def __init__(
        self,
        *,
        creds: Credentials | None = None,
        ca_file: str = "",
        timeout: float = TIMEOUT_S,
        deadline: float = DEADLINE_S,
        max_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self.creds = creds if creds is not None and creds.user else None
        self.ca_file = ca_file
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self._conns: dict[tuple[str, str, int], http.client.HTTPConnection] = {}
        self._ssl: ssl.SSLContext | None = None
        self.requests = 0  # requests sent (for tests and the status)

    # -- connections ---------------------------------------------------------------
    def _context(self) -> ssl.SSLContext:
        if self._ssl is None:
            import ssl

            try:
                self._ssl = ssl.create_default_context(cafile=self.ca_file or None)
            except (OSError, ssl.SSLError) as err:
                raise FeedError(
                    _("cannot use the CA file {path!r} (feed.ca_file): {reason}").format(
                        path=self.ca_file, reason=_ssl_reason(err)
                    )
                ) from None
        return self._ssl

    def _conn(self, origin: tuple[str, str, int]) -> http.client.HTTPConnection:
        conn = self._conns.get(origin)
        if conn is None:
            scheme, host, port = origin
            if scheme == "https":
                conn = http.client.HTTPSConnection(
                    host,
                    port,
                    timeout=self.timeout,
                    context=self._context(),
                )
            else:
                conn = http.client.HTTPConnection(host, port, timeout=self.timeout)
            self._conns[origin] = conn
        return conn

    def close(self) -> None:
        for conn in self._conns.values():
            conn.close()
        self._conns.clear()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests ------------------------------------------------------------------
    def request(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        auth: bool = True,
    ) -> Response:
        """Send one request (following read-only redirects); raise FeedError for the world's
        failures, FeedAuthError for a 401. Other statuses are the caller's to judge."""
        url = normalize_url(url)
        creds = self.creds if auth else None
        check_safe(url, creds)
        first_url = url
        first_origin = _origin(url)
        budget = _Budget(self.deadline)
        for _hop in range(MAX_REDIRECTS + 1):
            same_origin = _origin(url) == first_origin
            send_creds = creds if same_origin else None
            resp = self._once(method, url, headers or {}, body, send_creds, budget, guard=not same_origin)
            if resp.status in (301, 302, 303, 307, 308) and method in READ_METHODS:
                target = resp.header("location")
                if not target:
                    return resp
                url = normalize_url(urljoin(url, target))
                if _origin(url) != first_origin and forbidden_host(_origin(url)[1]):
                    raise FeedInsecureError(_redirect_refused(first_url, url))
                if _origin(url) != first_origin:
                    log.info(
                        "redirected to another origin %s; credentials are not sent there", _origin(url)[1]
                    )
                    if urlsplit(url).username is not None:
                        raise FeedInsecureError(_("a redirect to an address with a user name was refused"))
                continue
            if resp.status == 401:
                if self.creds:
                    raise FeedAuthError(
                        _("wrong user name or password for {user!r} at {url}").format(
                            user=self.creds.user, url=redact_url(url)
                        )
                    )
                raise FeedAuthError(
                    _("wrong user name or password (none is set: antihjalte feed login) at {url}").format(
                        url=redact_url(url)
                    )
                )
            return resp
        raise FeedError(_("too many redirects from {url}").format(url=redact_url(url)))

    def _once(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        creds: Credentials | None,
        budget: _Budget,
        *,
        guard: bool = False,
    ) -> Response:
        parts = urlsplit(url)
        origin = _origin(url)
        target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        hdrs = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **headers}
        if creds is not None:
            hdrs["Authorization"] = creds.header()
        if body is not None:
            hdrs["Content-Length"] = str(len(body))
        for attempt in (0, 1):
            remaining = budget.remaining()
            if remaining <= 0:
                raise budget.error(url)
            conn = self._conn(origin)
            reused = conn.sock is not None
            conn.timeout = min(self.timeout, remaining)  # connect, and each socket operation
            if conn.sock is not None:
                conn.sock.settimeout(conn.timeout)
            watchdog = _Watchdog(conn, remaining)
            try:
                try:
                    if conn.sock is None:
                        conn.connect()
                    if guard:
                        self._check_peer(conn, url)
                    self.requests += 1
                    conn.request(method, target, body=body, headers=hdrs)
                    resp = conn.getresponse()
                    data = self._read(resp, url, budget)
                    if watchdog.fired:  # the socket was shut: what came may be cut short
                        raise _Expired
                except FeedError:
                    if watchdog.fired:
                        raise _Expired from None
                    raise
                except Exception:
                    if watchdog.fired or budget.remaining() <= 0:
                        raise _Expired from None
                    raise
            except _Expired:
                conn.close()
                self._conns.pop(origin, None)
                raise budget.error(url) from None
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as err:
                conn.close()
                self._conns.pop(origin, None)
                if reused and attempt == 0:
                    continue  # a kept-alive connection the server had closed: once more, fresh
                raise FeedError(
                    _("the server {host} closed the connection ({what})").format(
                        host=origin[1], what=type(err).__name__
                    )
                ) from None
            except FeedError:
                conn.close()
                self._conns.pop(origin, None)
                raise
            except TimeoutError:
                conn.close()
                self._conns.pop(origin, None)
                raise FeedError(
                    _("the server {host} did not answer within {seconds} s").format(
                        host=origin[1], seconds=f"{self.timeout:.0f}"
                    )
                ) from None
            except OSError as err:
                conn.close()
                self._conns.pop(origin, None)
                raise FeedError(_os_message(origin[1], err)) from None
            except http.client.HTTPException as err:
                conn.close()
                self._conns.pop(origin, None)
                raise FeedError(
                    _("the server {host} sent a broken answer ({what})").format(
                        host=origin[1], what=type(err).__name__
                    )
                ) from None
            finally:
                watchdog.cancel()
            hdr = {k.lower(): v for k, v in resp.getheaders()}
            if resp.will_close or watchdog.fired:
                conn.close()
                self._conns.pop(origin, None)
            log.debug("%s %s -> %s (%d bytes)", method, redact_url(url), resp.status, len(data))
            return Response(resp.status, hdr, data, url)
        raise AssertionError("unreachable")  # untranslated: a programmer's error

    def _check_peer(self, conn: http.client.HTTPConnection, url: str) -> None:
        """A redirect's host may be a name that leads to a link-local or metadata address: look at
        the address actually connected to, before anything is sent."""
        try:
            peer = conn.sock.getpeername()[0] if conn.sock is not None else ""
        except OSError:
            peer = ""
        if peer and forbidden_address(str(peer)):
            conn.close()
            self._conns.pop(_origin(url), None)
            raise FeedInsecureError(_redirect_refused("", url, peer=str(peer)))

    def _read(self, resp: http.client.HTTPResponse, url: str, budget: _Budget) -> bytes:
        length = resp.getheader("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FeedTooLargeError(
                _("{url} answered with {size} MB, more than the {limit} MB this app reads").format(
                    url=redact_url(url),
                    size=f"{int(length) / 2**20:.0f}",
                    limit=f"{self.max_bytes / 2**20:.0f}",
                )
            )
        chunks: list[bytes] = []
        got = 0
        while True:
            chunk = resp.read1(256 * 1024) if hasattr(resp, "read1") else resp.read(256 * 1024)
            if not chunk:
                break
            got += len(chunk)
            if got > self.max_bytes:
                raise FeedTooLargeError(
                    _("{url} sent more than the {limit} MB this app reads").format(
                        url=redact_url(url), limit=f"{self.max_bytes / 2**20:.0f}"
                    )
                )
            chunks.append(chunk)
            if budget.remaining() <= 0:
                raise budget.error(url)
        resp.close()  # fully read: the connection can carry the next request
        return b"".join(chunks)


def _redirect_refused(first: str, url: str, *, peer: str = "") -> str:
    where = f"{redact_url(url)} ({peer})" if peer else redact_url(url)
    if first:
        return _("{first} redirected to {where}, a link-local or cloud metadata address; refused").format(
            first=redact_url(first), where=where
        )
    return _("a redirect led to {where}, a link-local or cloud metadata address; refused").format(where=where)


def _os_message(host: str, err: OSError) -> str:
    if isinstance(err, socket.gaierror):
        return _("cannot find the server {host} (offline, or a wrong address?)").format(host=host)
    if isinstance(err, ConnectionRefusedError):
        return _("the server {host} refused the connection (is it running?)").format(host=host)
    import ssl

    if isinstance(err, ssl.SSLCertVerificationError):
        return _(
            "the certificate of {host} could not be verified ({reason}); "
            "if your organisation uses its own certificate authority, set feed.ca_file"
        ).format(host=host, reason=err.verify_message)
    if isinstance(err, ssl.SSLError):
        return _("a secure connection to {host} failed ({reason})").format(host=host, reason=err.reason)
    return _("cannot reach the server {host}: {reason}").format(host=host, reason=os_reason(err))


def _ssl_reason(err: Exception) -> str:
    """Why a CA file could not be used: missing, unreadable, or not a certificate file."""
    import ssl

    if language() == "en":
        return str(err)  # as the message always said
    if isinstance(err, ssl.SSLError):
        return _("it holds no certificate this app can read ({reason})").format(reason=err.reason)
    if isinstance(err, OSError):
        return os_reason(err)
    return str(err)


# -- XML -----------------------------------------------------------------------------
class _Refused(Exception):
    pass


def parse_xml(data: bytes) -> ET.Element:
    """Parse a server's XML reply: no DOCTYPE, no entity declarations (an entity-expansion bomb
    is refused, not expanded), namespaces as ``{ns}name``. Raises FeedError."""
    import xml.parsers.expat

    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise FeedError(_("the server's XML is not UTF-8; refused"))
    low = data.lower()
    if b"<!doctype" in low or b"<!entity" in low:
        raise FeedError(_("the server's XML declares a DTD or entities; refused (possible entity bomb)"))

    builder = ET.TreeBuilder()
    parser = xml.parsers.expat.ParserCreate("utf-8", namespace_separator=" ")

    def refuse(*_args: object) -> None:
        raise _Refused

    def start(name: str, attrs: dict[str, str]) -> None:
        builder.start(_qname(name), {_qname(k): v for k, v in attrs.items()})

    def end(name: str) -> None:
        builder.end(_qname(name))

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
        root = builder.close()
    except _Refused:
        raise FeedError(_("the server's XML declares a DTD or entities; refused")) from None
    except (xml.parsers.expat.ExpatError, AssertionError, IndexError) as err:
        raise FeedError(_("the server sent XML that cannot be read ({reason})").format(reason=err)) from None
    return root


def _qname(name: str) -> str:
    ns, sep, local = name.rpartition(" ")
    return f"{{{ns}}}{local}" if sep else name


def check_status(resp: Response, url: str, what: str) -> None:
    """One calm message for a WebDAV or CalDAV request that failed (``what``: read, write, lock,
    delete); a 2xx (207 Multi-Status included) passes."""
    if 200 <= resp.status < 300:
        return
    where = redact_url(url)
    if resp.status == 403:
        raise FeedError(_(_FORBIDDEN[what]).format(where=where))
    if resp.status == 404:
        raise FeedError(_("{where} was not found (404)").format(where=where))
    if resp.status in (405, 501):
        raise FeedError(_(_NOT_ALLOWED[what]).format(where=where, status=resp.status))
    if resp.status == 409:
        raise FeedError(_("the folder of {where} does not exist on the server (409)").format(where=where))
    if resp.status == 507:
        raise FeedError(_("the server has no room left for {where} (507)").format(where=where))
    raise FeedError(_(_ANSWERED[what]).format(where=where, status=resp.status))


# check_status's messages, one whole sentence for each request (``what``): a verb alone would
# not translate (its form depends on the sentence around it).
_FORBIDDEN = {
    "read": N_("the server does not allow this user to read {where} (403)"),
    "write": N_("the server does not allow this user to write {where} (403)"),
    "lock": N_("the server does not allow this user to lock {where} (403)"),
    "delete": N_("the server does not allow this user to delete {where} (403)"),
}
_NOT_ALLOWED = {
    "read": N_("the server at {where} does not allow read there ({status}): not WebDAV?"),
    "write": N_("the server at {where} does not allow write there ({status}): not WebDAV?"),
    "lock": N_("the server at {where} does not allow lock there ({status}): not WebDAV?"),
    "delete": N_("the server at {where} does not allow delete there ({status}): not WebDAV?"),
}
_ANSWERED = {
    "read": N_("the server answered {status} to read {where}"),
    "write": N_("the server answered {status} to write {where}"),
    "lock": N_("the server answered {status} to lock {where}"),
    "delete": N_("the server answered {status} to delete {where}"),
}
