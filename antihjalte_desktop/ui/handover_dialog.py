"""The handover dialog: what to switch on, forward and pass on before a focus day,
and, at the restore reminder, what to take back afterwards.

Every change is stored at once through the planning service, so the dialog has no Save;
``reload()`` shows the day as stored after a change made elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.dates import format_day
from antihjalte_desktop.core.handover import HandoverTask, handover_message
from antihjalte_desktop.core.reminders import Reminder, ReminderKind
from antihjalte_desktop.services.autoreply import Autoreply
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui.day_editor import DayEditor
from antihjalte_desktop.ui.notify import SNOOZE, bring_forward
from antihjalte_desktop.ui.wording import Wording


class HandoverDialog(QDialog):
    """``restore=True`` shows what was handed to whom, to take back and tick off."""

    done_requested = Signal()  # "Done": the reminder that opened the dialog is handled
    snooze_requested = Signal()  # "Snooze 1 h" on the reminder that opened the dialog
    changed = Signal()  # something in the day's handover was stored

    def __init__(
        self,
        planning: Planning,
        autoreply: Autoreply,
        settings: Settings,
        day: date,
        *,
        language: str,
        restore: bool = False,
        with_done: bool = False,
        open_settings: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.planning = planning
        self._autoreply = autoreply
        self._settings = settings
        self.day = day
        self.restore = restore
        self.lang = language
        fd = planning.day(day)
        self.cover = fd.cover if fd else ""
        day_text = format_day(day, self.lang)
        if restore:
            self.setWindowTitle(self.tr("Take back after %1").replace("%1", day_text))
        else:
            self.setWindowTitle(self.tr("Handover for %1").replace("%1", day_text))
        self.setMinimumWidth(560)

        lay = QVBoxLayout(self)
        heading = QLabel()
        heading.setObjectName("heading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        lay.addWidget(heading)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        self.status.hide()

        # The same words as the handover reminder, about the day as it is now.
        heading.setText(Wording(language, self).handover_heading(day, planning.today(), restore=restore))
        if restore:
            lay.addWidget(self._build_take_back())
        else:
            self.editor = DayEditor(
                planning, autoreply, settings, language=language, open_settings=open_settings, parent=self
            )
            self.editor.said.connect(self._say)
            self.editor.changed.connect(self.changed)
            self.editor.set_day(day)
            # The whole auto-reply in view: it is what gets copied.
            self.editor.reply_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 11)
            lay.addWidget(self.editor, 1)
        lay.addWidget(self.status)

        # One row, in reading order: the copy action on the left, what closes the dialog on the right.
        buttons = QHBoxLayout()
        if not restore:
            self.copy_message_button = QPushButton(self.tr("Copy handover message"))
            self.copy_message_button.setObjectName("copyMessage")
            self.copy_message_button.setToolTip(
                self.tr("A text for mail or chat: what goes to whom, and until when.")
            )
            self.copy_message_button.clicked.connect(self._on_copy_message)
            buttons.addWidget(self.copy_message_button)
        buttons.addStretch(1)
        if with_done:
            # The notification's own words (context "reminders"), so both say the same.
            snooze = QPushButton(Wording(language, self).snooze_label(SNOOZE))
            snooze.setObjectName("snooze")
            snooze.clicked.connect(self._on_snooze)
            buttons.addWidget(snooze)
            done = QPushButton(self.tr("Done"))
            done.setObjectName("done")
            done.setToolTip(self.tr("Mark the reminder as done"))
            done.clicked.connect(self._on_done)
            buttons.addWidget(done)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        # Return in the task fields adds the task; it must not also press a button of the dialog.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        if not restore and self.editor.item_boxes:
            # The checklist is what the dialog is for: the keyboard starts on its first item.
            next(iter(self.editor.item_boxes.values())).setFocus()

    # -- handover mode: the day editor's parts, by their old names -------------------------
    @property
    def item_boxes(self) -> dict[str, QCheckBox]:
        return self.editor.item_boxes

    @property
    def cover_edit(self) -> QLineEdit:
        return self.editor.cover_edit

    @property
    def cover_contact(self) -> QLabel:
        return self.editor.cover_contact

    @property
    def reply_lang(self) -> QComboBox:
        return self.editor.reply_lang

    @property
    def reply_text(self) -> QPlainTextEdit:
        return self.editor.reply_text

    @property
    def task_text(self) -> QLineEdit:
        return self.editor.task_text

    @property
    def task_to(self) -> QLineEdit:
        return self.editor.task_to

    @property
    def add_task_button(self) -> QPushButton:
        return self.editor.add_task_button

    # -- restore mode --------------------------------------------------------------------
    def _build_take_back(self) -> QGroupBox:
        box = QGroupBox(self.tr("What you handed over"))
        box.setObjectName("takeBack")
        v = QVBoxLayout(box)
        if self.cover:
            who = QLabel(self.tr("%1 covered for you and had your phone.").replace("%1", self.cover))
            who.setObjectName("coveredBy")
            who.setWordWrap(True)
            v.addWidget(who)
        hint = QLabel(self.tr("Switch off the auto-reply and take the phone back."))
        hint.setWordWrap(True)
        v.addWidget(hint)
        tasks = self.planning.tasks(self.day)
        self.back_boxes: dict[int, QCheckBox] = {}
        if not tasks:
            v.addWidget(QLabel(self.tr("You passed on no quick tasks.")))
        for task in tasks:
            cb = QCheckBox(self.tr("%1 (with %2)").replace("%1", task.text).replace("%2", task.to))
            cb.setObjectName(f"back_{task.id}")
            cb.setToolTip(self.tr("Tick when you have taken it back"))
            cb.setChecked(task.taken_back)
            cb.toggled.connect(lambda on, tid=task.id: self._on_taken_back(tid, on))
            self.back_boxes[task.id] = cb
            v.addWidget(cb)
        return box

    # -- helpers -------------------------------------------------------------------------
    def tasks(self) -> list[HandoverTask]:
        return list(self.planning.tasks(self.day))

    def message(self) -> str:
        back = self.planning.next_workday(self.day)
        fd = self.planning.day(self.day)
        cover = fd.cover if fd else self.cover
        return handover_message(
            format_day(self.day, self.lang), format_day(back, self.lang), cover, self.tasks(), self.lang
        )

    def _copy(self, text: str, what: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._say(what)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def reload(self) -> None:
        """Show the day as it is stored now (another window or process may have changed it)."""
        if self.restore:
            for task in self.planning.tasks(self.day):
                box = self.back_boxes.get(task.id)
                if box is not None and box.isChecked() != task.taken_back:
                    box.blockSignals(True)
                    box.setChecked(task.taken_back)
                    box.blockSignals(False)
            return
        self.editor.reload()
        self.cover = self.editor.cover

    # -- slots ---------------------------------------------------------------------------
    def _on_copy_message(self) -> None:
        self.editor.commit()
        self._copy(self.message(), self.tr("The handover message is copied: paste it in a mail or chat."))

    def _on_taken_back(self, task_id: int, on: bool) -> None:
        self.planning.update_task(task_id, taken_back=on, source=self)
        self.changed.emit()

    def _on_snooze(self) -> None:
        self.snooze_requested.emit()
        self.reject()

    def _on_done(self) -> None:
        self.done_requested.emit()
        self.accept()

    def present(self) -> None:
        self.show()
        bring_forward(self)


class ReminderActions(Protocol):
    def done(self, reminder_id: str) -> None: ...
    def snooze(self, reminder_id: str) -> object: ...


def for_reminder(
    planning: Planning,
    autoreply: Autoreply,
    settings: Settings,
    reminder: Reminder,
    service: ReminderActions | None,
    *,
    language: str,
    open_settings: Callable[[], object] | None = None,
    parent: QWidget | None = None,
) -> HandoverDialog:
    """The dialog that a reminder's "Open checklist" shows: take-back mode for the restore
    reminder; "Snooze" and "Done" act on the reminder through ``service`` (where notifications
    have no buttons, Windows and macOS, this is how one snoozes)."""
    dialog = HandoverDialog(
        planning, autoreply, settings, reminder.day, language=language,
        restore=reminder.kind is ReminderKind.RESTORE, with_done=service is not None,
        open_settings=open_settings, parent=parent,
    )  # fmt: skip
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if service is not None:
        dialog.done_requested.connect(lambda rid=reminder.id: service.done(rid))
        dialog.snooze_requested.connect(lambda rid=reminder.id: service.snooze(rid))
    return dialog
