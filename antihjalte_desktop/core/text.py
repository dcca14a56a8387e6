"""Text from elsewhere (a feed, a server, an imported file), made safe to show on a terminal.

A colleague's name or a line of a feed may hold escape sequences that retitle or clear the
reader's terminal, a bidi override that makes "exe.txt" read as "txt.exe", or a line
break that fakes a second message. :func:`printable` writes every such character as a
visible escape (``\\x1b``, ``\\u202e``), so what is shown is what is there, on one line.
It is used where foreign text leaves the program (CLI output, error messages, the
status file), not where it is stored: the feed keeps its bytes.
"""

from __future__ import annotations

import json
import re
from typing import Any

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
