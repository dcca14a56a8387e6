"""Text that is safe to keep, publish and show.

- The one definition of a "control character", used at both walls: where a value enters
  (settings, command line) it is refused with a message naming it; where the team feed is
  written (``feed/ics.py``) it is dropped again.
- Foreign text (a colleague's name, a server's answer, a file's line) is never printed raw:
  ``printable`` escapes what a terminal would obey, ``dumps``/``print_json`` keep JSON output
  valid and escaped.
"""

from __future__ import annotations

import json
import re
from typing import Any

from antihjalte_desktop.core.i18n import N_, _, language

# C0 controls (tab and newline included: one message is one line), DEL, C1 controls, the
# line and paragraph separators, the bidi embeddings, overrides, isolates and marks, the
# BOM / zero-width no-break space, and lone surrogates (undecodable bytes under surrogateescape).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
# The same, minus what json.dumps escapes itself (C0 controls): the rest it leaves raw.
_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group(0)):04x}"


def printable(text: object) -> str:
    """``text`` (anything, via ``str``) with every control or direction-changing character
    written as a visible escape; plain text, Swedish letters included, comes back unchanged."""
    s = text if isinstance(text, str) else str(text)
    return _UNSAFE.sub(_escape, s)


def is_printable(text: str) -> bool:
    """True when :func:`printable` would leave ``text`` as it is."""
    return _UNSAFE.search(text) is None


def sanitize(data: Any) -> Any:
    """A JSON-like value with :func:`printable` applied to every string in it (keys included)."""
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, dict):
        return {sanitize(k): sanitize(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [sanitize(v) for v in data]
    return data


def dumps(data: Any, **kw: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, **kw)``, with the characters json leaves raw but a
    terminal acts on (C1 controls, bidi overrides, U+2028/9, lone surrogates) as ``\\uXXXX``:
    still valid JSON that parses to the same value, readable Swedish, safe to print."""
    out = json.dumps(data, ensure_ascii=False, **kw)
    return _UNSAFE_IN_JSON.sub(_json_escape, out)


def print_json(data: object) -> None:
    """``data`` as JSON on stdout, escaped as ``dumps`` does."""
    import sys

    if isinstance(data, list) and data:
        # An array prints one object per line: json's indent= falls back to the pure-Python
        # encoder, which made `plan list --json` of 1,000 days take 15 ms instead of 2.
        body = ",\n  ".join(dumps(item) for item in data)
        sys.stdout.write(f"[\n  {body}\n]\n")
    else:
        sys.stdout.write(dumps(data, indent=2) + "\n")


# C0 (NUL, ESC, CR, LF, TAB, ...), DEL, C1 (NEL, CSI, ...), the Unicode line and paragraph
# separators, and lone surrogates (what invalid UTF-8 becomes in a command line or a JSON "\udc80").
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")

MAX_JSON_NESTING = N_("about 1,000")


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def describe_char(ch: str) -> str:
    """``U+001B (ESC)``: a character named so that a reader can find it."""
    names = {
        "\x00": "NUL",
        "\t": N_("a tab"),
        "\n": N_("a line break"),
        "\r": N_("a carriage return"),
        "\x1b": "ESC",
        "\x7f": "DEL",
        "\x85": "NEL",
        "\u2028": N_("a line separator"),
        "\u2029": N_("a paragraph separator"),
    }
    code = f"U+{ord(ch):04X}"
    if "\ud800" <= ch <= "\udfff":
        return _("{code} (not valid UTF-8 text)").format(code=code)
    name = names.get(ch)
    return f"{code} ({_(name)})" if name else code


def control_problem(text: str, *, allow: str = "") -> str | None:
    """Why ``text`` cannot be kept (a control character, or text that is not valid UTF-8),
    as the end of a sentence; None when it is fine. ``allow``: characters that are fine here."""
    for m in _CONTROL.finditer(text):
        ch = m.group()
        if ch in allow:
            continue
        if "\ud800" <= ch <= "\udfff":
            return _("is not valid UTF-8 text")
        return _("holds the control character {char}, which is not allowed here").format(
            char=describe_char(ch)
        )
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
    """``text`` quoted for a message (“…” in English, ”…” in Swedish), with control characters
    escaped and cut at ``limit``."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    opening = "”" if language() == "sv" else "“"
    return opening + _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", cut) + "”"


def loads_json(text: str | bytes) -> Any:
    """``json.loads``, but nesting too deep for Python is a ValueError like any bad JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(
            _("nested too deeply: more than {levels} levels").format(levels=_(MAX_JSON_NESTING))
        ) from None
