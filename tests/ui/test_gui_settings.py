"""The Settings dialog writes the home's settings file through the core, and shows what it reads back."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from photoarchive.settings import Settings
from photoarchive.ui.settings_dialog import SettingsDialog


def test_settings_are_saved_and_reloaded(qtbot, home):
    dialog = SettingsDialog(home, Settings.load(home))
    qtbot.addWidget(dialog)
    assert dialog.findChild(object, "archive_location").text() == str(home.root)
    dialog._append_folder(r"\\server\press\innboks")
    dialog.media_edge.setValue(4000)
    dialog.case_pattern.setText(r"(?<!\d)(\d{4}-\d{6})(?!\d)")
    dialog.byline.setText("Politiet i Øst")
    dialog.keep_date.setChecked(True)
    dialog.api_key.setText("abc123")
    dialog.base_url.setText("http://127.0.0.1:8099")
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    loaded = Settings.load(home)
    assert loaded.inbox.folders == [r"\\server\press\innboks"]
    assert loaded.categories.media_min_long_edge == 4000
    assert loaded.categories.case_pattern == r"(?<!\d)(\d{4}-\d{6})(?!\d)"
    assert loaded.press.byline == "Politiet i Øst"
    assert loaded.privacy.keep_capture_date is True
    assert loaded.flickr.api_key == "abc123"
    assert loaded.flickr.base_url == "http://127.0.0.1:8099"
    assert loaded.ui.language == "nb"

    again = SettingsDialog(home, loaded)
    qtbot.addWidget(again)
    assert again.folders.item(0).text() == r"\\server\press\innboks"
    assert again.media_edge.value() == 4000
    assert again.byline.text() == "Politiet i Øst"
    assert again.keep_date.isChecked()
    assert again.language.currentData() == "nb"


def test_an_invalid_value_is_refused_with_the_key_named(qtbot, home, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = SettingsDialog(home, Settings())
    qtbot.addWidget(dialog)
    dialog.case_pattern.setText("(unclosed")
    dialog.save()
    assert dialog.saved is None
    assert shown and "categories.case_pattern" in shown[0]
    assert not home.settings_file.exists()
