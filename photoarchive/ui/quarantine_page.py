"""The Quarantine view: files that could not be archived, with the reason in words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.photos import QuarantineRecord


class QuarantinePage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("File"), self.tr("Reason"), self.tr("Kept in")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)

    def show_records(self, records: list[QuarantineRecord]) -> None:
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
                    record.reason,
                    record.quarantine_path,
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
