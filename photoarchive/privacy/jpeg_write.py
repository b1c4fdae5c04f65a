"""JPEG rewriting for a published copy, without touching the compressed image: the quantisation and
Huffman tables, frame and scan headers and the entropy-coded data are copied byte for byte, JFIF (minus
its thumbnail), the ICC profile and Adobe APP14 kept, every other APPn, COM and anything after EOI
dropped, and freshly built EXIF, XMP and IPTC blocks inserted. (Parsing and scanning: `jpeg`.)
"""

from __future__ import annotations

import struct
from datetime import datetime
from typing import NamedTuple

from photoarchive.errors import CorruptImage
from photoarchive.privacy.exif import read_capture_date, read_orientation
from photoarchive.privacy.jpeg import (
    ADOBE_ID,
    APP0,
    APP1,
    APP2,
    APP13,
    APP14,
    COM,
    DAC,
    DHT,
    DQT,
    DRI,
    EOI,
    EXIF_ID,
    ICC_ID,
    JFIF_ID,
    MAX_SEGMENT_PAYLOAD,
    PHOTOSHOP_ID,
    SOF_MARKERS,
    SOS,
    XMP_ID,
    JpegLayout,
    icc_segments,
    parse,
)


def app_segment(marker: int, payload: bytes) -> bytes:
    if len(payload) > MAX_SEGMENT_PAYLOAD:
        raise ValueError(f"a {len(payload)}-byte block does not fit in one JPEG segment")
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


class SourceFacts(NamedTuple):
    orientation: int | None
    capture_date: datetime | None


def exif_base(payload: bytes) -> int | None:
    """Where the TIFF structure starts in an APP1 EXIF payload: after "Exif\\0\\0", or after the
    "Exif\\0\\xff" some writers put there instead; None when the payload is not EXIF."""
    if payload.startswith(b"Exif\x00") and payload[6:10] in (b"II*\x00", b"MM\x00*"):
        return 6
    return None


def source_orientation(data: bytes, layout: JpegLayout) -> int | None:
    """The EXIF orientation alone (what every copy needs; the capture date only when it is kept)."""
    for seg in layout.segments:
        if seg.marker == APP1 and data.startswith(b"Exif\x00", seg.payload_start):
            payload = seg.payload(data)
            base = exif_base(payload)
            if base is not None:
                return read_orientation(payload, base)
    return None


def source_facts(data: bytes, layout: JpegLayout) -> SourceFacts:
    for seg in layout.segments:
        if seg.marker == APP1 and data.startswith(b"Exif\x00", seg.payload_start):
            payload = seg.payload(data)
            base = exif_base(payload)
            if base is not None:
                return SourceFacts(read_orientation(payload, base), read_capture_date(payload, base))
    return SourceFacts(None, None)


def icc_profile_strict(data: bytes, layout: JpegLayout) -> bytes:
    """The ICC profile as a copy takes it: chunks 1..N of the count the first chunk declares, each once, cut
    to the size the profile header declares. Chunks beyond that (a second "2/2" after a complete profile, a
    chunk of another count) are not part of it (`icc_profile` keeps them, so the scan can report them);
    b"" when a chunk is missing."""
    chunks: dict[int, bytes] = {}
    total = 0
    for seg in icc_segments(data, layout):
        payload = seg.payload(data)
        if len(payload) < 14:
            continue
        seq, count = payload[12], payload[13]
        if not total:
            total = count
        if count == total and 1 <= seq <= total and seq not in chunks:
            chunks[seq] = payload[14:]
    if not total or len(chunks) != total:
        return b""
    profile = b"".join(chunks[k] for k in range(1, total + 1))
    if len(profile) >= 4:
        (size,) = struct.unpack(">I", profile[:4])
        if 128 <= size <= len(profile):
            return profile[:size]
    return profile


ICC_CHUNK = MAX_SEGMENT_PAYLOAD - len(ICC_ID) - 2


def icc_segments_for(profile: bytes) -> list[bytes]:
    """APP2 segments carrying `profile`, numbered 1..N of N."""
    if not profile:
        return []
    parts = [profile[i : i + ICC_CHUNK] for i in range(0, len(profile), ICC_CHUNK)]
    if len(parts) > 255:
        raise ValueError("the colour profile is too large for a JPEG file")
    return [app_segment(APP2, ICC_ID + bytes([i, len(parts)]) + part) for i, part in enumerate(parts, 1)]


def rewrite(
    data: bytes,
    layout: JpegLayout,
    exif: bytes,
    xmp: bytes,
    iim_resources: bytes,
    icc: bytes,
    image: list[bytes | memoryview] | None = None,
) -> list[bytes | memoryview]:
    """The clean file as a list of pieces: the new header (JFIF and Adobe cut to the fields decoders read,
    the given EXIF, XMP, ICC profile and IPTC), the image segments (`image`, from `image_pieces`), then EOI."""
    head: list[bytes | memoryview] = [b"\xff\xd8"]
    jfif = next(
        (s for s in layout.segments if s.marker == APP0 and data.startswith(JFIF_ID, s.payload_start)), None
    )
    if jfif is not None and jfif.payload_end - jfif.payload_start >= 14:
        # JFIF header without its thumbnail: identifier, version, density units and density, 0×0 thumbnail.
        head.append(app_segment(APP0, data[jfif.payload_start : jfif.payload_start + 12] + b"\x00\x00"))
    if exif:
        head.append(app_segment(APP1, EXIF_ID + exif))
    if xmp:
        head.append(app_segment(APP1, XMP_ID + xmp))
    head.extend(icc_segments_for(icc))
    if iim_resources:
        head.append(app_segment(APP13, PHOTOSHOP_ID + iim_resources))
    adobe = next(
        (s for s in layout.segments if s.marker == APP14 and data.startswith(ADOBE_ID, s.payload_start)), None
    )
    if adobe is not None and adobe.payload_end - adobe.payload_start >= 12:
        # Identifier, version, flags and colour transform: exactly the 12 bytes decoders read, nothing more.
        head.append(app_segment(APP14, data[adobe.payload_start : adobe.payload_start + 12]))
    return head + (image if image is not None else image_pieces(data, layout)) + [b"\xff\xd9"]


# What a copy keeps of the image itself: tables, frame, restart interval, scans (and the hierarchical-mode
# DHP/EXP). DNL (its height is refused by `parse` anyway), TEM and stray restart markers between segments go.
_KEPT_IMAGE = SOF_MARKERS | {DHT, DQT, DRI, DAC, SOS, 0xDE, 0xDF}


def _exact_length(marker: int, payload: bytes | memoryview) -> int:
    """How many payload bytes the fields of an image segment take; what follows them is not part of it.
    Raises CorruptImage when the fields run past the segment."""
    n = len(payload)
    if marker in SOF_MARKERS or marker == 0xDE:
        need = 6 + 3 * payload[5] if n >= 6 else n + 1
    elif marker == SOS:
        need = 1 + 2 * payload[0] + 3 if n >= 1 else n + 1
    elif marker == DRI:
        need = 2
    elif marker == 0xDF:
        need = 1
    elif marker == DAC:
        need = n - n % 2
    elif marker == DQT:
        need = 0
        while need < n:
            size = 1 + (128 if payload[need] >> 4 else 64)
            if need + size > n:
                break
            need += size
    else:  # DHT: class/id, 16 counts, the symbols
        need = 0
        while need + 17 <= n:
            size = 17 + sum(payload[need + 1 : need + 17])
            if need + size > n:
                break
            need += size
    if need > n or need == 0:
        raise CorruptImage(f"the 0x{marker:02X} segment is malformed")
    return need


def image_plan(data: bytes, layout: JpegLayout) -> list[tuple[int, int] | bytes]:
    """The image part of the copy, in order: (start, end) ranges of the source to copy as they are (segments
    whose length is exactly what their fields take, and the entropy-coded data of each scan), and segments
    written anew at their exact length where the source's had bytes after their fields. Contiguous ranges are
    joined."""
    view = memoryview(data)
    plan: list[tuple[int, int] | bytes] = []

    def add(start: int, end: int) -> None:
        last = plan[-1] if plan else None
        if isinstance(last, tuple) and last[1] == start:
            plan[-1] = (last[0], end)
        elif end > start:
            plan.append((start, end))

    for seg in layout.segments:
        if seg.marker not in _KEPT_IMAGE:
            continue
        payload = view[seg.payload_start : seg.payload_end]
        need = _exact_length(seg.marker, payload)
        if need == len(payload):
            add(seg.start, seg.payload_end)
        else:
            plan.append(app_segment(seg.marker, bytes(payload[:need])))
        add(seg.payload_end, seg.end)  # a scan's entropy-coded data (empty for other segments)
    return plan


def image_ranges(layout: JpegLayout) -> list[tuple[int, int]]:
    """(start, end) in the source of the tables, frame, scan headers and entropy-coded data; contiguous
    segments are joined into one range."""
    ranges: list[tuple[int, int]] = []
    for seg in layout.structural():
        if ranges and ranges[-1][1] == seg.start:
            ranges[-1] = (ranges[-1][0], seg.end)
        else:
            ranges.append((seg.start, seg.end))
    return ranges


def pieces_of(data: bytes, plan: list[tuple[int, int] | bytes]) -> list[bytes | memoryview]:
    """The plan as bytes: ranges as zero-copy views of the source."""
    view = memoryview(data)
    return [view[p[0] : p[1]] if isinstance(p, tuple) else p for p in plan]


def image_pieces(data: bytes, layout: JpegLayout) -> list[bytes | memoryview]:
    """The image segments of a copy (see `image_plan`), ranges as zero-copy views of the source."""
    return pieces_of(data, image_plan(data, layout))


def scan_data(data: bytes, layout: JpegLayout) -> list[memoryview]:
    """The entropy-coded data of every scan: what a lossless copy must hold byte for byte."""
    view = memoryview(data)
    return [view[s.payload_end : s.end] for s in layout.segments if s.marker == SOS]


def clean_stream(data: bytes, name: object = "file") -> bytes:
    """A complete JPEG stream (a JPEG-compressed TIFF strip or tile) with nothing but its image segments:
    every APPn, COM and unknown marker inside it dropped, each kept segment at its exact length."""
    layout = parse(data, name)
    return b"".join([b"\xff\xd8", *pieces_of(data, image_plan(data, layout)), b"\xff\xd9"])


def clean_tables(data: bytes, name: object = "file") -> bytes:
    """A TIFF JPEGTables block (SOI, quantisation and Huffman tables, EOI) holding only its tables, each at
    its exact length: comments and APPn segments in it dropped. Raises CorruptImage on anything else."""
    if not data.startswith(b"\xff\xd8"):
        raise CorruptImage(f"{name} has malformed JPEG tables")
    out = [b"\xff\xd8"]
    pos, n = 2, len(data)
    while pos < n:
        while pos < n and data[pos] == 0xFF and pos + 1 < n and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes
        if pos + 2 > n or data[pos] != 0xFF:
            raise CorruptImage(f"{name} has malformed JPEG tables")
        marker = data[pos + 1]
        if marker == EOI:
            return b"".join([*out, b"\xff\xd9"])
        if pos + 4 > n:
            raise CorruptImage(f"{name} has malformed JPEG tables")
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > n:
            raise CorruptImage(f"{name} has malformed JPEG tables")
        payload = data[pos + 4 : pos + 2 + length]
        if marker in (DQT, DHT):
            out.append(app_segment(marker, payload[: _exact_length(marker, payload)]))
        elif marker not in range(APP0, 0xF0) and marker != COM:
            raise CorruptImage(f"{name} has a 0x{marker:02X} segment in its JPEG tables")
        pos += 2 + length
    raise CorruptImage(f"{name} has JPEG tables without an end marker")
