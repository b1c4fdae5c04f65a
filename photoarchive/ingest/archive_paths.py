"""Where an original goes inside originals/: by capture date, readable by a person, never overwriting."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import PurePosixPath

# Characters Windows forbids in file names, plus control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
# Keep well inside Windows' classic 260-character path limit even in a deep home folder.
MAX_NAME_LENGTH = 120
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def safe_file_name(name: str) -> str:
    """The name as dropped, made safe for any Windows folder (æøå and spaces are kept)."""
    cleaned = _FORBIDDEN.sub("_", name).strip().rstrip(".")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    suffix = f".{suffix.lower()}" if suffix else ""
    stem = stem[: MAX_NAME_LENGTH - len(suffix)] or "photo"
    return f"{stem}{suffix}"


def date_folder(when: datetime) -> PurePosixPath:
    return PurePosixPath(f"{when:%Y}", f"{when:%Y-%m-%d}")


def choose_archive_path(original_name: str, when: datetime, is_taken: Callable[[str], bool]) -> str:
    """`2026/2026-11-24/IMG_0042.jpg`, or `IMG_0042 (2).jpg` … when that name is taken."""
    folder = date_folder(when)
    name = safe_file_name(original_name)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = f".{suffix}" if suffix else ""
    candidate = str(folder / name)
    counter = 2
    while is_taken(candidate):
        candidate = str(folder / f"{stem} ({counter}){suffix}")
        counter += 1
    return candidate
