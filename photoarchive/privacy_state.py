"""What is known about a photo's personal data, in one of three states — never two: *clean*, *personal
data found* (listed), or *could not be checked* (with the reason).

The one place that decides it, asked by approval, export, the inspector and the grid badges. A photo
that could not be checked is never published or exported: "no findings" from a scan that failed is not
"clean".
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class PrivacyState(StrEnum):
    CLEAN = "clean"
    FOUND = "found"
    UNCHECKED = "unchecked"


class UncheckedReason(StrEnum):
    # Ingest recorded that the scan of the file failed (catalog kind `unreadable_metadata`).
    UNREADABLE_AT_INGEST = "unreadable_metadata"
    # A scan of the original made now failed (the detail says how).
    SCAN_FAILED = "scan_failed"
    # The original is not where the catalog says.
    ORIGINAL_MISSING = "original_missing"


# Kinds ingest records in `privacy_findings` that mean "not checked", not "found".
UNCHECKED_KINDS: dict[str, UncheckedReason] = {
    UncheckedReason.UNREADABLE_AT_INGEST.value: UncheckedReason.UNREADABLE_AT_INGEST,
}


@dataclass(frozen=True)
class PrivacyStatus:
    state: PrivacyState
    # The kinds of personal data found (privacy FindingKind values), sorted; empty unless FOUND.
    kinds: tuple[str, ...] = ()
    # The findings themselves when a scan ran now (privacy `Finding` objects), for words with values.
    findings: tuple[Any, ...] = ()
    # Why it could not be checked; empty unless UNCHECKED.
    reasons: tuple[UncheckedReason, ...] = ()
    # The scan's own error text, when a scan made now failed.
    detail: str = ""

    @property
    def publishable(self) -> bool:
        """Whether a copy of the photo may leave the archive (found data is stripped; unchecked never leaves)."""
        return self.state is not PrivacyState.UNCHECKED


def decide(
    recorded_kinds: Iterable[str],
    *,
    scanned: Sequence[Any] | None = None,
    failure: UncheckedReason | None = None,
    detail: str = "",
) -> PrivacyStatus:
    """The state from what ingest recorded and, when one ran now, a scan's findings or its failure.

    A failure recorded at ingest stays a failure even when a later scan finds nothing: the same bytes
    defeated the scanner once, and a photo is never published on the strength of a doubtful "nothing".
    A scan made now otherwise replaces the recorded kinds (it saw the file as the current code reads it).
    """
    recorded = set(recorded_kinds)
    reasons = [UNCHECKED_KINDS[k] for k in sorted(recorded) if k in UNCHECKED_KINDS]
    if failure is not None and failure not in reasons:
        reasons.append(failure)
    if reasons:
        return PrivacyStatus(PrivacyState.UNCHECKED, reasons=tuple(reasons), detail=detail)
    if scanned is not None:
        kinds = tuple(sorted({str(getattr(f.kind, "value", f.kind)) for f in scanned}))
        return PrivacyStatus(PrivacyState.FOUND if kinds else PrivacyState.CLEAN, kinds, tuple(scanned))
    kinds = tuple(sorted(recorded))
    return PrivacyStatus(PrivacyState.FOUND if kinds else PrivacyState.CLEAN, kinds)


def check_original(original: Path, recorded_kinds: Iterable[str]) -> PrivacyStatus:
    """Scan the original now and decide (reads the file: call off the UI thread)."""
    from photoarchive.privacy.scanning import scan

    recorded = list(recorded_kinds)
    if not original.is_file():
        return decide(recorded, failure=UncheckedReason.ORIGINAL_MISSING, detail=original.name)
    try:
        report = scan(original)
    except Exception as exc:  # noqa: BLE001 — whatever stopped the scan, the photo was not checked
        log.warning("privacy scan of %s failed: %s", original, exc)
        # The scanner names the file by its full path in the archive; the photo's name says enough.
        detail = str(exc).replace(str(original), original.name)
        return decide(recorded, failure=UncheckedReason.SCAN_FAILED, detail=detail)
    return decide(recorded, scanned=report.findings)
