"""Passwords live only in the OS keyring: a real Secret Service (gnome-keyring on a private D-Bus),
and no keyring at all (the fail backend). The real `antihjalte` command in subprocesses."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.network import servers
from tests.network.conftest import SecretService

pytestmark = pytest.mark.integration

PASSWORD = servers.USERS["anna"]


def leaks(password: str) -> list[bytes]:
    """The password as it could be found in a file: clear, UTF-16, and base64 (of it alone, of
    user:password as in a Basic header, and the stable middle of it at every alignment)."""
    pw = password.encode()
    out = [pw, password.encode("utf-16-le"), base64.b64encode(pw), base64.b64encode(b"anna:" + pw)]
    for pad in range(3):
        enc = base64.b64encode(b"\x00" * pad + pw)
        start = (pad * 4 + 2) // 3 + 1
        out.append(enc[start : start + max(8, len(enc) - start - 4)])
    return [x for x in out if len(x) >= 6]


def grep(root: Path, password: str) -> list[str]:
    found = []
    needles = leaks(password)
    for p in root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            found += [f"{p}: {n!r}" for n in needles if n in data]
    return found


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_login_stores_in_the_secret_service_and_sync_uses_it(
    tmp_path: Path, home: Path, radicale: servers.Server, secret_service: SecretService
) -> None:
    cal = servers.mkcalendar(radicale.base, "anna/team")
    cli = Cli(home)
    env = {**cli.env(), "DBUS_SESSION_BUS_ADDRESS": secret_service.address}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    cli("feed", "set", cal, "--kind", "caldav", "--user", "anna", env=env, check=True)
    out = cli("feed", "login", "--password-stdin", input=PASSWORD + "\n", env=env, check=True)
    assert "keyring" in out.stdout
    cli("plan", "add", "2026-12-02", "--force", env=env, check=True)
    res = cli("sync", "--json", env=env)
    status = json.loads(res.stdout)
    assert res.returncode == 0, res.stderr
    assert status["in_sync"] and status["kind"] == "caldav" and status["added"] == 1
    assert b"antihjalte-20261202" in servers.get_raw(cal)

    # it is in the real Secret Service, keyed by the feed URL and the user name
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import keyring, sys; kr = keyring.get_keyring(); "
            "print(type(kr).__module__); print(kr.get_password(sys.argv[1], 'anna') == sys.argv[2])",
            "antihjalte-desktop feed " + cal,
            PASSWORD,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert probe.stdout.split() == ["keyring.backends.SecretService", "True"], probe.stderr

    # a wrong password, then the right one: the status and logs never carry either
    subprocess.run(
        [sys.executable, "-c", "import keyring, sys; keyring.set_password(sys.argv[1], 'anna', sys.argv[2])",
         "antihjalte-desktop feed " + cal, "wr0ng-pw-xyz"],
        env=env, check=True, timeout=30,
    )  # fmt: skip
    cli("plan", "add", "2026-12-03", "--force", env=env, check=True)
    bad = cli("sync", "--json", env=env)
    assert bad.returncode == 1 and "wrong user name or password" in json.loads(bad.stdout)["reason"]
    assert "wr0ng-pw-xyz" not in bad.stdout + bad.stderr
    cli("feed", "login", "--password-stdin", input=PASSWORD, env=env, check=True)
    assert cli("sync", env=env).returncode == 0
    cli("feed", "show", env=env, check=True)

    assert grep(home, PASSWORD) == []
    assert grep(home, "wr0ng-pw-xyz") == []
    assert (home / "logs").exists()  # the logs were there to grep


def test_without_a_keyring_login_says_so_and_writes_nothing(home: Path, radicale: servers.Server) -> None:
    cal = servers.mkcalendar(radicale.base, "anna/team")
    cli = Cli(home)
    env = {**cli.env(), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    cli("feed", "set", cal, "--user", "anna", env=env, check=True)
    before = snapshot(home)
    res = cli("feed", "login", "--user", "olle", "--password-stdin", input=PASSWORD, env=env)
    assert res.returncode != 0
    assert "no usable system keyring" in res.stderr and "gnome-keyring" in res.stderr
    assert "plain file" in res.stderr
    after = snapshot(home)
    assert {k: v for k, v in after.items() if not k.startswith("logs")} == {
        k: v for k, v in before.items() if not k.startswith("logs")
    }
    assert grep(home, PASSWORD) == []

    # and a sync says why it cannot log in, without contacting the server with no password
    cli("plan", "add", "2026-12-02", "--force", env=env, check=True)
    res = cli("sync", "--json", env=env)
    assert res.returncode == 1
    assert "no usable system keyring" in json.loads(res.stdout)["reason"]
    assert grep(home, PASSWORD) == []


def test_login_refuses_plain_http_to_another_host(home: Path) -> None:
    cli = Cli(home)
    env = {**cli.env(), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    cli("feed", "set", "http://calendar.example.invalid/team.ics", "--user", "anna", env=env, check=True)
    res = cli("feed", "login", "--password-stdin", input=PASSWORD, env=env)
    assert res.returncode == 1 and "plain http://" in res.stderr


def test_an_address_with_a_password_in_it_is_refused_and_not_stored(home: Path) -> None:
    cli = Cli(home)
    for args in (
        ("feed", "set", f"https://anna:{PASSWORD}@cal.example.se/team/"),
        ("config", "set", "feed.location", f"https://anna:{PASSWORD}@cal.example.se/team/"),
    ):
        res = cli(*args)
        assert res.returncode == 2 and "must not hold a user name or password" in res.stderr
        assert PASSWORD not in res.stderr + res.stdout
    assert grep(home, PASSWORD) == []
