"""What an ingest reports: the outcome per file, the file and where it was dropped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePath

from photoarchive.ingest.files import is_ignored
from photoarchive.media.stages import StageTimes


class Outcome(StrEnum):
    ARCHIVED = "archived"
    DUPLICATE = "duplicate"
    QUARANTINED = "quarantined"
    # Not the file's fault: it vanished, is still being written, or the archive cannot be written.
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass
class IngestResult:
    source: Path
    outcome: Outcome
    photo_id: int | None = None
    quarantine_id: int | None = None
    reason: str = ""
    # Seconds per stage, for benchmarks: copy, verify, scan, analyse_* (metadata, decode, thumbnail,
    # faces), catalog; wall-clock here, CPU of the thread that did each stage in `cpu`.
    timings: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        name = self.source.name
        match self.outcome:
            case Outcome.ARCHIVED:
                return f"{name}: archived as photo {self.photo_id}"
            case Outcome.DUPLICATE:
                return f"{name}: already in the archive (photo {self.photo_id}); recorded as a duplicate"
            case Outcome.QUARANTINED:
                return f"{name}: moved to quarantine — {self.reason}"
            case _:
                return f"{name}: {self.outcome.value} — {self.reason}"


@dataclass(frozen=True)
class Adopted:
    """An original found in originals/ that the catalog did not know."""

    archive_path: str
    photo_id: int
    # The same bytes are already catalogued under another path: this file is a second copy, left alone.
    copy_of_known: bool


@dataclass(frozen=True)
class SourceFile:
    """A file to ingest and where it was dropped (the path relative to its inbox can name a case)."""

    path: Path
    relative: PurePath

    @classmethod
    def under(cls, path: Path, root: Path) -> SourceFile:
        try:
            relative = PurePath(path.relative_to(root))
        except ValueError:
            relative = PurePath(path.parent.name, path.name)
        return cls(path, relative)


def result_of(
    path: Path,
    outcome: Outcome,
    times: StageTimes,
    *,
    photo_id: int | None = None,
    quarantine_id: int | None = None,
    reason: str = "",
) -> IngestResult:
    return IngestResult(path, outcome, photo_id, quarantine_id, reason, timings=times.wall, cpu=times.cpu)


def expand_paths(paths: Iterable[Path]) -> Iterator[SourceFile]:
    """Files named directly, and every file below folders named (with their path from that folder)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not is_ignored(child):
                    yield SourceFile(child, PurePath(path.name) / child.relative_to(path))
        else:
            yield SourceFile(path, PurePath(path.parent.name, path.name))
