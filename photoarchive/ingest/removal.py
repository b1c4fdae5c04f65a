"""Taking photos out of the archive again (a wrong file dropped, a picture that must not be kept).

Nothing is deleted: the original moves to `removed/<date>/<name>`, beside a note of who removed it,
when and why, with its catalog record and history. The catalog forgets the photo and the audit log
keeps an entry. A photo a set still holds is refused: it may be on Flickr, and only a sync (after the
set lets it go) takes it down there.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from photoarchive.errors import PhotoarchiveError, PhotoInUse
from photoarchive.ingest.archive_paths import free_path_with_note, make_read_only
from photoarchive.media.thumbnails import ThumbSize, thumbnail_path

if TYPE_CHECKING:
    from collections.abc import Iterable

    from photoarchive.catalog import Catalog
    from photoarchive.catalog.photos import PhotoRecord
    from photoarchive.home import Home

log = logging.getLogger(__name__)

NOTE_SUFFIX = ".removed.txt"


@dataclass(frozen=True)
class Removal:
    photo_id: int
    original_name: str = ""
    # Where the original went, relative to the home's removed/ folder; "" when it was not removed.
    removed_to: str = ""
    # Why the photo stayed in the archive ("" when it was removed).
    refused: str = ""

    @property
    def done(self) -> bool:
        return not self.refused

    def describe(self) -> str:
        if self.refused:
            return f"photo {self.photo_id}: kept — {self.refused}"
        return f"photo {self.photo_id} ({self.original_name}): removed to removed/{self.removed_to}"


def remove_photos(
    home: Home, catalog: Catalog, photo_ids: Iterable[int], *, reason: str, actor: str
) -> list[Removal]:
    """Take each photo out of the archive (see the module's doc). Raises PhotoarchiveError without a
    reason; a photo that cannot go is reported in its Removal, the others still go."""
    reason = reason.strip()
    if not reason:
        raise PhotoarchiveError(
            "Say why the photos are taken out of the archive (it is kept in the audit log)."
        )
    # What sync publishes is each set's approved content, which can still hold a photo taken out of
    # the set since: such a photo stays until the set is approved again without it (or revoked).
    published_in: dict[int, list[str]] = {}
    for photo_set in catalog.sets.approved():
        # approved() returns only sets that have approved content.
        for photo in photo_set.approved_content.photos:  # type: ignore[union-attr]
            published_in.setdefault(photo.photo_id, []).append(photo_set.title)
    results = []
    for photo_id in photo_ids:
        record = catalog.photos.get(photo_id)
        if record is None:
            results.append(Removal(photo_id, refused="there is no such photo in the catalog"))
            continue
        set_ids = catalog.sets.sets_of_photo(photo_id)
        if set_ids:
            titles = ", ".join(f"“{s.title}”" for s in (catalog.sets.get(i) for i in set_ids) if s)
            results.append(
                Removal(
                    photo_id, record.original_name, refused=f"it is in the set(s) {titles}; take it out first"
                )
            )
            continue
        if photo_id in published_in:
            titles = ", ".join(f"“{t}”" for t in published_in[photo_id])
            refused = (
                f"the approved version of the set(s) {titles} still publishes it; approve the set again "
                "without it (or revoke it) and sync, then remove it"
            )
            results.append(Removal(photo_id, record.original_name, refused=refused))
            continue
        results.append(_remove_one(home, catalog, record, reason, actor))
    return results


def _remove_one(home: Home, catalog: Catalog, record: PhotoRecord, reason: str, actor: str) -> Removal:
    original = home.originals / record.archive_path
    when = datetime.now()
    folder = home.removed / f"{when:%Y-%m-%d}"
    present = original.exists()
    note: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = free_path_with_note(folder, record.original_name, NOTE_SUFFIX)
        note = target.with_name(target.name + NOTE_SUFFIX)
        note.write_text(_note(record, catalog, reason, actor, when, present), encoding="utf-8")
        if present:
            # The file first, then the catalog: whatever happens in between, the original exists
            # somewhere and the note beside it says what it was.
            os.replace(original, target)
    except OSError as exc:
        # A read-only or full archive disk, or the original held open by another program on Windows.
        if note is not None:
            note.unlink(missing_ok=True)
        return Removal(
            record.id,
            record.original_name,
            refused=f"it could not be moved to {folder} ({exc.strerror or exc}); nothing was changed",
        )
    relative = str(PurePosixPath(folder.name, target.name))
    detail = {
        "original_name": record.original_name,
        "sha256": record.sha256,
        "archive_path": record.archive_path,
        "removed_to": relative if present else "",
        "reason": reason,
        "caption": record.caption,
        "case_number": record.case_number,
    }
    try:
        catalog.photos.withdraw(record.id, actor=actor, detail=detail)
    except BaseException as exc:
        if present:
            os.replace(target, original)
        note.unlink(missing_ok=True)
        if isinstance(exc, PhotoInUse):
            return Removal(record.id, record.original_name, refused=str(exc))
        raise
    for size in ThumbSize:
        try:
            thumbnail_path(home.thumbnails, record.sha256, size).unlink(missing_ok=True)
        except OSError as exc:  # a viewer holding the file on Windows; the thumbnail is only a cache
            log.info("could not delete a thumbnail of removed photo %s: %s", record.id, exc)
    log.warning(
        "photo %s (%s) removed from the archive by %s: %s", record.id, record.original_name, actor, reason
    )
    if not present:
        return Removal(record.id, record.original_name, removed_to="")
    make_read_only(target)
    return Removal(record.id, record.original_name, removed_to=relative)


def _note(
    record: PhotoRecord, catalog: Catalog, reason: str, actor: str, when: datetime, present: bool
) -> str:
    history = [
        {"kind": e.kind, "at": e.at.isoformat(), "actor": e.actor, "detail": e.detail}
        for e in catalog.events.for_photo(record.id)
    ]
    facts = asdict(record)
    facts["categories"] = {str(c): asdict(m) for c, m in record.categories.items()}
    missing = "" if present else "\nThe original was already missing from the archive folder.\n"
    return (
        f"{record.original_name}\n\n"
        f"Taken out of the archive by {actor} on {when:%Y-%m-%d %H:%M:%S}.\n"
        f"Why: {reason}\n{missing}\n"
        "The catalog no longer lists this photo. To take it back, drop the file into the inbox again.\n\n"
        "What the catalog held:\n"
        + json.dumps({"photo": facts, "history": history}, ensure_ascii=False, indent=2, default=str)
        + "\n"
    )
