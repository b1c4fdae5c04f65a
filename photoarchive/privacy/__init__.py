"""Privacy: find personal data in a photo (`scan`) and write clean, press-stamped copies (`publish_copy`).

Nothing leaves the archive except through this package. It works on an allowlist: a published copy keeps
the pixels, EXIF orientation, the ICC profile and Adobe colour flag, plus the press fields the app writes;
everything else is dropped. Qt-free and import-light (no Pillow until a copy must be decoded).
"""

from photoarchive.privacy.errors import PrivacyError, StripRefused, VerificationFailed
from photoarchive.privacy.findings import Finding, FindingKind, ScanReport
from photoarchive.privacy.press import PressFields, PublishPolicy
from photoarchive.privacy.publish import PublishResult, publish_copy
from photoarchive.privacy.scanning import SourceUnreadable, scan, scan_bytes

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
