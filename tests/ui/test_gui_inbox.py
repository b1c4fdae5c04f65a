"""The watcher inside the app: new photos reach the grid by themselves; problems are shown, not hidden."""

from __future__ import annotations

from factory import make_not_an_image, make_photo, truncate
from ui.gui_helpers import save_screenshot

from photoarchive.ui.views import ViewKind, ViewSpec


def test_files_dropped_in_the_inbox_appear_in_the_grid(make_window, home, catalog, qtbot):
    window = make_window(watch_inbox=True)
    qtbot.waitUntil(lambda: window.watch.service is not None, timeout=10000)
    inbox = home.default_inbox
    for i in range(3):
        make_photo(inbox / f"Bilde {i} æøå.jpg", seed=i)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=30000)
    assert catalog.photos.count() == 3
    assert sorted(window.model.photo(r).original_name for r in range(3)) == [
        f"Bilde {i} æøå.jpg" for i in range(3)
    ]
    # Announced (results arriving close together are announced together).
    qtbot.waitUntil(lambda: bool(window.notifications), timeout=5000)
    announced = sum(int(text.split()[0]) for text in window.notifications if "from the inbox" in text)
    assert announced == 3, window.notifications
    assert window.banner.isVisible() and "from the inbox" in window.banner.label.text()
    assert window.inbox_label.text() == "Inbox: watching"
    save_screenshot(window, "inbox-new-photos.png")


def test_the_app_survives_a_corrupt_file_and_shows_the_quarantine(make_window, home, catalog, qtbot):
    window = make_window(watch_inbox=True)
    qtbot.waitUntil(lambda: window.watch.service is not None, timeout=10000)
    inbox = home.default_inbox
    broken = make_photo(inbox / "ødelagt.part", seed=7)
    truncate(broken, 0.3)
    broken.rename(inbox / "ødelagt.jpg")
    make_not_an_image(inbox / "møtereferat.pdf")
    make_photo(inbox / "god.jpg", seed=8)
    qtbot.waitUntil(lambda: len(catalog.quarantine.list()) == 2, timeout=30000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30000)
    assert window.banner.isVisible()
    assert "quarantine" in window.banner.label.text()
    save_screenshot(window, "quarantine-banner.png")
    # The banner's button leads to the quarantine view, which lists both files with their reasons.
    window.banner.action.click()
    assert window.current_view() == ViewSpec(ViewKind.QUARANTINE)
    table = window.quarantine_page.table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=5000)
    names = {table.item(r, 1).text() for r in range(2)}
    assert names == {"ødelagt.jpg", "møtereferat.pdf"}
    assert all(table.item(r, 2).text() for r in range(2))
    save_screenshot(window, "quarantine-view.png")
    # Still alive: a new photo is still picked up.
    window.sidebar.select(ViewSpec(ViewKind.INBOX))
    make_photo(inbox / "etterpå.jpg", seed=9)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=30000)


def test_an_offline_inbox_is_shown_and_recovers(make_window, settings, tmp_path, qtbot):
    share = tmp_path / "server" / "press" / "inbox"
    settings.inbox.folders = [str(share)]
    window = make_window(watch_inbox=True)
    qtbot.waitUntil(lambda: window.inbox_label.text() == "Inbox offline", timeout=10000)
    assert window.banner.isVisible()
    assert str(share) in window.banner.label.text()
    save_screenshot(window, "inbox-offline.png")
    share.mkdir(parents=True)
    qtbot.waitUntil(lambda: window.inbox_label.text() == "Inbox: watching", timeout=10000)
    assert not window.banner.isVisible()
    make_photo(share / "tilbake.jpg")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30000)


def test_quarantined_files_can_be_looked_at_and_marked_as_dealt_with(
    make_window, home, settings, catalog, tmp_path, qtbot, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from photoarchive.ingest.pipeline import Ingestor, SourceFile

    drop = tmp_path / "drop"
    drop.mkdir()
    ingestor = Ingestor(home, settings, catalog, find_faces=False)
    for name in ("møtereferat.pdf", "notat.docx"):
        make_not_an_image(drop / name)
        ingestor.ingest(SourceFile.under(drop / name, drop), remove_source=True)
    window = make_window()
    page = window.quarantine_page
    window.sidebar.select(ViewSpec(ViewKind.QUARANTINE))
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=5000)
    assert not page.resolve_button.isEnabled()  # nothing chosen yet

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    page.table.selectRow(0)
    page.open_button.click()
    record = page.records[0]
    assert opened == [str((home.quarantine / record.quarantine_path).parent)]
    assert (home.quarantine / record.quarantine_path).exists()

    page.resolve_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    left = catalog.quarantine.list()
    assert [q.original_name for q in left] == [page.records[0].original_name]
    assert record.original_name not in {q.original_name for q in left}
    assert (home.quarantine / record.quarantine_path).exists()  # off the list, never deleted
