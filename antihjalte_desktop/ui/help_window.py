"""The Help window: what the unit's words mean, how a day goes, the keyboard shortcuts, where the
data lives and what is shared with the team. Each paragraph is one translatable string (context
``HelpWindow``); the page around them is plain HTML built here."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QKeyCombination, Qt, QUrl
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget


def _key(seq: QKeySequence.StandardKey | str) -> str:
    """The keys as this platform writes them; for a standard key, each binding typed with Ctrl
    (Close is both Ctrl+F4 and Ctrl+W on Linux; dedicated keys such as "Undo" are left out)."""
    native = QKeySequence.SequenceFormat.NativeText
    if isinstance(seq, QKeySequence.StandardKey):
        ctrl = Qt.KeyboardModifier.ControlModifier
        bindings = QKeySequence.keyBindings(seq)
        keys = [k for k in bindings if k.count() and _first(k).keyboardModifiers() & ctrl]
        return " / ".join(k.toString(native) for k in keys)
    return QKeySequence(seq).toString(native)


def _first(seq: QKeySequence) -> QKeyCombination:
    first: QKeyCombination = seq[0]  # type: ignore[index]  # PySide6's stubs lack __getitem__
    return first


class HelpWindow(QWidget):
    def __init__(
        self,
        *,
        data_dir: Path,
        config_dir: Path,
        log_dir: Path,
        icon: QIcon | None = None,
        set_up_again: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help")
        self.setWindowTitle(self.tr("Antihjälte – help"))
        if icon is not None:
            self.setWindowIcon(icon)
        self._folders = {"data": data_dir, "config": config_dir, "logs": log_dir}
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(self.tr("Antihjälte – help"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.setHtml(self.page())
        layout.addWidget(self.browser, 1)
        row = QHBoxLayout()
        if set_up_again is not None:
            again = QPushButton(self.tr("Set up again…"), self)
            again.setObjectName("setUpAgain")
            again.setToolTip(self.tr("The first-run questions: name, team, feed, cadence and language."))
            again.clicked.connect(set_up_again)
            row.addWidget(again)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("close")
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addLayout(row)
        fm = self.fontMetrics()
        self.resize(fm.horizontalAdvance("0") * 90, fm.height() * 40)

    def _on_link(self, url: QUrl) -> None:
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(url)

    def page(self) -> str:
        """The help as HTML in the UI language."""
        parts: list[str] = []

        def h(text: str) -> None:
            parts.append(f"<h3>{html.escape(text)}</h3>")

        def p(text: str) -> None:
            parts.append(f"<p>{html.escape(text)}</p>")

        def items(rows: list[tuple[str, str]]) -> None:
            parts.append("<table cellspacing='0' cellpadding='3'>")
            for left, right in rows:
                parts.append(
                    f"<tr><td style='padding-right:12px'><b>{html.escape(left)}</b></td>"
                    f"<td>{html.escape(right)}</td></tr>"
                )
            parts.append("</table>")

        h(self.tr("The words"))
        items(
            [
                (
                    self.tr("Antihjälte day"),
                    self.tr("A day blocked for reflection, reading up, planning and analysis. Your calendar "
                       "shows you as busy, the auto-reply answers your mail and a colleague covers for you."),
                ),
                (
                    self.tr("Hero of the week"),
                    self.tr("The colleague who does the unit's shared chores that week, so the others can "
                       "keep their antihjälte days. The team feed says whose week it is."),
                ),
                (
                    self.tr("Quick tasks"),
                    self.tr("Small urgent requests that eat a day. On an antihjälte day you pass them on "
                       "to a colleague and take them back afterwards."),
                ),
            ]
        )  # fmt: skip

        h(self.tr("How a day goes"))
        items(
            [
                (
                    self.tr("Before"),
                    self.tr("Plan the day in the planner (Plan focus days… in the tray menu). The workday "
                            "before, a reminder opens the handover: switch on the auto-reply, forward your "
                            "phone, pass on your quick tasks and tell the one who covers for you."),
                ),
                (
                    self.tr("On the day"),
                    self.tr("In the morning a reminder asks what you want to do with the day; write it in "
                       "the journal if you like. Keep mail and chat closed."),
                ),
                (
                    self.tr("After"),
                    self.tr("At the end of the day a reminder asks you to reflect: what you learned and what "
                       "you will change. The next workday, take back your tasks and your phone and switch "
                       "off the auto-reply."),
                ),
            ]
        )  # fmt: skip

        h(self.tr("Keyboard shortcuts"))
        items(
            [
                (self.tr("Arrow keys"), self.tr("Planner: move between days")),
                (_key("PgUp") + " / " + _key("PgDown"), self.tr("Planner: the month before or after")),
                (_key("Ctrl+Home"), self.tr("Planner: back to today")),
                (_key("Return") + " / " + _key("Space"), self.tr("Planner: plan the chosen day, or open it")),
                (_key(QKeySequence.StandardKey.Undo), self.tr("Planner: undo the last change of the plan")),
                (_key("Ctrl+Shift+Z"), self.tr("Planner: redo")),
                (_key("Esc") + " / " + _key(QKeySequence.StandardKey.Close), self.tr("Close the window")),
                (_key(QKeySequence.StandardKey.New), self.tr("Journal: new entry")),
                (_key(QKeySequence.StandardKey.Find), self.tr("Journal: search")),
                (_key("Return"), self.tr("Settings: save the field")),
            ]
        )

        h(self.tr("Where your data lives"))
        p(self.tr("Everything is kept in this profile's folders on this computer:"))
        links = [
            (self.tr("Data (the plan, the journal, the team feed's copy)"), self._folders["data"]),
            (self.tr("Settings"), self._folders["config"]),
            (self.tr("Log files"), self._folders["logs"]),
        ]
        parts.append("<ul>")
        for label, folder in links:
            url = QUrl.fromLocalFile(str(folder)).toString()
            parts.append(
                f"<li>{html.escape(label)}: <a href='{html.escape(url)}'>{html.escape(str(folder))}</a></li>"
            )
        parts.append("</ul>")

        h(self.tr("What is shared with the team"))
        p(self.tr("The team feed gets the dates of your antihjälte days and the hero weeks, shown with your "
             "name, your initials or just “Antihjälte” (Settings → Team feed). Your e-mail address is "
             "shared only with your full name."))  # fmt: skip
        h(self.tr("What never leaves this computer"))
        p(self.tr("Your journal, the notes of a day, its checklist, the tasks you pass on, who covers for "
             "you, the auto-reply text, your phone number and your settings."))  # fmt: skip
        return "\n".join(parts)
