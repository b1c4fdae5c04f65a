"""The README's screenshots, from the real window on photos the test makes, in Norwegian and English.

They are always saved in test-artifacts/; the copies in resources/screenshots/ are refreshed only with

    PHOTOARCHIVE_UPDATE_SCREENSHOTS=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q tests/ui/test_gui_readme_screenshots.py

so that running the tests leaves the checkout clean.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from ui.gui_helpers import ARTIFACTS, REPO_ROOT, save_screenshot, select_rows

from photoarchive.ui.resources import compile_translations, translations_dir
from photoarchive.ui.views import ViewKind, ViewSpec

SHOTS = ("main-window", "privacy-panel", "full-screen-preview", "settings-case-number")


def _publish(name: str) -> None:
    if os.environ.get("PHOTOARCHIVE_UPDATE_SCREENSHOTS"):
        target = REPO_ROOT / "resources" / "screenshots" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ARTIFACTS / name, target)


def _wait_for_thumbnails(window, qtbot) -> None:
    for row in range(window.model.rowCount()):
        window.model.data(window.model.index(row), Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(
        lambda: all(
            window.model.data(window.model.index(r), Qt.ItemDataRole.DecorationRole) is not None
            for r in range(window.model.rowCount())
        ),
        timeout=15000,
    )


@pytest.mark.parametrize("language", ["nb", "en"])
def test_readme_screenshots(language, qapp, make_window, ingest, home, settings, qtbot, tmp_path):
    compile_translations(translations_dir(), tmp_path)
    translator = QTranslator()
    assert translator.load(str(tmp_path / f"photoarchive_{language}.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        taken = datetime(2026, 11, 28, 14, 5)
        ingest(
            "2026-118204/Trafikkulykke E18 1.jpg",
            "2026-118204/Trafikkulykke E18 2.jpg",
            gps=True,
            serial=True,
            owner=True,
            thumbnail=True,
            pattern="group",
            capture_time=taken,
        )
        ingest("2026-120771/Innbrudd Storgata.jpg", gps=True, pattern="gradient", capture_time=taken)
        ingest("Portrett politimester.jpg", pattern="face", size=(480, 640), capture_time=taken)
        ingest("Pressekonferanse høyoppløst.jpg", size=(3200, 2000), pattern="gradient", capture_time=taken)
        ingest("Beredskapsøvelse.jpg", pattern="group", capture_time=taken)
        ingest("ikon.png", size=(40, 40), fmt="PNG", pattern="gradient")  # a tiny picture, framed
        window = make_window()
        window.tile_slider.setValue(200)
        _wait_for_thumbnails(window, qtbot)
        row = next(
            r
            for r in range(window.model.rowCount())
            if window.model.photo(r).original_name.endswith("E18 1.jpg")
        )
        select_rows(window, [row])
        marker = "nær Skien" if language == "nb" else "near Skien"
        qtbot.waitUntil(lambda: marker in window.inspector.privacy.text(), timeout=30000)
        qtbot.waitUntil(
            lambda: (
                window.inspector.preview_source is not None and window.inspector.preview_source.width() > 256
            ),
            timeout=15000,
        )
        qtbot.wait(300)  # the panel's layout follows the text that just arrived
        save_screenshot(window, f"main-window-{language}.png")
        window.inspector.privacy_toggle.click()
        qtbot.wait(200)
        save_screenshot(window.inspector, f"privacy-panel-{language}.png")
        window.inspector.privacy_toggle.click()

        window.activateWindow()
        window.grid.setFocus()
        window.open_fullscreen()
        preview = window.preview_window
        preview.resize(1200, 800)
        qtbot.waitUntil(lambda: preview.source is not None and preview.source.width() > 256, timeout=15000)
        qtbot.wait(200)
        save_screenshot(preview, f"full-screen-preview-{language}.png")
        preview.close()

        from photoarchive.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(home, settings, window)
        qtbot.addWidget(dialog)
        dialog.tabs.setCurrentIndex(1)
        dialog.case_tester.setText("Innbrudd 2026-120771/IMG_0042.jpg")
        dialog.show()
        qtbot.wait(200)
        save_screenshot(dialog, f"settings-case-number-{language}.png")
        dialog.reject()
        with qtbot.waitSignal(window.gridFilled, timeout=5000):
            window.sidebar.select(ViewSpec(ViewKind.ALL))
    finally:
        QCoreApplication.removeTranslator(translator)
    for shot in SHOTS:
        name = f"{shot}-{language}.png"
        with Image.open(ARTIFACTS / name) as image:
            assert image.width > 300 and image.height > 200
            if shot != "settings-case-number":
                # Photos in it, not an empty grey window: many different colours.
                assert len(set(image.convert("RGB").resize((120, 80)).getdata())) > 200, name
        _publish(name)
