"""`catalog move-to`: a desk's whole archive into the shared one — its files into the shared folder, its
catalog into the shared PostgreSQL catalog — verified, resumable, and leaving the desk's archive as it was.

Files first (so no desk of the shared archive ever sees a photo whose original is not there yet), then the
catalog's rows (catalog/move.py), then the check: every table's rows and digest compared, every original
read back at its destination and hashed against the catalog. Each file is written to a partial name in
its destination folder and renamed when complete, so a killed move leaves either the whole file or a
partial that the next run writes again; a file already at its destination is read back and kept when it
is the same, and never overwritten when it differs (it belongs to someone else).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from photoarchive.catalog.db import catalog_url, display_url, is_postgresql
from photoarchive.catalog.move import CatalogMove, MoveRefused, OriginalFile, TableCheck
from photoarchive.home import Home
from photoarchive.ingest.files import sha256_of

log = logging.getLogger(__name__)

# The archive's folders besides originals/ (thumbnails can be made again, but copying them spares every
# desk the wait; quarantine, removed and consents hold what the catalog's rows point to).
OTHER_FOLDERS = ("thumbnails", "quarantine", "removed", "consents")
STAGING = ".incoming"
PARTIAL_SUFFIX = ".moving"
CHUNK = 1024 * 1024

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class FileProblem:
    """A file the move could not place verified. kind: missing (not in the desk's archive),
    damaged (the desk's original does not match its catalog hash), copy_differs (read back different
    from what was written), conflict (a different file is already at the destination)."""

    path: str
    kind: str


@dataclass
class FilesReport:
    originals: int = 0
    originals_verified: int = 0
    other_files: int = 0
    copied: int = 0
    problems: list[FileProblem] = field(default_factory=list)


@dataclass(frozen=True)
class MoveReport:
    source: str
    target: str
    files_root: str
    resumed: bool
    tables: list[TableCheck]
    files: FilesReport
    # Set when the move had been done and verified before (at that time, UTC); nothing was done again.
    moved_before: datetime | None = None

    @property
    def verified(self) -> bool:
        return self.moved_before is not None or (
            all(t.same for t in self.tables)
            and not self.files.problems
            and (self.files.originals_verified == self.files.originals)
        )


def _remove(path: Path) -> None:
    """Delete a file this move wrote, also when it carries the original's read-only mode."""
    if path.exists():
        os.chmod(path, stat.S_IREAD | stat.S_IWRITE)
        path.unlink()


def _copy(source: Path, destination: Path) -> str:
    """Copy through a partial file beside the destination, flushed to disk, then renamed into place
    (mode and times as the source's: originals stay read-only); the SHA-256 of the bytes read."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}{PARTIAL_SUFFIX}")
    _remove(partial)  # left by a killed run (perhaps read-only already)
    digest = hashlib.sha256()
    with open(source, "rb") as reader, open(partial, "wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    shutil.copystat(source, partial)
    os.replace(partial, destination)
    return digest.hexdigest()


def place_file(source: Path, destination: Path, expected: str | None, report: FilesReport) -> bool:
    """Put one file at its destination and read it back there; True when it ends verified. `expected`
    is the catalog's hash (originals); else the source's own bytes are the reference."""
    name = destination.as_posix()
    if destination.exists():
        reference = expected or (sha256_of(source) if source.is_file() else None)
        if reference is not None and sha256_of(destination) == reference:
            return True
        report.problems.append(FileProblem(name, "conflict"))
        return False
    if not source.is_file():
        report.problems.append(FileProblem(source.as_posix(), "missing"))
        return False
    read = _copy(source, destination)
    report.copied += 1
    if expected is not None and read != expected:
        _remove(destination)
        report.problems.append(FileProblem(source.as_posix(), "damaged"))
        return False
    if sha256_of(destination) != (expected or read):
        _remove(destination)
        report.problems.append(FileProblem(name, "copy_differs"))
        return False
    return True


def copy_files(
    originals: list[OriginalFile], source_root: Path, target_root: Path, on_progress: Progress | None = None
) -> FilesReport:
    """The catalog's originals (each hashed at its destination against the catalog) and every file of
    the other archive folders."""
    report = FilesReport(originals=len(originals))
    same_place = source_root.resolve() == target_root.resolve()
    for n, original in enumerate(originals, 1):
        source = source_root / "originals" / original.archive_path
        destination = target_root / "originals" / original.archive_path
        if same_place:
            ok = source.is_file() and sha256_of(source) == original.sha256
            if not ok:
                report.problems.append(FileProblem(source.as_posix(), "damaged"))
        else:
            ok = place_file(source, destination, original.sha256, report)
        report.originals_verified += ok
        if on_progress is not None:
            on_progress("originals", n, len(originals))
    others = [
        path
        for folder in OTHER_FOLDERS
        for path in sorted((source_root / folder).rglob("*"))
        if path.is_file() and not path.name.endswith(PARTIAL_SUFFIX)
    ]
    for n, source in enumerate(others, 1):
        report.other_files += 1
        if not same_place:
            place_file(source, target_root / source.relative_to(source_root), None, report)
        if on_progress is not None:
            on_progress("files", n, len(others))
    return report


def move_archive(
    home: Home,
    target_url: str,
    target_root: Path,
    *,
    batch: int = 2000,
    on_progress: Progress | None = None,
) -> MoveReport:
    """Move the desk archive of `home` into the shared catalog `target_url` and the shared folder
    `target_root`. The desk's catalog file and folders are only read."""
    if is_postgresql(catalog_url(home)):
        raise MoveRefused(
            "catalog.move_source_not_desk",
            f"The home {home.root} already uses the shared catalog {display_url(catalog_url(home))}; "
            "only a desk's own catalog (catalog.sqlite) moves.",
            home=str(home.root),
        )
    if not target_root.is_absolute():
        raise MoveRefused(
            "catalog.move_root_not_absolute",
            f"The shared folder must be given as a full path ({target_root} is not one).",
            root=str(target_root),
        )
    with CatalogMove(home.catalog_file, target_url) as move:
        move.start()
        if move.already_verified is not None:
            return MoveReport(
                str(home.catalog_file),
                display_url(target_url),
                str(target_root),
                True,
                [],
                FilesReport(),
                moved_before=move.already_verified,
            )
        files = copy_files(move.originals(), home.files_root, target_root, on_progress)
        move.copy_rows(batch, on_progress)
        report = MoveReport(
            source=str(home.catalog_file),
            target=display_url(target_url),
            files_root=str(target_root),
            resumed=move.resumed,
            tables=move.verify(),
            files=files,
        )
        if report.verified:
            move.finish()
        log.info(
            "moved %s into %s (%s): verified=%s", report.source, report.target, target_root, report.verified
        )
        return report
