"""Raw bytes of a tag in a TIFF's first IFD.

Pillow decodes tags by their declared type, and writers store IPTC-IIM (tag 33723) as LONG or
BYTE arrays at will; Pillow then keeps only the first number. The raw bytes are the IIM stream.
"""

from __future__ import annotations

import struct
from pathlib import Path

_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
MAX_TAG_BYTES = 16 * 1024 * 1024


def read_ifd0_tag(path: Path, wanted: int) -> bytes | None:
    """The raw value bytes of tag ``wanted`` in IFD0 of the classic TIFF at ``path``, or None."""
    with open(path, "rb") as fh:
        header = fh.read(8)
        if header[:4] == b"II*\x00":
            order = "<"
        elif header[:4] == b"MM\x00*":
            order = ">"
        else:
            return None  # BigTIFF or not a TIFF
        (ifd_offset,) = struct.unpack(order + "I", header[4:8])
        fh.seek(ifd_offset)
        raw_count = fh.read(2)
        if len(raw_count) < 2:
            return None
        (count,) = struct.unpack(order + "H", raw_count)
        entries = fh.read(12 * count)
        for i in range(len(entries) // 12):
            tag, typ, n, value = struct.unpack(order + "HHI4s", entries[12 * i : 12 * i + 12])
            if tag != wanted:
                continue
            size = _TYPE_SIZES.get(typ, 1) * n
            if size <= 4:
                return value[:size]
            if size > MAX_TAG_BYTES:
                return None
            fh.seek(struct.unpack(order + "I", value)[0])
            data = fh.read(size)
            return data if len(data) == size else None
    return None
