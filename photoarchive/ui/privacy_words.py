"""Privacy findings in plain words, in the user's language, for the inspector and the approval dialog."""

from __future__ import annotations

import logging
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
}


def describe(finding) -> str:  # type: ignore[no-untyped-def]
    """One finding as a sentence in the user's language (the privacy module's English as fallback)."""
    template = _TEMPLATES.get(str(getattr(finding.kind, "value", finding.kind)))
    if template is None:
        return finding.describe()
    translated = QCoreApplication.translate("PrivacyFinding", template)
    present = QCoreApplication.translate("PrivacyFinding", "present")
    text = translated.replace("{excerpt}", finding.excerpt or present).replace(
        "{tag}", finding.tag or finding.where
    )
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
