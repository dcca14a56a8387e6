"""Every message the command line can show goes through the message catalog.

An AST walk over every module outside the Qt shell (which translates with ``tr``) finds text that
reaches a person untranslated: the message of a raised ``...Error`` and the text given to
``print``, ``_warn``/``warn`` or ``sys.stderr.write``, written as a string literal or f-string
rather than through ``_()``/``ngettext()``. A line that is deliberately not translated says so
with ``# untranslated: why`` (machine-read output, a programmer's error that no one sees).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import antihjalte_desktop

PKG = Path(antihjalte_desktop.__file__).parent
SKIP = ("ui", "app.py", "argparse_texts.py")
OUTPUT_CALLS = {"print", "_warn", "warn", "write"}
COLLECT_CALLS = {"append", "UsageError", "KnownError", "StoreError", "RefusedError"}
WORDS = re.compile(r"[A-Za-z]{2,}")
SENTENCE = re.compile(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}\W+[A-Za-z]{2,}")  # three words: a message


def _sources() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if p.relative_to(PKG).parts[0] not in SKIP)


def _literal_text(node: ast.AST) -> str | None:
    """The words of a literal or f-string (placeholders left out); None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    if isinstance(node, ast.BinOp):  # "text " + something
        left, right = _literal_text(node.left), _literal_text(node.right)
        return (left or "") + (right or "") if left is not None or right is not None else None
    return None


def _call_name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def unmarked(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        texts: list[ast.AST] = []
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _call_name(node.exc).endswith(("Error", "Exception")):
                texts = node.exc.args[:1]
        elif isinstance(node, ast.Call) and _call_name(node) in OUTPUT_CALLS:
            texts = node.args[:1]
        elif isinstance(node, ast.Call) and _call_name(node) in COLLECT_CALLS:
            texts = [a for a in node.args[:1] if SENTENCE.search(_literal_text(a) or "")]
        elif isinstance(node, ast.Return) and node.value is not None:
            # A returned sentence is a message (a reason, a description) unless it is SQL or a path.
            text = _literal_text(node.value) or ""
            if SENTENCE.search(text) and not re.match(
                r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA)\b", text
            ):
                texts = [node.value]
        for arg in texts:
            text = _literal_text(arg)
            if text is None or not WORDS.search(text):
                continue
            line = lines[arg.lineno - 1] if arg.lineno <= len(lines) else ""
            if "# untranslated" in line or "# untranslated" in lines[node.lineno - 1]:
                continue
            found.append(f"{path.relative_to(PKG.parent)}:{arg.lineno}: {text.strip()[:80]!r}")
    return list(dict.fromkeys(found))  # a raise is also a call: one line, one finding


def test_every_message_goes_through_the_catalog() -> None:
    found = list(dict.fromkeys(f for p in _sources() for f in unmarked(p)))
    assert not found, (
        f"{len(found)} texts shown untranslated (wrap them in _() or mark # untranslated):\n"
        + "\n".join(found)
    )


def test_the_walk_finds_an_unmarked_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f(x):\n    raise KnownError(f"{x} is not planned")\n'
        'def g():\n    print("Moved")\n'
        'def h():\n    print(_("Moved"))\n'
        'def i():\n    print("antihjalte 1.0")  # untranslated: machine-read\n',
        encoding="utf-8",
    )
    global PKG
    keep = PKG
    PKG = tmp_path
    try:
        found = unmarked(sample)
    finally:
        PKG = keep
    assert len(found) == 2 and "is not planned" in found[0] and "Moved" in found[1], found
