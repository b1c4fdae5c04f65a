"""The clean, press-stamped copies that leave the archive, made by the privacy module into a cache in
the home. Approval makes them (so it can refuse a photo that cannot be made clean) and sync uploads
exactly those files, never an original."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import threading
from pathlib import Path, PurePosixPath

from photoarchive.errors import PhotoarchiveError
from photoarchive.home import Home
from photoarchive.publish import press_fields_for
from photoarchive.redaction import RedactionError, redacted_source, redaction_digest
from photoarchive.sets.model import PhotoContent
from photoarchive.settings import Settings

log = logging.getLogger(__name__)

# Bump when the way copies are made changes, so cached copies are made again.
COPY_VERSION = 1
# Formats Flickr and press tools take as they are; anything else is published as JPEG.
_KEPT_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"}


def publish_cache_dir(home: Home) -> Path:
    return home.cache / "publish"


class CleanCopies:
    """Makes (once) and finds the clean copy of a photo as it would be published."""

    def __init__(self, home: Home, settings: Settings):
        self.home = home
        self.settings = settings
        self.folder = publish_cache_dir(home)
        self._lock = threading.Lock()

    def press_values(self, photo: PhotoContent) -> dict[str, object]:
        """The press fields stamped into the file: the catalog's values, else the settings' defaults."""
        return dataclasses.asdict(press_fields_for(photo, self.settings))

    def fingerprint(self, photo: PhotoContent) -> str:
        """Changes exactly when the published file would change (original, press fields, policy)."""
        payload = {
            "v": COPY_VERSION,
            "sha256": photo.sha256,
            "press": self.press_values(photo),
            "keep_capture_date": self.settings.privacy.keep_capture_date,
        }
        # Regions burnt in are part of the file: changing them makes a new copy (absent without regions,
        # so fingerprints of photos without any stay as they were). Approved content names the regions
        # it was approved with: a region edit after approval leaves the published file as it is.
        redaction = photo.redaction
        if redaction is None:  # approved before approval covered regions: the current ones
            redaction = redaction_digest(self.home, photo.photo_id)
        if redaction:
            payload["redaction"] = redaction
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def path_for(self, photo: PhotoContent) -> Path:
        suffix = PurePosixPath(photo.archive_path).suffix.lower()
        if suffix not in _KEPT_SUFFIXES:
            suffix = ".jpg"
        return self.folder / f"{self.fingerprint(photo)}{suffix}"

    def make(self, photo: PhotoContent) -> Path:
        """The clean copy's path, made now if not in the cache. Raises the privacy module's error when the
        photo cannot be made clean."""
        from photoarchive.privacy import PressFields, PublishPolicy, publish_copy

        self.refuse_changed_redaction(photo)
        dest = self.path_for(photo)
        if dest.is_file():
            return dest
        source = self.home.originals / PurePosixPath(photo.archive_path)
        if not source.is_file():
            raise PhotoarchiveError(
                f"The original of photo {photo.photo_id} is missing from the archive: {source}"
            )
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
        values = self.press_values(photo)
        result = publish_copy(
            redacted_source(self.home, photo.photo_id, photo.sha256, source),
            dest,
            # What goes to Flickr gets the full check, a decode of the written copy included.
            PublishPolicy(keep_capture_date=self.settings.privacy.keep_capture_date, decode_check=True),
            PressFields(**values),  # type: ignore[arg-type]
        )
        log.info("clean copy of photo %s made", photo.photo_id)
        return result.dest

    def refuse_changed_redaction(self, photo: PhotoContent) -> None:
        """Raise RedactionError when the photo's regions are no longer those it was approved with: its
        regions were edited after approval, so neither the approved copy (whose regions someone found
        wrong) nor the new one (nobody approved it) may leave until the set is approved again."""
        if photo.redaction is None or photo.redaction == redaction_digest(self.home, photo.photo_id):
            return
        name = PurePosixPath(photo.archive_path).name
        raise RedactionError(
            "redaction.changed_since_approval",
            f"The redaction of {name} changed after its set was approved; approve the set again to "
            "publish it.",
            photo_id=photo.photo_id,
            name=name,
        )

    def problem(self, photo: PhotoContent) -> str | None:
        """Why this photo cannot be published clean, or None when its clean copy exists."""
        try:
            self.make(photo)
        except PhotoarchiveError as exc:
            return str(exc)
        return None
