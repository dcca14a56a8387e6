"""Shared fixtures: every test gets a fresh temporary profile, never the user's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ROOT = Path(__file__).resolve().parent.parent


def require(condition: bool, why: str) -> None:
    """Skip when a system part is missing, but under CI=true fail instead: nothing
    silently skips in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required system part missing in CI: {why}")
    pytest.skip(why)


def require_tools(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    require(not missing, f"needs {', '.join(missing)} (bash tests/run.sh installs them)")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real profile, keyring or clock."""
    monkeypatch.setenv("HOME", str(tmp_path / "userhome"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "userhome" / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "userhome" / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "userhome" / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "userhome" / ".local" / "state"))
    monkeypatch.delenv("ANTIHJALTE_HOME", raising=False)
    monkeypatch.delenv("ANTIHJALTE_NOW", raising=False)
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Every test starts and ends with the core's messages in English: a Swedish app or command
    run in this process must not leave its language to the next test."""
    from antihjalte_desktop.core import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh profile directory (for --home / ANTIHJALTE_HOME)."""
    h = tmp_path / "profile"
    h.mkdir()
    return h


class Cli:
    """Runs the real `antihjalte` command in a subprocess against one profile."""

    def __init__(self, home: Path, now: str | None = "2026-11-30T09:00:00+01:00") -> None:
        self.home = home
        self.now = now

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env["ANTIHJALTE_HOME"] = str(self.home)
        if self.now:
            env["ANTIHJALTE_NOW"] = self.now
        env.update(extra)
        return env

    def __call__(self, *args: str, input: str | None = None, check: bool = False,
                 env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", *args],
            input=input, capture_output=True, text=True, env=env or self.env(), timeout=60, **kw,  # type: ignore[call-overload]
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"antihjalte {' '.join(args)} -> {proc.returncode}\n{proc.stderr}")
        return proc


@pytest.fixture
def cli(home: Path) -> Cli:
    """`cli("plan", "add", ...)`: the real command, Monday 30 November 2026 09:00 by default."""
    return Cli(home)
