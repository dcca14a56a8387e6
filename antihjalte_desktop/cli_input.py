"""Text from standard input for the command line: strict UTF-8, or a usage error (exit 2).

Its own small module so that every command module (the journal's, the feed's) can use it
without importing the main CLI."""

from __future__ import annotations

import sys

from antihjalte_desktop.errors import UsageError


def read_stdin(*, one_line: bool = False) -> str:
    """Standard input as text: strict UTF-8 (a byte-order mark is skipped), else a usage error
    (exit 2). For a one-line value, a single trailing newline (``echo Olle |``) is dropped."""
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UsageError(
            f"the text on standard input is not valid UTF-8 (byte {err.start + 1}); nothing was changed"
        ) from None
    if one_line:
        if text.endswith("\r\n"):
            text = text[:-2]
        elif text.endswith("\n"):
            text = text[:-1]
    return text


def read_stdin_line(what: str = "the text") -> str:
    """One line of standard input (a password), strict UTF-8, without its line end."""
    data = sys.stdin.buffer.readline()
    try:
        return data.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise UsageError(f"{what} on standard input is not valid UTF-8; nothing was changed") from None
