"""Text that is safe to keep, publish and show: the one definition of a "control character".

Used at both walls: where a value enters (settings, command line) it is refused with a
message naming it; where the team feed is written (``feed/ics.py``) it is dropped again.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 (NUL, ESC, CR, LF, TAB, ...), DEL, C1 (NEL, CSI, ...), the Unicode line and paragraph
# separators, and lone surrogates (what invalid UTF-8 becomes in a command line or a JSON "\udc80").
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")

MAX_JSON_NESTING = "about 1,000"


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def describe_char(ch: str) -> str:
    """``U+001B (ESC)``: a character named so that a reader can find it."""
    names = {
        "\x00": "NUL",
        "\t": "a tab",
        "\n": "a line break",
        "\r": "a carriage return",
        "\x1b": "ESC",
        "\x7f": "DEL",
        "\x85": "NEL",
        "\u2028": "a line separator",
        "\u2029": "a paragraph separator",
    }
    code = f"U+{ord(ch):04X}"
    if "\ud800" <= ch <= "\udfff":
        return f"{code} (not valid UTF-8 text)"
    name = names.get(ch)
    return f"{code} ({name})" if name else code


def control_problem(text: str, *, allow: str = "") -> str | None:
    """Why ``text`` cannot be kept (a control character, or text that is not valid UTF-8),
    as the end of a sentence; None when it is fine. ``allow``: characters that are fine here."""
    for m in _CONTROL.finditer(text):
        ch = m.group()
        if ch in allow:
            continue
        if "\ud800" <= ch <= "\udfff":
            return "is not valid UTF-8 text"
        return f"holds the control character {describe_char(ch)}, which is not allowed here"
    return None


def drop_controls(text: str, *, newline: str | None = None) -> str:
    """``text`` without control characters: a tab becomes a space; line breaks become
    ``newline`` (dropped when None); everything else is dropped."""

    def repl(m: re.Match[str]) -> str:
        ch = m.group()
        if ch == "\t":
            return " "
        if newline is not None and ch in "\r\n\u2028\u2029\x85":
            return newline
        return ""

    if _CONTROL.search(text) is None:
        return text
    if newline is not None:
        text = text.replace("\r\n", "\n")
    return _CONTROL.sub(repl, text)


def shown(text: str, limit: int = 80) -> str:
    """``text`` quoted for a message, with control characters escaped and cut at ``limit``."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return "“" + _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", cut) + "”"


def loads_json(text: str | bytes) -> Any:
    """``json.loads``, but nesting too deep for Python is a ValueError like any bad JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"nested too deeply: more than {MAX_JSON_NESTING} levels") from None
