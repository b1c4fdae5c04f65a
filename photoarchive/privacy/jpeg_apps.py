"""Vendor application segments of JPEG files that carry serial numbers and names: Canon CIFF (APP0), Kodak
Meta (APP3), InfiRay sensor data (APP9), JUMBF/C2PA (APP11), picture info and Ducky (APP12).

Every one of them is dropped from a published copy; this only lets the scan say what they hold.
"""

from __future__ import annotations

import struct

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note

APP0, APP3, APP6, APP9, APP11, APP12 = 0xE0, 0xE3, 0xE6, 0xE9, 0xEB, 0xEC
GOPRO_ID = b"GoPro\x00"
# GoPro GPMF keys (GoPro's gpmf-parser documentation): what each holds.
_GPMF = {
    b"CASN": (K.SERIAL, "CameraSerialNumber"), b"LINF": (K.SERIAL, "LensInfo"), b"MUID": (K.SERIAL, "MediaUniqueID"),
    b"MINF": (K.DEVICE, "Model"), b"FMWR": (K.SOFTWARE, "FirmwareVersion"),
}  # fmt: skip
_GPMF_GPS = (b"GPS5", b"GPS9")
CIFF_TYPE = b"HEAPJPGM"
KODAK_META = b"Meta\x00\x00"
INFIRAY_ID = b"IJPEG"
_KODAK_META_TAGS = {0xC353: (K.OWNER, "CameraOwner"), 0xC354: (K.SERIAL, "SerialNumber")}
# InfiRay sensor block (APP9 of files with an 'IJPEG' APP2): (offset, length, kind, name).
_INFIRAY_SENSOR = (
    (0xC0, 32, K.SERIAL, "IRSensorSerialNumber"),
    (0x240, 32, K.SERIAL, "VisibleSensorSerialNumber"),
)


def scan_app(marker: int, payload: bytes, col: Collector, infiray: bool = False) -> bool:
    """Report a vendor segment this module knows; False when it does not know it (caller: unknown block)."""
    if marker == APP0 and payload[6:14] == CIFF_TYPE:
        from photoarchive.privacy.makernotes import scan_ciff

        scan_ciff(payload, "APP0 CIFF", col)
        col.note(K.MAKER_NOTE, "APP0 CIFF", "CIFF", Note.BYTES, count=len(payload))
        return True
    if marker == APP3 and payload.startswith(KODAK_META):
        _kodak_meta(payload, col)
        return True
    if marker == APP9 and infiray and len(payload) >= 0x260:
        for offset, length, kind, name in _INFIRAY_SENSOR:
            text = payload[offset : offset + length].split(b"\x00", 1)[0].decode("latin-1").strip()
            if text:
                col.add(kind, "APP9 InfiRay", name, text)
        col.note(K.MAKER_NOTE, "APP9 InfiRay", "InfiRay", Note.BYTES, count=len(payload))
        return True
    if marker == APP12 and (b"[picture info]" in payload[:64] or b"[camera info]" in payload):
        _picture_info(payload, col)
        return True
    if marker == APP12 and payload.startswith(b"Ducky"):
        _ducky(payload, col)
        return True
    if marker == APP6 and payload.startswith(GOPRO_ID):
        _gopro(payload[len(GOPRO_ID) :], col)
        return True
    return False


def is_infiray(marker: int, payload: bytes) -> bool:
    return marker == 0xE2 and payload[4:9] == INFIRAY_ID


def _kodak_meta(payload: bytes, col: Collector) -> None:
    from photoarchive.privacy.exif import ExifFormatError, TiffReader

    where = "APP3 Kodak Meta"
    try:
        reader = TiffReader(payload, 6)
        entries, _ = reader.read_ifd(reader.first_ifd)
    except (ExifFormatError, struct.error):
        col.note(K.UNKNOWN_SEGMENT, where, "Meta", Note.BYTES, count=len(payload))
        return
    for e in entries:
        if e.tag in _KODAK_META_TAGS:
            kind, name = _KODAK_META_TAGS[e.tag]
            raw = e.data
            if raw.startswith(b"UNICODE\x00"):
                order = "utf-16-le" if reader.order == "<" else "utf-16-be"
                text = raw[8:].decode(order, "replace")
            else:
                text = raw.decode("latin-1")
            text = text.replace("\x00", "").strip()
            if text:
                col.add(kind, where, name, text)
        else:
            col.other(where, f"Meta 0x{e.tag:04X}")


def _picture_info(payload: bytes, col: Collector) -> None:
    """Olympus/Agfa/Sanyo text blocks of "[section]" headers and "Key=Value" lines."""
    where = "APP12 picture info"
    text = payload.decode("latin-1")
    for line in text.replace("\r", "\n").split("\n"):
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip().strip("\x00")
        if not sep or not value:
            continue
        low = key.lower()
        if "serial" in low:
            col.add(K.SERIAL, where, key, value)
        elif low in ("id", "type", "cameratype", "version"):
            col.add(K.DEVICE, where, key, value)
        elif low in ("timedate", "date", "time"):
            col.add(K.CAPTURE_DATE, where, key, value)
        else:
            col.other(where, key)


def _gopro(data: bytes, col: Collector, depth: int = 0) -> None:
    """GoPro's GPMF key-length-value stream (APP6): camera and lens serials, the media ID, GPS samples."""
    where = "APP6 GoPro"
    pos = 0
    while pos + 8 <= len(data) and depth < 8:
        key, kind, size = data[pos : pos + 4], data[pos + 4], data[pos + 5]
        (repeat,) = struct.unpack(">H", data[pos + 6 : pos + 8])
        body = data[pos + 8 : pos + 8 + size * repeat]
        pos += 8 + ((size * repeat + 3) & ~3)
        if kind == 0:
            _gopro(body, col, depth + 1)
        elif key in _GPMF:
            found, name = _GPMF[key]
            text = body.hex() if kind != ord("c") else body.split(b"\x00", 1)[0].decode("latin-1").strip()
            if text.strip("0"):
                col.add(found, where, name, text)
        elif key in _GPMF_GPS and body.strip(b"\x00"):
            col.note(K.GPS, where, key.decode("latin-1"), Note.VALUES, count=repeat)


def _ducky(payload: bytes, col: Collector) -> None:
    """Photoshop's "Save for Web" block: quality, comment and copyright (UTF-16)."""
    where = "APP12 Ducky"
    pos = 5
    while pos + 4 <= len(payload):
        tag, size = struct.unpack(">HH", payload[pos : pos + 4])
        if tag == 0:
            break
        value = payload[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if tag in (2, 3) and len(value) > 4:
            text = value[4:].decode("utf-16-be", "replace").replace("\x00", "").strip()
            if text:
                col.add(
                    K.COMMENT if tag == 2 else K.OWNER, where, "Comment" if tag == 2 else "Copyright", text
                )


FLIR_ID = b"FLIR\x00"
# FLIR CameraInfo record (type 0x20): (offset, length, kind, name), after ExifTool's FLIR tables.
_FLIR_CAMERA = (
    (0xD4, 32, K.DEVICE, "CameraModel"), (0x104, 16, K.SERIAL, "CameraSerialNumber"),
    (0x170, 32, K.DEVICE, "LensModel"), (0x1A0, 16, K.SERIAL, "LensSerialNumber"),
    (0x21C, 32, K.SERIAL, "FilterSerialNumber"),
)  # fmt: skip
_FLIR_IMAGES = {0x01: "thermal raw data", 0x0E: "embedded visual image"}


def flir_part(payload: bytes) -> tuple[int, bytes] | None:
    """(chunk number, FFF bytes) of one APP1 'FLIR' segment."""
    if not payload.startswith(FLIR_ID) or len(payload) < 8:
        return None
    return payload[6], payload[8:]


def scan_flir(parts: dict[int, bytes], col: Collector) -> None:
    """A FLIR thermal camera's FFF file (split over APP1 segments): camera, lens and filter serials, and the
    thermal and visual images it holds."""
    where = "APP1 FLIR"
    data = b"".join(parts[k] for k in sorted(parts))
    try:
        if not data.startswith(b"FFF\x00"):
            raise ValueError("no FFF header")
        (version,) = struct.unpack(">I", data[20:24])
        order = ">" if 100 <= version < 200 else "<"
        directory, count = struct.unpack(order + "II", data[24:32])
        for i in range(min(count, 256)):
            entry = data[directory + 32 * i : directory + 32 * i + 32]
            (kind,) = struct.unpack(order + "H", entry[:2])
            offset, length = struct.unpack(order + "II", entry[12:20])
            record = data[offset : offset + length]
            if kind == 0x20:
                for at, size, found, name in _FLIR_CAMERA:
                    text = record[at : at + size].split(b"\x00", 1)[0].decode("latin-1").strip()
                    if text:
                        col.add(found, where, name, text)
            elif kind in _FLIR_IMAGES and length:
                col.note(K.EMBEDDED_IMAGE, where, _FLIR_IMAGES[kind], Note.BYTES, count=length)
    except (ValueError, struct.error):
        col.note(K.UNKNOWN_SEGMENT, where, "FLIR", Note.BYTES, count=len(data))
        return
    col.note(K.MAKER_NOTE, where, "FLIR", Note.BYTES, count=len(data))


def jumbf_part(payload: bytes) -> tuple[int, int, bytes] | None:
    """(box instance, sequence number, box bytes) of one APP11 JUMBF segment ('JP' common identifier)."""
    if not payload.startswith(b"JP") or len(payload) < 16:
        return None
    instance, sequence = struct.unpack(">HI", payload[2:8])
    return instance, sequence, payload[8:]


def scan_jumbf_parts(parts: dict[int, dict[int, bytes]], col: Collector) -> None:
    """Reassemble the APP11 segments of each box (later segments repeat the 8-byte box header) and scan."""
    from photoarchive.privacy.jumbf import scan_jumbf

    for instance, pieces in parts.items():
        order = sorted(pieces)
        first = pieces[order[0]]
        head = 16 if first[:4] == b"\x00\x00\x00\x01" else 8
        box = first + b"".join(pieces[k][head:] for k in order[1:])
        scan_jumbf(box, f"APP11 JUMBF {instance}" if len(parts) > 1 else "APP11 C2PA", col)
