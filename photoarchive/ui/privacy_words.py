"""Privacy findings in plain words, for the inspector."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from photoarchive.catalog.photos import PhotoRecord

log = logging.getLogger(__name__)


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
    """Scan the original with the privacy module (runs on a worker) and describe each finding."""
    from photoarchive.privacy import scan

    report = scan(original)
    return [finding.describe() for finding in report.findings]
