"""The "Shared archive" settings page: the catalog server and the shared folder, a connection test, and
who the server takes you for. Meant as a tab of the Settings dialog (`apply_to` writes a Settings copy)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from photoarchive.settings import Settings
from photoarchive.ui.workers import JobRunner

log = logging.getLogger(__name__)


class SharedArchivePage(QWidget):
    # Emitted when a connection test has its answer (True: connected).
    tested = Signal(bool)

    def __init__(self, settings: Settings, runner: JobRunner | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner or JobRunner(self, max_threads=1)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Several desks share one archive through a PostgreSQL catalog and a shared folder. "
                "Leave the server empty for this desk's own archive."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url = QLineEdit(settings.catalog.url)
        self.url.setObjectName("catalog_url")
        self.url.setPlaceholderText("postgresql://archive-server/photoarchive")
        form.addRow(self.tr("Catalog server:"), self.url)
        self.root = QLineEdit(settings.archive.root)
        self.root.setObjectName("archive_root")
        self.root.setPlaceholderText("\\\\server\\photoarchive")
        form.addRow(self.tr("Shared folder:"), self.root)
        layout.addLayout(form)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self.test_connection)
        layout.addWidget(self.test_button)
        self.status = QLabel()
        self.status.setObjectName("connection_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def apply_to(self, settings: Settings) -> None:
        """Write what was typed into a Settings copy (the dialog validates and saves it)."""
        settings.catalog.url = self.url.text().strip()
        settings.archive.root = self.root.text().strip()

    def test_connection(self) -> None:
        from photoarchive.catalog.db import probe

        url = self.url.text().strip()
        if not url:
            self.status.setText(self.tr("This desk keeps its own archive (no server)."))
            self.tested.emit(False)
            return
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Connecting…"))
        self.runner.submit(probe, url, on_done=self._connected, on_error=self._failed)

    def _connected(self, me) -> None:  # type: ignore[no-untyped-def]
        self.test_button.setEnabled(True)
        roles = ", ".join(me.roles) if me.roles else self.tr("no archive role — ask IT to add you")
        text = self.tr("Connected to %1 (PostgreSQL %2) as %3 (%4).").replace("%1", me.location)
        text = text.replace("%2", me.server_version.split()[0]).replace("%3", me.login).replace("%4", roles)
        if me.may_approve:
            text += " " + self.tr("You may approve sets.")
        else:
            text += " " + self.tr("You may not approve sets (editors do).")
        self.status.setText(text)
        self.tested.emit(True)

    def _failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        code = getattr(exc, "code", "")
        params = getattr(exc, "params", {})
        if code == "catalog.unreachable":
            text = self.tr("Cannot reach the shared catalog on %1: %2").replace(
                "%1", params.get("server", "")
            )
            text = text.replace("%2", params.get("reason", ""))
        else:
            log.info("connection test failed: %s", exc)
            text = self.tr("The connection test failed: %1").replace("%1", str(exc))
        self.status.setText(text)
        self.tested.emit(False)
