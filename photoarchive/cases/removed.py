"""Retention of the removed/ folder itself: photos taken out of the archive wait there (with their
note) for `[retention] removed_days` (0, the default: kept for good); after that an editor may delete
them for good. What stays is a short note saying which file it was (name, sha256), when it was taken
out, and who deleted it when and why — none of the catalog record the first note held."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.sets import NewAuditEntry
from photoarchive.ingest.archive_paths import make_writable
from photoarchive.ingest.removal import NOTE_SUFFIX

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home

log = logging.getLogger(__name__)

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PURGED_SUFFIX = ".deleted.txt"
# What ingest/removal.py writes before the catalog record (JSON) in its note.
_HELD = "What the catalog held:\n"


@dataclass(frozen=True)
class RemovedFile:
    relative: str  # inside removed/, forward slashes: "2026-12-01/IMG_0001.jpg"
    removed_on: date
    photo_id: int  # from its note (0 when the note does not say)

    def due_on(self, days: int) -> date | None:
        return None if days <= 0 else self.removed_on + timedelta(days=days)


@dataclass(frozen=True)
class Purge:
    relative: str
    done: bool
    refused: str = ""


def removed_files(home: Home) -> list[RemovedFile]:
    """Every photo waiting in removed/, oldest first."""
    root = home.removed
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and _DAY.match(p.name)):
        day = date.fromisoformat(folder.name)
        for path in sorted(folder.iterdir()):
            if path.name.endswith((NOTE_SUFFIX, PURGED_SUFFIX)) or not path.is_file():
                continue
            found.append(RemovedFile(f"{folder.name}/{path.name}", day, _photo_id(path)))
    return found


def due(home: Home, days: int, today: date) -> list[RemovedFile]:
    """The removed photos whose time in removed/ is up (none while `days` is 0)."""
    return [f for f in removed_files(home) if (d := f.due_on(days)) is not None and today >= d]


def purge(
    home: Home, catalog: Catalog, relatives: list[str], *, reason: str, actor: str, days: int, today: date
) -> list[Purge]:
    """Delete these removed photos for good (each only once its time is up), leaving a short note."""
    waiting = {f.relative: f for f in due(home, days, today)}
    results = []
    for relative in relatives:
        relative = PurePosixPath(relative).as_posix()
        item = waiting.get(relative)
        if item is None:
            results.append(
                Purge(relative, False, "it is not in removed/ or its retention time is not up yet")
            )
            continue
        path = home.removed / relative
        note = path.with_name(path.name + NOTE_SUFFIX)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            path.with_name(path.name + PURGED_SUFFIX).write_text(
                f"{path.name}\n\nTaken out of the archive on {item.removed_on:%Y-%m-%d}; deleted for good by "
                f"{actor} on {utcnow():%Y-%m-%d %H:%M} UTC after {days} days in removed/.\nWhy: {reason}\n"
                f"sha256 of the deleted file: {digest}\n",
                encoding="utf-8",
            )
            make_writable(path)
            path.unlink()
            if note.exists():
                make_writable(note)
                note.unlink()
        except OSError as exc:  # a file held open on Windows, a read-only share
            results.append(Purge(relative, False, f"it could not be deleted ({exc.strerror or exc})"))
            continue
        catalog.sets.record(
            [
                NewAuditEntry(
                    actor,
                    "purge_removed",
                    "photo",
                    item.photo_id,
                    {"file": relative, "sha256": digest, "reason": reason},
                )
            ]
        )
        log.warning("removed photo %s deleted for good by %s: %s", relative, actor, reason)
        results.append(Purge(relative, True))
    return results


def _photo_id(path: Path) -> int:
    note = path.with_name(path.name + NOTE_SUFFIX)
    try:
        text = note.read_text(encoding="utf-8")
        held = json.loads(text[text.index(_HELD) + len(_HELD) :])
        return int(held["photo"]["id"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0
