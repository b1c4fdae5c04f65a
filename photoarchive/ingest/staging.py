"""The copy of an inbox file into the archive's staging folder: hashed while it is written, fsynced, read
back and compared with the source's hash; and the removal of the source once the copy is committed."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

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


def read_back_verified(staged: Path, sha256: str) -> bytes | None:
    """The staged copy's bytes, read back whole after its fsync, when they hash to ``sha256`` (the
    source's, hashed as it was copied); None when they do not.

    The rest of the ingest (scan, metadata, decode) works on these very bytes, so verifying costs one
    read and one hash and nothing reads the copy again. The read comes from the operating system's
    cache of the file: it proves the file system holds what was hashed, not the disk's platter
    (`photoarchive check` re-hashes the originals from disk later)."""
    with open(staged, "rb") as reader:
        data = reader.read()
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def remove_source(path: Path, attempts: int = 5) -> None:
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
