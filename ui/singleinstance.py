"""One running workbench per database; a second start brings the first one's window forward.

Two windows on one database would each run the reminders (every reminder twice) and each
hold the import's write lock in turn. The first process takes a ``QLockFile`` named after
the database (a stale lock of a crashed process is taken over: Qt checks the process id)
and listens on a ``QLocalServer`` of the same name, readable by this user only. A second
start on the same database finds the lock taken, asks the first over a ``QLocalSocket`` to
show its window, and exits. Another database is another lock: a second workbench on a test
database is allowed.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from workbench.database_path import database_identity

#: What the second start sends the first one.
ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 2000


def instance_key(database: str | None) -> str:
    """A short name for this user and database (the same for every spelling of its path)."""
    identity = database_identity(database)  # not the store's URL: no SQLAlchemy on this thread
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = ""
    digest = hashlib.sha256(f"{user}\0{identity}".encode()).hexdigest()
    return f"caseworker-workbench-{digest[:20]}"


def bring_forward(window: QWidget) -> None:
    """Show a window in front, as it was before it was minimised or hidden in the tray."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """The lock of one database's workbench, and the channel a second start uses."""

    # A second start asked for the window.
    activation_requested = Signal()

    def __init__(self, key: str, folder: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.lock_path = (folder or Path(QDir.tempPath())) / f"{key}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock and start listening; False if another workbench holds it."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(100):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A crashed first instance may have left its socket file behind (Unix).
        QLocalServer.removeServer(self.key)
        server.listen(self.key)
        server.newConnection.connect(self._connected)
        self._server = server
        return True

    def ask_running_instance(self) -> bool:
        """Ask the workbench holding the lock to show its window; True if it heard."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return delivered

    def release(self) -> None:
        """Stop listening and give the lock up (the program ends)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _connected(self) -> None:
        server = self._server
        if server is None:
            return
        while (socket := server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if ACTIVATE.strip() in bytes(socket.readAll().data()):
            self.activation_requested.emit()
