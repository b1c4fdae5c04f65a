"""Raw bytes of a tag in a TIFF's first IFD, read with the privacy scan's TIFF reader (one reader).

Pillow decodes tags by their declared type, and writers store IPTC-IIM (tag 33723) as LONG or
BYTE arrays at will; Pillow then keeps only the first number. The raw bytes are the IIM stream.
"""

from __future__ import annotations

import mmap
from pathlib import Path

from photoarchive.privacy.exif import ExifFormatError, TiffReader


def read_ifd0_tag(path: Path, wanted: int) -> bytes | None:
    """The raw value bytes of tag ``wanted`` in IFD0 of the classic TIFF at ``path``, or None."""
    with (
        open(path, "rb") as fh,
        mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mapped,
        memoryview(mapped) as view,
    ):
        try:
            reader = TiffReader(view)
            entries, _ = reader.read_ifd(reader.first_ifd)
        except ExifFormatError:
            return None  # BigTIFF, not a TIFF, or a broken first directory
        for entry in entries:
            if entry.tag == wanted:
                return entry.data or None
    return None
