"""What a scan reports: one `Finding` per piece of personal or non-allowlisted data in a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class FindingKind(StrEnum):
    GPS = "gps"
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


@dataclass(frozen=True)
class Finding:
    """One piece of data that would leave with the file. `where` names the container, `tag` the field."""

    kind: FindingKind
    where: str
    tag: str
    excerpt: str = ""

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
            "findings": [
                {
                    "kind": f.kind.value,
                    "where": f.where,
                    "tag": f.tag,
                    "excerpt": f.excerpt,
                    "description": f.describe(),
                }
                for f in self.findings
            ],
        }
