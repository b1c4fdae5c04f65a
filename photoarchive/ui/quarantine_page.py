"""The Quarantine view: files that could not be archived, with the reason in words.

The files themselves stay in the quarantine folder; from here staff open that folder (to look at a file
or send it back to the photographer) and mark files as dealt with, which takes them off the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.quarantine import QuarantineRecord


class QuarantinePage(QWidget):
    # Quarantine paths (relative to the home's quarantine folder) whose folder the user wants to see.
    openRequested = Signal(str)
    # Quarantine ids the user has dealt with.
    resolveRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.records: list[QuarantineRecord] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("File"), self.tr("Reason"), self.tr("Kept in")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_folder())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setObjectName("open_quarantine_folder")
        self.open_button.clicked.connect(self.open_folder)
        self.resolve_button = QPushButton(self.tr("Mark as dealt with"))
        self.resolve_button.setObjectName("resolve_quarantine")
        self.resolve_button.setToolTip(
            self.tr("Takes the selected files off this list; the files stay in the quarantine folder.")
        )
        self.resolve_button.clicked.connect(self.resolve_selected)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._selection_changed()

    def show_records(self, records: list[QuarantineRecord]) -> None:
        self.records = list(records)
        self.heading.setText(
            self.tr(
                "%n file(s) could not be archived. They are kept, untouched, in the quarantine folder.",
                "",
                len(records),
            )
            if records
            else self.tr("Nothing in quarantine.")
        )
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            for col, text in enumerate(
                (
                    record.at.strftime("%Y-%m-%d %H:%M"),
                    record.original_name,
                    self.reason_in_words(record),
                    record.quarantine_path,
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self._selection_changed()

    def reason_in_words(self, record: QuarantineRecord) -> str:
        """The reason in the user's language, from the reason's code (the core's English is in the
        reason file beside the quarantined file)."""
        from pathlib import PurePath

        suffix = PurePath(record.original_name).suffix.lstrip(".").upper()
        words = {
            "not_a_photo": (
                self.tr("Not a photo: a %1 file").replace("%1", suffix)
                if suffix
                else self.tr("Not a photo the archive can take")
            ),
            "corrupt": self.tr("The picture is damaged or incomplete and cannot be read"),
            "empty": self.tr("The file is empty"),
            "too_large": self.tr("The picture is too large to open safely"),
        }
        return words.get(record.reason_code, self.tr("Could not be archived"))

    def selected_records(self) -> list[QuarantineRecord]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.records[r] for r in rows if r < len(self.records)]

    def open_folder(self) -> None:
        chosen = self.selected_records()
        self.openRequested.emit(chosen[0].quarantine_path if chosen else "")

    def resolve_selected(self) -> None:
        chosen = self.selected_records()
        if chosen:
            self.resolveRequested.emit([r.id for r in chosen])

    def _selection_changed(self) -> None:
        self.resolve_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
