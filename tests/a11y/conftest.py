"""The real app under Xvfb with a session D-Bus and the AT-SPI bus, driven through tests/a11y/run_app.py.

``A11ySession.cmd("open planner")`` opens a window through the App; ``walk()`` reads the app's
accessibility tree with pyatspi, run by the SYSTEM python3 (tests/a11y/walker.py) as a screen
reader would; ``key(...)`` types on the real window with xdotool; ``cli(...)`` runs `antihjalte`
on the same profile. One session per language and test module; every process is stopped after.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require, require_tools
from tests.harness.session import wait_until
from tests.harness.xvfb import ARTIFACTS, XTray
from tests.ui.conftest import holiday_cache, make_app, profile  # noqa: F401 - the offscreen tests' fixtures

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
APP_NAME = "antihjalte"  # QCoreApplication.applicationName(): the app's name on the AT-SPI bus
NOW = "2026-11-30T09:00:00+01:00"  # a Monday


def pyatspi_available() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    proc = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return proc.returncode == 0


class A11ySession:
    def __init__(self, workdir: Path, language: str, *, scale: str | None = None, size=(1280, 800)) -> None:
        self.workdir = workdir
        self.language = language
        self.home = workdir / "profile"
        self.home.mkdir(parents=True)
        self.x = XTray(workdir / "x", width=size[0], height=size[1])
        self.x.workdir.mkdir(parents=True)
        self.scale = scale
        self.bus: subprocess.Popen[str] | None = None
        self.bus_address = ""
        self.app: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str] = queue.Queue()

    # -- the environment of every process of this session ----------------------------------------
    def env(self, **extra: str) -> dict[str, str]:
        user = self.workdir / "userhome"
        env = self.x.env(
            DBUS_SESSION_BUS_ADDRESS=self.bus_address,
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            NO_AT_BRIDGE="0",
            ANTIHJALTE_HOME=str(self.home),
            ANTIHJALTE_NOW=NOW,
            HOME=str(user),
            XDG_CONFIG_HOME=str(user / ".config"),
            XDG_DATA_HOME=str(user / ".local/share"),
            XDG_CACHE_HOME=str(user / ".cache"),
            XDG_STATE_HOME=str(user / ".local/state"),
            XDG_RUNTIME_DIR=str(self.workdir / "run"),
            TZ="Europe/Stockholm",
            LANG="C.UTF-8",
        )
        for k in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "QT_SCALE_FACTOR"):
            env.pop(k, None)
        env.update(extra)
        return env

    def start(self) -> None:
        (self.workdir / "run").mkdir(mode=0o700, exist_ok=True)
        self.x.start(tray=False)
        self.bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=self.env(),
        )  # fmt: skip
        assert self.bus.stdout is not None
        self.bus_address = self.bus.stdout.readline().strip()
        assert self.bus_address, "dbus-daemon printed no address"
        self.cli("config", "set", "ui.language", self.language, check=True)
        extra = {"QT_SCALE_FACTOR": self.scale} if self.scale else {}
        log = open(self.workdir / "app.log", "w")  # noqa: SIM115 - closed with the process
        self.app = subprocess.Popen(
            [sys.executable, str(HERE / "run_app.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
            env=self.env(**extra), cwd=ROOT,
        )  # fmt: skip
        log.close()
        threading.Thread(target=self._read, daemon=True).start()
        first = self._next(60)
        assert json.loads(first).get("ready"), first

    def _read(self) -> None:
        assert self.app is not None and self.app.stdout is not None
        for line in self.app.stdout:
            self._lines.put(line)

    def _next(self, timeout: float) -> str:
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"the app did not answer: {self.log()[-2000:]}") from None

    def log(self) -> str:
        return (self.workdir / "app.log").read_text(errors="replace")

    def cmd(self, line: str) -> dict[str, Any]:
        assert self.app is not None and self.app.stdin is not None
        self.app.stdin.write(line + "\n")
        self.app.stdin.flush()
        reply: dict[str, Any] = json.loads(self._next(60))
        assert "error" not in reply, f"{line}: {reply['error']}\n{self.log()[-2000:]}"
        return reply

    def walk(self) -> list[dict[str, Any]]:
        proc = subprocess.run(
            [SYSTEM_PYTHON, str(HERE / "walker.py"), APP_NAME, "20"],
            capture_output=True, text=True, env=self.env(), timeout=120,
        )  # fmt: skip
        assert proc.returncode == 0, f"walker: {proc.stdout[-1000:]} {proc.stderr[-2000:]}"
        windows: list[dict[str, Any]] = json.loads(proc.stdout)["windows"]
        return windows

    def cli(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        env = self.env()
        env.pop("DISPLAY", None)
        proc = subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", *args],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        if check and proc.returncode != 0:
            raise AssertionError(f"antihjalte {' '.join(args)}: {proc.stderr}")
        return proc

    def cli_json(self, *args: str) -> Any:
        return json.loads(self.cli(*args, "--json", check=True).stdout)

    def key(self, wid: int, *keys: str) -> None:
        for k in keys:
            self.x.xdotool("key", "--clearmodifiers", "--window", str(wid), k)

    def type(self, wid: int, text: str) -> None:
        self.x.xdotool("type", "--window", str(wid), "--delay", "20", text)

    def screenshot(self, name: str) -> Path:
        return self.x.screenshot(ARTIFACTS / name)

    def stop(self) -> None:
        if self.app is not None:
            if self.app.poll() is None:
                try:
                    self.cmd("quit")
                    self.app.wait(20)
                except (AssertionError, OSError, subprocess.TimeoutExpired, ValueError):
                    self.app.kill()
                    self.app.wait()
            for stream in (self.app.stdin, self.app.stdout):
                if stream is not None:
                    stream.close()
        if self.bus is not None:
            self.bus.terminate()
            try:
                self.bus.wait(5)
            except subprocess.TimeoutExpired:
                self.bus.kill()
                self.bus.wait()
            if self.bus.stdout is not None:
                self.bus.stdout.close()
        self.x.stop()


def start_session(tmp: Path, language: str, **kw: Any) -> Iterator[A11ySession]:
    require_tools("Xvfb", "xdpyinfo", "xdotool", "import", "dbus-daemon")
    launcher = shutil.which("at-spi-bus-launcher") or "/usr/libexec/at-spi-bus-launcher"
    require(Path(launcher).exists(), "needs at-spi2-core (bash tests/run.sh installs it)")
    require(pyatspi_available(), "needs python3-pyatspi for /usr/bin/python3 (bash tests/run.sh installs it)")
    s = A11ySession(tmp, language, **kw)
    try:
        s.start()
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="module", params=["sv", "en"])
def a11y(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[A11ySession]:
    """The real app in Swedish, then in English, with the AT-SPI bus up."""
    yield from start_session(tmp_path_factory.mktemp(f"a11y-{request.param}"), request.param)


def wait_for(check: Any, what: str, timeout: float = 20) -> Any:
    return wait_until(check, timeout, what)

