"""The grid's model: the ordered photo ids of a view, with light `PhotoSummary` rows fetched page by page.

A view of 100,000 photos is one query for the ids; the rows (name, badges) of the tiles on screen are
fetched in pages of `PAGE` on a worker as the view paints them, and thumbnails the same way.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from photoarchive.catalog.photos import PhotoSummary
from photoarchive.ui.thumbnails import ThumbnailCache

SummaryRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
# True when someone in the photo has no valid consent for publishing.
NoConsentRole = Qt.ItemDataRole.UserRole + 3
PHOTO_IDS_MIME = "application/x-photoarchive-photo-ids"
PAGE = 300

_Index = QModelIndex | QPersistentModelIndex


def photo_ids_from_mime(mime: QMimeData) -> list[int]:
    """The photo ids dragged tiles carry (what `PhotoListModel.mimeData` wrote); [] for other drags."""
    if not mime.hasFormat(PHOTO_IDS_MIME):
        return []
    raw = bytes(mime.data(PHOTO_IDS_MIME)).decode("ascii")
    return [int(i) for i in raw.split(",") if i]


def photos_without_consent(catalog) -> frozenset[int]:  # type: ignore[no-untyped-def]
    """Runs on a worker: photos showing someone whose consent does not allow Flickr today (people/)."""
    from photoarchive.people.service import PeopleService

    return frozenset(PeopleService(catalog).without_valid_consent())


def _no_consent_words() -> str:
    return QCoreApplication.translate(
        "PhotoListModel", "No valid consent for publishing: someone in this photo has not consented"
    )


# (photo ids) -> summaries; run on a worker by the fetch function the model is given.
Fetch = Callable[[list[int], Callable[[list[PhotoSummary]], None]], None]


class PhotoListModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailCache, parent: Any = None, fetch: Fetch | None = None):
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.fetch = fetch
        self._ids: list[int] = []
        # Photos on Flickr now (for the "published" badge), set by the window with each view.
        self.published: frozenset[int] = frozenset()
        # Photos showing someone without valid consent for publishing (the "No consent" badge), set by
        # the window with each view from PeopleService.without_valid_consent.
        self.without_consent: frozenset[int] = frozenset()
        # Set by the sets view: every tile is in that set (no "In set" badge), and the album's primary
        # photo (its "Cover" badge).
        self.shows_one_set = False
        self.cover: int | None = None
        self._total = 0
        self._pages_waiting: set[int] = set()
        self._rows: dict[int, PhotoSummary] = {}
        self._id_of_sha: dict[str, int] = {}
        self._row_of_id: dict[int, int] | None = None
        self._pages_asked: set[int] = set()
        self._generation = 0
        thumbnails.ready.connect(self._thumbnail_ready)

    # -- filling --------------------------------------------------------------------------------

    def set_photos(self, ids: Sequence[int], first_rows: Iterable[PhotoSummary] = ()) -> None:
        """Show these photos in this order; rows already fetched can be passed along."""
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._total = len(self._ids)
        self._pages_waiting = set()
        self._rows = {}
        self._id_of_sha = {}
        self._keep(first_rows)
        self._row_of_id = None
        self._pages_asked = set()
        self.endResetModel()

    def begin_view(self, total: int, first_rows: Sequence[PhotoSummary]) -> None:
        """Show a view of `total` photos of which only the first rows are known yet (see set_all_ids)."""
        self.beginResetModel()
        self._generation += 1
        self._ids = [s.id for s in first_rows]
        self._total = max(total, len(self._ids))
        self._rows = {}
        self._id_of_sha = {}
        self._keep(first_rows)
        self._row_of_id = None
        self._pages_asked = set()
        self._pages_waiting: set[int] = set()
        self.endResetModel()

    def set_all_ids(self, ids: Sequence[int]) -> None:
        """Every id of the view, in order; keeps rows already fetched and fetches pages painted meanwhile."""
        if len(ids) != self._total or list(ids[: len(self._ids)]) != self._ids:
            # The view changed between the two queries (a photo arrived): start over with what is known.
            rows = list(self._rows.values())
            self.set_photos(ids, rows)
            return
        self._ids = list(ids)
        self._row_of_id = None
        waiting, self._pages_waiting = self._pages_waiting, set()
        for page in sorted(waiting):
            self._ask_page(page)

    def set_summaries(self, summaries: Sequence[PhotoSummary]) -> None:
        self.set_photos([s.id for s in summaries], summaries)

    def replace(self, updated: Iterable[PhotoSummary]) -> None:
        """Swap in fresh rows for photos already shown (after an edit), keeping selection and scroll."""
        for summary in updated:
            row = self.row_of(summary.id)
            if row is None:
                continue
            self._keep([summary])
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def refresh_rows(self, fresh: Iterable[PhotoSummary]) -> None:
        """Another desk changed photos of this view (the same ids, in the same order): these rows are
        new, the others are fetched again when they are painted; selection and scroll stay."""
        self._generation += 1  # pages on their way carry the old rows
        self._rows = {}
        self._id_of_sha = {}
        self._keep(fresh)
        self._pages_asked = set()
        if self._total:
            self.dataChanged.emit(self.index(0), self.index(self._total - 1))

    def id_at(self, row: int) -> int | None:
        """The photo id at a row (None for a row whose id is not known yet, right after a view opens)."""
        return self._ids[row] if row < len(self._ids) else None

    def ids(self) -> list[int]:
        return list(self._ids)

    def photo(self, row: int) -> PhotoSummary | None:
        """The row's summary, or None while its page is still being fetched."""
        return self._rows.get(self._ids[row]) if row < len(self._ids) else None

    def summary_at(self, row: int) -> PhotoSummary | None:
        """Like `photo`, and asks for the row's page when it is not here yet (for painting)."""
        if not 0 <= row < self._total:
            return None
        if row >= len(self._ids):
            self._pages_waiting.add(row // PAGE)
            return None
        found = self._rows.get(self._ids[row])
        if found is None:
            self._ask_page(row // PAGE)
        return found

    def row_of(self, photo_id: int) -> int | None:
        if self._row_of_id is None:
            self._row_of_id = {pid: i for i, pid in enumerate(self._ids)}
        return self._row_of_id.get(photo_id)

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else self._total

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo = self.summary_at(index.row())
        if photo is None:
            return None
        if role == IdRole:
            return photo.id
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
            if photo.id in self.without_consent:
                parts.append(_no_consent_words())
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if photo.id in self.without_consent:
                return f"{photo.original_name}, {_no_consent_words()}"
            return photo.original_name
        if role == NoConsentRole:
            return photo.id in self.without_consent
        if role == SummaryRole:
            return photo
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
        ids = sorted({self._ids[i.row()] for i in indexes if i.isValid() and i.row() < len(self._ids)})
        mime.setData(PHOTO_IDS_MIME, ",".join(map(str, ids)).encode("ascii"))
        return mime

    # -- lazy rows and thumbnails ---------------------------------------------------------------

    def _ask_page(self, page: int) -> None:
        if page in self._pages_asked or self.fetch is None:
            return
        self._pages_asked.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE : (page + 1) * PAGE]
        self.fetch(ids, lambda rows: self._page_loaded(generation, page, rows))

    def _page_loaded(self, generation: int, page: int, rows: list[PhotoSummary]) -> None:
        if generation != self._generation:
            return  # the view was reloaded meanwhile
        self._keep(rows)
        # Rows stay for the life of the view. Moving them (and everything else alive) out of the cyclic
        # collector's reach keeps its full passes short: with 100,000 rows loaded a pass took ~150 ms,
        # a visible stall while scrolling. They are still freed normally when the view is dropped.
        gc.freeze()
        first = page * PAGE
        last = min(len(self._ids), first + PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first), self.index(last))

    def _keep(self, rows: Iterable[PhotoSummary]) -> None:
        for summary in rows:
            self._rows[summary.id] = summary
            self._id_of_sha[summary.sha256] = summary.id

    def _thumbnail_ready(self, sha256: str) -> None:
        photo_id = self._id_of_sha.get(sha256)
        row = self.row_of(photo_id) if photo_id is not None else None
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
