"""Paints one grid tile: the thumbnail, the file name, and badges for categories, GPS, serial and sets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from photoarchive.catalog.photos import PhotoSummary
from photoarchive.ui.photo_model import PhotoListModel

TILE = QSize(196, 212)
THUMB = QSize(180, 160)

_BADGE_COLOURS = {
    "portrait": QColor(58, 120, 200),
    "case": QColor(190, 110, 30),
    "media": QColor(60, 150, 90),
    "gps": QColor(200, 50, 50),
    "serial": QColor(160, 60, 160),
    "set": QColor(90, 90, 90),
    "published": QColor(0, 99, 220),
    "cover": QColor(196, 120, 0),
    "unchecked": QColor(120, 0, 20),
}


class TileDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        # Short badge texts, translated once (painting happens thousands of times).
        self.labels = {
            "portrait": self.tr("Portrait"),
            "case": self.tr("Case"),
            "media": self.tr("Media"),
            "gps": self.tr("GPS"),
            "serial": self.tr("Serial"),
            "set": self.tr("In set"),
            "published": self.tr("Published"),
            "cover": self.tr("Cover"),
            "unchecked": self.tr("Not checked"),
        }

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return TILE

    def _paint_placeholder(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        """A tile whose row is still being fetched."""
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        thumb = QRect(
            rect.left() + (rect.width() - THUMB.width()) // 2, rect.top() + 4, THUMB.width(), THUMB.height()
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRect(thumb.adjusted(20, 10, -20, -10))
        painter.restore()

    def badges(
        self, photo: PhotoSummary, published: bool = False, cover: bool = False, in_set_badge: bool = True
    ) -> list[tuple[str, str, bool]]:
        """(key, label, suggested) for each badge on a tile, in a fixed order. ``in_set_badge=False``
        where every tile is in a set anyway (a set's own view)."""
        out: list[tuple[str, str, bool]] = []
        if cover:
            out.append(("cover", self.labels["cover"], False))
        for cat in photo.categories:
            key = cat.rstrip("?")
            if key in self.labels:
                out.append((key, self.labels[key], cat.endswith("?")))
        unchecked = self._privacy_unchecked_badge(photo)
        if unchecked is not None:
            out.append(unchecked)
        else:
            if photo.has_gps:
                out.append(("gps", self.labels["gps"], False))
            if photo.has_serial:
                out.append(("serial", self.labels["serial"], False))
        if published:
            out.append(("published", self.labels["published"], False))
        elif photo.in_set and in_set_badge:
            out.append(("set", self.labels["set"], False))
        return out

    # -- safeguards (issue 10): a photo whose privacy scan failed is "not checked", never "clean" ---------

    def _privacy_unchecked_badge(self, photo: PhotoSummary) -> tuple[str, str, bool] | None:
        """The "Not checked" badge when the core says the photo could not be checked for personal data
        (it is then never published or exported); the GPS/serial flags of a failed scan mean nothing."""
        from photoarchive.privacy_state import PrivacyState, decide

        if not photo.privacy_findings or decide(photo.privacy_findings).state is not PrivacyState.UNCHECKED:
            return None
        return ("unchecked", self.labels["unchecked"], False)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # The model is asked directly: PySide6 6.12 miscounts references when QModelIndex.data() hands
        # an empty value back to Python, which crashes after some thousand tiles.
        model = index.model()
        photo = model.summary_at(index.row()) if isinstance(model, PhotoListModel) else None
        if photo is None:
            self._paint_placeholder(painter, option)
            return
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, 6, 6)
        thumb_rect = QRect(
            rect.left() + (rect.width() - THUMB.width()) // 2, rect.top() + 4, THUMB.width(), THUMB.height()
        )
        pixmap = model.thumbnails.pixmap(photo.sha256)
        if pixmap is not None and not pixmap.isNull():
            size = pixmap.size().scaled(thumb_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(thumb_rect.center())
            painter.drawPixmap(target, pixmap)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRect(thumb_rect.adjusted(20, 10, -20, -10))
        # Badges along the top edge of the thumbnail.
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.75))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        x = thumb_rect.left() + 2
        y = thumb_rect.top() + 2
        badges = self.badges(
            photo, photo.id in model.published, photo.id == model.cover, not model.shows_one_set
        )
        for key, label, suggested in badges:
            width = metrics.horizontalAdvance(label) + 8
            if x + width > thumb_rect.right():
                x = thumb_rect.left() + 2
                y += metrics.height() + 4
            badge = QRect(x, y, width, metrics.height() + 2)
            colour = _BADGE_COLOURS[key]
            if suggested:  # a suggestion is an outline until a person confirms it
                painter.setBrush(QColor(255, 255, 255, 220))
                painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
                painter.drawRoundedRect(badge, 4, 4)
                painter.setPen(colour)
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label + "?")
            else:
                painter.setBrush(colour)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRoundedRect(badge, 4, 4)
                painter.setPen(QColor("white"))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            x += width + 3
        # File name, elided, with unreviewed photos in bold.
        name_font = option.font
        name_font.setBold(not photo.reviewed)
        painter.setFont(name_font)
        name_rect = QRect(
            rect.left() + 4,
            thumb_rect.bottom() + 4,
            rect.width() - 8,
            rect.bottom() - thumb_rect.bottom() - 4,
        )
        painter.setPen(
            palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        text = QFontMetrics(name_font).elidedText(
            photo.original_name, Qt.TextElideMode.ElideMiddle, name_rect.width()
        )
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.restore()
