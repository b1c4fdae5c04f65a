"""WebP at RIFF-chunk level: image, alpha, animation and colour chunks are copied, EXIF/XMP/unknown chunks
dropped and rebuilt (extended VP8X header with fresh flags)."""

from __future__ import annotations

import io
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


def _decodes_as(fourcc: bytes, body: bytes, reference: bytes | None) -> bytes | None:
    """The pixels of a lone VP8/VP8L bitstream (None if it does not decode, or not to `reference`)."""
    from PIL import Image

    chunk = _chunk(fourcc, body)
    blob = b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk
    try:
        with Image.open(io.BytesIO(blob)) as image:
            image.load()
            pixels = image.tobytes()
    except (OSError, ValueError, SyntaxError):
        return None
    return pixels if reference is None or pixels == reference else None


def bitstream_end(fourcc: bytes, body: bytes) -> int:
    """Where a VP8/VP8L bitstream ends: the shortest prefix of `body` that decodes to the same pixels.

    Neither format declares its total length (a VP8 frame's last partition and a VP8L stream run until
    the decoder has the whole image), and libwebp fails on a stream that ends before it has read every
    byte it needs; so bytes appended inside the chunk are found by cutting from the end (doubling the cut,
    then halving the interval) while the decode stays identical. A clean stream costs two or three decodes.
    """
    reference = _decodes_as(fourcc, body, None)
    if reference is None:
        raise CorruptImage(f"its {fourcc.decode().strip()} image data does not decode")
    good, cut = len(body), 1
    while cut < len(body) and _decodes_as(fourcc, body[: len(body) - cut], reference) is not None:
        good, cut = len(body) - cut, cut * 2
    bad = max(len(body) - cut, 0)
    while good - bad > 1:
        middle = (good + bad) // 2
        if _decodes_as(fourcc, body[:middle], reference) is not None:
            good = middle
        else:
            bad = middle
    return good


def _frame_chunks(data: bytes, start: int, end: int, name: object) -> list[bytes]:
    """The sub-chunks of an image (a frame's payload or the file's top level from its first image chunk):
    ALPH and VP8/VP8L rebuilt, anything else dropped."""
    out: list[bytes] = []
    pos = start
    while pos + 8 <= end:
        fourcc, (size,) = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])
        if pos + 8 + size > end:
            raise CorruptImage(f"{name} is malformed: the {fourcc!r} chunk runs past its frame")
        body = data[pos + 8 : pos + 8 + size]
        if fourcc == b"ALPH":
            out.append(_chunk(fourcc, body))
        elif fourcc in (b"VP8 ", b"VP8L"):
            out.append(_chunk(fourcc, body[: bitstream_end(fourcc, body)]))
        pos += 8 + size + (size & 1)
    return out


def clean_image(data: bytes, chunks: list[Chunk], name: object = "file") -> list[bytes]:
    """The image part of a copy, chunk by chunk from its fields: ANIM (background and loop count), each
    ANMF frame (its 16-byte header, then its ALPH and VP8/VP8L sub-chunks, unknown sub-chunks dropped), or
    the still image's ALPH and VP8/VP8L; every bitstream cut where it ends (see `bitstream_end`)."""
    out: list[bytes] = []
    for c in chunks:
        body = data[c.data_start : c.data_end]
        if c.fourcc == b"ANIM":
            if len(body) < 6:
                raise CorruptImage(f"{name} has a malformed ANIM chunk")
            out.append(_chunk(b"ANIM", body[:6]))
        elif c.fourcc == b"ANMF":
            if len(body) < 16:
                raise CorruptImage(f"{name} has a malformed animation frame")
            frame = _frame_chunks(data, c.data_start + 16, c.data_end, name)
            if not any(f[:4] in (b"VP8 ", b"VP8L") for f in frame):
                raise CorruptImage(f"{name} has an animation frame without image data")
            out.append(_chunk(b"ANMF", body[:16] + b"".join(frame)))
        elif c.fourcc in (b"ALPH", b"VP8 ", b"VP8L"):
            out.extend(_frame_chunks(data, c.start, c.end, name))
    return out


def rewrite(
    data: bytes,
    chunks: list[Chunk],
    exif: bytes,
    xmp: bytes,
    icc: bytes = b"",
    image: list[bytes] | None = None,
) -> list[bytes | memoryview]:
    """The copy: a fresh VP8X header where needed, the given ICC profile, the image rebuilt (`clean_image`),
    then EXIF (raw TIFF, as the WebP container defines it: no "Exif\\0\\0" prefix) and XMP."""
    image = clean_image(data, chunks) if image is None else image  # `image`: from clean_image already
    animated = any(c.fourcc == b"ANIM" for c in chunks)
    body: list[bytes | memoryview] = []
    extended = bool(exif or xmp or icc or animated) or any(c.fourcc == b"ALPH" for c in chunks)
    if extended:
        width, height = canvas_size(data, chunks)
        flags = 0
        if animated:
            flags |= FLAG_ANIMATION
        if _has_alpha(data, chunks):
            flags |= FLAG_ALPHA
        if icc:
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
    if icc:
        body.append(_chunk(b"ICCP", icc))
    body.extend(image)
    if exif:
        body.append(_chunk(b"EXIF", exif))
    if xmp:
        body.append(_chunk(b"XMP ", xmp))
    size = 4 + sum(len(b) for b in body)
    return [b"RIFF" + struct.pack("<I", size) + b"WEBP", *body]


def image_data(data: bytes, chunks: list[Chunk]) -> list[bytes]:
    """The image part as a copy holds it (see `clean_image`): equal for a source and its lossless copy."""
    return clean_image(data, chunks)
