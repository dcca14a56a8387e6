"""The CLI stays light: no Qt ever, and the `holidays` package only when a year's
dates are not cached yet."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT, Cli
from .conftest import Run

PROBE = """
import contextlib, io, json, sys
from antihjalte_desktop.cli import main
codes = []
for argv in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        codes.append(main(argv))
heavy = ("PySide6", "shiboken6", "holidays", "icalendar", "keyring", "platformdirs")
print(json.dumps({"codes": codes, "loaded": sorted({m.split(".")[0] for m in sys.modules} & set(heavy))}))
"""


def probe(cli: Cli, *argvs: list[str]) -> dict[str, list[object]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(argvs))],
        capture_output=True,
        text=True,
        env=cli.env(),
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_commands_never_import_qt(cli: Cli) -> None:
    out = probe(
        cli,
        ["plan", "add", "fri", "--cover", "Anna"],
        ["plan", "list", "--json"],
        ["status"],
        ["handover", "fri", "--check", "phone", "--json"],
        ["autoreply", "fri", "--lang", "sv"],
        ["reminders", "--json"],
        ["config", "list"],
        ["config", "set", "me.name", "Kim"],
        ["--version"],
    )
    assert out["codes"] == [0] * 9
    assert "PySide6" not in out["loaded"] and "shiboken6" not in out["loaded"]
    assert "icalendar" not in out["loaded"] and "keyring" not in out["loaded"]


def test_help_does_not_import_qt(cli: Cli) -> None:
    code = (
        "import sys\nfrom antihjalte_desktop.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT', file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli.env(), timeout=60
    )
    assert "plan" in proc.stdout and proc.stderr.strip() == "NOQT"


_QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.M)


def test_no_qt_import_outside_ui_and_app() -> None:
    pkg = ROOT / "antihjalte_desktop"
    offenders = []
    for f in sorted(pkg.rglob("*.py")):
        rel = f.relative_to(pkg).as_posix()
        if rel == "app.py" or rel.startswith("ui/"):
            continue
        if _QT_IMPORT.search(f.read_text("utf-8")):
            offenders.append(rel)
    assert offenders == []


def test_qt_import_check_would_catch_one(tmp_path: Path) -> None:
    assert _QT_IMPORT.search("import os\n    from PySide6.QtCore import QTimer\n")
    assert _QT_IMPORT.search("import PySide6\n")
    assert not _QT_IMPORT.search("# PySide6 is only in ui/\ntext = 'import PySide6'\n")


def test_holiday_cache_and_light_plan_list(cli: Cli, ah: Run, home: Path) -> None:
    ah("plan", "add", "fri")
    cache = home / "cache" / "holidays" / "SE-2026-v1.json"
    assert cache.exists()
    assert json.loads(cache.read_text())["2026-12-24"] == ["Julafton", "Christmas Eve"]
    out = probe(cli, ["plan", "list", "--json"], ["plan", "list"])
    assert out["codes"] == [0, 0]
    assert "holidays" not in out["loaded"]
    # Once a year is cached, even planning and reminders do without the package.
    out = probe(cli, ["plan", "add", "2026-12-11"], ["reminders"], ["status"])
    assert out["codes"] == [0, 0, 0]
    assert "holidays" not in out["loaded"]
    # A year not cached yet loads it once and caches it.
    out = probe(cli, ["plan", "add", "2027-01-08"])
    assert out["codes"] == [0] and "holidays" in out["loaded"]
    assert (home / "cache" / "holidays" / "SE-2027-v1.json").exists()


def test_plan_list_opens_only_the_plan_store(cli: Cli, ah: Run) -> None:
    """`plan list` is the command people run most (and the benchmark's): it must not pull
    in the profile, settings, reminder or holiday code."""
    ah("plan", "add", "fri")
    code = (
        "import contextlib, io, sys\nfrom antihjalte_desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    rc = main(['plan', 'list', '--json'])\n"
        "names = ['antihjalte_desktop.store.profile', 'antihjalte_desktop.store.settings',\n"
        "         'antihjalte_desktop.core.reminders', 'antihjalte_desktop.core.autoreply',\n"
        "         'antihjalte_desktop.store.holidays_cache', 'holidays', 'logging', 'secrets']\n"
        "print(rc, sorted(n for n in names if n in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli.env(), timeout=60
    )
    assert proc.stdout.strip() == "0 []", proc.stdout + proc.stderr
