"""The region editor, driven as a person would: mouse drags and keys (pytest-qt, headless)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402

from photoarchive.redaction import Fill, RedactionService, Region  # noqa: E402
from photoarchive.ui.redaction_editor import RedactionEditor  # noqa: E402


@pytest.fixture
def editor(qtbot):
    widget = RedactionEditor()
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 120, 150))
    widget.set_image(image)
    widget.resize(600, 400)  # the picture fills the widget exactly: 1 widget px = 1 picture px
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _drag(qtbot, widget, start: tuple[int, int], end: tuple[int, int]) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(*start))
    # Several moves, as a hand does; the release alone would also finish the box.
    for i in range(1, 5):
        x = start[0] + (end[0] - start[0]) * i // 4
        y = start[1] + (end[1] - start[1]) * i // 4
        qtbot.mouseMove(widget, QPoint(x, y))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(*end))


def test_mouse_drag_draws_a_box_and_delete_removes_it(qtbot, editor) -> None:
    with qtbot.waitSignal(editor.regionsChanged):
        _drag(qtbot, editor, (60, 100), (240, 300))
    (region,) = editor.regions()
    assert region.x == pytest.approx(0.1, abs=0.01) and region.y == pytest.approx(0.25, abs=0.01)
    assert region.w == pytest.approx(0.3, abs=0.01) and region.h == pytest.approx(0.5, abs=0.01)
    assert editor.selected_index() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.regions() == []


def test_a_click_is_not_a_region(qtbot, editor) -> None:
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    assert editor.regions() == []


def test_drag_inside_moves_and_corner_drag_resizes(qtbot, editor) -> None:
    editor.set_regions([Region(0.1, 0.1, 0.2, 0.2, id=7)])
    _drag(qtbot, editor, (120, 80), (180, 120))  # inside: moves by (+60, +40) px = (+0.1, +0.1)
    (moved,) = editor.regions()
    assert (moved.x, moved.y) == (pytest.approx(0.2, abs=0.01), pytest.approx(0.2, abs=0.01))
    assert (moved.w, moved.h, moved.id) == (pytest.approx(0.2), pytest.approx(0.2), 7)
    # Bottom-right corner of the selected box is at (240, 160): drag it to (300, 240).
    _drag(qtbot, editor, (240, 160), (300, 240))
    (resized,) = editor.regions()
    assert resized.x == pytest.approx(0.2, abs=0.01) and resized.w == pytest.approx(0.3, abs=0.01)
    assert resized.h == pytest.approx(0.4, abs=0.01)


def test_arrow_keys_nudge_and_shift_arrows_resize_the_selected_box(qtbot, editor) -> None:
    editor.set_regions([Region(0.5, 0.5, 0.1, 0.1), Region(0.1, 0.1, 0.1, 0.1)])
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # selects the first
    assert editor.selected_index() == 0
    for _ in range(4):
        qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    first = editor.regions()[0]
    assert first.x == pytest.approx(0.52) and first.y == pytest.approx(0.495)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert editor.regions()[0].h == pytest.approx(0.105)
    assert editor.regions()[1] == Region(0.1, 0.1, 0.1, 0.1)  # the other box is untouched
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # nothing selected: nothing removed
    assert len(editor.regions()) == 2


def test_a_moved_suggestion_is_no_longer_confirmed(qtbot, editor) -> None:
    editor.set_regions([Region(0.1, 0.1, 0.2, 0.2, source="detector", confirmed_by="kari")])
    _drag(qtbot, editor, (120, 80), (130, 90))
    assert editor.regions()[0].confirmed_by == ""


def test_the_editors_regions_saved_through_the_core(qtbot, editor, home, catalog, archive) -> None:
    pid = archive("sak.jpg", folder="2026-777777")
    service = RedactionService(catalog, home)
    service.add(pid, (0.5, 0.5, 0.2, 0.2), "kari", fill=Fill.MOSAIC)
    editor.set_regions(service.regions(pid))
    _drag(qtbot, editor, (30, 30), (150, 130))
    service.replace_all(pid, editor.regions(), "ola")
    saved = service.regions(pid)
    assert len(saved) == 2 and saved[0].fill is Fill.MOSAIC
    assert saved[1].x == pytest.approx(0.05, abs=0.01) and saved[1].added_by == "ola"
