"""Paints one grid tile: the thumbnail (framed when the picture is tiny), badges, and a two-line caption
(file name; capture date and case number). The tile size follows the grid's zoom slider.

Badges are legible (text at least 11 px) and differ in colour *and* shape, so they read for colour-blind
users too: categories are pills (a dashed outline with "?" while only suggested), personal data
(GPS, serial) square-cornered, set status (in set, cover, published) a tab with a mark. A photo showing
someone without valid consent for publishing gets a sign-shaped crimson "No consent" badge with a
no-entry mark, and a crimson frame around its thumbnail (as consent-managing DAMs mark them).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from photoarchive.catalog.photos import PhotoSummary
from photoarchive.ui.photo_model import PhotoListModel

# The thumbnail's long edge in logical pixels: the slider's range and its start.
MIN_THUMB = 100
MAX_THUMB = 400
DEFAULT_THUMB = 180
# Text of badges, never smaller than this (pixels).
BADGE_PIXELS = 11
# A picture smaller than this (either edge, in pixels) is drawn at its own size inside a visible frame,
# instead of blown up into a blur or left as a near-invisible dot.
TINY_EDGE = 64

PILL, SQUARE, TAB, SIGN = "pill", "square", "tab", "sign"

# key: (colour, shape, mark drawn before the text). Marks are drawn as vector shapes, not font glyphs,
# so they look the same with every system font.
_BADGES: dict[str, tuple[QColor, str, str]] = {
    "portrait": (QColor(52, 110, 190), PILL, ""),
    "case": (QColor(176, 96, 24), PILL, ""),
    "media": (QColor(46, 132, 78), PILL, ""),
    "gps": (QColor(196, 40, 40), SQUARE, "pin"),
    "serial": (QColor(140, 50, 150), SQUARE, "hash"),
    "set": (QColor(96, 96, 96), TAB, "stack"),
    "published": (QColor(0, 92, 200), TAB, "check"),
    "cover": (QColor(210, 170, 20), TAB, "star"),
    # The privacy state "could not be checked" (its own function decides when it shows).
    "unchecked": (QColor(20, 20, 20), SQUARE, "bang"),
    # Someone in it has no valid consent for publishing (people/: PeopleService.without_valid_consent).
    "consent": (QColor(190, 20, 70), SIGN, "ban"),
}
CONSENT_FRAME = _BADGES["consent"][0]
MARK = 10  # the mark's size in pixels
# Kept for callers that only need the colour of a badge.
_BADGE_COLOURS = {key: colour for key, (colour, _shape, _mark) in _BADGES.items()}
# Dark text on light badges (cover gold).
_DARK_TEXT = {"cover"}


def tile_size(thumb: int) -> QSize:
    """The grid cell for a thumbnail edge: the picture square plus two caption lines."""
    return QSize(thumb + 16, thumb + 50)


# The default tile, for views without a zoom slider (a set's photos).
THUMB = QSize(DEFAULT_THUMB, DEFAULT_THUMB)
TILE = tile_size(DEFAULT_THUMB)


def _sign_outline(box: QRectF) -> QPolygonF:
    """A badge with pointed left and right ends."""
    tip = min(5.0, box.height() / 2)
    mid = box.center().y()
    return QPolygonF(
        [
            QPointF(box.left(), mid),
            QPointF(box.left() + tip, box.top()),
            QPointF(box.right() - tip, box.top()),
            QPointF(box.right(), mid),
            QPointF(box.right() - tip, box.bottom()),
            QPointF(box.left() + tip, box.bottom()),
        ]
    )


class TileDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.thumb = DEFAULT_THUMB
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
            "consent": self.tr("No consent"),
        }
        self.badge_font = QFont()
        self.badge_font.setPixelSize(BADGE_PIXELS)
        self.badge_font.setBold(True)
        self._badge_metrics = QFontMetrics(self.badge_font)

    def set_thumb(self, thumb: int) -> None:
        self.thumb = max(MIN_THUMB, min(MAX_THUMB, thumb))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return tile_size(self.thumb)

    def _thumb_rect(self, rect: QRect) -> QRect:
        return QRect(rect.left() + (rect.width() - self.thumb) // 2, rect.top() + 4, self.thumb, self.thumb)

    def _paint_placeholder(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        """A tile whose row is still being fetched."""
        painter.save()
        thumb = self._thumb_rect(option.rect.adjusted(3, 3, -3, -3))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRect(thumb.adjusted(10, 20, -10, -20))
        painter.restore()

    def badges(
        self,
        photo: PhotoSummary,
        published: bool = False,
        cover: bool = False,
        in_set_badge: bool = True,
        no_consent: bool = False,
    ) -> list[tuple[str, str, bool]]:
        """(key, label, suggested) for each badge on a tile, in a fixed order. ``in_set_badge=False``
        where every tile is in a set anyway (a set's own view); ``no_consent``: someone in the photo has
        no valid consent for publishing (the badge comes first: it is what stops the photo)."""
        out: list[tuple[str, str, bool]] = []
        if no_consent:
            out.append(("consent", self.labels["consent"], False))
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

    def badge_shape(self, key: str) -> str:
        return _BADGES[key][1]

    def caption(self, photo: PhotoSummary) -> tuple[str, str]:
        """The tile's two caption lines: the file name, then capture date and case number."""
        second = []
        if photo.capture_time:
            second.append(photo.capture_time.strftime("%d.%m.%Y %H:%M"))
        if photo.case_number:
            second.append(photo.case_number)
        return photo.original_name, "  ·  ".join(second)

    @staticmethod
    def _draw_mark(painter: QPainter, mark: str, box: QRectF, colour: QColor) -> None:
        painter.save()
        pen = QPen(colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        c = box.center()
        if mark == "pin":
            painter.drawEllipse(c, 3.6, 3.6)
            painter.setBrush(colour)
            painter.drawEllipse(c, 1.2, 1.2)
        elif mark == "hash":
            for dx in (-1.8, 1.8):
                painter.drawLine(QPointF(c.x() + dx, box.top() + 1), QPointF(c.x() + dx, box.bottom() - 1))
            for dy in (-1.8, 1.8):
                painter.drawLine(QPointF(box.left() + 1, c.y() + dy), QPointF(box.right() - 1, c.y() + dy))
        elif mark == "stack":
            painter.drawRect(QRectF(box.left() + 2.5, box.top() + 1, box.width() - 3.5, box.height() - 4))
            painter.drawPolyline(
                [
                    QPointF(box.left() + 1, box.top() + 3),
                    QPointF(box.left() + 1, box.bottom()),
                    QPointF(box.right() - 2, box.bottom()),
                ]
            )
        elif mark == "check":
            painter.drawPolyline(
                [
                    QPointF(box.left() + 1, c.y()),
                    QPointF(c.x() - 1, box.bottom() - 1.5),
                    QPointF(box.right() - 1, box.top() + 1.5),
                ]
            )
        elif mark == "star":
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            points = []
            for i in range(10):
                radius = box.width() / 2 if i % 2 == 0 else box.width() / 4.5
                angle = -math.pi / 2 + i * math.pi / 5
                points.append(QPointF(c.x() + radius * math.cos(angle), c.y() + radius * math.sin(angle)))
            painter.drawPolygon(QPolygonF(points))
        elif mark == "ban":  # a no-entry sign: a circle with a slash
            radius = box.width() / 2 - 0.8
            painter.drawEllipse(c, radius, radius)
            d = radius * 0.7
            painter.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))
        elif mark == "bang":
            painter.drawLine(QPointF(c.x(), box.top() + 0.5), QPointF(c.x(), box.bottom() - 3))
            painter.drawPoint(QPointF(c.x(), box.bottom() - 0.5))
        painter.restore()

    def _draw_badge(self, painter: QPainter, rect: QRect, key: str, label: str, suggested: bool) -> None:
        colour, shape, mark = _BADGES[key]
        text = label + ("?" if suggested else "")
        radius = rect.height() / 2 if shape == PILL else (1.5 if shape == SQUARE else 3.0)
        box = QRectF(rect)
        if suggested:  # a suggestion is an outline until a person confirms it
            painter.setBrush(QColor(255, 255, 255, 235))
            painter.setPen(QPen(colour, 1.6, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(box.adjusted(0.8, 0.8, -0.8, -0.8), radius, radius)
            painter.setPen(colour.darker(130))
        else:
            painter.setBrush(colour)
            painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
            if shape == SIGN:  # pointed ends, like a road sign: no other badge has that outline
                painter.drawPolygon(_sign_outline(box))
            else:
                painter.drawRoundedRect(box, radius, radius)
            if shape == TAB:  # a notch on the left edge tells a set badge apart from a category pill
                painter.setBrush(QColor(255, 255, 255, 170))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRect(QRectF(box.left(), box.top() + 3, 2.5, box.height() - 6))
            painter.setPen(QColor(20, 20, 20) if key in _DARK_TEXT else QColor("white"))
        text_rect = QRect(rect)
        inset = 4 if shape == SIGN else 0
        if inset:
            text_rect.adjust(inset, 0, -inset, 0)
        if mark:
            ink = painter.pen().color()
            mark_box = QRectF(rect.left() + 5 + inset, rect.center().y() - MARK / 2 + 0.5, MARK, MARK)
            self._draw_mark(painter, mark, mark_box, ink)
            painter.setPen(ink)
            text_rect.setLeft(rect.left() + MARK + 4 + inset)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, text)

    def badge_width(self, key: str, label: str, suggested: bool) -> int:
        _colour, shape, mark = _BADGES[key]
        text = label + ("?" if suggested else "")
        points = 8 if shape == SIGN else 0  # room for the pointed ends
        return self._badge_metrics.horizontalAdvance(text) + 12 + points + (MARK + 3 if mark else 0)

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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        rect = option.rect.adjusted(3, 3, -3, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, 6, 6)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight).lighter(140), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 6, 6)
        thumb_rect = self._thumb_rect(rect)
        pixmap = model.thumbnails.pixmap(photo.sha256)
        tiny = 0 < min(photo.width, photo.height) < TINY_EDGE
        if pixmap is not None and not pixmap.isNull():
            ratio = pixmap.devicePixelRatio() or 1.0
            logical = QSize(round(pixmap.width() / ratio), round(pixmap.height() / ratio))
            if tiny:
                # Never enlarged: drawn at its own size on a light mat with a frame, so it can be seen.
                size = QSize(min(photo.width, thumb_rect.width()), min(photo.height, thumb_rect.height()))
            else:
                size = logical.scaled(thumb_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(thumb_rect.center())
            if tiny:
                mat = target.adjusted(-14, -14, 14, 14)
                painter.setBrush(QColor(128, 128, 128, 60))
                painter.setPen(QPen(QColor(150, 150, 150), 1, Qt.PenStyle.DashLine))
                painter.drawRect(mat)
            painter.drawPixmap(target, pixmap)
            if tiny:
                painter.setPen(QPen(QColor(150, 150, 150), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(target.adjusted(-1, -1, 0, 0))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRect(thumb_rect.adjusted(10, 20, -10, -20))
        no_consent = photo.id in model.without_consent
        if no_consent:  # a frame round the picture, seen at any tile size
            painter.setPen(QPen(CONSENT_FRAME, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(thumb_rect.adjusted(1, 1, -2, -2))
        # Badges along the top edge of the thumbnail.
        painter.setFont(self.badge_font)
        height = self._badge_metrics.height() + 4
        x = thumb_rect.left() + 3
        y = thumb_rect.top() + 3
        badges = self.badges(
            photo, photo.id in model.published, photo.id == model.cover, not model.shows_one_set, no_consent
        )
        for key, label, suggested in badges:
            width = self.badge_width(key, label, suggested)
            if x + width > thumb_rect.right() and x > thumb_rect.left() + 3:
                x = thumb_rect.left() + 3
                y += height + 3
            self._draw_badge(painter, QRect(x, y, width, height), key, label, suggested)
            x += width + 3
        # Caption: the file name (bold while unreviewed), then date and case number.
        name, details = self.caption(photo)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        name_font = QFont(option.font)
        name_font.setBold(not photo.reviewed)
        line = QFontMetrics(name_font).height()
        name_rect = QRect(rect.left() + 4, thumb_rect.bottom() + 5, rect.width() - 8, line)
        painter.setFont(name_font)
        painter.setPen(text_colour)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideMiddle, name_rect.width()),
        )
        if details:
            small = QFont(option.font)
            small.setPointSizeF(max(8.0, option.font.pointSizeF() * 0.9))
            painter.setFont(small)
            dim = QColor(text_colour)
            dim.setAlpha(190)
            painter.setPen(dim)
            details_rect = name_rect.translated(0, line + 1)
            painter.drawText(
                details_rect,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                QFontMetrics(small).elidedText(details, Qt.TextElideMode.ElideRight, details_rect.width()),
            )
        painter.restore()
