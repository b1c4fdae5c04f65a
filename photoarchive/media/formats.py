"""Which image format a file is, from its first bytes (never from its name)."""

from __future__ import annotations

import os
from enum import StrEnum


class ImageFormat(StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    TIFF = "tiff"
    HEIF = "heif"
    WEBP = "webp"


# How many leading bytes sniff_format wants to see; ftyp boxes list their brands within this.
SNIFF_BYTES = 64

# ISO-BMFF brands of HEVC-coded HEIF stills and sequences (Apple, Samsung, Nokia, libheif).
_HEVC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"})
# The generic HEIF image/sequence brands. AVIF files list them too, and pillow-heif does not decode
# AVIF, so a file naming an AVIF brand and no HEVC brand is not ours.
_GENERIC_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})


def _ftyp_brands(head: bytes) -> list[bytes]:
    """Major and compatible brands of a leading ISO-BMFF ftyp box, or [] when there is none."""
    if len(head) < 12 or head[4:8] != b"ftyp":
        return []
    box_size = int.from_bytes(head[0:4], "big")
    end = min(len(head), box_size) if box_size >= 16 else 12
    brands = [head[8:12]]  # major brand; 12:16 is the minor version
    brands += [head[i : i + 4] for i in range(16, end - 3, 4)]
    return brands


def sniff_format(head: bytes) -> ImageFormat | None:
    """The image format of a file whose first bytes are ``head`` (≥ 32 bytes), or None if not one we take."""
    if head.startswith(b"\xff\xd8\xff"):
        return ImageFormat.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ImageFormat.PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):  # classic and BigTIFF
        # Canon CR2 raw files are TIFF-structured but hold raw sensor data; "CR" follows the header.
        if head[8:10] == b"CR":
            return None
        return ImageFormat.TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ImageFormat.WEBP
    brands = set(_ftyp_brands(head))
    if brands & _HEVC_BRANDS:
        return ImageFormat.HEIF
    if brands & _GENERIC_HEIF_BRANDS and not brands & _AVIF_BRANDS:
        return ImageFormat.HEIF
    return None


def sniff_file(path: str | os.PathLike[str]) -> ImageFormat | None:
    """sniff_format on the first bytes of the file at ``path``."""
    with open(path, "rb") as fh:
        return sniff_format(fh.read(SNIFF_BYTES))
