"""One click from a face box to a person: in the redaction editor a comms adviser selects a box, presses
"This is…", picks the colleague from the register (or adds a new name) and the person is linked to the
photo with that face box, recorded in the audit log — which is how a portrait gets its consent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from photoarchive.redaction import RedactionService, RegionKind


@pytest.fixture
def open_dialog(qtbot, home, settings, catalog):
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.redaction_dialog import RedactionDialog
    from photoarchive.ui.workers import JobRunner

    runners = []

    def _open(photo_id: int) -> RedactionDialog:
        runner = JobRunner()
        runners.append(runner)
        ctx = AppContext(home=home, settings=settings, catalog=catalog, runner=runner, actor="tester")
        dialog = RedactionDialog(ctx, catalog.photos.get(photo_id))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.editor.image_rect().isEmpty() and dialog._busy == 0, timeout=10000)
        return dialog

    yield _open
    for runner in runners:
        runner.close()


def _people(catalog, home, settings):
    from photoarchive.people.service import PeopleService

    return PeopleService.for_home(catalog, home, settings, actor="tester")


def _click_box(qtbot, dialog, index: int) -> None:
    region = dialog.editor.regions()[index]
    qtbot.mouseClick(
        dialog.editor, Qt.MouseButton.LeftButton, pos=dialog.editor.widget_rect(region).center().toPoint()
    )
    assert dialog.editor.selected_index() == index


def _pick(qtbot, dialog, typed: str):
    qtbot.mouseClick(dialog.this_is_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.person_picker is not None and dialog.person_picker.isVisible(), timeout=10000
    )
    picker = dialog.person_picker
    qtbot.keyClicks(picker.filter, typed)
    return picker


def test_this_is_links_the_chosen_person_to_the_face_box(open_dialog, ingest, catalog, home, settings, qtbot):
    (photo,) = ingest("Portrett_Kari.jpg", pattern="face")
    redaction = RedactionService(catalog, home)
    redaction.add(photo, (0.05, 0.05, 0.2, 0.2), "tester")  # a number plate drawn by hand
    face = redaction.add(photo, (0.4, 0.2, 0.3, 0.4), "tester", kind=RegionKind.FACE)
    people = _people(catalog, home, settings)
    people.add("Ola Hansen", employee_id="B456")
    kari = people.add("Kari Nordmann", employee_id="A123", role="Politioverbetjent")
    people.set_consent(kari.id, "given", uses=["flickr"])
    dialog = open_dialog(photo)
    assert not dialog.this_is_button.isEnabled()  # nothing selected yet

    boxes = dialog.editor.regions()
    _click_box(qtbot, dialog, [r.id for r in boxes].index(face))
    assert dialog.this_is_button.isEnabled()
    picker = _pick(qtbot, dialog, "kar")
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == [
        "Kari Nordmann (A123, Politioverbetjent) — consent: given (Flickr)"
    ]
    qtbot.keyClicks(picker.filter, "i nordmann")
    assert picker.list.count() == 1
    assert not picker.add_button.isVisible()  # the name is in the register: no new person offered
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Kari Nordmann" in dialog.people_label.text(), timeout=10000)
    assert dialog.message.text() == "Kari Nordmann is linked to this photo."

    found = catalog.people.people_in([photo])
    [link] = found.links[photo]
    assert link.person_id == kari.id and link.face_index == 0  # the photo's first (only) face box
    entries = [e for e in catalog.sets.audit_entries() if e.action == "link_person"]
    assert len(entries) == 1 and entries[0].actor == "tester" and entries[0].detail["photos"] == [photo]


def test_a_new_name_is_added_to_the_register_and_linked(open_dialog, ingest, catalog, home, settings, qtbot):
    (photo,) = ingest("Nyansatt.jpg", pattern="face")
    redaction = RedactionService(catalog, home)
    redaction.add(photo, (0.4, 0.2, 0.3, 0.4), "tester", kind=RegionKind.FACE)
    dialog = open_dialog(photo)
    _click_box(qtbot, dialog, 0)
    picker = _pick(qtbot, dialog, "Siri Bakken")
    assert picker.list.count() == 0 and not picker.ok_button.isEnabled()
    assert picker.add_button.isVisible() and "Siri Bakken" in picker.add_button.text()
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Siri Bakken" in dialog.people_label.text(), timeout=10000)
    assert "consent: none recorded" in dialog.people_label.text()
    [(person, consent)] = _people(catalog, home, settings).people_in_photo(photo)
    assert person.name == "Siri Bakken" and consent is None
    # No consent recorded: the photo now counts as one without valid consent (the grid marks it).
    assert _people(catalog, home, settings).without_valid_consent() == {photo}


def test_an_unsaved_box_is_saved_before_it_can_be_named(open_dialog, ingest, catalog, home, qtbot):
    (photo,) = ingest("Gate.jpg")
    dialog = open_dialog(photo)
    image = dialog.editor.image_rect()
    start = image.topLeft().toPoint() + (image.bottomRight().toPoint() - image.topLeft().toPoint()) / 4
    end = image.center().toPoint()
    qtbot.mousePress(dialog.editor, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 5):
        qtbot.mouseMove(dialog.editor, start + (end - start) * i / 4)
    qtbot.mouseRelease(dialog.editor, Qt.MouseButton.LeftButton, pos=end)
    assert len(dialog.editor.regions()) == 1
    _click_box(qtbot, dialog, 0)
    assert not dialog.this_is_button.isEnabled()  # not stored yet
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._busy == 0 and not dialog.has_unsaved_changes(), timeout=10000)
    _click_box(qtbot, dialog, 0)
    assert dialog.this_is_button.isEnabled()
