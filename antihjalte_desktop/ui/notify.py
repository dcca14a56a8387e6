"""Desktop notifications through a chain: D-Bus → tray balloon → in-app popup.

1. ``org.freedesktop.Notifications`` over D-Bus with action buttons, sent with
   jeepney (QtDBus from PySide6 cannot send the ``uint32`` that ``Notify`` wants).
   The server's ``ActionInvoked``/``NotificationClosed`` come back on the same
   connection, which is read inside the Qt loop through a ``QSocketNotifier``.
2. ``QSystemTrayIcon.showMessage`` (Windows, macOS, or no notification server):
   no buttons; a click on the balloon opens the checklist.
3. An in-app popup with the three buttons, which always works.

If a link fails (no session bus, no server, an error reply, no answer), the next
one serves the same message. Each link is created only when first needed.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("antihjalte.notify")

APP_NAME = "Antihjälte"
# The desktop file id (packaging/se.antihjalte.Desktop.desktop) and its icon's name, so the
# notification server shows our icon and groups our notifications under the app.
DESKTOP_ENTRY = "se.antihjalte.Desktop"
ICON_NAME = "se.antihjalte.Desktop"

# Action keys, sent to the server and back in ActionInvoked.
OPEN = "open"
SNOOZE = "snooze"  # for an hour
SNOOZE_15 = "snooze-15m"
SNOOZE_MORNING = "snooze-morning"  # until the start time of the next workday
SNOOZES = (SNOOZE_15, SNOOZE, SNOOZE_MORNING)
DONE = "done"
DEFAULT = "default"  # a click on the notification's body

# How long to wait for the notification server's reply before the next link serves.
REPLY_TIMEOUT_MS = 5000

_NOTIFY_PATH = "/org/freedesktop/Notifications"
_NOTIFY_NAME = "org.freedesktop.Notifications"


@dataclass
class Message:
    """One reminder message, the same for every link."""

    key: str  # the reminder id: actions come back with it
    title: str
    body: str
    actions: list[tuple[str, str]] = field(default_factory=list)  # (key, label), in button order


class QtDBusConnection(QObject):
    """A jeepney connection read inside the Qt event loop.

    Messages are sent without waiting; replies, errors and signals arrive through
    ``message_received`` when the socket is readable, so the UI never blocks on the bus.
    """

    message_received = Signal(object)  # jeepney.Message
    disconnected = Signal()

    def __init__(self, bus: str = "SESSION", parent: QObject | None = None) -> None:
        super().__init__(parent)
        from jeepney.io.blocking import open_dbus_connection

        self._conn: Any = open_dbus_connection(bus, auth_timeout=1.0)
        self._notifier = QSocketNotifier(self._conn.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    @property
    def unique_name(self) -> str:
        return str(self._conn.unique_name)

    def send(self, msg: Any) -> int:
        """Send a message; returns its serial (replies name it in ``reply_serial``)."""
        if self._conn is None:
            raise ConnectionError("the D-Bus connection is closed")
        serial = next(self._conn.outgoing_serial)
        self._conn.send(msg, serial=serial)
        return int(serial)

    def add_match(self, **rule: Any) -> None:
        from jeepney import MatchRule, message_bus

        self.send(message_bus.AddMatch(MatchRule(**rule)))

    def close(self) -> None:
        if self._conn is None:
            return
        self._notifier.setEnabled(False)
        with contextlib.suppress(OSError):
            self._conn.close()
        self._conn = None

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def _on_readable(self) -> None:
        if self._conn is None:
            return
        try:
            while True:
                msg = self._conn.receive(timeout=0)
                self.message_received.emit(msg)
                if self._conn is None:  # a receiver closed us
                    return
        except TimeoutError:
            return  # drained
        except (OSError, ValueError) as err:  # the bus went away, or sent garbage
            log.info("D-Bus connection lost: %s", err)
            self.close()
            self.disconnected.emit()


def _reply_serial(msg: Any) -> int:
    from jeepney import HeaderFields

    return int(msg.header.fields.get(HeaderFields.reply_serial, -1))


class DBusLink(QObject):
    """Link 1: the freedesktop notification server, with action buttons."""

    action_invoked = Signal(str, str)  # message key, action key
    failed = Signal(object)  # the Message that could not be delivered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus: QtDBusConnection | None = None
        self._pending: dict[int, Message] = {}  # Notify call serial -> message
        self._ids: dict[int, str] = {}  # server notification id -> message key
        self._by_key: dict[str, int] = {}  # message key -> server notification id
        self._timeouts: dict[int, QTimer] = {}
        self._withdrawn: set[str] = set()  # withdrawn while its Notify still waited for the reply
        self.delivered = 0  # Notify calls the server accepted (for self-tests and logs)

    def _connect(self) -> QtDBusConnection:
        if self._bus is not None and self._bus.is_open:
            return self._bus
        bus = QtDBusConnection("SESSION", self)
        bus.message_received.connect(self._on_message)
        bus.disconnected.connect(self._on_disconnected)
        for member in ("ActionInvoked", "NotificationClosed"):
            bus.add_match(type="signal", interface=_NOTIFY_NAME, member=member, path=_NOTIFY_PATH)
        self._bus = bus
        return bus

    def show(self, message: Message) -> None:
        """Send ``Notify``; raises when it cannot even be sent (the caller falls back at once)."""
        from jeepney import DBusAddress, new_method_call

        self._withdrawn.discard(message.key)
        bus = self._connect()
        actions: list[str] = []
        for key, label in message.actions:
            actions += [key, label]
        if message.actions:
            actions += [DEFAULT, message.actions[0][1]]
        hints = {"urgency": ("y", 1), "desktop-entry": ("s", DESKTOP_ENTRY)}
        addr = DBusAddress(_NOTIFY_PATH, bus_name=_NOTIFY_NAME, interface=_NOTIFY_NAME)
        replaces = self._by_key.get(message.key, 0)
        msg = new_method_call(
            addr,
            "Notify",
            "susssasa{sv}i",
            (APP_NAME, replaces, ICON_NAME, message.title, message.body, actions, hints, 0),
        )
        serial = bus.send(msg)
        self._pending[serial] = message
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda s=serial: self._on_no_reply(s))
        timer.start(REPLY_TIMEOUT_MS)
        self._timeouts[serial] = timer

    def withdraw(self, key: str) -> None:
        """Close the notification of ``key`` if the server still shows it (or, when the server has
        not yet answered its ``Notify``, as soon as it does)."""
        nid = self._by_key.pop(key, None)
        self._withdrawn.discard(key)
        if nid is None and any(m.key == key for m in self._pending.values()):
            self._withdrawn.add(key)
            return
        if nid is None or self._bus is None or not self._bus.is_open:
            return
        self._close(nid)

    def _close(self, nid: int) -> None:
        if self._bus is None or not self._bus.is_open:
            return
        from jeepney import DBusAddress, new_method_call

        addr = DBusAddress(_NOTIFY_PATH, bus_name=_NOTIFY_NAME, interface=_NOTIFY_NAME)
        with contextlib.suppress(OSError, ConnectionError):
            self._bus.send(new_method_call(addr, "CloseNotification", "u", (nid,)))

    def close(self) -> None:
        """Take our notifications off the screen, then hang up."""
        for key in list(self._by_key):
            self.withdraw(key)
        if self._bus is not None:
            self._bus.close()
            self._bus = None

    # -- incoming ------------------------------------------------------------------
    def _settle(self, serial: int) -> Message | None:
        timer = self._timeouts.pop(serial, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
        return self._pending.pop(serial, None)

    def _on_message(self, msg: Any) -> None:
        from jeepney import MessageType

        kind = msg.header.message_type
        if kind is MessageType.method_return:
            message = self._settle(_reply_serial(msg))
            if message is not None and msg.body:
                nid = int(msg.body[0])
                self._ids[nid] = message.key
                self._by_key[message.key] = nid
                self.delivered += 1
                log.info("notification %s shown by the server as id %d", message.key, nid)
                if message.key in self._withdrawn:  # handled meanwhile: off the screen again
                    self.withdraw(message.key)
        elif kind is MessageType.error:
            message = self._settle(_reply_serial(msg))
            if message is not None:
                log.warning(
                    "the notification server refused %s: %s %s",
                    message.key,
                    msg.header.fields.get(4, "?"),
                    msg.body,
                )  # 4 = error name
                self.failed.emit(message)
        elif kind is MessageType.signal:
            member = msg.header.fields.get(3)  # 3 = member
            if member == "ActionInvoked" and len(msg.body) == 2:
                nid, action = int(msg.body[0]), str(msg.body[1])
                key = self._ids.get(nid)
                if key is not None:
                    self.action_invoked.emit(key, OPEN if action == DEFAULT else action)
            elif member == "NotificationClosed" and msg.body:
                key = self._ids.pop(int(msg.body[0]), None)
                if key is not None and self._by_key.get(key) == int(msg.body[0]):
                    del self._by_key[key]

    def _on_no_reply(self, serial: int) -> None:
        message = self._settle(serial)
        if message is not None:
            log.warning("no answer from the notification server for %s", message.key)
            self.failed.emit(message)

    def _on_disconnected(self) -> None:
        pending = [self._settle(s) for s in list(self._pending)]
        self._bus = None
        self._ids.clear()
        self._by_key.clear()
        for message in pending:
            if message is not None:
                self.failed.emit(message)


class ReminderPopup(QDialog):
    """Link 3: the app's own small window with the reminder and its buttons."""

    action_chosen = Signal(str, str)  # message key, action key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderPopup")
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(False)
        self._key = ""
        lay = QVBoxLayout(self)
        self._title = QLabel()
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self._title.setFont(font)
        self._body = QLabel()
        self._body.setWordWrap(True)
        self._body.setMinimumWidth(320)
        self._buttons = QDialogButtonBox()
        lay.addWidget(self._title)
        lay.addWidget(self._body)
        lay.addWidget(self._buttons)

    def present(self, message: Message) -> None:
        self._key = message.key
        self.setWindowTitle(message.title)
        self._title.setText(message.title)
        self._body.setText(message.body)
        self._buttons.clear()
        for key, label in message.actions or [(DONE, self.tr("Close"))]:
            button = QPushButton(label)
            button.setObjectName(f"action_{key}")
            button.setAccessibleName(label)
            self._buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
        self.adjustSize()
        self.show()
        bring_forward(self)

    def _choose(self, action: str) -> None:
        self.hide()
        if self._key:
            self.action_chosen.emit(self._key, action)


def bring_forward(window: QWidget) -> None:
    """Raise and focus a window (the offscreen platform of the tests can do neither)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
        window.activateWindow()


TrayProvider = Callable[[], "QSystemTrayIcon | None"]


class Notifier(QObject):
    """Shows reminder messages through the first link that works.

    ``action_invoked(key, action)`` reports the user's choice from any link
    (``open``, ``snooze`` or ``done``); ``delivered(key, link)`` which link served.
    """

    action_invoked = Signal(str, str)
    delivered = Signal(str, str)  # message key, "dbus" | "tray" | "popup"

    def __init__(
        self,
        tray: TrayProvider | None = None,
        *,
        use_dbus: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray_provider = tray
        self._use_dbus = sys.platform.startswith("linux") if use_dbus is None else use_dbus
        self._dbus: DBusLink | None = None
        self._popup: ReminderPopup | None = None
        self._tray_connected: QSystemTrayIcon | None = None
        self._last_tray_key = ""
        self.last_link = ""

    def set_tray(self, tray: TrayProvider | None) -> None:
        self._tray_provider = tray

    # -- the chain -----------------------------------------------------------------
    def notify(self, message: Message) -> None:
        if self._use_dbus and self._try_dbus(message):
            return
        self._after_dbus(message)

    def _after_dbus(self, message: Message) -> None:
        if self._try_tray(message):
            return
        self._show_popup(message)

    def _try_dbus(self, message: Message) -> bool:
        try:
            if self._dbus is None:
                self._dbus = DBusLink(self)
                self._dbus.action_invoked.connect(self.action_invoked)
                self._dbus.failed.connect(self._on_dbus_failed)
            self._dbus.show(message)
        except Exception as err:
            log.info("D-Bus notifications unavailable (%s); trying the tray", err)
            if self._dbus is not None:
                self._dbus.close()
            return False
        self.last_link = "dbus"
        self.delivered.emit(message.key, "dbus")
        return True

    def _on_dbus_failed(self, message: Message) -> None:
        self._after_dbus(message)

    def _tray(self) -> QSystemTrayIcon | None:
        tray = self._tray_provider() if self._tray_provider else None
        if tray is None or not tray.isVisible():
            return None
        if not (QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()):
            return None
        return tray

    def _try_tray(self, message: Message) -> bool:
        tray = self._tray()
        if tray is None:
            return False
        if self._tray_connected is not tray:
            tray.messageClicked.connect(self._on_tray_message_clicked)
            self._tray_connected = tray
        self._last_tray_key = message.key
        # On Windows and macOS a click on the message comes back as messageClicked. (Through a
        # StatusNotifierItem host only Critical ones would, but there the D-Bus link serves.)
        tray.showMessage(message.title, message.body, QSystemTrayIcon.MessageIcon.Information, 0)
        self.last_link = "tray"
        self.delivered.emit(message.key, "tray")
        return True

    def _on_tray_message_clicked(self) -> None:
        if self._last_tray_key:
            self.action_invoked.emit(self._last_tray_key, OPEN)

    def _show_popup(self, message: Message) -> None:
        if self._popup is None:
            self._popup = ReminderPopup()
            self._popup.action_chosen.connect(self.action_invoked)
        self._popup.present(message)
        self.last_link = "popup"
        self.delivered.emit(message.key, "popup")

    def withdraw(self, key: str) -> None:
        """The reminder was handled elsewhere: take its message off the screen."""
        if self._dbus is not None:
            self._dbus.withdraw(key)
        if self._popup is not None and self._popup.isVisible() and self._popup._key == key:
            self._popup.hide()

    def close(self) -> None:
        if self._dbus is not None:
            self._dbus.close()
            self._dbus = None
        if self._popup is not None:
            self._popup.close()
            self._popup.deleteLater()
            self._popup = None
