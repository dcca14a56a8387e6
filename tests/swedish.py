"""The one check that a Swedish message holds no English: the words a half-translated message would
leak (the project's list), found after what may stay as it is has been taken out. Each test names
what may stay in its messages (quotes, options, setting keys, paths, commands, ...):
``english_words(text, *patterns, paths=..., words=...)``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from os import PathLike

ENGLISH_WORDS = frozenset((
    "the", "is", "not", "file", "error", "day", "date", "tags", "help", "about", "write", "preview",
    "from", "handover", "and", "or", "to", "of", "no", "cannot", "with", "for", "in", "a", "an", "on",
    "at", "it", "be", "was", "are", "has", "have", "this", "that", "feed", "sync", "server",
    "password", "user", "entry",
))  # fmt: skip


def english_words(
    text: str,
    *keep: re.Pattern[str] | str,
    paths: Iterable[str | PathLike[str]] = (),
    words: frozenset[str] = ENGLISH_WORDS,
) -> list[str]:
    """The ``words`` (lower case) left in ``text`` once ``paths`` (longest first) and what the
    ``keep`` patterns match are taken out."""
    for p in sorted((str(p) for p in paths), key=len, reverse=True):
        text = text.replace(p, " ")
    for pattern in keep:
        text = re.sub(pattern, " ", text)
    # Whole words only: "a" in an id such as d559392df0a93731 is no English.
    return [w for w in (t.lower() for t in re.findall(r"\b[^\W\d_]+\b", text)) if w in words]
