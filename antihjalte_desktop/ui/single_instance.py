"""One running app per profile: a lock file says who owns the profile, a local socket lets a
second start ask the owner to bring its planner forward."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, Signal

from antihjalte_desktop.store.paths import Paths

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger("antihjalte.instance")


def server_name(paths: Paths) -> str:
    return f"antihjalte-{paths.profile_key}"


class SingleInstance(QObject):
    """``acquire()`` makes this process the profile's owner (False when another live process is);
    ``forward()`` asks the owner to show its planner. ``activated`` fires in the owner."""

    activated = Signal()

    def __init__(self, paths: Paths) -> None:
        super().__init__()
        self.name = server_name(paths)
        self._lock = QLockFile(str(paths.data / "app.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone (a crash), never by age
        self._server: Any = None  # QLocalServer once listening

    def acquire(self) -> bool:
        """Take the profile's lock; False when another live process holds it."""
        return bool(self._lock.tryLock(0))

    def listen(self) -> None:
        """Answer later starts (called once the tray is up: QtNetwork is not needed before)."""
        from PySide6.QtNetwork import QLocalServer

        # We own the profile: a socket left behind by a crashed run is stale and can go.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.log(
                logging.WARNING, "single instance: cannot listen on %s: %s", self.name, server.errorString()
            )
        server.newConnection.connect(self._on_new_connection)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def forward(self, timeout_s: float = 5.0) -> bool:
        """Ask the running owner to show its planner; retried while it is still starting."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_s
        while True:
            sock = QLocalSocket()
            sock.connectToServer(self.name)
            if sock.waitForConnected(500):
                sock.write(b"show\n")
                sock.flush()
                ok = sock.waitForReadyRead(2000) and bytes(sock.readAll().data()).startswith(b"ok")
                sock.disconnectFromServer()
                if ok:
                    return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (sock := self._server.nextPendingConnection()) is not None:
            sock.readyRead.connect(lambda s=sock: self._on_ready_read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _on_ready_read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        line = bytes(sock.readLine().data()).strip()
        if line == b"show":
            self.activated.emit()
            sock.write(b"ok\n")
            sock.flush()
