"""What an ICC profile says beyond its description: the copyright notice, the device maker and model texts,
a v4 metadata dictionary (display-calibration software writes the monitor's EDID serial there) and Apple's
make-and-model tag (the monitor's serial number).

Reported as "colour profile naming a device" (the profile is colour and goes out with the copy, rebuilt by the
writer); corporate notices and the standard profiles' IEC texts are not reported.
"""

from __future__ import annotations

import struct

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.icc import _text, names_hardware

MAX_TAGS = 256
# Words of the notices profile vendors and standards bodies write (lower case, whole words or phrases).
_CORPORATE = (
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "company", "co.", "ltd", "ltd.", "limited",
    "gmbh", "ag", "s.a.", "sa", "llc", "plc", "systems", "consortium", "iec", "international", "public",
    "domain", "cc0", "creative", "commons", "license", "licence", "licensed", "apple", "adobe", "microsoft",
    "hewlett-packard", "hewlett", "kodak", "eastman", "x-rite", "datacolor", "google", "mozilla", "w3c",
    "littlecms", "lcms", "argyllcms", "icc",
)  # fmt: skip
_NOBODY = ("no copyright", "use freely", "public domain", "copyright free")
_STANDARD_DEVICE_TEXT = (
    "iec",
    "international electrotechnical commission",
    "srgb",
    "adobe",
    "apple",
    "display p3",
)


def _tags(profile: bytes) -> dict[bytes, bytes]:
    (count,) = struct.unpack(">I", profile[128:132])
    out: dict[bytes, bytes] = {}
    for i in range(min(count, MAX_TAGS)):
        sig, offset, size = struct.unpack(">4sII", profile[132 + 12 * i : 144 + 12 * i])
        out.setdefault(sig, profile[offset : offset + size])
    return out


def corporate_notice(text: str) -> bool:
    """Whether a copyright line names a company or standard body (or nobody), rather than a person."""
    if any(phrase in text.lower() for phrase in _NOBODY):
        return True
    words = "".join(c if c.isalnum() or c in ".-" else " " for c in text.lower()).split()
    meaningful = [w for w in words if w not in ("copyright", "c", "(c)", "©") and not w.strip(".-").isdigit()]
    return not meaningful or any(w in _CORPORATE or w.rstrip(".,") in _CORPORATE for w in meaningful)


def scan_icc_details(profile: bytes, where: str, col: Collector) -> None:
    try:
        tags = _tags(profile)
    except struct.error:
        return
    copyright = _text(tags.get(b"cprt", b""))
    if copyright and not corporate_notice(copyright):
        col.add(K.ICC_HARDWARE, where, "ICC copyright", copyright, press="copyright")
    for sig, name in ((b"dmnd", "ICC device maker"), (b"dmdd", "ICC device model")):
        text = _text(tags.get(sig, b""))
        if text and not text.lower().startswith(_STANDARD_DEVICE_TEXT) and names_hardware(text):
            col.add(K.ICC_HARDWARE, where, name, text)
    meta = tags.get(b"meta", b"")
    if meta.startswith(b"dict"):
        for key, value in _dictionary(meta):
            col.add(K.ICC_HARDWARE, where, f"ICC meta {key}", value)
    mmod = tags.get(b"mmod", b"")
    if len(mmod) >= 24:
        maker, model, serial = struct.unpack(">III", mmod[8:20])
        if serial:
            col.add(
                K.ICC_HARDWARE, where, "ICC monitor serial", f"{serial} (display {maker:04X}:{model:04X})"
            )


def _dictionary(tag: bytes) -> list[tuple[str, str]]:
    """(name, value) of an ICC v4 dictType: records of name/value offsets and sizes, strings in UTF-16BE."""
    try:
        count, size = struct.unpack(">II", tag[8:16])
    except struct.error:
        return []
    if size < 16:
        return []
    out = []
    for i in range(min(count, 256)):
        entry = tag[16 + size * i : 16 + size * (i + 1)]
        if len(entry) < 16:
            break
        name_at, name_len, value_at, value_len = struct.unpack(">IIII", entry[:16])
        name = tag[name_at : name_at + name_len].decode("utf-16-be", "replace").strip("\x00 ")
        value = tag[value_at : value_at + value_len].decode("utf-16-be", "replace").strip("\x00 ")
        if name and value:
            out.append((name, value))
    return out
