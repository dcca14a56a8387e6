"""A cross-process, cross-host lock for a feed file in a shared folder.

An exclusive lock *file* beside the feed (``O_CREAT | O_EXCL``, which network shares
honour, unlike ``flock``), holding who has it: host, pid, boot id, process start
time and a random token. The holder touches it every couple of seconds (heartbeat).

A lock is broken only when its holder is provably gone:
- on this host: no such process, or the pid now belongs to another process (its
  start time differs), or the machine rebooted since (boot id differs);
- on another host: its heartbeat (the file's mtime, as *we* observe it, so clocks
  need not agree) has not moved for ``stale_after`` seconds.
A live holder, however slow or stopped (SIGSTOP), is waited for until ``timeout``,
then :class:`FeedLockedError` says who holds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from antihjalte_desktop.feed.errors import FeedError, FeedLockedError

HEARTBEAT_SECONDS = 2.0
STALE_AFTER_SECONDS = 30.0
DEFAULT_TIMEOUT_SECONDS = 30.0


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), or "" elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def _host() -> str:
    """This host's name, safe inside a file name."""
    return socket.gethostname().replace("/", "_").replace("\\", "_")


if sys.platform == "win32":

    def _pid_alive_windows(pid: int) -> bool:
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


def holder_info() -> dict[str, Any]:
    pid = os.getpid()
    return {
        "host": socket.gethostname(),
        "pid": pid,
        "boot": _boot_id(),
        "start": _start_time(pid),
        "since": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "token": os.urandom(8).hex(),
    }


def holder_gone(info: dict[str, Any]) -> bool | None:
    """True when the holder is provably gone, False when it is alive, None when unknown (other host)."""
    if info.get("host") != socket.gethostname():
        return None
    boot = _boot_id()
    if boot and info.get("boot") and info.get("boot") != boot:
        return True
    pid = int(info.get("pid") or 0)
    if not _pid_alive(pid):
        return True
    started = info.get("start")
    return bool(started and _start_time(pid) and _start_time(pid) != started)


def describe(info: dict[str, Any]) -> str:
    return f"process {info.get('pid', '?')} on {info.get('host', '?')} (since {info.get('since', '?')})"


@dataclass
class _Seen:
    """The lock file as last seen, and since when it has not changed."""

    content: bytes
    mtime_ns: int
    first_seen: float


class FileLock:
    """``with FileLock(path): ...`` around read → merge → write."""

    def __init__(
        self,
        path: Path,
        *,
        timeout: float | None = None,
        stale_after: float | None = None,
        heartbeat: float | None = None,
    ) -> None:
        self.path = path
        self.timeout = (
            timeout
            if timeout is not None
            else _env_float("ANTIHJALTE_FEED_LOCK_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)
        )
        self.stale_after = (
            stale_after
            if stale_after is not None
            else _env_float("ANTIHJALTE_FEED_LOCK_STALE", STALE_AFTER_SECONDS)
        )
        self.heartbeat = heartbeat if heartbeat is not None else HEARTBEAT_SECONDS
        self.info: dict[str, Any] = {}
        self.waited_for: str = ""  # who held it while we waited (for the status)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- acquire ----------------------------------------------------------------
    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        seen: _Seen | None = None
        delay = 0.01
        while True:
            info = holder_info()
            payload = json.dumps(info).encode()
            try:
                created = self._create(payload)
            except FileNotFoundError:
                raise FeedError(
                    f"the folder of the feed {self.path.parent} does not exist (is the share mounted?)"
                ) from None
            except OSError as err:
                raise FeedError(f"cannot create the lock file {self.path}: {err.strerror or err}") from None
            if created:
                self.info = info
                self._start_heartbeat()
                return
            seen = self._maybe_break(seen)
            if time.monotonic() >= deadline:
                holder = self._read() or {}
                raise FeedLockedError(
                    f"the feed is locked by {describe(holder)}, which is still running; "
                    f"gave up after {self.timeout:g} s (try again later)"
                )
            time.sleep(delay)
            delay = min(delay * 2, 0.25)

    def _create(self, payload: bytes) -> bool:
        """Create the lock file with its content in one step: a complete file is linked into
        place (atomic, fails if one exists), so nobody ever sees a half-written lock. Where
        hard links are not supported, ``O_EXCL`` and a write."""
        tmp = self.path.with_name(f"{self.path.name}.{_host()}.{os.getpid()}.{os.urandom(4).hex()}.new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, self.path)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # no hard links on this share
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        return True

    def _read_raw(self) -> tuple[bytes, int] | None:
        try:
            with open(self.path, "rb") as fh:
                content = fh.read(4096)
                return content, os.fstat(fh.fileno()).st_mtime_ns
        except FileNotFoundError:
            return None
        except OSError:
            return None

    def _read(self) -> dict[str, Any] | None:
        raw = self._read_raw()
        if raw is None:
            return None
        try:
            data = json.loads(raw[0])
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _maybe_break(self, seen: _Seen | None) -> _Seen | None:
        raw = self._read_raw()
        if raw is None:
            return None
        content, mtime = raw
        try:
            info = json.loads(content)
            if not isinstance(info, dict):
                info = {}
        except ValueError:
            info = {}
        now = time.monotonic()
        if seen is None or seen.content != content or seen.mtime_ns != mtime:
            seen = _Seen(content, mtime, now)
        if not self.waited_for and info:
            self.waited_for = describe(info)
        gone = holder_gone(info) if info else None
        if gone is None:
            # another host, or a lock file still being written: only a stopped heartbeat proves it gone
            gone = now - seen.first_seen >= self.stale_after
        if gone:
            self._break(content)
            return None
        return seen

    def _break(self, content: bytes) -> None:
        """Move the stale lock aside, but only if it is still the one we judged stale."""
        aside = self.path.with_name(f"{self.path.name}.stale.{os.urandom(4).hex()}")
        try:
            os.rename(self.path, aside)
        except OSError:
            return
        try:
            with open(aside, "rb") as fh:
                moved = fh.read(4096)
        except OSError:
            moved = content
        if moved != content:
            # Someone took the lock between our look and the move: give it back.
            with contextlib.suppress(OSError):
                os.link(aside, self.path)
        with contextlib.suppress(OSError):
            os.unlink(aside)

    # -- hold -------------------------------------------------------------------
    def still_mine(self) -> bool:
        held = self._read()
        return bool(held and held.get("token") == self.info.get("token"))

    def _start_heartbeat(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._beat, name="feed-lock-heartbeat", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            if not self.still_mine():
                return
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self.info and self.still_mine():
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self.info = {}

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
