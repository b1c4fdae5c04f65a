"""From a catalog photo to a file that may leave the archive: the privacy module's clean copy, stamped
with the press fields from the catalog (falling back to the press office's defaults in settings)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from photoarchive.catalog import Catalog
from photoarchive.catalog.photos import PhotoRecord
from photoarchive.errors import PhotoarchiveError
from photoarchive.home import Home
from photoarchive.privacy_state import PrivacyStatus, UncheckedReason, check_original
from photoarchive.settings import Settings

if TYPE_CHECKING:
    from photoarchive.privacy import PressFields, PublishPolicy

log = logging.getLogger(__name__)


class _HasPressFields(Protocol):
    # Read-only: a catalog record (keywords a list) and a set's frozen content (a tuple) both fit.
    @property
    def caption(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def keywords(self) -> Sequence[str]: ...
    @property
    def byline(self) -> str: ...
    @property
    def credit(self) -> str: ...
    @property
    def copyright(self) -> str: ...


def press_fields_for(photo: _HasPressFields, settings: Settings) -> PressFields:
    """The press stamp of a published copy: the photo's values; byline, credit and copyright default to
    the organisation's, usage terms are always the organisation's.

    The camera's own Artist/Copyright are never used: they often hold a private name.
    """
    from photoarchive.privacy import PressFields

    press = settings.press
    return PressFields(
        caption=photo.caption,
        headline=photo.headline,
        keywords=list(photo.keywords),
        byline=photo.byline or press.byline,
        credit=photo.credit or press.credit,
        copyright=photo.copyright or press.copyright,
        usage_terms=press.usage_terms,
    )


def publish_policy(
    settings: Settings, *, max_size: int | None = None, keep_date: bool | None = None
) -> PublishPolicy:
    from photoarchive.privacy import PublishPolicy

    keep = settings.privacy.keep_capture_date if keep_date is None else keep_date
    # Files that leave the archive get the full check, decode included (the "it decodes").
    return PublishPolicy(keep_capture_date=keep, max_size=max_size, decode_check=True)


def original_path(home: Home, record: PhotoRecord) -> Path:
    return home.originals / record.archive_path


@dataclass
class ExportItem:
    photo_id: int
    dest: Path | None = None
    reencoded: bool = False
    error: str = ""
    # Set when the photo was refused because it could not be checked for personal data.
    unchecked: PrivacyStatus | None = None
    # The photo's file name, to name it by (empty when it is not in the catalog).
    name: str = ""


def unchecked_reason(status: PrivacyStatus) -> str:
    """Why a photo that could not be checked is not let out, in English (CLI, log)."""
    words = {
        UncheckedReason.UNREADABLE_AT_INGEST: "its metadata could not be read when it was archived",
        UncheckedReason.SCAN_FAILED: f"the privacy scan failed ({status.detail})",
        UncheckedReason.ORIGINAL_MISSING: "the original is missing from the archive",
    }
    return (
        "it could not be checked for personal data ("
        + "; ".join(words[r] for r in status.reasons)
        + "), so no copy leaves the archive"
    )


def export_photos(
    home: Home,
    settings: Settings,
    catalog: Catalog,
    photo_ids: list[int],
    out_dir: Path,
    *,
    max_size: int | None = None,
    keep_date: bool = False,
) -> list[ExportItem]:
    """Write clean copies into out_dir; one photo's problem never stops the others."""
    from photoarchive.privacy import publish_copy
    from photoarchive.redaction import RedactionService

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PhotoarchiveError(f"The folder {out_dir} cannot be created: {exc.strerror or exc}") from exc
    records = {r.id: r for r in catalog.photos.get_many(photo_ids)}
    policy = publish_policy(settings, max_size=max_size, keep_date=keep_date or None)
    items: list[ExportItem] = []
    for photo_id in photo_ids:
        record = records.get(photo_id)
        if record is None:
            items.append(ExportItem(photo_id, error="there is no such photo in the catalog"))
            continue
        # A photo that could not be checked is never let out (a failed scan is not "clean").
        status = check_original(original_path(home, record), record.privacy_findings)
        if not status.publishable:
            log.warning("export of photo %s refused: %s", photo_id, unchecked_reason(status))
            items.append(
                ExportItem(
                    photo_id, error=unchecked_reason(status), unchecked=status, name=record.original_name
                )
            )
            continue
        dest = _free_name(out_dir / record.original_name, record.format)
        try:
            # Regions to redact are burnt into the file published (the original itself without any).
            source = RedactionService(catalog, home).publish_source(record.id, record.sha256, original_path(home, record))
            result = publish_copy(source, dest, policy, press_fields_for(record, settings))
        except PhotoarchiveError as exc:
            items.append(ExportItem(photo_id, error=str(exc), name=record.original_name))
            continue
        items.append(
            ExportItem(photo_id, dest=result.dest, reencoded=result.reencoded, name=record.original_name)
        )
    return items


def _free_name(dest: Path, fmt: str) -> Path:
    if fmt == "heif":  # published as JPEG
        dest = dest.with_suffix(".jpg")
    candidate, counter = dest, 2
    while candidate.exists():
        candidate = dest.with_name(f"{dest.stem} ({counter}){dest.suffix}")
        counter += 1
    return candidate
