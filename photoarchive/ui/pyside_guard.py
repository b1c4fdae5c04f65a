"""A guard against a PySide6 6.12 bug on Python 3.11: calls into Qt that return nothing (every `void`
method, e.g. `QPainter.drawRect`) and empty values handed back from C++ release one reference to `None`
(and to `True`/`False`) that they never took. Python 3.12 made those objects immortal, which hides it;
on 3.11 the count reaches zero after a few thousand calls and the interpreter aborts ("none_dealloc").

Raising their counts by 2**40 makes them immortal in practice, as 3.12 does. Remove this module once
PySide6 is pinned to a release without the bug (checked by tests/ui/test_gui_pyside_guard.py).
"""

from __future__ import annotations

import ctypes
import sys

_APPLIED = False


def needs_guard(pyside_version: str, python: tuple[int, int] = sys.version_info[:2]) -> bool:
    return python < (3, 12) and pyside_version.startswith("6.12")


def apply() -> bool:
    """Make None, True and False effectively immortal where the bug exists; True when applied."""
    global _APPLIED
    import PySide6

    if _APPLIED or not needs_guard(PySide6.__version__):
        return _APPLIED
    # In CPython the reference count is the first field of every object, at the object's address.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    _APPLIED = True
    return True
