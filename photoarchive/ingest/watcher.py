"""Watching inbox folders: watchdog events plus a periodic rescan (network shares often send no events).

A file is handed on only once it is completely written: its size and modification time have not
changed for the settling interval, and it can be opened for reading (on Windows a file that is still
being copied cannot be). An inbox that goes offline is reported, retried, and picked up again when it
comes back.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from photoarchive.ingest.files import is_hidden, is_ignored
from photoarchive.ingest.pipeline import SourceFile

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver, ObservedWatch

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboxStatus:
    folder: Path
    online: bool
    message: str


@dataclass
class _Observation:
    size: int
    mtime_ns: int
    since: float


class SettleTracker:
    """Decides when a file has stopped changing. Pure bookkeeping; the clock is injectable for tests."""

    def __init__(self, settle_seconds: float, clock: Callable[[], float] = time.monotonic):
        self.settle_seconds = settle_seconds
        self.clock = clock
        self._seen: dict[Path, _Observation] = {}

    def observe(self, path: Path, size: int, mtime_ns: int) -> bool:
        """Record the file's current size/mtime; True once they have been stable for the interval."""
        now = self.clock()
        previous = self._seen.get(path)
        if previous is None or previous.size != size or previous.mtime_ns != mtime_ns:
            self._seen[path] = _Observation(size, mtime_ns, now)
            return self.settle_seconds == 0
        return now - previous.since >= self.settle_seconds

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def tracked(self) -> list[Path]:
        return list(self._seen)


def can_open_for_reading(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.read(1)
        return True
    except OSError:
        return False


class InboxWatcher:
    """Finds finished files in the inbox folders and hands each to `on_ready` once."""

    def __init__(
        self,
        folders: list[Path],
        *,
        settle_seconds: float,
        rescan_seconds: float,
        on_ready: Callable[[SourceFile], None],
        on_status: Callable[[InboxStatus], None] | None = None,
        use_events: bool = True,
    ):
        self.folders = [Path(f) for f in folders]
        self.rescan_seconds = rescan_seconds
        self.on_ready = on_ready
        self.on_status = on_status or (lambda status: None)
        self.use_events = use_events
        self._tracker = SettleTracker(settle_seconds)
        self._tick = max(0.05, min(0.5, settle_seconds / 4 if settle_seconds else 0.2))
        self._candidates: set[Path] = set()
        self._candidates_lock = threading.Lock()
        # (size, mtime) of files already handed on, so a file left in place is not taken twice.
        self._handed: dict[Path, tuple[int, int]] = {}
        self._online: dict[Path, bool] = {}
        self._observer: BaseObserver | None = None
        # None: the folder refused change notifications (rescans cover it).
        self._watches: dict[Path, ObservedWatch | None] = {}
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    # -- life cycle -----------------------------------------------------------------------------

    def start(self) -> None:
        if self.use_events:
            from watchdog.observers import Observer

            self._observer = Observer()
            self._observer.daemon = True
            self._observer.start()
        self._thread = threading.Thread(target=self._run, name="inbox-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout)

    def retry_later(self, path: Path) -> None:
        """Offer `path` again on a later pass (its ingest was skipped or failed, not done)."""
        self._handed.pop(path, None)

    def rescan_now(self) -> None:
        self._wake.set()

    # -- the loop -------------------------------------------------------------------------------

    def _run(self) -> None:
        next_rescan = 0.0
        while not self._stop.is_set():
            try:
                now = time.monotonic()
                if now >= next_rescan or self._wake.is_set():
                    self._wake.clear()
                    self._rescan()
                    next_rescan = now + self.rescan_seconds
                self.poll_candidates()
            except Exception:  # the watcher must never die of one odd file or folder
                log.exception("inbox watcher: unexpected error; continuing")
            self._stop.wait(self._tick)

    def _rescan(self) -> None:
        for folder in self.folders:
            try:
                if not folder.is_dir():
                    raise FileNotFoundError(str(folder))
                found = list(_walk_files(folder))
            except OSError as exc:
                self._set_online(folder, False, exc)
                continue
            self._set_online(folder, True)
            with self._candidates_lock:
                self._candidates.update(found)

    def poll_candidates(self) -> None:
        """Check every candidate once; hand on those that are finished."""
        with self._candidates_lock:
            candidates = list(self._candidates)
        for path in candidates:
            if self._stop.is_set():
                return
            try:
                st = path.stat()
            except OSError:
                self._drop(path)  # gone (renamed, deleted or ingested)
                continue
            signature = (st.st_size, st.st_mtime_ns)
            if self._handed.get(path) == signature:
                self._drop(path, keep_handed=True)
                continue
            if not self._tracker.observe(path, *signature):
                continue
            if not can_open_for_reading(path):
                continue  # still being written by another program (Windows locks it)
            root = self._root_of(path)
            self._drop(path, keep_handed=True)
            self._handed[path] = signature
            self.on_ready(SourceFile.under(path, root))

    def _drop(self, path: Path, *, keep_handed: bool = False) -> None:
        with self._candidates_lock:
            self._candidates.discard(path)
        self._tracker.forget(path)
        if not keep_handed:
            self._handed.pop(path, None)

    def _root_of(self, path: Path) -> Path:
        for folder in self.folders:
            try:
                path.relative_to(folder)
                return folder
            except ValueError:
                continue
        return path.parent

    # -- online / offline -----------------------------------------------------------------------

    def _set_online(self, folder: Path, online: bool, exc: OSError | None = None) -> None:
        was = self._online.get(folder)
        self._online[folder] = online
        if online:
            self._ensure_watch(folder)
            if was is False:
                self.on_status(InboxStatus(folder, True, f"The inbox {folder} is reachable again."))
            elif was is None:
                self.on_status(InboxStatus(folder, True, f"Watching the inbox {folder}."))
        else:
            watch = self._watches.pop(folder, None)
            if watch is not None and self._observer is not None:
                try:
                    self._observer.unschedule(watch)
                except Exception:  # the emitter may already have died with the folder
                    pass
            if was is not False:
                why = f" ({exc.strerror})" if exc is not None and exc.strerror else ""
                self.on_status(
                    InboxStatus(
                        folder,
                        False,
                        f"The inbox {folder} is not reachable{why}; "
                        f"will retry every {self.rescan_seconds:g} s.",
                    )
                )

    def _ensure_watch(self, folder: Path) -> None:
        if self._observer is None or folder in self._watches:
            return
        from watchdog.events import FileSystemEvent, FileSystemEventHandler

        watcher = self

        class _Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory:
                    if event.event_type in ("created", "moved"):
                        watcher.rescan_now()
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    if raw:
                        path = Path(os.fsdecode(raw))
                        if not is_ignored(path):
                            with watcher._candidates_lock:
                                watcher._candidates.add(path)

        try:
            self._watches[folder] = self._observer.schedule(_Handler(), str(folder), recursive=True)
        except OSError as exc:  # some network file systems refuse change notifications: rescans cover it
            log.info("no change events for %s (%s); relying on rescans", folder, exc)
            self._watches[folder] = None


def _walk_files(folder: Path) -> Iterator[Path]:
    def on_error(exc: OSError) -> None:
        # An unreachable inbox is an error; an unreadable sub-folder is only logged.
        if Path(exc.filename or "") == folder:
            raise exc
        log.warning("inbox: cannot read %s: %s", exc.filename, exc.strerror)

    for dirpath, dirnames, filenames in os.walk(folder, onerror=on_error):
        # Skip hidden folders (e.g. a sync tool's .stfolder) and don't descend into them.
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath, name)
            if not is_ignored(path) and not is_hidden(path):
                yield path
