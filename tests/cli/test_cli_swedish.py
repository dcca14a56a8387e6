"""The command line speaks Swedish (issue 14, item 2).

- the message catalog is complete and compiled: every ``_()`` text has Swedish, the shipped ``.mo``
  is built from the current ``.po`` (``resources/update_messages.py --check``), and no Swedish text
  is the English copied over or holds common English words;
- every command's ``--help`` and argparse's own errors are Swedish when the profile is (or, unset,
  when the locale is), English otherwise;
- what programs read does not change with the language: every ``--json`` output, ``--version``;
- the CLI's own error paths (cli.py) in both languages: same exit code, different words, no English
  left in the Swedish. The subsystems' error paths are in test_cli_swedish_*.py and tests/feed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from antihjalte_desktop import cli
from tests import swedish

from .conftest import Run

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources" / "antihjalte_sv.po"

# What may stay as it is in a Swedish text: placeholders, options, setting keys, code, quoted input.
_NOT_WORDS = re.compile(
    r"%\(\w+\)[sdr]|%[sdr]|\{[\w!:,]*\}|--kind \w+|--?[\w-]+|\b\w+(\.\w+)+\b|`[^`]*`|"
    r"'[^']*'|\"[^\"]*\"|”[^”]*”|"
    r"https?://\S+|/\S+|\b[A-Z_]{2,}\b|antihjalte(\s+[a-z][a-z-]*)*|\b\w(;\w)+\b"
)


# The project's words, but "in" and "server" are Swedish too ("logga in", "servern" aside); and the
# CLI's and argparse's own most common words.
CLI_WORDS = (swedish.ENGLISH_WORDS - {"in", "server"}) | {
    "errors", "days", "usage", "options", "arguments", "required", "invalid", "choose", "planned",
    "settings", "show", "print", "exit", "list", "task", "item",
}  # fmt: skip


def english_in(text: str) -> list[str]:
    return swedish.english_words(text, _NOT_WORDS, words=CLI_WORDS)


def test_english_in_finds_english_and_spares_what_stays() -> None:
    assert english_in("antihjalte: 2026-12-05 is not planned") == ["is", "not", "planned"]
    assert english_in("antihjalte: ”foo” går inte att läsa som en dag") == []
    assert (
        english_in("--task och --to hör ihop: --task TEXT --to NAMN; se feed.url och `antihjalte plan`") == []
    )


# -- the catalog --------------------------------------------------------------------------------------
def _catalog() -> list[tuple[str, list[str]]]:
    with PO.open("rb") as fp:
        cat = read_po(fp, locale="sv")
    out = []
    for msg in cat:
        if not msg.id:
            continue
        ident = msg.id[0] if isinstance(msg.id, tuple) else msg.id
        forms = list(msg.string) if isinstance(msg.string, tuple) else [msg.string]
        out.append((ident, forms))
    return out


def test_catalog_is_complete_and_compiled() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "resources" / "update_messages.py"), "--check"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(_catalog()) > 300, "the CLI catalog looks nearly empty"


SAME_OK = {"TEXT", "TEXT | -", "{n} byte", "argument {number}", "%(prog)s: error: %(message)s\n", "%s"}


def test_swedish_differs_from_english_and_holds_no_english_words() -> None:
    problems = []
    for ident, forms in _catalog():
        for form in forms:
            bare = _NOT_WORDS.sub(" ", form).split()
            if ident not in SAME_OK and bare and bare == _NOT_WORDS.sub(" ", ident).split():
                problems.append(f"{ident!r}: the English copied over")
            if english_in(form):
                problems.append(f"{form!r}: English word(s) {english_in(form)}")
    assert not problems, "\n".join(problems)


# -- help and argparse, in process (fast) ------------------------------------------------------------
def _all_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _all_parsers(sub, (*path, name))
    return found


def _run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as stop:
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def swedish_home(tmp_path: Path) -> Path:
    home = tmp_path / "sv"
    assert _run_in_process(["--home", str(home), "config", "set", "ui.language", "sv"])[0] == 0
    return home


def test_every_help_page_is_swedish(swedish_home: Path, tmp_path: Path) -> None:
    parsers = _all_parsers(cli.build_parser())
    assert len(parsers) > 20, parsers
    # Command names are typed as they are in every language: not words to translate.
    names = re.compile(r"^\s+(" + "|".join({re.escape(p[-1]) for p in parsers if p}) + r")\b", re.MULTILINE)
    problems = []
    for path in parsers:
        code, sv, _err = _run_in_process(["--home", str(swedish_home), *path, "--help"])
        assert code == 0 and sv.startswith("användning: antihjalte"), (path, sv)
        english = english_in(names.sub(" ", sv.split("\n", 1)[1]))  # the usage line repeats options
        if english:
            problems.append(f"antihjalte {' '.join(path)} --help: {english}\n{sv}")
        code, en, _err = _run_in_process(["--home", str(tmp_path / "en"), *path, "--help"])
        assert code == 0 and en.startswith("usage: antihjalte") and en != sv, (path, en)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize(
    "argv",
    [
        ["plan"],  # a required action missing
        ["plan", "add"],  # a required argument missing
        ["plan", "visa"],  # an unknown action
        ["frukost"],  # an unknown command
        ["handover", "2026-12-04", "--task-done", "tre"],  # not a number
        ["autoreply", "2026-12-04", "--lang", "de"],  # not a choice
        ["status", "--jsn", "--extra"],  # unknown options
        ["plan", "add", "2026-12-04", "--note"],  # an option without its value
    ],
)
def test_argparse_errors_are_swedish(swedish_home: Path, tmp_path: Path, argv: list[str]) -> None:
    code, _out, sv = _run_in_process(["--home", str(swedish_home), *argv])
    code_en, _out, en = _run_in_process(["--home", str(tmp_path / "en"), *argv])
    assert code == code_en == 2
    assert sv.startswith("användning: ") and "error" not in sv, sv
    said = sv.strip().splitlines()[-1].split(": ", 1)[1]  # "antihjalte plan: <what is wrong>"
    assert not english_in(said), sv
    assert en.startswith("usage: ") and sv != en


# -- end to end: the real command --------------------------------------------------------------------
def _pair(ah: Run) -> None:
    """A profile with something in it: two days, a handover task, a setting."""
    ah("plan", "add", "2026-12-04", "--note", "Läsa in mig", "--cover", "Anna Berg")
    ah("plan", "add", "2027-01-14")
    ah("handover", "2026-12-04", "--task", "Svara på remissen", "--to", "Anna Berg", "--check", "1")
    ah("config", "set", "team.roster", "Anna Berg;Karl Ek")


JSON_COMMANDS = [
    ["plan", "list", "--json"],
    ["status", "--json"],
    ["handover", "2026-12-04", "--json"],
    ["reminders", "--json"],
    ["config", "list", "--json"],
    ["journal", "list", "--json"],
    ["insights", "--json"],
    ["team", "--json"],
    ["sync", "--json"],
]


def test_json_and_version_do_not_change_with_the_language(ah: Run) -> None:
    _pair(ah)
    ah("sync")  # the feed file now holds the days: later syncs report the same "in sync"
    english = {tuple(c): ah(*c).stdout for c in JSON_COMMANDS}
    version = ah("--version").stdout
    ah("config", "set", "ui.language", "sv")
    for c in JSON_COMMANDS:
        sv = ah(*c).stdout
        if c[:2] == ["config", "list"]:  # the one value the switch itself changed
            sv = sv.replace('"ui.language": "sv"', '"ui.language": ""')
        assert sv == english[tuple(c)], f"antihjalte {' '.join(c)} differs in Swedish"
    assert ah("--version").stdout == version == "antihjalte 0.1.0\n"


def test_locale_decides_when_the_setting_is_unset(ah: Run) -> None:
    assert "Inga antihjältedagar" in ah("plan", "list", LANG="sv_SE.UTF-8").stdout
    assert "No focus days" in ah("plan", "list", LANG="C.UTF-8").stdout
    ah("config", "set", "ui.language", "en")
    assert "No focus days" in ah("plan", "list", LANG="sv_SE.UTF-8").stdout  # the setting wins


# The CLI's own error paths (cli.py): (arguments, exit code).
CLI_ERRORS = [
    (["plan", "add", "blåbär"], 2),
    (["plan", "add", "2026-02-30"], 2),
    (["plan", "add", "2026-13-01"], 2),
    (["plan", "add", "1999-12-01"], 2),
    (["plan", "add", "fredag 5 december 2026"], 2),
    (["plan", "add", "2026-12-05"], 1),  # a Saturday
    (["plan", "add", "2026-12-25"], 1),  # juldagen
    (["plan", "add", "2026-11-02"], 1),  # in the past
    (["plan", "edit", "2026-12-08", "--note", "x"], 1),
    (["plan", "remove", "2026-12-08"], 1),
    (["plan", "move", "2026-12-08", "2026-12-09"], 1),
    (["handover", "2026-12-08"], 1),
    (["handover", "2026-12-04", "--task", "Ring Karl"], 2),
    (["handover", "2026-12-04", "--task", " ", "--to", "Karl"], 2),
    (["handover", "2026-12-04", "--check", "kaffe"], 2),
    (["handover", "2026-12-04", "--task-done", "99"], 2),
    (["config", "get", "ui.färg"], 2),
    (["config", "set", "holidays.country", "XQ"], 2),
    (["config", "set", "reminders.handover_time", "25:99"], 2),
    (["config", "set", "me.email", "inte-en-adress"], 2),
]


@pytest.mark.parametrize(("argv", "code"), CLI_ERRORS, ids=[" ".join(a) or "(none)" for a, _ in CLI_ERRORS])
def test_cli_errors_in_both_languages(ah: Run, argv: list[str], code: int) -> None:
    ah("plan", "add", "2026-12-04")
    en = ah(*argv, code=code).stderr
    ah("config", "set", "ui.language", "sv")
    sv = ah(*argv, code=code).stderr
    assert sv != en
    assert not english_in(sv), f"English left in: {sv}"
