"""The Settings dialog: edits a copy of `Settings`, validates it with the core's rules, saves it to the home."""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from photoarchive.errors import PhotoarchiveError
from photoarchive.home import Home
from photoarchive.settings import Settings

log = logging.getLogger(__name__)

# Case-number rules to choose from: (pattern, an example it finds). The last choice is the user's own
# regular expression.
CASE_RULES = (
    (r"(?<!\d)(\d{4}-\d{4,8})(?!\d)", "2026-123456"),
    (r"(?<!\d)(\d{2}-\d{6})(?!\d)", "26-123456"),
    (r"(?<!\d)(\d{8})(?!\d)", "12345678"),
    (r"(?i)(?<![a-z\d])(sak\s?\d{4}-\d{4,8})(?!\d)", "Sak 2026-123456"),
)


class SettingsDialog(QDialog):
    signedIn = Signal(str)  # a Flickr sign-in from the Flickr tab (the window's status bar follows)

    def __init__(self, home: Home, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.home = home
        self.original = settings
        self.saved: Settings | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self._inbox_tab(settings)
        self._categories_tab(settings)
        self._press_tab(settings)
        self._flickr_tab(settings)
        self._approval_tab(settings)
        self._interface_tab(settings)
        self._add_optional_tabs(settings)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 460)

    # -- tabs -----------------------------------------------------------------------------------

    def _inbox_tab(self, s: Settings) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.folders = QListWidget()
        self.folders.setObjectName("inbox_folders")
        self.folders.addItems(s.inbox.folders)
        self.folders.setToolTip(self.tr("Leave empty to use the archive's own inbox folder"))
        add = QPushButton(self.tr("Add folder…"))
        add.clicked.connect(self._add_folder)
        add_path = QLineEdit()
        add_path.setObjectName("add_folder_path")
        add_path.setPlaceholderText(self.tr("or type a path, e.g. \\\\server\\press\\inbox, and press Enter"))
        add_path.returnPressed.connect(lambda: (self._append_folder(add_path.text()), add_path.clear()))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(
            lambda: [self.folders.takeItem(self.folders.row(i)) for i in self.folders.selectedItems()]
        )
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        box = QVBoxLayout()
        box.addWidget(self.folders)
        box.addWidget(add_path)
        box.addLayout(row)
        form.addRow(self.tr("Inbox folders"), box)
        default = QLabel(self.tr("Default inbox: %1").replace("%1", str(self.home.default_inbox)))
        default.setWordWrap(True)
        form.addRow("", default)
        archive = QLabel(str(self.home.root))
        archive.setObjectName("archive_location")
        archive.setWordWrap(True)
        form.addRow(self.tr("Archive location"), archive)
        self.settle = QDoubleSpinBox(minimum=0, maximum=600, decimals=1, suffix=" s")
        self.settle.setValue(s.inbox.settle_seconds)
        form.addRow(self.tr("Wait until a file is unchanged for"), self.settle)
        self.rescan = QDoubleSpinBox(minimum=1, maximum=3600, decimals=0, suffix=" s")
        self.rescan.setValue(s.inbox.rescan_seconds)
        form.addRow(self.tr("Look through the inbox every"), self.rescan)
        self.remove_after = QCheckBox(self.tr("Remove files from the inbox once archived"))
        self.remove_after.setChecked(s.inbox.remove_after_ingest)
        form.addRow("", self.remove_after)
        self.tabs.addTab(page, self.tr("Inbox"))

    def _categories_tab(self, s: Settings) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.media_edge = QSpinBox(minimum=1, maximum=100000, suffix=" px")
        self.media_edge.setObjectName("media_min_long_edge")
        self.media_edge.setValue(s.categories.media_min_long_edge)
        form.addRow(self.tr("Media picture: long edge at least"), self.media_edge)
        self.face_fraction = QDoubleSpinBox(minimum=0.01, maximum=1.0, decimals=2, singleStep=0.01)
        self.face_fraction.setValue(s.categories.portrait_min_face_fraction)
        form.addRow(self.tr("Portrait: face covers at least (share of short edge)"), self.face_fraction)
        # The case-number rule, chosen from examples; a person's own regular expression stays possible.
        self.case_rule = QComboBox()
        self.case_rule.setObjectName("case_rule")
        for pattern, example in CASE_RULES:
            self.case_rule.addItem(self.tr("Like %1").replace("%1", example), pattern)
        self.case_rule.addItem(self.tr("My own rule (regular expression)"), "")
        self.case_pattern = QLineEdit(s.categories.case_pattern)
        self.case_pattern.setObjectName("case_pattern")
        self.case_pattern.setPlaceholderText(r"(?<!\d)(\d{4}-\d{4,8})(?!\d)")
        known = self.case_rule.findData(s.categories.case_pattern)
        self.case_rule.setCurrentIndex(known if known >= 0 else self.case_rule.count() - 1)
        self.case_pattern.setVisible(known < 0)
        self.case_rule.currentIndexChanged.connect(self._case_rule_chosen)
        self.case_pattern.textChanged.connect(lambda _t: self._test_case_rule())
        form.addRow(self.tr("Case numbers look"), self.case_rule)
        form.addRow("", self.case_pattern)
        self.case_tester = QLineEdit()
        self.case_tester.setObjectName("case_tester")
        self.case_tester.setPlaceholderText(
            self.tr("Type a folder or file name, e.g. 2026-123456/IMG_0001.jpg")
        )
        self.case_tester.textChanged.connect(lambda _t: self._test_case_rule())
        self.case_found = QLabel()
        self.case_found.setObjectName("case_found")
        form.addRow(self.tr("Try it"), self.case_tester)
        form.addRow("", self.case_found)
        self.tabs.addTab(page, self.tr("Categories"))

    def _press_tab(self, s: Settings) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.byline = QLineEdit(s.press.byline)
        self.byline.setObjectName("press_byline")
        self.credit = QLineEdit(s.press.credit)
        self.copyright = QLineEdit(s.press.copyright)
        self.usage_terms = QLineEdit(s.press.usage_terms)
        form.addRow(self.tr("Byline"), self.byline)
        form.addRow(self.tr("Credit"), self.credit)
        form.addRow(self.tr("Copyright"), self.copyright)
        form.addRow(self.tr("Usage terms"), self.usage_terms)
        self.keep_date = QCheckBox(self.tr("Keep the capture date in published photos"))
        self.keep_date.setObjectName("keep_capture_date")
        self.keep_date.setChecked(s.privacy.keep_capture_date)
        form.addRow(self.tr("Privacy"), self.keep_date)
        self.tabs.addTab(page, self.tr("Press and privacy"))

    def _flickr_tab(self, s: Settings) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.api_key = QLineEdit(s.flickr.api_key)
        self.api_key.setObjectName("flickr_api_key")
        self.api_secret = QLineEdit(s.flickr.api_secret)
        self.api_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.base_url = QLineEdit(s.flickr.base_url)
        self.base_url.setPlaceholderText(self.tr("empty: Flickr itself"))
        self.calls = QDoubleSpinBox(minimum=0, maximum=100, decimals=2)
        self.calls.setValue(s.flickr.calls_per_second)
        self.removed = QComboBox()
        self.removed.addItem(self.tr("made private"), "private")
        self.removed.addItem(self.tr("deleted from Flickr"), "delete")
        self.removed.setCurrentIndex(max(0, self.removed.findData(s.flickr.removed_photos)))
        form.addRow(self.tr("API key"), self.api_key)
        form.addRow(self.tr("API secret"), self.api_secret)
        form.addRow(self.tr("Endpoint override"), self.base_url)
        form.addRow(self.tr("Calls per second (0: no limit)"), self.calls)
        form.addRow(self.tr("Photos taken out of a set are"), self.removed)
        self.signin = self._signin_widget()
        if self.signin is not None:
            form.addRow(self.tr("Account"), self.signin)
        self.tabs.addTab(page, self.tr("Flickr"))

    def _signin_widget(self) -> QWidget | None:
        try:
            from photoarchive.ui.flickr_signin import SignInButton
        except ImportError:
            return None
        button = SignInButton(self.home, self.collect, self)
        button.signedIn.connect(self.signedIn)
        return button

    def _approval_tab(self, s: Settings) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.approvers = QListWidget()
        self.approvers.setObjectName("approvers")
        self.approvers.addItems(s.sets.approvers)
        add_name = QLineEdit()
        add_name.setObjectName("add_approver")
        add_name.setPlaceholderText(self.tr("Windows user name, then Enter"))
        add_name.returnPressed.connect(lambda: (self._append_approver(add_name.text()), add_name.clear()))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("remove_approver")
        remove.clicked.connect(
            lambda: [self.approvers.takeItem(self.approvers.row(i)) for i in self.approvers.selectedItems()]
        )
        box = QVBoxLayout()
        box.addWidget(self.approvers)
        row = QHBoxLayout()
        row.addWidget(add_name, 1)
        row.addWidget(remove)
        box.addLayout(row)
        form.addRow(self.tr("Editors who may approve sets"), box)
        note = QLabel(self.tr("Leave the list empty to let anyone approve."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.tabs.addTab(page, self.tr("Approval"))

    def _append_approver(self, name: str) -> None:
        name = name.strip()
        existing = {self.approvers.item(i).text().lower() for i in range(self.approvers.count())}
        if name and name.lower() not in existing:
            self.approvers.addItem(name)

    def _add_optional_tabs(self, s: Settings) -> None:
        """Pages other parts of the app bring, when this build has them (the shared archive)."""
        self.shared_archive = None
        try:
            from photoarchive.ui.shared_archive_page import SharedArchivePage
        except ImportError:
            return
        self.shared_archive = SharedArchivePage(s, parent=self)
        self.tabs.addTab(self.shared_archive, self.tr("Shared archive"))

    def _case_rule_chosen(self, index: int) -> None:
        pattern = self.case_rule.itemData(index)
        own = not pattern
        self.case_pattern.setVisible(own)
        if not own:
            self.case_pattern.setText(pattern)
        self._test_case_rule()

    def _test_case_rule(self) -> None:
        """Show the case number the rule finds in the name typed into the tester field."""
        import re
        from pathlib import PurePath

        from photoarchive.ingest.categories import find_case_number

        name = self.case_tester.text().strip()
        if not name:
            self.case_found.clear()
            return
        try:
            found = find_case_number(PurePath(name.replace("\\", "/")), self.case_pattern.text())
        except re.error:
            self.case_found.setText(self.tr("The rule is not a valid regular expression."))
            return
        if found:
            self.case_found.setText(self.tr("Case number found: %1").replace("%1", found))
        else:
            self.case_found.setText(self.tr("No case number found in this name."))

    def _interface_tab(self, s: Settings) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(s.ui.language)))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", QLabel(self.tr("A new language takes effect when the app is started again.")))
        self.tabs.addTab(page, self.tr("Interface"))

    # -- actions --------------------------------------------------------------------------------

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Inbox folder"))
        if folder:
            self._append_folder(folder)

    def _append_folder(self, folder: str) -> None:
        folder = folder.strip()
        existing = {self.folders.item(i).text() for i in range(self.folders.count())}
        if folder and folder not in existing:
            self.folders.addItem(folder)

    def collect(self) -> Settings:
        """The settings as the dialog shows them (not yet validated)."""
        s = copy.deepcopy(self.original)
        s.inbox.folders = [self.folders.item(i).text() for i in range(self.folders.count())]
        s.inbox.settle_seconds = float(self.settle.value())
        s.inbox.rescan_seconds = float(self.rescan.value())
        s.inbox.remove_after_ingest = self.remove_after.isChecked()
        s.categories.media_min_long_edge = int(self.media_edge.value())
        s.categories.portrait_min_face_fraction = float(self.face_fraction.value())
        s.categories.case_pattern = self.case_pattern.text()
        s.sets.approvers = [self.approvers.item(i).text() for i in range(self.approvers.count())]
        s.press.byline = self.byline.text()
        s.press.credit = self.credit.text()
        s.press.copyright = self.copyright.text()
        s.press.usage_terms = self.usage_terms.text()
        s.privacy.keep_capture_date = self.keep_date.isChecked()
        s.flickr.api_key = self.api_key.text().strip()
        s.flickr.api_secret = self.api_secret.text().strip()
        s.flickr.base_url = self.base_url.text().strip()
        s.flickr.calls_per_second = float(self.calls.value())
        s.flickr.removed_photos = self.removed.currentData()
        s.ui.language = self.language.currentData()
        if self.shared_archive is not None:
            self.shared_archive.apply_to(s)
        return s

    def save(self) -> None:
        settings = self.collect()
        try:
            settings.validate()
            settings.save(self.home)
        except (PhotoarchiveError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Settings not saved"), str(exc))
            return
        self.saved = settings
        self.accept()
