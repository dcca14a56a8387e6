"""A real X11 desktop with an XEmbed system tray for integration tests: Xvfb plus trayer
(the recipe in RECIPES.md), driven with xdotool and photographed with ImageMagick's import.

``x_tray`` (a pytest fixture) starts both on a free display and stops them after the test;
no process is left running. ``XTray.start_app`` starts the real app with the xcb platform.
"""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import require_tools
from tests.harness.session import wait_until

TOOLS = ("Xvfb", "xdpyinfo", "xwininfo", "trayer", "xdotool", "import")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "_artifacts"




@dataclass
class XTray:
    workdir: Path
    width: int = 1280
    height: int = 800
    display: str = ""
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            # No session bus: Qt then uses the XEmbed tray, and GTK tools do not autolaunch a bus.
            DBUS_SESSION_BUS_ADDRESS="disabled:",
        )
        env.pop("WAYLAND_DISPLAY", None)
        env.update(extra)
        return env

    def spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(argv, env=env or self.env(), stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self.procs.append(proc)
        return proc

    def start(self, *, tray: bool = True) -> None:
        """Xvfb (and trayer). Once in a full suite's run trayer could not open a display that
        xdpyinfo had just reached; then the whole desktop is started again on another display."""
        try:
            self._start_once(tray=tray)
        except AssertionError as first:
            if "trayer exited" not in str(first):
                raise
            self.stop()
            self._start_once(tray=tray)

    def _start_once(self, *, tray: bool) -> None:
        # A random high display number, and proof it is ours: Xvfb writes its pid into the
        # display's lock file. Other test runs on this machine start their own X servers.
        for _ in range(20):
            n = random.randint(300, 899)
            if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
                continue
            self.display = f":{n}"
            argv = [
                "Xvfb",
                self.display,
                "-screen",
                "0",
                f"{self.width}x{self.height}x24",
                "-nolisten",
                "tcp",
            ]
            xvfb = self.spawn("xvfb", argv)
            # On a loaded machine (both cores busy with other suites) Xvfb can take seconds.
            with contextlib.suppress(AssertionError):
                wait_until(
                    lambda x=xvfb: x.poll() is not None or (self._owns(x) and self._x_up()), 30, "Xvfb"
                )
            if xvfb.poll() is None and self._owns(xvfb) and self._x_up():
                break
            self._end(xvfb)
            self.procs.remove(xvfb)
        else:
            raise AssertionError(
                f"Xvfb would not start: {(self.workdir / 'xvfb.log').read_text(errors='replace')}"
            )
        if not tray:
            return
        trayer = self.spawn(
            "trayer",
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32"],
        )
        # trayer names its panel "panel" once it has mapped it; its selection window comes first.
        try:
            wait_until(
                lambda: (
                    trayer.poll() is not None or self.xdotool("search", "--classname", "trayer", check=False)
                ),
                30,
                "trayer",
            )
        finally:
            if trayer.poll() is not None:
                log = (self.workdir / "trayer.log").read_text(errors="replace")
                raise AssertionError(f"trayer exited ({trayer.returncode}): {log[-1000:]}")

    def _owns(self, xvfb: subprocess.Popen[bytes]) -> bool:
        try:
            return Path(f"/tmp/.X{self.display[1:]}-lock").read_text().strip() == str(xvfb.pid)
        except OSError:
            return False

    @staticmethod
    def _end(proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def _x_up(self) -> bool:
        return subprocess.run(["xdpyinfo"], env=self.env(), capture_output=True).returncode == 0

    def xdotool(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run(["xdotool", *args], env=self.env(), capture_output=True, text=True, timeout=20)
        if check and proc.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)}: {proc.stderr.strip()}")
        return proc.stdout.strip()

    def panel(self) -> str:
        """The trayer panel window id (empty until it is mapped)."""
        return self.xdotool("search", "--name", "^panel$", check=False).split("\n")[0]

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        vals = dict(
            line.split("=", 1) for line in self.xdotool("getwindowgeometry", "--shell", window).splitlines()
        )
        return int(vals["X"]), int(vals["Y"]), int(vals["WIDTH"]), int(vals["HEIGHT"])

    def icon_embedded(self) -> bool:
        """The app's icon window sits inside the panel (XEmbed done)."""
        panel = self.panel()
        if not panel:
            return False
        out = subprocess.run(
            ["xwininfo", "-tree", "-id", panel], env=self.env(), capture_output=True, text=True
        ).stdout
        return "antihjalte" in out

    def icon_center(self) -> tuple[int, int]:
        x, y, w, h = self.geometry(self.panel())
        return x + w // 2, y + h // 2

    def click_icon(self, button: int) -> None:
        x, y = self.icon_center()
        self.xdotool("mousemove", str(x), str(y), "click", str(button))

    def windows(self, name: str) -> list[str]:
        out = self.xdotool("search", "--onlyvisible", "--name", name, check=False)
        return [w for w in out.splitlines() if w]

    def screenshot(self, path: Path, window: str | None = None, crop: str | None = None) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        argv = ["import", "-window", window or "root"]
        if crop:
            argv += ["-crop", crop]
        subprocess.run([*argv, str(path)], env=self.env(), check=True, capture_output=True, timeout=30)
        return path

    def start_app(
        self, home: Path, *args: str, now: str | None = None, **env: str
    ) -> subprocess.Popen[bytes]:
        extra = {"ANTIHJALTE_HOME": str(home), **env}
        if now:
            extra["ANTIHJALTE_NOW"] = now
        return self.spawn(
            f"app-{len(self.procs)}",
            [sys.executable, "-m", "antihjalte_desktop", *args],
            env=self.env(**extra),
        )

    def run_app(
        self, home: Path, *args: str, now: str | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        extra = {"ANTIHJALTE_HOME": str(home), **env}
        if now:
            extra["ANTIHJALTE_NOW"] = now
        return subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", *args],
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=60,
        )

    def stop(self) -> None:
        for proc in reversed(self.procs):
            self._end(proc)
        self.procs.clear()


def _session(tmp_path: Path, *, tray: bool) -> Iterator[XTray]:
    require_tools(*TOOLS)
    session = XTray(tmp_path / "x")
    session.workdir.mkdir()
    try:
        session.start(tray=tray)
        yield session
    finally:
        session.stop()


@pytest.fixture
def x_tray(tmp_path: Path) -> Iterator[XTray]:
    """Xvfb with trayer: a desktop with an XEmbed system tray."""
    yield from _session(tmp_path, tray=True)


@pytest.fixture
def x_no_tray(tmp_path: Path) -> Iterator[XTray]:
    """Xvfb alone: a desktop without any system tray (like GNOME without the AppIndicator extension)."""
    yield from _session(tmp_path, tray=False)
