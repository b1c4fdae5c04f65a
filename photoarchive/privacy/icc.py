"""ICC colour profiles: kept in every published copy (they are colour, not personal data), but a profile
whose description names a device (a camera body, a phone, a calibrated monitor) is reported."""

from __future__ import annotations

import re
import struct

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind

# Descriptions of profiles everyone uses; they identify a colour space, not a device.
_STANDARD = re.compile(
    r"^\s*(s?rgb|srgb iec61966|iec 61966|adobe rgb|display p3|dci-?p3|p3|prophoto|romm|generic|apple rgb|"
    r"colormatch|wide gamut|eci|coated|uncoated|u\.s\. |us web|web coated|fogra|gracol|swop|snap|iso |pso |"
    r"japan color|japan web|dot gain|gray gamma|gr[ae]y|linear|rec\.? ?(709|2020|601)|itu|bt\.?(709|2020|601)|"
    r"aces|c2|compact|urgb|scrgb|lab|xyz|black ?& ?white|hdr|cie|smpte|ntsc|pal|d50|d65|working space|"
    r"euroscale|photoshop|sgray|gamma)",
    re.IGNORECASE,
)
# Words that name hardware even inside an otherwise standard-looking description ("Nikon sRGB 4.0").
_HARDWARE = re.compile(
    r"\b(nikon|canon|sony|fuji|fujifilm|olympus|panasonic|lumix|leica|pentax|ricoh|samsung|huawei|xiaomi|"
    r"oneplus|google|pixel|iphone|ipad|galaxy|nokia|hmd|gopro|dji|hasselblad|phase ?one|sigma|kodak|"
    r"dell|hp|lg|benq|eizo|viewsonic|asus|acer|lenovo|color lcd|imac|macbook|monitor|scanner|printer|epson|"
    r"camera|calibrat\w*|display(?! p3)|sn[:#]?\s*\d+|serial)\b",
    re.IGNORECASE,
)


def icc_description(profile: bytes) -> str:
    """The profile's 'desc' text (ICC v2 textDescription or v4 multiLocalizedUnicode), '' if unreadable."""
    try:
        (count,) = struct.unpack(">I", profile[128:132])
        for i in range(min(count, 256)):
            sig, offset, size = struct.unpack(">4sII", profile[132 + 12 * i : 144 + 12 * i])
            if sig == b"desc":
                return _text(profile[offset : offset + size])
    except struct.error:
        return ""
    return ""


def _text(tag: bytes) -> str:
    kind = tag[:4]
    if kind == b"desc" and len(tag) >= 12:
        (n,) = struct.unpack(">I", tag[8:12])
        return tag[12 : 12 + n].split(b"\x00", 1)[0].decode("latin-1").strip()
    if kind == b"mluc" and len(tag) >= 28:
        n_records, _ = struct.unpack(">II", tag[8:16])
        if n_records:
            length, offset = struct.unpack(">II", tag[20:28])
            return tag[offset : offset + length].decode("utf-16-be", "replace").strip("\x00 ")
    if kind == b"text":
        return tag[8:].split(b"\x00", 1)[0].decode("latin-1").strip()
    return ""


def names_hardware(description: str) -> bool:
    if not description:
        return False
    if _HARDWARE.search(description):
        return True
    return not _STANDARD.match(description)


def check_icc(profile: bytes, where: str, col: Collector) -> None:
    description = icc_description(profile)
    if names_hardware(description):
        col.add(FindingKind.ICC_HARDWARE, where, "ICC description", description)
