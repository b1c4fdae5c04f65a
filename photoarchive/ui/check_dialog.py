"""The "Check archive" dialog: runs `photoarchive.check.check_archive` on a worker thread, shows its
progress per stage, can cancel, and lists the findings in the user's language when it is done.

Open it with `CheckDialog(ctx, parent).start()` (then `exec()` or `show()`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.check import CheckProgress, CheckReport, CheckStage, Finding, FindingKind, check_archive
from photoarchive.ui.context import AppContext


class _CheckWorker(QObject):
    progressed = Signal(object)  # CheckProgress
    finished = Signal(object)  # CheckReport
    failed = Signal(object)  # the exception

    def __init__(self, ctx: AppContext, quick: bool, stop: threading.Event):
        super().__init__()
        self.ctx = ctx
        self.quick = quick
        self.stop = stop

    @Slot()
    def run(self) -> None:
        try:
            report = check_archive(
                self.ctx.home,
                self.ctx.settings,
                self.ctx.catalog,
                quick=self.quick,
                progress=self.progressed.emit,
                cancelled=self.stop.is_set,
            )
        except Exception as exc:  # noqa: BLE001 — shown in the dialog, never lost
            self.failed.emit(exc)
        else:
            self.finished.emit(report)


class CheckDialog(QDialog):
    """Progress and result of one archive check."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, quick: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.quick = quick
        self.report: CheckReport | None = None
        self._stop = threading.Event()
        self._thread: QThread | None = None
        self._worker: _CheckWorker | None = None
        self.setWindowTitle(self.tr("Check archive"))
        self.stage_label = QLabel(self.tr("Starting…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.findings_list = QListWidget()
        self.findings_list.hide()
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setEnabled(False)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (
            self.stage_label,
            self.progress_bar,
            self.summary_label,
            self.findings_list,
            self.buttons,
        ):
            layout.addWidget(widget)
        self.resize(560, 200)

    def start(self) -> CheckDialog:
        thread = QThread(self)
        worker = _CheckWorker(self.ctx, self.quick, self._stop)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(thread.quit)
        worker.failed.connect(thread.quit)
        self._thread, self._worker = thread, worker
        thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    @Slot()
    def cancel(self) -> None:
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.stage_label.setText(self.tr("Stopping after the file in progress…"))

    def done(self, result: int) -> None:  # Close, Esc or the window's close button: stop the check first
        self._stop.set()
        self.wait()
        super().done(result)

    def wait(self, msecs: int = 60_000) -> None:
        """Block until the check's thread has ended (tests, and closing the dialog). The thread is the
        dialog's child: destroyed while still running, Qt aborts the whole program."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(msecs)

    def _stage_text(self, stage: CheckStage) -> str:
        if stage is CheckStage.ORIGINALS:
            if self.quick:
                return self.tr("Comparing sizes and dates of the originals")
            return self.tr("Re-reading every original and comparing its checksum")
        if stage is CheckStage.UNKNOWN_FILES:
            return self.tr("Looking for originals the catalog does not know")
        return self.tr("Checking the quarantine folder")

    @Slot(object)
    def _on_progress(self, progress: CheckProgress) -> None:
        self.stage_label.setText(
            self.tr("%1: %2 of %3")
            .replace("%1", self._stage_text(progress.stage))
            .replace("%2", str(progress.done))
            .replace("%3", str(progress.total))
        )
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.done if progress.total else 1)

    @Slot(object)
    def _on_finished(self, report: CheckReport) -> None:
        self.wait()  # the worker has returned: let its thread end before anyone can close the dialog
        self.report = report
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        repaired = sum(1 for f in report.findings if f.repaired)
        if report.cancelled:
            verdict = self.tr("The check was cancelled before it finished.")
        elif report.whole:
            verdict = self.tr("The archive is whole.")
        else:
            verdict = self.tr("%n problem(s) need attention.", "", len(report.problems))
        self.stage_label.setText(verdict)
        self.summary_label.setText(
            self.tr("%n photo(s) checked", "", report.photos_checked)
            + " · "
            + self.tr("%n repaired", "", repaired)
        )
        self.findings_list.clear()
        for finding in report.findings:
            self.findings_list.addItem(self.describe(finding))
        self.findings_list.setVisible(bool(report.findings))

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.wait()
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.stage_label.setText(self.tr("The check could not run: %1").replace("%1", str(exc)))

    def describe(self, finding: Finding) -> str:
        """One finding in words, with its path."""
        words = {
            FindingKind.CHANGED: self.tr("Changed since it was archived"),
            FindingKind.SIZE_CHANGED: self.tr("Size differs from the catalog"),
            FindingKind.MODIFIED_AFTER_INGEST: self.tr("Modified after it was archived"),
            FindingKind.MISSING_ORIGINAL: self.tr("Original missing"),
            FindingKind.UNREADABLE_ORIGINAL: self.tr("Original cannot be read"),
            FindingKind.ADOPTED: self.tr("Unknown original added to the catalog"),
            FindingKind.UNKNOWN_COPY: self.tr("Second copy of an archived photo (left in place)"),
            FindingKind.UNKNOWN_NOT_A_PHOTO: self.tr("Unknown file that is not a photo (left in place)"),
            FindingKind.THUMBNAIL_REBUILT: self.tr("Thumbnail made again"),
            FindingKind.THUMBNAIL_FAILED: self.tr("Thumbnail could not be made"),
            FindingKind.QUARANTINE_FILE_MISSING: self.tr("Quarantined file missing"),
        }
        return f"{words[finding.kind]}: {finding.path}"
