"""ICC colour profiles: kept in every published copy (they are colour, not personal data), but a profile
whose description names a device (a camera body, a phone, a calibrated monitor) is reported."""

from __future__ import annotations

import struct

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind

# Descriptions of profiles everyone uses (lower-case prefixes); they name a colour space, not a device.
# Plain string tests rather than regular expressions: nothing to compile when `strip` starts.
_STANDARD = (
    "srgb", "rgb", "iec 61966", "adobe rgb", "display p3", "dci-p3", "dci p3", "p3", "prophoto", "romm",
    "generic", "apple rgb", "colormatch", "wide gamut", "eci", "coated", "uncoated", "u.s. ", "us web",
    "web coated", "fogra", "gracol", "swop", "snap", "iso ", "pso ", "japan color", "japan web", "dot gain",
    "gray gamma", "grey gamma", "gray", "grey", "linear", "rec. 709", "rec.709", "rec 709", "rec. 2020",
    "rec.2020", "rec 2020", "rec. 601", "itu", "bt.709", "bt.2020", "bt.601", "bt709", "bt2020", "aces", "c2",
    "compact", "urgb", "scrgb", "lab", "xyz", "black & white", "black and white", "hdr", "cie", "smpte",
    "ntsc", "pal", "d50", "d65", "working space", "euroscale", "photoshop", "sgray", "gamma",
)  # fmt: skip
# Words that name hardware even inside an otherwise standard-looking description ("Nikon sRGB 4.0").
_HARDWARE_WORDS = {
    "nikon", "canon", "sony", "fuji", "fujifilm", "olympus", "panasonic", "lumix", "leica", "pentax", "ricoh",
    "samsung", "huawei", "xiaomi", "oneplus", "google", "pixel", "iphone", "ipad", "galaxy", "nokia", "hmd",
    "gopro", "dji", "hasselblad", "sigma", "kodak", "dell", "hp", "lg", "benq", "eizo", "viewsonic", "asus",
    "acer", "lenovo", "imac", "macbook", "monitor", "scanner", "printer", "epson", "camera", "calibrated",
    "calibration", "serial",
}  # fmt: skip
_HARDWARE_PHRASES = ("color lcd", "colour lcd", "phase one", "phaseone")


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
    text = description.strip().lower()
    words = "".join(c if c.isalnum() else " " for c in text).split()
    if _HARDWARE_WORDS.intersection(words) or any(phrase in text for phrase in _HARDWARE_PHRASES):
        return True
    # "Display" names a monitor, except in the colour space Display P3; "SN 1234" is a serial number.
    for i, word in enumerate(words):
        if word == "display" and (i + 1 >= len(words) or words[i + 1] != "p3"):
            return True
        if word == "sn" and i + 1 < len(words) and words[i + 1].isdigit():
            return True
        if word.startswith("sn") and word[2:].isdigit():
            return True
    return not text.startswith(_STANDARD)


def check_icc(profile: bytes, where: str, col: Collector) -> None:
    description = icc_description(profile)
    if names_hardware(description):
        col.add(FindingKind.ICC_HARDWARE, where, "ICC description", description)
