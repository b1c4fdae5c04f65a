"""Fixtures for the desktop app's tests: a window on a fresh home, photos put in through the real ingest."""

from __future__ import annotations

import pytest
from factory import make_photo


@pytest.fixture(autouse=True)
def user_state_in_tmp(tmp_path_factory):
    """The window's per-user memory (QSettings) in a folder of the test's own, so no test sees what
    another left (or what the developer's own app remembered)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("user-state")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def settings():
    from photoarchive.settings import Settings

    s = Settings()
    # Quick enough for tests; the watcher's own tests cover settling properly.
    s.inbox.settle_seconds = 0.1
    s.inbox.rescan_seconds = 0.3
    return s


@pytest.fixture
def catalog(home):
    from photoarchive.catalog import Catalog

    cat = Catalog.for_home(home)
    yield cat
    cat.close()


@pytest.fixture
def ingest(home, settings, catalog, tmp_path):
    """Put photos into the archive through the real ingest (thumbnails included); returns their ids."""
    from photoarchive.ingest.pipeline import Ingestor, Outcome, SourceFile

    ingestor = Ingestor(home, settings, catalog, find_faces=False)
    drop = tmp_path / "drop"

    def _ingest(*names: str, **photo_options) -> list[int]:
        ids = []
        for i, name in enumerate(names):
            path = drop / name
            path.parent.mkdir(parents=True, exist_ok=True)
            make_photo(path, seed=len(list(drop.rglob("*"))) + i, **photo_options)
            result = ingestor.ingest(SourceFile.under(path, drop), remove_source=True)
            assert result.outcome is Outcome.ARCHIVED, result.describe()
            ids.append(result.photo_id)
        return ids

    return _ingest


@pytest.fixture
def make_window(qtbot, home, settings, catalog):
    """Build the main window on the test home and wait for its first view; shut down cleanly afterwards."""
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.main_window import MainWindow
    from photoarchive.ui.workers import JobRunner

    windows = []

    def _make(*, watch_inbox: bool = False):
        ctx = AppContext(home=home, settings=settings, catalog=catalog, runner=JobRunner(), actor="tester")
        window = MainWindow(ctx, watch_inbox=watch_inbox)
        windows.append(window)
        qtbot.addWidget(window)
        # The first view is loaded on a worker; its answer is delivered once the event loop runs.
        with qtbot.waitSignal(window.gridFilled, timeout=10000):
            window.resize(1300, 820)
            window.show()
        return window

    yield _make
    for window in windows:
        # pytest-qt closes the window after this; a close with typed text asks "Unsaved changes?" in a
        # modal box nobody answers here, which would hang the run instead of ending the test.
        window.inspector.show_photos([])
        window.shut_down()
