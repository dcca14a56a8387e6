"""The sync's deadline: one moment by which a sync ends, whatever it is doing.

``sync()`` opens a :func:`scope` of ``feed.sync_deadline_seconds``; everything that can wait
asks it: the feed's lock waits no longer than the deadline, every HTTP request's own deadline
is cut to what is left, and the pipeline checks it between its steps (:func:`check`). Work that
cannot check (a long parse) is stopped by :func:`alarm` in the CLI's main thread, a little after
the deadline, as a last resort.

Clean-up (releasing a WebDAV lock, removing our lock folder) runs under :func:`cleanup`, a few
seconds of its own, so that a sync stopped by its deadline still leaves no lock behind.

A context variable, not a parameter threaded through every backend: the deadline is a property
of the sync that is running in this thread, and the backends need not know that there is one.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator
from dataclasses import dataclass

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.feed.errors import FeedError

SETTING = "feed.sync_deadline_seconds"
CLEANUP_SECONDS = 5.0
ALARM_GRACE_SECONDS = 2.0  # the alarm fires this long after the deadline: checks normally win


class FeedDeadlineError(FeedError):
    """The sync (or one HTTP request) ran out of time; nothing was written, the outbox is kept."""


@dataclass(frozen=True)
class Deadline:
    at: float  # time.monotonic()
    seconds: float
    cleanup: bool = False

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def error(self, doing: str) -> FeedDeadlineError:
        """``doing``: what the sync was doing, already in the language of the messages (a clause
        that follows "while": "reading the feed"; in Swedish one that follows "medan")."""
        return FeedDeadlineError(
            _(
                "the sync was stopped after {seconds} s ({setting}) while {doing}; "
                "the local changes are kept for the next sync"
            ).format(seconds=f"{self.seconds:g}", setting=SETTING, doing=doing)
        )


_current: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("sync_deadline", default=None)


def current() -> Deadline | None:
    """The running sync's deadline in this thread (None outside a sync)."""
    return _current.get()


def check(doing: str) -> None:
    """Raise FeedDeadlineError when the sync's deadline has passed (``doing``: what it was doing)."""
    d = _current.get()
    if d is not None and not d.cleanup and d.expired():
        raise d.error(doing)


@contextlib.contextmanager
def scope(seconds: float) -> Iterator[Deadline]:
    """Run the body under a deadline ``seconds`` from now."""
    d = Deadline(time.monotonic() + seconds, seconds)
    token = _current.set(d)
    try:
        yield d
    finally:
        _current.reset(token)


@contextlib.contextmanager
def cleanup(seconds: float = CLEANUP_SECONDS) -> Iterator[None]:
    """A few seconds of their own for clean-up steps, even after the sync's deadline has passed."""
    d = _current.get()
    if d is None:
        yield
        return
    token = _current.set(Deadline(time.monotonic() + seconds, seconds, cleanup=True))
    try:
        yield
    finally:
        _current.reset(token)


@contextlib.contextmanager
def alarm(d: Deadline, doing: str = "") -> Iterator[None]:
    """POSIX, main thread only: a SIGALRM shortly after the deadline raises FeedDeadlineError
    wherever the sync is (a long parse, a system call). Elsewhere: nothing (the checks remain)."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _on_alarm(_signum: int, _frame: object) -> None:
        now = _current.get()
        if now is not None and now.cleanup and not now.expired():
            # releasing a lock: let it finish, within its own few seconds
            signal.setitimer(signal.ITIMER_REAL, max(0.001, now.remaining() + ALARM_GRACE_SECONDS))
            return
        raise d.error(doing or _("working on the feed"))

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    armed = time.monotonic()
    before, _interval = signal.setitimer(signal.ITIMER_REAL, max(0.001, d.remaining() + ALARM_GRACE_SECONDS))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if before > 0:  # someone else's alarm (a test runner's timeout): put it back
            signal.setitimer(signal.ITIMER_REAL, max(0.001, before - (time.monotonic() - armed)))
