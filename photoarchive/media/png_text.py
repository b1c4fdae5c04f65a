"""PNG text chunks (tEXt, zTXt, iTXt) as keyword → text, wherever the writer put them (Pillow only sees
chunks after the image data once the pixels are loaded). The chunks are read by the privacy scan's PNG
parser (`photoarchive.privacy.png`): one reader."""

from __future__ import annotations

import logging

from photoarchive.privacy import png

log = logging.getLogger(__name__)

XMP_KEYWORD = png.XMP_KEYWORD.decode("latin-1")
TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")


def text_of(data: bytes, chunks: list[png.Chunk]) -> dict[str, str]:
    """Keyword → text of every readable text chunk (first occurrence wins)."""
    texts: dict[str, str] = {}
    for chunk in chunks:
        if chunk.type not in TEXT_CHUNKS:
            continue
        try:
            keyword, raw = png.chunk_text(data, chunk)
            texts.setdefault(keyword, raw.decode("utf-8" if chunk.type == b"iTXt" else "latin-1"))
        except ValueError as exc:  # UnicodeDecodeError included
            log.debug("skipping an unreadable PNG %s chunk: %s", chunk.type.decode(), exc)
    return texts
