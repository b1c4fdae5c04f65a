"""The Sets view: create a set, add photos from the grid, order them, approve after seeing what leaves."""

from __future__ import annotations

from ui.gui_helpers import save_screenshot, select_rows

from photoarchive.sets.model import SetState
from photoarchive.ui.views import ViewKind, ViewSpec


def _open_sets(window, qtbot):
    page = window.sets_page
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.SETS))
    return page


def test_create_a_set_add_photos_reorder_submit_and_approve(make_window, ingest, catalog, qtbot, monkeypatch):
    ids = ingest("IMG_0501.jpg", "IMG_0502.jpg", "IMG_0503.jpg", gps=True, serial=True)
    window = make_window()
    page = _open_sets(window, qtbot)
    assert page.heading.text() == "No sets yet"

    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.create_set("Trafikkulykke E18")
    (photo_set,) = catalog.sets.list()
    assert page.heading.text() == "Trafikkulykke E18"

    # Add the grid's selection to the set (what "Add to set…" and a drop onto the set both do).
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    select_rows(window, range(3))
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window._add_to_set(photo_set.id, window.selected_ids())
    assert sorted(catalog.sets.get(photo_set.id).photo_ids) == sorted(ids)
    assert all(window.model.photo(r).in_set for r in range(3))
    qtbot.waitUntil(
        lambda: any("Trafikkulykke" in label for _i, label in window.sidebar.set_entries()), timeout=5000
    )

    page = _open_sets(window, qtbot)
    assert page.photos.rowCount() == 3
    order = catalog.sets.get(photo_set.id).photo_ids
    page.photo_view.selectionModel().select(
        page.photos.index(2), page.photo_view.selectionModel().SelectionFlag.Select
    )
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.move_selected(-1)
    assert catalog.sets.get(photo_set.id).photo_ids == [order[0], order[2], order[1]]

    page.photo_view.selectionModel().clearSelection()
    page.photo_view.selectionModel().select(
        page.photos.index(1), page.photo_view.selectionModel().SelectionFlag.Select
    )
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.make_cover()
    assert catalog.sets.get(photo_set.id).cover_photo_id == order[2]

    page.visibility.setCurrentIndex(page.visibility.findData("public"))
    page.licence.setCurrentIndex(page.licence.findData(4))
    page.tags_edit.setText("politi, trafikk")
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.save_details()
    saved = catalog.sets.get(photo_set.id)
    assert (saved.visibility.value, saved.licence_id, saved.tags) == ("public", 4, ["politi", "trafikk"])

    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.submit_button.click()
    assert catalog.sets.get(photo_set.id).state is SetState.SUBMITTED

    # The approval dialog lists what will be published and what will be stripped; approve from it.
    shown = {}

    def accept(dialog):
        shown["text"] = dialog.findChild(object, "approval_details").toPlainText()
        save_screenshot(dialog, "approval-dialog.png")
        return dialog.DialogCode.Accepted

    from photoarchive.ui import sets_page

    monkeypatch.setattr(sets_page.ApprovalDialog, "exec", accept)
    with qtbot.waitSignal(page.actionDone, timeout=30000) as done:
        page.approve_button.click()
    assert done.args == ["approve"], done.args
    assert "GPS position" in shown["text"]
    assert "Politiet" in shown["text"]  # the press defaults it will be stamped with
    approved = catalog.sets.get(photo_set.id)
    assert approved.state is SetState.APPROVED and approved.approved_by == "tester"
    assert "approved" in page.state_label.text()
    actions = [page.audit.item(r, 2).text() for r in range(page.audit.rowCount())]
    assert "approve" in actions and "submit" in actions
    save_screenshot(window, "sets-view.png")

    monkeypatch.setattr(
        sets_page.QMessageBox, "question", lambda *a, **k: sets_page.QMessageBox.StandardButton.Yes
    )
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.revoke_button.click()
    assert catalog.sets.get(photo_set.id).state is SetState.DRAFT


def _drop(view, ids, pos):
    """What Qt delivers when tiles carrying ``ids`` are dropped at ``pos`` on the set's photo view."""
    from PySide6.QtCore import QMimeData, QPointF, Qt
    from PySide6.QtGui import QDropEvent

    from photoarchive.ui.photo_model import PHOTO_IDS_MIME

    mime = QMimeData()
    mime.setData(PHOTO_IDS_MIME, ",".join(map(str, ids)).encode("ascii"))
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    return event


def test_dragging_tiles_reorders_the_set(make_window, ingest, catalog, qtbot):
    from PySide6.QtCore import QPoint

    ids = ingest("A.jpg", "B.jpg", "C.jpg", "D.jpg")
    photo_set = catalog.sets.create("Rekkefølge")
    catalog.sets.add_photos(photo_set.id, ids)
    window = make_window()
    page = _open_sets(window, qtbot)
    window.show()
    qtbot.waitUntil(lambda: page.photos.rowCount() == 4, timeout=5000)
    view = page.photo_view
    first = view.visualRect(page.photos.index(0))
    third = view.visualRect(page.photos.index(2))
    quarter = QPoint(first.width() // 4, 0)

    # D dropped on the left half of the first tile: D goes first.
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        event = _drop(view, [ids[3]], first.center() - quarter)
    assert event.isAccepted()
    assert catalog.sets.get(photo_set.id).photo_ids == [ids[3], ids[0], ids[1], ids[2]]
    qtbot.waitUntil(lambda: [page.photos.id_at(r) for r in range(4)] == [ids[3], ids[0], ids[1], ids[2]])
    # No cover chosen: the first photo is the album's primary photo on Flickr, and its tile says so.
    assert page.photos.cover == ids[3]
    delegate = view.itemDelegate()
    first = page.photos.photo(0)
    labels = delegate.badges(
        first, cover=first.id == page.photos.cover, in_set_badge=not page.photos.shows_one_set
    )
    assert [key for key, _label, _suggested in labels] == ["cover"]  # no "In set" inside the set itself
    assert labels[0][1] == "Cover"
    assert "set" in [key for key, _l, _s in delegate.badges(first)]  # elsewhere the tile says "In set"

    # D and A (the first two) dropped on the right half of the third tile (B): after B.
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        _drop(view, [ids[0], ids[3]], third.center() + quarter)
    assert catalog.sets.get(photo_set.id).photo_ids == [ids[1], ids[3], ids[0], ids[2]]

    # Dropped below the last tile: to the end.
    qtbot.waitUntil(lambda: page.photos.id_at(0) == ids[1])
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        _drop(view, [ids[1]], view.viewport().rect().bottomRight() - QPoint(2, 2))
    assert catalog.sets.get(photo_set.id).photo_ids == [ids[3], ids[0], ids[2], ids[1]]


def test_only_a_named_editor_gets_the_approve_button(make_window, ingest, catalog, settings, qtbot):
    ids = ingest("IMG_0601.jpg")
    photo_set = catalog.sets.create("Til godkjenning")
    catalog.sets.add_photos(photo_set.id, ids)
    from photoarchive.sets.service import SetService

    SetService(catalog, clean_check=lambda _p: None, actor="ola").submit(photo_set.id)
    settings.sets.approvers = ["redaktør.kari"]
    window = make_window()
    page = _open_sets(window, qtbot)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert window.ctx.actor != "redaktør.kari"
    assert not page.approve_button.isEnabled()
    assert "redaktør.kari" in page.approve_button.toolTip()

    settings.sets.approvers = [window.ctx.actor.upper()]  # user names compare without regard to case
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.show_set(photo_set.id)
    assert page.approve_button.isEnabled() and page.approve_button.toolTip() == ""
