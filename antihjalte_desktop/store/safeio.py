"""Reading a file that comes from outside (a shared folder, a hand-edited settings file, an import)
only when it is a regular file, and never more than a size limit.

``open()`` on a named pipe (FIFO) blocks until a writer comes, ``/dev/zero`` never ends, and a
symbolic link planted in a shared folder can point anywhere. So, on POSIX, the file is opened
with ``O_NONBLOCK`` (a FIFO opens at once instead of waiting for a writer) and, unless the caller
allows it, ``O_NOFOLLOW`` (a final symbolic link is refused, not followed); then ``fstat`` on the
open descriptor decides: only a regular file is read, and ``O_NONBLOCK`` is cleared again before
reading. On Windows, where neither flag exists, the path is checked before it is opened, and the
open handle again after.

The read is bounded: a file larger than the limit is refused with a message naming the file and
the limit, without reading it; one that grows while being read stops at the limit + 1 byte.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from antihjalte_desktop.core.i18n import N_, _, ngettext

_WINDOWS = os.name == "nt"
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class NotRegularFileError(OSError):
    """The path is there but is not a regular file: ``what`` says what it is, in English words that
    are also a key (``"a folder"``, compared by callers); ``describe_kind`` says it in the language
    of the messages."""

    def __init__(self, path: Path, what: str, target: str = "") -> None:
        super().__init__(errno.EINVAL, what, str(path))
        self.path = path
        self.what = what
        self.target = target  # for a symbolic link: where it points ("" when unknown)

    def __str__(self) -> str:
        return describe_special(self)


class FileTooLargeError(OSError):
    """The file is larger than the caller reads."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, "too large", str(path))  # untranslated: errno text, str() is ours
        self.path = path
        self.size = size
        self.limit = limit

    def __str__(self) -> str:
        if just_over(self.size, self.limit):
            return _("{path} is just over the {limit} this app reads").format(
                path=self.path, limit=size_text(self.limit)
            )
        return _("{path} is {size}, more than the {limit} this app reads").format(
            path=self.path, size=size_text(self.size), limit=size_text(self.limit)
        )


def os_reason(err: BaseException) -> str:
    """Why an ``OSError`` happened, in the language of the messages (the system's own text, which
    is English in the C locale, for the rarer ones)."""
    code = getattr(err, "errno", None)
    if code in (errno.EACCES, errno.EPERM):
        return _("permission denied")
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full")
    if code == errno.EROFS:
        return _("the disk is read-only")
    if code == errno.ENOENT:
        return _("it does not exist")
    if code == errno.ENOTDIR:
        return _("a part of the path is a file, not a folder")
    if code == errno.EISDIR:
        return _("it is a folder")
    if code == errno.EEXIST:
        return _("something with that name is already there")
    if code == errno.ENAMETOOLONG:
        return _("the name is too long")
    if code == errno.ELOOP:
        return _("too many symbolic links")
    return getattr(err, "strerror", None) or str(err)


def size_text(n: int) -> str:
    """Bytes as people read them: binary units, so a 32 MiB limit reads "32 MB" everywhere."""
    if n < 1024:
        return ngettext("{n} byte", "{n} bytes", n).format(n=n)
    if n < 1024 * 1024:
        return _("{n} KB").format(n=f"{n / 1024:.0f}")
    return _("{n} MB").format(n=f"{n / (1024 * 1024):.0f}")


def just_over(size: int, limit: int) -> bool:
    """True when ``size`` and ``limit`` would read the same ("32 MB"): say "just over" instead."""
    return size_text(size) == size_text(limit)


def over_limit(size: int, limit: int) -> str:
    """ "40 MB, more than the 32 MB", or "just over the 32 MB" when the two would read the same.
    A fragment: a message that is a whole sentence in every language is better built with
    ``just_over`` and two texts of its own."""
    if just_over(size, limit):
        return _("just over the {limit}").format(limit=size_text(limit))
    return _("{size}, more than the {limit}").format(size=size_text(size), limit=size_text(limit))


# What a path is, as ``NotRegularFileError.what``: English, compared by callers; shown through ``_``.
FOLDER = N_("a folder")
SYMLINK = N_("a symbolic link")
FIFO = N_("a named pipe (FIFO)")
DEVICE = N_("a device")
SOCKET = N_("a socket")
REGULAR = N_("a file")
OTHER = N_("not a regular file")


def kind_of(mode: int) -> str:
    """What a file is, as an English key ("a folder", "a named pipe (FIFO)", ...); shown with ``_``."""
    if stat.S_ISDIR(mode):
        return FOLDER
    if stat.S_ISLNK(mode):
        return SYMLINK
    if stat.S_ISFIFO(mode):
        return FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return DEVICE
    if stat.S_ISSOCK(mode):
        return SOCKET
    if stat.S_ISREG(mode):
        return REGULAR
    return OTHER


def describe_special(err: NotRegularFileError) -> str:
    """``<path> is a symbolic link (to <target>), not a regular file`` and the like (no advice)."""
    return _("{path} is {kind}, not a regular file").format(path=err.path, kind=describe_kind(err))


def describe_kind(err: NotRegularFileError) -> str:
    """What is there, in the language of the messages: "a folder", "a symbolic link (to X, which
    does not exist)", ..."""
    if err.what == SYMLINK and err.target:
        if not os.path.lexists(_resolve_link(err.path, err.target)):
            return _("a symbolic link (to {target}, which does not exist)").format(target=err.target)
        return _("a symbolic link (to {target})").format(target=err.target)
    return _(err.what)


def _resolve_link(path: Path, target: str) -> str:
    return target if os.path.isabs(target) else os.path.join(os.path.dirname(path), target)


def not_regular(path: Path, mode: int) -> NotRegularFileError:
    target = ""
    if stat.S_ISLNK(mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = ""
    return NotRegularFileError(path, kind_of(mode), target)


def open_regular(path: Path, *, follow_symlinks: bool = False) -> tuple[int, os.stat_result]:
    """Open ``path`` for reading only when it is a regular file; return (fd, fstat).

    Raises FileNotFoundError when there is nothing there, NotRegularFileError when it is a
    folder, a FIFO, a device, a socket or (unless ``follow_symlinks``) a symbolic link, and
    OSError for the rest (permission denied, ...). Never blocks on a FIFO."""
    if _WINDOWS:
        st = os.stat(path) if follow_symlinks else os.lstat(path)
        if not stat.S_ISREG(st.st_mode):
            raise not_regular(path, st.st_mode)
    flags = os.O_RDONLY | _O_NONBLOCK | _O_NOCTTY | _O_BINARY | _O_CLOEXEC
    if not follow_symlinks:
        flags |= _O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as err:
        # ELOOP: a final symlink with O_NOFOLLOW; ENXIO: a socket, or a FIFO opened for
        # writing; EISDIR on systems that refuse to open a folder. Say what it is.
        if err.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR, errno.EMLINK, errno.EOPNOTSUPP):
            try:
                st = os.lstat(path) if not follow_symlinks else os.stat(path)
            except OSError:
                raise err from None
            if not stat.S_ISREG(st.st_mode):
                raise not_regular(path, st.st_mode) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise not_regular(path, st.st_mode)
        if _O_NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def read_fd(fd: int, path: Path, size_hint: int, limit: int) -> bytes:
    """Read an open regular file to its end, refusing more than ``limit`` bytes."""
    if size_hint > limit:
        raise FileTooLargeError(path, size_hint, limit)
    # One read of the whole file (no second copy for a join), then more only if it grew.
    first = os.read(fd, min(size_hint, limit) + 1)
    if len(first) > limit:
        raise FileTooLargeError(path, len(first), limit)
    chunks = [first]
    got = len(first)
    while first:
        chunk = os.read(fd, min(1 << 20, limit + 1 - got))
        if not chunk:
            break
        got += len(chunk)
        chunks.append(chunk)
        if got > limit:
            raise FileTooLargeError(path, got, limit)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_regular(path: Path, limit: int, *, follow_symlinks: bool = False) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file, at most ``limit`` of them, and its ``fstat``.

    Raises FileNotFoundError, NotRegularFileError, FileTooLargeError or OSError."""
    fd, st = open_regular(path, follow_symlinks=follow_symlinks)
    try:
        return read_fd(fd, path, st.st_size, limit), st
    finally:
        os.close(fd)


def read_text_regular(
    path: Path, limit: int, *, follow_symlinks: bool = True, encoding: str = "utf-8"
) -> str:
    """``read_regular`` decoded (UnicodeDecodeError when it is not ``encoding``)."""
    data, _st = read_regular(path, limit, follow_symlinks=follow_symlinks)
    return data.decode(encoding)
