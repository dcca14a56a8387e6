"""A real profile with a year of history, built through the real `antihjalte` command with
the clock set back (ANTIHJALTE_NOW), shared by the CLI, window and export tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..conftest import Cli

SECRET_NOTE = "hemlig anteckning om Bertil"
SECRET_TASK = "ring kunden om avtalet"
SECRET_JOURNAL = "dagboken säger något privat"
# "now" for reading the insights: Wednesday 1 April 2026
NOW = "2026-04-01T09:00:00+02:00"


def run(cli: Cli, *args: str, now: str, code: int = 0, **env: str) -> subprocess.CompletedProcess[str]:
    e = cli.env(ANTIHJALTE_NOW=now, **env)
    proc = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", *args],
        capture_output=True,
        text=True,
        env=e,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == code, f"antihjalte {' '.join(args)} -> {proc.returncode}\n{proc.stderr}"
    return proc


def build_history(cli: Cli) -> None:
    """Three days kept (one moved), one removed, one ahead; three tasks (one taken back);
    two journal entries linked to the first day."""
    jan5, jan12, jan20 = "2026-01-05T09:00:00+01:00", "2026-01-12T09:00:00+01:00", "2026-01-20T09:00:00+01:00"
    run(cli, "config", "set", "me.name", "Kim Lund", now=jan5)
    run(cli, "plan", "add", "2026-01-09", "--note", SECRET_NOTE, "--cover", "Anna", now=jan5)
    run(cli, "plan", "add", "2026-02-06", now=jan5)
    run(cli, "plan", "add", "2026-03-06", now=jan5)
    run(cli, "handover", "2026-01-09", "--task", SECRET_TASK, "--to", "Olle", now=jan5)
    run(cli, "handover", "2026-01-09", "--task", "svara på mejlen", "--to", "Olle", now=jan5)
    run(cli, "handover", "2026-01-09", "--task", "möte", "--to", "Anna Berg", now=jan5)
    run(
        cli,
        "journal",
        "add",
        "--date",
        "2026-01-09",
        "--focus-day",
        "2026-01-09",
        SECRET_JOURNAL,
        now="2026-01-09T16:00:00+01:00",
    )
    run(
        cli,
        "journal",
        "add",
        "--date",
        "2026-01-09",
        "--focus-day",
        "2026-01-09",
        "en rad till",
        now="2026-01-09T16:30:00+01:00",
    )
    run(cli, "journal", "add", "--date", "2026-01-12", "inte kopplad", now=jan12)
    run(cli, "handover", "2026-01-09", "--task-back", "1", now=jan12)
    run(cli, "handover", "2026-02-06", "--check", "phone", "--task", "bevaka", "--to", "Anna Berg", now=jan20)
    run(cli, "plan", "move", "2026-02-06", "2026-02-13", now=jan20)
    run(cli, "plan", "remove", "2026-03-06", now=jan20)
    run(cli, "plan", "add", "2026-03-13", now=jan20)
    run(cli, "plan", "add", "2026-04-10", now="2026-03-20T09:00:00+01:00")


def insights(cli: Cli, *args: str, now: str = NOW) -> Any:
    return json.loads(run(cli, "insights", "--json", *args, now=now).stdout)


def read(path: Path) -> bytes:
    return path.read_bytes()
