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
