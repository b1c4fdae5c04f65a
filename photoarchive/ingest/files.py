"""Which files in an inbox are ours to take, and what a non-photo is called in a message."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

# Written by copy tools, editors and operating systems; never photos, never finished.
IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db", "icon\r"}
IGNORED_SUFFIXES = {".part", ".tmp", ".crdownload", ".partial", ".download", ".filepart", ".!ut", ".swp"}
IGNORED_PREFIXES = ("~$", ".~", "._")

RAW_SUFFIXES = {
    ".cr2",
    ".cr3",
    ".crw",
    ".nef",
    ".nrw",
    ".arw",
    ".srf",
    ".sr2",
    ".orf",
    ".rw2",
    ".raf",
    ".dng",
    ".pef",
    ".srw",
    ".x3f",
    ".3fr",
    ".iiq",
    ".erf",
    ".mrw",
    ".kdc",
    ".dcr",
}


def is_ignored(path: PurePath) -> bool:
    """Temporary, system and hidden files (by name; `is_hidden` also checks Windows attributes)."""
    name = path.name
    lowered = name.lower()
    if lowered in IGNORED_NAMES or name.startswith(".") or name.startswith(IGNORED_PREFIXES):
        return True
    return any(lowered.endswith(suffix) for suffix in IGNORED_SUFFIXES)


def is_hidden(path: Path) -> bool:
    """Hidden by name, or by the Windows hidden/system attribute."""
    if path.name.startswith("."):
        return True
    try:
        attributes = getattr(path.stat(), "st_file_attributes", 0)
    except OSError:
        return False
    # FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM
    return bool(attributes & 0x2 or attributes & 0x4)


def describe_non_image(head: bytes, suffix: str) -> str:
    """A short human name for a file that is not a supported photo, from its first bytes."""
    suffix = suffix.lower()
    if suffix in RAW_SUFFIXES:
        return f"a camera RAW file ({suffix}); export it as JPEG or TIFF first"
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".xlsx", ".pptx", ".odt"):
            return f"an Office document ({suffix})"
        return "a ZIP archive or Office document"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old-style Office document"
    if head[4:8] == b"ftyp":
        return "a video or other media file (MP4/MOV family)"
    if head.startswith(b"RIFF") and head[8:12] in (b"AVI ", b"WAVE"):
        return "a video or audio file (AVI/WAV)"
    if head.startswith(b"GIF8"):
        return "a GIF image (not a photo format the archive takes)"
    if head.startswith(b"BM"):
        return "a BMP image (not a photo format the archive takes)"
    if head.startswith((b"\x1a\x45\xdf\xa3", b"ID3", b"fLaC", b"OggS")) or head[:2] == b"\xff\xfb":
        return "an audio or video file"
    if not head:
        return "an empty file"
    return (
        f"not a photo in a supported format (JPEG, PNG, TIFF, HEIC, WebP){f' ({suffix})' if suffix else ''}"
    )


HASH_CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, as the catalog records it."""
    digest = hashlib.sha256()
    with open(path, "rb") as reader:
        while chunk := reader.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
