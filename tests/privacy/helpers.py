"""Shared checks for the privacy tests: what must never be in a published copy, and how to compare pixels."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image

from photoarchive.privacy import FindingKind, PressFields, scan_bytes
from photoarchive.privacy import jpeg as jpeg_mod

# Press fields with Norwegian text that must survive exactly.
PRESS = PressFields(
    caption="Politiet «Øst» sikrer åstedet på Ærø-brygga",
    headline="Brann i Ås sentrum",
    keywords=["brann", "Ås", "nødetater"],
    byline="Politiet",
    credit="Øst politidistrikt",
    copyright="© Politiet",
    usage_terms="Kan brukes fritt av media i omtale av saken. Kreditering: Politiet.",
)

# Kinds a scan of the source reports whose values must not appear anywhere in the copy.
SENSITIVE_KINDS = {
    FindingKind.OWNER,
    FindingKind.SERIAL,
    FindingKind.LOCATION,
    FindingKind.COMMENT,
    FindingKind.CONTACT,
    FindingKind.TEXT_CHUNK,
    FindingKind.DOCUMENT_ID,
    FindingKind.SOFTWARE,
    FindingKind.DEVICE,
}
# exifread tag names (lower case) whose values are personal.
EXIFREAD_SENSITIVE = ("serial", "owner", "artist", "copyright", "comment", "description", "city", "xpauthor",
                      "uniqueid", "country", "location", "byline", "author")  # fmt: skip


def exifread_tags(data: bytes) -> dict[str, object]:
    import exifread

    try:
        return exifread.process_file(io.BytesIO(data), details=True, debug=False)
    except (
        Exception
    ):  # exifread raises bare exceptions on odd files; a copy it cannot read has no tags for it
        return {}


def sensitive_strings(data: bytes, press: PressFields) -> set[str]:
    """Personal values in the source, from our scanner and from exifread, long enough to search for safely."""
    values: set[str] = set()
    _, findings, _ = scan_bytes(data)
    for f in findings:
        if f.kind in SENSITIVE_KINDS and not f.excerpt.endswith("…"):
            values.add(f.excerpt)
    for name, tag in exifread_tags(data).items():
        if any(word in name.lower() for word in EXIFREAD_SENSITIVE) and "thumbnail" not in name.lower():
            try:
                values.add(str(tag.printable).strip())
            except AttributeError:
                continue
    press_values = {
        press.caption,
        press.headline,
        press.byline,
        press.credit,
        press.copyright,
        press.usage_terms,
    }
    press_values.update(press.keywords)
    frame = framing()
    return {v for v in values if len(v.strip()) >= 6 and v not in press_values and not v.startswith("[")
            and not any(v in p for p in press_values) and v.encode("utf-8") not in frame}  # fmt: skip


@functools.cache
def framing() -> bytes:
    """Copies of plain generated images stamped with PRESS: the words any copy contains by construction
    ("Photoshop 3.0", namespace URIs), which a source's software tag may also contain."""
    import tempfile

    from photoarchive.privacy import PublishPolicy, publish_copy

    out = b""
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, suffix in (("JPEG", ".jpg"), ("PNG", ".png"), ("TIFF", ".tif"), ("WEBP", ".webp")):
            src = Path(tmp) / f"plain{suffix}"
            Image.new("RGB", (8, 8), (10, 20, 30)).save(src, fmt)
            out += publish_copy(src, Path(tmp) / f"copy{suffix}", PublishPolicy(), PRESS).dest.read_bytes()
    return out


def without_icc(data: bytes) -> bytes:
    """The copy minus its ICC segments (kept on purpose; profiles carry vendor copyright strings)."""
    if not data.startswith(b"\xff\xd8"):
        return data
    layout = jpeg_mod.parse(data)
    out = bytearray(data)
    for seg in jpeg_mod.icc_segments(data, layout):
        out[seg.start : seg.end] = b"\x00" * (seg.end - seg.start)
    return bytes(out)


def pixels(path_or_bytes: Path | bytes, transpose: bool = False) -> Image.Image:
    from PIL import ImageOps

    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    with Image.open(src) as im:
        im.load()
        return ImageOps.exif_transpose(im) if transpose else im.copy()


def icc_of(path: Path) -> bytes | None:
    with Image.open(path) as im:
        return im.info.get("icc_profile")


def orientation_of(path: Path) -> int:
    with Image.open(path) as im:
        return int(im.getexif().get(0x0112, 1) or 1)
