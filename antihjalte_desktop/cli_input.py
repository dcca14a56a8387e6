"""Text from standard input for the command line: strict UTF-8, or a usage error (exit 2); and
the help text every ``--json`` option shares.

Its own small module so that every command module (the journal's, the feed's) can use it
without importing the main CLI."""

from __future__ import annotations

import sys

from antihjalte_desktop.core.i18n import N_, _
from antihjalte_desktop.errors import UsageError


def json_help() -> str:
    """The help of every ``--json`` option (asked for when a parser is built, in its language)."""
    return _("machine-readable output (JSON, the same in every language)")


# What read_stdin_line reads, as the feed commands name it (translated here, when shown).
THE_PASSWORD = N_("the password")


def read_stdin(*, one_line: bool = False) -> str:
    """Standard input as text: strict UTF-8 (a byte-order mark is skipped), else a usage error
    (exit 2). For a one-line value, a single trailing newline (``echo Olle |``) is dropped."""
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UsageError(
            _("the text on standard input is not valid UTF-8 (byte {byte}); nothing was changed").format(
                byte=err.start + 1
            )
        ) from None
    if one_line:
        if text.endswith("\r\n"):
            text = text[:-2]
        elif text.endswith("\n"):
            text = text[:-1]
    return text


def read_stdin_line(what: str = N_("the text")) -> str:
    """One line of standard input (a password), strict UTF-8, without its line end. ``what`` names
    it in English words marked with ``N_`` (``THE_PASSWORD``); it is translated when shown."""
    data = sys.stdin.buffer.readline()
    try:
        return data.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise UsageError(
            _("{what} on standard input is not valid UTF-8; nothing was changed").format(what=_(what))
        ) from None
