"""What the caller of a sync sees: progress while it runs (`SyncControl`, which knows nothing of Qt; the
window wraps it in signals) and the report at the end."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from photoarchive.flickr.actions import SyncPlan
from photoarchive.flickr.messages import SyncMessage


@dataclass
class SyncProgress:
    phase: str = "starting"  # checking | preparing | photos | albums | cleanup | done
    photos_done: int = 0
    photos_total: int = 0
    current_file: str = ""
    bytes_sent: int = 0
    bytes_total: int = 0
    # While Flickr's hourly call limit holds the sync back: when it resumes (seconds since the epoch).
    waiting_until: float = 0.0


class SyncControl:
    """What the caller holds during a sync: a progress callback (called from worker threads) and
    `cancel()`. A cancelled sync stops before its next call; what was done stays recorded."""

    def __init__(
        self,
        on_progress: Callable[[SyncProgress], None] | None = None,
        on_message: Callable[[SyncMessage], None] | None = None,
    ):
        self.on_progress = on_progress
        # Told of each message (repair, warning, upload in doubt) as the sync says it: the sync
        # service writes them to its request's log while the sync runs.
        self.on_message = on_message
        self.event = threading.Event()
        self.progress = SyncProgress()
        self._lock = threading.Lock()

    def cancel(self) -> None:
        self.event.set()

    def said(self, message: SyncMessage) -> None:
        if self.on_message is not None:
            self.on_message(message)

    @property
    def cancelled(self) -> bool:
        return self.event.is_set()

    def update(self, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(self.progress, key, value)
            snapshot = replace(self.progress)
        if self.on_progress is not None:
            self.on_progress(snapshot)

    def add_bytes(self, count: int) -> None:
        with self._lock:
            sent = self.progress.bytes_sent + count
            # A retried upload sends its bytes again; the bar should not run past the end.
            self.progress.bytes_sent = (
                min(sent, self.progress.bytes_total) if self.progress.bytes_total else sent
            )
            snapshot = replace(self.progress)
        if self.on_progress is not None:
            self.on_progress(snapshot)

    def photo_done(self) -> None:
        with self._lock:
            self.progress.photos_done += 1
            snapshot = replace(self.progress)
        if self.on_progress is not None:
            self.on_progress(snapshot)


@dataclass(frozen=True)
class PhotoFailure:
    photo_id: int
    sha256: str
    reason: str
    # The reason as a code and parameters, when the window can say it in the user's language.
    message: SyncMessage | None = None


@dataclass
class SyncReport:
    plan: SyncPlan
    dry_run: bool = False
    uploaded: int = 0
    actions_done: int = 0
    failed: list[PhotoFailure] = field(default_factory=list)
    published_sets: list[int] = field(default_factory=list)
    unpublished_sets: list[int] = field(default_factory=list)
    reconciled: int = 0
    calls: int = 0
    # Repairs, warnings and uploads in doubt, in the order they happened (code + parameters).
    messages: list[SyncMessage] = field(default_factory=list)
    # sha256s of uploads whose answer was lost and that no search has found yet.
    unconfirmed: list[str] = field(default_factory=list)
