"""HEIC/HEIF: scanned through libheif (pillow-heif, imported only on this path) without decoding pixels.
A published copy is a high-quality JPEG: the one re-encode the archive allows for full-size copies."""

from __future__ import annotations

import io
import logging
from typing import Any

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.privacy.blocks import scan_exif_block
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note
from photoarchive.privacy.icc import check_icc
from photoarchive.privacy.jpeg import MAX_PIXELS
from photoarchive.privacy.xmp import scan_xmp

log = logging.getLogger(__name__)


def is_heif(head: bytes) -> bool:
    from photoarchive.privacy.formats import HEIF, sniff

    return sniff(head) == HEIF


def open_file(data: bytes, name: object = "file") -> Any:
    """The pillow-heif container (pixels not yet decoded)."""
    import pillow_heif

    try:
        heif = pillow_heif.open_heif(io.BytesIO(data), convert_hdr_to_8bit=True)
    except (ValueError, RuntimeError, OSError, EOFError) as exc:
        raise CorruptImage(f"{name} is not a readable HEIF image: {exc}") from exc
    width, height = heif.size
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(
            f"{name} declares {width}×{height} pixels, more than the {MAX_PIXELS / 1e6:.0f} MP limit"
        )
    if width == 0 or height == 0:
        raise UnsupportedFile(f"{name} holds no image")
    return heif


def scan(data: bytes, col: Collector, name: object = "file") -> Any:
    heif = open_file(data, name)
    if len(heif) > 1:
        col.note(K.EMBEDDED_IMAGE, "HEIF", "images", Note.IMAGES, count=len(heif))
    for index, image in enumerate(heif):
        where = "HEIF" if index == 0 else f"HEIF image {index + 1}"
        info = image.info
        if info.get("exif"):
            scan_exif_block(info["exif"], f"{where} Exif", col)
        if info.get("xmp"):
            scan_xmp(info["xmp"], f"{where} XMP", col)
        if info.get("thumbnails"):
            col.note(K.THUMBNAIL, where, "thumbnails", Note.THUMBNAILS, count=len(info["thumbnails"]))
        if info.get("depth_images"):
            col.note(K.EMBEDDED_IMAGE, where, "depth map", Note.DEPTH_IMAGES, count=len(info["depth_images"]))
        for aux_type, ids in (info.get("aux") or {}).items():
            col.note(
                K.EMBEDDED_IMAGE, where, "auxiliary image", Note.AUX_IMAGES, type=aux_type, count=len(ids)
            )
        for block in info.get("metadata") or []:
            col.note(
                K.UNKNOWN_SEGMENT,
                where,
                str(block.get("type", "metadata")),
                Note.BYTES,
                count=len(block.get("data", b"")),
            )
        if info.get("icc_profile") and info.get("icc_profile_type") == "prof":
            check_icc(info["icc_profile"], f"{where} ICC", col)
    return heif


def decode_primary(data: bytes, name: object = "file") -> Any:
    """The primary image as a Pillow image, upright (libheif applies the container's rotation and mirror)."""
    heif = open_file(data, name)
    try:
        image = heif.to_pillow()  # the primary image
    except (ValueError, RuntimeError, OSError, EOFError) as exc:
        raise CorruptImage(f"{name} could not be decoded: {exc}") from exc
    icc = heif.info.get("icc_profile") if heif.info.get("icc_profile_type") == "prof" else None
    image.info.pop("exif", None)
    image.info.pop("xmp", None)
    if icc:
        image.info["icc_profile"] = icc
    else:
        image.info.pop("icc_profile", None)
    return image
