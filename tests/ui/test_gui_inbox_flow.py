"""The Inbox as a drop is worked: newest arrivals first, the banner leads to the new photos, the
inspector follows the grid, and counts agree with the grid while photos arrive."""

from __future__ import annotations

from datetime import datetime

from factory import make_photo
from ui.gui_helpers import select_rows

from photoarchive.ui.views import ViewKind, ViewSpec


def test_newest_arrivals_come_first_whatever_the_camera_clock(make_window, ingest, qtbot):
    ingest("Nytt kamera.jpg", capture_time=datetime(2026, 11, 30, 10, 0))
    ingest("Gammelt kamera.jpg", capture_time=datetime(2009, 1, 1, 0, 0))  # archived last
    window = make_window()
    assert window.sort_box.currentText() == "Newest archived first"
    assert window.model.photo(0).original_name == "Gammelt kamera.jpg"


def test_the_new_photo_banner_selects_and_scrolls_to_the_new_photos(make_window, ingest, home, qtbot):
    ingest(*[f"Eldre {i:02}.jpg" for i in range(30)])
    window = make_window(watch_inbox=True)
    qtbot.waitUntil(lambda: window.watch.service is not None, timeout=10000)
    # The user is elsewhere, with something else selected.
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    select_rows(window, [29])
    for i in range(2):
        make_photo(home.default_inbox / f"Ny {i}.jpg", seed=100 + i)
    qtbot.waitUntil(
        lambda: window.banner.isVisible() and "2 new photo" in window.banner.label.text(), timeout=30000
    )
    assert window.banner.action.text() == "Show them"
    with qtbot.waitSignal(window.gridSettled, timeout=10000):
        window.banner.action.click()
    assert window.current_view() == ViewSpec(ViewKind.INBOX)
    chosen = sorted(window.model.photo(window.model.row_of(i)).original_name for i in window.selected_ids())
    assert chosen == ["Ny 0.jpg", "Ny 1.jpg"]
    # Scrolled to: the first of them is on screen, and the inspector shows them.
    first = window.model.index(window.model.row_of(window.selected_ids()[0]))
    assert window.grid.viewport().rect().intersects(window.grid.visualRect(first))
    qtbot.waitUntil(lambda: sorted(window.inspector.ids) == sorted(window.selected_ids()), timeout=5000)
    assert not window.banner.isVisible()


def test_the_inspector_empties_when_its_photo_leaves_the_view(make_window, ingest, qtbot):
    ingest("Brann Skien.jpg", "Trafikk E18.jpg")
    window = make_window()
    row = next(r for r in range(2) if window.model.photo(r).original_name == "Brann Skien.jpg")
    select_rows(window, [row])
    qtbot.waitUntil(lambda: window.inspector.title.text() == "Brann Skien.jpg", timeout=5000)
    with qtbot.waitSignal(window.gridSettled, timeout=5000):
        window.search_box.setText("Trafikk")
    assert window.model.rowCount() == 1
    qtbot.waitUntil(lambda: window.inspector.title.text() == "No photo selected", timeout=5000)
    assert window.inspector.ids == []
    # Back again: the photo is there, and nothing stale is shown meanwhile.
    with qtbot.waitSignal(window.gridSettled, timeout=5000):
        window.search_box.clear()
    assert window.model.rowCount() == 2


def test_counts_and_grid_agree_while_photos_arrive(make_window, home, qtbot):
    window = make_window(watch_inbox=True)
    qtbot.waitUntil(lambda: window.watch.service is not None, timeout=10000)
    seen = []
    window.gridFilled.connect(lambda n: seen.append((n, window.sidebar.count_text(ViewKind.INBOX))))
    for i in range(4):
        make_photo(home.default_inbox / f"Drop {i}.jpg", seed=200 + i)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=30000)
    qtbot.waitUntil(lambda: window.sidebar.count_text(ViewKind.INBOX) == "4", timeout=5000)
    # Every time the grid showed the Inbox, the sidebar said the same number.
    assert seen and all(str(n) == text for n, text in seen), seen
