"""Fixtures for the network feeds: real Radicale and WsgiDAV servers on 127.0.0.1, an in-memory
keyring for in-process tests, and a real Secret Service (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import require_tools
from tests.network import servers

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[servers.Server]:
    srv = servers.radicale(tmp_path / "radicale")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def calendar_url(radicale: servers.Server) -> str:
    return servers.mkcalendar(radicale.base, "anna/team")


@pytest.fixture(params=[True, False], ids=["locking", "no-locking"])
def dav(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[servers.Server]:
    srv = servers.wsgidav(tmp_path / "wsgidav", locking=request.param)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def dav_locking(tmp_path: Path) -> Iterator[servers.Server]:
    srv = servers.wsgidav(tmp_path / "wsgidav", locking=True)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


class MemKeyring:
    """An in-memory keyring backend for in-process tests (the real one is tested with gnome-keyring)."""

    priority = 10

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.data.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.data[(service, user)] = password

    def delete_password(self, service: str, user: str) -> None:
        self.data.pop((service, user), None)


@pytest.fixture
def memkeyring() -> Iterator[Any]:
    import keyring
    from keyring.backend import KeyringBackend

    class _Mem(MemKeyring, KeyringBackend):  # type: ignore[misc]
        pass

    previous = keyring.get_keyring()
    kr = _Mem()
    keyring.set_keyring(kr)
    try:
        yield kr
    finally:
        keyring.set_keyring(previous)
        from antihjalte_desktop.store import secrets

        secrets._SESSION.clear()


def profile_for(home: Path, url: str, user: str, name: str, kind: str = "auto") -> Any:
    """An in-process profile that syncs ``url`` as ``user`` (its password in the memkeyring)."""
    from antihjalte_desktop.core.clock import FixedClock
    from antihjalte_desktop.store import secrets
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile

    home.mkdir(parents=True, exist_ok=True)
    prof = Profile(Paths.resolve(home), FixedClock(NOW))
    prof.settings.set("feed.location", url)
    prof.settings.set("feed.kind", kind)
    prof.settings.set("feed.user", user)
    prof.settings.set("me.name", name)
    secrets.store_password(url, user, servers.USERS[user])
    return prof


class SecretService:
    """gnome-keyring-daemon (secrets component) on a private session bus, unlocked."""

    def __init__(self, tmp: Path) -> None:
        self.home = tmp / "kr-home"
        self.home.mkdir(parents=True)
        self.bus: subprocess.Popen[str] | None = None
        self.address = ""
        self.daemon_pid = 0

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        env.pop("PYTHON_KEYRING_BACKEND", None)
        return env

    def start(self) -> None:
        self.bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.bus.stdout is not None
        self.address = self.bus.stdout.readline().strip()
        assert self.address, "dbus-daemon printed no address"
        env = {**self.env(), "HOME": str(self.home), "XDG_RUNTIME_DIR": str(self.home)}
        env.pop("DISPLAY", None)
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
            input="keyring-unlock-pw",
            env=env,
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        )
        self.daemon_pid = self._owner_pid("org.freedesktop.secrets")

    def _owner_pid(self, name: str) -> int:
        end = time.monotonic() + 10
        while time.monotonic() < end:
            out = subprocess.run(
                [
                    "dbus-send",
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.GetConnectionUnixProcessID",
                    f"string:{name}",
                ],
                env=self.env(),
                capture_output=True,
                text=True,
            )
            if out.returncode == 0 and "uint32" in out.stdout:
                return int(out.stdout.split("uint32")[1].split()[0])
            time.sleep(0.1)
        raise AssertionError(f"{name} did not appear on the bus")

    def stop(self) -> None:
        if self.daemon_pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.daemon_pid, signal.SIGTERM)
        if self.bus is not None:
            self.bus.terminate()
            self.bus.wait(10)
            if self.bus.stdout is not None:
                self.bus.stdout.close()


@pytest.fixture
def secret_service(tmp_path: Path) -> Iterator[SecretService]:
    require_tools("dbus-daemon", "dbus-send", "gnome-keyring-daemon")
    ss = SecretService(tmp_path)
    ss.start()
    try:
        yield ss
    finally:
        ss.stop()
