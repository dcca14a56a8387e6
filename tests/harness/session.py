"""A real desktop session for integration tests: Xvfb, a session D-Bus, a
StatusNotifierItem tray host with its watcher (gtk-sni-tray), a notification server
(dunst, with our own dunstrc) and dbus-monitor recording every Notify call.

Everything is started by the ``desktop_session`` fixture and stopped after, in
reverse order; nothing is left running. The recipe is the one in RECIPES.md.

``session.pick_action(label, summary, key)`` invokes a button of a notification
through dunst itself (``dunstctl context`` runs our dmenu script, which answers
with the menu line of that button), the way a user's click reaches the app.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import require_tools

TOOLS = ("Xvfb", "xdpyinfo", "dbus-daemon", "dbus-monitor", "dunst", "dunstctl", "gtk-sni-tray-standalone")

DUNSTRC = """\
[global]
    font = DejaVu Sans 11
    width = 460
    height = 300
    origin = top-right
    offset = 12x48
    padding = 12
    horizontal_padding = 14
    frame_width = 2
    frame_color = "#3f6e5a"
    separator_height = 2
    corner_radius = 6
    format = "<b>%s</b>\\n%b"
    markup = full
    word_wrap = yes
    show_indicators = yes
    icon_position = off
    dmenu = {dmenu}
    mouse_left_click = do_action, close_current
    always_run_script = false

[urgency_low]
    background = "#fbfaf5"
    foreground = "#1e2a24"
    timeout = 0

[urgency_normal]
    background = "#fbfaf5"
    foreground = "#1e2a24"
    timeout = 0

[urgency_critical]
    background = "#fbfaf5"
    foreground = "#1e2a24"
    frame_color = "#b5442b"
    timeout = 0
"""

# dunst's context menu: it pipes one line per action to this "dmenu" and invokes the
# line it gets back. The label to choose is read from a file the test writes.
DMENU = """#!/bin/sh
cat > "{dir}/dmenu-input.txt"
pick=$(cat "{dir}/pick" 2>/dev/null)
[ -n "$pick" ] || exit 1
grep -E -- "$pick" "{dir}/dmenu-input.txt" | head -n 1
: > "{dir}/dmenu-done"
"""


def wait_until(check: Callable[[], object], timeout: float, what: str, interval: float = 0.05) -> object:
    """Poll ``check`` until it returns something true; fail with ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def _ere_escape(text: str) -> str:
    """``text`` as a literal in a POSIX extended regular expression."""
    return "".join("\\" + c if c in ".[]()*+?{}|^$\\" else c for c in text)


@dataclass
class DesktopSession:
    dir: Path
    display: str = ""
    bus_address: str = ""
    procs: list[tuple[str, subprocess.Popen[bytes]]] = field(default_factory=list)
    monitor_log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.monitor_log = self.dir / "notify-monitor.log"

    # -- environment for children ---------------------------------------------------------
    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(DISPLAY=self.display, DBUS_SESSION_BUS_ADDRESS=self.bus_address, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        env.update(extra)
        return env

    def spawn(self, name: str, argv: list[str], **kw: object) -> subprocess.Popen[bytes]:
        log = open(self.dir / f"{name}.log", "wb")  # noqa: SIM115 - closed when the process ends
        proc = subprocess.Popen(  # type: ignore[call-overload]
            argv, stdout=kw.pop("stdout", log), stderr=log, env=kw.pop("env", self.env()),
            start_new_session=True, **kw,
        )  # fmt: skip
        log.close()
        self.procs.append((name, proc))
        return proc

    # -- start --------------------------------------------------------------------------------
    def start(self) -> None:
        try:
            self._start_all()
        except AssertionError as err:
            logs = "\n".join(
                f"--- {p.name}:\n{p.read_text(errors='replace')[-2000:]}"
                for p in sorted(self.dir.glob("*.log"))
            )
            raise AssertionError(f"{err}\n{logs}") from None

    def _start_all(self) -> None:
        self._start_xvfb()
        self._start_bus()
        self.spawn("sni-tray", ["gtk-sni-tray-standalone", "--watcher", "--bottom", "--end", "--size", "32"])
        wait_until(lambda: self.has_owner("org.kde.StatusNotifierWatcher"), 20, "the SNI watcher")
        dmenu = self.dir / "dmenu.sh"
        dmenu.write_text(DMENU.format(dir=self.dir))
        dmenu.chmod(0o755)
        rc = self.dir / "dunstrc"
        rc.write_text(DUNSTRC.format(dmenu=dmenu))
        self.spawn("dunst", ["dunst", "-config", str(rc)])
        wait_until(lambda: self.has_owner("org.freedesktop.Notifications"), 20, "dunst")
        with open(self.monitor_log, "wb") as out:
            self.spawn(
                "dbus-monitor", ["dbus-monitor", "interface='org.freedesktop.Notifications'"], stdout=out
            )
        wait_until(lambda: self.monitor_log.stat().st_size > 0, 10, "dbus-monitor")

    def _start_xvfb(self) -> None:
        r, w = os.pipe()
        self.spawn(
            "xvfb",
            ["Xvfb", "-displayfd", str(w), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
            pass_fds=(w,),
        )
        os.close(w)
        with os.fdopen(r) as f:
            number = f.readline().strip()
        if not number:
            raise AssertionError(f"Xvfb did not start: {(self.dir / 'xvfb.log').read_text()}")
        self.display = f":{number}"
        probe = ["xdpyinfo", "-display", self.display]
        wait_until(lambda: subprocess.run(probe, capture_output=True).returncode == 0, 10, "Xvfb")

    def _start_bus(self) -> None:
        proc = self.spawn(
            "dbus-daemon",
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
        )
        assert proc.stdout is not None
        self.bus_address = proc.stdout.readline().decode().strip()
        if not self.bus_address:
            raise AssertionError("dbus-daemon printed no address")

    # -- bus queries ----------------------------------------------------------------------------
    def has_owner(self, name: str) -> bool:
        from jeepney import message_bus
        from jeepney.io.blocking import open_dbus_connection

        try:
            with open_dbus_connection(self.bus_address) as conn:
                reply = conn.send_and_get_reply(message_bus.NameHasOwner(name), timeout=2)
            return bool(reply.body[0])
        except (OSError, TimeoutError):
            return False

    def sni_items(self) -> list[str]:
        """The StatusNotifierItems registered with the watcher (``service/path`` or ``service``)."""
        from jeepney import DBusAddress, Properties
        from jeepney.io.blocking import open_dbus_connection

        watcher = DBusAddress(
            "/StatusNotifierWatcher",
            bus_name="org.kde.StatusNotifierWatcher",
            interface="org.kde.StatusNotifierWatcher",
        )
        with open_dbus_connection(self.bus_address) as conn:
            reply = conn.send_and_get_reply(
                Properties(watcher).get("RegisteredStatusNotifierItems"), timeout=5
            )
        return list(reply.body[0][1])

    def sni_property(self, item: str, name: str) -> object:
        """A property of a StatusNotifierItem (``ToolTip``, ``Status``, ``IconName`` ...)."""
        from jeepney import DBusAddress, Properties
        from jeepney.io.blocking import open_dbus_connection

        service, _, path = item.partition("/")
        addr = DBusAddress("/" + path if path else "/StatusNotifierItem", bus_name=service,
                           interface="org.kde.StatusNotifierItem")  # fmt: skip
        with open_dbus_connection(self.bus_address) as conn:
            reply = conn.send_and_get_reply(Properties(addr).get(name), timeout=5)
        return reply.body[0][1]

    def menu_layout(self, item: str) -> list[dict[str, object]]:
        """The item's menu as a tray host reads it: dbusmenu ``GetLayout`` of the whole tree, with no
        ``AboutToShow`` first. Each entry: ``id``, ``label``, ``enabled``, ``type`` (``separator``)."""
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        path = self.sni_property(item, "Menu")
        service = item.partition("/")[0]
        addr = DBusAddress(str(path), bus_name=service, interface="com.canonical.dbusmenu")
        with open_dbus_connection(self.bus_address) as conn:
            reply = conn.send_and_get_reply(
                new_method_call(addr, "GetLayout", "iias", (0, -1, [])), timeout=5
            )
        _revision, (_root, _props, children) = reply.body
        entries = []
        for _sig, (ident, props, _sub) in children:
            flat = {k: v[1] for k, v in props.items()}
            entries.append(
                {
                    "id": ident,
                    "label": str(flat.get("label", "")),
                    "enabled": bool(flat.get("enabled", True)),
                    "type": str(flat.get("type", "standard")),
                }
            )
        return entries

    # -- dunst -----------------------------------------------------------------------------------
    def dunstctl(self, *args: str) -> str:
        out = subprocess.run(["dunstctl", *args], env=self.env(), capture_output=True, text=True, timeout=20)
        if out.returncode != 0:
            raise AssertionError(f"dunstctl {' '.join(args)}: {out.stderr}")
        return out.stdout.strip()

    def displayed(self) -> int:
        return int(self.dunstctl("count", "displayed") or 0)

    def pick_action(self, label: str, summary: str, key: str) -> str:
        """Invoke the button ``label`` (action ``key``) of the notification titled ``summary``
        through dunst's context menu, whose lines read ``#<label> (<summary>) [<id>,<key>]``;
        returns the whole menu dunst offered."""
        done = self.dir / "dmenu-done"
        done.unlink(missing_ok=True)
        line = f"#{label} ({summary}) ["
        (self.dir / "pick").write_text("^" + _ere_escape(line) + "[0-9]+," + _ere_escape(key) + r"\]$")
        self.dunstctl("context")  # returns at once; dunst runs the dmenu script on its own
        wait_until(done.exists, 10, "dunst's context menu (the dmenu script)")
        offered = (self.dir / "dmenu-input.txt").read_text()
        if line not in offered:
            raise AssertionError(f"dunst offered no {line!r}; its menu was:\n{offered}")
        return offered

    def notify_calls(self) -> list[str]:
        """The Notify method calls dbus-monitor saw, each as its text block."""
        text = self.monitor_log.read_text(errors="replace")
        blocks = text.split("\nmethod call ")
        return [b for b in blocks if "member=Notify" in b.split("\n", 1)[0]]

    def screenshot(self, path: Path) -> Path:
        require_tools("import")
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)], check=True, timeout=30
        )
        return path

    # -- stop ---------------------------------------------------------------------------------
    def stop(self) -> None:
        for _name, proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for name, proc in reversed(self.procs):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
            if proc.stdout is not None:
                proc.stdout.close()
            del name
        self.procs.clear()


@pytest.fixture
def desktop_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DesktopSession]:
    """Xvfb + session D-Bus + SNI tray host + dunst + dbus-monitor, all stopped after the test."""
    require_tools(*TOOLS)
    d = tmp_path / "session"
    d.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(d))  # dunst and friends keep their sockets here
    session = DesktopSession(d)
    try:
        session.start()
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.bus_address)
        yield session
    finally:
        session.stop()


def copy_artifact(src: Path, name: str) -> Path:
    """Keep a file (a screenshot) in tests/_artifacts/ for people to look at."""
    dest = Path(__file__).resolve().parents[1] / "_artifacts" / name
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    return dest


BARE_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def bare_bus(tmp_path: Path) -> Iterator[str]:
    """A private D-Bus with nothing on it and no services to start (its address)."""
    require_tools("dbus-daemon")
    d = tmp_path / "bus"
    d.mkdir()
    conf = d / "bus.conf"
    conf.write_text(BARE_BUS_CONFIG.format(dir=d))
    proc = subprocess.Popen(
        ["dbus-daemon", f"--config-file={conf}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().decode().strip()
        assert address, "dbus-daemon printed no address"
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
