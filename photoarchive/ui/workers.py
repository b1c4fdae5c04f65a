"""Running core calls off the UI thread and getting the answer back on it, through Qt signals.

`JobRunner.submit(fn, *args, on_done=…, on_error=…)` runs `fn(*args)` on a QThreadPool worker; the
callbacks run on the UI thread. The runner keeps every job alive until its answer has been delivered,
so no signal is emitted from an object Python has already collected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _JobSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]):
        super().__init__()
        self.setAutoDelete(False)  # the runner owns it until the result is delivered
        self.fn = fn
        self.args = args
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # noqa: BLE001 — every failure is reported to the UI, never lost
            log.debug("job %s failed", getattr(self.fn, "__name__", self.fn), exc_info=True)
            self.signals.failed.emit(exc)
        else:
            # Boxed: PySide6 6.12 miscounts references to bare True/False/None sent through a queued
            # Signal(object), which crashes the interpreter after a few hundred deliveries.
            self.signals.done.emit((result,))


class JobRunner(QObject):
    """A pool of workers for disk and catalog work (thumbnails have their own pool)."""

    busyChanged = Signal(int)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: set[Job] = set()
        self._closed = False

    @property
    def active(self) -> int:
        return len(self._active)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        job = Job(fn, args)
        self._active.add(job)

        @Slot(object)
        def done(boxed: tuple[Any]) -> None:
            if self._closed or not isValid(self):
                return  # the window that asked was closed while the answer was on its way
            self._finish(job)
            if on_done is not None:
                on_done(boxed[0])

        @Slot(object)
        def failed(exc: BaseException) -> None:
            if self._closed or not isValid(self):
                return
            self._finish(job)
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed: %s", exc)

        job.signals.done.connect(done)
        job.signals.failed.connect(failed)
        self.pool.start(job)
        self.busyChanged.emit(len(self._active))
        return job

    def _finish(self, job: Job) -> None:
        self._active.discard(job)
        self.busyChanged.emit(len(self._active))

    def close(self) -> None:
        """Deliver no more answers: their widgets are being destroyed. The work itself has finished
        (call `wait` first); answers still queued only updated the window."""
        self._closed = True
        self._active.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running work (used on close, so nothing half-written is left behind)."""
        return self.pool.waitForDone(msecs)
