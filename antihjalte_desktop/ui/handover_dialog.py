"""The handover dialog: what to switch on, forward and pass on before a focus day,
and, at the restore reminder, what to take back afterwards.

Every change is stored at once through the planning service, so the dialog has no Save;
``reload()`` shows the day as stored after a change made elsewhere.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.autoreply import parse_roster_entry
from antihjalte_desktop.core.dates import format_day
from antihjalte_desktop.core.handover import HandoverTask, handover_message
from antihjalte_desktop.core.reminders import Reminder, ReminderKind
from antihjalte_desktop.services.autoreply import Autoreply
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui.notify import bring_forward


def _translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


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

        if restore:
            heading.setText(self.tr("Welcome back! Your antihjälte day was %1.").replace("%1", day_text))
            lay.addWidget(self._build_take_back())
        else:
            heading.setText(
                self.tr("Your antihjälte day is %1. Hand over before it starts.").replace("%1", day_text)
            )
            lay.addWidget(self._build_checklist())
            lay.addWidget(self._build_cover())
            lay.addWidget(self._build_autoreply())
            lay.addWidget(self._build_tasks())
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
            snooze = QPushButton(_translate("reminders", "Snooze 1 h"))
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

    # -- handover mode -------------------------------------------------------------------
    def _build_checklist(self) -> QGroupBox:
        box = QGroupBox(self.tr("Checklist"))
        box.setObjectName("checklist")
        v = QVBoxLayout(box)
        self.item_boxes: dict[str, QCheckBox] = {}
        for item in self.planning.items(self.day):
            cb = QCheckBox(item.text(self.cover, self.lang, _translate))
            cb.setObjectName(f"item_{item.key}")
            cb.setChecked(item.done)
            cb.toggled.connect(lambda on, key=item.key: self._on_item_toggled(key, on))
            self.item_boxes[item.key] = cb
            v.addWidget(cb)
        if not self.item_boxes:
            v.addWidget(QLabel(self.tr("No checklist items. Add them in the settings.")))
        return box

    def _build_cover(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who covers for you"))
        form = QFormLayout(box)
        self.cover_edit = QLineEdit(self.cover)
        self.cover_edit.setObjectName("cover")
        self.cover_edit.setAccessibleName(self.tr("Cover colleague"))
        self.cover_edit.setPlaceholderText(self.tr("A colleague's name"))
        names = self._roster_names()
        if names:
            self.cover_edit.setCompleter(QCompleter(names, self.cover_edit))
        self.cover_edit.editingFinished.connect(self._on_cover_edited)
        self.cover_contact = QLabel()
        self.cover_contact.setObjectName("coverContact")
        self.cover_contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Name"), self.cover_edit)
        form.addRow(self.tr("Contact"), self.cover_contact)
        self._show_contact()
        return box

    def _build_autoreply(self) -> QGroupBox:
        box = QGroupBox(self.tr("Auto-reply"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.reply_lang = QComboBox()
        self.reply_lang.setObjectName("replyLanguage")
        self.reply_lang.setAccessibleName(self.tr("Language of the auto-reply"))
        self.reply_lang.addItem("Svenska", "sv")
        self.reply_lang.addItem("English", "en")
        self.reply_lang.setCurrentIndex(0 if self.lang == "sv" else 1)
        self.reply_lang.currentIndexChanged.connect(self._show_autoreply)
        copy = QPushButton(self.tr("Copy"))
        copy.setObjectName("copyAutoreply")
        copy.setAccessibleName(self.tr("Copy the auto-reply"))
        copy.clicked.connect(self._on_copy_autoreply)
        row.addWidget(self.reply_lang)
        row.addStretch(1)
        row.addWidget(copy)
        self.reply_text = QPlainTextEdit()
        self.reply_text.setObjectName("autoreply")
        self.reply_text.setAccessibleName(self.tr("Auto-reply text"))
        self.reply_text.setReadOnly(True)
        self.reply_text.setMinimumHeight(170)
        v.addLayout(row)
        v.addWidget(self.reply_text)
        self._show_autoreply()
        return box

    def _build_tasks(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quick tasks to pass on"))
        box.setObjectName("tasks")
        v = QVBoxLayout(box)
        self.task_rows = QVBoxLayout()
        v.addLayout(self.task_rows)
        add = QHBoxLayout()
        self.task_text = QLineEdit()
        self.task_text.setObjectName("taskText")
        self.task_text.setPlaceholderText(self.tr("Task"))
        self.task_text.setAccessibleName(self.tr("Task to pass on"))
        self.task_to = QLineEdit()
        self.task_to.setObjectName("taskTo")
        self.task_to.setPlaceholderText(self.tr("To colleague"))
        self.task_to.setAccessibleName(self.tr("Colleague who takes the task"))
        names = self._roster_names()
        if names:
            self.task_to.setCompleter(QCompleter(names, self.task_to))
        self.add_task_button = QPushButton(self.tr("Pass on"))
        self.add_task_button.setObjectName("addTask")
        self.add_task_button.clicked.connect(self._on_add_task)
        self.task_text.returnPressed.connect(self._on_add_task)
        self.task_to.returnPressed.connect(self._on_add_task)
        add.addWidget(self.task_text, 3)
        add.addWidget(QLabel("→"))
        add.addWidget(self.task_to, 2)
        add.addWidget(self.add_task_button)
        v.addLayout(add)
        self._fill_tasks()
        return box

    def _fill_tasks(self) -> None:
        _clear(self.task_rows)
        tasks = self.planning.tasks(self.day)
        if not tasks:
            empty = QLabel(self.tr("Nothing passed on yet."))
            empty.setObjectName("noTasks")
            self.task_rows.addWidget(empty)
        for task in tasks:
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            cb = QCheckBox(f"{task.text} → {task.to}")
            cb.setObjectName(f"task_{task.id}")
            cb.setToolTip(self.tr("Ticked when the colleague has taken it"))
            cb.setChecked(task.done)
            cb.toggled.connect(lambda on, tid=task.id: self._on_task_done(tid, on))
            remove = QToolButton()
            remove.setObjectName(f"removeTask_{task.id}")
            remove.setText("✕")
            remove.setAccessibleName(self.tr("Remove task"))
            remove.setToolTip(self.tr("Remove task"))
            remove.clicked.connect(lambda _=False, tid=task.id: self._on_remove_task(tid))
            h.addWidget(cb, 1)
            h.addWidget(remove)
            self.task_rows.addWidget(row)

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
    def _roster_names(self) -> list[str]:
        return [
            c.name
            for c in (parse_roster_entry(e) for e in self._settings.get("team.roster"))
            if c.name
        ]

    def _show_contact(self) -> None:
        contact = self._autoreply.cover_contact(self.cover)
        if not self.cover:
            self.cover_contact.setText("")
        elif contact.contact_text():
            self.cover_contact.setText(contact.contact_text())
        elif contact.name.casefold() in {n.casefold() for n in self._roster_names()}:
            self.cover_contact.setText(contact.name)  # in the team list, without phone or e-mail
        else:
            self.cover_contact.setText(self.tr("(not in the team list)"))

    def _show_autoreply(self) -> None:
        lang = self.reply_lang.currentData() or self.lang
        self.reply_text.setPlainText(self._autoreply.text(self.day, lang))

    def tasks(self) -> list[HandoverTask]:
        return list(self.planning.tasks(self.day))

    def message(self) -> str:
        back = self.planning.next_workday(self.day)
        return handover_message(
            format_day(self.day, self.lang), format_day(back, self.lang), self.cover, self.tasks(), self.lang
        )

    def _copy(self, text: str, what: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._say(what)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def reload(self) -> None:
        """Show the day as it is stored now (another window or process may have changed it)."""
        fd = self.planning.day(self.day)
        if self.restore:
            for task in self.planning.tasks(self.day):
                box = self.back_boxes.get(task.id)
                if box is not None and box.isChecked() != task.taken_back:
                    box.blockSignals(True)
                    box.setChecked(task.taken_back)
                    box.blockSignals(False)
            return
        cover = fd.cover if fd else ""
        if cover != self.cover and not self.cover_edit.hasFocus():
            self.cover = cover
            self.cover_edit.setText(cover)
            self._show_contact()
        for item in self.planning.items(self.day):
            box = self.item_boxes.get(item.key)
            if box is not None:
                box.blockSignals(True)
                box.setChecked(item.done)
                box.setText(item.text(self.cover, self.lang, _translate))
                box.blockSignals(False)
        self._fill_tasks()
        self._show_autoreply()

    # -- slots ---------------------------------------------------------------------------
    def _on_item_toggled(self, key: str, on: bool) -> None:
        self.planning.set_item_done(self.day, key, on, source=self)
        self.changed.emit()

    def _on_cover_edited(self) -> None:
        name = self.cover_edit.text().strip()
        if name == self.cover:
            return
        self.cover = name
        self.planning.edit_day(self.day, cover=name, source=self)
        self._show_contact()
        for item in self.planning.items(self.day):
            if item.key in self.item_boxes:
                self.item_boxes[item.key].setText(item.text(self.cover, self.lang, _translate))
        self._show_autoreply()
        self.changed.emit()

    def _on_copy_autoreply(self) -> None:
        self._copy(self.reply_text.toPlainText(), self.tr("The auto-reply is copied."))

    def _on_copy_message(self) -> None:
        self._on_cover_edited()
        self._copy(self.message(), self.tr("The handover message is copied: paste it in a mail or chat."))

    def _on_add_task(self) -> None:
        text, to = self.task_text.text().strip(), self.task_to.text().strip()
        if not text or not to:
            self._say(self.tr("Write the task and the colleague who takes it."))
            (self.task_text if not text else self.task_to).setFocus()
            return
        self.planning.add_task(self.day, text, to, source=self)
        self.task_text.clear()
        self.task_to.clear()
        self.task_text.setFocus()
        self._say("")
        self._fill_tasks()
        self.changed.emit()

    def _on_task_done(self, task_id: int, on: bool) -> None:
        self.planning.update_task(task_id, done=on, source=self)
        self.changed.emit()

    def _on_remove_task(self, task_id: int) -> None:
        self.planning.remove_task(task_id, source=self)
        self._fill_tasks()
        self.changed.emit()

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


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget() if child is not None else None
        if widget is not None:
            # Not setParent(None): the row may hold the button whose click is running.
            widget.hide()
            widget.deleteLater()


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
    parent: QWidget | None = None,
) -> HandoverDialog:
    """The dialog that a reminder's "Open checklist" shows: take-back mode for the restore
    reminder; "Snooze" and "Done" act on the reminder through ``service`` (where notifications
    have no buttons, Windows and macOS, this is how one snoozes)."""
    dialog = HandoverDialog(
        planning, autoreply, settings, reminder.day, language=language,
        restore=reminder.kind is ReminderKind.RESTORE, with_done=service is not None, parent=parent,
    )  # fmt: skip
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if service is not None:
        dialog.done_requested.connect(lambda rid=reminder.id: service.done(rid))
        dialog.snooze_requested.connect(lambda rid=reminder.id: service.snooze(rid))
    return dialog
