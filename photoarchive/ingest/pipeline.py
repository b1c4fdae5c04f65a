"""The ingest of one file, and of a batch.

Per file: hash and copy in one pass into a staging file on the archive's volume, fsync, read the copy
back once and compare its hash with the source's (`staging.py`); scan for personal data, read metadata,
make thumbnails and check for faces from those very bytes (one parse, one reduced decode); then under
the catalog lock: record the intent, rename atomically into originals/, commit the catalog row, and only
then remove the source from the inbox. A crash at any point loses nothing: the source stays until the
commit, and `recover()` removes what a dead process left half done.

Longer than the ~400 lines a module aims for, on purpose (the result types are in `results.py`, the
copying in `staging.py`): every way a file enters the archive
(ingested, adopted by `check`, recorded as a duplicate, quarantined) shares the commit lock, the
intent rows and the one error policy, and reads best in one place.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from photoarchive.catalog import Catalog
from photoarchive.catalog.claims import Claim
from photoarchive.catalog.photos import NewPhoto
from photoarchive.errors import ArchiveError, CorruptImage, ImageTooLarge, PhotoarchiveError, UnsupportedFile
from photoarchive.home import Home
from photoarchive.ingest import staging
from photoarchive.ingest.archive_paths import choose_archive_path, make_read_only, make_writable
from photoarchive.ingest.categories import suggest_categories
from photoarchive.ingest.files import RAW_SUFFIXES, describe_non_image, is_hidden, is_ignored
from photoarchive.ingest.quarantine import QuarantineReason, quarantine_file
from photoarchive.ingest.results import Adopted, IngestResult, Outcome, SourceFile, expand_paths, result_of
from photoarchive.media.dates import wall_clock
from photoarchive.media.stages import StageTimes
from photoarchive.settings import Settings

if TYPE_CHECKING:
    from photoarchive.media.analyse import Analysis
    from photoarchive.media.containers import ParsedFile

log = logging.getLogger(__name__)

# What callers import from here (the result types live in results.py, the copying in staging.py).
__all__ = ["Adopted", "IngestResult", "Ingestor", "Outcome", "SourceFile", "default_workers", "expand_paths"]


class Ingestor:
    """Ingests files into one archive home. Safe to call from several threads at once."""

    def __init__(
        self,
        home: Home,
        settings: Settings,
        catalog: Catalog,
        *,
        actor: str | None = None,
        find_faces: bool = True,
    ):
        self.home = home.ensure()
        self.settings = settings
        self.catalog = catalog
        self.actor = actor or catalog.actor
        self.find_faces = find_faces
        self._commit_lock = threading.Lock()

    # -- recovery -------------------------------------------------------------------------------

    def recover(self) -> int:
        """Undo what a crashed ingest left half done. Returns how many leftovers were removed.

        Call with the home's ingest lock held (see `photoarchive.ingest.lock`), so no other process is
        mid-ingest.
        """
        removed = 0
        # On a shared catalog other desks' ingests may be in flight: only theirs that died are undone.
        abandoned = set(self.catalog.claims.abandoned_pending())
        for intent in self.catalog.pending.all():
            if intent.id not in abandoned:
                continue
            target = self.home.originals / intent.archive_path
            # The source is still in the inbox (sources are removed only after the commit), so the
            # placed file is simply taken away and the source ingested again.
            if target.exists():
                make_writable(target)
                target.unlink()
                removed += 1
                log.warning("recovery: removed %s left by an interrupted ingest", target)
            self.catalog.pending.clear(intent.id)
        # With the lock held, every staging file belongs to an ingest that died.
        for leftover in self.home.staging.glob("*"):
            try:
                if leftover.is_file():
                    leftover.unlink()
                    removed += 1
            except OSError as exc:
                log.warning("recovery: could not remove %s: %s", leftover, exc)
        return removed

    # -- one file -------------------------------------------------------------------------------

    def ingest(self, source: SourceFile, *, remove_source: bool) -> IngestResult:
        """Ingest one file. Never raises for a problem with the file itself; see `IngestResult`."""
        path = source.path
        if is_ignored(path) or is_hidden(path):
            return IngestResult(path, Outcome.SKIPPED, reason="temporary or system file")
        # Several desks may watch one inbox share: the catalog hands each file to one ingester at a time
        # (a claim that dies with its process; see catalog/claims.py).
        try:
            claim = self.catalog.claims.claim(_claim_key(source), claimer=self.actor)
        except FileNotFoundError:
            return IngestResult(path, Outcome.SKIPPED, reason="the file disappeared while it was being read")
        if not claim:
            return IngestResult(path, Outcome.SKIPPED, reason="another desk is archiving this file right now")
        result = None
        try:
            result = self._ingest_claimed(source, remove_source, claim)
        finally:
            if result is not None and result.outcome in (
                Outcome.ARCHIVED,
                Outcome.DUPLICATE,
                Outcome.QUARANTINED,
            ):
                claim.finish(result.outcome.value)
            else:
                claim.release()
        return result

    def _ingest_claimed(self, source: SourceFile, remove_source: bool, claim: Claim) -> IngestResult:
        path = source.path
        try:
            return self._ingest(source, remove_source=remove_source, claim=claim)
        except FileNotFoundError:
            log.info("%s disappeared while being ingested", path)
            return IngestResult(path, Outcome.SKIPPED, reason="the file disappeared while it was being read")
        except PermissionError as exc:
            if _is_under(exc.filename, self.home.root):
                return IngestResult(path, Outcome.FAILED, reason=_archive_unwritable(self.home, exc))
            return IngestResult(
                path, Outcome.SKIPPED, reason=f"the file cannot be opened yet ({exc.strerror})"
            )
        except ArchiveError as exc:
            return IngestResult(path, Outcome.FAILED, reason=str(exc))
        except OSError as exc:
            if _is_under(exc.filename, self.home.root) or exc.errno == 28:
                return IngestResult(path, Outcome.FAILED, reason=_archive_unwritable(self.home, exc))
            return IngestResult(
                path, Outcome.SKIPPED, reason=f"the file cannot be read: {exc.strerror or exc}"
            )

    def _ingest(self, source: SourceFile, *, remove_source: bool, claim: Claim) -> IngestResult:
        path = source.path
        timings = StageTimes()
        staged = self.home.staging / f"{uuid.uuid4().hex}.part"
        try:
            with timings.stage("copy"):
                sha256, size, head = staging.copy_and_hash(path, staged)
        except OSError as exc:
            staging.unlink_quietly(staged)
            if exc.filename is None or str(exc.filename) == str(staged):
                raise ArchiveError(_archive_unwritable(self.home, exc)) from exc
            raise
        claim.hold_content(sha256)
        try:
            return self._process_staged(source, staged, sha256, size, head, timings, remove_source)
        finally:
            staging.unlink_quietly(staged)

    def _process_staged(
        self,
        source: SourceFile,
        staged: Path,
        sha256: str,
        size: int,
        head: bytes,
        timings: StageTimes,
        remove_source: bool,
    ) -> IngestResult:
        from photoarchive.media.formats import sniff_format

        path = source.path
        existing = self.catalog.photos.id_for_sha256(sha256)
        if existing is not None:
            return self._duplicate(path, existing, remove_source, timings)

        if size == 0:
            return self._quarantine(
                source,
                staged,
                QuarantineReason.EMPTY,
                "the file is empty (0 bytes)",
                sha256,
                size,
                remove_source,
                timings,
            )
        fmt = sniff_format(head)
        if fmt is None or path.suffix.lower() in RAW_SUFFIXES:
            return self._quarantine(
                source,
                staged,
                QuarantineReason.NOT_A_PHOTO,
                f"this is {describe_non_image(head, path.suffix)}",
                sha256,
                size,
                remove_source,
                timings,
            )

        with timings.stage("verify"):
            data = staging.read_back_verified(staged, sha256)
        if data is None:
            raise ArchiveError(
                f"The copy of {path.name} in the archive does not match the original (disk or network error); "
                "the file was left in the inbox and will be tried again."
            )

        try:
            new = self._describe(staged, data, sha256, size, path.name, source.relative, timings)
        except UnsupportedFile as exc:
            return self._quarantine(
                source, staged, QuarantineReason.NOT_A_PHOTO, str(exc), sha256, size, remove_source, timings
            )
        except ImageTooLarge as exc:
            return self._quarantine(
                source, staged, QuarantineReason.TOO_LARGE, str(exc), sha256, size, remove_source, timings
            )
        except CorruptImage as exc:
            return self._quarantine(
                source, staged, QuarantineReason.CORRUPT, str(exc), sha256, size, remove_source, timings
            )

        with timings.stage("catalog"):
            photo_id, added = self._commit(path, staged, sha256, new)
        if not added:
            return self._duplicate(path, photo_id, remove_source, timings)
        if remove_source:
            staging.remove_source(path)
        log.info("archived %s as photo %s (%s)", path, photo_id, new.archive_path)
        return result_of(path, Outcome.ARCHIVED, timings, photo_id=photo_id)

    def _commit(self, path: Path, staged: Path, sha256: str, new: NewPhoto) -> tuple[int, bool]:
        """Place the staged copy in originals/ and record it: (photo id, True), or (the id of the photo
        with the same bytes, False) when the catalog has them already."""
        with self._commit_lock:
            # Checked again under the lock: the same bytes may have been in this very batch twice.
            existing = self.catalog.photos.id_for_sha256(sha256)
            if existing is not None:
                return existing, False
            when = new.capture_time or datetime.now()
            new.archive_path = choose_archive_path(path.name, when, self._path_taken)
            target = self.home.originals / new.archive_path
            pending_id = self.catalog.pending.begin(sha256, new.archive_path)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, target)
                make_read_only(target)
                return self.catalog.photos.add(new, actor=self.actor, pending_id=pending_id), True
            except BaseException:
                # Undo what we can now; `recover()` handles what a hard crash leaves.
                if target.exists() and self.catalog.photos.id_for_sha256(sha256) is None:
                    make_writable(target)
                    staging.unlink_quietly(target)
                    self.catalog.pending.clear(pending_id)
                raise

    def _describe(
        self,
        staged: Path,
        data: bytes,
        sha256: str,
        size: int,
        name: str,
        relative_source: PurePath,
        timings: StageTimes,
    ) -> NewPhoto:
        """What the catalog records about a verified copy (``data``, its bytes, read once): metadata,
        thumbnails, faces, personal data, suggested categories. Raises UnsupportedFile, ImageTooLarge or
        CorruptImage for a file it cannot take (the archive path is left empty for the caller to choose)."""
        # One parse of the file's structure: the privacy scan's parse also gives the metadata its blocks,
        # and the decoder reads the same bytes.
        with timings.stage("scan"):
            flags, source = self._privacy_flags(staged, data)

        analysis = self._analyse(staged, data, sha256, name, source)
        timings.merge(StageTimes(analysis.timings, analysis.cpu), prefix="analyse_")

        meta = analysis.metadata
        portrait = False
        if analysis.faces is not None:
            from photoarchive.media.faces import is_portrait

            portrait = is_portrait(analysis.faces, self.settings.categories.portrait_min_face_fraction)
        suggestions = suggest_categories(
            width=meta.width,
            height=meta.height,
            relative_source=relative_source,
            portrait=portrait,
            settings=self.settings.categories,
        )
        return NewPhoto(
            **meta.press_values(),
            sha256=sha256,
            original_name=name,
            archive_path="",
            source_path=relative_source.as_posix(),
            size_bytes=size,
            format=str(meta.format),
            width=meta.width,
            height=meta.height,
            orientation=meta.orientation,
            capture_time=wall_clock(meta.capture_time),
            camera_make=meta.camera_make,
            camera_model=meta.camera_model,
            lens=meta.lens,
            has_gps=flags.has_gps,
            has_serial=flags.has_serial,
            has_owner=flags.has_owner,
            privacy_findings=flags.kinds,
            case_number=suggestions.case_number,
            faces=analysis.faces.count if analysis.faces is not None else 0,
            suggestions=suggestions.categories,
        )

    # -- adopting an original the catalog does not know -----------------------------------------

    def adopt(self, archive_path: str, *, detail: dict[str, object] | None = None) -> Adopted:
        """Record a file already in originals/ that the catalog does not know (a commit a power cut
        undid, a file restored by hand), with an `adopted` event. The file stays where it is, made
        read-only; nothing is ever deleted. Call with the home's ingest lock held.

        Raises UnsupportedFile, ImageTooLarge or CorruptImage when the file is not a photo the archive
        takes (it is left in place and reported)."""
        target = self.home.originals / archive_path
        data = target.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        with self._commit_lock:
            existing = self.catalog.photos.id_for_sha256(sha256)
            if existing is not None:
                return Adopted(archive_path, existing, copy_of_known=True)
            new = self._describe(
                target, data, sha256, len(data), target.name, PurePath(archive_path), StageTimes()
            )
            new.archive_path = archive_path
            new.source_path = ""
            make_read_only(target)
            photo_id = self.catalog.photos.add(
                new,
                actor=self.actor,
                kind="adopted",
                detail={"found_at": archive_path, **(detail or {})},
            )
        log.warning("adopted %s, which the catalog did not know, as photo %s", target, photo_id)
        return Adopted(archive_path, photo_id, copy_of_known=False)

    def _analyse(
        self, staged: Path, data: bytes, sha256: str, name: str, source: ParsedFile | None
    ) -> Analysis:
        from photoarchive.media.analyse import analyse_image

        # Search a little below the portrait threshold so a face right at it is still found.
        min_face = self.settings.categories.portrait_min_face_fraction * 0.8
        return analyse_image(
            staged,
            self.home.thumbnails,
            sha256,
            find_faces=self.find_faces,
            min_face_fraction=min_face,
            display_name=name,
            source=source,
            data=data,
        )

    def _privacy_flags(self, staged: Path, data: bytes) -> tuple[_PrivacyFlags, ParsedFile | None]:
        """The scan's flags, and the file as it parsed it (None when the scan failed)."""
        from photoarchive.media.containers import ParsedFile
        from photoarchive.privacy import scan

        try:
            report = scan(staged, keep_parse=True, data=data)
        except PhotoarchiveError as exc:
            # An image that decodes is archived all the same; the scan problem is noted for the reviewer.
            log.warning("privacy scan failed for %s: %s", staged, exc)
            return _PrivacyFlags(kinds=["unreadable_metadata"]), None
        flags = _PrivacyFlags(
            has_gps=report.has_gps,
            has_serial=report.has_serial,
            has_owner=report.has_owner,
            kinds=sorted(str(k) for k in report.kinds),
        )
        if report.parse is None:
            return flags, None
        return flags, ParsedFile(report.parse[0], report.format, report.parse[1])

    def _path_taken(self, archive_path: str) -> bool:
        return self.catalog.pending.path_taken(archive_path) or (self.home.originals / archive_path).exists()

    def _duplicate(self, path: Path, photo_id: int, remove_source: bool, timings: StageTimes) -> IngestResult:
        self.catalog.events.add(photo_id, "duplicate_seen", actor=self.actor, detail={"source": str(path)})
        if remove_source:
            staging.remove_source(path)
        log.info("%s is a duplicate of photo %s", path, photo_id)
        return result_of(path, Outcome.DUPLICATE, timings, photo_id=photo_id)

    def _quarantine(
        self,
        source: SourceFile,
        staged: Path,
        code: QuarantineReason,
        reason: str,
        sha256: str,
        size: int,
        remove_source: bool,
        timings: StageTimes,
    ) -> IngestResult:
        relative = quarantine_file(self.home, staged, source.path.name, reason)
        qid = self.catalog.quarantine.add(
            original_name=source.path.name,
            source_path=source.relative.as_posix(),
            quarantine_path=relative,
            reason=reason,
            reason_code=code.value,
            size_bytes=size,
            sha256=sha256,
            actor=self.actor,
        )
        if remove_source:
            staging.remove_source(source.path)
        log.warning("quarantined %s: %s", source.path, reason)
        return result_of(source.path, Outcome.QUARANTINED, timings, quarantine_id=qid, reason=reason)

    # -- batches --------------------------------------------------------------------------------

    def ingest_many(
        self,
        sources: Iterable[SourceFile],
        *,
        remove_source: bool,
        workers: int | None = None,
        on_result: Callable[[IngestResult], None] | None = None,
    ) -> list[IngestResult]:
        """Ingest many files on a small thread pool (hashing, copying and decoding release the GIL)."""
        workers = workers or default_workers()
        results: list[IngestResult] = []
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ingest") as pool:
            for result in pool.map(lambda s: self.ingest(s, remove_source=remove_source), sources):
                results.append(result)
                if on_result is not None:
                    on_result(result)
        return results


def default_workers() -> int:
    """One thread per core plus one: each file waits on fsync once, and the extra thread keeps the
    cores decoding meanwhile (24 files of 24 MP on 2 cores: 4.3 s with 2 threads, 4.0 s with 3)."""
    return min(4, (os.cpu_count() or 1) + 1)


@dataclass
class _PrivacyFlags:
    has_gps: bool = False
    has_serial: bool = False
    has_owner: bool = False
    kinds: list[str] = field(default_factory=list)


def _claim_key(source: SourceFile) -> str:
    """The inbox file's identity for claims, the same from every desk and entry point (a desk may reach
    the inbox as \\\\server\\inbox or as P:\\, the watcher and `ingest DIR` name its sub-folders
    differently): its name, size and modification time (a file written again is a new file)."""
    stat = source.path.stat()
    return f"{source.path.name}|{stat.st_size}|{stat.st_mtime_ns}"


def _is_under(filename: object, root: Path) -> bool:
    """Whether an OS error's file name lies in the archive home (an error without a name does not)."""
    if not filename:
        return False
    try:
        Path(str(filename)).resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False


def _archive_unwritable(home: Home, exc: OSError) -> str:
    if exc.errno == 28:
        return f"The archive disk is full ({home.root}); free some space. Files stay in the inbox."
    return (
        f"The archive folder {home.root} cannot be written ({exc.strerror or exc}). "
        "Files stay in the inbox until it can."
    )
