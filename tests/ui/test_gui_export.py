"""Export for a journalist from the window: clean copies of the selected photos in a chosen folder."""

from __future__ import annotations

import factory
from ui.gui_helpers import select_rows

from photoarchive.privacy import scan
from photoarchive.publish import press_fields_for


def test_exporting_selected_photos_writes_clean_copies(
    make_window, ingest, catalog, qtbot, tmp_path, monkeypatch
):
    ids = ingest("IMG_0001.jpg", "IMG_0002.jpg", gps=True, serial=True, owner=True, thumbnail=True)
    window = make_window()
    select_rows(window, [0, 1])
    out = tmp_path / "til VG"
    out.mkdir()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem", lambda *a, **k: (a[3][0], True))
    window.export_selected()
    qtbot.waitUntil(lambda: getattr(window, "last_export", None) is not None, timeout=20000)
    copies = sorted(out.iterdir())
    assert [c.name for c in copies] == ["foto-001.jpg", "foto-002.jpg"]  # neutral names ([privacy])
    for record, copy in zip(catalog.photos.get_many(ids), copies, strict=True):
        assert scan(copy, expected=press_fields_for(record, window.ctx.settings)).clean
        assert factory.BODY_SERIAL.encode() not in copy.read_bytes()
    assert "2 clean cop" in window.statusBar().currentMessage()


def test_a_photo_that_could_not_be_checked_is_not_exported_and_named(
    make_window, ingest, catalog, qtbot, tmp_path, monkeypatch
):
    import photoarchive.privacy
    from photoarchive.privacy.errors import PrivacyError
    from photoarchive.ui import main_window

    def failing_scan(path, **_kw):
        raise PrivacyError(f"{path.name} is damaged: the EXIF block cannot be read")

    with monkeypatch.context() as patched:
        patched.setattr(photoarchive.privacy, "scan", failing_scan)
        ingest("Skadet åsted.jpg", gps=True)
    window = make_window()
    select_rows(window, [0])
    out = tmp_path / "til NRK"
    out.mkdir()
    shown = {}
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem", lambda *a, **k: (a[3][0], True))
    monkeypatch.setattr(
        main_window.QMessageBox, "warning", lambda _w, _t, text: shown.setdefault("text", text)
    )
    window.export_selected()
    qtbot.waitUntil(lambda: getattr(window, "last_export", None) is not None, timeout=20000)
    assert list(out.iterdir()) == []
    assert (
        "Skadet åsted.jpg: could not be checked for personal data (its metadata could not be read when it "
        "was archived), so no copy leaves the archive" in shown["text"]
    )
