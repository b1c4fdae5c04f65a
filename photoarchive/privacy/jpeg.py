"""JPEG at segment level: parse the file into its segments and report what they carry (the rewrite for a
published copy is `jpeg_write`)."""

from __future__ import annotations

import re
import struct
from collections import defaultdict

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.privacy.blocks import nested, scan_exif_block
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note, excerpt
from photoarchive.privacy.icc import check_icc
from photoarchive.privacy.icc_scan import scan_icc_details
from photoarchive.privacy.iptc import scan_photoshop
from photoarchive.privacy.xmp import scan_xmp

MAX_PIXELS = 178_956_970  # Pillow's decompression-bomb limit: refuse, never decode, anything larger
MAX_SEGMENT_PAYLOAD = 0xFFFF - 2

SOI, EOI, SOS, COM, DHT, DQT, DRI, DAC, DNL = 0xD8, 0xD9, 0xDA, 0xFE, 0xC4, 0xDB, 0xDD, 0xCC, 0xDC
APP0, APP1, APP2, APP13, APP14 = 0xE0, 0xE1, 0xE2, 0xED, 0xEE
SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
# What the image itself is made of; everything else between SOI and EOI is metadata or unknown.
STRUCTURAL = SOF_MARKERS | {DHT, DQT, DRI, DAC, SOS, DNL, 0xDE, 0xDF} | set(range(0xD0, 0xD8)) | {0x01}
UNSUPPORTED_CODINGS = {0xF7: "JPEG-LS", 0xF8: "JPEG-LS"}

JFIF_ID = b"JFIF\x00"
JFXX_ID = b"JFXX\x00"
EXIF_ID = b"Exif\x00\x00"
XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_ID = b"http://ns.adobe.com/xmp/extension/\x00"
ICC_ID = b"ICC_PROFILE\x00"
MPF_ID = b"MPF\x00"
PHOTOSHOP_ID = b"Photoshop 3.0\x00"
ADOBE_ID = b"Adobe"

# The end of entropy-coded data: a 0xFF that is neither byte stuffing (FF 00) nor a restart marker.
_ENTROPY_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")


class Segment:
    """One marker segment. A plain class, not a dataclass: generating those costs start-up time."""

    __slots__ = ("marker", "start", "payload_start", "payload_end", "end")

    def __init__(self, marker: int, start: int, payload_start: int, payload_end: int, end: int) -> None:
        self.marker = marker
        self.start = start  # offset of the 0xFF of the marker
        self.payload_start = payload_start
        self.payload_end = payload_end  # end of the length-counted payload
        self.end = end  # end of the segment including, for SOS, the entropy-coded data after it

    def __repr__(self) -> str:
        return f"Segment(0x{self.marker:02X}, {self.start}..{self.end})"

    def payload(self, data: bytes) -> bytes:
        return data[self.payload_start : self.payload_end]


class JpegLayout:
    """The segments of a JPEG between SOI and EOI, and where its end marker is."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.eoi_start = 0
        self.eoi_end = 0
        self.width = 0
        self.height = 0
        self.components = 0
        self.skipped_bytes = 0  # stray bytes between segments (decoders skip them too)
        self.image_start = 0  # with header_only: where the first table/frame segment starts

    def structural(self) -> list[Segment]:
        return [s for s in self.segments if s.marker in STRUCTURAL]

    def metadata(self) -> list[Segment]:
        return [s for s in self.segments if s.marker not in STRUCTURAL]


def is_jpeg(head: bytes) -> bool:
    return head[:3] == b"\xff\xd8\xff"


def parse(
    data: bytes, name: object = "file", header_only: bool = False, until_scan: bool = False
) -> JpegLayout:
    """Walk SOI … EOI. Raises CorruptImage for truncation or lengths past the end, ImageTooLarge for bombs.

    With header_only, stop at the first segment that belongs to the image itself (`image_start`); with
    until_scan, at the first scan header (everything before it is parsed and checked).
    """
    n = len(data)
    if n < 4 or data[0] != 0xFF or data[1] != SOI:
        raise UnsupportedFile(f"{name} is not a JPEG file")
    layout = JpegLayout()
    pos = 2
    seen_frame = False
    while True:
        if pos >= n:
            raise CorruptImage(f"{name} is truncated: it ends before the end-of-image marker")
        if data[pos] != 0xFF:
            nxt = data.find(b"\xff", pos)
            if nxt < 0:
                raise CorruptImage(f"{name} is truncated: it ends before the end-of-image marker")
            layout.skipped_bytes += nxt - pos
            pos = nxt
        while pos < n and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= n:
            raise CorruptImage(f"{name} is truncated: it ends inside a marker")
        marker = data[pos]
        start = pos - 1
        pos += 1
        if marker == EOI:
            if not seen_frame:
                raise CorruptImage(f"{name} has no image frame before its end marker")
            layout.eoi_start, layout.eoi_end = start, pos
            return layout
        if marker == SOI:
            raise CorruptImage(f"{name} is malformed: a second start-of-image marker at byte {start}")
        if marker == 0x00 or 0x02 <= marker <= 0xBF:
            # Reserved codes never start a segment: the image data is damaged here (decoders show grey).
            raise CorruptImage(f"{name} is damaged: invalid data at byte {start} (marker 0x{marker:02X})")
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            layout.segments.append(Segment(marker, start, pos, pos, pos))
            continue
        if pos + 2 > n:
            raise CorruptImage(f"{name} is truncated inside a segment header")
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        if header_only and marker in STRUCTURAL:
            layout.image_start = start
            return layout
        if length < 2 or pos + length > n:
            raise CorruptImage(
                f"{name} is malformed: the segment at byte {start} claims {length} bytes, past the end of the file"
            )
        seg = Segment(marker, start, pos + 2, pos + length, pos + length)
        pos += length
        if marker in UNSUPPORTED_CODINGS:
            raise UnsupportedFile(f"{name} uses {UNSUPPORTED_CODINGS[marker]} coding, which is not supported")
        if marker in SOF_MARKERS:
            if length < 8:
                raise CorruptImage(f"{name} has a malformed frame header")
            _, height, width, comps = struct.unpack(">BHHB", data[seg.payload_start : seg.payload_start + 6])
            if not seen_frame:
                layout.width, layout.height, layout.components = width, height, comps
            seen_frame = True
            if width == 0 or height == 0:
                raise UnsupportedFile(
                    f"{name} declares a {width}×{height} frame (height in a DNL marker is not supported)"
                )
            if width * height > MAX_PIXELS:
                raise ImageTooLarge(
                    f"{name} declares {width}×{height} pixels ({width * height / 1e6:.0f} MP), more than the "
                    f"{MAX_PIXELS / 1e6:.0f} MP limit; refused without decoding"
                )
        elif marker == SOS:
            if not seen_frame:
                raise CorruptImage(f"{name} has image data before its frame header")
            if until_scan:
                layout.segments.append(seg)
                layout.image_start = start
                return layout
            found = _ENTROPY_END.search(data, pos)
            if found is None:
                raise CorruptImage(f"{name} is truncated: the image data has no end-of-image marker")
            pos = seg.end = found.start()
        layout.segments.append(seg)


# -- scanning ---------------------------------------------------------------------------------------


def scan(data: bytes, col: Collector, name: object = "file") -> JpegLayout:
    layout = parse(data, name)
    scan_layout(data, layout, col)
    return layout


def scan_layout(data: bytes, layout: JpegLayout, col: Collector) -> None:
    """Report the metadata segments of a parsed file, its ICC profile and anything after its end."""
    scan_segments(data, layout, col)
    scan_after_end(data, layout.eoi_end, col)


def scan_segments(data: bytes, layout: JpegLayout, col: Collector) -> None:
    """Report every metadata segment of a parsed image (before, between and after its scans) and its ICC
    profile."""
    from photoarchive.privacy import jpeg_apps

    extended_xmp: dict[bytes, dict[int, bytes]] = defaultdict(dict)
    jumbf: dict[int, dict[int, bytes]] = defaultdict(dict)
    flir: dict[int, bytes] = {}
    metadata = layout.metadata()
    infiray = any(jpeg_apps.is_infiray(s.marker, s.payload(data)) for s in metadata if s.marker == APP2)
    for seg in metadata:
        payload = seg.payload(data)
        marker = seg.marker
        app = f"APP{marker - APP0}" if APP0 <= marker <= 0xEF else f"marker 0x{marker:02X}"
        if marker == APP0 and payload.startswith(JFIF_ID):
            if len(payload) >= 14 and payload[12] * payload[13] > 0:
                col.note(
                    K.THUMBNAIL,
                    "APP0 JFIF",
                    "JFIF thumbnail",
                    Note.PIXELS,
                    width=payload[12],
                    height=payload[13],
                )
        elif marker == APP0 and payload.startswith(JFXX_ID):
            col.note(K.THUMBNAIL, "APP0 JFXX", "JFXX thumbnail", Note.BYTES, count=len(payload))
        elif marker == APP1 and payload.startswith(EXIF_ID):
            scan_exif_block(payload, "EXIF", col)
        elif marker == APP1 and payload.startswith(XMP_ID):
            scan_xmp(payload[len(XMP_ID) :], "APP1 XMP", col)
        elif marker == APP1 and payload.startswith(XMP_EXT_ID):
            body = payload[len(XMP_EXT_ID) :]
            if len(body) >= 40:
                extended_xmp[body[:32]][struct.unpack(">I", body[36:40])[0]] = body[40:]
            else:
                col.note(K.UNKNOWN_SEGMENT, "APP1 extended XMP", "extended XMP", Note.MALFORMED)
        elif marker == APP2 and payload.startswith(ICC_ID):
            continue  # checked once, reassembled, below
        elif marker == APP2 and payload.startswith(MPF_ID):
            _mpf_summary(payload, col)
        elif marker == APP2 and payload.startswith(b"FPXR"):
            col.note(K.EMBEDDED_IMAGE, "APP2 FlashPix", "FlashPix", Note.BYTES, count=len(payload))
        elif marker == APP13 and payload.startswith(PHOTOSHOP_ID):
            scan_photoshop(payload[len(PHOTOSHOP_ID) :], "APP13 Photoshop", col, nested)
        elif marker == APP14 and payload.startswith(ADOBE_ID):
            continue  # colour transform flag: kept
        elif marker == COM:
            where = "JPEG comment" if seg.start < _first_scan(layout) else "JPEG comment between scans"
            col.add(K.COMMENT, where, "COM", payload)
        elif marker == jpeg_apps.APP11 and (part := jpeg_apps.jumbf_part(payload)) is not None:
            jumbf[part[0]][part[1]] = part[2]
        elif marker == APP1 and (chunk := jpeg_apps.flir_part(payload)) is not None:
            flir[chunk[0]] = chunk[1]
        elif jpeg_apps.scan_app(marker, payload, col, infiray):
            continue
        else:
            ident = payload[:32].split(b"\x00", 1)[0]
            where = app if seg.start < _first_scan(layout) else f"{app} between scans"
            col.note(
                K.UNKNOWN_SEGMENT,
                where,
                excerpt(ident, 40) or app,
                Note.BYTES_SHOWING,
                count=len(payload),
                text=excerpt(payload, 60),
            )
    for guid, parts in extended_xmp.items():
        scan_xmp(
            b"".join(parts[k] for k in sorted(parts)), f"APP1 extended XMP {guid[:8].decode('latin-1')}", col
        )
    if jumbf:
        jpeg_apps.scan_jumbf_parts(jumbf, col)
    if flir:
        jpeg_apps.scan_flir(flir, col)
    for seg in layout.structural():
        start = _defined_end(data, seg)
        if start < seg.payload_end and data[start : seg.payload_end].strip(b"\x00"):
            name = _STRUCTURAL_NAMES.get(seg.marker, f"0x{seg.marker:02X}")
            col.note(
                K.HIDDEN_DATA,
                f"JPEG {name} segment",
                name,
                Note.BYTES_SHOWING,
                count=seg.payload_end - start,
                text=excerpt(data[start : seg.payload_end], 60),
            )
    profile = icc_profile(data, layout)
    if profile:
        check_icc(profile, "APP2 ICC", col)
        scan_icc_details(profile, "APP2 ICC", col)
        _icc_excess(data, layout, profile, col)


_STRUCTURAL_NAMES = {DQT: "DQT", DHT: "DHT", SOS: "SOS", DRI: "DRI", DNL: "DNL", DAC: "DAC"} | {
    m: "SOF" for m in SOF_MARKERS
}


def _defined_end(data: bytes, seg: Segment) -> int:
    """Where the bytes a decoder reads from a table/frame/scan header end; anything after is hidden."""
    pos, end, marker = seg.payload_start, seg.payload_end, seg.marker
    if pos >= end:
        return end
    if marker == DQT:
        while pos < end:
            precision, table = data[pos] >> 4, data[pos] & 0x0F
            size = 1 + 64 * (2 if precision else 1)
            if precision > 1 or table > 3 or pos + size > end:
                break
            pos += size
        return pos
    if marker == DHT:
        while pos + 17 <= end:
            cls, table = data[pos] >> 4, data[pos] & 0x0F
            size = 17 + sum(data[pos + 1 : pos + 17])
            if cls > 1 or table > 3 or pos + size > end:
                break
            pos += size
        return pos
    if marker in SOF_MARKERS and end - pos >= 6:
        return min(end, pos + 6 + 3 * data[pos + 5])
    if marker == SOS:
        return min(end, pos + 1 + 2 * data[pos] + 3)
    if marker in (DRI, DNL):
        return min(end, pos + 2)
    return end


def _icc_excess(data: bytes, layout: JpegLayout, profile: bytes, col: Collector) -> None:
    """Bytes past the profile's own declared size (a second chunk "2 of 2" after a complete profile, text
    appended to the last chunk): colour readers never look at them, so they are hidden."""
    declared = int.from_bytes(profile[:4], "big")
    extra = profile[declared:] if 128 <= declared < len(profile) else b""
    if extra.strip(b"\x00"):
        col.note(
            K.HIDDEN_DATA,
            "APP2 ICC",
            "ICC chunks",
            Note.BYTES_SHOWING,
            count=len(extra),
            text=excerpt(extra, 60),
        )


def _first_scan(layout: JpegLayout) -> int:
    return next((s.start for s in layout.segments if s.marker == SOS), layout.eoi_end or 1 << 62)


MAX_EMBEDDED_IMAGES = 32


def scan_after_end(data: bytes, end: int, col: Collector) -> None:
    """Whatever follows the end-of-image marker: JPEG images (MPF secondary images, appended previews; each
    scanned for its own metadata, GPS and serials) and any other bytes (an editor's leftover tail, a vendor
    trailer), which are hidden data however they got there."""
    pos, n, images, loose, attempts = end, len(data), 0, 0, 0
    first_loose = -1
    while pos < n:
        soi = data.find(b"\xff\xd8\xff", pos)
        attempts += 1
        if soi < 0 or attempts > 2 * MAX_EMBEDDED_IMAGES:  # bounded: a trailer of fake markers stays cheap
            soi = n
        if data[pos:soi].strip(b"\x00"):
            loose += soi - pos
            first_loose = pos if first_loose < 0 else first_loose
        if soi >= n:
            break
        try:
            inner = parse(data[soi:], "embedded image")
        except (CorruptImage, UnsupportedFile, ImageTooLarge):
            loose += 3
            first_loose = soi if first_loose < 0 else first_loose
            pos = soi + 3
            continue
        images += 1
        size = inner.eoi_end
        col.note(
            K.EMBEDDED_IMAGE, "after end of image", f"image {images + 1}", Note.JPEG_AFTER_END, count=size
        )
        scan_segments(data[soi : soi + size], inner, col.within(f"image {images + 1}:"))
        pos = soi + size
    if loose:
        col.note(
            K.TRAILER,
            "after end of image",
            "trailer",
            Note.BYTES_SHOWING,
            count=loose,
            text=excerpt(data[first_loose : first_loose + 240], 60),
        )


def _mpf_summary(payload: bytes, col: Collector) -> None:
    try:
        order = "<" if payload[4:6] == b"II" else ">"
        base = 4
        (ifd,) = struct.unpack(order + "I", payload[base + 4 : base + 8])
        (count,) = struct.unpack(order + "H", payload[base + ifd : base + ifd + 2])
        for i in range(count):
            tag, _, n = struct.unpack(
                order + "HHI", payload[base + ifd + 2 + 12 * i : base + ifd + 10 + 12 * i]
            )
            if tag == 0xB001:
                (images,) = struct.unpack(
                    order + "I", payload[base + ifd + 10 + 12 * i : base + ifd + 14 + 12 * i]
                )
                col.note(K.EMBEDDED_IMAGE, "APP2 MPF", "MPF", Note.MPF_IMAGES, count=images)
                return
    except struct.error:
        pass
    col.note(K.EMBEDDED_IMAGE, "APP2 MPF", "MPF", Note.MPF_INDEX)


def icc_segments(data: bytes, layout: JpegLayout) -> list[Segment]:
    return [s for s in layout.segments if s.marker == APP2 and data.startswith(ICC_ID, s.payload_start)]


def icc_profile(data: bytes, layout: JpegLayout) -> bytes:
    """The ICC profile reassembled from its APP2 chunks (ordered by their sequence numbers)."""
    chunks = []
    for seg in icc_segments(data, layout):
        payload = seg.payload(data)
        if len(payload) >= 14:
            chunks.append((payload[12], payload[14:]))
    chunks.sort(key=lambda c: c[0])
    return b"".join(c[1] for c in chunks)
