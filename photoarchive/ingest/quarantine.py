"""Quarantine: files the archive could not take, kept (never deleted) with a readable reason beside them."""

from __future__ import annotations

import os
from datetime import datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath

from photoarchive.home import Home
from photoarchive.ingest.archive_paths import free_path_with_note

REASON_SUFFIX = ".reason.txt"


class QuarantineReason(StrEnum):
    NOT_A_PHOTO = "not_a_photo"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    TOO_LARGE = "too_large"


def quarantine_file(home: Home, staged: Path, original_name: str, reason: str) -> str:
    """Move the staged copy into quarantine/<date>/ with `<name>.reason.txt`; returns the relative path."""
    day = datetime.now().strftime("%Y-%m-%d")
    folder = home.quarantine / day
    folder.mkdir(parents=True, exist_ok=True)
    target = free_path_with_note(folder, original_name, REASON_SUFFIX)
    os.replace(staged, target)
    target.with_name(target.name + REASON_SUFFIX).write_text(
        f"{original_name}\n\nWhy it is here: {reason}\n"
        f"Quarantined: {datetime.now():%Y-%m-%d %H:%M:%S}\n\n"
        "Nothing was deleted. Fix the file and drop it into the inbox again, or remove it here.\n",
        encoding="utf-8",
    )
    return str(PurePosixPath(day, target.name))
