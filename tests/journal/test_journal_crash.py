"""The journal survives SIGKILL: a real window typing at a steady pace is killed at
random moments; each time the database passes ``PRAGMA integrity_check`` (and the
FTS index its own check) and holds every character typed more than 2 s before the kill.

About 8 kills by default; ANTIHJALTE_FULL=1 runs the full 50.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.journal.crash_typist import expected_text

FULL = os.environ.get("ANTIHJALTE_FULL") == "1"
KILLS = 50 if FULL else 8
GRACE_S = 2.0


def _typed_before(log: Path, moment: float) -> int:
    best = 0
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and float(parts[0]) <= moment:
            best = max(best, int(parts[1]))
    return best


def _wait_started(proc: subprocess.Popen[bytes], log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and log.stat().st_size > 0:
            return
        if proc.poll() is not None:
            raise AssertionError(
                f"the typist exited early: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        time.sleep(0.02)
    raise AssertionError("the typist did not start")


@pytest.mark.integration
@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_two_seconds(home: Path, tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("ANTIHJALTE_SEED", str(time.time_ns()))))
    db = home / "data" / "journal.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for run in range(KILLS):
        marker = f"run{run}"
        log = tmp_path / f"typed-{run}.log"
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/journal/crash_typist.py"), "--home", str(home),
             "--log", str(log), "--marker", marker],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            _wait_started(proc, log)
            time.sleep(rng.uniform(0.05, 4.5))  # a random moment: starting, typing or saving
            killed_at = time.monotonic()
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait(timeout=30)
            if proc.stderr:
                proc.stderr.close()
        must_have = _typed_before(log, killed_at - GRACE_S)
        full = expected_text(marker)

        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"run {run}"
            conn.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")
            rows = conn.execute("SELECT body FROM entry WHERE body LIKE ?", (f"<{marker}>%",)).fetchall()
        finally:
            conn.close()
        assert len(rows) <= 1, f"run {run}: the entry was stored twice"
        body = rows[0][0] if rows else ""
        assert full.startswith(body), f"run {run}: the stored text is not what was typed"
        assert len(body) >= must_have, (
            f"run {run}: {must_have} characters were typed more than {GRACE_S} s before the kill, "
            f"only {len(body)} reached the database"
        )
