"""TIFF/EXIF directories: a bounds-checked reader and the values read from a source (orientation, capture
date). Used for JPEG APP1, PNG eXIf, WebP EXIF, HEIC Exif items and TIFF files themselves; the privacy
classification of every tag is `exif_scan`, the writer of a published copy's fresh block `exif_write`."""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from photoarchive.media.dates import parse_exif_datetime

log = logging.getLogger(__name__)

TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 1, 2, 3, 4, 5, 7
MAX_ENTRIES = 4096  # no real directory has more; a larger count is garbage

TAG_ORIENTATION = 0x0112
TAG_EXIF_IFD = 0x8769
TAG_GPS_IFD = 0x8825
TAG_INTEROP_IFD = 0xA005
TAG_XMP = 0x02BC
TAG_IPTC = 0x83BB
TAG_PHOTOSHOP = 0x8649
TAG_ICC = 0x8773
TAG_ARTIST = 0x013B
TAG_COPYRIGHT = 0x8298
TAG_DATETIME = 0x0132
TAG_DATETIME_ORIGINAL = 0x9003
TAG_DATETIME_DIGITIZED = 0x9004
TAG_OFFSET_TIME = 0x9010
TAG_OFFSET_TIME_ORIGINAL = 0x9011
TAG_OFFSET_TIME_DIGITIZED = 0x9012


class ExifFormatError(ValueError):
    """The block is not a readable TIFF structure (bad header, offsets outside the block, loops)."""


class Entry(NamedTuple):
    tag: int
    type: int
    count: int  # type: ignore[assignment]  # the TIFF field name; shadows tuple.count, never called
    data: bytes  # the raw value bytes, in the block's byte order
    data_offset: int  # where the value lives, relative to the TIFF header


class TiffReader:
    """Reads the directories of a classic TIFF structure held in memory (EXIF blocks are TIFF too)."""

    def __init__(self, buf: bytes | memoryview, base: int = 0) -> None:
        self.buf = buf
        self.base = base
        head = bytes(buf[base : base + 8])
        if len(head) < 8:
            raise ExifFormatError("too short for a TIFF header")
        if head[:2] == b"II":
            self.order = "<"
        elif head[:2] == b"MM":
            self.order = ">"
        else:
            raise ExifFormatError("no TIFF byte-order mark")
        magic, self.first_ifd = struct.unpack(self.order + "HI", head[2:8])
        if magic == 43:
            raise ExifFormatError("BigTIFF is not supported")
        if magic != 42:
            raise ExifFormatError("bad TIFF magic number")
        self.size = len(buf) - base

    def _bytes(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > self.size:
            raise ExifFormatError(f"offset {offset}+{length} outside the {self.size}-byte block")
        return bytes(self.buf[self.base + offset : self.base + offset + length])

    def read_ifd(self, offset: int) -> tuple[list[Entry], int]:
        """The entries of the directory at `offset` and the offset of the next directory (0: none)."""
        (count,) = struct.unpack(self.order + "H", self._bytes(offset, 2))
        if count > MAX_ENTRIES:
            raise ExifFormatError(f"directory claims {count} entries")
        table = self._bytes(offset + 2, 12 * count + 4)
        entries: list[Entry] = []
        for i in range(count):
            tag, typ, n = struct.unpack(self.order + "HHI", table[12 * i : 12 * i + 8])
            size = TYPE_SIZES.get(typ)
            if size is None:
                continue  # unknown type: unreadable, and never copied anywhere
            length = size * n
            if length <= 4:
                data = table[12 * i + 8 : 12 * i + 8 + length]
                where = offset + 2 + 12 * i + 8
            else:
                (where,) = struct.unpack(self.order + "I", table[12 * i + 8 : 12 * i + 12])
                try:
                    data = self._bytes(where, length)
                except ExifFormatError:
                    log.debug("tag 0x%04x points outside the block", tag)
                    data = b""
            entries.append(Entry(tag, typ, n, data, where))
        (next_ifd,) = struct.unpack(self.order + "I", table[12 * count : 12 * count + 4])
        return entries, next_ifd

    def walk_chain(self) -> Iterator[tuple[int, list[Entry]]]:
        """IFD0, IFD1, … as (index, entries); stops at a loop or a broken link."""
        seen: set[int] = set()
        offset, index = self.first_ifd, 0
        while offset and offset not in seen and index < 64:
            seen.add(offset)
            entries, offset = self.read_ifd(offset)
            yield index, entries
            index += 1

    def ints(self, entry: Entry) -> list[int]:
        fmt = {BYTE: "B", 6: "b", SHORT: "H", 8: "h", LONG: "I", 9: "i", 13: "I", UNDEFINED: "B"}.get(
            entry.type
        )
        if fmt is None or not entry.data:
            return []
        n = len(entry.data) // struct.calcsize(fmt)
        return list(struct.unpack(f"{self.order}{n}{fmt}", entry.data[: n * struct.calcsize(fmt)]))

    def rationals(self, entry: Entry) -> list[float]:
        if entry.type not in (RATIONAL, 10) or not entry.data:
            return []
        code = "I" if entry.type == RATIONAL else "i"
        n = len(entry.data) // 8
        nums = struct.unpack(f"{self.order}{2 * n}{code}", entry.data[: 8 * n])
        return [nums[i] / nums[i + 1] for i in range(0, 2 * n, 2) if nums[i + 1]]


def text_value(entry: Entry) -> str:
    """A tag's value as text: ASCII/UTF-8 strings, EXIF UserComment, Windows XP* UTF-16 tags."""
    raw = entry.data
    if entry.tag in (0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F):
        return raw.decode("utf-16-le", "replace").rstrip("\x00")
    if entry.tag == 0x9286 and len(raw) >= 8:  # UserComment: 8-byte character-code prefix
        code, body = raw[:8], raw[8:]
        if code.startswith(b"UNICODE"):
            for enc in ("utf-16-be", "utf-16-le"):
                try:
                    return body.decode(enc).rstrip("\x00 ")
                except UnicodeDecodeError:
                    continue
        raw = body
    raw = raw.rstrip(b"\x00 ")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def value_text(reader: TiffReader, entry: Entry) -> str:
    """A tag's value for reports: text as text, numbers as numbers (LensSpecification "24 105 4 4")."""
    if entry.type in (RATIONAL, 10):
        return " ".join(f"{v:g}" for v in reader.rationals(entry))
    if entry.type in (SHORT, LONG, 8, 9):
        return " ".join(str(v) for v in reader.ints(entry))
    return text_value(entry)


# -- values read from the source ----------------------------------------------------------------------


def read_orientation(blob: bytes | memoryview, base: int = 0) -> int | None:
    """EXIF Orientation (1–8) of IFD0, None when absent or unreadable."""
    try:
        reader = TiffReader(blob, base)
        entries, _ = reader.read_ifd(reader.first_ifd)
    except (ExifFormatError, struct.error):
        return None
    for entry in entries:
        if entry.tag == TAG_ORIENTATION:
            values = reader.ints(entry)
            if values and 1 <= values[0] <= 8:
                return values[0]
    return None


def main_directories(reader: TiffReader) -> tuple[dict[int, Entry], dict[int, Entry]]:
    """IFD0 and its Exif sub-directory, by tag. A broken sub-directory reads as empty, so IFD0's camera
    and orientation stay readable; a broken IFD0 raises ExifFormatError or struct.error."""
    ifd0 = {e.tag: e for e in reader.read_ifd(reader.first_ifd)[0]}
    pointer = reader.ints(ifd0[TAG_EXIF_IFD]) if TAG_EXIF_IFD in ifd0 else []
    if not pointer:
        return ifd0, {}
    try:
        return ifd0, {e.tag: e for e in reader.read_ifd(pointer[0])[0]}
    except (ExifFormatError, struct.error):
        return ifd0, {}


# Where the capture date is taken from, in order, each date with the tag of its UTC offset (EXIF 2.31).
CAPTURE_DATE_TAGS = (
    (TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL),
    (TAG_DATETIME_DIGITIZED, TAG_OFFSET_TIME_DIGITIZED),
    (TAG_DATETIME, TAG_OFFSET_TIME),
)


def capture_date(ifd0: dict[int, Entry], sub: dict[int, Entry]) -> datetime | None:
    """The capture date of EXIF directories (`main_directories`): DateTimeOriginal, else DateTimeDigitized,
    else DateTime, the first that reads as a date; the camera's wall-clock time, with its OffsetTime*
    where the camera wrote one (see `photoarchive.media.dates`). The catalog and a published copy take it
    from here."""
    found = {**ifd0, **sub}  # some writers put the Exif tags in IFD0

    def text(tag: int) -> str:
        return text_value(found[tag]).replace("\x00", "") if tag in found else ""

    for date_tag, offset_tag in CAPTURE_DATE_TAGS:
        stamp = parse_exif_datetime(text(date_tag), text(offset_tag))
        if stamp is not None:
            return stamp
    return None


def read_capture_date(blob: bytes | memoryview, base: int = 0) -> datetime | None:
    """`capture_date` of an EXIF block whose TIFF structure starts at ``base``; None when it is unreadable."""
    try:
        return capture_date(*main_directories(TiffReader(blob, base)))
    except (ExifFormatError, struct.error):
        return None
