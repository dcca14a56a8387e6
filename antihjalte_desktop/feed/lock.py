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

A lock file that cannot be read as one (damaged, from another program, fields that make no
sense, or no permission to read it) is judged by its heartbeat alone, like a lock of another
host. Something at the lock's path that is not a regular file (a folder, a symbolic link, a
FIFO) was not made by this app: it is never followed, read or removed, and the sync stops at
once with a message saying what it is and how to clear it.
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

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.feed import deadline as sync_deadline
from antihjalte_desktop.feed.errors import FeedError, FeedLockedError, os_reason

HEARTBEAT_SECONDS = 2.0
MAX_LOCK_BYTES = 4096  # a lock of this app is about 200 bytes
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


MAX_PID = 2**31 - 1  # pid_t on POSIX; Windows process ids are 32-bit multiples of 4


def valid_info(data: Any) -> dict[str, Any] | None:
    """The holder's fields when they are what this app writes (host a name, pid a process id,
    the rest text); None when they are not, so nothing is decided on a garbled or forged pid."""
    if not isinstance(data, dict):
        return None
    host, pid = data.get("host"), data.get("pid")
    if not isinstance(host, str) or not host or len(host) > 255:
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid <= MAX_PID:
        return None
    if any(not isinstance(data.get(k, ""), str) for k in ("boot", "start", "since", "token")):
        return None
    return data


def holder_gone(info: dict[str, Any]) -> bool | None:
    """True when the holder is provably gone, False when it is alive, None when unknown (other host)."""
    if info.get("host") != socket.gethostname():
        return None
    boot = _boot_id()
    if boot and info.get("boot") and info.get("boot") != boot:
        return True
    pid = info.get("pid")
    if not isinstance(pid, int) or not 0 < pid <= MAX_PID:
        return None
    try:
        if not _pid_alive(pid):
            return True
    except (OverflowError, ValueError):
        return None
    started = info.get("start")
    return bool(started and _start_time(pid) and _start_time(pid) != started)


def _ident(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def describe(info: dict[str, Any]) -> str:
    return _("process {pid} on {host} (since {since})").format(
        pid=info.get("pid", "?"), host=info.get("host", "?"), since=info.get("since", "?")
    )


@dataclass(frozen=True)
class _Look:
    """The lock file as found: its bytes (None when they cannot be read), its identity (inode,
    size, mtime: a new lock is a new inode, a heartbeat moves the mtime), the holder's fields
    when they are readable, and otherwise what is wrong with it."""

    content: bytes | None
    ident: tuple[int, int, int]
    info: dict[str, Any] | None
    problem: str = ""


@dataclass
class _Seen:
    """The lock file as last seen, and since when it has not changed."""

    content: bytes | None
    ident: tuple[int, int, int]
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
        self._first_look = True
        self._last: _Look | None = None  # the lock as last seen while waiting (for the message)

    # -- acquire ----------------------------------------------------------------
    def acquire(self) -> None:
        started = time.monotonic()
        deadline = started + self.timeout
        seen: _Seen | None = None
        self._first_look = True
        self._last = None
        delay = 0.01
        streak = 0
        while True:
            info = holder_info()
            payload = json.dumps(info).encode()
            try:
                created = self._create(payload)
            except FileNotFoundError:
                raise FeedError(
                    _("the folder of the feed {path} does not exist (is the share mounted?)").format(
                        path=self.path.parent
                    )
                ) from None
            except OSError as err:
                raise FeedError(
                    _("cannot create the lock file {path}: {reason}").format(
                        path=self.path, reason=os_reason(err)
                    )
                ) from None
            if created:
                self.info = info
                self._start_heartbeat()
                return
            seen, cleared = self._maybe_break(seen, started)
            streak = streak + 1 if cleared else 0
            if 0 < streak <= 3:
                continue  # gone or broken just now: try to take it at once, even at the timeout
            within = sync_deadline.current()
            if within is not None and not within.cleanup and within.expired():
                held = self._last.info if self._last is not None else None
                raise within.error(
                    _("waiting for the feed's lock, held by {holder}").format(holder=describe(held))
                    if held
                    else _("waiting for the feed's lock")
                )
            if time.monotonic() >= deadline:
                raise FeedLockedError(self._locked_message())
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

    def _look(self) -> _Look | None:
        """The lock file now; None when there is none. A folder, symbolic link, FIFO, device or
        socket there is not a lock of this app: FeedError at once, and it is left as it is."""
        from antihjalte_desktop.store import safeio

        try:
            data, st = safeio.read_regular(self.path, MAX_LOCK_BYTES)
        except FileNotFoundError:
            return None
        except safeio.NotRegularFileError as err:
            raise FeedError(
                _(
                    "the feed's lock {path} is {kind}, not a lock file this app "
                    "made; it was left alone and nothing was synced. If no other program uses it, remove it"
                ).format(path=self.path, kind=safeio.describe_kind(err))
            ) from None
        except (safeio.FileTooLargeError, OSError) as err:
            try:
                st = os.lstat(self.path)
            except FileNotFoundError:
                return None
            except OSError:
                return None
            if isinstance(err, safeio.FileTooLargeError):
                problem = _("does not hold a lock this app can read (it is far too large for one)")
            else:
                problem = _("cannot be read ({reason})").format(reason=os_reason(err).lower())
            return _Look(None, _ident(st), None, problem)
        try:
            info = valid_info(json.loads(data))
        except (ValueError, RecursionError):
            info = None
        problem = (
            "" if info else _("does not hold a lock this app can read (damaged, or made by another program)")
        )
        return _Look(data, _ident(st), info, problem)

    def _read(self) -> dict[str, Any] | None:
        try:
            look = self._look()
        except FeedError:
            return None
        return look.info if look is not None else None

    def _maybe_break(self, seen: _Seen | None, started: float) -> tuple[_Seen | None, bool]:
        """(the lock as seen, whether it is gone now: removed by its holder or broken by us)."""
        look = self._look()
        if look is None:
            return None, True
        now = time.monotonic()
        if seen is None or seen.content != look.content or seen.ident != look.ident:
            # Unchanged since we first looked, which was when we started (a few ms ago).
            seen = _Seen(look.content, look.ident, started if self._first_look else now)
        self._first_look = False
        self._last = look
        info = look.info
        if not self.waited_for and info:
            self.waited_for = describe(info)
        gone = holder_gone(info) if info else None
        if gone is None:
            # another host, a lock that cannot be read, or one still being written: only a
            # stopped heartbeat proves it gone
            gone = now - seen.first_seen >= self.stale_after
        if gone:
            self._break(look)
            return None, True
        return seen, False

    def _locked_message(self) -> str:
        look = self._last
        given_up = _("gave up after {seconds} s").format(seconds=f"{self.timeout:g}")
        stale = f"{self.stale_after:g}"
        if look is not None and look.problem:
            if self.stale_after > self.timeout:
                why = _("such a lock is cleared only once it has gone untouched for {seconds} s").format(
                    seconds=stale
                )
            else:
                why = _("it was touched in the last {seconds} s, so something may be using it").format(
                    seconds=stale
                )
            # L10N: {problem} follows the path as its verb: "cannot be read (permission denied)"
            return _(
                "the feed's lock file {path} {problem}; {why}; {given_up}. "
                "If no sync is running anywhere, remove it"
            ).format(path=self.path, problem=look.problem, why=why, given_up=given_up)
        holder = (look.info if look is not None else None) or {}
        return _(
            "the feed is locked by {holder}, which is still running; {given_up} (try again later)"
        ).format(holder=describe(holder), given_up=given_up)

    def _break(self, look: _Look) -> None:
        """Move the stale lock aside, but only if it is still the one we judged stale."""
        aside = self.path.with_name(f"{self.path.name}.stale.{os.urandom(4).hex()}")
        try:
            os.rename(self.path, aside)
        except OSError:
            return
        try:
            moved = _ident(os.lstat(aside))
        except OSError:
            moved = look.ident
        if moved != look.ident:
            # Someone took the lock (or its holder beat) between our look and the move: give it back.
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
            with contextlib.suppress(OSError, NotImplementedError):
                os.utime(self.path, follow_symlinks=os.utime not in os.supports_follow_symlinks)

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
