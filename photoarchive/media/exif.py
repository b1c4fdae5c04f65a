"""The few EXIF facts the catalog wants, read with exifread (Pillow as a fallback)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
# exifread logs a WARNING for every file without EXIF ("PNG file does not have exif data") and for
# each odd IFD; we judge and log the outcome ourselves, so only its errors are worth keeping.
logging.getLogger("exifread").setLevel(logging.ERROR)

# Pillow tag numbers, for the fallback path.
_MAKE, _MODEL, _ORIENTATION, _DATETIME = 0x010F, 0x0110, 0x0112, 0x0132
_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _LENS_MODEL = 0x9003, 0x9004, 0xA434


@dataclass
class ExifFields:
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    orientation: int = 0  # 0 = not recorded
    date_original: str = ""
    date_digitized: str = ""
    date_time: str = ""


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return str(value).replace("\x00", "").strip()


def _first_int(values: Any) -> int:
    try:
        if isinstance(values, list | tuple):
            values = values[0]
        return int(values)
    except (TypeError, ValueError, IndexError):
        return 0


def read_exif(path: Path) -> ExifFields:
    """EXIF of the file at ``path`` via exifread; raises whatever exifread raises on broken files."""
    import exifread

    with open(path, "rb") as fh:
        # details=False skips maker notes, extract_thumbnail=False the IFD1 image: both cost time
        # and both are where malformed files most often break readers.
        tags = exifread.process_file(fh, details=False, extract_thumbnail=False, truncate_tags=False)

    def text(name: str) -> str:
        tag = tags.get(name)
        if tag is None:
            return ""
        return _clean(tag.values if isinstance(tag.values, str | bytes) else tag.printable)

    orientation = tags.get("Image Orientation")
    return ExifFields(
        camera_make=text("Image Make"),
        camera_model=text("Image Model"),
        lens=text("EXIF LensModel"),
        orientation=_first_int(orientation.values) if orientation is not None else 0,
        date_original=text("EXIF DateTimeOriginal"),
        date_digitized=text("EXIF DateTimeDigitized"),
        date_time=text("Image DateTime"),
    )


def exif_from_pillow(image: Any) -> ExifFields:
    """The same fields from a Pillow image's parsed EXIF, for files exifread cannot handle."""
    exif = image.getexif()
    sub = exif.get_ifd(_EXIF_IFD)
    return ExifFields(
        camera_make=_clean(exif.get(_MAKE)),
        camera_model=_clean(exif.get(_MODEL)),
        lens=_clean(sub.get(_LENS_MODEL)),
        orientation=_first_int(exif.get(_ORIENTATION, 0)),
        date_original=_clean(sub.get(_DATETIME_ORIGINAL)),
        date_digitized=_clean(sub.get(_DATETIME_DIGITIZED)),
        date_time=_clean(exif.get(_DATETIME)),
    )
