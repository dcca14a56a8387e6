"""One editor for a planned day: its note, cover, handover checklist, passed-on tasks and
auto-reply. The planner's side panel and the handover dialog both show it.

Every edit is stored at once through :class:`Planning`, with the editor's window as the
change's source; :meth:`DayEditor.reload` shows the day as stored after a change made
elsewhere (a field being typed in keeps what is typed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
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
from antihjalte_desktop.core.handover import HandoverTask
from antihjalte_desktop.services.autoreply import Autoreply
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui.missing_hint import MissingHint
from antihjalte_desktop.ui.named_combo import NamedComboBox


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class DayEditor(QWidget):
    """The planned ``day``'s handover, edited in place. :attr:`said` carries a sentence for the
    window's status line (copied, a task without a colleague); :attr:`cover_changed` the new
    cover after the user changed it (the planner checks the team's rules for it)."""

    said = Signal(str)
    cover_changed = Signal(str)
    changed = Signal()  # something of the day was stored

    def __init__(
        self,
        planning: Planning,
        autoreply: Autoreply,
        settings: Settings,
        *,
        language: str,
        ready: Callable[[int], bool] = lambda _year: True,
        open_settings: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayEditor")
        self._open_settings = open_settings
        self.planning = planning
        self._autoreply = autoreply
        self._settings = settings
        self.lang = language
        self._ready = ready
        self.day: date | None = None
        self.cover = ""
        self._filling = False
        self.item_boxes: dict[str, QCheckBox] = {}
        self._shown_tasks: list[tuple[int, str, str]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)

        # -- note and cover ----------------------------------------------------------------
        form = QFormLayout()
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setAccessibleName(QCoreApplication.translate("PlannerWindow", "Note"))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("PlannerWindow", "What the day is for"))
        self.note_edit.editingFinished.connect(self._on_note_edited)
        note_label = QLabel(QCoreApplication.translate("PlannerWindow", "&Note:"), self)
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)
        self.cover_combo = QComboBox(self)
        self.cover_combo.setObjectName("coverCombo")
        self.cover_combo.setEditable(True)
        self.cover_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.cover_combo.setAccessibleName(QCoreApplication.translate("HandoverDialog", "Cover colleague"))
        line = self.cover_combo.lineEdit()
        assert line is not None
        self.cover_edit: QLineEdit = line
        line.setObjectName("cover")
        line.setAccessibleName(QCoreApplication.translate("HandoverDialog", "Cover colleague"))
        line.setPlaceholderText(QCoreApplication.translate("PlannerWindow", "Who covers for you"))
        line.editingFinished.connect(self._on_cover_edited)
        self.cover_combo.activated.connect(lambda _i: self._on_cover_edited())
        cover_label = QLabel(QCoreApplication.translate("PlannerWindow", "Co&ver:"), self)
        cover_label.setBuddy(self.cover_combo)
        form.addRow(cover_label, self.cover_combo)
        self.cover_contact = QLabel(self)
        self.cover_contact.setObjectName("coverContact")
        self.cover_contact.setAccessibleName(QCoreApplication.translate("HandoverDialog", "Contact"))
        self.cover_contact.setWordWrap(True)
        self.cover_contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QCoreApplication.translate("HandoverDialog", "Contact"), self.cover_contact)
        lay.addLayout(form)

        # -- checklist ---------------------------------------------------------------------
        self.checklist_box = QGroupBox(
            QCoreApplication.translate("PlannerWindow", "Handover checklist"), self
        )
        self.checklist_box.setObjectName("checklist")
        self._items_layout = QVBoxLayout(self.checklist_box)
        lay.addWidget(self.checklist_box)

        # -- passed-on tasks ---------------------------------------------------------------
        box = QGroupBox(QCoreApplication.translate("HandoverDialog", "Quick tasks to pass on"), self)
        box.setObjectName("tasks")
        self.tasks_box = box
        v = QVBoxLayout(box)
        self.task_rows = QVBoxLayout()
        v.addLayout(self.task_rows)
        add = QHBoxLayout()
        self.task_text = QLineEdit(box)
        self.task_text.setObjectName("taskText")
        self.task_text.setPlaceholderText(QCoreApplication.translate("HandoverDialog", "Task"))
        self.task_text.setAccessibleName(QCoreApplication.translate("HandoverDialog", "Task to pass on"))
        self.task_to = QLineEdit(box)
        self.task_to.setObjectName("taskTo")
        self.task_to.setPlaceholderText(QCoreApplication.translate("HandoverDialog", "To colleague"))
        self.task_to.setAccessibleName(
            QCoreApplication.translate("HandoverDialog", "Colleague who takes the task")
        )
        self._task_names = QStringListModel(self)
        self.task_to.setCompleter(QCompleter(self._task_names, self.task_to))
        self.add_task_button = QPushButton(QCoreApplication.translate("HandoverDialog", "Pass on"), box)
        self.add_task_button.setObjectName("addTask")
        self.add_task_button.setAccessibleName(QCoreApplication.translate("HandoverDialog", "Pass on"))
        self.add_task_button.setAutoDefault(False)
        self.add_task_button.clicked.connect(self._on_add_task)
        self.task_text.returnPressed.connect(self._on_add_task)
        self.task_to.returnPressed.connect(self._on_add_task)
        arrow = QLabel("→", box)
        arrow.setAccessibleName(self.tr("to"))
        add.addWidget(self.task_text, 3)
        add.addWidget(arrow)
        add.addWidget(self.task_to, 2)
        add.addWidget(self.add_task_button)
        v.addLayout(add)
        lay.addWidget(box)

        # -- auto-reply --------------------------------------------------------------------
        self.autoreply_box = QGroupBox(QCoreApplication.translate("PlannerWindow", "Auto-reply"), self)
        self.autoreply_box.setObjectName("autoreplyBox")
        al = QVBoxLayout(self.autoreply_box)
        top = QHBoxLayout()
        self.reply_lang: QComboBox = NamedComboBox(self.autoreply_box)  # named, not only its value
        self.reply_lang.setObjectName("replyLanguage")
        self.reply_lang.setAccessibleName(
            QCoreApplication.translate("HandoverDialog", "Language of the auto-reply")
        )
        self.reply_lang.addItem("Svenska", "sv")
        self.reply_lang.addItem("English", "en")
        self.reply_lang.setCurrentIndex(0 if self.lang == "sv" else 1)
        self.reply_lang.currentIndexChanged.connect(lambda _i: self._show_autoreply())
        lang_label = QLabel(QCoreApplication.translate("PlannerWindow", "&Language:"), self.autoreply_box)
        lang_label.setBuddy(self.reply_lang)
        top.addWidget(lang_label)
        top.addWidget(self.reply_lang)
        top.addStretch(1)
        self.copy_button = QPushButton(
            QCoreApplication.translate("PlannerWindow", "&Copy"), self.autoreply_box
        )
        self.copy_button.setObjectName("copyAutoreply")
        self.copy_button.setAccessibleName(QCoreApplication.translate("PlannerWindow", "Copy the auto-reply"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self._on_copy_autoreply)
        top.addWidget(self.copy_button)
        al.addLayout(top)
        self.reply_text = QPlainTextEdit(self.autoreply_box)
        self.reply_text.setObjectName("autoreply")
        self.reply_text.setReadOnly(True)
        self.reply_text.setAccessibleName(QCoreApplication.translate("PlannerWindow", "Auto-reply text"))
        self.reply_text.setTabChangesFocus(True)
        self.reply_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        al.addWidget(self.reply_text)
        # What the auto-reply and the handover message lack (your name, a cover), with the way to add it.
        self.missing_hint = MissingHint(self._on_open_settings, self.autoreply_box)
        al.addWidget(self.missing_hint)
        lay.addWidget(self.autoreply_box, 1)

        self.setTabOrder(self.note_edit, self.cover_combo)

    # -- public ----------------------------------------------------------------------------
    def set_day(self, day: date | None) -> None:
        """Show ``day`` (a planned day); None shows nothing."""
        if day != self.day:
            self.commit()
        self.day = day
        self.reload(force=True)

    def commit(self) -> None:
        """Store what is being typed (before the day changes or the window closes)."""
        self._on_note_edited()
        self._on_cover_edited(announce=False)

    def reload(self, *, force: bool = False) -> None:
        """Show the day as it is stored now; a field being typed in keeps its text unless ``force``."""
        day = self.day
        fd = self.planning.day(day) if day is not None else None
        self._filling = True
        try:
            if fd is None:
                self.cover = ""
                self.note_edit.clear()
                self.cover_edit.clear()
            else:
                if (force or not self.note_edit.hasFocus()) and self.note_edit.text() != fd.note:
                    self.note_edit.setText(fd.note)
                if force or not self.cover_edit.hasFocus():
                    self.cover = fd.cover
                    self._fill_roster()
                    if self.cover_edit.text() != fd.cover:
                        self.cover_combo.setCurrentIndex(-1)
                        self.cover_edit.setText(fd.cover)
            self._show_contact()
            self._fill_items()
            self._fill_tasks()
            self._show_autoreply()
        finally:
            self._filling = False

    def tasks(self) -> list[HandoverTask]:
        return list(self.planning.tasks(self.day)) if self.day is not None else []

    # -- filling ---------------------------------------------------------------------------
    def roster_names(self) -> list[str]:
        names = [parse_roster_entry(e).name for e in self._settings.get("team.roster")]
        return [n for n in names if n]

    def _fill_roster(self) -> None:
        names = self.roster_names()
        self._task_names.setStringList(names)
        combo = self.cover_combo
        if names != [combo.itemText(i) for i in range(combo.count())]:
            text = self.cover_edit.text()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(-1)
            self.cover_edit.setText(text)
            combo.blockSignals(False)

    def _fill_items(self) -> None:
        items = self.planning.items(self.day) if self.day is not None else []
        if [i.key for i in items] != list(self.item_boxes):
            _clear(self._items_layout)
            self.item_boxes = {}
            for item in items:
                cb = QCheckBox(self.checklist_box)
                cb.setObjectName(f"item_{item.key}")
                cb.toggled.connect(lambda on, key=item.key: self._on_item_toggled(key, on))
                self.item_boxes[item.key] = cb
                self._items_layout.addWidget(cb)
                cb.show()
            if not items:
                empty = QLabel(
                    QCoreApplication.translate(
                        "HandoverDialog", "No checklist items. Add them in the settings."
                    ),
                    self.checklist_box,
                )
                empty.setWordWrap(True)
                self._items_layout.addWidget(empty)
        for item in items:
            cb = self.item_boxes[item.key]
            cb.blockSignals(True)
            cb.setChecked(item.done)
            cb.setText(item.text(self.cover, self.lang, _translate))
            cb.setAccessibleName(cb.text())
            cb.blockSignals(False)

    def _fill_tasks(self) -> None:
        tasks = self.tasks()
        shown = [(t.id, t.text, t.to) for t in tasks]
        if shown == self._shown_tasks and self.task_rows.count():
            for task in tasks:  # the same rows: only their ticks may have changed
                cb = self.tasks_box.findChild(QCheckBox, f"task_{task.id}")
                if cb is not None and cb.isChecked() != task.done:
                    cb.blockSignals(True)
                    cb.setChecked(task.done)
                    cb.blockSignals(False)
            return
        self._shown_tasks = shown
        _clear(self.task_rows)
        if not tasks:
            empty = QLabel(
                QCoreApplication.translate("HandoverDialog", "Nothing passed on yet."), self.tasks_box
            )
            empty.setObjectName("noTasks")
            self.task_rows.addWidget(empty)
            empty.show()
        for task in tasks:
            row = QWidget(self.tasks_box)
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            cb = QCheckBox(f"{task.text} → {task.to}", row)
            cb.setObjectName(f"task_{task.id}")
            cb.setAccessibleName(cb.text())
            cb.setToolTip(
                QCoreApplication.translate("HandoverDialog", "Ticked when the colleague has taken it")
            )
            cb.setChecked(task.done)
            cb.toggled.connect(lambda on, tid=task.id: self._on_task_done(tid, on))
            remove = QToolButton(row)
            remove.setObjectName(f"removeTask_{task.id}")
            remove.setText("✕")
            remove.setAccessibleName(QCoreApplication.translate("HandoverDialog", "Remove task"))
            remove.setToolTip(QCoreApplication.translate("HandoverDialog", "Remove task"))
            remove.clicked.connect(lambda _=False, tid=task.id: self._on_remove_task(tid))
            h.addWidget(cb, 1)
            h.addWidget(remove)
            self.task_rows.addWidget(row)
            row.show()

    def _show_contact(self) -> None:
        if not self.cover:
            self.cover_contact.setText("")
            return
        contact = self._autoreply.cover_contact(self.cover)
        if contact.contact_text():
            self.cover_contact.setText(contact.contact_text())
        elif contact.name.casefold() in {n.casefold() for n in self.roster_names()}:
            self.cover_contact.setText(contact.name)  # in the team list, without phone or e-mail
        else:
            self.cover_contact.setText(QCoreApplication.translate("HandoverDialog", "(not in the team list)"))

    def _on_open_settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings()

    def _show_autoreply(self) -> None:
        day = self.day
        if day is None or self.planning.day(day) is None:
            self.reply_text.clear()
            self.missing_hint.show_missing(())
            return
        self.missing_hint.show_missing(self._autoreply.missing(day) if self._open_settings else ())
        if not self._ready(day.year):
            self.reply_text.setPlainText("…")
            return
        lang = str(self.reply_lang.currentData() or self.lang)
        self.reply_text.setPlainText(self._autoreply.text(day, lang))

    # -- edits -----------------------------------------------------------------------------
    def _source(self) -> QWidget:
        return self.window()

    def _planned(self) -> date | None:
        day = self.day
        return day if day is not None and self.planning.day(day) is not None else None

    def _on_note_edited(self) -> None:
        day = self._planned()
        if self._filling or day is None:
            return
        fd = self.planning.day(day)
        note = self.note_edit.text().strip()
        if fd is not None and fd.note != note:
            self.planning.edit_day(day, note=note, source=self._source())
            self.changed.emit()

    def _on_cover_edited(self, *, announce: bool = True) -> None:
        day = self._planned()
        if self._filling or day is None:
            return
        name = self.cover_edit.text().strip()
        if name == self.cover:
            return
        self.cover = name
        self.planning.edit_day(day, cover=name, source=self._source())
        self._show_contact()
        for item in self.planning.items(day):
            box = self.item_boxes.get(item.key)
            if box is not None:
                box.setText(item.text(self.cover, self.lang, _translate))
                box.setAccessibleName(box.text())
        self._show_autoreply()
        self.changed.emit()
        if announce:
            self.cover_changed.emit(name)

    def _on_item_toggled(self, key: str, on: bool) -> None:
        day = self._planned()
        if self._filling or day is None:
            return
        self.planning.set_item_done(day, key, on, source=self._source())
        self.changed.emit()

    def _on_add_task(self) -> None:
        day = self._planned()
        if day is None:
            return
        text, to = self.task_text.text().strip(), self.task_to.text().strip()
        if not text or not to:
            self.said.emit(
                QCoreApplication.translate("HandoverDialog", "Write the task and the colleague who takes it.")
            )
            (self.task_text if not text else self.task_to).setFocus()
            return
        self.planning.add_task(day, text, to, source=self._source())
        self.task_text.clear()
        self.task_to.clear()
        self.task_text.setFocus()
        self.said.emit("")
        self._fill_tasks()
        self.changed.emit()

    def _on_task_done(self, task_id: int, on: bool) -> None:
        self.planning.update_task(task_id, done=on, source=self._source())
        self.changed.emit()

    def _on_remove_task(self, task_id: int) -> None:
        self.planning.remove_task(task_id, source=self._source())
        self._fill_tasks()
        self.task_text.setFocus()  # the removed row's button is gone: keep the focus in the editor
        self.changed.emit()

    def _on_copy_autoreply(self) -> None:
        QGuiApplication.clipboard().setText(self.reply_text.toPlainText())
        self.said.emit(
            QCoreApplication.translate(
                "PlannerWindow", "The auto-reply is copied: paste it into your e-mail program."
            )
        )


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget() if child is not None else None
        if widget is not None:
            # Not setParent(None): the row may hold the button whose click is running.
            widget.hide()
            widget.deleteLater()
