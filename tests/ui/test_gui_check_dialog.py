"""The "Check archive" dialog: the check runs off the UI thread, the bar follows it, the findings are
listed in words, and Cancel stops it."""

from __future__ import annotations

import threading

import pytest
from factory import make_photo
from PySide6.QtCore import Qt


@pytest.fixture
def ctx(qtbot, home, settings, catalog):
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.workers import JobRunner

    runner = JobRunner()
    yield AppContext(home, settings, catalog, runner)
    runner.close()


def test_the_dialog_shows_progress_and_lists_an_adopted_original(qtbot, ctx, home, ingest, monkeypatch):
    from photoarchive.check import archive
    from photoarchive.ui.check_dialog import CheckDialog

    ingest("a.jpg", "b.jpg")
    folder = next(home.originals.glob("*/*"))
    make_photo(folder / "ukjent.jpg", seed=42)
    threads = []
    real = archive.check_archive

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr("photoarchive.ui.check_dialog.check_archive", spy)
    dialog = CheckDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.report.photos_checked == 2
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    items = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    assert items == [
        f"Unknown original added to the catalog: originals/{folder.relative_to(home.originals).as_posix()}/ukjent.jpg"
    ]
    assert dialog.stage_label.text() == "The archive is whole."
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_cancel_stops_the_check(qtbot, ctx, ingest, monkeypatch):
    from photoarchive.check import archive
    from photoarchive.ui.check_dialog import CheckDialog

    ingest("a.jpg", "b.jpg", "c.jpg")
    started, release = threading.Event(), threading.Event()
    real = archive._check_one

    def slow(*args, **kwargs):
        started.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(archive, "_check_one", slow)
    dialog = CheckDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.start()
    assert started.wait(10)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report.cancelled and dialog.report.photos_checked < 3
    assert dialog.stage_label.text() == "The check was cancelled before it finished."
