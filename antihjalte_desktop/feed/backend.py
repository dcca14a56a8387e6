"""Where the feed lives: the interface every backend implements, and the file backend.

The sync engine talks to a backend in three steps, inside one ``session()``
(which holds whatever lock the backend has: a lock file here, a WebDAV LOCK there)::

    with backend.session() as s:
        snap = s.read()                 # bytes + a version token (or None: no feed yet)
        ...merge...
        s.write(result, snap)           # whole-file backends write result.data;
                                        # per-resource backends (CalDAV) apply result.puts/deletes
    backend.probe()                     # the version token without reading (stat / ETag)

``write`` must refuse (FeedConflictError) when the feed is no longer ``snap``
(mtime/size/inode here, ``If-Match: ETag`` over WebDAV), and must never leave a
partial feed. The engine retries a conflict a bounded number of times.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.feed import rawics
from antihjalte_desktop.feed.errors import FeedConflictError, FeedError, FeedFormatError
from antihjalte_desktop.feed.errors import os_reason as _reason

if TYPE_CHECKING:
    from antihjalte_desktop.feed.lock import FileLock
    from antihjalte_desktop.feed.merge import MergeResult
    from antihjalte_desktop.store import (
        safeio,  # the lock (threads, sockets) is imported only when a session starts
    )


MAX_FEED_BYTES = rawics.MAX_FEED_BYTES  # one limit for reading and writing
megabytes = rawics.megabytes
too_big = rawics.too_big


@dataclass(frozen=True)
class Snapshot:
    """The feed as read, with its version."""

    data: bytes | None  # None: there is no feed yet
    token: str  # version: "ino:size:mtime_ns" for files, the ETag over HTTP ("" when absent)
    # UIDs stored together with someone else's component (a CalDAV resource holding more than
    # one event): this profile may not rewrite or delete them, whatever they carry
    shared: frozenset[str] = frozenset()


@dataclass
class SessionInfo:
    """What happened on the way in (for the status)."""

    waited_for: str = ""  # who held the lock while we waited
    notes: list[str] = field(default_factory=list)


class FeedSession(Protocol):
    info: SessionInfo

    def read(self) -> Snapshot: ...

    def write(self, result: MergeResult, snap: Snapshot) -> str:
        """Store the merge result; return the new version token."""
        ...


class FeedBackend(Protocol):
    kind: str
    location: str

    def probe(self) -> str:
        """The feed's current version token, as cheaply as possible ("" when there is none)."""
        ...

    def session(self) -> contextlib.AbstractContextManager[FeedSession]: ...


def file_token(st: os.stat_result) -> str:
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


class FileBackend:
    """A feed file on a local disk, a network share or a synced folder."""

    kind = "file"

    def __init__(self, path: Path, *, max_bytes: int | None = None) -> None:
        self.path = path
        self.location = str(path)
        self.lock_path = path.with_name(path.name + ".lock")
        self.bak_path = path.with_name(path.name + ".bak")
        self.max_bytes = max_bytes or MAX_FEED_BYTES

    def probe(self) -> str:
        try:
            return file_token(os.lstat(self.path))
        except FileNotFoundError:
            return ""
        except OSError as err:
            raise FeedError(
                _("cannot reach the feed {path}: {reason}").format(path=self.path, reason=_reason(err))
            ) from None

    @contextlib.contextmanager
    def session(self) -> Iterator[_FileSession]:
        if not self.path.parent.is_dir():
            raise FeedError(
                _("the folder of the feed {path} does not exist (is the share mounted?)").format(
                    path=self.path.parent
                )
            )
        self._check_regular()
        from antihjalte_desktop.feed.lock import FileLock

        lock = FileLock(self.lock_path)
        lock.acquire()
        try:
            self._clean_leftovers()
            yield _FileSession(self, lock)
        finally:
            from antihjalte_desktop.feed import deadline

            with deadline.cleanup():  # a sync stopped by its deadline still removes its lock
                lock.release()

    def _check_regular(self) -> None:
        """Refuse a feed path that is there but is no regular file before taking the lock (the
        read checks again, on the open file: this is for the message and for leaving no lock)."""
        import stat

        from antihjalte_desktop.store import safeio

        try:
            st = os.lstat(self.path)
        except OSError:
            return  # missing (a new feed) or unreachable: the read says which
        if not stat.S_ISREG(st.st_mode):
            raise FeedError(special_feed_message(safeio.not_regular(self.path, st.st_mode)))

    def _clean_leftovers(self) -> None:
        """Temp files of writers on this host that died mid-write (SIGKILL, power cut):
        ``.<feed>.[bak.]<host>.<pid>.<rand>.tmp`` and ``<feed>.lock.<host>.<pid>.<rand>.new``."""
        from antihjalte_desktop.feed.lock import _host, _pid_alive

        host = _host()
        tmp_prefix = f".{self.path.name}."
        new_prefix = f"{self.lock_path.name}."
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.path.parent):
                name = entry.name
                if name.startswith(tmp_prefix) and name.endswith(".tmp"):
                    rest = name[len(tmp_prefix) : -4]
                elif name.startswith(new_prefix) and name.endswith(".new"):
                    rest = name[len(new_prefix) : -4]
                else:
                    continue
                before, _sep, tail = rest.rpartition(".")  # drop the random part
                who, _sep2, pid = before.rpartition(".")
                on_this_host = who == host or who.endswith("." + host)
                if on_this_host and pid.isdigit() and tail and not _pid_alive(int(pid)):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


class _FileSession:
    def __init__(self, backend: FileBackend, lock: FileLock) -> None:
        self.b = backend
        self.lock = lock
        self.info = SessionInfo(waited_for=lock.waited_for)

    def read(self) -> Snapshot:
        test_hold = float(os.environ.get("ANTIHJALTE_FEED_TEST_HOLD", "0") or 0)
        if test_hold > 0:  # tests: hold the lock a while, to be stopped or killed in it
            import time

            time.sleep(test_hold)
        from antihjalte_desktop.store import safeio

        try:
            data, st = safeio.read_regular(self.b.path, self.b.max_bytes)
        except FileNotFoundError:
            return Snapshot(None, "")
        except safeio.NotRegularFileError as err:
            raise FeedError(special_feed_message(err)) from None
        except safeio.FileTooLargeError as err:
            raise FeedFormatError(too_big(err.size, err.limit)) from None
        except OSError as err:
            raise FeedError(
                _("cannot read the feed {path}: {reason}").format(path=self.b.path, reason=_reason(err))
            ) from None
        return Snapshot(data, file_token(st))

    def write(self, result: MergeResult, snap: Snapshot) -> str:
        from antihjalte_desktop.feed.lock import _host

        path = self.b.path
        if not self.lock.still_mine():
            raise FeedConflictError(
                _("the feed's lock was taken over by another process; nothing was written")
            )
        if self.b.probe() != snap.token:
            raise FeedConflictError(
                _("the feed changed while it was being merged (a program that ignores the lock?)")
            )
        tmp = path.with_name(f".{path.name}.{_host()}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as fh:
                for chunk in result.chunks():
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            if os.path.getsize(tmp) != result.size:
                raise FeedError(
                    _("writing {path} came out short (disk full?); the feed was left as it was").format(
                        path=tmp
                    )
                )
            if snap.data is not None:
                self._keep_bak(snap.data)
            if not self.lock.still_mine():
                raise FeedConflictError(
                    _("the feed's lock was taken over by another process; nothing was written")
                )
            os.replace(tmp, path)
        except OSError as err:
            raise FeedError(
                _("cannot write the feed {path}: {reason}; it was left as it was").format(
                    path=path, reason=_reason(err)
                )
            ) from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _fsync_dir(path.parent)
        return self.b.probe()

    def _keep_bak(self, old: bytes) -> None:
        """One backup: the feed as it was before this write (a hard link: instant, no copy)."""
        from antihjalte_desktop.feed.lock import _host

        bak = self.b.bak_path
        tmp = bak.with_name(f".{bak.name}.{_host()}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            os.link(self.b.path, tmp)
        except OSError:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(old)
                fh.flush()
                os.fsync(fh.fileno())
        try:
            os.replace(tmp, bak)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def special_feed_message(err: safeio.NotRegularFileError) -> str:
    """The feed path is a folder, a FIFO, a device, a socket or a symbolic link: say so, and how to fix it."""
    from antihjalte_desktop.store import safeio

    path = err.path
    if err.what == safeio.FOLDER:
        return _("the feed {path} is a folder; name a file in it, e.g. {example}").format(
            path=path, example=path / "team.ics"
        )
    if err.what == safeio.SYMLINK:
        if err.target:
            real = os.path.normpath(os.path.join(path.parent, err.target))
            return _(
                "the feed {path} is a symbolic link (to {target}); this app does not follow links in the "
                "feed's folder: set feed.location to the file itself ({real})"
            ).format(path=path, target=err.target, real=real)
        return _(
            "the feed {path} is a symbolic link; this app does not follow links in the feed's "
            "folder: set feed.location to the file itself"
        ).format(path=path)
    return _("the feed {path} is {kind}, not a file; nothing was synced (name a regular file)").format(
        path=path, kind=_(err.what)
    )



def _fsync_dir(path: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dfd = os.open(path, os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
