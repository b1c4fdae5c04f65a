"""Getting bytes into the archive and out of the inbox safely: the one-pass hash + copy with fsync, the
source's removal (Windows may hold it a moment), and the words for an archive that cannot be written."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

from photoarchive.home import Home

log = logging.getLogger(__name__)

COPY_CHUNK = 1024 * 1024


def copy_and_hash(source: Path, staged: Path) -> tuple[str, int, bytes]:
    """Copy source to staged, hashing in the same pass; fsync before returning."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    with open(source, "rb") as reader, open(staged, "xb") as writer:
        while chunk := reader.read(COPY_CHUNK):
            if not head:
                head = chunk[:64]
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return digest.hexdigest(), size, head


def remove_from_inbox(path: Path, attempts: int = 5) -> None:
    """Remove an ingested file from the inbox; on Windows another program may still hold it briefly."""
    for attempt in range(attempts):
        try:
            path.unlink()
            return
        except FileNotFoundError:
            return
        except PermissionError:
            if attempt == attempts - 1:
                log.warning("%s is archived but could not be removed from the inbox (in use)", path)
                return
            time.sleep(0.2 * (attempt + 1))


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


def is_under(filename: object, root: Path) -> bool:
    """Whether an OS error's file name lies in the archive home (an error without a name does not)."""
    if not filename:
        return False
    try:
        Path(str(filename)).resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False


def archive_unwritable(home: Home, exc: OSError) -> str:
    if exc.errno == 28:
        return f"The archive disk is full ({home.root}); free some space. Files stay in the inbox."
    return (
        f"The archive folder {home.root} cannot be written ({exc.strerror or exc}). "
        "Files stay in the inbox until it can."
    )
