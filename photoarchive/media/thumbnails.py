"""JPEG thumbnails stored by content hash, written atomically, from an already upright picture."""

from __future__ import annotations

import logging
import os
import threading
import time
from enum import IntEnum
from pathlib import Path
from typing import cast

from PIL import Image

log = logging.getLogger(__name__)

JPEG_QUALITY = {256: 80, 1600: 85}
_REPLACE_RETRIES = 5
# Larger embedded profiles (rare camera-specific ones) would outweigh a grid thumbnail.
MAX_THUMBNAIL_ICC = 64 * 1024


class ThumbSize(IntEnum):
    GRID = 256
    PREVIEW = 1600


def thumbnail_path(thumb_root: Path, sha256: str, size: ThumbSize) -> Path:
    """Where the thumbnail of the photo with ``sha256`` lives: ``thumb_root/ab/<sha>_256.jpg``."""
    return Path(thumb_root) / sha256[:2] / f"{sha256}_{int(size)}.jpg"


def to_rgb(image: Image.Image) -> Image.Image:
    """An RGB version of any Pillow mode, fit for a JPEG thumbnail.

    16-bit and 32-bit grey is scaled (Pillow's plain convert would clip it to white); transparency
    goes onto white, as a viewer would show it.
    """
    mode = image.mode
    if mode == "RGB":
        return image
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        image = image.convert("I") if mode != "I" else image
        lo, hi = cast(tuple[float, float], image.getextrema())  # one band: (min, max)
        if 0 <= lo and hi <= 65535:
            top = 65535 if hi > 255 else 255  # 16-bit data, or 8-bit values stored wide
            image = image.point(lambda v: v * 255 / top)
        else:  # signed or 32-bit data: stretch its own range
            image = image.point(lambda v: (v - lo) * 255 / ((hi - lo) or 1))
        return image.convert("L").convert("RGB")
    if mode == "F":
        lo, hi = cast(tuple[float, float], image.getextrema())
        image = image.point(lambda v: (v - lo) * 255 / ((hi - lo) or 1))
        return image.convert("L").convert("RGB")
    if mode in ("P", "PA"):
        image = image.convert("RGBA")
        mode = "RGBA"
    if mode in ("RGBA", "LA", "RGBa", "La"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    """The picture turned upright for EXIF ``orientation`` (1..8)."""
    method = _TRANSPOSE.get(orientation)
    return image.transpose(method) if method is not None else image


def fit(image: Image.Image, long_edge: int) -> Image.Image:
    """``image`` scaled down (never up) so its long edge is at most ``long_edge``."""
    width, height = image.size
    if max(width, height) <= long_edge:
        return image
    scale = long_edge / max(width, height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # reducing_gap: a fast box reduce by whole factors first, then bicubic over the last factor of up to
    # 2. For the grid thumbnail of a 1/8 decode (750 → 256 px) that halves the cost of a plain bicubic
    # (1.7 ms instead of 3.5) at 46.6 dB PSNR against a Lanczos resize (49.8 with a gap of 2, which does
    # not reduce at a factor under 4): no difference one can see in a thumbnail.
    return image.resize(size, Image.Resampling.BICUBIC, reducing_gap=1.0)


def rgb_icc_profile(icc: bytes | None) -> bytes | None:
    """``icc`` when it is a small RGB profile worth carrying into a thumbnail, else None.

    Phones shoot Display P3 and some cameras Adobe RGB; without their profile a colour-managed viewer
    shows the thumbnail washed out. CMYK or grey profiles do not fit an RGB thumbnail.
    """
    if not icc or len(icc) > MAX_THUMBNAIL_ICC or icc[16:20] != b"RGB ":
        return None
    return icc


def write_jpeg_atomic(
    image: Image.Image, target: Path, quality: int, icc_profile: bytes | None = None
) -> None:
    """Save as JPEG via a temporary file in the same folder, then rename over ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        if icc_profile:
            image.save(temp, "JPEG", quality=quality, icc_profile=icc_profile)
        else:
            image.save(temp, "JPEG", quality=quality)
        for attempt in range(_REPLACE_RETRIES):
            try:
                os.replace(temp, target)
                break
            except PermissionError:
                # Windows refuses to replace a file another program (the grid view) has open.
                if attempt == _REPLACE_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
    finally:
        if temp.exists():
            temp.unlink()


def scale_thumbnails(
    upright: Image.Image, sizes: tuple[ThumbSize, ...] = (ThumbSize.PREVIEW, ThumbSize.GRID)
) -> dict[ThumbSize, Image.Image]:
    """The pictures of ``sizes`` for an upright RGB picture, each scaled from the next larger one
    (cheaper, and the same picture)."""
    pictures = {}
    picture = upright
    for size in sorted(sizes, reverse=True):
        picture = pictures[size] = fit(picture, size)
    return pictures


def write_thumbnails(
    upright: Image.Image,
    thumb_root: Path,
    sha256: str,
    icc_profile: bytes | None = None,
    sizes: tuple[ThumbSize, ...] = (ThumbSize.PREVIEW, ThumbSize.GRID),
) -> dict[ThumbSize, Path]:
    """Write the thumbnails of ``sizes`` for an upright RGB picture; returns their paths.

    ``icc_profile`` (the source's RGB profile, see rgb_icc_profile) is embedded in each.
    """
    return write_scaled(scale_thumbnails(upright, sizes), thumb_root, sha256, icc_profile)


def write_scaled(
    pictures: dict[ThumbSize, Image.Image], thumb_root: Path, sha256: str, icc_profile: bytes | None = None
) -> dict[ThumbSize, Path]:
    """Write thumbnails already scaled (`scale_thumbnails`); returns their paths."""
    paths = {}
    for size, picture in pictures.items():
        path = thumbnail_path(thumb_root, sha256, size)
        write_jpeg_atomic(picture, path, JPEG_QUALITY[int(size)], icc_profile)
        paths[size] = path
    return paths
