"""The inspector's privacy panel in plain words, by risk: place and person first, the rest in one line,
every field behind "Show all fields"; several photos give a summary."""

from __future__ import annotations

import factory
from PySide6.QtCore import Qt
from ui.gui_helpers import save_screenshot, select_rows

from photoarchive.places import nearest_town
from photoarchive.privacy.findings import Finding, FindingKind
from photoarchive.ui.privacy_words import gps_from_excerpt, panel_for
from photoarchive.ui.views import ViewKind, ViewSpec


def test_the_nearest_town_comes_from_offline_data():
    skien = nearest_town(59.21, 9.61)
    assert skien is not None and skien.name == "Skien" and skien.country == "NO" and skien.near
    bodo = nearest_town(67.28, 14.40)
    assert bodo is not None and bodo.name == "Bodø"
    assert nearest_town(0.0, -30.0) is None  # the middle of the Atlantic


def test_findings_are_read_out_by_risk_and_unknown_kinds_still_count():
    class NewKind:  # a kind a newer scanner reports and this window does not know
        value = "voice_memo"

    findings = [
        Finding(FindingKind.DEVICE, "EXIF", "Make", "NIKON"),
        Finding(FindingKind.CAPTURE_DATE, "EXIF", "DateTimeOriginal", "2024:05:17 12:30:45"),
        Finding(FindingKind.SERIAL, "EXIF", "BodySerialNumber", factory.BODY_SERIAL),
        Finding(FindingKind.GPS, "EXIF", "GPS", "59.2° N 9.6° E"),
        Finding(FindingKind.OWNER, "EXIF", "OwnerName", factory.OWNER_NAME),
        Finding(FindingKind.THUMBNAIL, "EXIF IFD1", "", "160 × 120 JPEG"),
        Finding(NewKind(), "APP9", "memo", "present"),  # type: ignore[arg-type]
    ]
    panel = panel_for(findings)
    assert panel.identifying[0] == "Shows where it was taken: 59.2° N, 9.6° E, near Skien"
    assert f"Owner's name: {factory.OWNER_NAME}" in panel.identifying
    assert f"Camera serial number: {factory.BODY_SERIAL}" in panel.identifying
    assert "Embedded preview of the uncropped picture" in panel.identifying
    assert panel.other.startswith("Also: camera and lens model, date and time, other data")
    assert panel.other.endswith("(3 fields)")
    assert len(panel.details) == len(findings)
    assert gps_from_excerpt("GPS directory with 3 fields, no position") is None


def test_the_inspector_reads_one_photo_aloud_and_sums_up_several(make_window, ingest, qtbot):
    ingest("Åsted Skien.jpg", gps=True, serial=True, owner=True, thumbnail=True)
    ingest("Rent bilde.jpg")
    window = make_window()
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    row = next(r for r in range(2) if window.model.photo(r).original_name == "Åsted Skien.jpg")
    select_rows(window, [row])
    inspector = window.inspector
    # At once without the town when the town list is not loaded yet, then with it.
    qtbot.waitUntil(lambda: "near Skien" in inspector.privacy.text(), timeout=30000)
    lines = inspector.privacy.text().splitlines()
    assert lines[1] == "• Shows where it was taken: 59.2° N, 9.6° E, near Skien"
    assert f"• Owner's name: {factory.OWNER_NAME}" in lines
    assert any(line.startswith("• Camera serial number") for line in lines)
    assert "• Embedded preview of the uncropped picture" in lines
    assert inspector.privacy_other.isVisible() and inspector.privacy_other.text().startswith("Also:")
    # No tag dump until asked for.
    assert not inspector.privacy_details.isVisible()
    qtbot.mouseClick(inspector.privacy_toggle, Qt.MouseButton.LeftButton)
    assert inspector.privacy_details.isVisible()
    assert "OwnerName" in inspector.privacy_details.text() or "Owner" in inspector.privacy_details.text()
    save_screenshot(window, "privacy-panel.png")

    select_rows(window, [0, 1])
    qtbot.waitUntil(lambda: "of 2 have" in inspector.privacy.text(), timeout=5000)
    text = inspector.privacy.text()
    assert "1 of 2 have a GPS position" in text
    assert "1 of 2 have the owner's name" in text
