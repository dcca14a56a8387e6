"""Errors that are the world's fault (a bad date, a full disk, a locked database).

They carry a calm one-line message and an exit code. Anything else that escapes is
a bug: the CLI logs its traceback and prints where the log is.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem the user can act on; ``str(err)`` is the message shown."""

    exit_code = 1


class UsageError(KnownError):
    """The command line itself is wrong (exit 2, like argparse)."""

    exit_code = 2


class RefusedError(KnownError):
    """A request that is understood but refused by a rule (a weekend, a past day)."""


class StoreError(KnownError):
    """The local database or settings file could not be read or written."""
