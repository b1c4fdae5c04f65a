"""Grid thumbnails: read from the home's thumbnail cache on worker threads, kept in a small LRU of pixmaps.

Only tiles the view paints are requested, newest request first (LIFO), so scrolling quickly through
100,000 photos loads what is on screen now instead of working through everything scrolled past.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

log = logging.getLogger(__name__)

GRID = "grid"
PREVIEW = "preview"


def thumbnail_file(thumbnails_dir: Path, sha256: str, size: str = GRID) -> Path:
    """The cached JPEG for a photo (path rules belong to the media module)."""
    from photoarchive.media.thumbnails import ThumbSize, thumbnail_path

    return thumbnail_path(thumbnails_dir, sha256, ThumbSize.PREVIEW if size == PREVIEW else ThumbSize.GRID)


def read_image(path: Path, bound: QSize | None = None) -> QImage:
    """Decode a JPEG into a QImage (safe off the UI thread), scaled down to fit `bound` while decoding."""
    reader = QImageReader(str(path))
    if bound is not None:
        size = reader.size()
        if size.isValid() and (size.width() > bound.width() or size.height() > bound.height()):
            reader.setScaledSize(size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image


class _Signals(QObject):
    loaded = Signal(str, QImage, QSize)  # sha256, image, the bound it was read for


# The grid thumbnail's long edge; tiles drawn larger than this (zoomed in, or on a high-DPI screen) read
# the 1600-px preview where it exists, so they stay sharp.
GRID_EDGE = 256


class _Load(QRunnable):
    def __init__(self, signals: _Signals, thumbnails_dir: Path, sha256: str, bound: QSize):
        super().__init__()
        self.signals = signals
        self.thumbnails_dir = thumbnails_dir
        self.sha256 = sha256
        self.bound = bound

    def run(self) -> None:
        image = QImage()
        try:
            path = thumbnail_file(self.thumbnails_dir, self.sha256, GRID)
            if max(self.bound.width(), self.bound.height()) > GRID_EDGE:
                preview = thumbnail_file(self.thumbnails_dir, self.sha256, PREVIEW)
                if preview.exists():
                    path = preview
            if path.exists():
                image = read_image(path, self.bound)
        except Exception:  # noqa: BLE001 — a missing or broken thumbnail shows a placeholder tile
            log.debug("thumbnail for %s not readable", self.sha256, exc_info=True)
        self.signals.loaded.emit(self.sha256, image, self.bound)


class ThumbnailCache(QObject):
    """`pixmap(sha)` answers at once from memory or returns None and loads it; `ready(sha)` follows."""

    ready = Signal(str)

    def __init__(
        self, thumbnails_dir: Path, bound: QSize, capacity: int = 800, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.thumbnails_dir = thumbnails_dir
        self.bound = bound
        self.capacity = capacity
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._missing: set[str] = set()
        self._wanted: list[str] = []  # a stack: the last request is served first
        self._in_flight: set[str] = set()
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)

    def pixmap(self, sha256: str) -> QPixmap | None:
        found = self._pixmaps.get(sha256)
        if found is not None:
            self._pixmaps.move_to_end(sha256)
            return found
        if sha256 in self._missing or sha256 in self._in_flight:
            return None
        if sha256 in self._wanted:
            self._wanted.remove(sha256)
        self._wanted.append(sha256)
        # Requests for tiles long scrolled away are dropped; they are asked for again if repainted.
        del self._wanted[: max(0, len(self._wanted) - 200)]
        self._pump()
        return None

    def set_bound(self, bound: QSize) -> bool:
        """Decode thumbnails to fit this size (device pixels) from now on; True when it changed, and
        the pixmaps in memory are then dropped so every tile is read again at the new size."""
        if bound == self.bound:
            return False
        self.bound = QSize(bound)
        self._pixmaps.clear()
        self._missing.clear()
        self._wanted.clear()
        return True

    def forget(self, sha256: str) -> None:
        """Load again next time (the thumbnail file has just been written)."""
        self._pixmaps.pop(sha256, None)
        self._missing.discard(sha256)

    def forget_missing(self) -> None:
        self._missing.clear()

    def _pump(self) -> None:
        while self._wanted and len(self._in_flight) < 4:
            sha = self._wanted.pop()
            self._in_flight.add(sha)
            self.pool.start(_Load(self._signals, self.thumbnails_dir, sha, self.bound))

    def _on_loaded(self, sha256: str, image: QImage, bound: QSize) -> None:
        self._in_flight.discard(sha256)
        if bound != self.bound:
            # Read for the size before the zoom changed: the tile asks again when it repaints.
            self._pump()
            self.ready.emit(sha256)
            return
        if image.isNull():
            self._missing.add(sha256)
        else:
            self._pixmaps[sha256] = QPixmap.fromImage(image)
            while len(self._pixmaps) > self.capacity:
                self._pixmaps.popitem(last=False)
        self._pump()
        self.ready.emit(sha256)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
