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


def test_the_case_number_rule_is_chosen_from_examples_and_tried_out(qtbot, home):
    from PySide6.QtCore import Qt

    from photoarchive.ui.settings_dialog import CASE_RULES

    dialog = SettingsDialog(home, Settings.load(home))
    qtbot.addWidget(dialog)
    assert dialog.case_rule.currentData() == CASE_RULES[0][0]  # the default rule is one of the examples
    assert dialog.case_pattern.isHidden()  # no regular expression in sight
    qtbot.keyClicks(dialog.case_tester, "Innbrudd 2026-123456/IMG_0001.jpg")
    assert dialog.case_found.text() == "Case number found: 2026-123456"
    dialog.case_rule.setCurrentIndex(2)  # like 12345678
    assert dialog.case_found.text() == "No case number found in this name."
    dialog.case_tester.clear()
    qtbot.keyClicks(dialog.case_tester, "Sak 87654321 Bodø")
    assert dialog.case_found.text() == "Case number found: 87654321"
    # Their own rule, for the odd district.
    dialog.case_rule.setCurrentIndex(dialog.case_rule.count() - 1)
    assert not dialog.case_pattern.isHidden()
    dialog.case_pattern.setText(r"(BOD-\d{3})")
    dialog.case_tester.setText("BOD-042 Innbrudd")
    assert dialog.case_found.text() == "Case number found: BOD-042"
    dialog.case_pattern.setText("(unclosed")
    assert "not a valid" in dialog.case_found.text()
    dialog.case_pattern.setText(r"(BOD-\d{3})")
    # The approvers list.
    add = dialog.findChild(object, "add_approver")
    qtbot.keyClicks(add, "kari.nordmann")
    qtbot.keyClick(add, Qt.Key.Key_Return)
    qtbot.keyClicks(add, "ola")
    qtbot.keyClick(add, Qt.Key.Key_Return)
    qtbot.keyClicks(add, "KARI.NORDMANN")  # the same user, case-insensitive
    qtbot.keyClick(add, Qt.Key.Key_Return)
    dialog.save()
    loaded = Settings.load(home)
    assert loaded.categories.case_pattern == r"(BOD-\d{3})"
    assert loaded.sets.approvers == ["kari.nordmann", "ola"]
    again = SettingsDialog(home, loaded)
    qtbot.addWidget(again)
    assert again.case_rule.currentIndex() == again.case_rule.count() - 1
    assert again.case_pattern.text() == r"(BOD-\d{3})"
    assert again.approvers.count() == 2


def test_signing_in_from_settings_shows_in_the_status_bar_at_once(make_window, qtbot, monkeypatch):
    window = make_window()
    window.account_label.setText("Flickr: no API key in Settings")
    from photoarchive.ui.settings_dialog import SettingsDialog as Dialog

    def exec_and_sign_in(dialog):
        dialog.signedIn.emit("politiet_sorost")
        return 0

    monkeypatch.setattr(Dialog, "exec", exec_and_sign_in)
    window.act_settings.trigger()
    assert window.account_label.text() == "Flickr: signed in as politiet_sorost"
