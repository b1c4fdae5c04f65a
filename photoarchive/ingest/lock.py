"""One ingest at a time per archive home, across processes (the desktop app and the command line).

An operating-system file lock (filelock: msvcrt on Windows, fcntl elsewhere) is released by the OS when
its process dies, so a crash never leaves the archive locked — and whoever takes the lock next knows any
half-done ingest it finds is abandoned and can be cleaned up.
"""

from __future__ import annotations

from filelock import FileLock, Timeout

from photoarchive.errors import PhotoarchiveError
from photoarchive.home import Home


class ArchiveBusy(PhotoarchiveError):
    pass


def ingest_lock(home: Home, timeout: float = 60.0) -> FileLock:
    return FileLock(str(home.root / ".ingest.lock"), timeout=timeout)


def acquire(lock: FileLock) -> None:
    try:
        lock.acquire()
    except Timeout as exc:
        raise ArchiveBusy(
            "Another photoarchive (the desktop app or a `watch`) is ingesting into this archive right now; "
            "try again when it is done."
        ) from exc
