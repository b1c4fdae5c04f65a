"""Privacy: find personal data in a photo (`scan`) and write clean, press-stamped copies (`publish_copy`).

Nothing leaves the archive except through this package. It works on an allowlist: a published copy keeps
the pixels, EXIF orientation, the ICC profile and Adobe colour flag, plus the press fields the app writes;
everything else is dropped. Qt-free and import-light (no Pillow until a copy must be decoded).
"""

from typing import TYPE_CHECKING, Any

from photoarchive.privacy.errors import PrivacyError, StripRefused, VerificationFailed
from photoarchive.privacy.findings import Finding, FindingKind, ScanReport
from photoarchive.privacy.press import PressFields, PublishPolicy
from photoarchive.privacy.scanning import SourceUnreadable, scan, scan_bytes

if TYPE_CHECKING:
    from photoarchive.privacy.publish import PublishResult, publish_copy


def __getattr__(name: str) -> Any:
    # The writer is imported when first asked for: ingest and inspect only scan.
    if name in ("PublishResult", "publish_copy"):
        from photoarchive.privacy import publish

        return getattr(publish, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Finding",
    "FindingKind",
    "PressFields",
    "PrivacyError",
    "PublishPolicy",
    "PublishResult",
    "ScanReport",
    "SourceUnreadable",
    "StripRefused",
    "VerificationFailed",
    "publish_copy",
    "scan",
    "scan_bytes",
]
