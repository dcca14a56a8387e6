"""Issue 15, item 7: bad text is a usage or data error (exit 2 or 1, one line), never a crash (70).

Real subprocesses with real bytes: invalid UTF-8 on the command line and on standard input, lone
surrogates and deep nesting in settings.json and in a journal import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import Cli

BAD = b"Ol\xffle \xc3"  # not UTF-8: a stray byte and a cut-off character
DEEP = "[" * 100_000


def run(cli: Cli, *args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", *args],
        input=stdin, capture_output=True, env=cli.env(), timeout=60,
    )  # fmt: skip
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    assert proc.returncode != 70, err
    if proc.returncode:
        assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    return proc


@pytest.mark.parametrize(
    ("args", "names"),
    [
        ((b"config", b"set", b"me.name", BAD), "me.name"),
        ((b"plan", b"add", b"2026-12-02", b"--note", BAD), "--note"),
        ((b"plan", b"add", b"2026-12-02", b"--cover=" + BAD), "--cover"),
        ((b"journal", b"add", BAD), "journal"),
        ((b"feed", b"set", b"/tmp/" + BAD + b".ics"), "set"),
    ],
    ids=["config-set", "plan-note", "plan-cover", "journal-add", "feed-set"],
)
def test_invalid_utf8_arguments_are_a_usage_error(home: Path, args: tuple[bytes, ...], names: str) -> None:
    cli = Cli(home)
    proc = run(cli, *args)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "not valid UTF-8" in err and names in err
    assert cli("plan", "list").stdout.startswith("No focus days")
    assert cli("config", "get", "me.name").stdout.strip() == ""


@pytest.mark.parametrize(
    "args",
    [
        ("config", "set", "me.name", "-"),
        ("journal", "add", "-"),
        ("config", "set", "autoreply.template_sv", "-"),
    ],
)
def test_invalid_utf8_on_stdin_is_a_usage_error(home: Path, args: tuple[str, ...]) -> None:
    proc = run(Cli(home), *args, stdin=BAD)
    assert proc.returncode == 2 and b"standard input is not valid UTF-8" in proc.stderr


def test_one_trailing_newline_from_stdin_is_dropped_for_one_line_settings(home: Path) -> None:
    cli = Cli(home)
    assert run(cli, "config", "set", "me.name", "-", stdin=b"Olle\n").returncode == 0
    assert cli("config", "get", "me.name").stdout == "Olle\n"
    assert run(cli, "config", "set", "me.email", "-", stdin=b"olle@example.se\r\n").returncode == 0
    assert cli("config", "get", "me.email").stdout == "olle@example.se\n"
    # only one: a second line break is still a line break in a one-line setting
    proc = run(cli, "config", "set", "me.name", "-", stdin=b"Olle\n\n")
    assert proc.returncode == 2 and b"line break" in proc.stderr
    # a multi-line text keeps its line breaks
    assert run(cli, "config", "set", "autoreply.template_en", "-", stdin=b"Hi\n{name}\n").returncode == 0
    assert json.loads(cli("config", "list", "--json").stdout)["autoreply.template_en"] == "Hi\n{name}\n"


def test_lone_surrogate_and_deep_nesting_in_settings_json(home: Path) -> None:
    cli = Cli(home)
    settings = home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"me.name": "Olle \\ud800 Ek", "handover.items": ["a\\udfff"], "me.phone": "1"}')
    proc = run(cli, "config", "get", "me.phone")
    assert proc.returncode == 0 and proc.stdout == b"1\n"
    err = proc.stderr.decode()
    assert "me.name is not valid UTF-8 text" in err and "handover.items" in err and "ignored" in err
    assert cli("config", "get", "me.name").stdout.strip() == ""

    settings.write_text('{"me.name": ' + DEEP + "}")
    proc = run(cli, "status")
    assert proc.returncode == 1
    assert b"settings file" in proc.stderr and b"nested too deeply" in proc.stderr
    settings.write_bytes(b'{"me.name": "' + BAD + b'"}')
    proc = run(cli, "status")
    assert proc.returncode == 1 and b"not UTF-8 text" in proc.stderr
    assert b"codec" not in proc.stderr and b"0xff" not in proc.stderr


def test_deep_json_on_the_command_line(home: Path) -> None:
    proc = run(Cli(home), "config", "set", "team.roster", DEEP)
    assert proc.returncode == 2 and b"team.roster" in proc.stderr and b"nested too deeply" in proc.stderr


@pytest.mark.parametrize(
    "content",
    [
        '[{"date": "2026-11-30", "title": "x", "body": "a \\ud800 b"}]',
        '{"entries": [{"date": "2026-11-30", "body": "ok", "tags": ["\\udc80"]}]}',
        DEEP,
        '---\ntitle: "\\ud83d"\ndate: 2026-11-30\n---\nbody\n',
    ],
    ids=["json-body", "json-tag", "deep", "markdown-title"],
)
def test_bad_text_in_a_journal_import_is_a_data_error(home: Path, tmp_path: Path, content: str) -> None:
    cli = Cli(home)
    src = tmp_path / ("import.md" if content.startswith("---") else "import.json")
    src.write_text(content, encoding="utf-8")
    proc = run(cli, "journal", "import", str(src))
    assert proc.returncode == 1, proc.stderr
    assert b"cannot import" in proc.stderr
    assert cli("journal", "list").stdout.startswith("No journal entries")


def test_invalid_utf8_password_on_stdin_is_a_usage_error_and_never_echoed(home: Path) -> None:
    cli = Cli(home)
    assert cli("feed", "set", "http://127.0.0.1:9/team.ics", "--user", "olle").returncode == 0
    proc = run(cli, "sync", "--password-stdin", stdin=b"hemligt\xff\n")
    assert proc.returncode == 2
    assert b"the password on standard input is not valid UTF-8" in proc.stderr
    assert b"hemligt" not in proc.stderr and b"hemligt" not in proc.stdout


def test_a_multi_line_text_from_windows_keeps_its_lines(home: Path) -> None:
    cli = Cli(home)
    assert run(cli, "config", "set", "autoreply.template_sv", "-", stdin=b"Hej\r\n{name}\r\n").returncode == 0
    assert json.loads(cli("config", "list", "--json").stdout)["autoreply.template_sv"] == "Hej\n{name}\n"
    proc = run(cli, "config", "set", "autoreply.template_sv", "-", stdin=b"Hej\x1b[2J{name}")
    assert proc.returncode == 2 and b"autoreply.template_sv" in proc.stderr and b"U+001B" in proc.stderr
