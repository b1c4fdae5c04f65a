"""The "Shared archive" settings page, driven with keys and clicks: test the connection to a real server,
see who you are connected as, a clear message for a server that is down, and what is typed is kept."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt

from photoarchive.settings import Settings
from photoarchive.ui.shared_archive_page import SharedArchivePage


def _page(qtbot, settings=None):
    page = SharedArchivePage(settings or Settings())
    qtbot.addWidget(page)
    page.show()
    return page


def _type(qtbot, field, text):
    field.clear()
    qtbot.keyClicks(field, text)


def test_test_connection_shows_who_the_server_takes_you_for(qtbot, pg_url):
    page = _page(qtbot)
    _type(qtbot, page.url, pg_url.replace("postgresql+psycopg://", "postgresql://"))
    with qtbot.waitSignal(page.tested, timeout=30_000) as answer:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert answer.args == [True]
    assert "as postgres" in page.status.text() and "PostgreSQL 15" in page.status.text()
    assert page.test_button.isEnabled()


def test_a_server_that_is_down_gives_a_clear_message_and_keeps_what_was_typed(qtbot):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    page = _page(qtbot)
    url = f"postgresql://kari:hemmelig@127.0.0.1:{port}/photoarchive"
    _type(qtbot, page.url, url)
    _type(qtbot, page.root, "\\\\fil01\\fotoarkiv æøå")
    with qtbot.waitSignal(page.tested, timeout=30_000) as answer:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert answer.args == [False]
    assert page.status.text().startswith(f"Cannot reach the shared catalog on 127.0.0.1:{port}/photoarchive")
    assert "hemmelig" not in page.status.text()
    assert page.url.text() == url and page.test_button.isEnabled()
    settings = Settings()
    page.apply_to(settings)
    assert settings.catalog.url == url and settings.archive.root == "\\\\fil01\\fotoarkiv æøå"


def test_no_server_means_this_desks_own_archive(qtbot):
    page = _page(qtbot)
    with qtbot.waitSignal(page.tested, timeout=5_000) as answer:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert answer.args == [False]
    assert "own archive" in page.status.text()
