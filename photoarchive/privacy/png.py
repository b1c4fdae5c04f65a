"""PNG at chunk level: image data and colour chunks are copied untouched, everything else is dropped and an
XMP iTXt chunk with the press fields is added.

A little over ~400 lines on purpose: parsing, scanning and rewriting share the chunk model and the rules
for each chunk's exact length; split, each part would need the others' tables."""

from __future__ import annotations

import struct
import zlib
from typing import NamedTuple

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.privacy.blocks import scan_exif_block
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import read_orientation
from photoarchive.privacy.exif_write import build_exif
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note, excerpt
from photoarchive.privacy.icc import check_icc, names_hardware
from photoarchive.privacy.icc_scan import scan_icc_details
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


def chunk_text(data: bytes, chunk: Chunk) -> tuple[str, bytes]:
    """(keyword, text bytes) of a tEXt, zTXt or iTXt chunk; ValueError when its text cannot be inflated."""
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
    except (zlib.error, IndexError) as exc:
        raise ValueError(f"unreadable {chunk.type.decode()} chunk") from exc


def _text(data: bytes, chunk: Chunk) -> tuple[str, bytes]:
    try:
        return chunk_text(data, chunk)
    except ValueError:
        keyword = _body(data, chunk).partition(b"\x00")[0]
        return keyword.decode("latin-1", "replace"), b"(unreadable)"


def scan(data: bytes, col: Collector, name: object = "file") -> list[Chunk]:
    chunks = parse(data, name)
    for chunk in chunks:
        ctype = chunk.type
        label = ctype.decode("latin-1")
        if ctype == b"iCCP":
            body = _body(data, chunk)
            name, _, rest = body.partition(b"\x00")
            profile_name = name.decode("latin-1")
            if names_hardware(profile_name) and not profile_name.lower().startswith(("icc", "icc profile")):
                col.add(K.ICC_HARDWARE, "PNG iCCP", "iCCP profile name", profile_name)
            try:
                profile = _inflate(rest[1:])
                check_icc(profile, "PNG iCCP", col)
                scan_icc_details(profile, "PNG iCCP", col)
            except zlib.error:
                col.note(K.UNKNOWN_SEGMENT, "PNG iCCP", "iCCP", Note.UNREADABLE, reason="zlib")
        elif ctype in KEEP:
            defined = _DEFINED_LENGTH.get(ctype)
            length = chunk.end - chunk.data_start - 4
            if defined is not None and length > max(defined):
                body = _body(data, chunk)[max(defined) :]
                col.note(K.HIDDEN_DATA, f"PNG {label}", label, Note.BYTES_SHOWING, count=len(body),
                         text=excerpt(body, 60))  # fmt: skip
            continue
        elif ctype in (b"tEXt", b"zTXt", b"iTXt"):
            keyword, text = _text(data, chunk)
            if keyword.encode("latin-1", "replace") == XMP_KEYWORD:
                scan_xmp(text, f"PNG {label} XMP", col)
            else:
                scan_text(keyword, text, f"PNG {label}", col)
        elif ctype == b"eXIf":
            scan_exif_block(_body(data, chunk), "PNG eXIf", col)
        elif ctype == b"caBX":
            from photoarchive.privacy.jumbf import scan_jumbf

            scan_jumbf(_body(data, chunk), "PNG caBX C2PA", col)
        elif ctype == b"tIME":
            body = _body(data, chunk)
            if len(body) == 7:
                y, mo, d, h, mi, s = struct.unpack(">HBBBBB", body)
                col.add(K.CAPTURE_DATE, "PNG tIME", "tIME", f"{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            else:
                col.note(K.CAPTURE_DATE, "PNG tIME", "tIME", Note.MALFORMED)
        else:
            col.note(K.UNKNOWN_SEGMENT, f"PNG {label}", label, Note.BYTES, count=chunk.end - chunk.start - 12)
    _scan_image_stream(data, chunks, col)
    after = data[chunks[-1].end :]
    if after.strip(b"\x00"):
        col.note(
            K.TRAILER, "after IEND", "trailer", Note.BYTES_SHOWING, count=len(after), text=excerpt(after, 60)
        )
    return chunks


# Chunks whose length the specification fixes (the largest allowed, for sBIT and bKGD by colour type).
_DEFINED_LENGTH = {
    b"IHDR": (13,), b"pHYs": (9,), b"gAMA": (4,), b"cHRM": (32,), b"sRGB": (1,), b"sBIT": (1, 2, 3, 4),
    b"bKGD": (1, 2, 6), b"cICP": (4,), b"cLLi": (8,), b"mDCv": (24,), b"acTL": (8,), b"fcTL": (26,),
    b"IEND": (0,),
}  # fmt: skip
_INFLATE_STEP = 1 << 22


def _scan_image_stream(data: bytes, chunks: list[Chunk], col: Collector) -> None:
    """Image data past the end of the zlib stream (an extra IDAT, bytes after the checksum): decoders stop
    at the stream's end, so whatever follows is hidden. Inflated in bounded steps, the output discarded."""
    parts = [data[c.data_start : c.end - 4] for c in chunks if c.type == b"IDAT"]
    budget = _raw_size(data, chunks) * 2 + _INFLATE_STEP  # a stream inflating past this is not image data
    inflater = zlib.decompressobj()
    try:
        for index, part in enumerate(parts):
            pending = part
            while pending and not inflater.eof:
                budget -= len(inflater.decompress(pending, _INFLATE_STEP))
                pending = inflater.unconsumed_tail
                if budget < 0:
                    return
            if inflater.eof:
                rest = inflater.unused_data + b"".join(parts[index + 1 :])
                if rest.strip(b"\x00"):
                    col.note(K.HIDDEN_DATA, "PNG IDAT", "IDAT", Note.BYTES_SHOWING, count=len(rest),
                             text=excerpt(rest, 60))  # fmt: skip
                return
    except zlib.error:
        return  # damaged image data: the decode reports that


def _raw_size(data: bytes, chunks: list[Chunk]) -> int:
    """The size of the image's filtered scanlines, from IHDR (what the zlib stream inflates to)."""
    header = data[chunks[0].data_start : chunks[0].data_start + 10]
    if len(header) < 10:
        return 0
    width, height, depth, colour = struct.unpack(">IIBB", header)
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour, 4)
    return height * (1 + (width * channels * depth + 7) // 8)


# The PNG specification's keywords (section 11.3.4.2) and what each holds.
_KEYWORDS = {
    "title": K.COMMENT, "author": K.OWNER, "description": K.COMMENT, "copyright": K.OWNER,
    "creation time": K.CAPTURE_DATE, "software": K.SOFTWARE, "disclaimer": K.COMMENT, "warning": K.COMMENT,
    "source": K.DEVICE, "comment": K.COMMENT,
}  # fmt: skip
_PRESS_KEYWORDS = {
    "author": "byline",
    "copyright": "copyright",
    "description": "caption",
    "title": "headline",
}
RAW_PROFILE = "raw profile type "


def scan_text(keyword: str, text: bytes, where: str, col: Collector) -> None:
    """A PNG text chunk by what its keyword says it holds; ImageMagick's hex-encoded raw profiles
    ("Raw profile type exif", "…APP1", "…iptc", "…xmp", "…icc") decoded and scanned as what they are."""
    from photoarchive.privacy.xmp import classify_name, is_position_name

    low = keyword.strip().lower()
    if low.startswith(RAW_PROFILE):
        blob = raw_profile(text)
        if blob is not None:
            _scan_raw_profile(low[len(RAW_PROFILE) :].strip(), blob, f"{where} {keyword}", col)
            return
    kind = _KEYWORDS.get(low)
    if kind is None:
        found = classify_name(keyword.strip())  # ImageMagick's "exif:GPSLatitude", a camera's "Serial" …
        kind = found if isinstance(found, K) else K.TEXT_CHUNK
        if kind is K.GPS and not is_position_name(keyword):
            kind = K.GPS_FIELDS
    col.add(kind, where, keyword, text, press=_PRESS_KEYWORDS.get(low))


def raw_profile(text: bytes) -> bytes | None:
    """The bytes of an ImageMagick raw profile: "\\n<name>\\n<length>\\n<hex digits in lines>"."""
    parts = text.split(None, 2)
    if len(parts) < 3 or not parts[1].isdigit():
        return None
    length = int(parts[1])
    try:
        blob = bytes.fromhex(parts[2].decode("ascii", "replace").replace("\n", "").replace(" ", ""))
    except ValueError:
        return None
    return blob[:length]


def _scan_raw_profile(name: str, blob: bytes, where: str, col: Collector) -> None:
    from photoarchive.privacy.blocks import nested

    if name in ("exif", "app1") and not blob.startswith(b"http://ns.adobe.com/xap/"):
        scan_exif_block(blob, where, col)
    elif name == "app1" or name == "xmp":
        scan_xmp(blob.split(b"\x00", 1)[1] if blob.startswith(b"http://") else blob, where, col)
    elif name in ("iptc", "8bim"):
        from photoarchive.privacy.iptc import scan_iim, scan_photoshop

        if blob.startswith(b"8BIM"):
            scan_photoshop(blob, where, col, nested)
        else:
            scan_iim(blob, where, col)
    elif name in ("icc", "icm"):
        check_icc(blob, where, col)
    else:
        col.note(K.UNKNOWN_SEGMENT, where, name, Note.BYTES, count=len(blob))


def orientation(data: bytes, chunks: list[Chunk]) -> int | None:
    for chunk in chunks:
        if chunk.type == b"eXIf":
            return read_orientation(_body(data, chunk))
    return None


def make_chunk(ctype: bytes, body: bytes | memoryview) -> bytes:
    return (
        struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(body, zlib.crc32(ctype)))
    )


MAX_ICC = 1 << 26  # a colour profile larger than 64 MiB is not one


def icc_profile(data: bytes, chunks: list[Chunk]) -> bytes:
    """The profile of the iCCP chunk, decompressed; b"" when there is none or it cannot be read."""
    for chunk in chunks:
        if chunk.type == b"iCCP":
            _, _, rest = _body(data, chunk).partition(b"\x00")
            try:
                return zlib.decompressobj().decompress(rest[1:], MAX_ICC)
            except (zlib.error, IndexError):
                return b""
    return b""


# Fixed sizes of the kept chunks whose size does not depend on the colour type.
_FIXED = {b"IHDR": 13, b"sRGB": 1, b"gAMA": 4, b"cHRM": 32, b"pHYs": 9, b"cICP": 4, b"mDCv": 24,
          b"cLLi": 8, b"acTL": 8, b"fcTL": 26}  # fmt: skip
# By IHDR colour type: the size of sBIT, bKGD and (types 0 and 2) tRNS.
_SBIT = {0: 1, 2: 3, 3: 3, 4: 2, 6: 4}
_BKGD = {0: 2, 2: 6, 3: 1, 4: 2, 6: 6}
_TRNS = {0: 2, 2: 6}


def _exact_size(ctype: bytes, body: bytes | memoryview, colour_type: int, palette: int) -> int | None:
    """How many bytes of the chunk body its fields take; None when the chunk cannot be kept."""
    n = len(body)
    if ctype in _FIXED:
        need: int | None = _FIXED[ctype]
    elif ctype == b"PLTE":
        need = min(n - n % 3, 768) or None
    elif ctype == b"sBIT":
        need = _SBIT.get(colour_type)
    elif ctype == b"bKGD":
        need = _BKGD.get(colour_type)
    elif ctype == b"tRNS":
        need = min(n, palette) if colour_type == 3 else _TRNS.get(colour_type)
    else:
        return None
    return need if need is not None and 0 < need <= n else None


def _image_streams(data: bytes, chunks: list[Chunk]) -> dict[int, int | None]:
    """For every IDAT/fdAT chunk (by index): how many body bytes to keep (the chunk's zlib stream ends in it
    or later: all of it; it ends inside: up to there), None for a chunk after its stream's end (dropped).

    The image data is one zlib stream over the IDAT chunks, and one per APNG frame over its fdAT chunks
    (each after a 4-byte sequence number); bytes after a stream's end are no part of the image."""
    keep: dict[int, int | None] = {}
    inflater = None
    current = b""
    for index, chunk in enumerate(chunks):
        ctype = chunk.type
        if ctype not in (b"IDAT", b"fdAT"):
            if ctype == b"fcTL":  # a new APNG frame: its fdAT chunks start a new stream
                inflater, current = None, b""
            continue
        if inflater is None or current != ctype:
            inflater, current = zlib.decompressobj(), ctype
        skip = 4 if ctype == b"fdAT" else 0
        body = memoryview(data)[chunk.data_start + skip : chunk.end - 4]
        if inflater.eof:
            keep[index] = None
            continue
        try:
            out = inflater.decompress(body, 1 << 20)
            while not inflater.eof and inflater.unconsumed_tail:
                out = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
        except zlib.error as exc:
            raise CorruptImage(f"the image data is damaged: {exc}") from exc
        del out
        keep[index] = skip + len(body) - len(inflater.unused_data) if inflater.eof else skip + len(body)
    return keep


def rewrite(
    data: bytes,
    chunks: list[Chunk],
    xmp: bytes,
    orient: int | None,
    artist: str,
    copyright: str,
    icc: bytes = b"",
) -> list[bytes | memoryview]:
    """The kept chunks rebuilt from their fields at their exact sizes (image data cut where its zlib stream
    ends, chunks after it dropped), the given colour profile as iCCP under a neutral name, plus eXIf
    (orientation and organisation) and XMP iTXt before the image data."""
    view = memoryview(data)
    ihdr = _body(data, chunks[0])
    colour_type = ihdr[9] if len(ihdr) >= 13 else -1
    palette = next(((c.end - 4 - c.data_start) // 3 for c in chunks if c.type == b"PLTE"), 0)
    streams = _image_streams(data, chunks)
    out: list[bytes | memoryview] = [SIGNATURE]
    extra: list[bytes] = []
    exif = build_exif(orient if orient not in (None, 1) else None, artist, copyright)
    if exif:
        extra.append(make_chunk(b"eXIf", exif))
    if xmp:
        extra.append(make_chunk(b"iTXt", XMP_KEYWORD + b"\x00\x00\x00\x00\x00" + xmp))
    inserted = False
    for index, chunk in enumerate(chunks):
        ctype = chunk.type
        if ctype not in KEEP:
            continue
        if not inserted and ctype in (b"IDAT", b"acTL", b"fcTL"):
            out.extend(extra)
            inserted = True
        body = view[chunk.data_start : chunk.end - 4]
        if ctype == b"IEND":
            out.append(make_chunk(b"IEND", b""))
        elif ctype == b"iCCP":
            if icc:  # the name says nothing about whose profile it was
                out.append(make_chunk(b"iCCP", b"ICC profile\x00\x00" + zlib.compress(icc, 9)))
        elif ctype in (b"IDAT", b"fdAT"):
            size = streams.get(index)
            if size == len(body):
                out.append(view[chunk.start : chunk.end])  # checked by its CRC: the same bytes rebuilt
            elif size:
                out.append(make_chunk(ctype, body[:size]))
        else:
            size = _exact_size(ctype, body, colour_type, palette)
            if size is None:
                if ctype in (b"IHDR", b"fcTL", b"acTL", b"PLTE"):
                    raise CorruptImage(f"its {ctype.decode()} chunk is malformed")
                continue
            out.append(make_chunk(ctype, body[:size]))
    return out


def image_data(data: bytes, chunks: list[Chunk]) -> list[memoryview]:
    view = memoryview(data)
    return [view[c.start : c.end] for c in chunks if c.type in IMAGE_CHUNKS]


def image_stream(data: bytes, chunks: list[Chunk]) -> bytes:
    """The image's pixel data as the decoder reads it: the IDAT/fdAT bodies up to the end of each zlib
    stream (what a lossless copy must hold byte for byte)."""
    streams = _image_streams(data, chunks)
    parts = []
    for index, chunk in enumerate(chunks):
        size = streams.get(index)
        if size:
            parts.append(data[chunk.data_start : chunk.data_start + size])
    return b"".join(parts)
