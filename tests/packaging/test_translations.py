"""The Swedish translation is complete and real, and every visible UI string is marked.

- every message in resources/antihjalte_sv.ts is finished, non-empty, and not the English
  source copied over (proper nouns and symbols aside);
- the .ts is up to date: pyside6-lupdate over the sources finds no string missing from it;
- the shipped .qm loads and translates;
- no literal text is handed straight to a visible Qt setter in ui/ or app.py.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "antihjalte_desktop"
TS = ROOT / "resources" / "antihjalte_sv.ts"

# Words that are the same in Swedish and English, or names.
SAME_IN_BOTH = {
    "Antihjälte", "Antihjälte Desktop", "WebDAV", "CalDAV", "OK", "Svenska", "English", "ICS", "URL",
    "E-post", "Status", "Test", "Version", "Markdown", "JSON", "Tags", "sv", "en", "%1", "%1 %2",
}  # fmt: skip


def _messages() -> list[tuple[str, str, ET.Element]]:
    if not TS.exists():
        pytest.fail(f"{TS} is missing")
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg))
    return out


def _needs_translation(source: str) -> bool:
    letters = re.sub(r"%\d+|\{\w*\}|&(?=\w)|<[^>]+>", "", source)
    return bool(re.search(r"[A-Za-zÅÄÖåäö]{2,}", letters)) and source.strip() not in SAME_IN_BOTH


def test_every_swedish_message_is_finished_and_really_swedish() -> None:
    problems = []
    messages = _messages()
    assert len(messages) > 50, "the translation file looks empty"
    for ctx, source, msg in messages:
        tr = msg.find("translation")
        if tr is None:
            problems.append(f"[{ctx}] {source!r}: no translation element")
            continue
        kind = tr.get("type", "")
        if kind in ("obsolete", "vanished"):
            continue
        forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
        if kind == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"[{ctx}] {source!r}: unfinished")
        elif _needs_translation(source) and any(f.strip() == source.strip() for f in forms):
            problems.append(f"[{ctx}] {source!r}: the English copied over")
    assert not problems, "\n".join(problems)


def test_ts_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing from the venv (PySide6-Essentials ships it)")
    sources = sorted(str(p) for p in PKG.rglob("*.py") if p.name != "resources.py")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    committed = {
        (c, s)
        for c, s, m in _messages()
        if m.find("translation") is None or m.find("translation").get("type") not in ("obsolete", "vanished")
    }  # type: ignore[union-attr]
    found = set()
    for ctx in ET.parse(fresh).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            found.add((name, msg.findtext("source") or ""))
    missing = sorted(found - committed)
    assert not missing, (
        "strings not in resources/antihjalte_sv.ts (run resources/update_translations.sh):\n"
        + "\n".join(f"[{c}] {s!r}" for c, s in missing)
    )


def test_shipped_qm_translates_every_message(qapp: object) -> None:
    """The .qm compiled into the package's Qt resources translates every finished message
    (ui/test_resources.py checks that it is byte for byte what lrelease makes of the .ts)."""
    from PySide6.QtCore import QTranslator

    from antihjalte_desktop.ui import resources  # noqa: F401 - registers :/i18n

    translator = QTranslator()
    assert translator.load(":/i18n/antihjalte_sv.qm"), "no :/i18n/antihjalte_sv.qm in the package"
    checked = 0
    for ctx, source, msg in _messages():
        tr = msg.find("translation")
        if not ctx or tr is None or tr.get("type") in ("obsolete", "vanished") or msg.get("numerus") == "yes":
            continue
        if _needs_translation(source):
            assert translator.translate(ctx, source) not in ("", source), (ctx, source)
            checked += 1
    assert checked > 100


VISIBLE_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setWhatsThis",
    "setTitle", "addTab", "insertTab", "setTabText", "setLabelText", "setAccessibleName",
    "setAccessibleDescription", "showMessage", "addAction", "addMenu", "setInformativeText",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QGroupBox", "QRadioButton", "QToolButton", "QMenu",
    "information", "warning", "critical", "question", "setHeaderLabels", "addItem", "addItems",
}  # fmt: skip


LOGGERS = {"log", "logger", "logging", "_log", "LOG"}


def _visible_literals(tree: ast.AST) -> list[tuple[int, str]]:
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        fn = node.func
        name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else ""
        if name not in VISIBLE_SETTERS:
            continue
        receiver = fn.value if isinstance(fn, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in LOGGERS:
            continue  # log.warning(...) goes to the log file, not the screen
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _needs_translation(arg.value):
                bad.append((node.lineno, arg.value))
            elif isinstance(arg, ast.JoinedStr):
                text = "".join(
                    v.value for v in arg.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
                )
                if _needs_translation(text):
                    bad.append((node.lineno, f"f-string {text!r}"))
    return bad


def test_no_unmarked_visible_strings_in_the_ui() -> None:
    files = [*sorted((PKG / "ui").rglob("*.py")), PKG / "app.py"]
    files = [f for f in files if f.exists()]
    assert files, "no UI sources found"
    problems = []
    for f in files:
        for line, text in _visible_literals(ast.parse(f.read_text("utf-8"))):
            problems.append(f"{f.relative_to(ROOT)}:{line}: {text!r}")
    assert not problems, "visible strings not marked for translation:\n" + "\n".join(problems)


def test_the_lint_catches_an_unmarked_string() -> None:
    tree = ast.parse(
        "label.setText('Plan your day')\nbtn = QPushButton(self.tr('Copy'))\nx.setToolTip(f'Next {d}')"
    )
    assert [line for line, _ in _visible_literals(tree)] == [1, 3]


def test_english_plural_forms_are_complete() -> None:
    """English is the source language, but "%n week(s)" needs its singular and plural: every
    numerus message of the Swedish file has finished English forms without "(s)"."""
    en_ts = ROOT / "resources" / "antihjalte_en.ts"
    english = {}
    for ctx in ET.parse(en_ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None and tr.get("type") != "unfinished", msg.findtext("source")
            forms = [n.text or "" for n in tr.iter("numerusform")]
            english[(ctx.findtext("name"), msg.findtext("source"))] = forms
    numerus = {(c, s) for c, s, m in _messages() if m.get("numerus") == "yes"}
    assert numerus and numerus <= english.keys(), numerus - english.keys()
    for key, forms in english.items():
        assert len(forms) == 2 and all(f.strip() and "(s)" not in f for f in forms), (key, forms)


# -- the Swedish reads as Swedish (issue 14) ------------------------------------------------------
# Names and symbols that stay as they are in a Swedish text, and the few messages that may be the
# same in both languages (a name, a language's own name, a placeholder alone).
NAMES = (
    "Antihjälte Desktop", "Antihjälte", "WebDAV", "CalDAV", "ICS", "URL", "PNG", "PDF", "JSON", "Markdown",
    "gnome-keyring", "KWallet", "Windows", "macOS", "CA", "webcal://", "https://",
)  # fmt: skip
IDENTICAL_OK = {"OK", "Antihjälte", "Svenska", "English", "%1", "%1 %2", "{kind}, {day}"}
ENGLISH_WORDS = re.compile(r"\b(the|is|not|file|error|day|week|and|of|to)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%\d+|%n|\{\w*\}|\(\*\.[^)]*\)|\*\.\w+")


def _words_only(text: str) -> str:
    """The text without placeholders, file patterns and names: what a translator has to write."""
    text = _PLACEHOLDER.sub(" ", text)
    text = re.sub(r"&(?=\w)|<[^>]+>", "", text)
    for name in NAMES:
        text = text.replace(name, " ")
    return " ".join(re.findall(r"[^\W\d_]+", text)).casefold()


def _finished_swedish() -> list[tuple[str, str, list[str]]]:
    out = []
    for ctx, source, msg in _messages():
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("obsolete", "vanished", "unfinished"):
            continue
        forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
        out.append((ctx, source, forms))
    return out


def swedish_problems(messages: list[tuple[str, str, list[str]]]) -> list[str]:
    problems = []
    for ctx, source, forms in messages:
        for form in forms:
            if source not in IDENTICAL_OK and _words_only(form) == _words_only(source):
                problems.append(f"[{ctx}] {source!r}: the same as the English ({form!r})")
            english = ENGLISH_WORDS.findall(_PLACEHOLDER.sub(" ", form))
            if english:
                problems.append(f"[{ctx}] {form!r}: English word(s) {english}")
    return problems


def test_swedish_differs_from_english_and_holds_no_english_words() -> None:
    """Every finished Swedish message says something other than its English source (placeholders and
    names aside) and holds none of a few common English words."""
    messages = _finished_swedish()
    assert len(messages) > 100
    problems = swedish_problems(messages)
    assert not problems, "\n".join(problems)


def test_the_swedish_check_catches_english() -> None:
    assert swedish_problems(
        [
            ("c", "Status", ["Status"]),  # copied
            ("c", "Open the file", ["Öppna the fil"]),  # an English word left
            ("c", "%1 is over", ["%1 is over"]),  # copied around a placeholder
            ("c", "Export as JSON…", ["Export as JSON…"]),
            ("c", "Saved {day}", ["Sparad {day}"]),  # a placeholder is no English word
            ("c", "One week", ["En vecka", "Två veckor"]),
            ("c", "OK", ["OK"]),
            ("c", "Tomorrow", ["Today"]),
        ]
    ) == [
        "[c] 'Status': the same as the English ('Status')",
        "[c] 'Öppna the fil': English word(s) ['the']",
        "[c] '%1 is over': the same as the English ('%1 is over')",
        "[c] '%1 is over': English word(s) ['is']",
        "[c] 'Export as JSON…': the same as the English ('Export as JSON…')",
    ]


def test_checklist_labels_read_the_same_in_core_and_catalog() -> None:
    """The built-in checklist items carry their Swedish in core/handover.py (for the Qt-free CLI) and
    in the catalog (for the windows): both say the same."""
    from antihjalte_desktop.core.handover import BUILTIN_ITEMS, NO_COVER

    catalog = {(ctx, source): forms[0] for ctx, source, forms in _finished_swedish()}
    for en, sv in [*BUILTIN_ITEMS.values(), (NO_COVER["en"], NO_COVER["sv"])]:
        assert catalog[("handover", en)] == sv
