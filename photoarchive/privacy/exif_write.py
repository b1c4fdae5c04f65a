"""A small TIFF writer: the fresh EXIF block of a published copy (orientation, artist, copyright, capture
date) and directories for the TIFF writer."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime

from photoarchive.privacy.exif import (
    ASCII,
    LONG,
    SHORT,
    TAG_ARTIST,
    TAG_COPYRIGHT,
    TAG_DATETIME_ORIGINAL,
    TAG_EXIF_IFD,
    TAG_OFFSET_TIME_ORIGINAL,
    TAG_ORIENTATION,
    UNDEFINED,
)


@dataclass(frozen=True)
class NewEntry:
    tag: int
    type: int
    count: int
    data: bytes  # value bytes in the writer's byte order


def ascii_entry(tag: int, text: str) -> NewEntry:
    raw = text.encode("utf-8") + b"\x00"
    return NewEntry(tag, ASCII, len(raw), raw)


def short_entry(tag: int, value: int, order: str = "<") -> NewEntry:
    return NewEntry(tag, SHORT, 1, struct.pack(order + "H", value))


def long_entry(tag: int, values: list[int], order: str = "<") -> NewEntry:
    return NewEntry(tag, LONG, len(values), struct.pack(f"{order}{len(values)}I", *values))


def pack_ifd(entries: list[NewEntry], offset: int, order: str, next_ifd: int = 0) -> bytes:
    """A directory placed at `offset` followed by its out-of-line values (word-aligned)."""
    entries = sorted(entries, key=lambda e: e.tag)
    table_size = 2 + 12 * len(entries) + 4
    data_pos = offset + table_size
    table = [struct.pack(order + "H", len(entries))]
    values: list[bytes] = []
    for entry in entries:
        if len(entry.data) <= 4:
            table.append(
                struct.pack(order + "HHI", entry.tag, entry.type, entry.count) + entry.data.ljust(4, b"\x00")
            )
        else:
            table.append(struct.pack(order + "HHII", entry.tag, entry.type, entry.count, data_pos))
            padded = entry.data + (b"\x00" if len(entry.data) % 2 else b"")
            values.append(padded)
            data_pos += len(padded)
    table.append(struct.pack(order + "I", next_ifd))
    return b"".join(table) + b"".join(values)


def build_exif(
    orientation: int | None, artist: str = "", copyright: str = "", capture_date: datetime | None = None
) -> bytes:
    """A fresh little-endian TIFF-structured EXIF block with only what a published copy may carry."""
    order = "<"
    ifd0: list[NewEntry] = []
    if orientation is not None:
        ifd0.append(short_entry(TAG_ORIENTATION, orientation))
    if artist:
        ifd0.append(ascii_entry(TAG_ARTIST, artist))
    if copyright:
        ifd0.append(ascii_entry(TAG_COPYRIGHT, copyright))
    if capture_date is None and not ifd0:
        return b""
    if capture_date is None:
        return b"II*\x00" + struct.pack("<I", 8) + pack_ifd(ifd0, 8, order)
    # The Exif sub-directory goes after IFD0; its offset depends on IFD0's size, which the pointer does not change.
    ifd0.append(long_entry(TAG_EXIF_IFD, [0]))
    size0 = len(pack_ifd(ifd0, 8, order))
    ifd0[-1] = long_entry(TAG_EXIF_IFD, [8 + size0])
    sub = [
        NewEntry(0x9000, UNDEFINED, 4, b"0232"),
        ascii_entry(TAG_DATETIME_ORIGINAL, capture_date.strftime("%Y:%m:%d %H:%M:%S")),
    ]
    offset = capture_date.strftime("%z")
    if offset:
        sub.append(ascii_entry(TAG_OFFSET_TIME_ORIGINAL, f"{offset[:3]}:{offset[3:]}"))
    return b"II*\x00" + struct.pack("<I", 8) + pack_ifd(ifd0, 8, order) + pack_ifd(sub, 8 + size0, order)
