"""About Antihjälte: the version, the licence, this profile's data and log folders (openable),
and *Copy diagnostics*: the versions and backends a bug report needs, and no personal text (no
name, address, path of a home folder, plan or journal)."""

from __future__ import annotations

import html
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QVBoxLayout, QWidget

from antihjalte_desktop import APP_NAME, version

LICENCE = "GPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


def notification_backend(timeout_s: float = 1.0) -> str:
    """The notification chain's first link as it is now: the freedesktop server's name and version
    over D-Bus, or why not (then the tray's balloon or the app's own window takes over)."""
    if not sys.platform.startswith("linux"):
        return "tray balloon (QSystemTrayIcon.showMessage)"
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no session D-Bus: tray balloon, then the app's own window"
    try:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        addr = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.freedesktop.Notifications",
        )
        with open_dbus_connection(bus="SESSION") as conn:
            reply = conn.send_and_get_reply(new_method_call(addr, "GetServerInformation"), timeout=timeout_s)
        name, vendor, ver, spec = (str(v) for v in reply.body[:4])
        return f"D-Bus org.freedesktop.Notifications: {name} {ver} ({vendor}, spec {spec})"
    except Exception as err:  # any failure is a fact for the report
        why = type(err).__name__
        return f"D-Bus notification server not reachable ({why}): tray balloon, then the app's own window"


def diagnostics(*, has_tray: bool, notifications: Callable[[], str] = notification_backend) -> str:
    """The diagnostics text for a bug report: versions, platform and backends, nothing personal."""
    import PySide6
    from PySide6 import QtCore

    session = os.environ.get("XDG_SESSION_TYPE", "") or "?"
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "") or "?"
    if has_tray:
        tray = "system tray (QSystemTrayIcon)"
        if not QSystemTrayIcon.supportsMessages():
            tray += ", no balloon messages"
    elif QSystemTrayIcon.isSystemTrayAvailable():
        tray = "system tray available but not used: window mode"
    else:
        tray = "none found: window mode"
    lines = [
        f"{APP_NAME} {version()}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}",
        f"Platform: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Qt platform plugin: {QGuiApplication.platformName()}",
        f"Session: {session}, desktop: {desktop}",
        f"Tray: {tray}",
        f"Notifications: {notifications()}",
        f"Locale: {QtCore.QLocale.system().name()}",
    ]
    return "\n".join(lines) + "\n"


class AboutDialog(QWidget):
    def __init__(
        self,
        *,
        data_dir: Path,
        log_dir: Path,
        has_tray: bool,
        icon: QIcon | None = None,
        set_up_again: Callable[[], object] | None = None,
        notifications: Callable[[], str] = notification_backend,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("about")
        self.setWindowTitle(QCoreApplication.translate("App", "About Antihjälte"))
        self._has_tray = has_tray
        self._notifications = notifications
        if icon is not None:
            self.setWindowIcon(icon)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        if icon is not None:
            pic = QLabel(self)
            pic.setPixmap(icon.pixmap(64, 64))
            pic.setAlignment(Qt.AlignmentFlag.AlignTop)
            top.addWidget(pic)
        text = QVBoxLayout()
        title = QLabel(f"<b>{html.escape(APP_NAME)} {html.escape(version())}</b>", self)
        title.setObjectName("title")
        text.addWidget(title)
        blurb = QLabel(
            QCoreApplication.translate(
                "App",
                "Plan protected antihjälte days for reflection, reading up, planning and analysis; "
                "pass on quick tasks; and keep your cadence.",
            ),
            self,
        )
        blurb.setWordWrap(True)
        text.addWidget(blurb)
        licence = QLabel(
            self.tr("Free software under the %1 licence.").replace(
                "%1", f"<a href='{LICENCE_URL}'>{LICENCE}</a>"
            ),
            self,
        )
        licence.setObjectName("licence")
        licence.setOpenExternalLinks(True)
        text.addWidget(licence)
        self.folder_labels: dict[str, QLabel] = {}
        for name, label, folder in (
            ("data", self.tr("Data:"), data_dir),
            ("logs", self.tr("Logs:"), log_dir),
        ):
            url = QUrl.fromLocalFile(str(folder)).toString()
            lab = QLabel(
                f"{html.escape(label)} <a href='{html.escape(url)}'>{html.escape(str(folder))}</a>", self
            )
            lab.setObjectName(f"folder:{name}")
            lab.setToolTip(self.tr("Open the folder"))
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            lab.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
            lab.setWordWrap(True)
            self.folder_labels[name] = lab
            text.addWidget(lab)
        top.addLayout(text, 1)
        layout.addLayout(top)
        self.copied = QLabel(self)
        self.copied.setObjectName("copied")
        self.copied.hide()
        layout.addWidget(self.copied)
        row = QHBoxLayout()
        if set_up_again is not None:
            again = QPushButton(self.tr("Set up again…"), self)
            again.setObjectName("setUpAgain")
            again.clicked.connect(set_up_again)
            row.addWidget(again)
        copy = QPushButton(self.tr("Copy diagnostics"), self)
        copy.setObjectName("copyDiagnostics")
        copy.setToolTip(
            self.tr("Versions, platform, tray and notifications, for a bug report. Nothing personal.")
        )
        copy.clicked.connect(self.copy_diagnostics)
        row.addWidget(copy)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("close")
        close.setDefault(True)
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addLayout(row)
        fm = self.fontMetrics()
        self.resize(fm.horizontalAdvance("0") * 72, self.sizeHint().height())

    def copy_diagnostics(self) -> str:
        text = diagnostics(has_tray=self._has_tray, notifications=self._notifications)
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(self.tr("Diagnostics copied to the clipboard."))
        self.copied.show()
        return text
