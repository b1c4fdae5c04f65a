"""WebP at RIFF-chunk level: image, alpha, animation and colour chunks are copied, EXIF/XMP/unknown chunks
dropped and rebuilt (extended VP8X header with fresh flags)."""

from __future__ import annotations

import struct
from typing import NamedTuple

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.privacy.blocks import scan_exif_block
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import read_orientation
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.icc import check_icc
from photoarchive.privacy.jpeg import MAX_PIXELS
from photoarchive.privacy.xmp import scan_xmp

KEEP = (b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L")
IMAGE_CHUNKS = (b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L")
FLAG_ANIMATION, FLAG_XMP, FLAG_EXIF, FLAG_ALPHA, FLAG_ICC = 0x02, 0x04, 0x08, 0x10, 0x20


class Chunk(NamedTuple):
    fourcc: bytes
    start: int
    data_start: int
    data_end: int
    end: int  # including the pad byte


def is_webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def parse(data: bytes, name: object = "file") -> list[Chunk]:
    if not is_webp(data[:12]):
        raise UnsupportedFile(f"{name} is not a WebP file")
    (riff_size,) = struct.unpack("<I", data[4:8])
    total = min(len(data), 8 + riff_size)
    if 8 + riff_size > len(data):
        raise CorruptImage(f"{name} is truncated")
    chunks: list[Chunk] = []
    pos = 12
    while pos + 8 <= total:
        fourcc, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        data_end = pos + 8 + size
        if data_end > total:
            raise CorruptImage(f"{name} is malformed: the {fourcc!r} chunk runs past the end of the file")
        chunks.append(Chunk(fourcc, pos, pos + 8, data_end, data_end + (size & 1)))
        pos = data_end + (size & 1)
    if not any(c.fourcc in (b"VP8 ", b"VP8L", b"ANMF") for c in chunks):
        raise CorruptImage(f"{name} has no image data")
    width, height = canvas_size(data, chunks)
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(
            f"{name} declares {width}×{height} pixels, more than the {MAX_PIXELS / 1e6:.0f} MP limit"
        )
    return chunks


def canvas_size(data: bytes, chunks: list[Chunk]) -> tuple[int, int]:
    for c in chunks:
        body = data[c.data_start : c.data_end]
        if c.fourcc == b"VP8X" and len(body) >= 10:
            return 1 + int.from_bytes(body[4:7], "little"), 1 + int.from_bytes(body[7:10], "little")
        if c.fourcc == b"VP8 " and len(body) >= 10 and body[3:6] == b"\x9d\x01\x2a":
            w, h = struct.unpack("<HH", body[6:10])
            return w & 0x3FFF, h & 0x3FFF
        if c.fourcc == b"VP8L" and len(body) >= 5 and body[0] == 0x2F:
            bits = int.from_bytes(body[1:5], "little")
            return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    return 0, 0


def _has_alpha(data: bytes, chunks: list[Chunk]) -> bool:
    for c in chunks:
        if c.fourcc == b"VP8X":
            return bool(data[c.data_start] & FLAG_ALPHA)
        if c.fourcc == b"ALPH":
            return True
        if c.fourcc == b"VP8L" and c.data_end - c.data_start >= 5:
            return bool((int.from_bytes(data[c.data_start + 1 : c.data_start + 5], "little") >> 28) & 1)
    return False


def scan(data: bytes, col: Collector, name: object = "file") -> list[Chunk]:
    chunks = parse(data, name)
    for c in chunks:
        body = data[c.data_start : c.data_end]
        if c.fourcc == b"ICCP":
            check_icc(body, "WebP ICCP", col)
        elif c.fourcc in KEEP:
            continue
        elif c.fourcc == b"EXIF":
            scan_exif_block(body, "WebP EXIF", col)
        elif c.fourcc == b"XMP ":
            scan_xmp(body, "WebP XMP", col)
        else:
            label = c.fourcc.decode("latin-1")
            col.add(K.UNKNOWN_SEGMENT, f"WebP {label}", label, f"{len(body)} bytes")
    return chunks


def orientation(data: bytes, chunks: list[Chunk]) -> int | None:
    for c in chunks:
        if c.fourcc == b"EXIF":
            body = data[c.data_start : c.data_end]
            return read_orientation(body, 6 if body.startswith(b"Exif\x00\x00") else 0)
    return None


def _chunk(fourcc: bytes, body: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) & 1 else b"")


def rewrite(data: bytes, chunks: list[Chunk], exif: bytes, xmp: bytes) -> list[bytes | memoryview]:
    view = memoryview(data)
    kept = [c for c in chunks if c.fourcc in KEEP and c.fourcc != b"VP8X"]
    body: list[bytes | memoryview] = []
    extended = bool(exif or xmp) or any(c.fourcc in (b"ICCP", b"ANIM", b"ANMF", b"ALPH") for c in kept)
    if extended:
        width, height = canvas_size(data, chunks)
        flags = 0
        if any(c.fourcc == b"ANIM" for c in kept):
            flags |= FLAG_ANIMATION
        if _has_alpha(data, chunks):
            flags |= FLAG_ALPHA
        if any(c.fourcc == b"ICCP" for c in kept):
            flags |= FLAG_ICC
        if exif:
            flags |= FLAG_EXIF
        if xmp:
            flags |= FLAG_XMP
        vp8x = (
            bytes([flags, 0, 0, 0]) + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
        )
        body.append(_chunk(b"VP8X", vp8x))
    # Spec order: VP8X, ICCP, ANIM, frames/image; then EXIF, XMP.
    for group in ((b"ICCP",), (b"ANIM",), (b"ANMF", b"ALPH", b"VP8 ", b"VP8L")):
        body.extend(view[c.start : c.end] for c in kept if c.fourcc in group)
    if exif:
        body.append(_chunk(b"EXIF", exif))
    if xmp:
        body.append(_chunk(b"XMP ", xmp))
    size = 4 + sum(len(b) for b in body)
    return [b"RIFF" + struct.pack("<I", size) + b"WEBP", *body]


def image_data(data: bytes, chunks: list[Chunk]) -> list[memoryview]:
    view = memoryview(data)
    return [view[c.start : c.end] for c in chunks if c.fourcc in IMAGE_CHUNKS]
