"""Where an original goes inside originals/: by capture date, readable by a person, never overwriting.

Also the rules every folder the archive files into shares (quarantine/, removed/): safe names, a
numbered name on a clash, and originals kept read-only.
"""

from __future__ import annotations

import logging
import re
import stat
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

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


def numbered_names(name: str) -> Iterator[str]:
    """``name``, then ``stem (2).ext``, ``stem (3).ext`` … for a name already made safe."""
    yield name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = f".{suffix}" if suffix else ""
    counter = 2
    while True:
        yield f"{stem} ({counter}){suffix}"
        counter += 1


def choose_archive_path(original_name: str, when: datetime, is_taken: Callable[[str], bool]) -> str:
    """`2026/2026-11-24/IMG_0042.jpg`, or `IMG_0042 (2).jpg` … when that name is taken."""
    folder = date_folder(when)
    return next(
        candidate
        for candidate in (str(folder / n) for n in numbered_names(safe_file_name(original_name)))
        if not is_taken(candidate)
    )


def free_path_with_note(folder: Path, original_name: str, note_suffix: str) -> Path:
    """A path in ``folder`` for a file kept with a note beside it (``<name><note_suffix>``): the first
    numbered name where neither the file nor its note exists yet."""
    return next(
        folder / n
        for n in numbered_names(safe_file_name(original_name))
        if not (folder / n).exists() and not (folder / (n + note_suffix)).exists()
    )


def make_read_only(path: Path) -> None:
    """An original's bytes never change again; on Windows this sets the read-only attribute."""
    try:
        path.chmod(stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)
    except OSError as exc:
        log.debug("could not mark %s read-only: %s", path, exc)


def make_writable(path: Path) -> None:
    """Undo `make_read_only` (so a half-done ingest's file can be taken away again)."""
    try:
        path.chmod(stat.S_IREAD | stat.S_IWRITE)
    except OSError:
        pass
