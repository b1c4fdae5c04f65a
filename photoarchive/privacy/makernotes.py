"""Serial numbers, owner names and place names inside the camera makers' private notes.

The whole maker note is always removed from a published copy; this only lets a scan say *what* it holds,
so the catalog's "has serial" is right for the cameras press photographers use (Canon and Nikon keep the
body serial only here). Unknown layouts are reported as a maker note and nothing more.
"""

from __future__ import annotations

import struct

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import ASCII, Entry, ExifFormatError, TiffReader, text_value
from photoarchive.privacy.findings import FindingKind as K

_CANON = {
    0x0009: (K.OWNER, "OwnerName"),
    0x000C: (K.SERIAL, "SerialNumber"),
    0x0096: (K.SERIAL, "InternalSerialNumber"),
}
_NIKON = {0x001D: (K.SERIAL, "SerialNumber"), 0x00A0: (K.SERIAL, "SerialNumber")}
_OLYMPUS_EQUIPMENT = {
    0x0101: (K.SERIAL, "SerialNumber"),
    0x0102: (K.SERIAL, "InternalSerialNumber"),
    0x0202: (K.SERIAL, "LensSerialNumber"),
    0x0302: (K.SERIAL, "ExtenderSerialNumber"),
}
_OLYMPUS = {0x2010: None}  # the Equipment sub-directory
_FUJI = {0x0010: (K.SERIAL, "InternalSerialNumber")}
_PANASONIC = {
    0x0025: (K.SERIAL, "InternalSerialNumber"),
    0x0052: (K.SERIAL, "LensSerialNumber"),
    0x0066: (K.OWNER, "BabyName"),
    0x0067: (K.LOCATION, "Location"),
    0x006B: (K.LOCATION, "Landmark"),
    0x006D: (K.LOCATION, "City"),
    0x006E: (K.LOCATION, "Country"),
    0x006F: (K.LOCATION, "State"),
    0x0070: (K.LOCATION, "City2"),
}


class _RawReader(TiffReader):
    """A directory reader for maker notes that have no TIFF header of their own."""

    def __init__(self, buf: bytes | memoryview, base: int, order: str) -> None:  # no header to check
        self.buf = buf
        self.base = base
        self.order = order
        self.first_ifd = 0
        self.size = len(buf) - base


def scan_maker_note(reader: TiffReader, entry: Entry, make: str, col: Collector) -> None:
    try:
        found = list(_findings(reader, entry, make))
    except (ExifFormatError, struct.error, IndexError):
        return
    for kind, name, value in found:
        col.add(kind, "MakerNote", name, value)


def _findings(reader: TiffReader, entry: Entry, make: str):
    data = entry.data
    make = make.strip().lower()
    if data.startswith(b"Nikon\x00\x02"):
        sub: TiffReader = TiffReader(data, 10)
        yield from _read(sub, sub.first_ifd, _NIKON)
    elif make.startswith("canon"):
        yield from _read(reader, entry.data_offset, _CANON)
    elif data.startswith((b"OLYMPUS\x00", b"OM SYSTEM\x00")):
        start = 8 if data.startswith(b"OLYMPUS\x00") else 12
        order = "<" if data[start : start + 2] == b"II" else ">"
        sub = _RawReader(data, 0, order)
        for e in sub.read_ifd(start + 4)[0]:
            if e.tag == 0x2010:
                pointer = sub.ints(e)
                if pointer:
                    yield from _read(sub, pointer[0], _OLYMPUS_EQUIPMENT)
    elif data.startswith(b"FUJIFILM"):
        sub = _RawReader(data, 0, "<")
        yield from _read(sub, struct.unpack("<I", data[8:12])[0], _FUJI)
    elif data.startswith(b"Panasonic\x00"):
        yield from _read(reader, entry.data_offset + 12, _PANASONIC)


def _read(reader: TiffReader, offset: int, table: dict):
    entries, _ = reader.read_ifd(offset)
    for e in entries:
        if e.tag in table and table[e.tag] is not None:
            kind, name = table[e.tag]
            value = text_value(e) if e.type in (ASCII, 7) else " ".join(str(v) for v in reader.ints(e))
            if value.strip(" \x00"):
                yield kind, name, value
