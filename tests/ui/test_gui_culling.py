"""Working a drop with the keyboard only: arrows move, P/C/M confirm, Shift rejects, Ctrl+R reviewed and
next, Space the full-screen preview. Keys are sent to the real widgets, as a user presses them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui.gui_helpers import save_screenshot

from photoarchive.catalog.photos import Category, CategoryState, PhotoQuery


def _focus_grid(window, qtbot):
    window.activateWindow()
    window.grid.setFocus()
    qtbot.waitUntil(lambda: window.grid.hasFocus(), timeout=5000)


def test_culling_a_50_photo_inbox_with_key_presses_only(make_window, ingest, catalog, qtbot):
    ingest(*[f"Drop/IMG_{i:04}.jpg" for i in range(50)])
    window = make_window()
    assert window.model.rowCount() == 50
    _focus_grid(window, qtbot)
    grid = window.grid
    qtbot.keyClick(grid, Qt.Key.Key_Home)  # the first photo has the focus frame
    plan = {}  # photo id -> what was pressed
    for i in range(50):
        (photo_id,) = window.working_ids()
        if i % 3 == 0:
            qtbot.keyClick(grid, Qt.Key.Key_P)
            plan[photo_id] = (Category.PORTRAIT, CategoryState.CONFIRMED)
        elif i % 3 == 1:
            qtbot.keyClick(grid, Qt.Key.Key_C)
            plan[photo_id] = (Category.CASE, CategoryState.CONFIRMED)
        else:
            qtbot.keyClick(grid, Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier)
            plan[photo_id] = (Category.MEDIA, CategoryState.REJECTED)
        qtbot.waitUntil(lambda pid=photo_id: plan[pid][0] in catalog.photos.get(pid).categories, timeout=5000)
        qtbot.keyClick(grid, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        left = 50 - i - 1
        qtbot.waitUntil(
            lambda n=left: catalog.photos.count(PhotoQuery(unreviewed_only=True)) == n, timeout=5000
        )
        if left:
            # Moved on by itself: the next photo is selected, and it is not the one just reviewed.
            qtbot.waitUntil(
                lambda pid=photo_id: len(window.selected_ids()) == 1 and window.selected_ids() != [pid],
                timeout=5000,
            )
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
    assert len(plan) == 50
    for photo_id, (category, state) in plan.items():
        record = catalog.photos.get(photo_id)
        assert record.reviewed
        assert record.categories[category].state is state, (record.original_name, category)
        assert record.categories[category].decided_by == "tester"


def test_arrow_keys_move_and_the_culling_keys_act_on_the_selection(make_window, ingest, catalog, qtbot):
    ids = ingest("A.jpg", "B.jpg", "C.jpg")
    window = make_window()
    _focus_grid(window, qtbot)
    grid = window.grid
    qtbot.keyClick(grid, Qt.Key.Key_End)
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    first = window.selected_ids()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    second = window.selected_ids()
    assert len(first) == len(second) == 1 and first != second
    # Shift+arrow extends the selection; one key confirms on both.
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    chosen = window.selected_ids()
    assert len(chosen) == 2
    qtbot.keyClick(grid, Qt.Key.Key_C)
    qtbot.waitUntil(
        lambda: all(
            catalog.photos.get(i).categories.get(Category.CASE) is not None
            and catalog.photos.get(i).categories[Category.CASE].state is CategoryState.CONFIRMED
            for i in chosen
        ),
        timeout=5000,
    )
    (untouched,) = set(ids) - set(chosen)
    assert Category.CASE not in catalog.photos.get(untouched).categories
    # A letter typed into a text field is text, not a culling key.
    qtbot.waitUntil(lambda: window.inspector.edits["headline"].isEnabled(), timeout=5000)
    headline = window.inspector.edits["headline"]
    headline.setFocus()
    qtbot.keyClicks(headline, "Pm")
    assert headline.text() == "Pm"
    for photo_id in ids:
        assert Category.PORTRAIT not in catalog.photos.get(photo_id).categories
    headline.clear()  # nothing left unsaved (closing would ask)


def test_full_screen_preview_steps_with_arrows_and_closes_with_escape(make_window, ingest, catalog, qtbot):
    ingest("Første.jpg", "Andre.jpg", "Tredje.jpg")
    window = make_window()
    _focus_grid(window, qtbot)
    qtbot.keyClick(window.grid, Qt.Key.Key_Home)
    start = window.grid.currentIndex().row()
    qtbot.keyClick(window.grid, Qt.Key.Key_Space)
    preview = window.preview_window
    qtbot.waitUntil(lambda: preview is not None and preview.isVisible(), timeout=5000)
    assert preview.isFullScreen()
    name = window.model.photo(start).original_name
    assert name in preview.caption.text() and "1 of 3" in preview.caption.text()
    qtbot.waitUntil(
        lambda: preview.image.pixmap() is not None and not preview.image.pixmap().isNull(), timeout=5000
    )
    save_screenshot(preview, "fullscreen-preview.png")
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    assert window.grid.currentIndex().row() == start + 1
    assert window.model.photo(start + 1).original_name in preview.caption.text()
    qtbot.keyClick(preview, Qt.Key.Key_Left)
    assert window.grid.currentIndex().row() == start
    # The culling keys work full screen too, on the photo shown.
    shown = window.model.id_at(start)
    qtbot.keyClick(preview, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: Category.MEDIA in catalog.photos.get(shown).categories, timeout=5000)
    assert catalog.photos.get(shown).categories[Category.MEDIA].state is CategoryState.CONFIRMED
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=5000)
    # F opens it too.
    _focus_grid(window, qtbot)
    qtbot.keyClick(window.grid, Qt.Key.Key_F)
    qtbot.waitUntil(lambda: preview.isVisible(), timeout=5000)
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=5000)
