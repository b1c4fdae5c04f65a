"""The sync service: the one machine that holds the district's Flickr sign-in runs the syncs the desks
ask for through the catalog (`sync_requests`), after an approval, and on a schedule.

A desk without the sign-in asks and follows the request (`flickr/desk.py`); the service
(`photoarchive watch`, through `ServiceLoop`) takes the archive's sync lock, puts back in the queue a
request whose runner died (the sync itself resumes from its journal), runs the oldest queued request
with `Syncer`, and writes its progress and log every half second so every desk sees them live.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.sync_requests import (
    LogLine,
    RequestState,
    SyncRequest,
    SyncRequestStore,
)
from photoarchive.flickr.desk import has_sign_in, requests_of
from photoarchive.flickr.errors import FlickrProblem, SyncCancelled
from photoarchive.flickr.messages import SyncMessage
from photoarchive.flickr.progress import SyncControl, SyncProgress, SyncReport
from photoarchive.flickr.ratelimit import HOURLY_LIMIT

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.db import SyncLock
    from photoarchive.flickr.sync import Syncer
    from photoarchive.home import Home
    from photoarchive.settings import Settings

log = logging.getLogger(__name__)

# How often a running request's progress, log and "stop" flag go through the catalog.
HEARTBEAT_SECONDS = 0.5


def line(code: str, **params: Any) -> LogLine:
    """A log line with its English text (what the log file and the command line show)."""
    return LogLine(code, params, SyncMessage(code, params).text())


class _Reporter:
    """Collects a running sync's progress and log lines (called from the sync's threads) and writes
    them to the request every HEARTBEAT_SECONDS from its own thread; a stop asked for on a desk
    cancels the sync."""

    def __init__(self, store: SyncRequestStore, request_id: int, control: SyncControl):
        # A caller's own callbacks (a desk running the request itself shows it in its window too).
        self._forward_progress = control.on_progress
        self._forward_message = control.on_message
        self.store = store
        self.request_id = request_id
        self.control = control
        self._lock = threading.Lock()
        self._lines: list[LogLine] = []
        self._progress: dict[str, Any] | None = None
        # (phase, file) already in the log: parallel uploads take turns in `current_file`.
        self._steps: set[tuple[str, str]] = set()
        self._last_wait = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sync-request-heartbeat", daemon=True)
        control.on_progress = self.on_progress
        control.on_message = self.on_message

    def add(self, *lines: LogLine) -> None:
        with self._lock:
            self._lines.extend(lines)

    def on_progress(self, progress: SyncProgress) -> None:
        with self._lock:
            self._progress = dataclasses.asdict(progress)
            if progress.waiting_until and progress.waiting_until != self._last_wait:
                until = time.strftime("%H:%M", time.localtime(progress.waiting_until))
                self._lines.append(
                    line(
                        "request_waiting", limit=HOURLY_LIMIT, until=until, until_epoch=progress.waiting_until
                    )
                )
            self._last_wait = progress.waiting_until
            step = (progress.phase, progress.current_file)
            if progress.current_file and step not in self._steps:
                self._steps.add(step)
                code = {"photos": "request_sending", "preparing": "request_preparing"}.get(
                    progress.phase, "request_step"
                )
                self._lines.append(line(code, file=progress.current_file))
        if self._forward_progress is not None:
            self._forward_progress(progress)

    def on_message(self, message: SyncMessage) -> None:
        self.add(LogLine(message.code, dict(message.params), message.text()))
        if self._forward_message is not None:
            self._forward_message(message)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def take(self) -> tuple[dict[str, Any] | None, list[LogLine]]:
        with self._lock:
            progress, self._progress = self._progress, None
            lines, self._lines = self._lines, []
        return progress, lines

    def _loop(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            progress, lines = self.take()
            try:
                if self.store.heartbeat(self.request_id, progress, lines):
                    self.control.cancel()
            except Exception:  # the catalog away for a moment: the sync goes on, the lines are kept
                log.warning("could not write the sync request's progress", exc_info=True)
                self.add(*lines)


class SyncService:
    """Runs the queued sync requests of an archive, one at a time for the whole archive."""

    def __init__(
        self,
        catalog: Catalog,
        home: Home,
        settings: Settings,
        *,
        runner: str | None = None,
        actor: str | None = None,
        token_backend: Any = None,
        make_syncer: Callable[[SyncControl], Syncer] | None = None,
    ):
        self.catalog = catalog
        self.home = home
        self.settings = settings
        self.runner = runner or f"{socket.gethostname()} (process {os.getpid()})"
        self.actor = actor
        self.token_backend = token_backend
        self.store = requests_of(catalog)
        self._make_syncer = make_syncer
        # Approvals already queued by this service (set id, approved at): each approval once.
        self._queued_approvals: set[tuple[int, str]] = set()
        self.current: SyncControl | None = None
        self.stopping = False
        # The last run's report, or what stopped it (for a desk that runs a request itself).
        self.last_report: SyncReport | None = None
        self.last_error: BaseException | None = None

    def can_publish(self) -> bool:
        """This machine holds the Flickr sign-in (else it has nothing to run requests with)."""
        return has_sign_in(self.home, self.settings, token_backend=self.token_backend)

    # -- what is due ----------------------------------------------------------------------------

    def queue_due(self) -> int | None:
        """Queue a request for newly approved sets, or the scheduled one when it is time; returns its
        id, or None when nothing is due (or a queued request already covers it)."""
        from photoarchive.catalog.set_records import SetState

        open_requests = self.store.open_requests()
        if any(r.state is RequestState.QUEUED for r in open_requests):
            return None
        fresh = {
            (s.id, s.approved_at.isoformat() if s.approved_at else "")
            for s in self.catalog.sets.approved()
            if s.state is SetState.APPROVED
        } - self._queued_approvals
        if fresh:
            self._queued_approvals |= fresh
            return self.store.add(
                reason="approval", requested_by=self._actor(), set_ids=sorted({i for i, _ in fresh})
            )
        every = self.settings.flickr.sync_every_minutes
        if every and not open_requests:
            last = self.store.last_requested_at()
            if last is None or utcnow() - last >= timedelta(minutes=every):
                return self.store.add(reason="schedule", requested_by=self._actor())
        return None

    def _actor(self) -> str:
        if self.actor is None:
            from photoarchive.users import current_user

            self.actor = current_user()
        return self.actor

    # -- running --------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the running sync before its next call; its request goes back to the queue."""
        self.stopping = True
        if self.current is not None:
            self.current.cancel()

    def run_pending(self) -> list[SyncRequest]:
        """Run queued requests until none is left (or another runner holds the archive's sync)."""
        done = []
        while (finished := self.run_next()) is not None:
            done.append(finished)
        return done

    def run_next(self, control: SyncControl | None = None) -> SyncRequest | None:
        """Take the archive's sync lock and run the oldest queued request; None when there is none or
        another sync of the archive is running. `control`: the caller's own, to follow the run too."""
        lock = self.catalog.try_sync_lock()
        if not lock:
            return None
        try:
            # Holding the lock, nobody else runs a sync: a request still "running" lost its runner.
            resumed = self.store.requeue_running()
            for request_id in resumed:
                log.warning("sync request %s was left running by a stopped service; resuming it", request_id)
                self.store.add_log(request_id, [line("request_resumed")])
            request = self.store.claim_next(self.runner)
            if request is None:
                return None
            self._run(request, lock, control or SyncControl())
            return self.store.get(request.id)
        finally:
            lock.release()

    def _run(self, request: SyncRequest, lock: SyncLock, control: SyncControl) -> None:
        self.last_report, self.last_error = None, None
        if request.cancel_requested:  # stopped on a desk while it waited: never started
            outcome = _failure(SyncCancelled())
            self.store.finish(
                request.id,
                RequestState.FAILED,
                outcome,
                lines=[LogLine(outcome["code"], outcome["params"], outcome["text"])],
            )
            self.last_error = SyncCancelled()
            return
        reporter = _Reporter(self.store, request.id, control)
        reporter.add(line("request_started", runner=self.runner, attempt=request.attempts))
        self.current = control
        reporter.start()
        report: SyncReport | None = None
        error: BaseException | None = None
        try:
            syncer = self._syncer(control)
            try:
                report = syncer.run(lock=lock)
            finally:
                syncer.close()
        except Exception as exc:  # every failure is the request's outcome, in words, not a dead service
            error = exc
            if not isinstance(exc, FlickrProblem):
                log.exception("sync request %s failed", request.id)
        finally:
            reporter.stop()
            self.current = None
        progress, lines = reporter.take()
        self.last_report, self.last_error = report, error
        if isinstance(error, SyncCancelled) and self.stopping:
            # The service is stopping, not the editor: the request waits for the next start.
            self.store.put_back(request.id, progress=progress, lines=[*lines, line("request_paused")])
            log.info("sync request %s put back in the queue: the service stops", request.id)
            return
        if report is not None:
            state, outcome, closing = RequestState.DONE, _summary(report), self._closing_lines(report)
        else:
            assert error is not None
            state, outcome = RequestState.FAILED, _failure(error)
            closing = [LogLine(outcome["code"], outcome["params"], outcome["text"])]
        self.store.finish(request.id, state, outcome, progress=progress, lines=[*lines, *closing])
        log.info("sync request %s %s: %s", request.id, state.value, outcome.get("text", ""))

    def _syncer(self, control: SyncControl) -> Syncer:
        if self._make_syncer is not None:
            return self._make_syncer(control)
        from photoarchive.flickr.sync import Syncer

        return Syncer.for_home(
            self.catalog, self.home, self.settings, control=control, token_backend=self.token_backend
        )

    def _closing_lines(self, report: SyncReport) -> list[LogLine]:
        lines = []
        if report.reconciled:
            lines.append(line("request_reconciled", count=report.reconciled))
        names = {}
        failed = [f.photo_id for f in report.failed]
        if failed:
            names = {r.id: r.original_name for r in self.catalog.photos.get_many(failed)}
        for failure in report.failed:
            coded = failure.message
            lines.append(
                line(
                    "request_failed_photo",
                    file=names.get(failure.photo_id, str(failure.photo_id)),
                    reason=failure.reason,
                    # So a desk can say the reason in its user's language too.
                    reason_code=coded.code if coded else "",
                    reason_params=dict(coded.params) if coded else {},
                )
            )
        summary = _summary(report)
        lines.append(LogLine(summary["code"], summary["params"], summary["text"]))
        return lines


def _summary(report: SyncReport) -> dict[str, Any]:
    params: dict[str, Any] = {
        "uploaded": report.uploaded,
        "changes": report.actions_done,
        "published": len(report.published_sets),
        "taken_down": len(report.unpublished_sets),
        "failed": len(report.failed),
        "unconfirmed": len(report.unconfirmed),
        "calls": report.calls,
    }
    return {"code": "request_done", "params": params, "text": SyncMessage("request_done", params).text()}


def _failure(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, SyncCancelled):
        return {"code": "request_cancelled", "params": {}, "text": SyncMessage("request_cancelled").text()}
    message = getattr(exc, "message", None)
    if isinstance(message, SyncMessage):
        return {"code": message.code, "params": dict(message.params), "text": message.text()}
    params: dict[str, Any] = {"reason": str(exc) or type(exc).__name__}
    return {"code": "request_error", "params": params, "text": SyncMessage("request_error", params).text()}


class ServiceLoop:
    """The service in the background of `photoarchive watch`: every `[flickr] service_poll_seconds` it
    queues what is due (approvals, the schedule) and runs the queued requests."""

    def __init__(self, service: SyncService, *, poll_seconds: float | None = None):
        self.service = service
        self.poll_seconds = poll_seconds or service.settings.flickr.service_poll_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sync-service", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the current call to Flickr; a request cut short is resumed by the next start."""
        self._stop.set()
        self.service.shutdown()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.service.queue_due()
                while not self._stop.is_set() and self.service.run_next() is not None:
                    pass
            except Exception:  # the catalog unreachable for a while: try again at the next poll
                log.exception("the sync service could not look at its queue")
            self._stop.wait(self.poll_seconds)
