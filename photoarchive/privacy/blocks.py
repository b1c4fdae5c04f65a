"""Dispatch for metadata blocks that nest inside each other (XMP in TIFF tags, EXIF in Photoshop resources…)."""

from __future__ import annotations

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import (
    TAG_EXIF_IFD,
    TAG_ICC,
    TAG_IPTC,
    TAG_PHOTOSHOP,
    TAG_XMP,
)
from photoarchive.privacy.exif_scan import scan_tiff_structure
from photoarchive.privacy.icc import check_icc
from photoarchive.privacy.icc_scan import scan_icc_details
from photoarchive.privacy.iptc import scan_iim, scan_photoshop
from photoarchive.privacy.xmp import scan_xmp

EXIF_HEADER = b"Exif\x00\x00"


def scan_exif_block(data: bytes, where: str, col: Collector) -> None:
    """An EXIF block with or without its 'Exif\\0\\0' prefix."""
    base = 6 if data.startswith(EXIF_HEADER) else 0
    scan_tiff_structure(data, where, col, base=base, nested=nested)


def nested(tag: int, data: bytes, where: str, col: Collector) -> None:
    if tag == TAG_XMP:
        scan_xmp(data, f"{where} XMP", col)
    elif tag == TAG_IPTC:
        scan_iim(data, f"{where} IPTC", col)
    elif tag == TAG_PHOTOSHOP:
        scan_photoshop(data, f"{where} Photoshop", col, nested)
    elif tag == TAG_ICC:
        check_icc(data, f"{where} ICC", col)
        scan_icc_details(data, f"{where} ICC", col)
    elif tag == TAG_EXIF_IFD:
        scan_exif_block(data, f"{where} EXIF", col)
