"""Which supported format a file is, from its first bytes (never from its name)."""

from __future__ import annotations

from photoarchive.privacy import heif, jpeg, png, tiff, webp

JPEG, PNG, TIFF, WEBP, HEIF = "jpeg", "png", "tiff", "webp", "heif"
SUFFIX = {JPEG: ".jpg", PNG: ".png", TIFF: ".tif", WEBP: ".webp", HEIF: ".heic"}
HEAD_BYTES = 64


def sniff(head: bytes) -> str | None:
    if jpeg.is_jpeg(head):
        return JPEG
    if png.is_png(head):
        return PNG
    if tiff.is_tiff(head):
        return TIFF
    if webp.is_webp(head):
        return WEBP
    if heif.is_heif(head):
        return HEIF
    return None
