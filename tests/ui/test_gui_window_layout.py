"""The window's frame: menus with shortcuts, toolbar icons, the sidebar's icons and counts, the theme, the
tile-size slider and Ctrl+plus/minus, and what the window remembers for the user."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from ui.gui_helpers import save_screenshot, select_rows

from photoarchive.ui.theme import Theme
from photoarchive.ui.tile_delegate import MAX_THUMB, MIN_THUMB
from photoarchive.ui.views import ViewKind, ViewSpec


def test_menus_follow_windows_conventions_and_show_their_shortcuts(make_window):
    window = make_window()
    titles = [m.title().replace("&", "") for m in window.menus]
    assert titles == ["File", "Edit", "View", "Photo", "Set", "Help"]
    assert [a.text() for a in window.menuBar().actions()] == [m.title() for m in window.menus]
    shortcuts = {
        a.objectName(): a.shortcut().toString()
        for m in window.menus
        for a in m.actions()
        if not a.isSeparator()
    }
    assert shortcuts["export"] == "Ctrl+E"
    assert shortcuts["save"] == "Ctrl+S"
    assert shortcuts["mark_reviewed"] == "Ctrl+R"
    assert shortcuts["confirmed_portrait"] == "P"
    assert shortcuts["rejected_case"] == "Shift+C"
    assert shortcuts["zoom_in"] == "Ctrl++"
    assert shortcuts["fullscreen"] == "F"
    assert shortcuts["quit"] == "Ctrl+Q"
    for act in window.toolbar.actions():
        if not act.isSeparator() and act.defaultWidget() is None if hasattr(act, "defaultWidget") else True:
            if act.text():
                assert not act.icon().isNull(), act.text()
                assert "(" in act.toolTip(), act.toolTip()  # the tooltip names the keys


def test_sidebar_has_icons_and_live_counts_for_every_view(make_window, ingest, qtbot):
    ingest("2026-123456/Åsted 1.jpg", "2026-123456/Åsted 2.jpg", gps=True)
    ingest("Stort pressebilde.jpg", size=(3200, 2000))
    window = make_window()
    sidebar = window.sidebar
    for kind in sidebar.names:
        assert not sidebar.items[kind].icon(0).isNull(), kind
    qtbot.waitUntil(lambda: sidebar.count_text(ViewKind.ALL) == "3", timeout=5000)
    assert sidebar.count_text(ViewKind.INBOX) == "3"
    assert sidebar.count_text(ViewKind.CASES) == "2"
    assert sidebar.count_text(ViewKind.MEDIA) == "1"
    assert sidebar.count_text(ViewKind.PORTRAITS) == "0"
    assert sidebar.count_text(ViewKind.QUARANTINE) == "0"
    # Counts follow the work: reviewing one takes it off the Inbox count at once.
    select_rows(window, [0])
    window.act_reviewed.trigger()
    qtbot.waitUntil(lambda: sidebar.count_text(ViewKind.INBOX) == "2", timeout=5000)
    assert sidebar.count_text(ViewKind.ALL) == "3"


def test_tile_size_slider_and_ctrl_plus_minus(make_window, ingest, qtbot):
    ingest("A.jpg", "B.jpg", "C.jpg", "D.jpg")
    window = make_window()
    start = window.grid.gridSize().width()
    window.tile_slider.setValue(300)
    assert window.delegate.thumb == 300
    assert window.grid.gridSize().width() > start
    # Sharp at the new size: thumbnails are read again at 300 px.
    qtbot.waitUntil(lambda: window.thumbnails.bound.width() >= 300, timeout=5000)
    window.activateWindow()
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.delegate.thumb == 340
    qtbot.keyClick(window.grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.delegate.thumb == 260
    window.tile_slider.setValue(10_000)
    assert window.delegate.thumb == MAX_THUMB
    window.tile_slider.setValue(0)
    assert window.delegate.thumb == MIN_THUMB
    # At the smallest size, more tiles fit in a row than at the largest.
    per_row_small = window.grid.viewport().width() // window.grid.gridSize().width()
    window.tile_slider.setValue(MAX_THUMB)
    per_row_large = window.grid.viewport().width() // window.grid.gridSize().width()
    assert per_row_small > per_row_large >= 1


def test_the_window_remembers_size_splitters_sort_and_tile_size(make_window, qtbot):
    from photoarchive.ui.main_window import MainWindow

    window = make_window()
    window.resize(760, 560)
    window.tile_slider.setValue(260)
    window.sort_box.setCurrentIndex(3)  # Name A-Z
    window.splitter.setSizes([260, 300, 344])
    qtbot.wait(50)
    size = (window.width(), window.height())
    assert size != (1300, 820)  # the fixture's size
    window.close()
    again = MainWindow(window.ctx, watch_inbox=False)
    qtbot.addWidget(again)
    try:
        # (the offscreen screen is 800 px wide: a wider window is clamped to it when restored)
        assert again.height() == size[1] and again.width() == min(
            size[0], again.screen().availableGeometry().width() - 2
        )
        assert again.delegate.thumb == 260
        assert again.sort_box.currentIndex() == 3
        # The splitters' state is stored for the user (the offscreen screen is too small to lay the
        # restored sizes out as they were).
        assert again.state.value("splitter") is not None
    finally:
        again.shut_down()


def test_a_neutral_theme_that_does_not_tint_photos(make_window, ingest, qtbot):
    ingest("Grått.jpg")
    window = make_window()
    for theme in (Theme.LIGHT, Theme.DARK):
        window.theme_actions[theme].trigger()
        palette = window.grid.palette()
        for role in (palette.ColorRole.Base, palette.ColorRole.Window):
            colour: QColor = palette.color(role)
            assert colour.red() == colour.green() == colour.blue(), (theme, role, colour.name())
    assert window.state.value("theme") == "dark"
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    assert window.grid.indexAt(QPoint(30, 30)).isValid()
    save_screenshot(window, "theme-dark.png")


def test_badges_are_legible_and_differ_in_colour_and_shape(make_window):
    from photoarchive.ui.tile_delegate import _BADGES, BADGE_PIXELS

    window = make_window()
    delegate = window.delegate
    assert delegate.badge_font.pixelSize() >= BADGE_PIXELS >= 11
    colours = {key: colour.name() for key, (colour, _shape, _mark) in _BADGES.items()}
    assert len(set(colours.values())) == len(colours)  # no two badges share a colour ("Cover" vs "Case")
    assert delegate.badge_shape("case") != delegate.badge_shape("cover")
    assert delegate.badge_shape("gps") != delegate.badge_shape("portrait")
    # A suggestion reads differently from a confirmed category: the "?" is part of its width.
    assert delegate.badge_width("case", "Case", True) > delegate.badge_width("case", "Case", False)


def test_tile_captions_carry_date_and_case_number(make_window, ingest):
    from datetime import datetime

    ingest("2026-123456/Åsted.jpg", capture_time=datetime(2026, 11, 3, 9, 41))
    window = make_window()
    name, details = window.delegate.caption(window.model.photo(0))
    assert name == "Åsted.jpg"
    assert details == "03.11.2026 09:41  ·  2026-123456"


def test_file_menu_checks_the_archive(make_window, ingest, qtbot):
    ingest("A.jpg")
    window = make_window()
    assert window.act_check in window.menus[0].actions()
    window.act_check.trigger()
    dialog = window.check_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.report is not None, timeout=30000)
    assert dialog.report.photos_checked == 1
    dialog.close()
