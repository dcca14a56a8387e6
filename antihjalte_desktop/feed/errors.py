"""The feed's failures: all the world's fault, each with a calm one-line message."""

from __future__ import annotations

from antihjalte_desktop.errors import KnownError


class FeedError(KnownError):
    """The feed could not be read or written; nothing was changed."""


class FeedFormatError(FeedError):
    """The feed is not a calendar this app can safely rewrite; it was left as it is."""


class FeedLockedError(FeedError):
    """Another process holds the feed's lock and is still alive."""


class FeedConflictError(FeedError):
    """The feed changed between read and write (a writer that ignores the lock, or a 412)."""


class FeedUnsupportedError(FeedError):
    """The feed kind is known but not available in this version."""


class FeedSquattedError(FeedError):
    """Some of this profile's events are held or changed by someone else; they were left as
    they are (everything else was synced)."""


def os_reason(err: OSError) -> str:
    """Why a file or connection operation failed, in the language of the messages. English keeps
    the system's own words (as the messages always said); Swedish gets the common causes from the
    store's list and a connection's own, and the system's words only for the rare rest."""
    import errno

    from antihjalte_desktop.core.i18n import _, language
    from antihjalte_desktop.store import safeio

    if language() == "en":
        return err.strerror or str(err) or type(err).__name__
    if isinstance(err, TimeoutError):
        return _("no answer in time")
    if err.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return _("the network cannot reach it")
    if err.errno in (errno.ECONNABORTED, errno.ECONNRESET):
        return _("the connection was broken off")
    if err.errno is None:
        return err.strerror or str(err) or type(err).__name__
    return safeio.os_reason(err)
