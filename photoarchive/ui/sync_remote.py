"""Where "Sync now" runs (`sync_job`: here, here as a request every desk follows, or on the archive's
sync service), and following a request the service runs (`RequestFollower`): the request this desk
asked for, or one another desk asked for that is still open when the Sync view is shown. Its progress
and log are read from the catalog every second while the view is visible, and handed to the view in the
user's language; "Cancel" asks the service to stop."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from photoarchive.ui.context import AppContext
from photoarchive.ui.sync_words import message_text
from photoarchive.ui.workers import JobRunner

log = logging.getLogger(__name__)

POLL_MS = 1000
# The service writes a running request's heartbeat every half second; unchanged this long (on this
# desk's own clock, so the machines' clocks need not agree), the service is said to be silent.
SILENT_SECONDS = 30.0


def sync_job(ctx: AppContext, control, dry_run: bool):  # type: ignore[no-untyped-def]
    """The Sync view's job (on its sync thread): (report, names of failed photos) for a sync run
    here, or the queued SyncRequest when the archive's sync service runs it."""
    from photoarchive.flickr.desk import ask_for_sync, publishes_here, sync_here
    from photoarchive.flickr.sync import Syncer, SyncReport

    catalog = ctx.catalog
    if not dry_run and not publishes_here(ctx.home, ctx.settings, catalog):
        # No sign-in on this desk: the service holding it runs the sync; the view follows it.
        return ask_for_sync(catalog, ctx.actor)
    if not dry_run and catalog.is_shared:
        # The sign-in is here: the sync runs here, as a request every other desk follows.
        outcome = sync_here(
            catalog,
            ctx.home,
            ctx.settings,
            ctx.actor,
            lambda c: Syncer.for_home(catalog, ctx.home, ctx.settings, control=c, actor=ctx.actor),
            control,
        )
        if not isinstance(outcome, SyncReport):
            return outcome  # another runner holds the archive's sync and runs this request next
        return outcome, _names_of_failed(catalog, outcome)
    syncer = Syncer.for_home(
        catalog, ctx.home, ctx.settings, control=control, actor=ctx.actor, require_sign_in=not dry_run
    )
    try:
        report = syncer.run(dry_run=dry_run)
        return report, _names_of_failed(catalog, report)
    finally:
        syncer.close()


def _names_of_failed(catalog, report) -> dict[int, str]:  # type: ignore[no-untyped-def]
    failed = [f.photo_id for f in report.failed]
    return {r.id: r.original_name for r in catalog.photos.get_many(failed)} if failed else {}


class RequestFollower(QObject):
    progressed = Signal(object)  # SyncProgress, as the service last wrote it
    logged = Signal(str)  # a line of the request's log, in the user's language
    phaseChanged = Signal(str)
    joined = Signal(object)  # an open request of another desk's, now followed
    ended = Signal(object)  # the finished SyncRequest
    failed = Signal(object)  # the catalog could not be read (the next tick tries again)

    def __init__(self, ctx: AppContext, runner: JobRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.request_id: int | None = None
        self.visible = False
        self._after = 0
        self._busy = False
        self._heartbeat: object = None
        self._heard_at = 0.0
        self._silent = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    @property
    def following(self) -> bool:
        return self.request_id is not None

    def follow(self, request_id: int) -> None:
        self.request_id, self._after = request_id, 0
        self._heartbeat, self._heard_at, self._silent = None, time.monotonic(), False
        self._update_timer()
        self.poll()

    def asked(self, request) -> None:  # type: ignore[no-untyped-def]
        """This desk's "Sync now" was queued as `request`: follow it until it ends."""
        self.phaseChanged.emit(self.tr("Waiting for the archive's sync service…"))
        self.logged.emit(
            self.tr(
                "Asked the archive's sync service to publish (request %1); it is shown here as it runs."
            ).replace("%1", str(request.id))
        )
        self.follow(request.id)

    def look_for_open(self) -> None:
        """A sync another desk asked for and still open (shared catalog only) is followed too."""
        future = self.ctx.catalog_future
        if self.following or not future.done() or not future.result().is_shared:
            return
        from photoarchive.flickr.desk import requests_of

        catalog = future.result()

        def newest_open():  # type: ignore[no-untyped-def]
            open_requests = requests_of(catalog).open_requests()
            return open_requests[-1] if open_requests else None

        self.runner.submit(newest_open, on_done=self._found)

    def _found(self, request) -> None:  # type: ignore[no-untyped-def]
        if request is None or self.following:
            return
        self.logged.emit(
            self.tr("A sync asked for by %1 is running on the archive's sync service.").replace(
                "%1", request.requested_by
            )
        )
        self.joined.emit(request)
        self.follow(request.id)

    def cancel(self) -> None:
        """Ask the service to stop the request (it stops before its next call to Flickr)."""
        from photoarchive.flickr.desk import requests_of

        catalog, request_id = self.ctx.catalog, self.request_id
        if request_id is None:
            return
        self.runner.submit(lambda: requests_of(catalog).ask_cancel(request_id), on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.logged.emit(self.tr("The sync cannot be stopped from here: %1").replace("%1", str(exc)))

    def set_visible(self, visible: bool) -> None:
        """Poll only while the view is on screen; the first look on showing is at once."""
        self.visible = visible
        self._update_timer()
        if visible:
            self.poll()

    def _update_timer(self) -> None:
        if self.visible and self.following:
            self.timer.start()
        else:
            self.timer.stop()

    def poll(self) -> None:
        if self._busy or self.request_id is None or not self.visible:
            return
        from photoarchive.flickr.desk import follow

        self._busy = True
        catalog, request_id, after = self.ctx.catalog, self.request_id, self._after
        self.runner.submit(
            lambda: follow(catalog, request_id, after=after), on_done=self._got, on_error=self._error
        )

    def _got(self, result) -> None:  # type: ignore[no-untyped-def]
        from photoarchive.flickr.desk import progress_of

        self._busy = False
        request, lines = result
        if request.id != self.request_id:
            return  # the view moved on to another request meanwhile
        for entry in lines:
            self._after = max(self._after, entry.id)
            self.logged.emit(message_text(entry.code, entry.params, entry.text))
        self._check_heard(request)
        # Nothing to show before the service starts it; while silent, the phase line says so and the
        # bars keep their place.
        if request.progress and not self._silent:
            self.progressed.emit(progress_of(request))
        if not request.is_open:
            self.request_id = None
            self._update_timer()
            outcome = request.outcome
            if request.state.value == "done":
                self.phaseChanged.emit(self.tr("Done"))
            else:
                self.phaseChanged.emit(
                    message_text(outcome.get("code", ""), outcome.get("params", {}), outcome.get("text", ""))
                )
            self.ended.emit(request)

    def _check_heard(self, request) -> None:  # type: ignore[no-untyped-def]
        """A running request whose heartbeat stopped: its service died or lost the catalog."""
        if request.heartbeat_at != self._heartbeat:
            self._heartbeat, self._heard_at, self._silent = request.heartbeat_at, time.monotonic(), False
            return
        if not request.is_open or self._silent or time.monotonic() - self._heard_at < SILENT_SECONDS:
            return
        self._silent = True
        if request.state.value == "running":
            text = self.tr(
                "The sync service has not answered for %1 seconds; the sync carries on where it stopped "
                "when the service runs again."
            ).replace("%1", str(int(SILENT_SECONDS)))
        else:
            text = self.tr(
                "No sync service has taken the request after %1 seconds: is `photoarchive watch` running on "
                "the machine that holds the Flickr sign-in? The request waits for it."
            ).replace("%1", str(int(SILENT_SECONDS)))
        self.phaseChanged.emit(text)
        self.logged.emit(text)

    def _error(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("could not read the sync request: %s", exc)
        self.failed.emit(exc)
