"""IPTC-IIM (the press industry's record format) as JPEG APP13 and TIFF tag 33723 carry it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from photoarchive.media.press_text import PressText

log = logging.getLogger(__name__)

# Record 2 ("application record") datasets we read.
OBJECT_NAME = 5
KEYWORDS = 25
DATE_CREATED = 55
TIME_CREATED = 60
BYLINE = 80
HEADLINE = 105
CREDIT = 110
COPYRIGHT = 116
CAPTION = 120
# Record 1 dataset 90: the coded character set; ESC % G declares UTF-8.
CODED_CHARSET = (1, 90)
UTF8_ESCAPE = b"\x1b%G"
PHOTOSHOP_IPTC_RESOURCE = 0x0404


@dataclass
class IptcFields(PressText):
    object_name: str = ""
    date_created: str = ""  # CCYYMMDD
    time_created: str = ""  # HHMMSS±HHMM


def parse_datasets(data: bytes) -> list[tuple[int, int, bytes]]:
    """(record, dataset, value) triples of an IIM stream; stops quietly at the first malformed one."""
    out: list[tuple[int, int, bytes]] = []
    pos = 0
    while pos + 5 <= len(data):
        if data[pos] != 0x1C:
            # Padding (NULs) after the last dataset is common; anything else ends the stream.
            break
        record, number = data[pos + 1], data[pos + 2]
        length = int.from_bytes(data[pos + 3 : pos + 5], "big")
        pos += 5
        if length & 0x8000:
            # Extended dataset: the low bits give how many bytes hold the real length.
            size_len = length & 0x7FFF
            if size_len > 4 or pos + size_len > len(data):
                break
            length = int.from_bytes(data[pos : pos + size_len], "big")
            pos += size_len
        if pos + length > len(data):
            log.debug("IPTC dataset %d:%d runs past the end of its block", record, number)
            break
        out.append((record, number, data[pos : pos + length]))
        pos += length
    return out


def _decode(raw: bytes, utf8: bool) -> str:
    raw = raw.rstrip(b"\x00")
    if utf8:
        return raw.decode("utf-8", errors="replace").strip()
    # No charset declared: modern tools write UTF-8 anyway; older newsroom tools wrote Windows-1252.
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding).strip()
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1").strip()


def read_iim(data: bytes) -> IptcFields:
    """Press fields from an IIM stream, decoded per its 1:90 character set."""
    datasets = parse_datasets(data)
    utf8 = any((r, n) == CODED_CHARSET and UTF8_ESCAPE in v for r, n, v in datasets)
    fields = IptcFields()
    singles = {
        CAPTION: "caption",
        HEADLINE: "headline",
        BYLINE: "byline",
        CREDIT: "credit",
        COPYRIGHT: "copyright",
        OBJECT_NAME: "object_name",
        DATE_CREATED: "date_created",
        TIME_CREATED: "time_created",
    }
    bylines: list[str] = []
    for record, number, value in datasets:
        if record != 2:
            continue
        if number == KEYWORDS:
            text = _decode(value, utf8)
            if text:
                fields.keywords.append(text)
        elif number == BYLINE:
            text = _decode(value, utf8)
            if text:
                bylines.append(text)
        elif number in singles and not getattr(fields, singles[number]):
            setattr(fields, singles[number], _decode(value, utf8))
    fields.byline = ", ".join(bylines)
    return fields


def iim_from_photoshop(resources: dict | None) -> bytes | None:
    """The IIM block inside Pillow's parsed Photoshop resources (``im.info["photoshop"]``)."""
    if not resources:
        return None
    value = resources.get(PHOTOSHOP_IPTC_RESOURCE)
    return bytes(value) if value else None
