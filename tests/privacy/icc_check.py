"""The colour check of a rebuilt ICC profile: converting pixels with it gives what the original gives."""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageCms

_MODES = {b"RGB ": "RGB", b"GRAY": "L", b"CMYK": "CMYK"}


def _sample(mode: str) -> Image.Image:
    """Every corner and a spread of the colour cube (RGB: all 16³ levels of 0, 17, …, 255)."""
    if mode == "L":
        return Image.frombytes("L", (256, 1), bytes(range(256)))
    if mode == "CMYK":
        levels = range(0, 256, 51)
        data = bytes(v for c in levels for m in levels for y in levels for k in levels for v in (c, m, y, k))
        return Image.frombytes("CMYK", (len(data) // 4, 1), data)
    levels = range(0, 256, 17)
    data = bytes(v for r in levels for g in levels for b in levels for v in (r, g, b))
    return Image.frombytes("RGB", (len(data) // 3, 1), data)


def converted(profile: bytes, intent: int = ImageCms.Intent.RELATIVE_COLORIMETRIC) -> bytes:
    """Pixels of the sample converted from `profile` to sRGB by LittleCMS."""
    mode = _MODES[profile[16:20]]
    source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
    target = ImageCms.createProfile("sRGB")
    out = ImageCms.profileToProfile(_sample(mode), source, target, renderingIntent=intent, outputMode="RGB")
    assert out is not None
    return out.tobytes()


def assert_same_colour(original: bytes, rebuilt: bytes) -> None:
    assert rebuilt, "the profile was dropped"
    for intent in (ImageCms.Intent.PERCEPTUAL, ImageCms.Intent.RELATIVE_COLORIMETRIC,
                   ImageCms.Intent.ABSOLUTE_COLORIMETRIC):  # fmt: skip
        assert converted(original, intent) == converted(rebuilt, intent), f"colours differ ({intent.name})"


# -- profiles the tests build (independently of photoarchive.privacy.icc) ------------------------------


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \x00\x00\x00\x00" + _s15(x) + _s15(y) + _s15(z)


def v2_desc(text: str) -> bytes:
    raw = text.encode("latin-1") + b"\x00"
    return b"desc\x00\x00\x00\x00" + struct.pack(">I", len(raw)) + raw + b"\x00" * 11 + b"\x00" * 67


def mluc(text: str) -> bytes:
    utf16 = text.encode("utf-16-be")
    return b"mluc\x00\x00\x00\x00" + struct.pack(">II2s2sII", 1, 12, b"en", b"US", len(utf16), 28) + utf16


def text(value: str) -> bytes:
    return b"text\x00\x00\x00\x00" + value.encode("latin-1") + b"\x00"


def dict_tag(pairs: dict[str, str]) -> bytes:
    """An ICC v4 dictType with UTF-16 names and values (as display calibration software writes)."""
    strings = b""
    records = b""
    base = 16 + 16 * len(pairs)
    for name, value in pairs.items():
        n, v = name.encode("utf-16-be"), value.encode("utf-16-be")
        records += struct.pack(">IIII", base + len(strings), len(n), base + len(strings) + len(n), len(v))
        strings += n + v
    return b"dict\x00\x00\x00\x00" + struct.pack(">II", len(pairs), 16) + records + strings


SRGB_PARA = b"para\x00\x00\x00\x00\x00\x03\x00\x00" + b"".join(
    _s15(v) for v in (2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045)
)
BRADFORD_D65 = b"sf32\x00\x00\x00\x00" + b"".join(
    _s15(v) for v in (1.0479, 0.0229, -0.0502, 0.0296, 0.9904, -0.0171, -0.0092, 0.0151, 0.7519)
)
SRGB_PRIMARIES = ((0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141))
P3_PRIMARIES = ((0.5151, 0.2412, -0.0011), (0.2920, 0.6922, 0.0419), (0.1571, 0.0666, 0.7841))


def build_profile(tags: list[tuple[bytes, bytes]], version: int = 2, space: bytes = b"RGB ",
                  device_class: bytes = b"mntr", pcs: bytes = b"XYZ ", header: dict[int, bytes] | None = None,
                  trailing: bytes = b"") -> bytes:  # fmt: skip
    """A profile with these tags in this order (identical data shared), header fields set by offset."""
    table, blobs, placed = b"", b"", {}
    pos = 132 + 12 * len(tags)
    for sig, data in tags:
        if data not in placed:
            placed[data] = pos
            padded = data + b"\x00" * (-len(data) % 4)
            blobs += padded
            pos += len(padded)
        table += struct.pack(">4sII", sig, placed[data], len(data))
    head = bytearray(128)
    head[8] = version
    head[12:16], head[16:20], head[20:24], head[36:40] = device_class, space, pcs, b"acsp"
    head[68:80] = _s15(0.9642) + _s15(1.0) + _s15(0.8249)
    for offset, value in (header or {}).items():
        head[offset : offset + len(value)] = value
    body = bytes(head) + struct.pack(">I", len(tags)) + table + blobs + trailing
    return struct.pack(">I", len(body)) + body[4:]


def matrix_profile(primaries=SRGB_PRIMARIES, desc: bytes | None = None, cprt: bytes | None = None,
                   extra: list[tuple[bytes, bytes]] = (), version: int = 2, **kwargs) -> bytes:  # type: ignore[no-untyped-def, assignment]  # fmt: skip
    desc = desc if desc is not None else (mluc if version >= 4 else v2_desc)("sRGB IEC61966-2.1")
    cprt = cprt if cprt is not None else (mluc if version >= 4 else text)("Public domain")
    tags = [(b"desc", desc), (b"cprt", cprt), (b"wtpt", xyz(0.9642, 1.0, 0.8249)), (b"chad", BRADFORD_D65)]
    tags += [(sig, xyz(*p)) for sig, p in zip((b"rXYZ", b"gXYZ", b"bXYZ"), primaries, strict=True)]
    tags += [(b"rTRC", SRGB_PARA), (b"gTRC", SRGB_PARA), (b"bTRC", SRGB_PARA), *extra]
    return build_profile(tags, version=version, **kwargs)


def lut_profile(grid: int = 9, desc: str = "Scanner profile") -> bytes:
    """An RGB input profile whose colour is all in an A2B0 lut16 (RGB → Lab), `grid` points per axis."""
    clut = bytearray()
    steps = [i / (grid - 1) for i in range(grid)]
    for r in steps:
        for g in steps:
            for b in steps:
                lab = ((r + g + b) / 3 * 0xFF00, 0x8000 + (r - g) * 0x2000, 0x8000 + (g - b) * 0x2000)
                clut += struct.pack(">3H", *(max(0, min(0xFFFF, round(v))) for v in lab))
    identity = b"".join(_s15(1.0 if i in (0, 4, 8) else 0.0) for i in range(9))
    curves = struct.pack(">2H", 0, 0xFFFF) * 3
    lut = b"mft2\x00\x00\x00\x00" + bytes([3, 3, grid, 0]) + identity + struct.pack(">HH", 2, 2)
    lut += curves + bytes(clut) + curves
    tags = [(b"desc", v2_desc(desc)), (b"cprt", text("Kari Nordmann")), (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
            (b"A2B0", lut)]  # fmt: skip
    return build_profile(tags, device_class=b"scnr", pcs=b"Lab ")
