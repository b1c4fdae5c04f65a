"""TIFF/EXIF directories: a bounds-checked reader, the privacy classification of every tag, and a small
writer for the fresh EXIF block of a published copy. Used for JPEG APP1, PNG eXIf, WebP EXIF, HEIC Exif
items and TIFF files themselves."""

from __future__ import annotations

import logging
import struct
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import NamedTuple

from photoarchive.media.dates import parse_exif_datetime
from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note

log = logging.getLogger(__name__)

TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 1, 2, 3, 4, 5, 7
MAX_ENTRIES = 4096  # no real directory has more; a larger count is garbage

TAG_ORIENTATION = 0x0112
TAG_EXIF_IFD = 0x8769
TAG_GPS_IFD = 0x8825
TAG_INTEROP_IFD = 0xA005
TAG_XMP = 0x02BC
TAG_IPTC = 0x83BB
TAG_PHOTOSHOP = 0x8649
TAG_ICC = 0x8773
TAG_ARTIST = 0x013B
TAG_COPYRIGHT = 0x8298
TAG_DATETIME = 0x0132
TAG_DATETIME_ORIGINAL = 0x9003
TAG_DATETIME_DIGITIZED = 0x9004
TAG_OFFSET_TIME = 0x9010
TAG_OFFSET_TIME_ORIGINAL = 0x9011
TAG_OFFSET_TIME_DIGITIZED = 0x9012


class ExifFormatError(ValueError):
    """The block is not a readable TIFF structure (bad header, offsets outside the block, loops)."""


class Entry(NamedTuple):
    tag: int
    type: int
    count: int
    data: bytes  # the raw value bytes, in the block's byte order
    data_offset: int  # where the value lives, relative to the TIFF header


class TiffReader:
    """Reads the directories of a classic TIFF structure held in memory (EXIF blocks are TIFF too)."""

    def __init__(self, buf: bytes | memoryview, base: int = 0) -> None:
        self.buf = buf
        self.base = base
        head = bytes(buf[base : base + 8])
        if len(head) < 8:
            raise ExifFormatError("too short for a TIFF header")
        if head[:2] == b"II":
            self.order = "<"
        elif head[:2] == b"MM":
            self.order = ">"
        else:
            raise ExifFormatError("no TIFF byte-order mark")
        magic, self.first_ifd = struct.unpack(self.order + "HI", head[2:8])
        if magic == 43:
            raise ExifFormatError("BigTIFF is not supported")
        if magic != 42:
            raise ExifFormatError("bad TIFF magic number")
        self.size = len(buf) - base

    def _bytes(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > self.size:
            raise ExifFormatError(f"offset {offset}+{length} outside the {self.size}-byte block")
        return bytes(self.buf[self.base + offset : self.base + offset + length])

    def read_ifd(self, offset: int) -> tuple[list[Entry], int]:
        """The entries of the directory at `offset` and the offset of the next directory (0: none)."""
        (count,) = struct.unpack(self.order + "H", self._bytes(offset, 2))
        if count > MAX_ENTRIES:
            raise ExifFormatError(f"directory claims {count} entries")
        table = self._bytes(offset + 2, 12 * count + 4)
        entries: list[Entry] = []
        for i in range(count):
            tag, typ, n = struct.unpack(self.order + "HHI", table[12 * i : 12 * i + 8])
            size = TYPE_SIZES.get(typ)
            if size is None:
                continue  # unknown type: unreadable, and never copied anywhere
            length = size * n
            if length <= 4:
                data = table[12 * i + 8 : 12 * i + 8 + length]
                where = offset + 2 + 12 * i + 8
            else:
                (where,) = struct.unpack(self.order + "I", table[12 * i + 8 : 12 * i + 12])
                try:
                    data = self._bytes(where, length)
                except ExifFormatError:
                    log.debug("tag 0x%04x points outside the block", tag)
                    data = b""
            entries.append(Entry(tag, typ, n, data, where))
        (next_ifd,) = struct.unpack(self.order + "I", table[12 * count : 12 * count + 4])
        return entries, next_ifd

    def walk_chain(self) -> Iterator[tuple[int, list[Entry]]]:
        """IFD0, IFD1, … as (index, entries); stops at a loop or a broken link."""
        seen: set[int] = set()
        offset, index = self.first_ifd, 0
        while offset and offset not in seen and index < 64:
            seen.add(offset)
            entries, offset = self.read_ifd(offset)
            yield index, entries
            index += 1

    def ints(self, entry: Entry) -> list[int]:
        fmt = {BYTE: "B", 6: "b", SHORT: "H", 8: "h", LONG: "I", 9: "i", 13: "I", UNDEFINED: "B"}.get(
            entry.type
        )
        if fmt is None or not entry.data:
            return []
        n = len(entry.data) // struct.calcsize(fmt)
        return list(struct.unpack(f"{self.order}{n}{fmt}", entry.data[: n * struct.calcsize(fmt)]))

    def rationals(self, entry: Entry) -> list[float]:
        if entry.type not in (RATIONAL, 10) or not entry.data:
            return []
        code = "I" if entry.type == RATIONAL else "i"
        n = len(entry.data) // 8
        nums = struct.unpack(f"{self.order}{2 * n}{code}", entry.data[: 8 * n])
        return [nums[i] / nums[i + 1] for i in range(0, 2 * n, 2) if nums[i + 1]]


def text_value(entry: Entry) -> str:
    """A tag's value as text: ASCII/UTF-8 strings, EXIF UserComment, Windows XP* UTF-16 tags."""
    raw = entry.data
    if entry.tag in (0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F):
        return raw.decode("utf-16-le", "replace").rstrip("\x00")
    if entry.tag == 0x9286 and len(raw) >= 8:  # UserComment: 8-byte character-code prefix
        code, body = raw[:8], raw[8:]
        if code.startswith(b"UNICODE"):
            for enc in ("utf-16-be", "utf-16-le"):
                try:
                    return body.decode(enc).rstrip("\x00 ")
                except UnicodeDecodeError:
                    continue
        raw = body
    raw = raw.rstrip(b"\x00 ")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def value_text(reader: TiffReader, entry: Entry) -> str:
    """A tag's value for reports: text as text, numbers as numbers (LensSpecification "24 105 4 4")."""
    if entry.type in (RATIONAL, 10):
        return " ".join(f"{v:g}" for v in reader.rationals(entry))
    if entry.type in (SHORT, LONG, 8, 9):
        return " ".join(str(v) for v in reader.ints(entry))
    return text_value(entry)


# -- classification ----------------------------------------------------------------------------------

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


# -- values read from the source ----------------------------------------------------------------------


def read_orientation(blob: bytes | memoryview, base: int = 0) -> int | None:
    """EXIF Orientation (1–8) of IFD0, None when absent or unreadable."""
    try:
        reader = TiffReader(blob, base)
        entries, _ = reader.read_ifd(reader.first_ifd)
    except (ExifFormatError, struct.error):
        return None
    for entry in entries:
        if entry.tag == TAG_ORIENTATION:
            values = reader.ints(entry)
            if values and 1 <= values[0] <= 8:
                return values[0]
    return None


def main_directories(reader: TiffReader) -> tuple[dict[int, Entry], dict[int, Entry]]:
    """IFD0 and its Exif sub-directory, by tag. A broken sub-directory reads as empty, so IFD0's camera
    and orientation stay readable; a broken IFD0 raises ExifFormatError or struct.error."""
    ifd0 = {e.tag: e for e in reader.read_ifd(reader.first_ifd)[0]}
    pointer = reader.ints(ifd0[TAG_EXIF_IFD]) if TAG_EXIF_IFD in ifd0 else []
    if not pointer:
        return ifd0, {}
    try:
        return ifd0, {e.tag: e for e in reader.read_ifd(pointer[0])[0]}
    except (ExifFormatError, struct.error):
        return ifd0, {}


# Where the capture date is taken from, in order, each date with the tag of its UTC offset (EXIF 2.31).
CAPTURE_DATE_TAGS = (
    (TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL),
    (TAG_DATETIME_DIGITIZED, TAG_OFFSET_TIME_DIGITIZED),
    (TAG_DATETIME, TAG_OFFSET_TIME),
)


def capture_date(ifd0: dict[int, Entry], sub: dict[int, Entry]) -> datetime | None:
    """The capture date of EXIF directories (`main_directories`): DateTimeOriginal, else DateTimeDigitized,
    else DateTime, the first that reads as a date; the camera's wall-clock time, with its OffsetTime*
    where the camera wrote one (see `photoarchive.media.dates`). The catalog and a published copy take it
    from here."""
    found = {**ifd0, **sub}  # some writers put the Exif tags in IFD0

    def text(tag: int) -> str:
        return text_value(found[tag]).replace("\x00", "") if tag in found else ""

    for date_tag, offset_tag in CAPTURE_DATE_TAGS:
        stamp = parse_exif_datetime(text(date_tag), text(offset_tag))
        if stamp is not None:
            return stamp
    return None


def read_capture_date(blob: bytes | memoryview, base: int = 0) -> datetime | None:
    """`capture_date` of an EXIF block whose TIFF structure starts at ``base``; None when it is unreadable."""
    try:
        return capture_date(*main_directories(TiffReader(blob, base)))
    except (ExifFormatError, struct.error):
        return None


# -- writing --------------------------------------------------------------------------------------------


class NewEntry(NamedTuple):
    tag: int
    type: int
    count: int
    data: bytes  # value bytes in the writer's byte order


def ascii_entry(tag: int, text: str) -> NewEntry:
    raw = text.encode("utf-8") + b"\x00"
    return NewEntry(tag, ASCII, len(raw), raw)


def short_entry(tag: int, value: int, order: str = "<") -> NewEntry:
    return NewEntry(tag, SHORT, 1, struct.pack(order + "H", value))


def long_entry(tag: int, values: list[int], order: str = "<") -> NewEntry:
    return NewEntry(tag, LONG, len(values), struct.pack(f"{order}{len(values)}I", *values))


def pack_ifd(entries: list[NewEntry], offset: int, order: str, next_ifd: int = 0) -> bytes:
    """A directory placed at `offset` followed by its out-of-line values (word-aligned)."""
    entries = sorted(entries, key=lambda e: e.tag)
    table_size = 2 + 12 * len(entries) + 4
    data_pos = offset + table_size
    table = [struct.pack(order + "H", len(entries))]
    values: list[bytes] = []
    for entry in entries:
        if len(entry.data) <= 4:
            table.append(
                struct.pack(order + "HHI", entry.tag, entry.type, entry.count) + entry.data.ljust(4, b"\x00")
            )
        else:
            table.append(struct.pack(order + "HHII", entry.tag, entry.type, entry.count, data_pos))
            padded = entry.data + (b"\x00" if len(entry.data) % 2 else b"")
            values.append(padded)
            data_pos += len(padded)
    table.append(struct.pack(order + "I", next_ifd))
    return b"".join(table) + b"".join(values)


def build_exif(
    orientation: int | None, artist: str = "", copyright: str = "", capture_date: datetime | None = None
) -> bytes:
    """A fresh little-endian TIFF-structured EXIF block with only what a published copy may carry."""
    order = "<"
    ifd0: list[NewEntry] = []
    if orientation is not None:
        ifd0.append(short_entry(TAG_ORIENTATION, orientation))
    if artist:
        ifd0.append(ascii_entry(TAG_ARTIST, artist))
    if copyright:
        ifd0.append(ascii_entry(TAG_COPYRIGHT, copyright))
    if capture_date is None and not ifd0:
        return b""
    if capture_date is None:
        return b"II*\x00" + struct.pack("<I", 8) + pack_ifd(ifd0, 8, order)
    # The Exif sub-directory goes after IFD0; its offset depends on IFD0's size, which the pointer does not change.
    ifd0.append(long_entry(TAG_EXIF_IFD, [0]))
    size0 = len(pack_ifd(ifd0, 8, order))
    ifd0[-1] = long_entry(TAG_EXIF_IFD, [8 + size0])
    sub = [
        NewEntry(0x9000, UNDEFINED, 4, b"0232"),
        ascii_entry(TAG_DATETIME_ORIGINAL, capture_date.strftime("%Y:%m:%d %H:%M:%S")),
    ]
    offset = capture_date.strftime("%z")
    if offset:
        sub.append(ascii_entry(TAG_OFFSET_TIME_ORIGINAL, f"{offset[:3]}:{offset[3:]}"))
    return b"II*\x00" + struct.pack("<I", 8) + pack_ifd(ifd0, 8, order) + pack_ifd(sub, 8 + size0, order)
