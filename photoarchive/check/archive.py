"""Prove the archive is whole: every original the catalog names is there with the bytes it had at
ingest, every original on disk is in the catalog, every photo has its grid thumbnail, every quarantine
entry still has its file.

What can be repaired is repaired, never by deleting: an original the catalog does not know (a commit a
power cut undid, a file restored by hand) is adopted into the catalog with an `adopted` event; a
missing thumbnail is made again. Everything else is reported for a person to decide.

Findings carry a code and the facts (path, photo id); the CLI and the window put them into words.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from photoarchive.catalog import Catalog
from photoarchive.catalog.photo_records import PhotoFile
from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.home import Home
from photoarchive.ingest.files import is_ignored, sha256_of
from photoarchive.settings import Settings

if TYPE_CHECKING:
    from photoarchive.ingest.pipeline import Ingestor

log = logging.getLogger(__name__)

# A file whose modification time is later than its ingest by more than this was written since. Wide,
# because the two clocks differ: the ingest time is the desk's, a share's file times are the server's
# (and FAT keeps them to 2 s). A change within the hour is still found by the full check's hash.
_MTIME_SLACK = timedelta(hours=1)


class FindingKind(StrEnum):
    # The original's bytes differ from those catalogued (full check).
    CHANGED = "changed"
    # Quick check: the size differs from the catalog's.
    SIZE_CHANGED = "size_changed"
    # Quick check: the file was modified after its ingest.
    MODIFIED_AFTER_INGEST = "modified_after_ingest"
    MISSING_ORIGINAL = "missing_original"
    UNREADABLE_ORIGINAL = "unreadable_original"
    # An original the catalog did not know, now recorded (repaired).
    ADOPTED = "adopted"
    # An unknown file in originals/ holding the same bytes as a catalogued photo: a second copy, left.
    UNKNOWN_COPY = "unknown_copy"
    # An unknown file in originals/ that is not a photo the archive takes: left where it is.
    UNKNOWN_NOT_A_PHOTO = "unknown_not_a_photo"
    # The grid thumbnail was missing or empty and has been made again (repaired).
    THUMBNAIL_REBUILT = "thumbnail_rebuilt"
    THUMBNAIL_FAILED = "thumbnail_failed"
    # An open quarantine entry whose file is no longer in quarantine/.
    QUARANTINE_FILE_MISSING = "quarantine_file_missing"


REPAIRED = frozenset({FindingKind.ADOPTED, FindingKind.THUMBNAIL_REBUILT})


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    # Relative to the home folder, with forward slashes (e.g. "originals/2026/2026-11-24/a.jpg").
    path: str
    photo_id: int | None = None
    quarantine_id: int | None = None
    # The operating system's or decoder's words, where there are any.
    detail: str = ""

    @property
    def repaired(self) -> bool:
        return self.kind in REPAIRED


class CheckStage(StrEnum):
    ORIGINALS = "originals"  # re-hashing (or, quick, sizing) the catalogued originals
    UNKNOWN_FILES = "unknown_files"  # looking for and adopting originals the catalog does not know
    QUARANTINE = "quarantine"


@dataclass(frozen=True)
class CheckProgress:
    stage: CheckStage
    done: int
    total: int


@dataclass
class CheckReport:
    quick: bool
    photos_checked: int = 0
    files_on_disk: int = 0
    findings: list[Finding] = field(default_factory=list)
    cancelled: bool = False

    @property
    def problems(self) -> list[Finding]:
        """Findings nothing repaired: they need a person."""
        return [f for f in self.findings if not f.repaired]

    @property
    def whole(self) -> bool:
        return not self.cancelled and not self.problems

    def count(self, kind: FindingKind) -> int:
        return sum(1 for f in self.findings if f.kind is kind)


ProgressCallback = Callable[[CheckProgress], None]


def check_archive(
    home: Home,
    settings: Settings,
    catalog: Catalog,
    *,
    quick: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int = 2,
    lock_timeout: float = 120.0,
) -> CheckReport:
    """Check (and where it can, repair) the archive in ``home``; see the module's doc.

    ``quick`` compares sizes and modification dates instead of re-hashing. ``progress`` is called from
    this thread after each file; ``cancelled`` is asked as often and stops the check early (the report
    says so). Raises ArchiveBusy if another ingest holds the archive longer than ``lock_timeout``.
    """
    report = CheckReport(quick=quick)
    tell = progress or (lambda _p: None)
    stop = cancelled or (lambda: False)

    _check_originals(home, catalog, report, quick=quick, tell=tell, stop=stop, workers=workers)
    if not report.cancelled:
        _find_unknown_originals(home, settings, catalog, report, tell=tell, stop=stop, timeout=lock_timeout)
    if not report.cancelled:
        _check_quarantine(home, catalog, report, tell=tell, stop=stop)
    log.info(
        "check (%s) of %s: %d photos, %d files, %d findings, %d need attention%s",
        "quick" if quick else "full",
        home.root,
        report.photos_checked,
        report.files_on_disk,
        len(report.findings),
        len(report.problems),
        " (cancelled)" if report.cancelled else "",
    )
    return report


# -- the catalogued originals and their thumbnails ----------------------------------------------------


def _check_originals(
    home: Home,
    catalog: Catalog,
    report: CheckReport,
    *,
    quick: bool,
    tell: ProgressCallback,
    stop: Callable[[], bool],
    workers: int,
) -> None:
    files = catalog.photos.files()
    total = len(files)
    tell(CheckProgress(CheckStage.ORIGINALS, 0, total))

    def one(photo: PhotoFile) -> list[Finding]:
        if stop():
            return []
        return _check_one(home, photo, quick=quick)

    # Hashing releases the GIL: a few threads keep the disk and the cores busy.
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="check") as pool:
        for done, found in enumerate(pool.map(one, files), start=1):
            report.findings.extend(found)
            report.photos_checked = done
            tell(CheckProgress(CheckStage.ORIGINALS, done, total))
            if stop():
                report.cancelled = True
                pool.shutdown(wait=True, cancel_futures=True)
                return


def _check_one(home: Home, photo: PhotoFile, *, quick: bool) -> list[Finding]:
    path = home.originals / photo.archive_path
    rel = _relative(home, path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return [Finding(FindingKind.MISSING_ORIGINAL, rel, photo.id)]
    except OSError as exc:
        return [Finding(FindingKind.UNREADABLE_ORIGINAL, rel, photo.id, detail=exc.strerror or str(exc))]
    if quick:
        if stat.st_size != photo.size_bytes:
            return [
                Finding(FindingKind.SIZE_CHANGED, rel, photo.id, detail=f"{photo.size_bytes}→{stat.st_size}")
            ]
        modified = datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None)
        if modified > photo.ingested_at + _MTIME_SLACK:
            return [
                Finding(FindingKind.MODIFIED_AFTER_INGEST, rel, photo.id, detail=modified.isoformat() + "Z")
            ]
    else:
        try:
            digest = sha256_of(path)
        except OSError as exc:
            return [Finding(FindingKind.UNREADABLE_ORIGINAL, rel, photo.id, detail=exc.strerror or str(exc))]
        if digest != photo.sha256:
            return [Finding(FindingKind.CHANGED, rel, photo.id, detail=digest)]
    return _check_thumbnail(home, photo, path)


def _check_thumbnail(home: Home, photo: PhotoFile, original: Path) -> list[Finding]:
    from photoarchive.media.thumbnails import ThumbSize, thumbnail_path

    thumb = thumbnail_path(home.thumbnails, photo.sha256, ThumbSize.GRID)
    try:
        if thumb.stat().st_size > 0:
            return []
    except FileNotFoundError:
        pass
    except OSError as exc:
        return [Finding(FindingKind.THUMBNAIL_FAILED, _relative(home, thumb), photo.id, detail=str(exc))]
    from photoarchive.media.analyse import analyse_image

    try:
        # The same decode and sizes ingest writes (grid, and the preview when the decode holds it).
        analyse_image(original, home.thumbnails, photo.sha256, find_faces=False)
    except (OSError, UnsupportedFile, CorruptImage, ImageTooLarge) as exc:
        return [Finding(FindingKind.THUMBNAIL_FAILED, _relative(home, thumb), photo.id, detail=str(exc))]
    return [Finding(FindingKind.THUMBNAIL_REBUILT, _relative(home, thumb), photo.id)]


# -- originals the catalog does not know -------------------------------------------------------------


def _find_unknown_originals(
    home: Home,
    settings: Settings,
    catalog: Catalog,
    report: CheckReport,
    *,
    tell: ProgressCallback,
    stop: Callable[[], bool],
    timeout: float,
) -> None:
    from photoarchive.ingest.lock import acquire, ingest_lock
    from photoarchive.ingest.pipeline import Ingestor

    # Under the ingest lock: a file an ingest has just renamed into originals/ but not yet committed
    # is not an orphan. Recovery first removes what a crashed ingest left (its source is still in the
    # inbox), exactly as the next ingest would.
    lock = ingest_lock(home, timeout=timeout)
    acquire(lock)
    try:
        ingestor = Ingestor(home, settings, catalog, actor="photoarchive check")
        ingestor.recover()
        on_disk = sorted(_originals_on_disk(home))
        report.files_on_disk = len(on_disk)
        known = {p.archive_path for p in catalog.photos.files()}
        unknown = [p for p in on_disk if p not in known]
        tell(CheckProgress(CheckStage.UNKNOWN_FILES, 0, len(unknown)))
        for done, archive_path in enumerate(unknown, start=1):
            if stop():
                report.cancelled = True
                return
            report.findings.append(_adopt(home, ingestor, archive_path))
            tell(CheckProgress(CheckStage.UNKNOWN_FILES, done, len(unknown)))
    finally:
        lock.release()


def _adopt(home: Home, ingestor: Ingestor, archive_path: str) -> Finding:
    rel = f"originals/{archive_path}"
    try:
        adopted = ingestor.adopt(archive_path, detail={"by": "check"})
    except (UnsupportedFile, CorruptImage, ImageTooLarge) as exc:
        return Finding(FindingKind.UNKNOWN_NOT_A_PHOTO, rel, detail=str(exc))
    except OSError as exc:
        return Finding(FindingKind.UNREADABLE_ORIGINAL, rel, detail=exc.strerror or str(exc))
    if adopted.copy_of_known:
        return Finding(FindingKind.UNKNOWN_COPY, rel, adopted.photo_id)
    return Finding(FindingKind.ADOPTED, rel, adopted.photo_id)


def _originals_on_disk(home: Home) -> list[str]:
    """Every file below originals/ as an archive path, leaving out the staging folder and hidden or
    temporary files (the home's own bookkeeping, never photos)."""
    root = home.originals
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(folder, name)
            if not is_ignored(path):
                found.append(path.relative_to(root).as_posix())
    return found


# -- quarantine ---------------------------------------------------------------------------------------


def _check_quarantine(
    home: Home, catalog: Catalog, report: CheckReport, *, tell: ProgressCallback, stop: Callable[[], bool]
) -> None:
    # Entries marked as dealt with may have had their file removed on purpose; open ones may not.
    entries = catalog.quarantine.list()
    tell(CheckProgress(CheckStage.QUARANTINE, 0, len(entries)))
    for done, entry in enumerate(entries, start=1):
        if stop():
            report.cancelled = True
            return
        path = home.quarantine / entry.quarantine_path
        if not path.is_file():
            report.findings.append(
                Finding(FindingKind.QUARANTINE_FILE_MISSING, _relative(home, path), quarantine_id=entry.id)
            )
        tell(CheckProgress(CheckStage.QUARANTINE, done, len(entries)))


def _relative(home: Home, path: Path) -> str:
    try:
        return path.relative_to(home.root).as_posix()
    except ValueError:
        return path.as_posix()
