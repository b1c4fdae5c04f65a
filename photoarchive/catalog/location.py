"""Where a SQLite catalog may live: never on a network path (UNC, a mapped network drive, an SMB/NFS
mount), because SQLite's WAL needs one machine's shared memory and a catalog on a share gets corrupted."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

from photoarchive.errors import CatalogError


class SQLiteOnNetworkPath(CatalogError):
    """A SQLite catalog on a network share: refused, because SQLite's WAL needs one host's shared memory
    and a catalog on SMB/NFS gets corrupted. Several desks share an archive through PostgreSQL."""

    code = "catalog.sqlite_on_network_path"

    def __init__(self, path: str, why: str):
        self.params = {"path": path, "why": why, "help": "docs/it-setup.md"}
        super().__init__(
            f"The catalog {path} is on a network path ({why}). SQLite must not be used over a network "
            "share: it gets corrupted when several desks write to it. To share one archive between desks, "
            "set up the shared PostgreSQL catalog ([catalog] url, see docs/it-setup.md), or keep the home "
            "on a local disk."
        )


# Windows GetDriveTypeW values.
DRIVE_REMOTE = 4
# Linux file systems that reach another machine.
NETWORK_FILESYSTEMS = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "ceph",
        "9p",
        "fuse.sshfs",
        "glusterfs",
        "davfs",
        "fuse.rclone",
    }
)


def network_path_reason(
    path: str, *, drive_type: int | None = None, fs_type: str | None = None
) -> str | None:
    """Why `path` is on another machine (None when it is local). Pure: the caller looks up the drive type
    (Windows GetDriveTypeW of the path's drive) or the file system type (Linux mount table)."""
    text_path = str(path)
    if text_path.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return "UNC path"
    local_prefix = text_path.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./"))
    if not local_prefix and text_path.startswith(("\\\\", "//")):
        return "UNC path"
    if drive_type == DRIVE_REMOTE:
        return f"mapped network drive {PureWindowsPath(text_path).drive or text_path}"
    if fs_type and fs_type.lower() in NETWORK_FILESYSTEMS:
        return f"{fs_type} network file system"
    return None


def _drive_type(path: str) -> int | None:
    if sys.platform != "win32":
        return None
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive or drive.startswith("\\\\"):
        return None
    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 — windll exists only on Windows
    return int(kernel32.GetDriveTypeW(drive + "\\"))


def _fs_type(path: Path) -> str | None:
    """The type of the file system holding path, from /proc/mounts (Linux); None elsewhere."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = str(path.resolve())
    best, best_type = "", None
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def check_sqlite_location(path: Path) -> None:
    """Refuse a SQLite catalog on a network path (UNC, a mapped network drive, an SMB/NFS mount)."""
    raw = os.fspath(path)
    why = network_path_reason(raw, drive_type=_drive_type(raw), fs_type=_fs_type(Path(raw)))
    if why is not None:
        raise SQLiteOnNetworkPath(raw, why)
