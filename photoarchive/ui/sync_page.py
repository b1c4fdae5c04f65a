"""The Sync view: bring Flickr in line with the approved sets, with progress (photos and bytes), the
current file, a log, cancel, and the photos that failed with their reasons. The account's state goes to
the status bar. The sync itself is `photoarchive.flickr.sync.Syncer`, run on its own worker thread —
or, on a shared catalog where this desk has no Flickr sign-in, a request the archive's sync service
runs, whose progress and log the view follows (`sync_remote.RequestFollower`). What a sync says is put
in words by `sync_words`."""

from __future__ import annotations

import logging
import time
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photoarchive.flickr.ratelimit import HOURLY_LIMIT
from photoarchive.ui.context import AppContext
from photoarchive.ui.workers import JobRunner

log = logging.getLogger(__name__)


def _megabytes(count: int) -> str:
    return f"{count / 1e6:.1f} MB"


class SyncPage(QWidget):
    accountChanged = Signal(str)
    progressed = Signal(object)  # SyncProgress, emitted from the sync's threads
    finished = Signal(object)  # SyncReport, the finished SyncRequest, or the exception that ended it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from photoarchive.ui.sync_remote import RequestFollower

        self.ctx = ctx
        self.control = None
        self.running = False
        # Its own thread, so a long sync never holds up the grid's and inspector's catalog work.
        self.sync_runner = JobRunner(self, max_threads=1)
        self.progressed.connect(self._show_progress)
        # A request the sync service runs (shared catalog, no sign-in here): followed through the catalog.
        self.follower = RequestFollower(ctx, JobRunner(self, max_threads=1), self)
        self.follower.progressed.connect(lambda progress: self._show_progress(progress, log_steps=False))
        self.follower.logged.connect(self._log)
        self.follower.joined.connect(self._joined)
        self.follower.ended.connect(self._request_ended)
        self._build()
        self.follower.phaseChanged.connect(self.phase.setText)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        account_row = QHBoxLayout()
        self.account = QLabel(self.tr("Flickr account: checking…"))
        self.account.setObjectName("flickr_account")
        sign_in = QPushButton(self.tr("Sign in…"))
        sign_in.clicked.connect(self.sign_in)
        account_row.addWidget(self.account, 1)
        account_row.addWidget(sign_in)
        layout.addLayout(account_row)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Show what would change"))
        self.preview_button.setObjectName("sync_preview")
        self.preview_button.clicked.connect(lambda: self.start(dry_run=True))
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.preview_button, self.sync_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.phase = QLabel(self.tr("Not started."))
        layout.addWidget(self.phase)
        self.photos_bar = QProgressBar()
        self.photos_bar.setObjectName("photos_progress")
        self.photos_bar.setFormat(self.tr("%v of %m photos"))
        self.bytes_bar = QProgressBar()
        self.bytes_bar.setObjectName("bytes_progress")
        self.bytes_label = QLabel()
        self.current_file = QLabel()
        self.current_file.setObjectName("current_file")
        layout.addWidget(self.photos_bar)
        layout.addWidget(self.bytes_bar)
        layout.addWidget(self.bytes_label)
        layout.addWidget(self.current_file)

        failures_box = QGroupBox(self.tr("Photos that could not be published"))
        failures_layout = QVBoxLayout(failures_box)
        self.failures = QTableWidget(0, 2)
        self.failures.setObjectName("sync_failures")
        self.failures.setHorizontalHeaderLabels([self.tr("Photo"), self.tr("Reason")])
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.verticalHeader().hide()
        self.failures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        failures_layout.addWidget(self.failures)
        layout.addWidget(failures_box)

        log_box = QGroupBox(self.tr("What happened"))
        log_layout = QVBoxLayout(log_box)
        self.log = QPlainTextEdit()
        self.log.setObjectName("sync_log")
        self.log.setReadOnly(True)
        log_layout.addWidget(self.log)
        layout.addWidget(log_box, 1)

    # -- account --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Check the account (a network call, on the sync thread when it is free)."""
        if self.running:
            return
        ctx = self.ctx
        home, settings = ctx.home, ctx.settings

        def check():  # type: ignore[no-untyped-def]
            # Imported here: flickrapi and requests take half a second to load, not on the UI thread.
            from photoarchive.flickr.account import status
            from photoarchive.flickr.desk import publishes_here

            if not publishes_here(home, settings, ctx.catalog):
                return None  # the sync service publishes; this desk holds no sign-in
            return status(home, settings, catalog=ctx.catalog)

        self.sync_runner.submit(check, on_done=self._account, on_error=self._account_failed)

    def _account(self, state) -> None:  # type: ignore[no-untyped-def]
        if state is None:
            text = self.tr("Flickr: published by the archive's sync service")
        elif state.signed_in and state.account is not None:
            text = self.tr("Flickr: signed in as %1").replace("%1", state.account.username)
        elif not state.configured:
            text = self.tr("Flickr: no API key in Settings")
        else:
            problem = self.message_text(state.problem_message) if state.problem_message else state.problem
            text = self.tr("Flickr: not signed in") + (f" ({problem})" if problem else "")
        self.account.setText(text)
        self.accountChanged.emit(text)

    def _account_failed(self, exc: BaseException) -> None:
        text = self.tr("Flickr: %1").replace("%1", str(exc))
        self.account.setText(text)
        self.accountChanged.emit(text)

    def sign_in(self) -> None:
        from photoarchive.ui.flickr_signin import SignInDialog

        dialog = SignInDialog(self.ctx.home, self.ctx.settings, self)
        dialog.signedIn.connect(lambda _name: self.refresh())
        dialog.exec()

    # -- the sync -------------------------------------------------------------------------------

    def start(self, *, dry_run: bool = False) -> None:
        if self.running:
            return
        from photoarchive.flickr.sync import SyncControl
        from photoarchive.ui.sync_remote import sync_job

        self.running = True
        self.control = SyncControl(on_progress=self.progressed.emit)
        self.failures.setRowCount(0)
        self.photos_bar.setRange(0, 1)
        self.photos_bar.setValue(0)
        self.bytes_bar.setRange(0, 1)
        self.bytes_bar.setValue(0)
        self._set_buttons()
        self._log(self.tr("Looking for changes…") if dry_run else self.tr("Sync started."))
        control = self.control
        self.sync_runner.submit(
            sync_job, self.ctx, control, dry_run, on_done=self._done, on_error=self._failed
        )

    def cancel(self) -> None:
        if not self.running:
            return
        if self.follower.following:
            self.follower.cancel()
        elif self.control is not None:
            self.control.cancel()
        self.cancel_button.setEnabled(False)
        self._log(self.tr("Cancelling: the sync stops before its next call to Flickr…"))

    # -- a request the sync service runs (sync_remote.RequestFollower) ---------------------------

    def _joined(self, _request) -> None:  # type: ignore[no-untyped-def]
        """A sync another desk asked for is open: shown here as it runs."""
        self.running = True
        self._set_buttons()

    def _request_ended(self, request) -> None:  # type: ignore[no-untyped-def]
        self.running = False
        self._set_buttons()
        self.finished.emit(request)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 — Qt's name
        super().showEvent(event)
        self.follower.set_visible(True)
        if not self.running:
            self.follower.look_for_open()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 — Qt's name
        super().hideEvent(event)
        self.follower.set_visible(False)

    def _show_progress(self, progress, log_steps: bool = True) -> None:  # type: ignore[no-untyped-def]
        phases = {
            "starting": self.tr("Starting"),
            "checking": self.tr("Checking what an earlier sync left open"),
            "preparing": self.tr("Preparing clean copies"),
            "photos": self.tr("Uploading photos"),
            "albums": self.tr("Updating albums"),
            "cleanup": self.tr("Taking down what is no longer approved"),
            "done": self.tr("Done"),
        }
        self.phase.setText(phases.get(progress.phase, progress.phase))
        if progress.waiting_until:
            resume = datetime.fromtimestamp(progress.waiting_until).strftime("%H:%M")
            waiting = self.tr("Flickr allows %1 calls an hour; the sync waits until %2 and then goes on.")
            self.phase.setText(waiting.replace("%1", f"{HOURLY_LIMIT:,}").replace("%2", resume))
            if resume != getattr(self, "_logged_wait", None):
                self._log(self.phase.text())
                self._logged_wait = resume
        self.photos_bar.setRange(0, max(1, progress.photos_total))
        self.photos_bar.setValue(min(progress.photos_done, max(1, progress.photos_total)))
        if progress.photos_total == 0 and progress.phase == "done":
            self.photos_bar.setValue(1)
        # QProgressBar takes int; kilobytes keep large totals in range.
        total_kb = max(1, progress.bytes_total // 1000)
        self.bytes_bar.setRange(0, total_kb)
        self.bytes_bar.setValue(min(total_kb, progress.bytes_sent // 1000))
        self.bytes_label.setText(
            self.tr("%1 of %2 sent")
            .replace("%1", _megabytes(progress.bytes_sent))
            .replace("%2", _megabytes(progress.bytes_total))
        )
        if progress.current_file:
            self.current_file.setText(self.tr("Now: %1").replace("%1", progress.current_file))
            step = (progress.phase, progress.current_file)
            if log_steps and step != getattr(self, "_last_step", None):
                if progress.phase == "photos":
                    self._log(self.tr("Sending %1").replace("%1", progress.current_file))
                elif progress.phase == "preparing":
                    self._log(self.tr("Making the clean copy of %1").replace("%1", progress.current_file))
                else:
                    self._log(progress.current_file)
            self._last_step = step
        else:
            self.current_file.clear()

    def _done(self, result) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(result, tuple):  # a request for the sync service: followed until it ends
            self.follower.asked(result)
            return
        report, names = result
        self.running = False
        self._set_buttons()
        plan = report.plan
        if report.dry_run:
            if not plan.actions:
                self._log(self.tr("Nothing to do: Flickr matches the approved sets."))
            for action in plan.actions:
                self._log("  " + action.describe())
            self._log(self.tr("%n change(s) planned.", "", len(plan.actions)))
        else:
            self._log(
                self.tr("Sync done: %1 uploaded, %2 change(s), %3 set(s) published, %4 taken down.")
                .replace("%1", str(report.uploaded))
                .replace("%2", str(report.actions_done))
                .replace("%3", str(len(report.published_sets)))
                .replace("%4", str(len(report.unpublished_sets)))
            )
            if report.reconciled:
                self._log(
                    self.tr("Settled %1 write(s) an interrupted sync had left open.").replace(
                        "%1", str(report.reconciled)
                    )
                )
        for message in report.messages:
            self._log(self.message_text(message))
        self._show_failures(report.failed, names)
        self.finished.emit(report)

    def _show_failures(self, failures, names: dict[int, str]) -> None:  # type: ignore[no-untyped-def]
        if not failures:
            return
        self.failures.setRowCount(len(failures))
        for row, failure in enumerate(failures):
            self.failures.setItem(
                row, 0, QTableWidgetItem(names.get(failure.photo_id, str(failure.photo_id)))
            )
            reason = self.message_text(failure.message) if failure.message else failure.reason
            self.failures.setItem(row, 1, QTableWidgetItem(reason))
            self._log(
                self.tr("Failed: %1 — %2")
                .replace("%1", names.get(failure.photo_id, "?"))
                .replace("%2", reason)
            )

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._set_buttons()
        from photoarchive.flickr.errors import SyncCancelled

        if isinstance(exc, SyncCancelled):
            self.phase.setText(self.tr("Cancelled. What was done is kept; the next sync carries on."))
            self._log(self.tr("Cancelled."))
        else:
            message = getattr(exc, "message", None)
            reason = self.message_text(message) if message is not None else str(exc)
            self.phase.setText(self.tr("The sync stopped: %1").replace("%1", reason))
            self._log(self.tr("Stopped: %1").replace("%1", reason))
        self.finished.emit(exc)

    def message_text(self, message) -> str:  # type: ignore[no-untyped-def]
        """A sync message (code + parameters) in the user's language; English for a code not known here."""
        from photoarchive.ui.sync_words import message_text

        return message_text(message.code, dict(message.params), message.text())

    def _set_buttons(self) -> None:
        self.sync_button.setEnabled(not self.running)
        self.preview_button.setEnabled(not self.running)
        self.cancel_button.setEnabled(self.running)

    def _log(self, text: str) -> None:
        self.log.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    # -- closing --------------------------------------------------------------------------------

    def may_close(self) -> bool:
        """Asked when the window closes: a running sync is cancelled cleanly (nothing is lost) or kept.
        A sync the archive's service runs goes on without this window."""
        if not self.running or self.follower.following:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Sync running"),
            self.tr(
                "A sync with Flickr is running. Stop it and close? What is already published stays, and the next sync carries on."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.cancel()
        self.sync_runner.wait()
        return True
