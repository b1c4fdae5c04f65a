"""Photoshop image resources (JPEG APP13, TIFF tag 34377) and the IPTC-IIM records inside them."""

from __future__ import annotations

import struct
from collections.abc import Callable

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note

RESOURCE_SIGNATURES = (b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa")

# IIM record 2 dataset → (kind, name, press field the app writes there).
_IIM2: dict[int, tuple[K, str, str | None]] = {
    5: (K.COMMENT, "ObjectName", None),
    12: (K.COMMENT, "SubjectReference", None),
    15: (K.COMMENT, "Category", None),
    20: (K.COMMENT, "SupplementalCategories", None),
    25: (K.COMMENT, "Keywords", "keywords"),
    26: (K.LOCATION, "ContentLocationCode", None),
    27: (K.LOCATION, "ContentLocationName", None),
    40: (K.COMMENT, "SpecialInstructions", None),
    55: (K.CAPTURE_DATE, "DateCreated", None),
    60: (K.CAPTURE_DATE, "TimeCreated", None),
    62: (K.CAPTURE_DATE, "DigitalCreationDate", None),
    63: (K.CAPTURE_DATE, "DigitalCreationTime", None),
    65: (K.SOFTWARE, "OriginatingProgram", None),
    70: (K.SOFTWARE, "ProgramVersion", None),
    80: (K.OWNER, "By-line", "byline"),
    85: (K.OWNER, "By-lineTitle", None),
    90: (K.LOCATION, "City", None),
    92: (K.LOCATION, "Sub-location", None),
    95: (K.LOCATION, "Province-State", None),
    100: (K.LOCATION, "Country-PrimaryLocationCode", None),
    101: (K.LOCATION, "Country-PrimaryLocationName", None),
    103: (K.DOCUMENT_ID, "OriginalTransmissionReference", None),
    105: (K.COMMENT, "Headline", "headline"),
    110: (K.OWNER, "Credit", "credit"),
    115: (K.OWNER, "Source", None),
    116: (K.OWNER, "CopyrightNotice", "copyright"),
    118: (K.CONTACT, "Contact", None),
    120: (K.COMMENT, "Caption-Abstract", "caption"),
    121: (K.COMMENT, "LocalCaption", None),
    122: (K.OWNER, "Writer-Editor", None),
    200: (K.EMBEDDED_IMAGE, "ObjectPreviewFileFormat", None),
    201: (K.EMBEDDED_IMAGE, "ObjectPreviewFileVersion", None),
    202: (K.EMBEDDED_IMAGE, "ObjectPreviewData", None),
}


def iim_datasets(data: bytes, *, whole_only: bool = False) -> list[tuple[int, int, bytes]]:
    """(record, dataset, value) of an IIM stream; stops at the first byte that is not a dataset tag.

    A dataset that runs past the end of the block is kept cut short (the scan must see its bytes), or with
    `whole_only` left out (the catalog takes no half-written caption)."""
    out: list[tuple[int, int, bytes]] = []
    pos, n = 0, len(data)
    while pos + 5 <= n and data[pos] == 0x1C:
        record, number, length = data[pos + 1], data[pos + 2], struct.unpack(">H", data[pos + 3 : pos + 5])[0]
        pos += 5
        if length & 0x8000:  # extended dataset: the low bits give how many bytes hold the length
            size = length & 0x7FFF
            if size > 4 or pos + size > n:
                break
            length = int.from_bytes(data[pos : pos + size], "big")
            pos += size
        if whole_only and pos + length > n:
            break
        out.append((record, number, data[pos : pos + length]))
        pos += length
    return out


def iim_decoder(datasets: list[tuple[int, int, bytes]]) -> Callable[[bytes], str]:
    """How to decode the text values of these datasets: UTF-8 when 1:90 declares it, else UTF-8 if valid,
    else Windows-1252 (what older newsroom tools wrote)."""
    utf8 = any(r == 1 and d == 90 and b"\x1b%G" in v for r, d, v in datasets)

    def decode(raw: bytes) -> str:
        raw = raw.rstrip(b"\x00")
        if utf8:
            return raw.decode("utf-8", "replace")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", "replace")

    return decode


def scan_iim(data: bytes, where: str, col: Collector) -> None:
    datasets = iim_datasets(data)
    decode = iim_decoder(datasets)
    for record, number, value in datasets:
        if (record, number) in ((1, 0), (1, 90), (2, 0)):
            continue  # record versions and the character-set marker
        if record == 2 and number in _IIM2:
            kind, name, press = _IIM2[number]
            if kind is K.EMBEDDED_IMAGE:
                col.note(kind, where, name, Note.BYTES, count=len(value))
            else:
                col.add(kind, where, name, decode(value), press=press)
        elif record == 8:
            col.note(K.EMBEDDED_IMAGE, where, f"IPTC {record}:{number}", Note.BYTES, count=len(value))
        else:
            col.other(where, f"IPTC {record}:{number}")


def photoshop_resources(data: bytes) -> list[tuple[int, bytes]]:
    """(resource id, payload) of a Photoshop image-resource stream; stops at the first malformed block."""
    out: list[tuple[int, bytes]] = []
    pos, n = 0, len(data)
    while pos + 12 <= n and data[pos : pos + 4] in RESOURCE_SIGNATURES:
        (res_id,) = struct.unpack(">H", data[pos + 4 : pos + 6])
        name_len = data[pos + 6]
        pos += 6 + ((name_len + 2) & ~1)  # Pascal name padded to an even size, length byte included
        if pos + 4 > n:
            break
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        pos += 4
        out.append((res_id, data[pos : pos + size]))
        pos += size + (size & 1)
    return out


def scan_photoshop(
    data: bytes, where: str, col: Collector, nested: Callable[[int, bytes, str, Collector], None]
) -> None:
    """Report the resources of a Photoshop block; `nested(kind_tag, payload, where, col)` handles EXIF/XMP/ICC."""
    resources = photoshop_resources(data)
    if not resources and data.strip(b"\x00"):
        col.note(
            K.UNKNOWN_SEGMENT, where, "Photoshop resources", Note.UNREADABLE, reason=f"{len(data)} bytes"
        )
    for res_id, payload in resources:
        if res_id == 0x0404:
            scan_iim(payload, f"{where} IPTC", col)
        elif res_id in (0x0409, 0x040C):
            col.note(K.THUMBNAIL, where, "Photoshop thumbnail", Note.BYTES, count=len(payload))
        elif res_id == 0x040F:
            nested(0x8773, payload, where, col)
        elif res_id in (0x0422, 0x0423):
            nested(0x8769, payload, where, col)
        elif res_id == 0x0424:
            nested(0x02BC, payload, where, col)
        elif res_id == 0x03ED:
            continue  # resolution info: pixels per inch, nothing personal
        else:
            col.other(where, f"Photoshop 0x{res_id:04X}")
