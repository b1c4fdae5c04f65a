"""Burning regions into a copy of a photo: the redacted source that the privacy strip then publishes.

The picture is turned upright first (all eight EXIF orientations), the regions are filled in that
displayed orientation, and the result is encoded once (JPEG quality 95, 4:4:4; PNG stays PNG) with the
ICC profile kept and no orientation left to apply. Nothing else of the original is carried: no EXIF
thumbnail, no embedded preview, no XMP, so nothing of a region survives in the file.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageOps

from photoarchive.redaction.model import Fill, Region

if TYPE_CHECKING:
    from photoarchive.media.formats import ImageFormat

log = logging.getLogger(__name__)

JPEG_QUALITY = 95
BOX_COLOUR = (0, 0, 0)
# A mosaic cell is at least this many pixels and at least this share of the region's short edge: a face
# becomes at most ~6×6 flat cells, far too few to recognise or to read text back from.
MOSAIC_MIN_CELL = 16
MOSAIC_CELLS_ACROSS = 6
_EXIF_IFD = 0x8769
_DATE_ORIGINAL = 0x9003


def displayed(image: Image.Image) -> Image.Image:
    """The picture as it is shown: EXIF orientation applied."""
    return ImageOps.exif_transpose(image) or image


def apply_regions(image: Image.Image, regions: Sequence[Region]) -> Image.Image:
    """A copy of an upright picture with each region filled (solid box or coarse mosaic)."""
    out = image.convert("RGB") if image.mode not in ("RGB", "L") else image.copy()
    width, height = out.size
    for region in regions:
        left, top, right, bottom = region.pixel_box(width, height)
        if right <= left or bottom <= top:
            continue
        if region.fill is Fill.MOSAIC:
            part = out.crop((left, top, right, bottom))
            cell = max(MOSAIC_MIN_CELL, min(part.size) // MOSAIC_CELLS_ACROSS)
            cols, rows = max(1, -(-part.width // cell)), max(1, -(-part.height // cell))
            # Each cell one flat colour (the mean of its pixels), then blown up with hard edges.
            small = part.resize((cols, rows), Image.Resampling.BOX)
            out.paste(
                small.resize((cols * cell, rows * cell), Image.Resampling.NEAREST).crop((0, 0, *part.size)),
                (left, top),
            )
        else:
            fill = BOX_COLOUR if out.mode == "RGB" else 0
            out.paste(fill, (left, top, right, bottom))
    return out


def _upright(original: Image.Image, fmt: ImageFormat) -> Image.Image:
    """The decoded pixels turned as the photo is displayed, as an image of their own (the file closes)."""
    from photoarchive.media.decoding import decoder_applies_orientation

    if decoder_applies_orientation(fmt):
        original.load()
        return original.copy()
    upright = displayed(original)
    upright.load()
    return upright if upright is not original else original.copy()


def burn_preview(source: Path, regions: Sequence[Region], max_edge: int) -> Image.Image:
    """What the published copy will show, at most ``max_edge`` pixels on its long edge: the original
    decoded at a reduced size where the format allows (JPEG's DCT scaling), turned upright, and the
    regions filled by the same code as the published copy (`apply_regions`)."""
    from photoarchive.media.decoding import open_image, sniff_path

    fmt = sniff_path(source)
    with open_image(source, fmt) as original:
        if original.format == "JPEG":
            original.draft("RGB", (max_edge, max_edge))
        upright = _upright(original, fmt)
    upright.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    return apply_regions(upright, regions).convert("RGB")


def burn_in(source: Path, regions: Sequence[Region], dest: Path) -> Path:
    """Write ``dest``: ``source`` upright with ``regions`` burnt in, encoded once (atomically)."""
    from photoarchive.media.decoding import open_image, sniff_path

    fmt = sniff_path(source)
    with open_image(source, fmt) as original:
        icc = original.info.get("icc_profile")
        date = None
        try:
            date = original.getexif().get_ifd(_EXIF_IFD).get(_DATE_ORIGINAL)
        except Exception:  # noqa: BLE001 - a broken EXIF block only loses the capture date
            log.debug("no readable capture date in %s", source)
        upright = _upright(original, fmt)
        is_png = original.format == "PNG"
    redacted = apply_regions(upright, regions)
    exif = Image.Exif()
    if date:  # the privacy strip keeps or drops it by policy, like any original's date
        exif.get_ifd(_EXIF_IFD)[_DATE_ORIGINAL] = date
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=".redacting-", suffix=dest.suffix)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        options: dict[str, object] = {"exif": exif.tobytes()} if date else {}
        # The colour profile stays when it fits the pixels written (an RGB or grey profile); a CMYK
        # photo becomes RGB, and its CMYK profile would then be wrong.
        space = icc[16:20] if icc else b""
        if (redacted.mode == "RGB" and space == b"RGB ") or (redacted.mode == "L" and space == b"GRAY"):
            options["icc_profile"] = icc
        if is_png:
            redacted.save(tmp, "PNG", **options)
        else:
            redacted.save(tmp, "JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=True, **options)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest
