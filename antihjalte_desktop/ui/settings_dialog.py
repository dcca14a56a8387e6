"""The settings dialog, generated from ``core.settings_schema.SCHEMA``: one page per section,
one typed editor per setting. A change applies at once and is saved (``Settings.set``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, QTimer
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.settings_schema import SCHEMA, SECTION_LABELS, Kind, Setting
from antihjalte_desktop.errors import KnownError

if TYPE_CHECKING:
    from antihjalte_desktop.store.settings import Settings

# Typing in a text field saves after this pause (and at once when the field loses focus).
SAVE_DELAY_MS = 600


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


class _Field:
    """One setting's editor, its error label and how to read its value."""

    def __init__(self, dialog: SettingsDialog, setting: Setting, editor: QWidget, error: QLabel) -> None:
        self.dialog = dialog
        self.setting = setting
        self.editor = editor
        self.error = error
        self.timer: QTimer | None = None

    def value(self) -> Any:
        e = self.editor
        k = self.setting.kind
        if k is Kind.INT:
            assert isinstance(e, QSpinBox)
            return e.value()
        if k is Kind.BOOL:
            assert isinstance(e, QCheckBox)
            return e.isChecked()
        if k is Kind.TIME:
            assert isinstance(e, QTimeEdit)
            return e.time().toString("HH:mm")
        if k is Kind.CHOICE:
            assert isinstance(e, QComboBox)
            return self.setting.choices[e.currentIndex()]
        if k is Kind.LIST:
            assert isinstance(e, QPlainTextEdit)
            return [line.strip() for line in e.toPlainText().splitlines() if line.strip()]
        if k is Kind.TEXT:
            assert isinstance(e, QPlainTextEdit)
            return e.toPlainText()
        assert isinstance(e, QLineEdit)
        return e.text() if k is Kind.PASSWORD else e.text().strip()

    def later(self) -> None:
        if self.timer is None:
            self.timer = QTimer(self.editor)
            self.timer.setSingleShot(True)
            self.timer.timeout.connect(self.apply)
        self.timer.start(SAVE_DELAY_MS)

    def apply(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        self.dialog.apply(self)


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, secrets: dict[str, str], icon: QIcon) -> None:
        super().__init__()
        self._settings = settings
        self._secrets = secrets  # passwords typed this session when there is no keyring
        self.fields: dict[str, _Field] = {}
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("Antihjälte – settings"))
        self.setWindowIcon(icon)
        self.setModal(False)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Changes are saved at once."), self)
        layout.addWidget(intro)
        row = QHBoxLayout()
        layout.addLayout(row, 1)
        self.sections = QListWidget(self)
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setSpacing(2)
        self.pages = QStackedWidget(self)
        row.addWidget(self.sections)
        row.addWidget(self.pages, 1)

        order: list[str] = []
        for s in SCHEMA:
            if s.section not in order:
                order.append(s.section)
        fm = self.fontMetrics()
        widest = 0
        for section in order:
            label = _t(SECTION_LABELS.get(section, section))
            widest = max(widest, fm.horizontalAdvance(label))
            self.sections.addItem(label)
            self.pages.addWidget(self._page([s for s in SCHEMA if s.section == section]))
        self.sections.setFixedWidth(widest + fm.horizontalAdvance("0") * 6)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(fm.horizontalAdvance("0") * 110, fm.height() * 34)

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
            box = QWidget(inner)
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            if s.kind in (Kind.INT, Kind.TIME, Kind.CHOICE):
                v.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)  # a number or time needs no full width
            else:
                v.addWidget(editor)
            if s.help:
                help_label = QLabel(_t(s.help), box)
                help_label.setWordWrap(True)
                _dim(help_label)
                v.addWidget(help_label)
                editor.setToolTip(_t(s.help))
                editor.setAccessibleDescription(_t(s.help))
            if s.key == "ui.language":
                note = QLabel(self.tr("The tray menu and the planner switch at once; this dialog when you "
                                      "open it again."), box)  # fmt: skip
                note.setWordWrap(True)
                _dim(note)
                v.addWidget(note)
            error = QLabel(box)
            error.setObjectName(f"{s.key}.error")
            error.setWordWrap(True)
            error.setStyleSheet("color: #d32f2f")
            error.hide()
            v.addWidget(error)
            if s.kind is Kind.BOOL:
                form.addRow("", box)  # the check box carries its own label
            else:
                label = QLabel(_t(s.label) + ":", inner)
                label.setBuddy(editor)
                form.addRow(label, box)
            field = _Field(self, s, editor, error)
            self.fields[s.key] = field
            self._connect(field)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        return scroll

    def _editor(self, s: Setting) -> QWidget:
        value = self._settings.get(s.key) if s.kind is not Kind.PASSWORD else self._secrets.get(s.key, "")
        k = s.kind
        if k is Kind.INT:
            spin = QSpinBox(self)
            spin.setRange(
                s.minimum if s.minimum is not None else -(2**31),
                s.maximum if s.maximum is not None else 2**31 - 1,
            )
            spin.setValue(int(value))
            return spin
        if k is Kind.BOOL:
            check = QCheckBox(_t(s.label), self)
            check.setChecked(bool(value))
            return check
        if k is Kind.TIME:
            te = QTimeEdit(self)
            te.setDisplayFormat("HH:mm")
            te.setTime(QTime.fromString(str(value), "HH:mm"))
            return te
        if k is Kind.CHOICE:
            combo = QComboBox(self)
            labels = s.choice_labels or s.choices
            for choice, label in zip(s.choices, labels, strict=True):
                combo.addItem(_t(label), choice)
            combo.setCurrentIndex(s.choices.index(value) if value in s.choices else 0)
            return combo
        if k in (Kind.LIST, Kind.TEXT):
            edit = QPlainTextEdit(self)
            edit.setPlainText("\n".join(value) if k is Kind.LIST else str(value))
            edit.setTabChangesFocus(True)
            lines = 4 if k is Kind.LIST else 9
            edit.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
            return edit
        line = QLineEdit(self)
        line.setText(str(value))
        if k is Kind.PASSWORD:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        return line

    def _connect(self, f: _Field) -> None:
        e = f.editor
        if isinstance(e, QSpinBox):
            e.valueChanged.connect(lambda _v: f.apply())
        elif isinstance(e, QCheckBox):
            e.toggled.connect(lambda _v: f.apply())
        elif isinstance(e, QTimeEdit):
            e.timeChanged.connect(lambda _v: f.apply())
        elif isinstance(e, QComboBox):
            e.currentIndexChanged.connect(lambda _v: f.apply())
        elif isinstance(e, QPlainTextEdit):
            e.textChanged.connect(f.later)
            e.installEventFilter(self)
        elif isinstance(e, QLineEdit):
            e.textEdited.connect(lambda _t: f.later())
            e.editingFinished.connect(f.apply)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FocusOut:
            for f in self.fields.values():
                if f.editor is watched and f.timer is not None and f.timer.isActive():
                    f.apply()
        return super().eventFilter(watched, event)

    # -- applying -----------------------------------------------------------------------
    def apply(self, f: _Field) -> None:
        key = f.setting.key
        value = f.value()
        try:
            if f.setting.kind is Kind.PASSWORD:
                self._secrets[key] = value  # this session; the keyring keeps it for good
                note = self._keep_password(value)
                if note:
                    f.error.setText(note)
                    f.error.show()
                    return
            elif value != self._settings.get(key):
                self._settings.set(key, value)
        except KnownError as err:
            f.error.setText(str(err))
            f.error.show()
            f.editor.setProperty("invalid", True)
            return
        f.error.hide()
        f.editor.setProperty("invalid", False)

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
        """Save any text still waiting for its pause."""
        for f in self.fields.values():
            if f.timer is not None and f.timer.isActive():
                f.apply()

    def done(self, result: int) -> None:
        self.flush()
        super().done(result)

    def show_section(self, section: str) -> None:
        order = [s.section for s in SCHEMA]
        seen: list[str] = []
        for sec in order:
            if sec not in seen:
                seen.append(sec)
        if section in seen:
            self.sections.setCurrentRow(seen.index(section))
