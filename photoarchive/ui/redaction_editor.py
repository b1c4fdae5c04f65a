"""The redaction editor: a photo's preview with its redaction regions as boxes, drawn, moved, resized and
removed with the mouse and the keyboard.

Standalone widget: give it the preview (displayed orientation) and the photo's regions, read them back
with `regions()` when `regionsChanged` fires, and save them with
`photoarchive.redaction.RedactionService.replace_all(photo_id, editor.regions(), actor)`.

Mouse: drag on the picture draws a new region; press inside a region selects it and drags it; drag a
corner of the selected region resizes it. Keyboard: Delete/Backspace removes the selected region, arrow
keys move it (Shift+arrow: grow/shrink it), Tab selects the next one, Escape drops the selection.
"""

from __future__ import annotations

import dataclasses
from enum import Enum, auto

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from photoarchive.redaction.model import Fill, Region, RegionKind

# A drawn box smaller than this (widget pixels) is a click, not a region.
MIN_DRAW_PX = 5
HANDLE_PX = 8
# One arrow-key press moves (or resizes) the selected region by this share of the picture.
NUDGE = 0.005


class _Drag(Enum):
    NONE = auto()
    DRAW = auto()
    MOVE = auto()
    RESIZE = auto()


class RedactionEditor(QWidget):
    """Preview + editable regions. Signals: ``regionsChanged`` (after each finished edit) and
    ``selectionChanged(int)`` (index into `regions()`, -1 for none)."""

    regionsChanged = Signal()
    selectionChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._regions: list[Region] = []
        self._selected = -1
        self._drag = _Drag.NONE
        self._press = QPointF()
        self._start_region: Region | None = None
        self._corner = (0, 0)  # which corner is resized: (0 left/1 right, 0 top/1 bottom)
        self._draft: QRectF | None = None
        self.new_kind = RegionKind.MANUAL
        self.new_fill = Fill.BOX
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(
            self.tr("Drag to draw a region to hide. Delete removes the selected region, arrow keys move it, "
                    "Shift+arrow keys resize it.")  # fmt: skip
        )
        self.setAccessibleName(self.tr("Redaction regions"))

    # -- API -------------------------------------------------------------------------------------

    def set_image(self, image: QImage | QPixmap) -> None:
        """The photo as displayed (orientation applied)."""
        self._pixmap = QPixmap.fromImage(image) if isinstance(image, QImage) else QPixmap(image)
        self.update()

    def set_regions(self, regions: list[Region]) -> None:
        self._regions = list(regions)
        self._select(-1)
        self.update()

    def regions(self) -> list[Region]:
        return list(self._regions)

    def selected_index(self) -> int:
        return self._selected

    def set_selected_fill(self, fill: Fill) -> None:
        if 0 <= self._selected < len(self._regions):
            self._replace(self._selected, dataclasses.replace(self._regions[self._selected], fill=fill))
            self.regionsChanged.emit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 427)

    # -- geometry --------------------------------------------------------------------------------

    def image_rect(self) -> QRectF:
        """Where the picture is drawn in the widget (fitted, centred)."""
        if self._pixmap.isNull():
            return QRectF(0, 0, self.width(), self.height())
        pw, ph = self._pixmap.width(), self._pixmap.height()
        scale = min(self.width() / pw, self.height() / ph)
        w, h = pw * scale, ph * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def widget_rect(self, region: Region) -> QRectF:
        r = self.image_rect()
        return QRectF(r.x() + region.x * r.width(), r.y() + region.y * r.height(), region.w * r.width(), region.h * r.height())

    def _to_fraction(self, point: QPointF) -> tuple[float, float]:
        r = self.image_rect()
        fx = (point.x() - r.x()) / r.width() if r.width() else 0.0
        fy = (point.y() - r.y()) / r.height() if r.height() else 0.0
        return min(1.0, max(0.0, fx)), min(1.0, max(0.0, fy))

    def _region_at(self, point: QPointF) -> int:
        # The last drawn is on top: search from the end.
        for index in range(len(self._regions) - 1, -1, -1):
            if self.widget_rect(self._regions[index]).contains(point):
                return index
        return -1

    def _corner_at(self, point: QPointF) -> tuple[int, int] | None:
        if not 0 <= self._selected < len(self._regions):
            return None
        rect = self.widget_rect(self._regions[self._selected])
        for cx, x in ((0, rect.left()), (1, rect.right())):
            for cy, y in ((0, rect.top()), (1, rect.bottom())):
                if abs(point.x() - x) <= HANDLE_PX and abs(point.y() - y) <= HANDLE_PX:
                    return cx, cy
        return None

    # -- editing ---------------------------------------------------------------------------------

    def _select(self, index: int) -> None:
        if index != self._selected:
            self._selected = index
            self.selectionChanged.emit(index)
        self.update()

    def _replace(self, index: int, region: Region) -> None:
        x, y = min(1.0, max(0.0, region.x)), min(1.0, max(0.0, region.y))
        w, h = min(region.w, 1.0 - x), min(region.h, 1.0 - y)
        # A person moved or resized it: it is theirs now, and no longer confirmed.
        self._regions[index] = dataclasses.replace(region, x=x, y=y, w=max(w, 0.001), h=max(h, 0.001), confirmed_by="", confirmed_at=None)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = event.position()
        self._press = point
        corner = self._corner_at(point)
        if corner is not None:
            self._drag, self._corner = _Drag.RESIZE, corner
            self._start_region = self._regions[self._selected]
            return
        index = self._region_at(point)
        if index >= 0:
            self._select(index)
            self._drag, self._start_region = _Drag.MOVE, self._regions[index]
            return
        self._select(-1)
        self._drag, self._draft = _Drag.DRAW, QRectF(point, point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position()
        if self._drag is _Drag.DRAW and self._draft is not None:
            self._draft = QRectF(self._press, point).normalized()
            self.update()
        elif self._drag is _Drag.MOVE and self._start_region is not None:
            r = self.image_rect()
            dx = (point.x() - self._press.x()) / r.width()
            dy = (point.y() - self._press.y()) / r.height()
            start = self._start_region
            x = min(max(0.0, start.x + dx), 1.0 - start.w)
            y = min(max(0.0, start.y + dy), 1.0 - start.h)
            self._replace(self._selected, dataclasses.replace(start, x=x, y=y))
        elif self._drag is _Drag.RESIZE and self._start_region is not None:
            s = self._start_region
            fx, fy = self._to_fraction(point)
            left, right = (fx, s.x + s.w) if self._corner[0] == 0 else (s.x, fx)
            top, bottom = (fy, s.y + s.h) if self._corner[1] == 0 else (s.y, fy)
            left, right = sorted((left, right))
            top, bottom = sorted((top, bottom))
            self._replace(self._selected, dataclasses.replace(s, x=left, y=top, w=right - left, h=bottom - top))
        else:
            corner = self._corner_at(point)
            if corner is not None:
                diagonal = corner in ((0, 0), (1, 1))
                self.setCursor(Qt.CursorShape.SizeFDiagCursor if diagonal else Qt.CursorShape.SizeBDiagCursor)
            elif self._region_at(point) >= 0:
                self.setCursor(Qt.CursorShape.SizeAllCursor)
            else:
                self.setCursor(Qt.CursorShape.CrossCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        drag, self._drag = self._drag, _Drag.NONE
        if drag is _Drag.DRAW and self._draft is not None:
            rect = QRectF(self._press, event.position()).normalized()
            self._draft = None
            if rect.width() >= MIN_DRAW_PX and rect.height() >= MIN_DRAW_PX:
                x0, y0 = self._to_fraction(rect.topLeft())
                x1, y1 = self._to_fraction(rect.bottomRight())
                if x1 > x0 and y1 > y0:
                    self._regions.append(Region(x0, y0, x1 - x0, y1 - y0, self.new_kind, self.new_fill))
                    self._select(len(self._regions) - 1)
                    self.regionsChanged.emit()
            self.update()
        elif drag in (_Drag.MOVE, _Drag.RESIZE) and self._start_region is not None:
            if self._regions[self._selected] != self._start_region:
                self.regionsChanged.emit()
            self._start_region = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Tab and self._regions:
            self._select((self._selected + 1) % len(self._regions))
            return
        if key == Qt.Key.Key_Escape:
            self._drag, self._draft = _Drag.NONE, None
            self._select(-1)
            return
        if not 0 <= self._selected < len(self._regions):
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            del self._regions[self._selected]
            self._selected = -1
            self.selectionChanged.emit(-1)
            self.update()
            self.regionsChanged.emit()
            return
        steps = {
            Qt.Key.Key_Left: (-NUDGE, 0.0), Qt.Key.Key_Right: (NUDGE, 0.0),
            Qt.Key.Key_Up: (0.0, -NUDGE), Qt.Key.Key_Down: (0.0, NUDGE),
        }  # fmt: skip
        if key in steps:
            dx, dy = steps[Qt.Key(key)]
            r = self._regions[self._selected]
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                changed = dataclasses.replace(r, w=max(0.002, r.w + dx), h=max(0.002, r.h + dy))
            else:
                changed = dataclasses.replace(r, x=min(max(0.0, r.x + dx), 1.0 - r.w), y=min(max(0.0, r.y + dy), 1.0 - r.h))
            self._replace(self._selected, changed)
            self.regionsChanged.emit()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:  # noqa: N802 - Tab selects regions here
        return False

    # -- painting --------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(40, 40, 40))
        target = self.image_rect()
        if not self._pixmap.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        for index, region in enumerate(self._regions):
            rect = self.widget_rect(region)
            selected = index == self._selected
            if region.fill is Fill.MOSAIC:
                painter.fillRect(rect, QBrush(QColor(0, 0, 0, 110), Qt.BrushStyle.Dense4Pattern))
            else:
                painter.fillRect(rect, QColor(0, 0, 0, 150))
            pen = QPen(QColor(255, 214, 0) if selected else QColor(230, 40, 40), 2.5 if selected else 1.5)
            if region.source == "detector" and not region.confirmed_by:
                pen.setStyle(Qt.PenStyle.DashLine)  # a suggestion nobody has confirmed
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if selected:
                painter.setBrush(QColor(255, 214, 0))
                for corner in (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()):
                    painter.drawRect(QRectF(corner.x() - HANDLE_PX / 2, corner.y() - HANDLE_PX / 2, HANDLE_PX, HANDLE_PX))
        if self._draft is not None:
            painter.setPen(QPen(QColor(255, 214, 0), 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._draft)
        painter.end()
