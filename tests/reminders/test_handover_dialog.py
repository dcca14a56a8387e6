"""The handover dialog with real clicks and keys on a real profile (offscreen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QToolButton

from antihjalte_desktop.core.handover import handover_message
from antihjalte_desktop.services.autoreply import Autoreply
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.ui.handover_dialog import HandoverDialog, for_reminder
from antihjalte_desktop.ui.scheduler import ReminderService
from tests.reminders.conftest import Env, at

WED = date(2026, 12, 2)
# The offscreen platform cannot resize a shown window to its hints; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

ROSTER = ["Anna Berg, anna.berg@kommun.se, 070-123 45 67", "Omar Said, omar.said@kommun.se"]


def dialog(env: Env, day: date) -> HandoverDialog:
    p = env.profile
    return HandoverDialog(Planning(p), Autoreply(p), p.settings, day, language=p.language())


def reminder_dialog(env: Env, rem, service) -> HandoverDialog:  # type: ignore[no-untyped-def]
    p = env.profile
    dlg = for_reminder(Planning(p), Autoreply(p), p.settings, rem, service, language=p.language())
    dlg.present()
    return dlg


def _plan(env: Env) -> None:
    env.profile.settings.set("team.roster", ROSTER)
    env.profile.settings.set("me.name", "Kim Ek")
    Planning(env.profile).plan_day(WED, cover="Anna")


def test_checklist_cover_and_autoreply(env: Env, qtbot) -> None:  # type: ignore[no-untyped-def]
    _plan(env)
    dlg = dialog(env, WED)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle() == "Handover for Wednesday 2 December"
    phone = dlg.findChild(QCheckBox, "item_phone")
    assert phone is not None and phone.text() == "Phone forwarded to Anna"
    qtbot.mouseClick(phone, Qt.MouseButton.LeftButton, pos=QPoint(8, phone.height() // 2))
    assert next(i for i in env.profile.plan.items(WED) if i.key == "phone").done
    assert dlg.cover_contact.text() == "070-123 45 67, anna.berg@kommun.se"
    # The auto-reply in English, then Swedish, and Copy puts it on the clipboard.
    assert "Anna Berg (070-123 45 67, anna.berg@kommun.se)" in dlg.reply_text.toPlainText()
    dlg.reply_lang.setCurrentIndex(0)
    assert dlg.reply_text.toPlainText().startswith("Hej!")
    dlg.findChild(QPushButton, "copyAutoreply").click()  # type: ignore[union-attr]
    assert QGuiApplication.clipboard().text() == Autoreply(env.profile).text(WED, "sv")
    # Another cover: stored, and the checklist and contact follow.
    dlg.cover_edit.clear()
    qtbot.keyClicks(dlg.cover_edit, "Omar")
    qtbot.keyClick(dlg.cover_edit, Qt.Key.Key_Return)
    assert env.profile.plan.get_day(WED).cover == "Omar"
    assert phone.text() == "Phone forwarded to Omar"
    assert dlg.cover_contact.text() == "omar.said@kommun.se"
    # In the team list without phone or e-mail: the full name; not in it: says so.
    env.profile.settings.set("team.roster", [*ROSTER, "Lena Ny"])
    dlg.cover_edit.setText("Lena")
    dlg.cover_edit.editingFinished.emit()
    assert dlg.cover_contact.text() == "Lena Ny"
    dlg.cover_edit.setText("Pelle")
    dlg.cover_edit.editingFinished.emit()
    assert dlg.cover_contact.text() == "(not in the team list)"


def test_quick_tasks_and_the_handover_message(env: Env, qtbot) -> None:  # type: ignore[no-untyped-def]
    _plan(env)
    dlg = dialog(env, WED)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.task_text.setText("Svara på remissen")  # QTest types ASCII only
    qtbot.keyClicks(dlg.task_to, "Omar")
    qtbot.mouseClick(dlg.add_task_button, Qt.MouseButton.LeftButton)
    dlg.task_text.setText("Veckans hjälte: posten")
    qtbot.keyClicks(dlg.task_to, "Anna")
    qtbot.keyClick(dlg.task_to, Qt.Key.Key_Return)
    tasks = env.profile.plan.tasks(WED)
    assert [(t.text, t.to) for t in tasks] == [
        ("Svara på remissen", "Omar"),
        ("Veckans hjälte: posten", "Anna"),
    ]
    # A task without a colleague is not added, and says why.
    qtbot.keyClicks(dlg.task_text, "Halvklar")
    dlg.add_task_button.click()
    assert len(env.profile.plan.tasks(WED)) == 2 and dlg.status.text()
    dlg.task_text.clear()
    # Tick one as passed on, remove the other.
    first, second = tasks
    dlg.findChild(QCheckBox, f"task_{first.id}").click()  # type: ignore[union-attr]
    assert env.profile.plan.tasks(WED)[0].done
    dlg.findChild(QToolButton, f"removeTask_{second.id}").click()  # type: ignore[union-attr]
    assert [t.text for t in env.profile.plan.tasks(WED)] == ["Svara på remissen"]
    dlg.copy_message_button.click()
    expected = handover_message(
        "Wednesday 2 December", "Thursday 3 December", "Anna", env.profile.plan.tasks(WED), "en"
    )
    assert QGuiApplication.clipboard().text() == expected
    assert "- Svara på remissen → Omar" in expected


def test_restore_shows_what_to_take_back(env: Env, qtbot) -> None:  # type: ignore[no-untyped-def]
    _plan(env)
    tid = env.profile.plan.add_task(WED, "Svara på remissen", "Omar")
    env.clock.set(at("2026-12-03 08:00"))
    service = ReminderService(env.profile, None, env.clock, monotonic=env.mono, watch_sleep=False)
    service.start()
    restore = service.waiting()[0]
    assert restore.id == "2026-12-02/restore"
    dlg = reminder_dialog(env, restore, service)
    qtbot.addWidget(dlg)
    qtbot.waitExposed(dlg)
    assert dlg.restore and dlg.windowTitle() == "Take back after Wednesday 2 December"
    assert dlg.findChild(QLabel, "coveredBy").text() == "Anna covered for you and had your phone."  # type: ignore[union-attr]
    back = dlg.findChild(QCheckBox, f"back_{tid}")
    assert back is not None and back.text() == "Svara på remissen (with Omar)"
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton, pos=QPoint(8, back.height() // 2))
    assert env.profile.plan.tasks(WED)[0].taken_back
    dlg.findChild(QPushButton, "done").click()  # type: ignore[union-attr]
    assert env.profile.plan.reminder_states()["2026-12-02/restore"].state.value == "done"
    assert service.waiting() == []
    service.stop()


def test_snooze_from_the_dialog(env: Env, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Where notifications have no buttons (Windows, macOS) the dialog snoozes."""
    _plan(env)
    env.clock.set(at("2026-12-01 14:00"))
    service = ReminderService(env.profile, None, env.clock, monotonic=env.mono, watch_sleep=False)
    service.start()
    handover = service.waiting()[0]
    dlg = reminder_dialog(env, handover, service)
    qtbot.addWidget(dlg)
    assert not dlg.restore
    dlg.findChild(QPushButton, "snooze").click()  # type: ignore[union-attr]
    stored = env.profile.plan.reminder_states()["2026-12-02/handover"]
    assert stored.state.value == "snoozed" and stored.snoozed_until == at("2026-12-01 15:00")
    assert not dlg.isVisible() and service.waiting() == []
    service.stop()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_screenshot_of_the_handover_dialog(env: Env, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Rendered for people to look at: tests/_artifacts/handover-dialog-<lang>.png."""
    from antihjalte_desktop.ui.i18n import Translations

    translations = Translations()
    translations.apply(lang)
    try:
        env.profile.settings.set("ui.language", lang)
        _plan(env)
        env.profile.plan.add_task(WED, "Svara på remissen om trygghetsvandringar", "Omar")
        env.profile.plan.add_task(WED, "Veckans hjälte: funktionsbrevlådan", "Anna")
        env.profile.plan.set_item_done(WED, "autoreply", True)
        dlg = dialog(env, WED)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        title = {"en": "Handover for Wednesday 2 December", "sv": "Överlämning inför onsdag 2 december"}[lang]
        assert dlg.windowTitle() == title
        out = Path(__file__).resolve().parents[1] / "_artifacts" / f"handover-dialog-{lang}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        assert dlg.grab().save(str(out))
    finally:
        translations.apply("en")
