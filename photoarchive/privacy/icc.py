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


# -- rebuilding --------------------------------------------------------------------------------------
#
# A published copy never carries the source's profile bytes: `rebuild_icc` parses the profile and writes a
# new one holding only what a colour-management module (LittleCMS, ColorSync, WCS, Adobe ACE) reads to
# convert the pixels, each tag at the exact length its type defines, plus a fresh neutral `desc` and an
# empty `cprt` (both required by the ICC specification).
#
# Kept tags, and why:
#   rXYZ gXYZ bXYZ wtpt   the matrix/shaper primaries and media white point: the colorimetry of RGB profiles
#   rTRC gTRC bTRC kTRC   the tone curves of RGB and grey profiles
#   bkpt                  media black point, read for black-point compensation
#   chad                  the chromatic adaptation matrix LittleCMS applies for absolute colorimetric intent
#   A2B0-2 B2A0-2         the device↔PCS lookup tables of LUT-based (CMYK, wide-gamut, camera) profiles
#   lumi                  absolute luminance, read by HDR and absolute-intent transforms
#   chrm                  phosphor chromaticities (LittleCMS prefers them for the RGB→XYZ matrix when present)
#   cicp                  coding-independent code points (ICC v4.4): how HDR/wide-gamut pixels are coded
# Dropped because no conversion reads them and they are where device and person data live:
#   desc cprt (rebuilt), dmnd dmdd (device maker and model), mmod (Apple: make, model, serial), meta and
#   dict (free key/value pairs: EDID serials, calibration software, user names), vcgt (video-card
#   calibration curves, applied by the OS to a monitor, never to an image), targ calt (calibration target
#   and date), meas view tech ciis rig0 rig2 (descriptive), ncl2 clrt clro (named colours), pre0-2 gamt
#   (preview and gamut check), D2B*/B2D* (optional float LUTs; every CMM falls back to A2B/B2A), psid, ndin,
#   dscm, arts and every private vendor tag.
_XYZ_ONE = (b"rXYZ", b"gXYZ", b"bXYZ", b"wtpt", b"bkpt", b"lumi")
_TRC = (b"rTRC", b"gTRC", b"bTRC", b"kTRC")
_LUT = (b"A2B0", b"A2B1", b"A2B2", b"B2A0", b"B2A1", b"B2A2")
KEPT_TAGS = frozenset(_XYZ_ONE + _TRC + _LUT + (b"chad", b"chrm", b"cicp"))
_PARA_PARAMS = {0: 1, 1: 3, 2: 4, 3: 5, 4: 7}
# Matrix/shaper primaries (D50-adapted, as profiles store them) of the colour spaces a neutral description
# can name; a profile whose primaries match is described by that name, any other by its data colour space.
_KNOWN_PRIMARIES = (
    ("sRGB", ((0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141))),
    ("Display P3", ((0.5151, 0.2412, -0.0011), (0.2920, 0.6922, 0.0419), (0.1571, 0.0666, 0.7841))),
    ("Adobe RGB (1998)", ((0.6097, 0.3111, 0.0195), (0.2053, 0.6257, 0.0609), (0.1492, 0.0632, 0.7446))),
)
_SPACE_NAMES = {b"RGB ": "Generic RGB", b"GRAY": "Generic Gray", b"CMYK": "Generic CMYK",
                b"Lab ": "Generic Lab", b"XYZ ": "Generic XYZ"}  # fmt: skip


class IccUnsupported(ValueError):
    """A colour tag of the profile uses an element type that cannot be rewritten field by field."""


def _curve_length(body: bytes, at: int) -> int:
    """Length (unpadded) of a curv or para element at `at`."""
    kind = body[at : at + 4]
    if kind == b"curv":
        (count,) = struct.unpack(">I", body[at + 8 : at + 12])
        length = 12 + 2 * count
    elif kind == b"para":
        (function,) = struct.unpack(">H", body[at + 8 : at + 10])
        if function not in _PARA_PARAMS:
            raise IccUnsupported(f"parametric curve type {function}")
        length = 12 + 4 * _PARA_PARAMS[function]
    else:
        raise IccUnsupported(f"curve element {kind!r}")
    if at + length > len(body):
        raise ValueError("curve runs past its tag")
    return length


def _pad4(data: bytes) -> bytes:
    return data + b"\x00" * (-len(data) % 4)


def _lut_ab(body: bytes) -> bytes:
    """An lutAToBType/lutBToAType element rewritten: its curves, matrix and CLUT packed afresh in order."""
    n_in, n_out = body[8], body[9]
    offsets = struct.unpack(">5I", body[12:32])  # B curves, matrix, M curves, CLUT, A curves
    a_to_b = body[:4] == b"mAB "
    # How many curves each curve set holds: B is on the output side of mAB and the input side of mBA.
    counts = {0: n_out if a_to_b else n_in, 2: n_out if a_to_b else n_in, 4: n_in if a_to_b else n_out}
    parts: list[bytes] = []
    pos = 32
    new_offsets = [0] * 5
    for index, offset in enumerate(offsets):
        if not offset:
            continue
        if offset >= len(body):
            raise ValueError("element offset past its tag")
        if index in counts:
            blob, at = b"", offset
            for _ in range(counts[index]):
                length = _curve_length(body, at)
                blob += _pad4(body[at : at + length])
                at += length + (-length % 4)
        elif index == 1:
            blob = body[offset : offset + 48]
            if len(blob) != 48:
                raise ValueError("matrix runs past its tag")
        else:
            grid, precision = body[offset : offset + 16], body[offset + 16 : offset + 17]
            if len(precision) != 1 or precision[0] not in (1, 2):
                raise ValueError("CLUT precision")
            points = 1
            for g in grid[:n_in]:
                points *= g
            length = 20 + points * n_out * precision[0]
            blob = _pad4(grid + precision + b"\x00\x00\x00" + body[offset + 20 : offset + length])
            if offset + length > len(body):
                raise ValueError("CLUT runs past its tag")
        new_offsets[index] = pos
        parts.append(blob)
        pos += len(blob)
    return (
        body[:4]
        + b"\x00" * 4
        + bytes([n_in, n_out])
        + b"\x00\x00"
        + struct.pack(">5I", *new_offsets)
        + b"".join(parts)
    )


def _element(sig: bytes, body: bytes) -> bytes:
    """The tag's element at the exact length its type defines (trailing bytes dropped); raises on types a
    kept tag may not have."""
    kind = body[:4]
    if len(body) < 8:
        raise ValueError("tag shorter than its type header")
    if sig in _XYZ_ONE:
        length = 20 if kind == b"XYZ " else 0
    elif sig in _TRC:
        length = _curve_length(body, 0) if kind in (b"curv", b"para") else 0
    elif sig == b"chad":
        length = 44 if kind == b"sf32" else 0
    elif sig == b"chrm":
        length = 12 + 8 * struct.unpack(">H", body[8:10])[0] if kind == b"chrm" else 0
    elif sig == b"cicp":
        length = 12 if kind == b"cicp" else 0
    elif kind == b"mft1":
        n_in, n_out, grid = body[8], body[9], body[10]
        length = 48 + 256 * n_in + grid**n_in * n_out + 256 * n_out
    elif kind == b"mft2":
        n_in, n_out, grid = body[8], body[9], body[10]
        n_entries, m_entries = struct.unpack(">HH", body[48:52])
        length = 52 + 2 * (n_entries * n_in + grid**n_in * n_out + m_entries * n_out)
    elif kind in (b"mAB ", b"mBA "):
        return _lut_ab(body)
    else:
        raise IccUnsupported(f"{sig.decode('latin-1')} tag of type {kind.decode('latin-1')!r}")
    if not length:
        raise IccUnsupported(f"{sig.decode('latin-1')} tag of type {kind.decode('latin-1')!r}")
    if length > len(body):
        raise ValueError(f"{sig.decode('latin-1')} tag is truncated")
    return body[:4] + b"\x00" * 4 + body[8:length]  # the reserved field zeroed


def _xyz(element: bytes) -> tuple[float, float, float]:
    return tuple(v / 65536 for v in struct.unpack(">3i", element[8:20]))


def neutral_description(space: bytes, elements: dict[bytes, bytes]) -> str:
    """A description naming only the colour space: the standard one its primaries match, else its kind."""
    try:
        primaries = tuple(_xyz(elements[s]) for s in (b"rXYZ", b"gXYZ", b"bXYZ"))
    except KeyError:
        primaries = None
    if primaries is not None:
        for name, known in _KNOWN_PRIMARIES:
            if all(
                abs(a - b) < 0.003
                for p, k in zip(primaries, known, strict=True)
                for a, b in zip(p, k, strict=True)
            ):
                return name
    return _SPACE_NAMES.get(space, "Generic colour profile")


def _text_tag(text: str, version: int) -> bytes:
    if version >= 4:
        utf16 = text.encode("utf-16-be")
        return b"mluc\x00\x00\x00\x00" + struct.pack(">II2s2sII", 1, 12, b"en", b"US", len(utf16), 28) + utf16
    return b"text\x00\x00\x00\x00" + text.encode("ascii") + b"\x00"


def _desc_tag(text: str, version: int) -> bytes:
    if version >= 4:
        return _text_tag(text, version)
    ascii_ = text.encode("ascii") + b"\x00"
    # textDescriptionType: ASCII, then empty Unicode and ScriptCode parts (the latter a fixed 67 bytes).
    return (
        b"desc\x00\x00\x00\x00"
        + struct.pack(">I", len(ascii_))
        + ascii_
        + b"\x00" * 8
        + b"\x00\x00\x00"
        + b"\x00" * 67
    )


def rebuild_icc(profile: bytes) -> bytes:
    """A new profile with only the colour tags of `profile` (see KEPT_TAGS), a neutral description and no
    device, vendor, creator, date or free-text fields; b"" when `profile` is not a usable ICC profile (no
    colour-managed decoder would apply it either). Raises IccUnsupported when a colour tag is of a type that
    cannot be rewritten field by field (dropping it would change the colours)."""
    try:
        (size,) = struct.unpack(">I", profile[:4])
        if size < 132 or size > len(profile) or profile[36:40] != b"acsp":
            return b""
        profile = profile[:size]
        version = profile[8]
        (count,) = struct.unpack(">I", profile[128:132])
        if 132 + 12 * count > size:
            return b""
        elements: dict[bytes, bytes] = {}
        for i in range(count):
            sig, offset, length = struct.unpack(">4sII", profile[132 + 12 * i : 144 + 12 * i])
            if sig not in KEPT_TAGS or sig in elements:
                continue
            if offset < 128 + 4 + 12 * count or offset + length > size:
                return b""
            elements[sig] = _element(sig, profile[offset : offset + length])
    except (struct.error, IndexError, ValueError) as exc:
        if isinstance(exc, IccUnsupported):
            raise
        return b""
    space = profile[16:20]
    if not elements:
        return b""
    tags = [
        (b"desc", _desc_tag(neutral_description(space, elements), version)),
        (b"cprt", _text_tag("", version)),
    ]
    tags += sorted(elements.items())
    header_end = 132 + 12 * len(tags)
    table, blobs, placed = [], [], {}
    pos = header_end + (-header_end % 4)
    for sig, element in tags:
        if element not in placed:  # identical elements (rTRC = gTRC = bTRC) share their data, as usual
            placed[element] = pos
            blobs.append(_pad4(element))
            pos += len(blobs[-1])
        table.append(struct.pack(">4sII", sig, placed[element], len(element)))
    body = b"".join(table) + b"\x00" * (-header_end % 4) + b"".join(blobs)
    # Header: size, CMM, creator, platform, device maker/model/attributes, date and the reserved bytes are
    # zeroed (who made the profile, on what, when); version, class, spaces, flags, intent and the PCS
    # illuminant are kept, as conversions use them.
    header = bytearray(128)
    header[8:12] = profile[8:12]
    header[12:24] = profile[12:24]
    header[36:40] = b"acsp"
    header[44:48] = profile[44:48]
    header[64:80] = profile[64:80]
    out = bytearray(header + struct.pack(">I", len(tags)) + body)
    out[0:4] = struct.pack(">I", len(out))
    # The profile ID (bytes 84-99, an MD5 of the profile in v4) stays zero, which the specification defines
    # as "not calculated": the source's ID would not match the new bytes, and computing one would load
    # hashlib (10 ms of every strip's start-up) for a field no colour conversion reads.
    return bytes(out)
