"""The guard against PySide6 6.12's reference-count bug on Python 3.11 (see photoarchive/ui/pyside_guard.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect

from photoarchive.ui.pyside_guard import needs_guard


def test_the_guard_is_needed_only_where_the_bug_is():
    assert needs_guard("6.12.0", (3, 11))
    assert not needs_guard("6.12.0", (3, 12))
    assert not needs_guard("6.11.3", (3, 11))


def test_many_calls_into_qt_do_not_use_up_none(qapp):
    import photoarchive.ui  # noqa: F401 — importing the UI applies the guard

    rect = QRect(0, 0, 10, 10)
    before = sys.getrefcount(None)
    # Without the guard on an affected PySide6 this aborts the interpreter ("deallocating None").
    for _ in range(200_000):
        rect.moveCenter(rect.center())
    assert sys.getrefcount(None) > 1_000_000 or sys.getrefcount(None) >= before - 10
