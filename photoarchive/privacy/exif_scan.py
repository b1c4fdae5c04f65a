"""The privacy classification of every TIFF/EXIF tag, and the scan of a TIFF structure (an EXIF block or a
TIFF file) that reports what it carries: GPS, serial numbers, owners, maker notes, thumbnails, JPEG
tables and strips inside it."""

from __future__ import annotations

import logging
import struct
from collections.abc import Callable

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.exif import (
    ASCII,
    TAG_EXIF_IFD,
    TAG_GPS_IFD,
    TAG_ICC,
    TAG_INTEROP_IFD,
    TAG_IPTC,
    TAG_PHOTOSHOP,
    TAG_XMP,
    Entry,
    ExifFormatError,
    TiffReader,
    text_value,
    value_text,
)
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note

log = logging.getLogger(__name__)


# Tags that say nothing about who, where or with what: image layout and colour. Never reported.
HARMLESS = {
    0x00FE, 0x00FF, 0x0100, 0x0101, 0x0102, 0x0103, 0x0106, 0x0107, 0x010A, 0x0111, 0x0112, 0x0115, 0x0116,
    0x0117, 0x0118, 0x0119, 0x011A, 0x011B, 0x011C, 0x0122, 0x0123, 0x0124, 0x0125, 0x0128, 0x012D, 0x013D,
    0x013E, 0x013F, 0x0140, 0x0142, 0x0143, 0x0144, 0x0145, 0x014C, 0x0152, 0x0153, 0x0154, 0x0155, 0x0157,
    0x015B, 0x0211, 0x0212, 0x0213, 0x0214, 0x8769, 0xA005, 0x9000, 0xA000, 0xA001, 0xA002, 0xA003, 0x9101,
    0xA500,
}  # fmt: skip

# Tag → (kind, name, press field the app may write there).
SENSITIVE: dict[int, tuple[K, str, str | None]] = {
    0x000B: (K.SOFTWARE, "ProcessingSoftware", None),
    0x010D: (K.COMMENT, "DocumentName", None),
    0x010E: (K.COMMENT, "ImageDescription", None),
    0x010F: (K.DEVICE, "Make", None),
    0x0110: (K.DEVICE, "Model", None),
    0x011D: (K.COMMENT, "PageName", None),
    0x0131: (K.SOFTWARE, "Software", None),
    0x0132: (K.CAPTURE_DATE, "DateTime", None),
    0x013B: (K.OWNER, "Artist", "byline"),
    0x013C: (K.SOFTWARE, "HostComputer", None),
    0x8298: (K.OWNER, "Copyright", "copyright"),
    0x927C: (K.MAKER_NOTE, "MakerNote", None),
    0x9286: (K.COMMENT, "UserComment", None),
    0x9003: (K.CAPTURE_DATE, "DateTimeOriginal", None),
    0x9004: (K.CAPTURE_DATE, "DateTimeDigitized", None),
    0x9010: (K.CAPTURE_DATE, "OffsetTime", None),
    0x9011: (K.CAPTURE_DATE, "OffsetTimeOriginal", None),
    0x9012: (K.CAPTURE_DATE, "OffsetTimeDigitized", None),
    0x9290: (K.CAPTURE_DATE, "SubSecTime", None),
    0x9291: (K.CAPTURE_DATE, "SubSecTimeOriginal", None),
    0x9292: (K.CAPTURE_DATE, "SubSecTimeDigitized", None),
    0x9C9B: (K.COMMENT, "XPTitle", None),
    0x9C9C: (K.COMMENT, "XPComment", None),
    0x9C9D: (K.OWNER, "XPAuthor", None),
    0x9C9E: (K.COMMENT, "XPKeywords", None),
    0x9C9F: (K.COMMENT, "XPSubject", None),
    0xA004: (K.OTHER_METADATA, "RelatedSoundFile", None),
    0xA420: (K.SERIAL, "ImageUniqueID", None),
    0xA430: (K.OWNER, "CameraOwnerName", None),
    0xA431: (K.SERIAL, "BodySerialNumber", None),
    0xA432: (K.DEVICE, "LensSpecification", None),
    0xA433: (K.DEVICE, "LensMake", None),
    0xA434: (K.DEVICE, "LensModel", None),
    0xA435: (K.SERIAL, "LensSerialNumber", None),
    0xA436: (K.COMMENT, "ImageTitle", None),
    0xA437: (K.OWNER, "Photographer", None),
    0xA438: (K.OWNER, "ImageEditor", None),
    0xA439: (K.SOFTWARE, "CameraFirmware", None),
    0xA43A: (K.SOFTWARE, "RAWDevelopingSoftware", None),
    0xA43B: (K.SOFTWARE, "ImageEditingSoftware", None),
    0xA43C: (K.SOFTWARE, "MetadataEditingSoftware", None),
    0xC614: (K.DEVICE, "UniqueCameraModel", None),
    0xC615: (K.DEVICE, "LocalizedCameraModel", None),
    0xC62F: (K.SERIAL, "CameraSerialNumber", None),
    0xC68B: (K.COMMENT, "OriginalRawFileName", None),
    0xFDE8: (K.OWNER, "OwnerName", None),
    0xFDE9: (K.SERIAL, "SerialNumber", None),
    0xFDEA: (K.DEVICE, "Lens", None),
    0x014A: (K.EMBEDDED_IMAGE, "SubIFDs", None),
    0x0201: (K.EMBEDDED_IMAGE, "JPEGInterchangeFormat", None),
    0xC4A5: (K.OTHER_METADATA, "PrintIM", None),
}

GEOTIFF_TAGS = {0x830E: "ModelPixelScale", 0x8482: "ModelTiepoint", 0x85D8: "ModelTransformation",
                0x87AF: "GeoKeyDirectory", 0x87B0: "GeoDoubleParams", 0x87B1: "GeoAsciiParams"}  # fmt: skip

TAG_NAMES = {
    0x829A: "ExposureTime", 0x829D: "FNumber", 0x8822: "ExposureProgram", 0x8827: "ISO", 0x9201: "ShutterSpeed",
    0x9202: "Aperture", 0x9204: "ExposureBias", 0x9207: "MeteringMode", 0x9209: "Flash", 0x920A: "FocalLength",
    0xA402: "ExposureMode", 0xA403: "WhiteBalance", 0xA406: "SceneCaptureType", 0x9214: "SubjectArea",
    0xA217: "SensingMethod", 0xA300: "FileSource", 0xA301: "SceneType", 0xA401: "CustomRendered",
    0xA404: "DigitalZoomRatio", 0xA405: "FocalLengthIn35mm", 0x9205: "MaxAperture", 0x9206: "SubjectDistance",
    0x9208: "LightSource", 0x9203: "Brightness", 0x9102: "CompressedBitsPerPixel", 0xA20E: "FocalPlaneXRes",
    0xA20F: "FocalPlaneYRes", 0xA210: "FocalPlaneResUnit", 0xA407: "GainControl", 0xA408: "Contrast",
    0xA409: "Saturation", 0xA40A: "Sharpness", 0xA40C: "SubjectDistanceRange", 0x8830: "SensitivityType",
    0xEA1C: "Padding", 0xEA1D: "OffsetSchema", 0x9C9B: "XPTitle",
}  # fmt: skip


def tag_name(tag: int) -> str:
    if tag in SENSITIVE:
        return SENSITIVE[tag][1]
    return TAG_NAMES.get(tag) or GEOTIFF_TAGS.get(tag) or f"0x{tag:04X}"


# GPS tags that hold a position: latitude, longitude, and the destination's latitude and longitude.
GPS_POSITION_TAGS = ((2, 1, 4, 3), (0x14, 0x13, 0x16, 0x15))
GPS_AREA_INFORMATION = 0x001C
INTEROP_HARMLESS = {0x0001, 0x0002, 0x1000, 0x1001, 0x1002}  # index "R98", version, related-image size


def gps_coordinates(reader: TiffReader, entries: list[Entry]) -> tuple[float | None, float | None] | None:
    """(latitude, longitude) in signed degrees of a GPS directory (either may be None when only one is
    there), or None when the directory holds no coordinate at all."""
    by_tag = {e.tag: e for e in entries}

    def coord(value_tag: int, ref_tag: int, neg: str) -> float | None:
        entry = by_tag.get(value_tag)
        if entry is None:
            return None
        parts = reader.rationals(entry)
        if not parts:
            return None
        degrees = sum(p / 60**i for i, p in enumerate(parts[:3]))
        ref = text_value(by_tag[ref_tag]).strip().upper()[:1] if ref_tag in by_tag else ""
        return -degrees if ref == neg else degrees

    for lat_tag, lat_ref, lon_tag, lon_ref in GPS_POSITION_TAGS:
        lat, lon = coord(lat_tag, lat_ref, "S"), coord(lon_tag, lon_ref, "W")
        if lat is not None or lon is not None:
            return lat, lon
    return None


def position_params(lat: float | None, lon: float | None) -> dict[str, str]:
    """The parameters of Note.POSITION ('?' for a missing half)."""
    return {
        "lat": "?" if lat is None else f"{abs(lat):.1f}",
        "ns": "S" if lat is not None and lat < 0 else "N",
        "lon": "?" if lon is None else f"{abs(lon):.1f}",
        "ew": "W" if lon is not None and lon < 0 else "E",
    }


def report_gps(reader: TiffReader, entries: list[Entry], where: str, col: Collector) -> None:
    """A position as GPS (what the GPS badge means); a directory without one as GPS_FIELDS, still removed."""
    coords = gps_coordinates(reader, entries)
    if coords is not None and coords != (0.0, 0.0):
        col.note(K.GPS, where, "GPS", Note.POSITION, **position_params(*coords))
    elif coords is not None:
        col.note(K.GPS_FIELDS, where, "GPS", Note.GPS_NULL_ISLAND)
    elif entries:
        col.note(K.GPS_FIELDS, where, "GPS", Note.GPS_NO_POSITION, count=len(entries))
    else:
        col.note(K.GPS_FIELDS, where, "GPS", Note.GPS_EMPTY)
    for entry in entries:
        if entry.tag == GPS_AREA_INFORMATION and entry.data:
            col.add(K.LOCATION, where, "GPSAreaInformation", text_value(entry))


def scan_tiff_structure(
    buf: bytes | memoryview,
    where: str,
    col: Collector,
    *,
    base: int = 0,
    image_file: bool = False,
    nested: Callable[[int, bytes, str, Collector], None] | None = None,
) -> None:
    """Report every non-allowlisted tag of an EXIF block (or, with image_file, a TIFF file).

    `nested(tag, data, where, col)` is called for XMP, IPTC, Photoshop and ICC payloads found in tags.
    """
    try:
        reader = TiffReader(buf, base)
        chain = list(reader.walk_chain())
    except (ExifFormatError, struct.error) as exc:
        col.note(K.UNKNOWN_SEGMENT, where, "unreadable EXIF", Note.UNREADABLE, reason=exc)
        return
    for index, entries in chain:
        if index == 0:
            make = next((text_value(e) for e in entries if e.tag == 0x010F), "")
            _scan_ifd(reader, entries, f"{where} IFD0", col, nested, make=make, block=where)
            if image_file:
                _scan_jpeg_in_tiff(reader, entries, where, col)
        elif image_file:
            col.note(K.EMBEDDED_IMAGE, where, f"IFD{index}", Note.FURTHER_IMAGE)
        else:
            col.note(K.THUMBNAIL, f"{where} IFD{index}", "thumbnail", Note.THUMBNAIL_IMAGE)


def _scan_ifd(
    reader: TiffReader,
    entries: list[Entry],
    where: str,
    col: Collector,
    nested,
    depth: int = 0,
    make: str = "",
    block: str = "EXIF",
) -> None:
    for entry in entries:
        tag = entry.tag
        if tag in (TAG_EXIF_IFD, TAG_GPS_IFD, TAG_INTEROP_IFD) and depth < 3:
            pointer = reader.ints(entry)
            sub_where = (
                f"{block} "
                + {TAG_EXIF_IFD: "SubIFD", TAG_GPS_IFD: "GPS IFD", TAG_INTEROP_IFD: "Interop"}[tag]
            )
            sub_entries: list[Entry] = []
            if pointer:
                try:
                    sub_entries, _ = reader.read_ifd(pointer[0])
                except (ExifFormatError, struct.error) as exc:
                    col.note(
                        K.UNKNOWN_SEGMENT, sub_where, "unreadable directory", Note.UNREADABLE, reason=exc
                    )
            if tag == TAG_GPS_IFD:
                report_gps(reader, sub_entries, sub_where, col)
            elif tag == TAG_EXIF_IFD:
                _scan_ifd(reader, sub_entries, sub_where, col, nested, depth + 1, make, block)
            else:
                # Interop normally holds only the "R98" compatibility index; anything else in it is reported.
                extra = [e for e in sub_entries if e.tag not in INTEROP_HARMLESS]
                _scan_ifd(reader, extra, sub_where, col, nested, 3, make, block)
            continue
        if tag in HARMLESS:
            continue
        if tag in (TAG_XMP, TAG_IPTC, TAG_PHOTOSHOP, TAG_ICC) and nested is not None:
            nested(tag, entry.data, where, col)
            continue
        if tag in GEOTIFF_TAGS:
            col.note(K.GPS, where, GEOTIFF_TAGS[tag], Note.GEOTIFF)
            continue
        if tag in SENSITIVE:
            kind, name, press = SENSITIVE[tag]
            if kind is K.MAKER_NOTE:
                col.note(kind, where, name, Note.BYTES, count=len(entry.data))
                from photoarchive.privacy.makernotes import scan_maker_note  # after exif: it builds on it

                scan_maker_note(reader, entry, make, col)
            elif kind in (K.EMBEDDED_IMAGE, K.OTHER_METADATA) and entry.type not in (ASCII,):
                col.note(kind, where, name, Note.VALUES, count=entry.count)
            else:
                col.add(kind, where, name, value_text(reader, entry), press=press)
            continue
        col.other(where, tag_name(tag))


TAG_COMPRESSION, TAG_JPEG_TABLES = 0x0103, 0x015B
JPEG_COMPRESSION = 7
MAX_STRIPS_SCANNED = 4096


def _scan_jpeg_in_tiff(reader: TiffReader, entries: list[Entry], where: str, col: Collector) -> None:
    """A JPEG-compressed TIFF keeps whole JPEG streams in its strips or tiles and its JPEGTables: an APP1
    EXIF with GPS, a COM, anything after EOI in there travels with the pixels, so each is scanned as a JPEG."""
    import dataclasses

    from photoarchive.errors import PhotoarchiveError
    from photoarchive.privacy import jpeg

    by_tag = {e.tag: e for e in entries}
    compression = reader.ints(by_tag[TAG_COMPRESSION]) if TAG_COMPRESSION in by_tag else []
    if compression[:1] != [JPEG_COMPRESSION]:
        return
    tables = by_tag.get(TAG_JPEG_TABLES)
    if tables is not None:
        _scan_jpeg_tables(tables.data, f"{where} JPEGTables", col)
    offsets_tag, counts_tag = (0x0144, 0x0145) if 0x0144 in by_tag else (0x0111, 0x0117)
    if offsets_tag not in by_tag or counts_tag not in by_tag:
        return
    seen: set[tuple[str, str, str]] = set()
    pairs = zip(reader.ints(by_tag[offsets_tag]), reader.ints(by_tag[counts_tag]), strict=False)
    for index, (offset, count) in enumerate(pairs):
        if index >= MAX_STRIPS_SCANNED:
            break
        try:
            stream = reader._bytes(offset, count)
        except ExifFormatError:
            continue
        if not stream.startswith(b"\xff\xd8"):
            continue
        found = Collector(col.expected)
        try:
            layout = jpeg.parse(stream, "strip")
        except PhotoarchiveError:
            continue  # a strip a decoder cannot read either: the decode reports it
        jpeg.scan_segments(stream, layout, found)
        jpeg.scan_after_end(stream, layout.eoi_end, found)
        for finding in found.result():
            key = (str(finding.kind), finding.tag, finding.excerpt)
            if key not in seen:  # the same block in every strip is one finding
                seen.add(key)
                place = f"{col.prefix}{where} strip {index + 1} {finding.where}"
                col.findings.append(dataclasses.replace(finding, where=place))


def _scan_jpeg_tables(data: bytes, where: str, col: Collector) -> None:
    """The abbreviated JPEG stream of tag JPEGTables (SOI, tables, EOI): anything but tables is reported."""
    from photoarchive.privacy.findings import excerpt

    pos = 2 if data.startswith(b"\xff\xd8") else 0
    while pos + 2 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xD9:  # the closing EOI is 2 bytes, with no length field
            pos += 2
            break
        if pos + 4 > len(data):
            break
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        payload = data[pos + 4 : pos + 2 + length]
        if marker == 0xFE:
            col.add(K.COMMENT, where, "COM", payload)
        elif marker not in (0xC4, 0xDB, 0xDD, 0xCC):
            col.note(K.UNKNOWN_SEGMENT, where, f"marker 0x{marker:02X}", Note.BYTES_SHOWING,
                     count=len(payload), text=excerpt(payload, 60))  # fmt: skip
        pos += 2 + length
    rest = data[pos:]
    if rest.strip(b"\x00"):
        col.note(
            K.HIDDEN_DATA, where, "JPEGTables", Note.BYTES_SHOWING, count=len(rest), text=excerpt(rest, 60)
        )
