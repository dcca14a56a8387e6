"""The real `antihjalte` app process, offscreen (no tray): --self-test and one instance per profile."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Cli


def start_app(cli: Cli, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "antihjalte_desktop", *args],
        env=cli.env(QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_owner(home: Path, proc: subprocess.Popen[str], timeout: float = 20) -> None:
    """Until the app holds the profile's lock file (it is then listening)."""
    lock = home / "data" / "app.lock"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if lock.exists() and lock.read_text(errors="replace").split("\n", 1)[0].strip() == str(proc.pid):
            time.sleep(0.2)
            return
        time.sleep(0.05)
    raise AssertionError("the app never took the profile")


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.communicate(timeout=10)  # also closes the pipes
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


def test_self_test_offscreen_reports_and_exits_0(cli: Cli) -> None:
    proc = cli("--self-test", env=cli.env(QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "schema version: " in out
    assert "translation: en" in out
    assert "tray: none: fallback window shown" in out
    assert "next reminder: none" in out
    assert out.rstrip().splitlines()[-1].startswith("ready in ")


def test_self_test_in_swedish_with_a_planned_day(cli: Cli) -> None:
    cli("plan", "add", "2026-12-04", check=True)
    proc = cli("--self-test", env=cli.env(QT_QPA_PLATFORM="offscreen", LANG="sv_SE.UTF-8"))
    assert proc.returncode == 0, proc.stderr
    assert "translation: sv ('Ingen antihjältedag planerad' loaded)" in proc.stdout
    assert "next reminder: 2026-12-03 14:00 handover for 2026-12-04" in proc.stdout


def test_self_test_fails_with_the_reason(cli: Cli, home: Path) -> None:
    (home / "data").mkdir(parents=True)
    (home / "data" / "antihjalte.sqlite3").write_bytes(b"this is not a database, not at all" * 100)
    proc = cli("--self-test", env=cli.env(QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode != 0
    assert "database" in proc.stderr.lower()


@pytest.mark.integration
def test_second_start_hands_over_to_the_first_and_a_crash_leaves_nothing_stale(cli: Cli, home: Path) -> None:
    first = start_app(cli, "--autostart")
    try:
        wait_for_owner(home, first)
        second = cli(env=cli.env(QT_QPA_PLATFORM="offscreen"))
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        assert first.poll() is None
        # A crash leaves the lock file and the socket behind; the next start must not mind.
        os.kill(first.pid, signal.SIGKILL)
        stop(first)
        assert (home / "data" / "app.lock").exists()
        third = start_app(cli, "--autostart")
        try:
            wait_for_owner(home, third)
            fourth = cli(env=cli.env(QT_QPA_PLATFORM="offscreen"))
            assert fourth.returncode == 0 and "already running" in fourth.stdout
        finally:
            stop(third)
    finally:
        stop(first)


def test_two_profiles_run_side_by_side(cli: Cli, tmp_path: Path) -> None:
    other = Cli(tmp_path / "other")
    (tmp_path / "other").mkdir()
    a = start_app(cli, "--autostart")
    b = start_app(other, "--autostart")
    try:
        wait_for_owner(cli.home, a)
        wait_for_owner(other.home, b)
        assert a.poll() is None and b.poll() is None
    finally:
        stop(a)
        stop(b)


def test_sigterm_ends_the_app_cleanly(cli: Cli, home: Path) -> None:
    """A log-out sends SIGTERM: the app quits through its own shutdown (exit 0), not killed mid-write."""
    app = start_app(cli, "--autostart")
    try:
        wait_for_owner(home, app)
        time.sleep(0.5)  # past _after_start, where the signal handling is set up
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=20)
        assert app.returncode == 0, err
        assert "signal received: quitting" in (home / "logs" / "antihjalte.log").read_text()
    finally:
        stop(app)
