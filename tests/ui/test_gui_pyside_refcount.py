"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns nothing, and the
interpreter aborts after a few thousand calls (the grid hit it within seconds of scrolling). The pin in
pyproject.toml keeps that release out; this fails if a release with the bug comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect


def test_many_calls_into_qt_do_not_use_up_none(qapp):
    rect = QRect(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        rect.moveCenter(rect.center())
    assert sys.getrefcount(None) >= before - 100
