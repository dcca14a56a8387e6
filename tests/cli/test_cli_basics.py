"""--version, --help, and where a profile lives (--home, ANTIHJALTE_HOME, platformdirs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from antihjalte_desktop import version

from ..conftest import Cli
from .conftest import Run


def test_version_and_help(ah: Run) -> None:
    assert ah("--version").stdout == f"antihjalte {version()}\n"
    assert version() != "0+unknown"  # installed: the version comes from the package metadata
    out = ah("--help").stdout
    for cmd in ("plan", "status", "handover", "autoreply", "reminders", "config", "--home"):
        assert cmd in out
    assert "--force" in ah("plan", "add", "--help").stdout


def test_entry_point_script_is_the_same_command(cli: Cli) -> None:
    script = Path(sys.executable).with_name("antihjalte")
    proc = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, env=cli.env(), timeout=60
    )
    assert proc.returncode == 0 and proc.stdout == f"antihjalte {version()}\n"


def test_home_option_and_env_keep_profiles_apart(tmp_path: Path, cli: Cli) -> None:
    anna, erik = tmp_path / "anna", tmp_path / "erik"
    env = cli.env()
    env.pop("ANTIHJALTE_HOME")

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        e = dict(env, **extra)
        return subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", *args],
            capture_output=True,
            text=True,
            env=e,
            timeout=60,
        )

    assert run("--home", str(anna), "plan", "add", "fri").returncode == 0
    assert run("plan", "add", "2026-12-11", ANTIHJALTE_HOME=str(erik)).returncode == 0
    assert run("--home", str(erik), "config", "set", "me.name", "Erik").returncode == 0
    anna_days = json.loads(run("plan", "list", "--json", ANTIHJALTE_HOME=str(anna)).stdout)
    erik_days = json.loads(run("--home", str(erik), "plan", "list", "--json").stdout)
    assert [d["date"] for d in anna_days] == ["2026-12-04"]
    assert [d["date"] for d in erik_days] == ["2026-12-11"]
    assert run("--home", str(anna), "config", "get", "me.name").stdout == "\n"
    for home in (anna, erik):
        assert sorted(p.name for p in home.iterdir()) == ["cache", "config", "data", "logs"]
        assert (home / "data" / "antihjalte.sqlite3").exists()
    # --home wins over the environment.
    both = json.loads(run("--home", str(anna), "plan", "list", "--json", ANTIHJALTE_HOME=str(erik)).stdout)
    assert [d["date"] for d in both] == ["2026-12-04"]


def test_default_paths_from_platformdirs(cli: Cli) -> None:
    env = cli.env()
    env.pop("ANTIHJALTE_HOME")
    proc = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "plan", "add", "fri"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    data_home = Path(os.environ["XDG_DATA_HOME"])  # the test's temporary user home
    assert (data_home / "antihjalte" / "antihjalte.sqlite3").exists()
    assert (Path(os.environ["XDG_CACHE_HOME"]) / "antihjalte" / "holidays" / "SE-2026-v1.json").exists()
