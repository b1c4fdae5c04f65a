"""`scan(path)`: what personal or non-allowlisted data a file carries, at segment/chunk/tag level (no pixel
decode, so ingest can call it on every photo)."""

from __future__ import annotations

import importlib
import os
import struct
from pathlib import Path
from typing import Any

from photoarchive.errors import UnsupportedFile
from photoarchive.privacy import formats
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.errors import PrivacyError
from photoarchive.privacy.findings import Finding, FindingKind, Note, ScanReport, excerpt
from photoarchive.privacy.press import PressFields


class SourceUnreadable(PrivacyError):
    """The file cannot be opened or read (gone, locked, no permission)."""


def read_file(path: Path) -> bytes:
    """The whole file, refusing one that changes size while it is read (still being copied in)."""
    return read_file_with_stat(path)[0]


def read_file_with_stat(path: Path) -> tuple[bytes, os.stat_result]:
    """The whole file and its status when read (size, modification time, identity)."""
    try:
        with open(path, "rb") as fh:
            stat = os.fstat(fh.fileno())
            size = stat.st_size
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
    return data, stat


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
    module = importlib.import_module(f"photoarchive.privacy.{formats.MODULE[fmt]}")
    parsed = module.scan(data, col, name)
    if fmt == formats.WEBP:
        _webp_hidden(data, col)
        _after_riff(data, col)
    return fmt, col.result(), parsed


# WebP chunks whose payload length the format fixes, and the chunks an animation frame may hold.
_WEBP_FIXED = {b"VP8X": 10, b"ANIM": 6}
_ANMF_HEADER = 16
_ANMF_CHUNKS = (b"ALPH", b"VP8 ", b"VP8L")


def _riff_chunks(data: bytes, start: int, end: int):
    pos = start
    while pos + 8 <= end:
        fourcc, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        if pos + 8 + size > end:
            return
        yield fourcc, pos + 8, pos + 8 + size
        pos += 8 + size + (size & 1)


def _webp_hidden(data: bytes, col: Collector) -> None:
    """Chunks inside animation frames other than image data, and bytes past the fixed size of VP8X/ANIM:
    no decoder shows them, and a frame-by-frame copy would carry them along."""
    (size,) = struct.unpack("<I", data[4:8])
    for fourcc, start, end in _riff_chunks(data, 12, min(len(data), 8 + size)):
        label = fourcc.decode("latin-1")
        if fourcc == b"ICCP":
            from photoarchive.privacy.icc_scan import scan_icc_details

            scan_icc_details(data[start:end], "WebP ICCP", col)
        elif fourcc in _WEBP_FIXED and end - start > _WEBP_FIXED[fourcc]:
            extra = data[start + _WEBP_FIXED[fourcc] : end]
            if extra.strip(b"\x00"):
                col.note(FindingKind.HIDDEN_DATA, f"WebP {label}", label, Note.BYTES_SHOWING, count=len(extra),
                         text=excerpt(extra, 60))  # fmt: skip
        elif fourcc == b"ANMF":
            for inner, a, b in _riff_chunks(data, start + _ANMF_HEADER, end):
                if inner not in _ANMF_CHUNKS:
                    name = inner.decode("latin-1")
                    col.note(FindingKind.UNKNOWN_SEGMENT, f"WebP ANMF {name}", name, Note.BYTES_SHOWING,
                             count=b - a, text=excerpt(data[a:b], 60))  # fmt: skip


def _after_riff(data: bytes, col: Collector) -> None:
    """Bytes after a WebP's RIFF chunk: no reader shows them, so they are hidden data."""
    (size,) = struct.unpack("<I", data[4:8])
    after = data[8 + size + (size & 1) :]
    if after.strip(b"\x00"):
        col.note(
            FindingKind.TRAILER,
            "after RIFF end",
            "trailer",
            Note.BYTES_SHOWING,
            count=len(after),
            text=excerpt(after, 60),
        )


def scan(
    path: str | Path,
    *,
    expected: PressFields | None = None,
    keep_parse: bool = False,
    data: bytes | None = None,
) -> ScanReport:
    """Report what the file at `path` would carry out of the archive, from a read of the whole file (a tail
    left behind by an editor, a comment between scans and data after the end are found wherever they are).

    With `expected`, values that equal the press fields the app writes are not reported (how a published
    copy checks clean). With `keep_parse` the report keeps the file's bytes and parsed structure (`parse`), so a
    caller reading more from the file (ingest's metadata) neither reads nor parses it again. `data`, the
    file's bytes when the caller has read them already (ingest's verified copy), spares the read.
    Raises UnsupportedFile, CorruptImage, ImageTooLarge or SourceUnreadable.
    """
    path = Path(path)
    if data is None:
        data = read_file(path)
    fmt, findings, parsed = scan_bytes(data, path, expected)
    return ScanReport(path=path, format=fmt, findings=findings, parse=(data, parsed) if keep_parse else None)
