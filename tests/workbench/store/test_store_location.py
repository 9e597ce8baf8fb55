"""The live database is refused on a network share: UNC paths, mapped drives, network mounts."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from workbench.errors import NetworkDatabaseError, StoreError
from workbench.session import Workbench
from workbench.store import location
from workbench.store.location import DRIVE_REMOTE, network_location, network_mount, unc_share

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
//fileserver/jobcenter /mnt/jobcenter cifs rw,vers=3.0 0 0
/dev/sdb1 /mnt/jobcenter/local\\040disk ext4 rw 0 0
nas:/export/home /home/shared nfs4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(("text", "share"), [
    (r"\\fileserver\jobcenter\team\workbench.db", r"\\fileserver\jobcenter"),
    (r"\\?\UNC\fileserver\jobcenter\workbench.db", r"\\fileserver\jobcenter"),
    ("//fileserver/jobcenter/workbench.db", r"\\fileserver\jobcenter"),
    (r"\\?\C:\Users\ab\workbench.db", None),
    (r"C:\Users\ab\workbench.db", None),
])
def test_unc_paths_are_recognised_on_windows(text: str, share: str | None) -> None:
    assert unc_share(text, windows=True) == share


def test_only_backslash_unc_paths_count_outside_windows() -> None:
    assert unc_share(r"\\fileserver\jobcenter\w.db", windows=False) == r"\\fileserver\jobcenter"
    assert unc_share("//srv/x/w.db", windows=False) is None


@pytest.mark.parametrize(("path", "expected"), [
    ("/mnt/jobcenter/team/workbench.db", ("cifs", "/mnt/jobcenter")),
    ("/home/shared/ab/workbench.db", ("nfs4", "/home/shared")),
    ("/mnt/jobcenter/local disk/workbench.db", None),  # a local disk mounted inside the share
    ("/mnt/jobcenterx/workbench.db", None),  # a sibling folder, not inside the mount
    ("/home/ab/workbench.db", None),
    ("/tmp/workbench.db", None),
])
def test_linux_network_mounts_are_found_in_the_mount_table(
    path: str, expected: tuple[str, str] | None
) -> None:
    assert network_mount(PurePosixPath(path), MOUNTS) == expected


def test_a_mapped_network_drive_is_recognised_on_windows() -> None:
    def drive_type(root: str) -> int:
        return DRIVE_REMOTE if root == "Z:\\" else 3

    remote = network_location(Path("Z:/team/w.db"), platform="win32", drive_type=drive_type)
    local = network_location(Path("C:/Users/ab/w.db"), platform="win32", drive_type=drive_type)

    assert remote == "the network drive Z:"
    assert local is None


def test_a_database_on_a_network_mount_is_refused_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    mounts = f"/dev/sda1 / ext4 rw 0 0\n//srv/share {tmp_path} cifs rw 0 0\n"
    monkeypatch.setattr(location, "_read_proc_mounts", lambda: mounts)
    monkeypatch.setattr(location, "PLATFORM", "linux")

    with pytest.raises(NetworkDatabaseError) as refused:
        Workbench.open(tmp_path / "workbench.db")

    assert isinstance(refused.value, StoreError)
    english = refused.value.in_language("en")
    assert "cifs" in english and "own disk" in english
    assert not (tmp_path / "workbench.db").exists()


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_a_unc_database_path_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(location, "PLATFORM", platform)

    with pytest.raises(NetworkDatabaseError, match=r"network share \\\\srv\\share"):
        Workbench.open(r"\\srv\share\workbench.db")

    assert list(tmp_path.iterdir()) == []


def test_a_local_database_opens(tmp_path: Path) -> None:
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        assert workbench.cases.is_empty()
