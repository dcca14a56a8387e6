# ruff: noqa: F811  (pytest fixtures imported from tests/ui/conftest.py are redefined as parameters)
"""The settings dialog's password field: into the OS keyring; without one, kept for this session only
(and handed to the sync process on stdin), with a clear message; never in the settings file."""

from __future__ import annotations

import json
from typing import Any

import pytest

from antihjalte_desktop.store import secrets
from tests.ui.conftest import OFFSCREEN_NOISE, holiday_cache, make_app, profile  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
URL = "https://dav.example.se/team.ics"


def _type_password(make_app: Any, qtbot: Any, prof: Any, text: str) -> Any:
    prof.settings.set("feed.location", URL)
    prof.settings.set("feed.user", "anna")
    app = make_app()
    app.open_settings()
    dlg = app.settings_dialog
    qtbot.waitExposed(dlg)
    dlg.show_section("feed")
    field = dlg.fields["feed.password"]
    field.editor.setText(text)
    field.editor.editingFinished.emit()  # as when the user leaves the field
    return app, field


def test_password_goes_to_the_keyring(make_app: Any, qtbot: Any, profile: Any, memkeyring: Any) -> None:
    _app, field = _type_password(make_app, qtbot, profile, "hemligt-1")
    assert _app.secrets == {"feed.password": "hemligt-1"}, (field.editor.text(), _app.secrets)
    assert field.error.isHidden(), field.error.text()
    assert memkeyring.data == {(secrets.service_name(URL), "anna"): "hemligt-1"}
    assert field.error.isHidden()
    text = profile.paths.settings_file.read_text("utf-8")
    assert "hemligt-1" not in text and "feed.password" not in json.loads(text)


def test_without_a_keyring_kept_for_the_session_and_said_so(
    make_app: Any,
    qtbot: Any,
    profile: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        app, field = _type_password(make_app, qtbot, profile, "hemligt-2")
        assert not field.error.isHidden() and "keyring" in field.error.text()
        assert secrets.password_for(URL, "anna") == "hemligt-2"  # in memory, this session
        assert app.secrets["feed.password"] == "hemligt-2"
        assert "hemligt-2" not in profile.paths.settings_file.read_text("utf-8")

        # the app hands it to its sync process on stdin, not on the command line
        started: list[list[str]] = []
        written: list[bytes] = []
        from PySide6.QtCore import QProcess

        monkeypatch.setattr(QProcess, "start", lambda self, prog, args: started.append(list(args)))
        monkeypatch.setattr(QProcess, "write", lambda self, data: written.append(bytes(data)) or len(data))
        monkeypatch.setattr(QProcess, "closeWriteChannel", lambda self: None)
        app.sync_now()
        assert started and started[0][-2:] == ["sync", "--password-stdin"]
        assert all("hemligt-2" not in a for a in started[0])
        assert written == [b"hemligt-2\n"]
        app.feed_sync._process = None
    finally:
        keyring.set_keyring(previous)
        secrets._SESSION.clear()
