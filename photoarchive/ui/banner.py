"""A coloured strip above the grid for things the user must see: new photos, quarantine, offline inbox."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_SEVERITY = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}

_STYLE = {
    Level.INFO: "background:#dbe9fb; color:#0b2a55;",
    Level.WARNING: "background:#fdf0c9; color:#5a4200;",
    Level.ERROR: "background:#f9d6d5; color:#6b0f0c;",
}


class Banner(QFrame):
    actionClicked = Signal(str)  # the key passed to show()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.action = QPushButton()
        self.action.clicked.connect(lambda: self.actionClicked.emit(self.key))
        layout.addWidget(self.action)
        close = QPushButton("✕")
        close.setFlat(True)
        close.setToolTip(self.tr("Hide this message"))
        close.setFixedWidth(28)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.level = Level.INFO
        self.hide()

    def show_message(self, level: Level, text: str, key: str = "", action: str = "") -> None:
        # A problem stays until it is resolved or dismissed; a less serious message does not hide it.
        if self.isVisible() and _SEVERITY[level] < _SEVERITY[self.level]:
            return
        self.level = level
        self.key = key
        self.setStyleSheet(f"Banner {{ {_STYLE[level]} border-radius: 4px; }} QLabel {{ {_STYLE[level]} }}")
        self.label.setText(text)
        self.action.setVisible(bool(action))
        self.action.setText(action)
        self.show()

    def clear(self, key: str) -> None:
        if self.key == key:
            self.hide()
