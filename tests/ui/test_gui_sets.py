"""The Sets view: create a set, add photos from the grid, order them, approve after seeing what leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
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
    # Four eyes: the one who submitted cannot approve, and the button says why.
    assert not page.approve_button.isEnabled()
    assert (
        page.approve_button.toolTip() == "You (tester) submitted this set, so someone else must approve it."
    )
    assert not page.submit_button.isEnabled() and page.submit_button.toolTip()

    # The editor at the same desk (another OS account) approves.
    window.ctx.actor = "redaktør"
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.show_set(photo_set.id)
    assert page.approve_button.isEnabled()

    # The approval dialog lists what will be published and what will be stripped; approve from it.
    with qtbot.waitSignal(page.actionDone, timeout=30000):
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialog = page.approval_dialog
    text = dialog.findChild(object, "approval_details").toPlainText()
    assert "GPS position" in text
    assert "Politiet" in text  # the press defaults it will be stamped with
    assert "IMG_0501.jpg has no caption or headline." in dialog.warnings.text()
    assert not dialog.reason.isVisible() and not dialog.case_box.isVisible()
    save_screenshot(dialog, "approval-dialog.png")
    with qtbot.waitSignal(page.actionDone, timeout=30000) as done:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert done.args == ["approve"], done.args
    approved = catalog.sets.get(photo_set.id)
    assert approved.state is SetState.APPROVED and approved.approved_by == "redaktør"
    assert "approved" in page.state_label.text()
    actions = [page.audit.item(r, 2).text() for r in range(page.audit.rowCount())]
    assert "approved" in actions and "submitted" in actions  # in words, not the audit codes
    save_screenshot(window, "sets-view.png")

    from photoarchive.ui import sets_page

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
    assert page.approve_button.toolTip() == "Only redaktør.kari may approve sets; you are tester."

    settings.sets.approvers = [window.ctx.actor.upper()]  # user names compare without regard to case
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        page.show_set(photo_set.id)
    assert page.approve_button.isEnabled() and page.approve_button.toolTip() == ""


def test_an_empty_set_cannot_be_submitted(make_window, catalog, qtbot):
    catalog.sets.create("Tom")
    window = make_window()
    page = _open_sets(window, qtbot)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert not page.submit_button.isEnabled()
    assert page.submit_button.toolTip() == "The set has no photos; add photos before submitting it."


def test_case_photos_are_decided_in_the_dialog_and_it_stays_open_for_the_reason(
    make_window, ingest, catalog, qtbot
):
    """Issue 10: photos dropped in inbox/2026-123456/ were suggested as case photos and went public."""
    from photoarchive.catalog.photos import Category, CategoryState
    from photoarchive.sets.service import SetService

    ids = ingest("2026-123456/IMG_0701.jpg", "2026-123456/Ransaking_Bodø_åsted.jpg", "Pressemøte.jpg")
    staff = SetService(catalog, clean_check=lambda _p: None, actor="ola")
    photo_set = staff.create("Innbrudd i Bodø", visibility="public", description="Politiet søker vitner")
    staff.add(photo_set.id, ids)
    staff.submit(photo_set.id)
    window = make_window()
    page = _open_sets(window, qtbot)
    qtbot.waitUntil(lambda: page.current is not None and page.approve_button.isEnabled(), timeout=5000)

    with qtbot.waitSignal(page.actionDone, timeout=30000):
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialog = page.approval_dialog
    assert dialog.isVisible() and dialog.case_box.isVisible()
    rows = dialog.case_box.findChildren(QLabel)
    assert [r.text().split(" may be")[0] for r in rows] == ["IMG_0701.jpg", "Ransaking_Bodø_åsted.jpg"]
    assert "a case number in its folder or file name" in rows[0].text()
    assert not dialog.approve_button.isEnabled()  # undecided case photos: no approval yet

    confirm = dialog.findChild(QPushButton, f"case_confirm_{ids[0]}")
    with qtbot.waitSignal(page.actionDone, timeout=10000):
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    reject = dialog.findChild(QPushButton, f"case_reject_{ids[1]}")
    with qtbot.waitSignal(page.actionDone, timeout=10000):
        qtbot.mouseClick(reject, Qt.MouseButton.LeftButton)
    marks = {r.id: r.categories[Category.CASE] for r in catalog.photos.get_many(ids[:2])}
    assert marks[ids[0]].state is CategoryState.CONFIRMED and marks[ids[0]].decided_by == "tester"
    assert marks[ids[1]].state is CategoryState.REJECTED
    qtbot.waitUntil(lambda: not dialog.case_box.isVisible(), timeout=5000)
    # A confirmed case photo in a public set needs a reason, and (said at once) a person's look at its
    # redaction: one click in the dialog too (no regions are marked on it, so "nothing needs hiding").
    assert dialog.reason.isVisible() and not dialog.approve_button.isEnabled()
    assert dialog.redaction_box.isVisible()
    (row,) = [r.text() for r in dialog.redaction_box.findChildren(QLabel)]
    assert row.startswith("IMG_0701.jpg is a case photo whose redaction nobody has reviewed")
    nothing = dialog.findChild(QPushButton, f"redaction_nothing_{ids[0]}")
    assert nothing.text() == "Nothing in it needs hiding"
    with qtbot.waitSignal(page.actionDone, timeout=10000) as done:
        qtbot.mouseClick(nothing, Qt.MouseButton.LeftButton)
    assert done.args == ["redaction_reviewed"]
    from photoarchive.redaction import RedactionService

    review = RedactionService(catalog, window.ctx.home).review(ids[0])
    assert review is not None and (review.state.value, review.actor) == ("nothing_to_redact", "tester")
    assert not dialog.redaction_box.isVisible() and dialog.approve_button.isEnabled()

    # Approve without the reason: refused, and the dialog stays open with the reason field ready.
    with qtbot.waitSignal(page.actionDone, timeout=30000) as done:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert done.args == ["refused"]
    assert dialog.isVisible() and dialog.reason.hasFocus()
    assert "IMG_0701.jpg is a case photo and the set is public" in dialog.refusals.text()
    assert catalog.sets.get(photo_set.id).state is SetState.SUBMITTED

    qtbot.keyClicks(dialog.reason, "Etterlysning godkjent av påtaleansvarlig")
    with qtbot.waitSignal(page.actionDone, timeout=30000) as done:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert done.args == ["approve"]
    approved = catalog.sets.get(photo_set.id)
    assert approved.state is SetState.APPROVED
    assert approved.override_reason == "Etterlysning godkjent av påtaleansvarlig"


def test_a_photo_that_could_not_be_checked_is_said_so_and_refused(
    make_window, ingest, catalog, qtbot, monkeypatch
):
    """Issue 10: a failed privacy scan showed as "No personal data found"."""
    import photoarchive.privacy
    from photoarchive.privacy.errors import PrivacyError
    from photoarchive.sets.service import SetService

    def failing_scan(path, **_kw):
        raise PrivacyError(f"{path.name} is damaged: the EXIF block cannot be read")

    with monkeypatch.context() as patched:
        patched.setattr(photoarchive.privacy, "scan", failing_scan)
        (damaged,) = ingest("Skadet.jpg", gps=True)
    (fine,) = ingest("Hel.jpg")
    staff = SetService(catalog, clean_check=lambda _p: None, actor="ola")
    photo_set = staff.create("Skadet", description="x")
    staff.add(photo_set.id, [damaged, fine])
    staff.submit(photo_set.id)

    window = make_window()
    # The inspector says it could not be checked, with the reason; never "No personal data found".
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    row = next(r for r in range(window.model.rowCount()) if window.model.photo(r).id == damaged)
    select_rows(window, [row])
    inspector = window.inspector
    qtbot.waitUntil(lambda: "Could not be checked" in inspector.privacy.text(), timeout=10000)
    assert "metadata could not be read when it was archived" in inspector.privacy.text()
    # The grid badge says so too.
    labels = [key for key, _l, _s in window.grid.itemDelegate().badges(window.model.photo(row))]
    assert "unchecked" in labels and "gps" not in labels

    page = _open_sets(window, qtbot)
    qtbot.waitUntil(lambda: page.current is not None and page.approve_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(page.actionDone, timeout=30000):
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialog = page.approval_dialog
    assert "Skadet.jpg could not be checked for personal data" in dialog.refusals.text()
    assert not dialog.approve_button.isEnabled()
    assert "Could not be checked for personal data" in dialog.body.toPlainText()
    dialog.reject()


def test_refusals_and_warnings_are_said_in_norwegian_naming_the_photo(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from photoarchive.sets.notices import Code, notice
    from photoarchive.ui.resources import compile_translations, translations_dir
    from photoarchive.ui.set_words import describe

    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        undecided = notice(
            Code.CASE_UNDECIDED, 7, "Ransaking_Bodø_åsted.jpg", why="folder,words", visibility="public"
        )
        assert describe(undecided) == (
            "Ransaking_Bodø_åsted.jpg kan være et saksbilde (et saksnummer i mappe- eller filnavnet, "
            "saksord i mappe- eller filnavnet). Avgjør om det er det før et sett med synlighet «offentlig» "
            "godkjennes."
        )
        unchecked = notice(Code.PRIVACY_UNCHECKED, 8, "Skadet.jpg", reason="unreadable_metadata")
        assert describe(unchecked).startswith(
            "Skadet.jpg kunne ikke sjekkes for personopplysninger (metadataene"
        )
        assert (
            describe(notice(Code.NO_CAPTION, 9, "IMG_1.jpg"))
            == "IMG_1.jpg har verken bildetekst eller overskrift."
        )
    finally:
        QCoreApplication.removeTranslator(nb)
    assert describe(notice(Code.NO_CAPTION, 9, "IMG_1.jpg")) == "IMG_1.jpg has no caption or headline."


def test_a_case_photo_with_marked_regions_gets_them_confirmed_from_the_dialog(
    make_window, ingest, catalog, qtbot
):
    from photoarchive.catalog.photos import Category, CategoryState
    from photoarchive.redaction import RedactionService
    from photoarchive.sets.service import SetService

    (case,) = ingest("Åsted_Storgata.jpg")
    catalog.photos.set_category([case], Category.CASE, CategoryState.CONFIRMED, actor="ola")
    window = make_window()
    redaction = RedactionService(catalog, window.ctx.home)
    redaction.add(case, (0.1, 0.1, 0.2, 0.2), "ola")  # a number plate, say
    staff = SetService(catalog, clean_check=lambda _p: None, actor="ola")
    photo_set = staff.create("Etterlysning", visibility="public", description="Vitner søkes")
    staff.add(photo_set.id, [case])
    staff.submit(photo_set.id)
    page = _open_sets(window, qtbot)
    qtbot.waitUntil(lambda: page.current is not None and page.approve_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(page.actionDone, timeout=30000):
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialog = page.approval_dialog
    confirm = dialog.findChild(QPushButton, f"redaction_confirm_{case}")
    assert confirm is not None and dialog.findChild(QPushButton, f"redaction_nothing_{case}") is None
    with qtbot.waitSignal(page.actionDone, timeout=10000):
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert redaction.review(case).state.value == "regions_confirmed"
    assert not redaction.review_needed(case)
    qtbot.keyClicks(dialog.reason, "Etterlysning, skiltet er sladdet")
    with qtbot.waitSignal(page.actionDone, timeout=30000) as done:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert done.args == ["approve"]
