"""Export for a journalist from the window: one dialog (folder remembered, full or web size, with or
without the capture date), progress, and a result with "Open folder"."""

from __future__ import annotations

import factory
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from ui.gui_helpers import save_screenshot, select_rows

from photoarchive.privacy import scan
from photoarchive.publish import press_fields_for
from photoarchive.ui.export_dialog import default_folder


def test_exporting_selected_photos_writes_clean_copies(
    make_window, ingest, catalog, qtbot, tmp_path, monkeypatch
):
    ids = ingest("IMG_0001.jpg", "IMG_0002.jpg", gps=True, serial=True, owner=True, thumbnail=True)
    window = make_window()
    select_rows(window, [0, 1])
    out = tmp_path / "til VG"
    window.act_export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.folder.text() == str(default_folder())  # first time: the user's Pictures folder
    assert dialog.full.isChecked()
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result.isVisible(), timeout=20000)
    assert dialog.progress.value() == 2
    copies = sorted(out.iterdir())
    assert [c.name for c in copies] == ["foto-001.jpg", "foto-002.jpg"]  # neutral names ([privacy])
    for record, copy in zip(catalog.photos.get_many(ids), copies, strict=True):
        assert scan(copy, expected=press_fields_for(record, window.ctx.settings)).clean
        assert factory.BODY_SERIAL.encode() not in copy.read_bytes()
    assert "2 clean cop" in dialog.result.text() and str(out) in dialog.result.text()
    save_screenshot(dialog, "export-result.png")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out)]
    assert "2 clean cop" in window.statusBar().currentMessage()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    # The next export starts in the same folder, with the choices of last time; web size makes a large
    # photo smaller.
    (large,) = ingest("Stort.jpg", size=(3200, 2000))
    window.refresh_all()
    qtbot.waitUntil(lambda: window.model.row_of(large) is not None, timeout=5000)
    select_rows(window, [window.model.row_of(large), window.model.row_of(ids[0])])
    window.act_export.trigger()
    again = window.export_dialog
    assert again.folder.text() == str(out)
    again.web.setChecked(True)
    again.folder.setText(str(tmp_path / "web"))
    qtbot.mouseClick(again.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.result.isVisible(), timeout=20000)
    for copy in (tmp_path / "web").iterdir():
        with Image.open(copy) as image:
            assert max(image.size) <= 2048
            if copy.name == "Stort.jpg":
                assert image.size == (2048, 1280)
    assert len(list((tmp_path / "web").iterdir())) == 2
    again.accept()
    window.act_export.trigger()
    assert window.export_dialog.web.isChecked()
    window.export_dialog.reject()


def test_a_photo_that_could_not_be_checked_is_not_exported_and_named(
    make_window, ingest, catalog, qtbot, tmp_path, monkeypatch
):
    import photoarchive.privacy
    from photoarchive.privacy.errors import PrivacyError

    def failing_scan(path, **_kw):
        raise PrivacyError(f"{path.name} is damaged: the EXIF block cannot be read")

    with monkeypatch.context() as patched:
        patched.setattr(photoarchive.privacy, "scan", failing_scan)
        ingest("Skadet åsted.jpg", gps=True)
    window = make_window()
    select_rows(window, [0])
    out = tmp_path / "til NRK"
    out.mkdir()
    window.act_export.trigger()
    dialog = window.export_dialog
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result.isVisible(), timeout=20000)
    assert list(out.iterdir()) == []
    assert (
        "Skadet åsted.jpg: could not be checked for personal data (its metadata could not be read when it "
        "was archived), so no copy leaves the archive" in dialog.result.text()
    )
    assert not dialog.open_button.isVisible()  # nothing was written
    dialog.reject()
