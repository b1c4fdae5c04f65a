"""The watch service: inbox watcher + ingest running in background threads, for `watch` and the GUI.

Callbacks come from background threads; a GUI marshals them to its own thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from photoarchive.catalog import Catalog
from photoarchive.home import Home
from photoarchive.ingest.lock import ArchiveBusy, acquire, ingest_lock
from photoarchive.ingest.pipeline import Ingestor, IngestResult, Outcome, SourceFile
from photoarchive.ingest.watcher import InboxStatus, InboxWatcher
from photoarchive.settings import Settings

log = logging.getLogger(__name__)


class WatchService:
    def __init__(
        self,
        home: Home,
        settings: Settings,
        catalog: Catalog,
        *,
        on_result: Callable[[IngestResult], None] | None = None,
        on_status: Callable[[InboxStatus], None] | None = None,
        inbox_folders: list | None = None,
        find_faces: bool = True,
        use_events: bool = True,
    ):
        self.home = home.ensure()
        self.settings = settings
        self.ingestor = Ingestor(home, settings, catalog, find_faces=find_faces)
        self.on_result = on_result or (lambda result: None)
        self.on_status = on_status or (lambda status: None)
        self.folders = inbox_folders or settings.inbox_folders(home)
        for folder in self.folders:
            if folder == home.default_inbox:
                folder.mkdir(parents=True, exist_ok=True)
        self._queue: queue.Queue[SourceFile] = queue.Queue()
        self._stop = threading.Event()
        self._lock = ingest_lock(home, timeout=1.0)
        self.watcher = InboxWatcher(
            self.folders,
            settle_seconds=settings.inbox.settle_seconds,
            rescan_seconds=settings.inbox.rescan_seconds,
            on_ready=self._queue.put,
            on_status=self.on_status,
            use_events=use_events,
        )
        self._worker = threading.Thread(target=self._run, name="ingest-worker", daemon=True)

    def start(self) -> None:
        self._worker.start()
        self.watcher.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop watching; the file being ingested right now is finished first (nothing half done)."""
        self.watcher.stop()
        self._stop.set()
        self._worker.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                first = self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
            batch = [first]
            while True:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._ingest_batch(batch)

    def _ingest_batch(self, batch: list[SourceFile]) -> None:
        # Another process (a command-line ingest) may hold the archive: wait for it, never drop files.
        while not self._stop.is_set():
            try:
                acquire(self._lock)
                break
            except ArchiveBusy:
                log.info("archive busy with another ingest; waiting")
            except OSError as exc:  # the lock file itself cannot be made: the archive is not writable
                self._fail(batch, f"the archive {self.home.root} cannot be written ({exc.strerror or exc})")
                return
        else:
            return
        try:
            self.ingestor.recover()
            remove = self.settings.inbox.remove_after_ingest
            self.ingestor.ingest_many(batch, remove_source=remove, on_result=self._report)
        except Exception as exc:
            # Not the files' fault (catalog locked, archive gone …): say so for each, keep them, retry.
            log.exception("ingest batch failed; files stay in the inbox and are retried")
            self._fail(batch, f"could not be archived yet: {exc}")
        finally:
            self._lock.release()

    def _fail(self, batch: list[SourceFile], reason: str) -> None:
        for source in batch:
            self._report(IngestResult(source.path, Outcome.FAILED, reason=reason))

    def _report(self, result: IngestResult) -> None:
        if result.outcome in (Outcome.SKIPPED, Outcome.FAILED):
            self.watcher.retry_later(result.source)
        try:
            self.on_result(result)
        except Exception:
            log.exception("on_result callback failed")
