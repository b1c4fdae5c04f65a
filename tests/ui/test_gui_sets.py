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
