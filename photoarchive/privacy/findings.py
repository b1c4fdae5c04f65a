"""What a scan reports: one `Finding` per piece of personal or non-allowlisted data in a file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class FindingKind(StrEnum):
    GPS = "gps"  # a real position (coordinates); `ScanReport.has_gps` means exactly this
    GPS_FIELDS = "gps_fields"  # GPS fields without a position (an empty directory, version, map datum …)
    SERIAL = "serial"
    OWNER = "owner"
    MAKER_NOTE = "maker_note"
    THUMBNAIL = "thumbnail"
    EMBEDDED_IMAGE = "embedded_image"
    XMP_HISTORY = "xmp_history"
    DOCUMENT_ID = "document_id"
    FACE_REGION = "face_region"
    LOCATION = "location"
    CONTACT = "contact"
    COMMENT = "comment"
    TRAILER = "trailer"
    HIDDEN_DATA = "hidden_data"  # bytes inside an image segment/chunk beyond what its format defines
    UNKNOWN_SEGMENT = "unknown_segment"
    TEXT_CHUNK = "text_chunk"
    CAPTURE_DATE = "capture_date"
    SOFTWARE = "software"
    DEVICE = "device"
    ICC_HARDWARE = "icc_hardware"
    OTHER_METADATA = "other_metadata"

    @property
    def label(self) -> str:
        """A short plain-language name of the kind, for headings in reports."""
        return _LABELS[self]


# Plain sentences, one per kind, kept simple so that they translate well. "{excerpt}" is the value seen.
_LABELS: dict[FindingKind, str] = {
    FindingKind.GPS: "GPS position",
    FindingKind.GPS_FIELDS: "GPS fields without a position",
    FindingKind.SERIAL: "serial number or unique ID",
    FindingKind.OWNER: "name of a person or owner",
    FindingKind.MAKER_NOTE: "camera maker's private notes",
    FindingKind.THUMBNAIL: "embedded thumbnail",
    FindingKind.EMBEDDED_IMAGE: "embedded extra image",
    FindingKind.XMP_HISTORY: "editing history",
    FindingKind.DOCUMENT_ID: "document ID",
    FindingKind.FACE_REGION: "marked face or person region",
    FindingKind.LOCATION: "place name",
    FindingKind.CONTACT: "contact details",
    FindingKind.COMMENT: "caption, comment or keywords",
    FindingKind.TRAILER: "data after the end of the image",
    FindingKind.HIDDEN_DATA: "data hidden inside the image structure",
    FindingKind.UNKNOWN_SEGMENT: "unknown data block",
    FindingKind.TEXT_CHUNK: "text block",
    FindingKind.CAPTURE_DATE: "date and time",
    FindingKind.SOFTWARE: "software or computer name",
    FindingKind.DEVICE: "camera or lens model",
    FindingKind.ICC_HARDWARE: "colour profile naming a device",
    FindingKind.OTHER_METADATA: "other metadata",
}

_TEMPLATES: dict[FindingKind, str] = {
    FindingKind.GPS: "GPS position {excerpt}",
    FindingKind.GPS_FIELDS: "GPS fields without a position ({tag}): {excerpt}",
    FindingKind.SERIAL: "Serial number or unique ID ({tag}): {excerpt}",
    FindingKind.OWNER: "Name of a person or owner ({tag}): {excerpt}",
    FindingKind.MAKER_NOTE: "Camera maker's private notes ({excerpt})",
    FindingKind.THUMBNAIL: "Embedded thumbnail ({excerpt})",
    FindingKind.EMBEDDED_IMAGE: "Embedded extra image ({excerpt})",
    FindingKind.XMP_HISTORY: "Editing history ({tag}): {excerpt}",
    FindingKind.DOCUMENT_ID: "Document ID ({tag}): {excerpt}",
    FindingKind.FACE_REGION: "Marked face or person region ({tag}): {excerpt}",
    FindingKind.LOCATION: "Place name ({tag}): {excerpt}",
    FindingKind.CONTACT: "Contact details ({tag}): {excerpt}",
    FindingKind.COMMENT: "Caption, comment or keywords ({tag}): {excerpt}",
    FindingKind.TRAILER: "Data after the end of the image ({excerpt})",
    FindingKind.HIDDEN_DATA: "Data hidden inside the image structure ({tag}): {excerpt}",
    FindingKind.UNKNOWN_SEGMENT: "Unknown data block ({tag}): {excerpt}",
    FindingKind.TEXT_CHUNK: "Text block ({tag}): {excerpt}",
    FindingKind.CAPTURE_DATE: "Date and time ({tag}): {excerpt}",
    FindingKind.SOFTWARE: "Software or computer name ({tag}): {excerpt}",
    FindingKind.DEVICE: "Camera or lens model ({tag}): {excerpt}",
    FindingKind.ICC_HARDWARE: "Colour profile naming a device: {excerpt}",
    FindingKind.OTHER_METADATA: "Other metadata ({tag}): {excerpt}",
}

EXCERPT_CHARS = 80


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A short, printable, single-line rendering of a value for reports."""
    if isinstance(value, bytes | bytearray | memoryview):
        cut = len(value) > limit * 4
        raw = bytes(value[: limit * 4])  # enough for the excerpt; a trailer may be megabytes
        # A cut may split a UTF-8 sequence at the very end; judge the encoding without those bytes.
        utf8 = raw.isascii() or any(_is_utf8(raw[: len(raw) - k]) for k in (range(4) if cut else (0,)))
        text = raw.decode("utf-8", "ignore") if utf8 else raw.decode("latin-1")
    else:
        text = str(value)
    if len(text) > limit * 4:
        text = text[: limit * 4]
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class Note(StrEnum):
    """Codes of the descriptions a scan writes itself (rather than quoting a value from the file), so that the
    window can say them in the user's language from the code and `Finding.params`."""

    POSITION = "position"  # {lat} {ns} {lon} {ew}: "59.2° N 9.6° E"
    GPS_EMPTY = "gps_empty"
    GPS_NO_POSITION = "gps_no_position"  # {count}
    GPS_NULL_ISLAND = "gps_null_island"
    GEOTIFF = "geotiff"
    BYTES = "bytes"  # {count}
    BYTES_SHOWING = "bytes_showing"  # {count} {text}: the first bytes of an unknown block, as text
    VALUES = "values"  # {count}
    PIXELS = "pixels"  # {width} {height}
    THUMBNAIL_IMAGE = "thumbnail_image"
    FURTHER_IMAGE = "further_image"
    JPEG_AFTER_END = "jpeg_after_end"  # {count}
    MPF_IMAGES = "mpf_images"  # {count}
    MPF_INDEX = "mpf_index"
    IMAGES = "images"  # {count}
    THUMBNAILS = "thumbnails"  # {count}
    DEPTH_IMAGES = "depth_images"  # {count}
    AUX_IMAGES = "aux_images"  # {type} {count}
    FIELDS = "fields"  # {count} {names}
    FIELDS_AND_MORE = "fields_and_more"  # {count} {names} {more}: the first eight names, and how many more
    C2PA = "c2pa"  # {count}
    UNREADABLE = "unreadable"  # {reason}
    MALFORMED = "malformed"


_NOTES: dict[Note, str] = {
    Note.POSITION: "{lat}° {ns} {lon}° {ew}",
    Note.GPS_EMPTY: "empty GPS directory",
    Note.GPS_NO_POSITION: "GPS directory with {count} fields, no position",
    Note.GPS_NULL_ISLAND: "coordinates 0° 0° (no position fix)",
    Note.GEOTIFF: "GeoTIFF map position",
    Note.BYTES: "{count} bytes",
    Note.BYTES_SHOWING: "{count} bytes: {text}",
    Note.VALUES: "{count} values",
    Note.PIXELS: "{width}×{height} pixels",
    Note.THUMBNAIL_IMAGE: "thumbnail image of the photo",
    Note.FURTHER_IMAGE: "further image in the file",
    Note.JPEG_AFTER_END: "{count} bytes holding a JPEG image",
    Note.MPF_IMAGES: "{count} images in the file (secondary images after the end of the main one)",
    Note.MPF_INDEX: "multi-picture index",
    Note.IMAGES: "{count} top-level images in the file",
    Note.THUMBNAILS: "{count} thumbnail images",
    Note.DEPTH_IMAGES: "{count} depth images",
    Note.AUX_IMAGES: "{type} ({count})",
    Note.FIELDS: "{names}",
    Note.FIELDS_AND_MORE: "{names} and {more} more",
    Note.C2PA: "content credentials (C2PA) with {count} manifests",
    Note.UNREADABLE: "unreadable: {reason}",
    Note.MALFORMED: "malformed",
}


# English singulars of the notes that count something ("1 field", not "1 fields").
_SINGULAR: dict[Note, str] = {
    Note.GPS_NO_POSITION: "GPS directory with 1 field, no position",
    Note.BYTES: "1 byte",
    Note.BYTES_SHOWING: "1 byte: {text}",
    Note.VALUES: "1 value",
    Note.THUMBNAILS: "1 thumbnail image",
    Note.DEPTH_IMAGES: "1 depth image",
    Note.C2PA: "content credentials (C2PA) with 1 manifest",
}


def note_text(note: Note | str, params: Mapping[str, object]) -> str:
    """The English wording of a note (the CLI's; the window translates `note` itself, with its plurals)."""
    code = Note(note)
    template = _SINGULAR.get(code) if str(params.get("count")) == "1" else None
    return (template or _NOTES[code]).format(**params)


@dataclass(frozen=True)
class Finding:
    """One piece of data that would leave with the file. `where` names the container, `tag` the field.

    `excerpt` is the value as seen in the file, or, when `note` is set, the English wording of what the scan
    says about it; `note` and `params` are that statement as a code and its parameters, for translation.
    """

    kind: FindingKind
    where: str
    tag: str
    excerpt: str = ""
    note: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @property
    def value(self) -> str:
        """The value quoted from the file ('' when the finding is a statement of the scan's own)."""
        return "" if self.note else self.excerpt

    @property
    def message(self) -> tuple[str, dict[str, str]]:
        """(code, parameters) of the whole sentence, e.g. ("gps", {"tag": …, "excerpt": …, "note": …})."""
        params = {"tag": self.tag or self.where, "where": self.where, "excerpt": self.excerpt}
        if self.note:
            params["note"] = self.note
            params.update(self.params)
        return str(self.kind.value), params

    def describe(self) -> str:
        """One English sentence for the user, e.g. "GPS position 59.2° N 9.6° E"."""
        text = _TEMPLATES[self.kind].format(excerpt=self.excerpt or "present", tag=self.tag or self.where)
        return text.replace(" ()", "")


@dataclass
class ScanReport:
    """Everything a file would carry out of the archive besides its pixels, orientation and colour profile."""

    path: Path
    format: str
    findings: list[Finding] = field(default_factory=list)
    # With scan(keep_parse=True): the file's bytes and the structure the scan parsed (a JpegLayout, PNG
    # chunk list, TiffImage …), for a caller that reads more from the same file (ingest's metadata).
    parse: tuple[bytes, Any] | None = field(default=None, repr=False, compare=False)

    @property
    def clean(self) -> bool:
        return not self.findings

    @property
    def kinds(self) -> set[FindingKind]:
        return {f.kind for f in self.findings}

    @property
    def has_gps(self) -> bool:
        return FindingKind.GPS in self.kinds

    @property
    def has_serial(self) -> bool:
        return FindingKind.SERIAL in self.kinds

    @property
    def has_owner(self) -> bool:
        return FindingKind.OWNER in self.kinds

    def by_kind(self) -> dict[FindingKind, list[Finding]]:
        """Findings grouped by kind, in the order of `FindingKind`."""
        groups: dict[FindingKind, list[Finding]] = {}
        for kind in FindingKind:
            items = [f for f in self.findings if f.kind is kind]
            if items:
                groups[kind] = items
        return groups

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "format": self.format,
            "clean": self.clean,
            "has_gps": self.has_gps,
            "has_serial": self.has_serial,
            "has_owner": self.has_owner,
            "findings": [
                {
                    "kind": f.kind.value,
                    "where": f.where,
                    "tag": f.tag,
                    "excerpt": f.excerpt,
                    "note": f.note,
                    "params": dict(f.params),
                    "description": f.describe(),
                }
                for f in self.findings
            ],
        }
