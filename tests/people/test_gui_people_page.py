"""The People and Cases views driven like a user: add a person, record and withdraw consent (the
banner says photos must come down), refused for a non-editor; close a case, keep a photo past retention."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def make_ctx(home, settings, catalog):
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.workers import JobRunner

    return lambda actor="kari": AppContext(
        home=home, settings=settings, catalog=catalog, runner=JobRunner(), actor=actor
    )


def select_row(qtbot, table, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_add_record_and_withdraw_consent(
    qtbot, make_ctx, catalog, emulator, signed_in, make_photos, approve_set, make_syncer
):
    from photoarchive.ui.people_page import PeoplePage

    page = PeoplePage(make_ctx())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.keyClicks(page.name_edit, "Kari Nordmann")
    qtbot.keyClicks(page.employee_edit, "A123")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "Kari Nordmann"
    assert not page.record_button.isEnabled()

    select_row(qtbot, page.table, 0)
    page.status.setCurrentIndex(page.status.findData("given"))
    qtbot.mouseClick(page.use_boxes["flickr"], Qt.MouseButton.LeftButton)
    page.has_end.setChecked(True)
    page.ends.setDate(date.today() + timedelta(days=20))
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert page.table.item(0, 2).text() == "given" and page.table.item(0, 3).text() == "Flickr"
    assert page.message.text() == "Consent recorded."
    page.expiring_only.setChecked(True)
    assert page.table.rowCount() == 1  # ends within 30 days
    page.expiring_only.setChecked(False)

    kari = catalog.people.find("A123")
    ids = make_photos(1)
    catalog.people.link(kari.id, ids, actor="kari")
    approve_set("Nyansatt", ids, visibility="public")
    make_syncer().run()
    page.refresh()
    assert page.table.item(0, 6).text() == "1" and page.banner.isHidden()

    select_row(qtbot, page.table, 0)
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    assert page.table.item(0, 2).text() == "withdrawn"
    assert page.banner.isVisible() and "1 published photo" in page.banner.text()
    make_syncer().run()
    page.refresh()
    assert page.banner.isHidden() and page.table.item(0, 6).text() == "0"


def test_a_non_editor_is_told_only_editors_may(qtbot, make_ctx, settings, catalog):
    from photoarchive.ui.people_page import PeoplePage

    settings.sets.approvers = ["erik"]
    catalog.people.add("Per Ås", actor="ola")
    page = PeoplePage(make_ctx("ola"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    select_row(qtbot, page.table, 0)
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Only editors (erik) may change consent; you are ola."
    assert catalog.people.consent(catalog.people.find("Per Ås").id) is None


def test_close_a_case_and_keep_a_photo_past_retention(qtbot, make_ctx, settings, catalog, make_photos):
    from photoarchive.ui.people_page import CasesPage

    ids = make_photos(2, case=True)
    catalog.photos.update_fields(ids, {"case_number": "2026-123456"}, actor="test")
    settings.retention.case_photo_days = 0  # nobody asked ...
    day = {"today": date.today()}
    page = CasesPage(make_ctx(), today=lambda: day["today"])
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.table.item(0, 0).text() == "2026-123456" and page.table.item(0, 2).text() == "open"
    select_row(qtbot, page.table, 0)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.table.item(0, 2).text().startswith("closed ")
    assert page.retention.rowCount() == 0

    settings.retention.case_photo_days = 1  # ... until a retention period is set and has passed
    day["today"] = date.today() + timedelta(days=1)
    page.refresh()
    assert page.retention.rowCount() == 2
    select_row(qtbot, page.retention, 0)
    qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Say why these photos are kept past their retention time."
    qtbot.keyClicks(page.reason, "Kan gjenopptas")
    select_row(qtbot, page.retention, 0)
    qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Decision recorded."
    assert page.retention.item(0, 3).text() == "kept: Kan gjenopptas"
