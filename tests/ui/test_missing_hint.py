"""What the auto-reply and the handover message lack (your name, who covers) is said with a way to
the settings: Autoreply.missing and the MissingHint widget the planner and handover dialog place."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from antihjalte_desktop.services.autoreply import Autoreply
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui.missing_hint import MissingHint, missing_text
from tests.ui.conftest import OFFSCREEN_NOISE

DAY = date(2026, 12, 4)


def test_autoreply_missing_name_and_cover(profile: Profile) -> None:
    ar = Autoreply(profile)
    assert ar.missing(DAY) == ("name", "cover")
    profile.settings.set("me.name", "Kim Lind")
    assert ar.missing(DAY) == ("cover",)
    profile.plan.add_day(DAY, "", "Anna Berg", [])
    assert ar.missing(DAY) == ()
    profile.plan.update_day(DAY, cover="")
    profile.settings.set("me.cover", "Åsa Öberg")  # who usually covers
    assert ar.missing(DAY) == ()
    profile.settings.set("me.name", "")
    assert ar.missing(DAY) == ("name",)
    assert "Kim" not in ar.text(DAY, "en")  # unsigned: the hint says so


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_the_hint_says_what_lacks_and_opens_the_settings(qtbot: Any) -> None:
    opened: list[bool] = []
    hint = MissingHint(open_settings=lambda: opened.append(True))
    qtbot.addWidget(hint)
    hint.show_missing(())
    assert hint.isHidden()
    hint.show_missing(("name",))
    assert not hint.isHidden()
    assert hint.label.text() == (
        "Your name is missing, so the text ends unsigned – add it under Settings → You."
    )
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert opened == [True]
    assert "who covers for you" in missing_text(("name", "cover"))
    assert missing_text(("cover",)).startswith("Nobody covers for you on this day")
