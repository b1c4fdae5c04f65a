"""`scan(path)`: what personal or non-allowlisted data a file carries, at segment/chunk/tag level (no pixel
decode, so ingest can call it on every photo)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from photoarchive.errors import UnsupportedFile
from photoarchive.privacy import formats, heif, jpeg, png, tiff, webp
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.errors import PrivacyError
from photoarchive.privacy.findings import Finding, ScanReport
from photoarchive.privacy.press import PressFields


class SourceUnreadable(PrivacyError):
    """The file cannot be opened or read (gone, locked, no permission)."""


def read_file(path: Path) -> bytes:
    """The whole file, refusing one that changes size while it is read (still being copied in)."""
    try:
        with open(path, "rb") as fh:
            size = _size(fh)
            data = fh.read()
    except FileNotFoundError as exc:
        raise SourceUnreadable(f"{path} does not exist (any more)") from exc
    except PermissionError as exc:
        raise SourceUnreadable(
            f"{path} cannot be read: permission denied or locked by another program"
        ) from exc
    except OSError as exc:
        raise SourceUnreadable(f"{path} cannot be read: {exc.strerror or exc}") from exc
    if len(data) != size:
        raise SourceUnreadable(f"{path} changed while it was being read; try again once it is complete")
    return data


def _size(fh: Any) -> int:
    import os

    return os.fstat(fh.fileno()).st_size


def scan_bytes(
    data: bytes, name: object = "file", expected: PressFields | None = None
) -> tuple[str, list[Finding], Any]:
    """(format, findings, parsed structure) of a file held in memory."""
    if not data:
        raise UnsupportedFile(f"{name} is empty (0 bytes)")
    fmt = formats.sniff(data[: formats.HEAD_BYTES])
    if fmt is None:
        raise UnsupportedFile(f"{name} is not a JPEG, PNG, TIFF, WebP or HEIC image")
    col = Collector(expected)
    module = {
        formats.JPEG: jpeg,
        formats.PNG: png,
        formats.TIFF: tiff,
        formats.WEBP: webp,
        formats.HEIF: heif,
    }[fmt]
    parsed = module.scan(data, col, name)
    return fmt, col.result(), parsed


def scan(path: str | Path, *, expected: PressFields | None = None) -> ScanReport:
    """Report what the file at `path` would carry out of the archive.

    With `expected`, values that equal the press fields the app writes are not reported (how a published
    copy checks clean). Raises UnsupportedFile, CorruptImage, ImageTooLarge or SourceUnreadable.
    """
    path = Path(path)
    data = read_file(path)
    fmt, findings, _ = scan_bytes(data, path, expected)
    return ScanReport(path=path, format=fmt, findings=findings)
