"""TIFF: the first image's directory is rewritten to an allowlist of layout and colour tags; its strips or
tiles are copied byte for byte. Thumbnails (reduced-resolution directories), SubIFDs, EXIF, GPS, GeoTIFF,
XMP, IPTC and Photoshop tags go; fresh Artist/Copyright, XMP and IPTC are added."""

from __future__ import annotations

import struct
from datetime import datetime
from typing import NamedTuple

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.privacy import jpeg_write
from photoarchive.privacy.blocks import nested
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import (
    LONG,
    TAG_ARTIST,
    TAG_COPYRIGHT,
    TAG_DATETIME,
    TAG_ICC,
    TAG_IPTC,
    TAG_XMP,
    UNDEFINED,
    Entry,
    ExifFormatError,
    TiffReader,
    read_capture_date,
)
from photoarchive.privacy.exif_scan import scan_tiff_structure
from photoarchive.privacy.exif_write import NewEntry, ascii_entry, pack_ifd
from photoarchive.privacy.jpeg import MAX_PIXELS

# Layout and colour: what a decoder needs to show the same pixels in the same colours.
KEEP_TAGS = frozenset({
    0x00FE, 0x0100, 0x0101, 0x0102, 0x0103, 0x0106, 0x0107, 0x010A, 0x0112, 0x0115, 0x0116, 0x0118, 0x0119,
    0x011A, 0x011B, 0x011C, 0x0122, 0x0123, 0x0124, 0x0125, 0x0128, 0x012D, 0x013D, 0x013E, 0x013F, 0x0140,
    0x0142, 0x0143, 0x014C, 0x0152, 0x0153, 0x0154, 0x0155, 0x015B, 0x0211, 0x0212, 0x0213, 0x0214, TAG_ICC,
})  # fmt: skip
STRIP_OFFSETS, STRIP_COUNTS, TILE_OFFSETS, TILE_COUNTS = 0x0111, 0x0117, 0x0144, 0x0145
NEW_SUBFILE_TYPE = 0x00FE
COMPRESSION, JPEG_TABLES, JPEG_COMPRESSION = 0x0103, 0x015B, 7


def is_tiff(head: bytes) -> bool:
    return head[:4] in (b"II*\x00", b"MM\x00*")


class TiffImage(NamedTuple):
    reader: TiffReader
    entries: list[Entry]
    blocks: list[tuple[int, int]]  # (offset, length) of each strip or tile, in file order of the tags
    tiled: bool
    width: int
    height: int


def parse(data: bytes, name: object = "file") -> TiffImage:
    try:
        reader = TiffReader(data)
        chain = list(reader.walk_chain())
    except ExifFormatError as exc:
        if "BigTIFF" in str(exc):
            raise UnsupportedFile(f"{name} is a BigTIFF file, which is not supported") from exc
        raise CorruptImage(f"{name} is not a readable TIFF file: {exc}") from exc
    except struct.error as exc:
        raise CorruptImage(f"{name} is truncated") from exc
    if not chain:
        raise CorruptImage(f"{name} has no image directory")
    entries = chain[0][1]
    for index, later in chain[1:]:
        kinds = [reader.ints(e) for e in later if e.tag == NEW_SUBFILE_TYPE]
        if not (kinds and kinds[0] and kinds[0][0] & 1):
            raise UnsupportedFile(
                f"{name} holds several pages (image {index + 1}); only single-image TIFF files are supported"
            )
    tags = {e.tag: e for e in entries}

    def one(tag: int, default: int | None = None) -> int:
        values = reader.ints(tags[tag]) if tag in tags else []
        if values:
            return values[0]
        if default is None:
            raise CorruptImage(f"{name} lacks the TIFF tag 0x{tag:04X}")
        return default

    width, height = one(0x0100), one(0x0101)
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(
            f"{name} declares {width}×{height} pixels, more than the {MAX_PIXELS / 1e6:.0f} MP limit"
        )
    if one(0x0103, 1) == 6:
        raise UnsupportedFile(f"{name} uses old-style JPEG compression in TIFF, which is not supported")
    tiled = TILE_OFFSETS in tags
    off_tag, cnt_tag = (TILE_OFFSETS, TILE_COUNTS) if tiled else (STRIP_OFFSETS, STRIP_COUNTS)
    if off_tag not in tags or cnt_tag not in tags:
        raise CorruptImage(f"{name} has no image data offsets")
    offsets, counts = reader.ints(tags[off_tag]), reader.ints(tags[cnt_tag])
    if not offsets or len(offsets) != len(counts):
        raise CorruptImage(f"{name} has inconsistent image data offsets")
    for off, cnt in zip(offsets, counts, strict=True):
        if off + cnt > len(data):
            raise CorruptImage(f"{name} is truncated: image data runs past the end of the file")
    return TiffImage(reader, entries, list(zip(offsets, counts, strict=True)), tiled, width, height)


def scan(data: bytes, col: Collector, name: object = "file") -> TiffImage:
    image = parse(data, name)
    scan_tiff_structure(data, "TIFF", col, image_file=True, nested=nested)
    return image


def capture_date(data: bytes) -> datetime | None:
    return read_capture_date(data)


def _compression(image: TiffImage) -> int:
    values = [image.reader.ints(e) for e in image.entries if e.tag == COMPRESSION]
    return values[0][0] if values and values[0] else 1


def rewrite(
    data: bytes,
    image: TiffImage,
    artist: str,
    copyright: str,
    xmp: bytes,
    iim: bytes,
    date: datetime | None,
    icc: bytes = b"",
) -> list[bytes | memoryview]:
    """The copy: the strips or tiles (JPEG-compressed ones cleaned like a JPEG), then one directory of the
    allowlisted tags, the given (rebuilt) ICC profile and the press fields."""
    order = image.reader.order
    out: list[bytes | memoryview] = [
        (b"II*\x00" if order == "<" else b"MM\x00*"),
        b"",
    ]  # IFD offset filled below
    pos = 8
    new_offsets: list[int] = []
    blocks = image_blocks(data, image)
    for block in blocks:
        new_offsets.append(pos)
        out.append(block)
        pos += len(block)
        if pos % 2:
            out.append(b"\x00")
            pos += 1
    entries: list[NewEntry] = []
    for e in image.entries:
        if e.tag == JPEG_TABLES:
            tables = jpeg_write.clean_tables(e.data, "its JPEG tables")
            entries.append(NewEntry(e.tag, UNDEFINED, len(tables), tables))
        elif e.tag in KEEP_TAGS and e.tag not in (
            STRIP_OFFSETS, STRIP_COUNTS, TILE_OFFSETS, TILE_COUNTS, TAG_ICC
        ):  # fmt: skip
            entries.append(NewEntry(e.tag, e.type, e.count, e.data))
    if icc:
        entries.append(NewEntry(TAG_ICC, UNDEFINED, len(icc), icc))
    off_tag, cnt_tag = (TILE_OFFSETS, TILE_COUNTS) if image.tiled else (STRIP_OFFSETS, STRIP_COUNTS)
    n = len(new_offsets)
    entries.append(NewEntry(off_tag, LONG, n, struct.pack(f"{order}{n}I", *new_offsets)))
    entries.append(NewEntry(cnt_tag, LONG, n, struct.pack(f"{order}{n}I", *(len(b) for b in blocks))))
    if artist:
        entries.append(ascii_entry(TAG_ARTIST, artist))
    if copyright:
        entries.append(ascii_entry(TAG_COPYRIGHT, copyright))
    if date is not None:
        entries.append(ascii_entry(TAG_DATETIME, date.strftime("%Y:%m:%d %H:%M:%S")))
    if xmp:
        entries.append(NewEntry(TAG_XMP, 1, len(xmp), xmp))
    if iim:
        entries.append(NewEntry(TAG_IPTC, UNDEFINED, len(iim), iim))
    out[1] = struct.pack(order + "I", pos)
    out.append(pack_ifd(entries, pos, order))
    return out


def image_blocks(data: bytes, image: TiffImage) -> list[bytes | memoryview]:
    """The strips or tiles as a copy holds them: as they are, or, JPEG-compressed, cleaned of every APPn and
    COM segment inside them (so equal for a source and its lossless copy)."""
    view = memoryview(data)
    if _compression(image) != JPEG_COMPRESSION:
        return [view[off : off + cnt] for off, cnt in image.blocks]
    out: list[bytes | memoryview] = []
    for index, (off, cnt) in enumerate(image.blocks):
        try:
            out.append(jpeg_write.clean_stream(data[off : off + cnt], f"its JPEG strip {index + 1}"))
        except UnsupportedFile as exc:
            raise UnsupportedFile(f"a JPEG-compressed strip cannot be cleaned: {exc}") from exc
    return out
