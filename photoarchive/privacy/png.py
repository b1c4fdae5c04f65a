"""PNG at chunk level: image data and colour chunks are copied untouched, everything else is dropped and an
XMP iTXt chunk with the press fields is added."""

from __future__ import annotations

import struct
import zlib
from typing import NamedTuple

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.privacy.blocks import scan_exif_block
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import build_exif, read_orientation
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.icc import check_icc
from photoarchive.privacy.jpeg import MAX_PIXELS
from photoarchive.privacy.xmp import scan_xmp

SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_KEYWORD = b"XML:com.adobe.xmp"
# Image data, its layout and colour, and animation structure. Everything else goes.
KEEP = frozenset(
    {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"iCCP", b"sRGB", b"gAMA", b"cHRM", b"pHYs", b"sBIT",
     b"bKGD", b"cICP", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT"}
)  # fmt: skip
IMAGE_CHUNKS = (b"IDAT", b"fdAT", b"fcTL", b"acTL", b"IHDR", b"PLTE", b"tRNS")
MAX_TEXT_INFLATE = 1 << 20  # read at most this much of a compressed text chunk: enough to report it


class Chunk(NamedTuple):
    type: bytes
    start: int  # offset of the length field
    data_start: int
    end: int  # after the CRC


def is_png(head: bytes) -> bool:
    return head.startswith(SIGNATURE)


def parse(data: bytes, name: object = "file") -> list[Chunk]:
    if not data.startswith(SIGNATURE):
        raise UnsupportedFile(f"{name} is not a PNG file")
    chunks: list[Chunk] = []
    pos, n = 8, len(data)
    while True:
        if pos + 12 > n:
            raise CorruptImage(f"{name} is truncated: it ends before the IEND chunk")
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if length > 0x7FFFFFFF or end > n:
            raise CorruptImage(
                f"{name} is malformed: the {ctype!r} chunk at byte {pos} runs past the end of the file"
            )
        if not ctype.isalpha():
            raise CorruptImage(f"{name} is malformed: bad chunk type at byte {pos}")
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if ctype[0:1].isupper() and zlib.crc32(data[pos + 4 : end - 4]) != crc:
            raise CorruptImage(f"{name} is damaged: the {ctype.decode()} chunk fails its checksum")
        chunks.append(Chunk(ctype, pos, pos + 8, end))
        pos = end
        if ctype == b"IEND":
            break
    if chunks[0].type != b"IHDR":
        raise CorruptImage(f"{name} is malformed: it does not start with IHDR")
    width, height = struct.unpack(">II", data[chunks[0].data_start : chunks[0].data_start + 8])
    if width == 0 or height == 0:
        raise CorruptImage(f"{name} declares an empty {width}×{height} image")
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(
            f"{name} declares {width}×{height} pixels, more than the {MAX_PIXELS / 1e6:.0f} MP limit"
        )
    if not any(c.type == b"IDAT" for c in chunks):
        raise CorruptImage(f"{name} has no image data")
    return chunks


def _body(data: bytes, chunk: Chunk) -> bytes:
    return data[chunk.data_start : chunk.end - 4]


def _inflate(raw: bytes) -> bytes:
    # Bounded: a zTXt bomb must not eat the memory of the scanner.
    return zlib.decompressobj().decompress(raw, MAX_TEXT_INFLATE)


def _text(data: bytes, chunk: Chunk) -> tuple[str, bytes]:
    """(keyword, text bytes) of a tEXt, zTXt or iTXt chunk."""
    body = _body(data, chunk)
    keyword, _, rest = body.partition(b"\x00")
    try:
        if chunk.type == b"tEXt":
            return keyword.decode("latin-1"), rest
        if chunk.type == b"zTXt":
            return keyword.decode("latin-1"), _inflate(rest[1:])
        compressed, rest = rest[0], rest[2:]
        _lang, _, rest = rest.partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        return keyword.decode("latin-1"), _inflate(text) if compressed else text
    except (zlib.error, IndexError):
        return keyword.decode("latin-1", "replace"), b"(unreadable)"


def scan(data: bytes, col: Collector, name: object = "file") -> list[Chunk]:
    chunks = parse(data, name)
    for chunk in chunks:
        ctype = chunk.type
        label = ctype.decode("latin-1")
        if ctype == b"iCCP":
            body = _body(data, chunk)
            _, _, rest = body.partition(b"\x00")
            try:
                check_icc(_inflate(rest[1:]), "PNG iCCP", col)
            except zlib.error:
                col.add(K.UNKNOWN_SEGMENT, "PNG iCCP", "iCCP", "unreadable colour profile")
        elif ctype in KEEP:
            continue
        elif ctype in (b"tEXt", b"zTXt", b"iTXt"):
            keyword, text = _text(data, chunk)
            if keyword.encode("latin-1", "replace") == XMP_KEYWORD:
                scan_xmp(text, f"PNG {label} XMP", col)
            else:
                col.add(K.TEXT_CHUNK, f"PNG {label}", keyword, text)
        elif ctype == b"eXIf":
            scan_exif_block(_body(data, chunk), "PNG eXIf", col)
        elif ctype == b"tIME":
            body = _body(data, chunk)
            if len(body) == 7:
                y, mo, d, h, mi, s = struct.unpack(">HBBBBB", body)
                col.add(K.CAPTURE_DATE, "PNG tIME", "tIME", f"{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            else:
                col.add(K.CAPTURE_DATE, "PNG tIME", "tIME", "malformed")
        else:
            col.add(K.UNKNOWN_SEGMENT, f"PNG {label}", label, f"{chunk.end - chunk.start - 12} bytes")
    return chunks


def orientation(data: bytes, chunks: list[Chunk]) -> int | None:
    for chunk in chunks:
        if chunk.type == b"eXIf":
            return read_orientation(_body(data, chunk))
    return None


def make_chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))


def rewrite(
    data: bytes, chunks: list[Chunk], xmp: bytes, orient: int | None, artist: str, copyright: str
) -> list[bytes | memoryview]:
    """Kept chunks verbatim, plus eXIf (orientation and organisation) and XMP iTXt before the image data."""
    view = memoryview(data)
    out: list[bytes | memoryview] = [SIGNATURE]
    extra: list[bytes] = []
    exif = build_exif(orient if orient not in (None, 1) else None, artist, copyright)
    if exif:
        extra.append(make_chunk(b"eXIf", exif))
    if xmp:
        extra.append(make_chunk(b"iTXt", XMP_KEYWORD + b"\x00\x00\x00\x00\x00" + xmp))
    inserted = False
    for chunk in chunks:
        if chunk.type not in KEEP:
            continue
        if not inserted and chunk.type in (b"IDAT", b"acTL", b"fcTL"):
            out.extend(extra)
            inserted = True
        out.append(view[chunk.start : chunk.end])
    return out


def image_data(data: bytes, chunks: list[Chunk]) -> list[memoryview]:
    view = memoryview(data)
    return [view[c.start : c.end] for c in chunks if c.type in IMAGE_CHUNKS]
