"""`photoarchive check`: prove the archive is whole, and repair what can be repaired without deleting."""

from photoarchive.check.archive import (
    CheckProgress,
    CheckReport,
    CheckStage,
    Finding,
    FindingKind,
    check_archive,
)

__all__ = ["CheckProgress", "CheckReport", "CheckStage", "Finding", "FindingKind", "check_archive"]
