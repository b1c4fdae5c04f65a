"""The few EXIF facts the catalog wants, read with the privacy scan's TIFF reader
(`photoarchive.privacy.exif.TiffReader`): one EXIF/TIFF reader for the catalog, `inspect` and the strip."""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

from photoarchive.privacy.exif import (
    TAG_DATETIME,
    TAG_DATETIME_DIGITIZED,
    TAG_DATETIME_ORIGINAL,
    TAG_EXIF_IFD,
    TAG_ORIENTATION,
    Entry,
    ExifFormatError,
    TiffReader,
    text_value,
)

TAG_MAKE, TAG_MODEL, TAG_LENS_MODEL = 0x010F, 0x0110, 0xA434
# What a malformed block can raise while it is read; callers treat each as "EXIF unreadable".
EXIF_ERRORS = (ExifFormatError, struct.error, OSError, ValueError)


@dataclass
class ExifFields:
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    orientation: int = 0  # 0 = not recorded
    date_original: str = ""
    date_digitized: str = ""
    date_time: str = ""


def tiff_start(blob: bytes | memoryview) -> int:
    """Where the TIFF structure starts in an EXIF block: after "Exif\\0\\0" (JPEG APP1, and what Pillow hands
    over for PNG and WebP) or "Exif\\0\\xff", else at 0 (a bare TIFF structure, a TIFF file)."""
    return 6 if bytes(blob[:5]) == b"Exif\x00" else 0


def exif_fields(blob: bytes | memoryview) -> ExifFields:
    """The catalog's EXIF fields of an EXIF block or TIFF file; raises one of EXIF_ERRORS on a broken one."""
    reader = TiffReader(blob, tiff_start(blob))
    ifd0, _ = reader.read_ifd(reader.first_ifd)
    found = {e.tag: e for e in ifd0}
    sub: dict[int, Entry] = {}
    pointer = reader.ints(found[TAG_EXIF_IFD]) if TAG_EXIF_IFD in found else []
    if pointer:
        try:
            sub = {e.tag: e for e in reader.read_ifd(pointer[0])[0]}
        except (ExifFormatError, struct.error):
            sub = {}  # a broken EXIF sub-directory leaves IFD0's camera and orientation readable

    def text(table: dict[int, Entry], tag: int) -> str:
        entry = table.get(tag)
        return text_value(entry).replace("\x00", "").strip() if entry is not None else ""

    orientation = reader.ints(found[TAG_ORIENTATION]) if TAG_ORIENTATION in found else []
    return ExifFields(
        camera_make=text(found, TAG_MAKE),
        camera_model=text(found, TAG_MODEL),
        lens=text(sub, TAG_LENS_MODEL),
        orientation=orientation[0] if orientation else 0,
        date_original=text(sub, TAG_DATETIME_ORIGINAL),
        date_digitized=text(sub, TAG_DATETIME_DIGITIZED),
        date_time=text(found, TAG_DATETIME),
    )


def tiff_file_exif(path: Path) -> ExifFields:
    """The EXIF fields of the TIFF file at ``path``, its directories read in place (no copy of the pixels)."""
    with (
        open(path, "rb") as fh,
        mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mapped,
        memoryview(mapped) as view,
    ):
        return exif_fields(view)
