"""The People and Cases views and the redaction editor, reached from the window as a comms adviser does:
a sidebar click shows a person the core added; Ctrl+Shift+R opens the editor on the selected photo, a
mouse drag draws a region that Save stores; "Regions confirmed" / "Nothing to redact" record the review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from ui.gui_helpers import save_screenshot, select_rows

from photoarchive.redaction import RedactionService
from photoarchive.redaction.model import ReviewState
from photoarchive.ui.views import ViewKind, ViewSpec


def click_view(qtbot, window, kind: ViewKind) -> None:
    sidebar = window.sidebar
    rect = sidebar.visualItemRect(sidebar.items[kind])
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def people_service(catalog, home, settings):
    from photoarchive.people.service import PeopleService

    return PeopleService.for_home(catalog, home, settings, actor="tester")


def test_people_view_shows_a_person_added_through_the_core(make_window, catalog, home, settings, qtbot):
    people_service(catalog, home, settings).add("Kari Nordmann", employee_id="A123")
    window = make_window()
    qtbot.waitUntil(lambda: window.sidebar.count_text(ViewKind.PEOPLE) == "1", timeout=10000)

    click_view(qtbot, window, ViewKind.PEOPLE)
    page = window.people_page
    assert window.current_view() == ViewSpec(ViewKind.PEOPLE)
    assert window.stack.currentWidget().widget() is page
    assert not window.inspector.isVisible()  # the page uses the room itself
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["Kari Nordmann"]

    # Someone else adds a person: the view shows them when it is opened again (here from the Photo menu).
    people_service(catalog, home, settings).add("Ola Hansen", role="Politiadvokat")
    click_view(qtbot, window, ViewKind.ALL)
    window.view_actions[ViewKind.PEOPLE].trigger()
    assert window.current_view() == ViewSpec(ViewKind.PEOPLE)
    names = {page.table.item(r, 0).text() for r in range(page.table.rowCount())}
    assert names == {"Kari Nordmann", "Ola Hansen"}

    click_view(qtbot, window, ViewKind.CASE_REGISTER)
    assert window.stack.currentWidget().widget() is window.cases_page


def test_the_window_warns_when_published_photos_wait_to_come_down(
    make_window, ingest, catalog, home, settings, qtbot
):
    from photoarchive.catalog.sync_state import KnownPhoto

    (photo_id,) = ingest("Nyansatt.jpg")
    person = people_service(catalog, home, settings).add("Kari Nordmann", employee_id="A123")
    catalog.people.link(person.id, [photo_id], actor="tester")  # no consent recorded for Flickr
    window = make_window()
    assert not (window.banner.isVisible() and window.banner.key == "takedown")

    # What the sync records once the photo is public on Flickr.
    sha = catalog.photos.get_many([photo_id])[0].sha256
    catalog.sync.save_photo(KnownPhoto(sha, "remote-1", visibility_applied="public"))
    window.refresh_sidebar()
    qtbot.waitUntil(lambda: window.banner.isVisible() and window.banner.key == "takedown", timeout=10000)
    assert "1" in window.banner.label.text() and "Flickr" in window.banner.label.text()
    qtbot.mouseClick(window.banner.action, Qt.MouseButton.LeftButton)
    assert window.current_view() == ViewSpec(ViewKind.PEOPLE)


def _open_redaction(qtbot, window, row: int):
    select_rows(window, [row])
    inspector = window.inspector
    qtbot.waitUntil(
        lambda: inspector.redaction_box.isVisible() and len(inspector.records) == 1, timeout=10000
    )
    window.activateWindow()
    window.grid.setFocus()
    qtbot.keyClick(
        window.grid, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = inspector.redaction_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.editor.image_rect().isEmpty() and dialog._busy == 0, timeout=10000)
    return dialog


def _drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 5):
        qtbot.mouseMove(widget, start + (end - start) * i / 4)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_a_box_drawn_in_the_redaction_dialog_is_saved_and_confirmed(
    make_window, ingest, catalog, home, qtbot
):
    (photo_id,) = ingest("2026-123456/Innbrudd Skien.jpg")
    service = RedactionService(catalog, home)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    dialog = _open_redaction(qtbot, window, 0)
    assert dialog.record.id == photo_id
    qtbot.waitUntil(
        lambda: window.inspector.redaction_state.text() == "Redaction: needs review", timeout=10000
    )
    assert not dialog.save_button.isEnabled() and not dialog.confirm_button.isEnabled()

    # Mosaic chosen, then a box drawn over the middle half of the picture.
    dialog.fill.setCurrentIndex(dialog.fill.findData("mosaic"))
    picture = dialog.editor.image_rect()
    start = QPoint(
        round(picture.left() + picture.width() * 0.25), round(picture.top() + picture.height() * 0.25)
    )
    end = QPoint(
        round(picture.left() + picture.width() * 0.75), round(picture.top() + picture.height() * 0.75)
    )
    with qtbot.waitSignal(dialog.editor.regionsChanged):
        _drag(qtbot, dialog.editor, start, end)
    assert service.regions(photo_id) == []  # nothing stored before Save
    save_screenshot(dialog, "redaction-dialog.png")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (region,) = service.regions(photo_id)
    assert region.x == pytest.approx(0.25, abs=0.02) and region.y == pytest.approx(0.25, abs=0.02)
    assert region.w == pytest.approx(0.5, abs=0.02) and region.h == pytest.approx(0.5, abs=0.02)
    assert str(region.fill) == "mosaic"
    assert service.review_needed(photo_id)

    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    review = service.review(photo_id)
    assert review.state is ReviewState.CONFIRMED and review.actor == "tester"
    assert not service.review_needed(photo_id)
    qtbot.waitUntil(
        lambda: window.inspector.redaction_state.text() == "Redaction: regions confirmed by tester",
        timeout=10000,
    )


def test_nothing_to_redact_records_the_review(make_window, ingest, catalog, home, qtbot):
    (photo_id,) = ingest("2026-123456/Åsted.jpg")
    service = RedactionService(catalog, home)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    dialog = _open_redaction(qtbot, window, 0)
    assert service.review_needed(photo_id)
    assert dialog.nothing_button.isEnabled() and not dialog.confirm_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.nothing_button, Qt.MouseButton.LeftButton)
    review = service.review(photo_id)
    assert review.state is ReviewState.NOTHING and review.actor == "tester"
    assert not service.review_needed(photo_id) and service.regions(photo_id) == []
    qtbot.waitUntil(
        lambda: window.inspector.redaction_state.text() == "Redaction: nothing to redact (checked by tester)",
        timeout=10000,
    )
    # A region drawn afterwards makes "Nothing to redact" unavailable until it is removed again.
    picture = dialog.editor.image_rect()
    _drag(
        qtbot,
        dialog.editor,
        picture.center().toPoint(),
        (picture.center() + picture.bottomRight()).toPoint() / 2,
    )
    assert len(dialog.editor.regions()) == 1 and not dialog.nothing_button.isEnabled()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Delete)
    assert dialog.editor.regions() == [] and dialog.nothing_button.isEnabled()


def test_find_faces_adds_the_face_as_a_region_from_a_worker(make_window, ingest, catalog, home, qtbot):
    """The face search runs on the window's worker (seconds of CPU) and its regions appear in the editor."""
    (photo_id,) = ingest("2026-123456/Avhør.jpg", pattern="face", size=(480, 640))
    service = RedactionService(catalog, home)
    window = make_window()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    dialog = _open_redaction(qtbot, window, 0)
    assert dialog.editor.regions() == []
    with qtbot.waitSignal(dialog.saved, timeout=120000):
        qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
        assert not dialog.find_button.isEnabled()  # one search at a time
    stored = service.regions(photo_id)
    assert len(stored) >= 1 and all(str(r.kind) == "face" for r in stored)
    assert [r.id for r in dialog.editor.regions()] == [r.id for r in stored]
    # (Tests run without the English .qm, so the plural shows as written in the code.)
    assert dialog.message.text().startswith(f"{len(stored)} new face")
    assert dialog.confirm_button.isEnabled() and not dialog.nothing_button.isEnabled()
