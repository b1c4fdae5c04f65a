"""Helpers for the desktop app's tests."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts"


def save_screenshot(widget, name: str) -> Path:
    """Save what the user sees into test-artifacts/ (looked at by people, not compared by tests)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    widget.grab().save(str(path))
    return path


def select_rows(window, rows) -> None:
    from PySide6.QtCore import QItemSelectionModel

    selection = window.grid.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.model.index(row), QItemSelectionModel.SelectionFlag.Select)
