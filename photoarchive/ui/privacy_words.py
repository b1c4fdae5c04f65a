"""Privacy findings in plain words, in the user's language, for the inspector and the approval dialog."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from photoarchive.catalog.photos import PhotoRecord

log = logging.getLogger(__name__)

# The same sentences as the privacy module's English `Finding.describe()`, listed here so that the
# translation tools find them; "{excerpt}" is the value seen and "{tag}" the field it was found in.
_TEMPLATES: dict[str, str] = {
    "gps": QT_TRANSLATE_NOOP("PrivacyFinding", "GPS position {excerpt}"),
    "serial": QT_TRANSLATE_NOOP("PrivacyFinding", "Serial number or unique ID ({tag}): {excerpt}"),
    "owner": QT_TRANSLATE_NOOP("PrivacyFinding", "Name of a person or owner ({tag}): {excerpt}"),
    "maker_note": QT_TRANSLATE_NOOP("PrivacyFinding", "Camera maker's private notes ({excerpt})"),
    "thumbnail": QT_TRANSLATE_NOOP("PrivacyFinding", "Embedded thumbnail ({excerpt})"),
    "embedded_image": QT_TRANSLATE_NOOP("PrivacyFinding", "Embedded extra image ({excerpt})"),
    "xmp_history": QT_TRANSLATE_NOOP("PrivacyFinding", "Editing history ({tag}): {excerpt}"),
    "document_id": QT_TRANSLATE_NOOP("PrivacyFinding", "Document ID ({tag}): {excerpt}"),
    "face_region": QT_TRANSLATE_NOOP("PrivacyFinding", "Marked face or person region ({tag}): {excerpt}"),
    "location": QT_TRANSLATE_NOOP("PrivacyFinding", "Place name ({tag}): {excerpt}"),
    "contact": QT_TRANSLATE_NOOP("PrivacyFinding", "Contact details ({tag}): {excerpt}"),
    "comment": QT_TRANSLATE_NOOP("PrivacyFinding", "Caption, comment or keywords ({tag}): {excerpt}"),
    "trailer": QT_TRANSLATE_NOOP("PrivacyFinding", "Data after the end of the image ({excerpt})"),
    "unknown_segment": QT_TRANSLATE_NOOP("PrivacyFinding", "Unknown data block ({tag}): {excerpt}"),
    "text_chunk": QT_TRANSLATE_NOOP("PrivacyFinding", "Text block ({tag}): {excerpt}"),
    "capture_date": QT_TRANSLATE_NOOP("PrivacyFinding", "Date and time ({tag}): {excerpt}"),
    "software": QT_TRANSLATE_NOOP("PrivacyFinding", "Software or computer name ({tag}): {excerpt}"),
    "device": QT_TRANSLATE_NOOP("PrivacyFinding", "Camera or lens model ({tag}): {excerpt}"),
    "icc_hardware": QT_TRANSLATE_NOOP("PrivacyFinding", "Colour profile naming a device: {excerpt}"),
    "other_metadata": QT_TRANSLATE_NOOP("PrivacyFinding", "Other metadata ({tag}): {excerpt}"),
    "gps_fields": QT_TRANSLATE_NOOP("PrivacyFinding", "GPS fields without a position ({tag}): {excerpt}"),
    "hidden_data": QT_TRANSLATE_NOOP("PrivacyFinding", "Hidden bytes inside the file ({tag}): {excerpt}"),
}


_GENERIC = QT_TRANSLATE_NOOP("PrivacyFinding", "Other data ({tag}): {excerpt}")

# What the scan says in its own words (`Finding.note`, photoarchive.privacy.findings.Note) rather than
# quoting the file: translated here from the code, filled with `Finding.params`.
_NOTES = {
    "position": QT_TRANSLATE_NOOP("PrivacyNote", "{lat}° {ns} {lon}° {ew}"),
    "gps_empty": QT_TRANSLATE_NOOP("PrivacyNote", "empty GPS directory"),
    "gps_no_position": QT_TRANSLATE_NOOP("PrivacyNote", "GPS directory with {count} fields, no position"),
    "gps_null_island": QT_TRANSLATE_NOOP("PrivacyNote", "coordinates 0° 0° (no position fix)"),
    "geotiff": QT_TRANSLATE_NOOP("PrivacyNote", "GeoTIFF map position"),
    "bytes": QT_TRANSLATE_NOOP("PrivacyNote", "{count} bytes"),
    "bytes_showing": QT_TRANSLATE_NOOP("PrivacyNote", "{count} bytes: {text}"),
    "values": QT_TRANSLATE_NOOP("PrivacyNote", "{count} values"),
    "pixels": QT_TRANSLATE_NOOP("PrivacyNote", "{width}×{height} pixels"),
    "thumbnail_image": QT_TRANSLATE_NOOP("PrivacyNote", "thumbnail image of the photo"),
    "further_image": QT_TRANSLATE_NOOP("PrivacyNote", "further image in the file"),
    "jpeg_after_end": QT_TRANSLATE_NOOP("PrivacyNote", "{count} bytes holding a JPEG image"),
    "mpf_images": QT_TRANSLATE_NOOP(
        "PrivacyNote", "{count} images in the file (secondary images after the end of the main one)"
    ),
    "mpf_index": QT_TRANSLATE_NOOP("PrivacyNote", "multi-picture index"),
    "images": QT_TRANSLATE_NOOP("PrivacyNote", "{count} top-level images in the file"),
    "thumbnails": QT_TRANSLATE_NOOP("PrivacyNote", "{count} thumbnail images"),
    "depth_images": QT_TRANSLATE_NOOP("PrivacyNote", "{count} depth images"),
    "aux_images": QT_TRANSLATE_NOOP("PrivacyNote", "{type} ({count})"),
    "fields": QT_TRANSLATE_NOOP("PrivacyNote", "{names}"),
    "fields_and_more": QT_TRANSLATE_NOOP("PrivacyNote", "{names} and {more} more"),
    "c2pa": QT_TRANSLATE_NOOP("PrivacyNote", "content credentials (C2PA) with {count} manifests"),
    "unreadable": QT_TRANSLATE_NOOP("PrivacyNote", "unreadable: {reason}"),
    "malformed": QT_TRANSLATE_NOOP("PrivacyNote", "malformed"),
}


_FIELDS_TAG = QT_TRANSLATE_NOOP("PrivacyNote", "{count} fields")


def _tag_words(finding) -> str:  # type: ignore[no-untyped-def]
    """The field a finding was seen in; a count of other fields ("4 fields") in the user's language."""
    if str(getattr(finding, "note", "")) in ("fields", "fields_and_more"):
        count = dict(getattr(finding, "params", ())).get("count", "")
        return QCoreApplication.translate("PrivacyNote", _FIELDS_TAG).replace("{count}", str(count))
    return finding.tag or finding.where


def _note_words(finding) -> str:  # type: ignore[no-untyped-def]
    """The scan's own statement about a finding in the user's language ('' where it quoted a value)."""
    template = _NOTES.get(str(getattr(finding, "note", "") or ""))
    if template is None:
        return ""
    text = QCoreApplication.translate("PrivacyNote", template)
    for name, value in getattr(finding, "params", ()):
        text = text.replace("{" + name + "}", str(value))
    return text


def describe(finding) -> str:  # type: ignore[no-untyped-def]
    """One finding as a sentence in the user's language (the privacy module's English as fallback)."""
    template = _TEMPLATES.get(str(getattr(finding.kind, "value", finding.kind)))
    if template is None:
        # A kind this window does not know (a newer scanner): a generic sentence, still translated.
        template = _GENERIC
    translated = QCoreApplication.translate("PrivacyFinding", template)
    present = QCoreApplication.translate("PrivacyFinding", "present")
    excerpt = _note_words(finding) or finding.excerpt or present
    text = translated.replace("{excerpt}", excerpt).replace("{tag}", _tag_words(finding))
    return text.replace(" ()", "")


def flags_in_words(record: PhotoRecord) -> list[str]:
    """What the ingest-time flags say, when a full scan of the original is not available."""
    words = []
    if record.has_gps:
        words.append(QCoreApplication.translate("PrivacyWords", "GPS position"))
    if record.has_serial:
        words.append(QCoreApplication.translate("PrivacyWords", "camera serial number"))
    if record.has_owner:
        words.append(QCoreApplication.translate("PrivacyWords", "owner or photographer name"))
    return words


def scan_in_words(original: Path) -> list[str]:
    """Scan the original with the privacy module (call on a worker) and describe each finding."""
    from photoarchive.privacy.scanning import scan

    report = scan(original)
    return [describe(finding) for finding in report.findings]


# -- the inspector's panel: what identifies a person or a place first, the rest in one line -----------

_GPS_RE = re.compile(r"(\d+(?:\.\d+)?)° ([NS])\W+(\d+(?:\.\d+)?)° ([EW])")

# Kinds that can identify a person or a place, in the order they are read out.
_RISK_ORDER = (
    "gps",
    "location",
    "face_region",
    "owner",
    "contact",
    "serial",
    "thumbnail",
    "embedded_image",
)

# Short names for the one line of "everything else".
_SHORT: dict[str, str] = {
    "maker_note": QT_TRANSLATE_NOOP("PrivacyPanel", "the camera maker's notes"),
    "xmp_history": QT_TRANSLATE_NOOP("PrivacyPanel", "editing history"),
    "document_id": QT_TRANSLATE_NOOP("PrivacyPanel", "document IDs"),
    "comment": QT_TRANSLATE_NOOP("PrivacyPanel", "comments"),
    "trailer": QT_TRANSLATE_NOOP("PrivacyPanel", "data after the picture"),
    "unknown_segment": QT_TRANSLATE_NOOP("PrivacyPanel", "unknown data blocks"),
    "text_chunk": QT_TRANSLATE_NOOP("PrivacyPanel", "text blocks"),
    "capture_date": QT_TRANSLATE_NOOP("PrivacyPanel", "date and time"),
    "software": QT_TRANSLATE_NOOP("PrivacyPanel", "software"),
    "device": QT_TRANSLATE_NOOP("PrivacyPanel", "camera and lens model"),
    "icc_hardware": QT_TRANSLATE_NOOP("PrivacyPanel", "colour profile device"),
    "other_metadata": QT_TRANSLATE_NOOP("PrivacyPanel", "other metadata"),
}


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("PrivacyPanel", text, None, n)


@dataclass(frozen=True)
class GpsPosition:
    lat: float
    lon: float

    def words(self) -> str:
        lat = f"{abs(self.lat):.2f}".rstrip("0").rstrip(".")
        lon = f"{abs(self.lon):.2f}".rstrip("0").rstrip(".")
        return f"{lat}° {'N' if self.lat >= 0 else 'S'}, {lon}° {'E' if self.lon >= 0 else 'W'}"


def gps_from_excerpt(excerpt: str) -> GpsPosition | None:
    """The position in a GPS finding's excerpt ("59.2° N 9.6° E"), or None when it holds none."""
    found = _GPS_RE.search(excerpt or "")
    if not found:
        return None
    lat, ns, lon, ew = found.groups()
    return GpsPosition(float(lat) * (-1 if ns == "S" else 1), float(lon) * (-1 if ew == "W" else 1))


@dataclass
class PrivacyPanel:
    """What the inspector shows about one original, in the user's language."""

    identifying: list[str] = field(default_factory=list)  # one sentence each, the riskiest first
    other: str = ""  # everything else, in one line
    details: list[str] = field(default_factory=list)  # every field found (behind "Show all fields")
    # A position was found but its town not looked up (the town list was not loaded yet).
    place_pending: bool = False

    @property
    def clean(self) -> bool:
        return not self.identifying and not self.other


def _kind(finding) -> str:  # type: ignore[no-untyped-def]
    return str(getattr(finding.kind, "value", finding.kind))


def _place_words(position: GpsPosition) -> str:
    from photoarchive.places import nearest_town

    place = nearest_town(position.lat, position.lon)
    if place is None:
        return ""
    name = place.name if place.country == "NO" else f"{place.name} ({place.country})"
    if place.near:
        return QCoreApplication.translate("PrivacyPanel", "near %1").replace("%1", name)
    return (
        QCoreApplication.translate("PrivacyPanel", "%1 km from %2")
        .replace("%1", str(round(place.km)))
        .replace("%2", name)
    )


def panel_for(findings, *, name_places: bool = True) -> PrivacyPanel:  # type: ignore[no-untyped-def]
    """Findings of a scan as the panel reads them: by risk, then one line for the rest."""
    panel = PrivacyPanel(details=[describe(f) for f in findings])
    by_kind: dict[str, list] = {}
    for finding in findings:
        by_kind.setdefault(_kind(finding), []).append(finding)

    def values(kind: str) -> str:
        seen = []
        for f in by_kind[kind]:
            if f.excerpt and f.excerpt not in seen:
                seen.append(f.excerpt)
        return ", ".join(seen[:3])

    for kind in _RISK_ORDER:
        if kind not in by_kind:
            continue
        if kind == "gps":
            position = next(
                (p for p in (gps_from_excerpt(f.excerpt) for f in by_kind[kind]) if p is not None), None
            )
            if position is None:
                panel.identifying.append(
                    QCoreApplication.translate("PrivacyPanel", "Carries GPS data (no exact position found)")
                )
            else:
                where = position.words()
                place = _place_words(position) if name_places else ""
                panel.place_pending = not name_places
                panel.identifying.append(
                    QCoreApplication.translate("PrivacyPanel", "Shows where it was taken: %1").replace(
                        "%1", f"{where}, {place}" if place else where
                    )
                )
        elif kind == "location":
            panel.identifying.append(
                QCoreApplication.translate("PrivacyPanel", "Names a place: %1").replace("%1", values(kind))
            )
        elif kind == "face_region":
            panel.identifying.append(
                QCoreApplication.translate("PrivacyPanel", "Marks where faces or people are in the picture")
            )
        elif kind == "owner":
            panel.identifying.append(
                QCoreApplication.translate("PrivacyPanel", "Owner's name: %1")
                .replace("%1", values(kind))
                .rstrip(": ")
            )
        elif kind == "contact":
            panel.identifying.append(
                QCoreApplication.translate("PrivacyPanel", "Contact details: %1")
                .replace("%1", values(kind))
                .rstrip(": ")
            )
        elif kind == "serial":
            panel.identifying.append(
                QCoreApplication.translate("PrivacyPanel", "Camera serial number: %1")
                .replace("%1", values(kind))
                .rstrip(": ")
            )
        elif kind in ("thumbnail", "embedded_image"):
            line = QCoreApplication.translate("PrivacyPanel", "Embedded preview of the uncropped picture")
            if line not in panel.identifying:
                panel.identifying.append(line)
    rest = [k for k in by_kind if k not in _RISK_ORDER]
    if rest:
        names = []
        for kind in rest:
            # Kinds this window does not know yet (a newer scanner) still count, under a generic name.
            word = (
                QCoreApplication.translate("PrivacyPanel", _SHORT[kind])
                if kind in _SHORT
                else QCoreApplication.translate("PrivacyPanel", "other data")
            )
            if word not in names:
                names.append(word)
        fields = sum(len(by_kind[k]) for k in rest)
        panel.other = (
            QCoreApplication.translate("PrivacyPanel", "Also: %1").replace("%1", ", ".join(names))
            + " "
            + (
                QCoreApplication.translate("PrivacyPanel", "(1 field)")
                if fields == 1
                else QCoreApplication.translate("PrivacyPanel", "(%1 fields)").replace("%1", str(fields))
            )
        )
    return panel


def scan_panel(original: Path, *, name_places: bool = True) -> PrivacyPanel:
    """Scan the original (call on a worker) and build the panel, with the nearest town for a position
    (``name_places=False``: without the town, when the town list is not loaded yet)."""
    from photoarchive.privacy.scanning import scan

    return panel_for(scan(original).findings, name_places=name_places)


def several_in_words(records: list[PhotoRecord]) -> str:
    """A summary for several selected photos: "3 of 4 have a GPS position, 1 has the owner's name"."""
    total = len(records)
    parts = []
    for flag, text in (
        ("has_gps", QT_TRANSLATE_NOOP("PrivacyPanel", "%1 of %2 have a GPS position")),
        ("has_serial", QT_TRANSLATE_NOOP("PrivacyPanel", "%1 of %2 have a camera serial number")),
        ("has_owner", QT_TRANSLATE_NOOP("PrivacyPanel", "%1 of %2 have the owner's name")),
    ):
        count = sum(1 for r in records if getattr(r, flag, False))
        if count:
            parts.append(_t(text).replace("%1", str(count)).replace("%2", str(total)))
    if not parts:
        return QCoreApplication.translate(
            "PrivacyPanel",
            "None of the %1 selected photos has a GPS position, serial number or owner's name.",
        ).replace("%1", str(total))
    return "; ".join(parts) + "."
