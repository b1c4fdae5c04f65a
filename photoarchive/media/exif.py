"""The few EXIF facts the catalog wants, read with the privacy scan's TIFF reader
(`photoarchive.privacy.exif.TiffReader`): one EXIF/TIFF reader for the catalog, `inspect` and the strip."""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from photoarchive.privacy.exif import (
    TAG_ORIENTATION,
    Entry,
    ExifFormatError,
    TiffReader,
    capture_date,
    main_directories,
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
    # The camera's wall-clock time, with its UTC offset where written (privacy.exif.capture_date).
    capture_date: datetime | None = None


def tiff_start(blob: bytes | memoryview) -> int:
    """Where the TIFF structure starts in an EXIF block: after "Exif\\0\\0" (JPEG APP1, and what Pillow hands
    over for PNG and WebP) or "Exif\\0\\xff", else at 0 (a bare TIFF structure, a TIFF file)."""
    return 6 if bytes(blob[:5]) == b"Exif\x00" else 0


def exif_fields(blob: bytes | memoryview) -> ExifFields:
    """The catalog's EXIF fields of an EXIF block or TIFF file; raises one of EXIF_ERRORS on a broken one."""
    reader = TiffReader(blob, tiff_start(blob))
    found, sub = main_directories(reader)

    def text(table: dict[int, Entry], tag: int) -> str:
        entry = table.get(tag)
        return text_value(entry).replace("\x00", "").strip() if entry is not None else ""

    orientation = reader.ints(found[TAG_ORIENTATION]) if TAG_ORIENTATION in found else []
    return ExifFields(
        camera_make=text(found, TAG_MAKE),
        camera_model=text(found, TAG_MODEL),
        lens=text(sub, TAG_LENS_MODEL),
        orientation=orientation[0] if orientation else 0,
        capture_date=capture_date(found, sub),
    )


def tiff_file_exif(path: Path) -> ExifFields:
    """The EXIF fields of the TIFF file at ``path``, its directories read in place (no copy of the pixels)."""
    with (
        open(path, "rb") as fh,
        mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mapped,
        memoryview(mapped) as view,
    ):
        return exif_fields(view)
