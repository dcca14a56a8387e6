"""The settings dialog, generated from ``core.settings_schema.SCHEMA``: one page per section,
one typed editor per setting.

A value is saved when its editing is finished: on leaving the field, on Enter, on picking an item
from an open list, and when the dialog closes. Typing, arrow steps and spin-box clicks only change
the field, so a listener of the settings (the reminder scheduler) never sees a value on the way.
Enter never closes the dialog. A refused value stays in its field, which is marked with a red frame
and a warning sign and says in a sentence what is wrong and that it was not saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.settings_schema import (
    SCHEMA,
    SECTION_LABELS,
    Kind,
    Setting,
    holds_credentials,
    read_time,
)
from antihjalte_desktop.errors import KnownError

if TYPE_CHECKING:
    from antihjalte_desktop.store.settings import Settings

REFUSED_FRAME = "border: 2px solid #d32f2f; border-radius: 3px;"


def _t(text: str) -> str:
    return QCoreApplication.translate("settings", text)


def _dim(label: QLabel) -> None:
    """Help text: the window text colour a third of the way to the background (still readable,
    in light and dark themes alike)."""
    pal = label.palette()
    text = pal.color(QPalette.ColorRole.WindowText)
    bg = pal.color(QPalette.ColorRole.Window)
    mixed = QColor.fromRgbF(
        *(
            a + (b - a) * 0.3
            for a, b in zip(
                (text.redF(), text.greenF(), text.blueF()), (bg.redF(), bg.greenF(), bg.blueF()), strict=True
            )
        )
    )
    pal.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(pal)


# -- editors ---------------------------------------------------------------------------------------
class TimeEdit(QLineEdit):
    """A time of day as people type it (``0830``, ``830``, ``8:30``, ``08.30``, ``2206``). Up and Down
    step the hour or the minute under the cursor, Page Up and Page Down an hour; stepping only changes
    the text, the value is saved when editing is finished."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pattern = QRegularExpression(r"\s*[0-9]{0,2}[:.]?[0-9]{0,2}\s*")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.setMaxLength(7)
        self.setPlaceholderText("08:30")
        fm = self.fontMetrics()
        self.setFixedWidth(fm.horizontalAdvance("00:00") + fm.horizontalAdvance("0") * 6)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1, Qt.Key.Key_PageUp: 60, Qt.Key.Key_PageDown: -60}
        if key in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.step(steps[key])  # type: ignore[index]
            event.accept()
            return
        super().keyPressEvent(event)

    def step(self, minutes: int) -> None:
        """Move the time by ``minutes``; a one-minute step moves the hour when the cursor is in it."""
        current = read_time(self.text())
        if current is None:
            return
        h, m = map(int, current.split(":"))
        cursor = self.cursorPosition()
        if abs(minutes) == 1 and cursor <= 2:
            minutes *= 60
        total = (h * 60 + m + minutes) % (24 * 60)
        self.setText(f"{total // 60:02d}:{total % 60:02d}")
        self.setCursorPosition(cursor)


class ListEditor(QWidget):
    """A list setting as rows: add, edit (F2, double-click or start typing), remove and reorder.
    ``edited`` is emitted when a row's editing is finished; add, remove and move are saved when
    the list loses focus or the dialog closes."""

    edited = Signal()

    def __init__(self, labels: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels or {}  # built-in entries shown in the user's words (handover items)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setSpacing(1)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.itemDelegate().closeEditor.connect(self._on_editor_closed)
        row.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        row.addLayout(buttons)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        for b, slot in (
            (self.add_button, self.add_row),
            (self.remove_button, self.remove_row),
            (self.up_button, lambda: self.move_row(-1)),
            (self.down_button, lambda: self.move_row(1)),
        ):
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.list.installEventFilter(self)
        self.setFocusProxy(self.list)
        # As tall as its rows need (up to the maximum the dialog sets), never stretched by the page.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_values(self, values: list[str]) -> None:
        self.list.clear()
        for v in values:
            item = QListWidgetItem(self._labels.get(v, v))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            if v in self._labels:
                item.setData(Qt.ItemDataRole.UserRole, v)
            self.list.addItem(item)
        self._update_buttons()

    def values(self) -> list[str]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            text = item.text().strip()
            key = item.data(Qt.ItemDataRole.UserRole)
            if key and text == self._labels.get(key):
                out.append(key)  # unchanged built-in entry: keep its key, shown in any language
            elif text:
                out.append(text)
        return out

    def add_row(self) -> None:
        item = QListWidgetItem("")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.list.setFocus()
        self.list.editItem(item)

    def remove_row(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.list.setFocus()
        self._update_buttons()

    def move_row(self, by: int) -> None:
        row = self.list.currentRow()
        to = row + by
        if row < 0 or not 0 <= to < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(to, item)
        self.list.setCurrentRow(to)
        self.list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() == Qt.Key.Key_Delete:
                self.remove_row()
                return True
            if event.key() == Qt.Key.Key_Insert:
                self.add_row()
                return True
            if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_row(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def _on_editor_closed(self, *_args: object) -> None:
        for i in reversed(range(self.list.count())):
            if not self.list.item(i).text().strip():
                self.list.takeItem(i)  # an added row left empty
        self._update_buttons()
        self.edited.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)


class ChoiceBox(QComboBox):
    """A drop-down list that says when an item was picked from its open list (a finished choice),
    as opposed to stepping through the items with the arrow keys or by typing (not yet finished)."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._closing = False
        self.activated.connect(self._on_activated)

    def hidePopup(self) -> None:
        # Qt hides the open list and then emits activated() for the item picked in it.
        self._closing = True
        super().hidePopup()

    def showPopup(self) -> None:
        self._closing = False
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._closing = False  # arrow keys and typing step through the items: not yet a choice
        super().keyPressEvent(event)

    def wheelEvent(self, event: Any) -> None:
        self._closing = False
        super().wheelEvent(event)

    def _on_activated(self, _index: int) -> None:
        if self._closing:
            self._closing = False
            self.picked.emit()


def countries(lang: str) -> list[tuple[str, str]]:
    """(code, name) of every country the holidays package knows, named in ``lang`` (CLDR, via
    Babel) and sorted as that language sorts. Imported here: the dialog opens rarely."""
    import holidays
    from babel import Locale
    from PySide6.QtCore import QCollator, QLocale

    names = Locale.parse(lang if lang in ("sv", "en") else "en").territories
    # Two-letter codes only; UK is the package's alias of GB.
    found = [(c, names[c]) for c in holidays.list_supported_countries() if len(c) == 2 and c in names]
    collator = QCollator(QLocale(lang))
    return sorted(found, key=lambda cn: collator.sortKey(cn[1]))


# -- one setting -----------------------------------------------------------------------------------
class _Field:
    """One setting's editor, the message under it, and how to read its value."""

    def __init__(self, dialog: SettingsDialog, setting: Setting, editor: QWidget, help_text: str) -> None:
        self.dialog = dialog
        self.setting = setting
        self.editor = editor
        self.help_text = help_text
        self.refused = False
        self.error_box = QWidget()
        row = QHBoxLayout(self.error_box)
        row.setContentsMargins(0, 2, 0, 0)
        self.icon = QLabel(self.error_box)
        size = editor.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = editor.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.error = QLabel(self.error_box)
        self.error.setObjectName(f"{setting.key}.error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.error, 1)
        self.icon.hide()
        self.error.hide()

    @property
    def framed(self) -> QWidget:
        """The widget that gets the red frame."""
        return self.editor.list if isinstance(self.editor, ListEditor) else self.editor

    def value(self) -> Any:
        """The value in the editor; ValueError when it cannot be read (a time that is not one)."""
        e = self.editor
        if isinstance(e, TimeEdit):
            value = read_time(e.text())
            if value is None:
                raise ValueError(e.text())
            return value
        if isinstance(e, QSpinBox):
            return e.value()
        if isinstance(e, QCheckBox):
            return e.isChecked()
        if isinstance(e, QComboBox):
            return e.currentData()
        if isinstance(e, ListEditor):
            return e.values()
        if isinstance(e, QPlainTextEdit):
            return e.toPlainText()
        assert isinstance(e, QLineEdit)
        return e.text() if self.setting.kind is Kind.PASSWORD else e.text().strip()

    def show_value(self, value: Any) -> None:
        """Write a saved value back (a typed 830 reads 08:30 once saved)."""
        if isinstance(self.editor, TimeEdit) and self.editor.text() != value:
            self.editor.setText(str(value))

    def commit(self) -> None:
        self.dialog.apply(self)

    def contains(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self.editor or self.editor.isAncestorOf(widget))

    def refuse(self, message: str) -> None:
        self.refused = True
        self.error.setText(message)
        self.error.show()
        self.icon.show()
        self.framed.setStyleSheet(REFUSED_FRAME)
        self.editor.setProperty("invalid", True)
        self.editor.setAccessibleDescription(message)

    def note(self, message: str) -> None:
        """A message that is not a refusal (the password kept for this session only)."""
        self.error.setText(message)
        self.error.show()
        self.icon.show()

    def clear(self) -> None:
        self.refused = False
        self.error.hide()
        self.icon.hide()
        self.framed.setStyleSheet("")
        self.editor.setProperty("invalid", False)
        self.editor.setAccessibleDescription(self.help_text)


# -- the dialog ------------------------------------------------------------------------------------
class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, secrets: dict[str, str], icon: QIcon, language: str) -> None:
        super().__init__()
        self._settings = settings
        self._secrets = secrets  # passwords typed this session when there is no keyring
        self._language = language
        self.fields: dict[str, _Field] = {}
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("Antihjälte – settings"))
        self.setWindowIcon(icon)
        self.setModal(False)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A change is saved when you leave its field or press Enter."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        layout.addLayout(row, 1)
        self.sections = QListWidget(self)
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setSpacing(2)
        self.pages = QStackedWidget(self)
        row.addWidget(self.sections)
        row.addWidget(self.pages, 1)

        fm = self.fontMetrics()
        widest = 0
        for section in self._section_order():
            label = _t(SECTION_LABELS.get(section, section))
            widest = max(widest, fm.horizontalAdvance(label))
            self.sections.addItem(label)
            self.pages.addWidget(self._page([s for s in SCHEMA if s.section == section]))
        self.sections.setFixedWidth(widest + fm.horizontalAdvance("0") * 6)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for b in buttons.buttons():
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)  # Enter in a field never presses Close
                b.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(fm.horizontalAdvance("0") * 110, fm.height() * 34)
        app_instance = QApplication.instance()
        assert isinstance(app_instance, QApplication)
        self._qapp = app_instance
        self._qapp.focusChanged.connect(self._on_focus_changed)
        self._qapp.aboutToQuit.connect(self.flush)  # quitting from the tray saves what was typed
        self._listening = True

    @staticmethod
    def _section_order() -> list[str]:
        order: list[str] = []
        for s in SCHEMA:
            if s.section not in order:
                order.append(s.section)
        return order

    # -- building -----------------------------------------------------------------------
    def _page(self, settings: list[Setting]) -> QWidget:
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A label too long to sit beside its field goes above it (wrapped labels in a form clip).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for s in settings:
            editor = self._editor(s)
            editor.setObjectName(s.key)
            editor.setAccessibleName(_t(s.label))
            if isinstance(editor, ListEditor):
                editor.list.setAccessibleName(_t(s.label))
            box = QWidget(inner)
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            if isinstance(editor, (QSpinBox, TimeEdit, QComboBox)):
                v.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)  # a number or time needs no full width
            else:
                v.addWidget(editor)
            help_text = _t(s.help) if s.help else ""
            if help_text:
                help_label = QLabel(help_text, box)
                help_label.setWordWrap(True)
                _dim(help_label)
                v.addWidget(help_label)
                editor.setToolTip(help_text)
                editor.setAccessibleDescription(help_text)
            if s.key == "ui.language":
                note = QLabel(self.tr("The tray menu, the planner and this dialog switch at once."), box)
                note.setWordWrap(True)
                _dim(note)
                v.addWidget(note)
            field = _Field(self, s, editor, help_text)
            field.error_box.setParent(box)
            v.addWidget(field.error_box)
            if s.kind is Kind.BOOL:
                form.addRow("", box)  # the check box carries its own label
            else:
                label = QLabel(_t(s.label) + ":", inner)
                label.setBuddy(editor.list if isinstance(editor, ListEditor) else editor)
                form.addRow(label, box)
            self.fields[s.key] = field
            self._connect(field)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        # Not a tab stop of its own: a nameless stop says nothing to a screen reader, and the
        # area scrolls to whichever field takes the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _editor(self, s: Setting) -> QWidget:
        value = self._settings.get(s.key) if s.kind is not Kind.PASSWORD else self._secrets.get(s.key, "")
        k = s.kind
        if s.key == "holidays.country":
            return self._country_box(str(value))
        if k is Kind.INT:
            spin = QSpinBox(self)
            spin.setRange(
                s.minimum if s.minimum is not None else -(2**31),
                s.maximum if s.maximum is not None else 2**31 - 1,
            )
            spin.setValue(int(value))
            spin.setKeyboardTracking(False)
            return spin
        if k is Kind.BOOL:
            check = QCheckBox(_t(s.label), self)
            check.setChecked(bool(value))
            return check
        if k is Kind.TIME:
            te = TimeEdit(self)
            te.setText(str(value))
            return te
        if k is Kind.CHOICE:
            combo = ChoiceBox(self)
            labels = s.choice_labels or s.choices
            for choice, label in zip(s.choices, labels, strict=True):
                combo.addItem(_t(label), choice)
            combo.setCurrentIndex(s.choices.index(value) if value in s.choices else 0)
            return combo
        if k is Kind.LIST:
            editor = ListEditor(self._handover_labels() if s.key == "handover.items" else None, self)
            editor.set_values(list(value))
            # Room for about six rows; a longer list scrolls rather than stretching the page.
            rows = self.fontMetrics().lineSpacing() + 4
            editor.list.setMinimumHeight(rows * 4 + 8)
            editor.setMaximumHeight(rows * 6 + 8)
            return editor
        if k is Kind.TEXT:
            edit = QPlainTextEdit(self)
            edit.setPlainText(str(value))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 9 + 12)
            return edit
        line = QLineEdit(self)
        line.setText(str(value))
        if k is Kind.PASSWORD:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        return line

    def _country_box(self, code: str) -> QComboBox:
        combo = ChoiceBox(self)
        combo.setMaxVisibleItems(20)
        for c, name in countries(self._language):
            combo.addItem(name, c)
        index = combo.findData(code.upper())
        if index < 0:  # a code set on the command line that the list does not have: keep it
            combo.insertItem(0, code, code)
            index = 0
        combo.setCurrentIndex(index)
        return combo

    def _handover_labels(self) -> dict[str, str]:
        from antihjalte_desktop.core.handover import BUILTIN_ITEMS, HandoverItem

        lang = self._language
        return {
            key: HandoverItem(key, "", False).text("", lang, QCoreApplication.translate)
            for key in BUILTIN_ITEMS
        }

    def _connect(self, f: _Field) -> None:
        e = f.editor
        if isinstance(e, QCheckBox):
            e.toggled.connect(lambda _v: f.commit())  # a click is a finished choice
        elif isinstance(e, ChoiceBox):
            e.picked.connect(f.commit)
        elif isinstance(e, QSpinBox):
            e.editingFinished.connect(f.commit)
        elif isinstance(e, ListEditor):
            e.edited.connect(f.commit)
        elif isinstance(e, QLineEdit):
            e.editingFinished.connect(f.commit)
        # Every field also saves when the focus leaves it (_on_focus_changed) and on close.

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        for f in self.fields.values():
            if f.contains(old) and not f.contains(new):
                f.commit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter commits the field it was pressed in and never closes the dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            for f in self.fields.values():
                if f.contains(focus):
                    f.commit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- applying -----------------------------------------------------------------------
    def apply(self, f: _Field) -> None:
        """Save the field's value if it changed; refuse it, in a sentence, if it is wrong."""
        key = f.setting.key
        try:
            value = f.value()
        except ValueError:
            f.refuse(self._refusal(f, None))
            return
        if f.setting.kind is Kind.PASSWORD:
            if value == self._secrets.get(key, ""):
                return
            self._secrets[key] = value  # this session; the keyring keeps it for good
            note = self._keep_password(value)
            if note:
                f.note(note)
            else:
                f.clear()
            return
        if value != self._settings.get(key):
            try:
                self._settings.set(key, value)
            except KnownError as err:
                f.refuse(self._refusal(f, err))
                return
        f.clear()
        f.show_value(self._settings.get(key))

    def _refusal(self, f: _Field, err: KnownError | None) -> str:
        """What is wrong, in the user's words, and that it was not saved."""
        not_saved = self.tr("It was not saved.")
        s = f.setting
        if s.kind is Kind.TIME:
            what = self.tr("This is not a time of day. Type it as 08:30, 0830 or 8.30.")
        elif s.key == "me.email":
            what = self.tr("This is not an e-mail address.")
        elif s.key in ("feed.location", "feed.subscriptions") and holds_credentials(f.value()):
            what = self.tr("A feed address must not hold a user name or password. Put them under "
                           "Feed user name and Feed password.")  # fmt: skip
        elif s.key.startswith("autoreply.template_"):
            what = self._template_problem(str(f.value()))
        else:
            text = str(err) if err is not None else ""
            text = text[:1].upper() + text[1:]
            what = text if text.endswith(".") else text + "."
        return f"{what} {not_saved}"

    def _template_problem(self, template: str) -> str:
        from antihjalte_desktop.core.autoreply import PLACEHOLDERS, template_fields

        try:
            unknown = sorted(template_fields(template) - set(PLACEHOLDERS))
        except ValueError:
            unknown = []
        if unknown:
            names = ", ".join("{" + u + "}" for u in unknown)
            return self.tr("The text has a placeholder the app does not know: %1.").replace("%1", names)
        return self.tr("The text has a { or } that is not part of a placeholder such as {day}. "
                       "Write {{ or }} for the sign itself.")  # fmt: skip

    def _keep_password(self, value: str) -> str:
        """Save the feed password in the OS keyring (keyed by feed address and user name); without a
        usable keyring keep it in memory for this session only. Returns what to tell the user, or ""."""
        if not value:
            return ""
        from antihjalte_desktop.store import secrets

        url = str(self._settings.get("feed.location")).strip()
        user = str(self._settings.get("feed.user")).strip()
        if "://" not in url or not user:
            return self.tr("Enter the feed address and user name first, then the password again.")
        try:
            secrets.store_password(url, user, value)
        except KnownError:
            secrets.remember_for_session(url, user, value)
            return self.tr(
                "No system keyring is available, so the password is kept only while the app runs. "
                "Install gnome-keyring or KWallet to keep it (Windows and macOS have one built in)."
            )
        return ""

    def flush(self) -> None:
        """Save every field whose value differs from the saved one (closing the dialog)."""
        for f in self.fields.values():
            f.commit()

    def done(self, result: int) -> None:
        self.flush()
        if self._listening:
            self._listening = False
            self._qapp.focusChanged.disconnect(self._on_focus_changed)
            self._qapp.aboutToQuit.disconnect(self.flush)
        super().done(result)

    def show_section(self, section: str) -> None:
        order = self._section_order()
        if section in order:
            self.sections.setCurrentRow(order.index(section))
