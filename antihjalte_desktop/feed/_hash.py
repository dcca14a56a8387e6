"""BLAKE2b without ``hashlib``: importing hashlib loads OpenSSL (several MB and milliseconds),
which the no-change sync and the lock do not need."""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Pythons without the builtin module
    from hashlib import blake2b

__all__ = ["blake2b"]
