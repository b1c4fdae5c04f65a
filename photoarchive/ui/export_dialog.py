"""Export clean copies for a journalist, in one dialog: where (remembered; first the user's Pictures
folder), full or web size, with or without the capture date; progress while it writes; the result
with "Open folder"."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.ui.context import AppContext
from photoarchive.ui.theme import user_state

log = logging.getLogger(__name__)

WEB_SIZE = 2048


def default_folder() -> Path:
    """The user's Pictures folder (the home folder when the system names none)."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(pictures) if pictures else Path.home()


class ExportDialog(QDialog):
    finished_export = Signal(list)  # the ExportItems

    def __init__(
        self, ctx: AppContext, photo_ids: list[int], names: dict[int, str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export clean copies"))
        self.ctx = ctx
        self.photo_ids = list(photo_ids)
        self.names = names
        self.items: list = []
        self.state = user_state()
        self._queue: list[int] = []
        self._cancelled = False

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%n photo(s) will be written as clean copies: no GPS position, serial number, owner's name or "
                "hidden preview, with the press information from the archive.",
                "",
                len(self.photo_ids),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        where = QHBoxLayout()
        remembered = self.state.value("export/folder", "")
        self.folder = QLineEdit(str(remembered or default_folder()))
        self.folder.setObjectName("export_folder")
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("export_browse")
        browse.clicked.connect(self._choose_folder)
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Folder"), where)
        self.full = QRadioButton(self.tr("Full size (image data unchanged)"))
        self.full.setObjectName("export_full")
        self.web = QRadioButton(
            self.tr("Web size, %1 px on the long edge (re-encoded)").replace("%1", str(WEB_SIZE))
        )
        self.web.setObjectName("export_web")
        (self.web if self.state.value("export/size", "full") == "web" else self.full).setChecked(True)
        sizes = QVBoxLayout()
        sizes.addWidget(self.full)
        sizes.addWidget(self.web)
        form.addRow(self.tr("Size"), sizes)
        self.keep_date = QCheckBox(self.tr("Keep the capture date"))
        self.keep_date.setObjectName("export_keep_date")
        self.keep_date.setChecked(ctx.settings.privacy.keep_capture_date)
        form.addRow(self.tr("Date"), self.keep_date)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setRange(0, len(self.photo_ids))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.result = QLabel()
        self.result.setObjectName("export_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        layout.addWidget(self.result)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_start")
        self.open_button = self.buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("export_open_folder")
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self._cancel)
        layout.addWidget(self.buttons)
        self.resize(560, 300)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export clean copies to"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def target(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def start(self) -> None:
        """Write the copies one by one on a worker, so the bar moves and Cancel stops between photos."""
        if not self.folder.text().strip():
            return
        self.state.setValue("export/folder", str(self.target()))
        self.state.setValue("export/size", "web" if self.web.isChecked() else "full")
        for widget in (self.folder, self.full, self.web, self.keep_date, self.export_button):
            widget.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self._queue = list(self.photo_ids)
        self.items = []
        self._next()

    def _next(self) -> None:
        if self._cancelled or not self._queue:
            self._done()
            return
        photo_id = self._queue.pop(0)
        ctx, out = self.ctx, self.target()
        max_size = WEB_SIZE if self.web.isChecked() else None
        keep = self.keep_date.isChecked()
        settings = copy.deepcopy(ctx.settings)
        settings.privacy.keep_capture_date = keep

        def work():  # type: ignore[no-untyped-def]
            from photoarchive.publish import export_photos

            return export_photos(
                ctx.home, settings, ctx.catalog, [photo_id], out, max_size=max_size, keep_date=keep
            )

        def failed(exc: BaseException) -> None:
            from photoarchive.publish import ExportItem

            self._delivered([ExportItem(photo_id, error=str(exc))])

        self.ctx.runner.submit(work, on_done=self._delivered, on_error=failed)

    def _delivered(self, items: list) -> None:  # type: ignore[type-arg]
        self.items.extend(items)
        self.progress.setValue(len(self.items))
        self._next()

    def _done(self) -> None:
        written = [i for i in self.items if not i.error]
        failed = [i for i in self.items if i.error]
        text = self.tr("%n clean copy(ies) written to %1.", "", len(written)).replace(
            "%1", str(self.target())
        )
        if self._cancelled and self._queue:
            text += " " + self.tr("Stopped: %n photo(s) not exported.", "", len(self._queue))
        if failed:
            text += (
                "\n\n"
                + self.tr("Not exported:")
                + "\n"
                + "\n".join(
                    f"• {getattr(i, 'name', '') or self.names.get(i.photo_id, str(i.photo_id))}: {self.problem(i)}"
                    for i in failed
                )
            )
        self.result.setText(text)
        self.result.show()
        self.open_button.setVisible(bool(written))
        self.close_button.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.export_button.hide()
        self.finished_export.emit(self.items)

    def problem(self, item) -> str:  # type: ignore[no-untyped-def]
        """Why a photo was not exported; "could not be checked for personal data" in the user's language."""
        if getattr(item, "unchecked", None) is None:
            return item.error
        from photoarchive.ui.set_words import unchecked_in_words

        reason = unchecked_in_words([r.value for r in item.unchecked.reasons], item.unchecked.detail)
        return self.tr("could not be checked for personal data (%1), so no copy leaves the archive").replace(
            "%1", reason
        )

    def _cancel(self) -> None:
        if self._queue:
            self._cancelled = True  # stops after the photo in hand
        else:
            self.reject()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.target())))
