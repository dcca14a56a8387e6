"""Idle cost: voluntary wakeups per minute of the tray app with the next reminder days
away, against a bare PySide6 tray script, both left running side by side on the same
desktop session (Xvfb, session D-Bus, gtk-sni-tray, dunst; see tests/harness/session.py).

A voluntary context switch is the process going to sleep; each one follows a wakeup,
so their rate is the process's wakeup rate. All threads are counted.

    .venv/bin/python benchmarks/bench_idle.py              # 60 s of measurement
    ANTIHJALTE_FULL=1 .venv/bin/python benchmarks/bench_idle.py   # 300 s
    .venv/bin/python benchmarks/bench_idle.py --seconds 120 --json out.json

Goal (issue 5): the app wakes no more than the bare script; its own timers fire at
most once per 15 minutes (the clock guard), the reminder timer only when one is due.

``bench_startup.py`` (the tray's benchmark) also measures idle wakeups, on an XEmbed tray
(trayer) without a session bus. This one measures the desktop the reminders are made for:
a StatusNotifierItem tray and a notification server on a session D-Bus, with the reminder
service running, and it follows threads that come and go. ``benchmarks/run.py idle`` runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.harness.session import DesktopSession, wait_until  # noqa: E402

BARE_TRAY = """
import sys
from PySide6.QtGui import QIcon, QPixmap, QColor
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
app = QApplication(sys.argv)
app.setQuitOnLastWindowClosed(False)
pix = QPixmap(32, 32)
pix.fill(QColor("#3f6e5a"))
tray = QSystemTrayIcon(QIcon(pix))
menu = QMenu()
menu.addAction("Quit", app.quit)
tray.setContextMenu(menu)
tray.show()
print("ready", flush=True)
sys.exit(app.exec())
"""


def thread_switches(pid: int) -> dict[int, int]:
    """Voluntary context switches of each live thread of ``pid``."""
    out: dict[int, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    out[int(task.name)] = int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that just ended
    return out


class WakeupCounter:
    """Sums the growth of every thread's count, sampled each second, so threads that
    come and go (Qt's thread pool retires idle threads after 30 s) are counted too.
    Reading /proc does not wake the process measured."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.last = thread_switches(pid)
        self.total = 0

    def sample(self) -> None:
        now = thread_switches(self.pid)
        for tid, count in now.items():
            self.total += count - self.last.get(tid, 0)
        self.last = now


def plan_far_day(home: Path) -> date:
    """Plan the first workday at least 7 days ahead (real clock), so no reminder is near."""
    env = dict(os.environ, ANTIHJALTE_HOME=str(home))
    env.pop("ANTIHJALTE_NOW", None)
    day = date.today() + timedelta(days=7)
    for _ in range(30):
        out = subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", "plan", "add", day.isoformat()],
            env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if out.returncode == 0:
            return day
        day += timedelta(days=1)
    raise SystemExit("could not plan a day to measure with")


def change_from_the_cli(home: Path, day: date, log: Path) -> None:
    """Plan another day and change a setting with the command line while the app runs, and wait
    until the app has followed (its reminder timer re-aimed for the plan change)."""
    env = dict(os.environ, ANTIHJALTE_HOME=str(home))
    env.pop("ANTIHJALTE_NOW", None)
    before = log.read_text().count("re-aimed (plan changed)")
    other = day + timedelta(days=7)
    while other.weekday() >= 5:
        other += timedelta(days=1)
    changes = (["plan", "add", other.isoformat(), "--force"], ["config", "set", "cadence.every_weeks", "3"])
    for args in changes:
        subprocess.run([sys.executable, "-m", "antihjalte_desktop", *args], env=env, check=True,
                       capture_output=True, timeout=60)  # fmt: skip
    followed = lambda: log.read_text().count("re-aimed (plan changed)") > before  # noqa: E731
    wait_until(followed, 10, "the app following the CLI")


def measure(seconds: float, settle: float = 10.0, after_change: bool = False) -> dict[str, Any]:
    """Run both side by side on a fresh desktop session for ``seconds``; the figures. With
    ``after_change`` the command line changes the plan and a setting first (the app follows it)."""
    with tempfile.TemporaryDirectory(prefix="antihjalte-idle-") as tmp:
        base = Path(tmp)
        (base / "session").mkdir()
        home = base / "home"
        day = plan_far_day(home)
        session = DesktopSession(base / "session")
        old_runtime = os.environ.get("XDG_RUNTIME_DIR")
        os.environ["XDG_RUNTIME_DIR"] = str(base / "session")
        try:
            session.start()
            env = session.env(NO_AT_BRIDGE="1")
            env.pop("ANTIHJALTE_NOW", None)
            bare = session.spawn("bare-tray", [sys.executable, "-c", BARE_TRAY], env=env)
            argv = [sys.executable, "-m", "antihjalte_desktop", "--home", str(home), "--autostart"]
            app = session.spawn("app", argv, env=env)
            log = home / "logs" / "antihjalte.log"
            started = lambda: log.exists() and "re-aimed (start)" in log.read_text()  # noqa: E731
            wait_until(started, 60, "the reminder service")
            aimed = next(line for line in log.read_text().splitlines() if "re-aimed (start)" in line)
            if after_change:
                change_from_the_cli(home, day, log)
            time.sleep(settle)
            for proc in (bare, app):
                if proc.poll() is not None:
                    raise RuntimeError(f"a process ended early ({proc.args}); see {session.dir}")
            counters = {"app": WakeupCounter(app.pid), "bare": WakeupCounter(bare.pid)}
            t0 = time.monotonic()
            while time.monotonic() - t0 < seconds:
                time.sleep(1.0)
                for c in counters.values():
                    c.sample()
            elapsed = time.monotonic() - t0
            text = log.read_text()
            fired = text.count("re-aimed (timer)") + text.count("re-aimed (clock jump)")
        finally:
            session.stop()
            if old_runtime is None:
                os.environ.pop("XDG_RUNTIME_DIR", None)
            else:
                os.environ["XDG_RUNTIME_DIR"] = old_runtime

    per_min = {k: c.total * 60.0 / elapsed for k, c in counters.items()}
    return {
        "seconds": round(elapsed, 1),
        "planned_day": day.isoformat(),
        "aimed": aimed.split(": ", 1)[-1],
        "wakeups_per_minute": {k: round(v, 2) for k, v in per_min.items()},
        "ratio_app_to_bare": round(per_min["app"] / per_min["bare"], 2) if per_min["bare"] else None,
        "reminder_timer_fired": fired,
        "after_change": after_change,
    }


def default_seconds() -> float:
    return 300.0 if os.environ.get("ANTIHJALTE_FULL") == "1" else 60.0


def run() -> list[dict[str, Any]]:
    """Rows for ``benchmarks/run.py``."""
    rows: list[dict[str, Any]] = []
    for after_change in (False, True):
        r = measure(default_seconds(), after_change=after_change)
        app, bare = r["wakeups_per_minute"]["app"], r["wakeups_per_minute"]["bare"]
        when = "after a CLI change" if after_change else "idle"
        rows += [
            {"name": f"{when}: wakeups/min, SNI+dunst session, {r['seconds']:.0f} s", "value": app,
             "unit": "/min", "goal": f"<= bare ({bare:.2f})", "ok": app <= bare},
            {"name": f"{when}: wakeups/min, bare PySide6 tray", "value": bare, "unit": "/min"},
            {"name": f"{when}: reminder timer fired", "value": r["reminder_timer_fired"], "goal": "0",
             "ok": r["reminder_timer_fired"] == 0},
        ]  # fmt: skip
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=default_seconds(), help="measuring time")
    ap.add_argument("--settle", type=float, default=10.0, help="seconds to let start-up work finish first")
    ap.add_argument("--json", type=Path, help="also write the result here")
    ap.add_argument("--after-change", action="store_true", help="first change the plan and a setting (CLI)")
    args = ap.parse_args()
    result = measure(args.seconds, args.settle, args.after_change)
    per_min = result["wakeups_per_minute"]
    print(
        f"idle for {result['seconds']:.0f} s{' after a CLI change' if args.after_change else ''}, "
        f"next reminder for {result['planned_day']} ({result['aimed']})"
    )
    print(f"  bare PySide6 tray script: {per_min['bare']:.2f} wakeups/min")
    print(
        f"  antihjalte tray app:      {per_min['app']:.2f} wakeups/min  (ratio {result['ratio_app_to_bare']})"
    )
    print(f"  reminder timer fired:     {result['reminder_timer_fired']} times")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
