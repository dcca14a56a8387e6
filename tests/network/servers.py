"""Real servers on 127.0.0.1 for the network-feed tests and the stall benchmark: Radicale (CalDAV),
WsgiDAV (a WebDAV folder, with or without locking) and a small TCP proxy that counts requests,
can throttle the server's answers, and can be "unplugged"."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

USERS = {"anna": "anna-pw-1", "olle": "olle-pw-2", "stina": "stina-pw-3"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, proc: subprocess.Popen[bytes] | None = None, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class Server:
    """A server process that can be stopped and started again on the same port."""

    def __init__(self, cmd: list[str], port: int, log: Path) -> None:
        self.cmd = cmd
        self.port = port
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        fh = open(self.log, "ab")  # noqa: SIM115 - handed to the child
        self.proc = subprocess.Popen(self.cmd, stdout=fh, stderr=subprocess.STDOUT)
        fh.close()
        wait_port(self.port, self.proc)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None


def radicale(tmp: Path, users: dict[str, str] = USERS) -> Server:
    """Radicale with htpasswd (plain) users; every authenticated user may read and write every
    collection (a team calendar)."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "users").write_text("".join(f"{u}:{p}\n" for u, p in users.items()))
    port = free_port()
    cmd = [
        sys.executable, "-m", "radicale", "--config", "",
        "--server-hosts", f"127.0.0.1:{port}",
        "--storage-filesystem-folder", str(tmp / "collections"),
        "--auth-type", "htpasswd", "--auth-htpasswd-filename", str(tmp / "users"),
        "--auth-htpasswd-encryption", "plain", "--auth-delay", "0", "--server-delay-on-error", "0",
        "--rights-type", "authenticated", "--web-type", "none",
    ]  # fmt: skip
    return Server(cmd, port, tmp / "radicale.log")


def mkcalendar(base: str, path: str, user: str = "anna") -> str:
    """Create a calendar collection; return its URL."""
    url = f"{base}/{path.strip('/')}/"
    _request("MKCALENDAR", url, user)
    return url


def put_raw(url: str, body: bytes, user: str = "olle", headers: dict[str, str] | None = None) -> int:
    """What another client does: a plain PUT."""
    return _request("PUT", url, user, body, {"Content-Type": "text/calendar", **(headers or {})})


def get_raw(url: str, user: str = "olle") -> bytes:
    req = urllib.request.Request(url, headers=_auth(user))
    with urllib.request.urlopen(req, timeout=10) as resp:
        return bytes(resp.read())


def _auth(user: str) -> dict[str, str]:
    import base64

    token = base64.b64encode(f"{user}:{USERS[user]}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _request(
    method: str, url: str, user: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> int:
    req = urllib.request.Request(url, data=body, method=method, headers={**_auth(user), **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def wsgidav(tmp: Path, *, locking: bool = True, users: dict[str, str] = USERS) -> Server:
    """WsgiDAV serving ``tmp/share`` with Basic auth; ``locking=False``: no LOCK (``DAV: 1``)."""
    share = tmp / "share"
    share.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = {
        "host": "127.0.0.1",
        "port": port,
        "provider_mapping": {"/": str(share)},
        "verbose": 1,
        "http_authenticator": {"accept_basic": True, "accept_digest": False, "default_to_digest": False},
        "simple_dc": {"user_mapping": {"*": {u: {"password": p} for u, p in users.items()}}},
        "dir_browser": {"enable": False},
        "lock_storage": locking,
        "logging": {"enable": False},
    }
    (tmp / "wsgidav.json").write_text(json.dumps(conf))
    cmd = [sys.executable, "-m", "wsgidav.server.server_cli", "-c", str(tmp / "wsgidav.json")]
    return Server(cmd, port, tmp / "wsgidav.log")


_REQUEST_LINE = re.compile(
    rb"(?:^|\n)(GET|HEAD|PUT|DELETE|OPTIONS|PROPFIND|REPORT|LOCK|UNLOCK|MKCALENDAR|POST)"
    rb" ([^ \r\n]+) HTTP/1\.[01]\r\n"
)


class Proxy:
    """A TCP proxy on 127.0.0.1: counts HTTP requests (and which methods), can limit the answers to
    ``rate`` bytes per second, and ``unplug()`` closes every connection and refuses new ones."""

    def __init__(self, target_port: int, *, rate: int | None = None) -> None:
        self.target_port = target_port
        self.rate = rate
        self.requests: list[bytes] = []
        self.targets: list[tuple[str, str]] = []  # (method, path)
        self.connections = 0
        self._lock = threading.Lock()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = int(self._sock.getsockname()[1])
        self._open: list[socket.socket] = []
        self._stopped = False
        self._plugged = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self, method: str | None = None) -> int:
        with self._lock:
            return sum(1 for m in self.requests if method is None or m == method.encode())

    def unplug(self) -> None:
        self._plugged = False
        with self._lock:
            for s in self._open:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self._open.clear()

    def plug(self) -> None:
        self._plugged = True

    def close(self) -> None:
        self._stopped = True
        self.unplug()
        with contextlib.suppress(OSError):
            self._sock.close()

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            if not self._plugged:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self.connections += 1
                self._open += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        tail = b""
        try:
            while True:
                data = src.recv(65536 if not self.rate else min(65536, max(1024, self.rate // 50)))
                if not data:
                    break
                if upstream:
                    buf = tail + data
                    matches = list(_REQUEST_LINE.finditer(buf))
                    found = [m.group(1) for m in matches]
                    with self._lock:
                        self.targets += [(m.group(1).decode(), m.group(2).decode()) for m in matches]
                    if found:
                        with self._lock:
                            self.requests.extend(found)
                    # keep the unfinished last line: a request line split across reads counts once
                    nl = buf.rfind(b"\n")
                    tail = buf[nl:] if nl >= 0 else buf[-400:]
                elif self.rate:
                    time.sleep(len(data) / self.rate)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
