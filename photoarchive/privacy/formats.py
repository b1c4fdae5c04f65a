"""Which supported format a file is, from its first bytes (never from its name)."""

from __future__ import annotations

JPEG, PNG, TIFF, WEBP, HEIF = "jpeg", "png", "tiff", "webp", "heif"
SUFFIX = {JPEG: ".jpg", PNG: ".png", TIFF: ".tif", WEBP: ".webp", HEIF: ".heic"}
HEAD_BYTES = 64


# The module that reads and writes each format (imported only when a file of that format turns up).
MODULE = {JPEG: "jpeg", PNG: "png", TIFF: "tiff", WEBP: "webp", HEIF: "heif"}
HEIF_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
    b"mif2",
}


def sniff(head: bytes) -> str | None:
    if head[:3] == b"\xff\xd8\xff":
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return TIFF  # BigTIFF too, so that the TIFF reader refuses it in its own words
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp":
        brands = {head[8:12]} | {head[i : i + 4] for i in range(16, min(len(head), 64), 4)}
        if brands & HEIF_BRANDS:
            return HEIF
    return None
