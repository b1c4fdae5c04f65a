"""The inbox watcher running inside the app: the core's WatchService, its callbacks turned into signals.

The service calls back from its own threads; emitting a signal from there queues the call to the UI
thread, where the window reacts (reload the grid, show a notification or a problem banner).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from photoarchive.ui.context import AppContext

log = logging.getLogger(__name__)


class InboxWatch(QObject):
    result = Signal(object)  # photoarchive.ingest.pipeline.IngestResult
    status = Signal(object)  # photoarchive.ingest.watcher.InboxStatus
    started = Signal()
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = None
        self._stopping = False

    def start(self) -> None:
        """Start watching on a worker (creating the inbox folder and first scan touch the disk)."""
        self.ctx.runner.submit(
            self._start, on_done=self._running, on_error=lambda exc: self.failed.emit(str(exc))
        )

    def _start(self):  # type: ignore[no-untyped-def]
        from photoarchive.ingest.service import WatchService

        service = WatchService(
            self.ctx.home,
            self.ctx.settings,
            self.ctx.catalog,
            on_result=self.result.emit,
            on_status=self.status.emit,
        )
        # Set here, not in the UI-thread callback, so a window closing meanwhile still finds and stops it.
        self.service = service
        if self._stopping:
            return None
        service.start()
        return service

    def _running(self, service) -> None:  # type: ignore[no-untyped-def]
        if service is not None:
            self.started.emit()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop watching; the file being ingested is finished first, so nothing is left half done."""
        self._stopping = True
        service, self.service = self.service, None
        if service is not None:
            service.stop(timeout)

    def rescan(self) -> None:
        if self.service is not None:
            self.service.watcher.rescan_now()
