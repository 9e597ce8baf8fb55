r"""Where a file lives: the live SQLite database must not be on a network share.

SQLite relies on file locks that SMB and NFS do not reliably honour; two computers writing
one database file over the network can corrupt it. A team therefore shares *batch files* in
a shared folder (``workbench.sync.folder``), and each member's database stays on their own
disk. This module recognises a network location:

* a UNC path (``\\server\share\...``, also ``\\?\UNC\...``) on any platform;
* on Windows, a drive letter mapped to a share (``GetDriveTypeW`` says DRIVE_REMOTE);
* on Linux, a path under a mount of a network file system (cifs, smb3, nfs, ...) according
  to ``/proc/mounts``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

from workbench.errors import NetworkDatabaseError

#: File system types in /proc/mounts that live on another computer.
NETWORK_FILESYSTEMS = frozenset({
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ncpfs", "fuse.sshfs", "davfs",
})
#: GetDriveTypeW's answer for a drive letter mapped to a network share.
DRIVE_REMOTE = 4
PROC_MOUNTS = Path("/proc/mounts")
#: The platform whose rules apply (a module constant, so tests can play another one).
PLATFORM = sys.platform
_MOUNT_ESCAPE = re.compile(r"\\([0-7]{3})")


def unc_share(text: str, *, windows: bool) -> str | None:
    r"""The ``\\server\share`` a path names, if it is a UNC path; else None.

    Backslash UNC paths count everywhere (on Linux such a name is surely meant as a share);
    the ``//server/share`` spelling only on Windows, where it means the same.
    """
    if not (text.startswith("\\\\") or (windows and text.startswith("//"))):
        return None
    drive = PureWindowsPath(text).drive
    if drive.startswith(("\\\\?\\", "\\\\.\\")):  # a long-path or device prefix
        rest = drive[4:]
        return "\\\\" + rest[4:] if rest.upper().startswith("UNC\\") else None
    return drive or None


def network_mount(path: PurePosixPath, mounts_text: str) -> tuple[str, str] | None:
    """(file system type, mount point) if ``path`` is on a network mount; else None.

    ``mounts_text`` is ``/proc/mounts``: the deepest mount point containing the path decides
    (the last one listed, if one is mounted over another).
    """
    best: tuple[int, str, str] | None = None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _MOUNT_ESCAPE.sub(lambda m: chr(int(m[1], 8)), parts[1])
        if path.is_relative_to(mount_point):
            depth = len(PurePosixPath(mount_point).parts)
            if best is None or depth >= best[0]:
                best = (depth, parts[2], mount_point)
    if best is None or best[1] not in NETWORK_FILESYSTEMS:
        return None
    return best[1], best[2]


def network_location(
    path: Path,
    *,
    given: str | None = None,
    platform: str | None = None,
    mounts_text: Callable[[], str] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Words for the network place ``path`` (as ``given`` by the user) is on; None if local."""
    platform = platform or PLATFORM
    windows = platform == "win32"
    for text in (given, str(path)):
        share = unc_share(text, windows=windows) if text else None
        if share is not None:
            return f"the network share {share}"
    if windows:
        drive = PureWindowsPath(str(path)).drive
        if len(drive) == 2 and drive[1] == ":" and (drive_type or _windows_drive_type)(
                drive + "\\") == DRIVE_REMOTE:
            return f"the network drive {drive.upper()}"
    elif platform.startswith("linux"):
        mount = network_mount(PurePosixPath(path), (mounts_text or _read_proc_mounts)())
        if mount is not None:
            return f"a network file system ({mount[0]} mounted on {mount[1]})"
    return None


def refuse_network_database(path: Path, *, given: str | None = None) -> None:
    """NetworkDatabaseError if the database file ``path`` would be on a network share."""
    where = network_location(path, given=given)
    if where is not None:
        raise NetworkDatabaseError(given or str(path), where)


def _read_proc_mounts() -> str:
    """The Linux mount table ('' where there is none to read)."""
    try:
        return PROC_MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _windows_drive_type(root: str) -> int:
    """GetDriveTypeW for a drive root such as ``Z:/`` (written with a backslash)."""
    if sys.platform == "win32":
        import ctypes

        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
    raise OSError("drive types exist on Windows only")
