"""Where a file keeps the blocks the catalog's fields come from: the EXIF block (or a TIFF's own
directories), the XMP packet, the IPTC-IIM stream and PNG text.

At ingest they come from the privacy scan's parse of the file (`ParsedFile`), so the file is read and
its structure walked once for the scan and the catalog, in every format; elsewhere (`read_metadata`)
from the blocks Pillow split out when it opened the file. Either way the blocks are read by the same
parsers (privacy's TIFF, XMP, IIM and PNG readers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from photoarchive.media.iptc import PHOTOSHOP_IPTC_RESOURCE
from photoarchive.media.png_text import XMP_KEYWORD, text_of

TIFF_XMP_TAG = 700
TIFF_IPTC_TAG = 33723


class ParsedFile(NamedTuple):
    """A file as the privacy scan read it: its bytes, format name and parsed structure
    (`photoarchive.privacy.scanning.scan_bytes`)."""

    data: bytes
    format: str
    parsed: Any


@dataclass
class Containers:
    exif: bytes | None = None  # an EXIF block ("Exif\0\0" + TIFF structure) or a whole TIFF file
    xmp: bytes | str | None = None
    iim: bytes | None = None
    texts: dict[str, str] = field(default_factory=dict)  # PNG text, XMP taken out


def from_parse(source: ParsedFile) -> Containers | None:
    """The blocks of a file from the scan's parse (None for a format it does not know)."""
    if source.format == "jpeg":
        return _jpeg(source.data, source.parsed)
    if source.format == "png":
        texts = text_of(source.data, source.parsed)
        exif = next((source.data[c.data_start : c.end - 4] for c in source.parsed if c.type == b"eXIf"), None)
        return Containers(exif=exif, xmp=texts.pop(XMP_KEYWORD, None), texts=texts)
    if source.format == "tiff":
        tags = {e.tag: e for e in source.parsed.entries}
        xmp = tags[TIFF_XMP_TAG].data if TIFF_XMP_TAG in tags else None
        iim = tags[TIFF_IPTC_TAG].data if TIFF_IPTC_TAG in tags else None
        return Containers(exif=source.data, xmp=xmp or None, iim=iim or None)
    if source.format == "webp":
        # The first EXIF and XMP chunks, as libwebp's demuxer (and so Pillow) hands them over.
        chunks = {}
        for c in reversed(source.parsed):
            chunks[c.fourcc] = source.data[c.data_start : c.data_end]
        return Containers(exif=chunks.get(b"EXIF") or None, xmp=chunks.get(b"XMP ") or None)
    if source.format == "heif":
        # The container as libheif opened it for the scan: the primary image's blocks.
        info = source.parsed.info
        return Containers(exif=info.get("exif") or None, xmp=info.get("xmp") or None)
    return None


def _jpeg(data: bytes, layout: Any) -> Containers:
    from photoarchive.privacy.iptc import photoshop_resources
    from photoarchive.privacy.jpeg import APP1, APP13, EXIF_ID, PHOTOSHOP_ID, XMP_ID

    found = Containers()
    for seg in layout.segments:
        if seg.marker == APP1:
            if found.exif is None and data.startswith(EXIF_ID[:5], seg.payload_start):
                found.exif = seg.payload(data)
            elif found.xmp is None and data.startswith(XMP_ID, seg.payload_start):
                found.xmp = seg.payload(data)[len(XMP_ID) :]
        elif seg.marker == APP13 and found.iim is None and data.startswith(PHOTOSHOP_ID, seg.payload_start):
            for res_id, payload in photoshop_resources(seg.payload(data)[len(PHOTOSHOP_ID) :]):
                if res_id == PHOTOSHOP_IPTC_RESOURCE and payload:
                    found.iim = payload
                    break
    return found
