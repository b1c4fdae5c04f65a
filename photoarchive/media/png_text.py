"""PNG text chunks (tEXt, zTXt, iTXt) read straight from the chunk list, without decoding pixels.

Pillow only sees chunks after the image data once the pixels are loaded; walking the chunks
ourselves finds XMP and text wherever the writer put them, at the cost of reading the file once.
"""

from __future__ import annotations

import logging
import struct
import zlib
from pathlib import Path

log = logging.getLogger(__name__)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_KEYWORD = "XML:com.adobe.xmp"
# Text chunks are small; a zTXt that inflates beyond this is a zip bomb, not a caption.
MAX_TEXT = 1024 * 1024
_MAX_CHUNKS = 10_000


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_TEXT)
    if inflater.unconsumed_tail:
        raise ValueError("compressed text larger than the limit")
    return out


def read_png_text(path: Path) -> dict[str, str]:
    """Keyword → text of every text chunk in the PNG at ``path`` (first occurrence wins)."""
    texts: dict[str, str] = {}
    with open(path, "rb") as fh:
        if fh.read(8) != PNG_SIGNATURE:
            return texts
        for _ in range(_MAX_CHUNKS):
            header = fh.read(8)
            if len(header) < 8:
                break
            length, kind = struct.unpack(">I4s", header)
            if kind == b"IEND":
                break
            if kind not in (b"tEXt", b"zTXt", b"iTXt") or length > 16 * MAX_TEXT:
                fh.seek(length + 4, 1)  # skip data and CRC
                continue
            data = fh.read(length)
            fh.seek(4, 1)
            try:
                keyword, text = _parse_text_chunk(kind, data)
            except (ValueError, zlib.error, UnicodeDecodeError) as exc:
                log.debug("skipping unreadable PNG %s chunk in %s: %s", kind.decode(), path, exc)
                continue
            texts.setdefault(keyword, text)
    return texts


def _parse_text_chunk(kind: bytes, data: bytes) -> tuple[str, str]:
    keyword_raw, sep, rest = data.partition(b"\x00")
    if not sep:
        raise ValueError("no keyword separator")
    keyword = keyword_raw.decode("latin-1")
    if kind == b"tEXt":
        return keyword, rest.decode("latin-1")
    if kind == b"zTXt":
        return keyword, _inflate(rest[1:]).decode("latin-1")
    # iTXt: compression flag, method, language tag \0, translated keyword \0, UTF-8 text.
    if len(rest) < 2:
        raise ValueError("short iTXt chunk")
    compressed = rest[0] == 1
    _lang, _, rest2 = rest[2:].partition(b"\x00")
    _translated, _, text = rest2.partition(b"\x00")
    if compressed:
        text = _inflate(text)
    return keyword, text.decode("utf-8")
