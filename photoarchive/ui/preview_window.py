"""The full-screen preview (Space or F in the grid): one photo on neutral dark grey, arrows step through
the grid, Esc (or Space/F again) goes back. The culling keys work here too (the window adds them)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from photoarchive.catalog.photos import PhotoRecord, PhotoSummary
from photoarchive.ui.context import AppContext
from photoarchive.ui.thumbnails import GRID, read_image, thumbnail_file

FULL_BOUND = QSize(1600, 1600)


class FullScreenPreview(QWidget):
    stepRequested = Signal(int)  # -1 previous, +1 next
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("fullscreen_preview")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Preview"))
        self.setStyleSheet("FullScreenPreview { background: #161616; } QLabel { color: #d8d8d8; }")
        self.setAutoFillBackground(True)
        self.photo_id: int | None = None
        self.source: QPixmap | None = None
        self._request = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout.addWidget(self.image, 1)
        self.caption = QLabel()
        self.caption.setObjectName("preview_caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.caption)
        self.hint = QLabel(
            self.tr("← → previous / next · P C M confirm · Shift+P C M reject · Ctrl+R reviewed · Esc back")
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #8a8a8a;")
        layout.addWidget(self.hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_photo(self, photo: PhotoSummary, position: int, total: int) -> None:
        """Show a photo at once from its grid thumbnail, then sharp from the preview (read on a worker)."""
        self._request += 1
        request = self._request
        self.photo_id = photo.id
        parts = [photo.original_name]
        if photo.capture_time:
            parts.append(photo.capture_time.strftime("%d.%m.%Y %H:%M"))
        if photo.case_number:
            parts.append(photo.case_number)
        parts.append(self.tr("%1 of %2").replace("%1", str(position + 1)).replace("%2", str(total)))
        self.caption.setText("   ·   ".join(parts))
        grid = read_image(thumbnail_file(self.ctx.home.thumbnails, photo.sha256, GRID))
        self.source = None if grid.isNull() else QPixmap.fromImage(grid)
        self._rescale()
        ctx = self.ctx

        def load() -> QImage:
            from photoarchive.ui.inspector import load_preview

            record: PhotoRecord = ctx.catalog.photos.get(photo.id)
            return load_preview(ctx.home.thumbnails, ctx.home.originals, record, FULL_BOUND)

        self.ctx.runner.submit(load, on_done=lambda image: self._loaded(request, image))

    def _loaded(self, request: int, image: QImage) -> None:
        if request == self._request and not image.isNull():
            self.source = QPixmap.fromImage(image)
            self._rescale()

    def _rescale(self) -> None:
        if self.source is None:
            self.image.setText(self.tr("Loading preview…"))
            return
        area = self.image.size()
        self.image.setPixmap(
            self.source.scaled(
                max(50, area.width()),
                max(50, area.height()),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._rescale()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.stepRequested.emit(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.stepRequested.emit(-1)
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_F) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().closeEvent(event)
        self.closed.emit()
