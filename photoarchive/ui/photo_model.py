"""The grid's model: one light `PhotoSummary` per row, thumbnails asked for only when a tile is painted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from photoarchive.catalog.photos import CategoryState, PhotoRecord, PhotoSummary
from photoarchive.ui.thumbnails import ThumbnailCache

SummaryRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
PHOTO_IDS_MIME = "application/x-photoarchive-photo-ids"

_Index = QModelIndex | QPersistentModelIndex


def summary_from_record(record: PhotoRecord, in_set: bool) -> PhotoSummary:
    """The grid row for a photo just edited (same shape as `PhotoStore.summaries` gives)."""
    cats = tuple(
        sorted(
            mark.category.value + ("?" if mark.state is CategoryState.SUGGESTED else "")
            for mark in record.categories.values()
            if mark.state is not CategoryState.REJECTED
        )
    )
    return PhotoSummary(
        id=record.id,
        sha256=record.sha256,
        original_name=record.original_name,
        capture_time=record.capture_time,
        ingested_at=record.ingested_at,
        width=record.width,
        height=record.height,
        case_number=record.case_number,
        has_gps=record.has_gps,
        has_serial=record.has_serial,
        reviewed=record.reviewed,
        categories=cats,
        in_set=in_set,
    )


class PhotoListModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailCache, parent: Any = None):
        super().__init__(parent)
        self.thumbnails = thumbnails
        self._rows: list[PhotoSummary] = []
        self._row_of_id: dict[int, int] = {}
        self._rows_of_sha: dict[str, int] = {}
        thumbnails.ready.connect(self._thumbnail_ready)

    # -- filling --------------------------------------------------------------------------------

    def set_photos(self, photos: Sequence[PhotoSummary]) -> None:
        self.beginResetModel()
        self._rows = list(photos)
        self._row_of_id = {p.id: i for i, p in enumerate(self._rows)}
        self._rows_of_sha = {p.sha256: i for i, p in enumerate(self._rows)}
        self.endResetModel()

    def replace(self, updated: Iterable[PhotoSummary]) -> None:
        """Swap in fresh rows for photos already shown (after an edit), keeping selection and scroll."""
        for summary in updated:
            row = self._row_of_id.get(summary.id)
            if row is None:
                continue
            self._rows[row] = summary
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def photo(self, row: int) -> PhotoSummary:
        return self._rows[row]

    def photos(self) -> list[PhotoSummary]:
        return list(self._rows)

    def row_of(self, photo_id: int) -> int | None:
        return self._row_of_id.get(photo_id)

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        photo = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.original_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.pixmap(photo.sha256)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [photo.original_name, f"{photo.width} × {photo.height}"]
            if photo.case_number:
                parts.append(photo.case_number)
            if photo.capture_time:
                parts.append(photo.capture_time.strftime("%Y-%m-%d %H:%M"))
            return "\n".join(parts)
        if role == SummaryRole:
            return photo
        if role == IdRole:
            return photo.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [PHOTO_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = sorted({self._rows[i.row()].id for i in indexes if i.isValid()})
        mime.setData(PHOTO_IDS_MIME, ",".join(map(str, ids)).encode("ascii"))
        return mime

    def _thumbnail_ready(self, sha256: str) -> None:
        row = self._rows_of_sha.get(sha256)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
