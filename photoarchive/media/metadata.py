"""What a photo says about itself: pixel size, orientation, capture time, camera, press fields."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from photoarchive.errors import PhotoarchiveError
from photoarchive.media.containers import TIFF_IPTC_TAG, TIFF_XMP_TAG, Containers, ParsedFile, from_parse
from photoarchive.media.dates import parse_iptc_datetime, parse_iso_datetime
from photoarchive.media.decoding import DECODE_ERRORS, decoder_applies_orientation, open_image, sniff_path
from photoarchive.media.exif import EXIF_ERRORS, ExifFields, exif_fields, tiff_file_exif
from photoarchive.media.formats import ImageFormat
from photoarchive.media.iptc import IptcFields, iim_from_photoshop, read_iim
from photoarchive.media.press_text import PressText
from photoarchive.media.tiff_tags import read_ifd0_tag
from photoarchive.media.xmp import XmpFields, read_xmp

log = logging.getLogger(__name__)


@dataclass(kw_only=True)
class PhotoMetadata(PressText):
    """What a file says about itself. Its press fields (from PressText) take XMP over IPTC-IIM, with PNG
    text as the last resort."""

    format: ImageFormat
    # Stored pixel size, before orientation is applied.
    width: int
    height: int
    # EXIF orientation still to apply to the stored pixels (1..8). Where the decoder turns the picture
    # upright itself (HEIF always, TIFF in Pillow ≥ 11.x), this is 1 and width/height are upright.
    orientation: int = 1
    # DateTimeOriginal, else DateTimeDigitized/DateTime (EXIF), else XMP/IPTC dates: the camera's
    # wall-clock time, with its UTC offset as tzinfo where the file gives one (see media/dates.py; the
    # catalog stores the wall-clock time).
    capture_time: datetime | None = None
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    # Metadata that was present but unreadable (malformed EXIF …), for the log and the reviewer.
    problems: list[str] = field(default_factory=list)


def read_metadata(path: Path, display_name: str | None = None) -> PhotoMetadata:
    """Metadata of the image at ``path`` without decoding its pixels.

    Raises UnsupportedFile (not an image we take), CorruptImage (header unreadable) or ImageTooLarge,
    with messages naming the file ``display_name`` (default: its file name).
    Malformed metadata never raises: it is logged and left out.
    """
    path = Path(path)
    fmt = sniff_path(path, display_name)
    with open_image(path, fmt, display_name) as image:
        return metadata_from_image(path, image, fmt)


# --- assembling ---------------------------------------------------------------------------------


def metadata_from_image(
    path: Path, image: Any, fmt: ImageFormat, source: ParsedFile | None = None
) -> PhotoMetadata:
    """PhotoMetadata from an opened (not necessarily loaded) Pillow image of ``path``.

    With ``source`` (the privacy scan's parse of the same file, at ingest) the blocks are taken from that
    parse instead of being looked up again; the fields are the same either way."""
    meta = PhotoMetadata(format=fmt, width=image.size[0], height=image.size[1])
    blocks = _from_source(source, meta.problems) if source is not None else None
    if blocks is None:
        blocks = _containers(path, image, fmt, meta.problems)
    exif = _exif(path, fmt, blocks.exif, meta.problems)
    xmp = _xmp(blocks.xmp, meta.problems)
    iptc = _iptc(blocks.iim, meta.problems)

    if decoder_applies_orientation(fmt):
        meta.orientation = 1
    elif 1 <= exif.orientation <= 8:
        meta.orientation = exif.orientation
    meta.capture_time = (
        exif.capture_date
        or parse_iso_datetime(xmp.date_original)
        or parse_iptc_datetime(iptc.date_created, iptc.time_created)
    )
    meta.camera_make = exif.camera_make or xmp.camera_make
    meta.camera_model = exif.camera_model or xmp.camera_model
    meta.lens = exif.lens or xmp.lens
    _merge_press(meta, xmp, iptc, blocks.texts)
    return meta


def _exif(path: Path, fmt: ImageFormat, blob: bytes | None, problems: list[str]) -> ExifFields:
    # One reader: the EXIF block (or a TIFF's own directories) read with the privacy scan's TIFF reader.
    try:
        if blob:
            return exif_fields(blob)
        if fmt is ImageFormat.TIFF:
            return tiff_file_exif(path)
        return ExifFields()
    except EXIF_ERRORS as exc:  # a malformed block must never stop ingest
        log.info("the EXIF of %s is unreadable (%s: %s)", path, type(exc).__name__, exc)
        problems.append("unreadable EXIF")
        return ExifFields()


def _from_source(source: ParsedFile, problems: list[str]) -> Containers | None:
    try:
        return from_parse(source)
    except DECODE_ERRORS as exc:  # the scan's parse is whole; a block inside it can still be odd
        log.warning("metadata blocks unreadable in the scanned structure (%s)", exc)
        problems.append("unreadable XMP/IPTC")
        return Containers()


def _containers(path: Path, image: Any, fmt: ImageFormat, problems: list[str]) -> Containers:
    """The blocks as Pillow split them out on open (a PNG's chunks and a TIFF's IIM tag read from the file,
    since Pillow sees neither whole); each None/empty when absent."""
    found = Containers()
    info = image.info
    try:
        if fmt is ImageFormat.PNG:
            from photoarchive.privacy import png

            data = path.read_bytes()
            try:
                chunks = png.parse(data)
            except PhotoarchiveError as exc:
                log.debug("PNG chunks of %s unreadable: %s", path, exc)
                return found
            return from_parse(ParsedFile(data, "png", chunks)) or found
        if fmt is ImageFormat.TIFF:
            tags = image.tag_v2
            xmp = tags.get(TIFF_XMP_TAG)
            found.xmp = bytes(xmp) if isinstance(xmp, tuple) else xmp  # a BYTE tag comes back as ints
            if TIFF_IPTC_TAG in tags.tagtype:
                found.iim = read_ifd0_tag(path, TIFF_IPTC_TAG)
        else:
            found.exif = info.get("exif")
            found.xmp = info.get("xmp")
            if fmt is ImageFormat.JPEG:
                found.iim = iim_from_photoshop(info.get("photoshop"))
    except (OSError, *DECODE_ERRORS) as exc:
        log.warning("metadata containers of %s are unreadable (%s)", path, exc)
        problems.append("unreadable XMP/IPTC")
    return found


def _xmp(packet: bytes | str | None, problems: list[str]) -> XmpFields:
    try:
        return read_xmp(packet)
    except Exception as exc:  # ElementTree and codecs have many failure modes on hostile packets
        log.warning("unreadable XMP packet (%s: %s)", type(exc).__name__, exc)
        problems.append("unreadable XMP")
        return XmpFields()


def _iptc(iim: bytes | None, problems: list[str]) -> IptcFields:
    if not iim:
        return IptcFields()
    try:
        return read_iim(iim)
    except Exception as exc:
        log.warning("unreadable IPTC-IIM block (%s)", exc)
        problems.append("unreadable IPTC")
        return IptcFields()


def _merge_press(meta: PhotoMetadata, xmp: XmpFields, iptc: IptcFields, png: dict[str, str]) -> None:
    meta.caption = xmp.caption or iptc.caption or png.get("Description", "").strip()
    meta.headline = xmp.headline or iptc.headline or png.get("Title", "").strip()
    meta.keywords = list(xmp.keywords or iptc.keywords)
    meta.byline = xmp.byline or iptc.byline or png.get("Author", "").strip()
    meta.credit = xmp.credit or iptc.credit
    meta.copyright = xmp.copyright or iptc.copyright or png.get("Copyright", "").strip()
