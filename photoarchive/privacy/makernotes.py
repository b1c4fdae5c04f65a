"""Serial numbers, owner names and place names inside the camera makers' private notes (and Canon's CIFF).

The whole maker note is always removed from a published copy; this only lets a scan say *what* it holds,
so the catalog's "has serial" / "has owner" are right (Canon, Nikon, Olympus, Pentax, Ricoh and others keep
the body serial only here). Layouts follow the makers' formats as ExifTool documents them; an unknown layout
is reported as a maker note and nothing more.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import ASCII, BYTE, UNDEFINED, Entry, ExifFormatError, TiffReader, text_value
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note

Found = tuple[K, str, str]  # (kind, tag name, value)

_CANON = {
    0x0009: (K.OWNER, "OwnerName"),
    0x000C: (K.SERIAL, "SerialNumber"),
    0x0028: (K.SERIAL, "ImageUniqueID"),
    0x0096: (K.SERIAL, "InternalSerialNumber"),
}
_NIKON = {0x001D: (K.SERIAL, "SerialNumber"), 0x00A0: (K.SERIAL, "SerialNumber")}
_OLYMPUS_EQUIPMENT = {
    0x0101: (K.SERIAL, "SerialNumber"),
    0x0102: (K.SERIAL, "InternalSerialNumber"),
    0x0202: (K.SERIAL, "LensSerialNumber"),
    0x0302: (K.SERIAL, "ExtenderSerialNumber"),
    0x1003: (K.SERIAL, "FlashSerialNumber"),
}
_OLYMPUS_EQUIPMENT_IFD = 0x2010
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
_PENTAX = {0x0229: (K.SERIAL, "SerialNumber")}
_PENTAX_CAMERA_INFO = 0x0215  # int32u[]: model, manufacture date, production code, internal serial
_RICOH = {0x0005: (K.SERIAL, "InternalSerialNumber")}
_MOTOROLA = {0x5501: (K.SERIAL, "SerialNumber")}
_SIGMA = {0x0002: (K.SERIAL, "SerialNumber")}
_SAMSUNG = {0xA002: (K.SERIAL, "SerialNumber"), 0xA005: (K.SERIAL, "InternalLensSerialNumber")}


class _RawReader(TiffReader):
    """A directory reader over a buffer with no TIFF header of its own (maker notes), in a given order."""

    def __init__(self, buf: bytes | memoryview, base: int, order: str) -> None:  # no header to check
        self.buf = buf
        self.base = base
        self.order = order
        self.first_ifd = 0
        self.size = len(buf) - base


class _Shifted(_RawReader):
    """Reads offsets as if the block had not moved: offset + shift in the enclosing block."""

    def __init__(self, reader: TiffReader, shift: int) -> None:
        super().__init__(reader.buf, reader.base, reader.order)
        self.shift = shift

    def _bytes(self, offset: int, length: int) -> bytes:
        return super()._bytes(offset + self.shift, length)


def scan_maker_note(reader: TiffReader, entry: Entry, make: str, col: Collector) -> None:
    try:
        found = list(_findings(reader, entry, make))
    except (ExifFormatError, struct.error, IndexError, ValueError):
        return
    for kind, name, value in found:
        col.add(kind, "MakerNote", name, value)


def _order_at(data: bytes, pos: int, default: str) -> str:
    mark = data[pos : pos + 2]
    return "<" if mark == b"II" else ">" if mark == b"MM" else default


def _in_tiff(reader: TiffReader, entry: Entry, start: int, order: str | None = None) -> tuple[TiffReader, int]:
    """A directory `start` bytes into the maker note whose offsets count from the EXIF block's TIFF header."""
    return _RawReader(reader.buf, reader.base, order or reader.order), entry.data_offset + start


def _in_note(data: bytes, start: int, order: str) -> tuple[TiffReader, int]:
    """A directory `start` bytes into the maker note whose offsets count from the maker note's first byte."""
    return _RawReader(data, 0, order), start


def _sane_order(sub: TiffReader, offset: int) -> TiffReader:
    """Flip the byte order when the directory's entry count only makes sense the other way round."""
    (count,) = struct.unpack(sub.order + "H", sub._bytes(offset, 2))
    if 0 < count < 512:
        return sub
    return _RawReader(sub.buf, sub.base, "<" if sub.order == ">" else ">")


def _best_base(reader: TiffReader, entry: Entry, start: int, order: str) -> tuple[TiffReader, int]:
    """Makers disagree, even within a brand, on what offsets count from: pick the base under which the
    directory's out-of-line values land inside the maker note."""
    note = _RawReader(entry.data, 0, order)
    entries, _ = note.read_ifd(start)
    lo, hi = entry.data_offset, entry.data_offset + len(entry.data)
    raw_pointers = []
    for e in entries:
        if len(e.data) > 4 or e.data == b"":
            raw_pointers.append(e.data_offset)
    in_note = sum(1 for p in raw_pointers if 0 <= p < len(entry.data))
    in_tiff = sum(1 for p in raw_pointers if lo <= p < hi)
    if in_tiff > in_note:
        return _in_tiff(reader, entry, start, order)
    return note, start


def _findings(reader: TiffReader, entry: Entry, make: str) -> Iterator[Found]:
    data = entry.data
    make = make.strip().lower()
    if data.startswith(b"Nikon\x00\x02"):
        sub: TiffReader = TiffReader(data, 10)
        yield from _read(sub, sub.first_ifd, _NIKON)
    elif data.startswith(b"Nikon\x00\x01"):
        yield from _read(*_in_tiff(reader, entry, 8), _NIKON)
    elif make.startswith("nikon") and not data.startswith(b"Nikon"):
        yield from _read(*_in_tiff(reader, entry, 0), _NIKON)
    elif make.startswith("canon"):
        yield from _read(*_canon(reader, entry), _CANON)
    elif data.startswith((b"OLYMPUS\x00", b"OM SYSTEM\x00")):
        start = 8 if data.startswith(b"OLYMPUS\x00") else 12
        yield from _olympus(*_in_note(data, start + 4, _order_at(data, start, reader.order)))
    elif data.startswith((b"OLYMP\x00", b"EPSON\x00", b"MINOL\x00")):
        yield from _olympus(*_in_tiff(reader, entry, 8))
    elif data.startswith(b"FUJIFILM"):
        sub = _RawReader(data, 0, "<")
        yield from _read(sub, struct.unpack("<I", data[8:12])[0], _FUJI)
    elif data.startswith(b"Panasonic\x00"):
        yield from _read(reader, entry.data_offset + 12, _PANASONIC)
    elif data.startswith(b"AOC\x00"):
        order = _order_at(data, 4, reader.order)
        start = 6 if data[4:6] in (b"II", b"MM") else 4
        yield from _pentax(*_best_base(reader, entry, start, order))
    elif data.startswith(b"PENTAX \x00"):
        yield from _pentax(*_in_note(data, 10, _order_at(data, 8, reader.order)))
    elif data[:8].upper() in (b"RICOH\x00II", b"RICOH\x00MM"):
        yield from _read(*_in_note(data, 8, _order_at(data, 6, reader.order)), _RICOH)
    elif data[:5].upper() == b"RICOH":
        sub, offset = _in_tiff(reader, entry, 8, ">")
        yield from _read(_sane_order(sub, offset), offset, _RICOH)
    elif data.startswith(b"MOT\x00"):
        sub, offset = _best_base(reader, entry, 8, ">")
        yield from _read(_sane_order(sub, offset), offset, _MOTOROLA)
    elif data.startswith((b"SIGMA\x00\x00\x00", b"FOVEON\x00\x00")):
        yield from _read(*_in_tiff(reader, entry, 10), _SIGMA)
    elif data.startswith(b"\x01\xf1") and len(data) >= 72:  # Reconyx HyperFire
        yield from _reconyx(data, (42, 30, "utf-16-le"), (86, 22, "latin-1"))
    elif data.startswith(b"RECONYXUF\x00"):  # UltraFire
        yield from _reconyx(data, (0x4B, 15, "latin-1"), (0x5A, 21, "latin-1"))
    elif data.startswith(b"RECONYXH2\x00"):  # HyperFire 2 / HF2 PRO
        yield from _reconyx(data, (0x7E, 30, "utf-16-le"), (0x68, 22, "latin-1"))
    elif make.startswith("samsung") and not data.startswith(b"SAMSUNG"):  # Samsung Type2: a plain directory
        yield from _read(*_best_base(reader, entry, 0, reader.order), _SAMSUNG)


def _canon(reader: TiffReader, entry: Entry) -> tuple[TiffReader, int]:
    """Canon's directory, its offsets counting from the TIFF header. Editors that move the maker note leave
    Canon's footer ("II*\\0" and the note's original offset) behind: the values moved by the same distance."""
    footer = entry.data[-8:]
    if len(footer) == 8 and footer[:4] in (b"II*\x00", b"MM\x00*"):
        (original,) = struct.unpack(("<" if footer[:2] == b"II" else ">") + "I", footer[4:])
        shift = entry.data_offset - original
        if shift:
            return _Shifted(reader, shift), original
    return reader, entry.data_offset


def _olympus(sub: TiffReader, offset: int) -> Iterator[Found]:
    for e in sub.read_ifd(offset)[0]:
        if e.tag != _OLYMPUS_EQUIPMENT_IFD:
            continue
        if e.type in (4, 13):  # a pointer to the Equipment directory
            pointer = sub.ints(e)
            if pointer:
                yield from _read(sub, pointer[0], _OLYMPUS_EQUIPMENT)
        else:  # the E-1 generation: the directory stored inline as the tag's value, same offset base
            yield from _read(sub, e.data_offset, _OLYMPUS_EQUIPMENT)


def _pentax(sub: TiffReader, offset: int) -> Iterator[Found]:
    entries, _ = sub.read_ifd(offset)
    yield from _pick(sub, entries, _PENTAX)
    for e in entries:
        if e.tag == _PENTAX_CAMERA_INFO and len(e.data) >= 20:
            (serial,) = struct.unpack(sub.order + "I", e.data[16:20])
            if serial:
                yield K.SERIAL, "InternalSerialNumber", str(serial)


def _reconyx(data: bytes, serial: tuple[int, int, str], label: tuple[int, int, str]) -> Iterator[Found]:
    """Reconyx trail cameras: fixed binary layouts (ExifTool's Reconyx tables) with the serial number and the
    user's label for the camera (often the name of the place it watches)."""
    for (offset, size, encoding), kind, name in (
        (serial, K.SERIAL, "SerialNumber"),
        (label, K.LOCATION, "UserLabel"),
    ):
        raw = data[offset : offset + size]
        if len(raw) == size:
            text = raw.decode(encoding, "replace").split("\x00", 1)[0].strip()
            if text:
                yield kind, name, text


def _read(reader: TiffReader, offset: int, table: dict) -> Iterator[Found]:
    entries, _ = reader.read_ifd(offset)
    yield from _pick(reader, entries, table)


def _pick(reader: TiffReader, entries: list[Entry], table: dict) -> Iterator[Found]:
    for e in entries:
        if e.tag in table and table[e.tag] is not None:
            kind, name = table[e.tag]
            value = _value(reader, e)
            if value.strip(" \x000"):
                yield kind, name, value.strip()


def _value(reader: TiffReader, e: Entry) -> str:
    if e.type == ASCII:
        return text_value(e)
    if e.type == UNDEFINED or (e.type == BYTE and len(e.data) > 4):
        raw = e.data.strip(b"\x00 ")
        if raw and all(32 <= b < 127 for b in raw):
            return raw.decode("ascii")
        return e.data.hex()  # a binary serial, as ExifTool shows it
    return " ".join(str(v) for v in reader.ints(e))


# -- CIFF (Canon's raw-file heap, also inside the APP0 segment of early PowerShot JPEGs) ------------------

_CIFF = {
    0x0810: (K.OWNER, "OwnerName"),
    0x0816: (K.COMMENT, "OriginalFileName"),
    0x0805: (K.COMMENT, "UserComment"),
}
_CIFF_MAX_DEPTH = 6


def scan_ciff(data: bytes, where: str, col: Collector) -> None:
    """Report the owner name and other personal fields of a CIFF heap ('II' + header length + 'HEAPJPGM')."""
    try:
        order = _order_at(data, 0, "<")
        (header,) = struct.unpack(order + "I", data[2:6])
        found = list(_ciff_heap(data, header, len(data), order, 0))
    except (struct.error, IndexError, ValueError):
        col.note(K.UNKNOWN_SEGMENT, where, "CIFF", Note.UNREADABLE, reason="damaged CIFF heap")
        return
    for kind, name, value in found:
        col.add(kind, where, name, value)


def _ciff_heap(data: bytes, start: int, end: int, order: str, depth: int) -> Iterator[Found]:
    if depth > _CIFF_MAX_DEPTH or end - start < 6 or end > len(data):
        return
    (table,) = struct.unpack(order + "I", data[end - 4 : end])
    table += start
    (count,) = struct.unpack(order + "H", data[table : table + 2])
    for i in range(min(count, 1024)):
        pos = table + 2 + 10 * i
        tag, size, offset = struct.unpack(order + "HII", data[pos : pos + 10])
        kind = tag & 0x3800
        if tag & 0xC000 == 0x4000:  # value stored in the record itself (8 bytes)
            value = data[pos + 2 : pos + 10]
        else:
            if start + offset + size > end:
                continue
            value = data[start + offset : start + offset + size]
            if kind in (0x2800, 0x3000):  # a sub-directory
                yield from _ciff_heap(data, start + offset, start + offset + size, order, depth + 1)
                continue
        if tag & 0x3FFF in _CIFF:
            field_kind, name = _CIFF[tag & 0x3FFF]
            text = value.split(b"\x00", 1)[0].decode("latin-1").strip()
            if text:
                yield field_kind, name, text
