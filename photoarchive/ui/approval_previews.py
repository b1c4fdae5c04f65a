"""The approve dialog's redacted previews: each case photo with regions as its published copy will show
it — made on a worker by the burn-in code itself (redaction.burn) at preview size — with its review and a
button to the redaction editor."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from photoarchive.sets.service import ApprovalCheck
from photoarchive.sets.workflow import CaseDecision

if TYPE_CHECKING:
    from photoarchive.ui.context import AppContext

# The long edge of the redacted previews, in pixels.
PREVIEW_EDGE = 240


def redacted_preview(ctx: AppContext, photo_id: int, edge: int = PREVIEW_EDGE) -> QImage:
    """Runs on a worker: the photo as its published copy will show it (redaction.burn, the code that
    makes the copy), as a QImage (safe off the UI thread, unlike a QPixmap)."""
    from photoarchive.redaction import RedactionService

    picture = RedactionService(ctx.catalog, ctx.home).preview(photo_id, edge)
    data = picture.tobytes("raw", "RGB")
    image = QImage(data, picture.width, picture.height, picture.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # its own pixels: `data` goes away with this function


def clear_layout(layout: QVBoxLayout) -> None:
    """Empty a layout of the widgets a redraw replaces."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)  # out of the dialog now (findChild), freed later
            widget.deleteLater()


class RedactionPreviews(QGroupBox):
    """The rows of redacted previews; hidden when the set has no case photo with regions."""

    # photo id: open the redaction editor on it.
    openRequested = Signal(int)

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("What the case photos will show once published"))
        self.setObjectName("redaction_previews")
        # Without a context no preview can be made (nor the editor opened).
        self.ctx = ctx
        # (photo id, regions digest) -> the redacted preview made for it.
        self.previews: dict[tuple[int, str], QImage] = {}
        self._digests: dict[int, str] = {}
        # The rows scroll: a set of many case photos must not push the rest of the dialog away.
        box_layout = QVBoxLayout(self)
        box_layout.setContentsMargins(4, 4, 4, 4)
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        rows = QWidget()
        self.preview_layout = QVBoxLayout(rows)
        self.preview_scroll.setWidget(rows)
        self.preview_scroll.setMaximumHeight(PREVIEW_EDGE * 2 // 3 * 2 + 24)
        box_layout.addWidget(self.preview_scroll)

    def show_check(self, check: ApprovalCheck) -> None:
        """Each case photo with regions: the redacted copy as it will be published (made on a worker by
        the burn-in code), its review, and a button to the redaction editor."""
        from photoarchive.ui.redaction_dialog import review_in_words

        clear_layout(self.preview_layout)
        digests = self._digests = {p.photo_id: p.redaction or "" for p in check.view.content.photos}
        shown = [
            p for p in check.photos if p.facts.case.decision is CaseDecision.CASE and p.facts.regions > 0
        ]
        for photo in shown:
            pid = photo.photo_id
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            picture = QLabel(self.tr("Making the preview…"))
            picture.setObjectName(f"redaction_preview_{pid}")
            picture.setFixedSize(PREVIEW_EDGE, PREVIEW_EDGE * 2 // 3)
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setAccessibleName(
                self.tr("Published copy of %1, regions hidden").replace("%1", photo.name)
            )
            row_layout.addWidget(picture)
            words = QVBoxLayout()
            name = QLabel(f"<b>{escape(photo.name)}</b>")
            words.addWidget(name)
            state = QLabel(
                self.tr("%n region(s) hidden", "", photo.facts.regions)
                + "\n"
                + review_in_words(photo.facts.redaction_unreviewed, photo.facts.redaction_review)
            )
            state.setObjectName(f"redaction_state_{pid}")
            state.setWordWrap(True)
            words.addWidget(state)
            edit = QPushButton(self.tr("Open in the redaction editor…"))
            edit.setObjectName(f"redaction_open_{pid}")
            edit.setEnabled(self.ctx is not None)
            edit.clicked.connect(lambda _c=False, p=pid: self.openRequested.emit(p))
            words.addWidget(edit)
            words.addStretch(1)
            row_layout.addLayout(words, 1)
            self.preview_layout.addWidget(row)
            self._show_preview(picture, pid, digests.get(pid, ""))
        self.setVisible(bool(shown))
        one_row = PREVIEW_EDGE * 2 // 3 + 12
        self.preview_scroll.setMinimumHeight(min(len(shown), 2) * one_row if shown else 0)

    def _show_preview(self, label: QLabel, photo_id: int, digest: str) -> None:
        key = (photo_id, digest)
        if key in self.previews:
            self._set_picture(label, self.previews[key])
            return
        if self.ctx is None:
            label.setText(self.tr("No preview available"))
            return

        def done(image: QImage) -> None:
            self.previews[key] = image
            if isValid(label) and label.parent() is not None:  # not replaced by a newer check meanwhile
                self._set_picture(label, image)

        def failed(_exc: BaseException) -> None:
            if isValid(label):
                label.setText(self.tr("No preview available"))

        self.ctx.runner.submit(redacted_preview, self.ctx, photo_id, on_done=done, on_error=failed)

    def _set_picture(self, label: QLabel, image: QImage) -> None:
        if image.isNull():
            label.setText(self.tr("No preview available"))
            return
        label.setPixmap(QPixmap.fromImage(image))

    def image(self, photo_id: int) -> QImage | None:
        """The redacted preview shown for the photo (None until it is made)."""
        return self.previews.get((photo_id, self._digests.get(photo_id, "")))
