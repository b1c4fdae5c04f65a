"""The Sync view against the emulated Flickr: an approved set is published, the progress bars reach the end."""

from __future__ import annotations

import pytest
from ui.gui_helpers import save_screenshot

from photoarchive.ui.views import ViewKind, ViewSpec

KEY, SECRET = "gui-test-key", "gui-test-secret"


@pytest.fixture
def emulator(monkeypatch):
    import keyring.core
    from flickr_emulator import FlickrEmulator
    from keyring.backends import fail

    # Never touch the OS keyring: with the 'fail' backend the token store uses its file in the home.
    previous = getattr(keyring.core, "_keyring_backend", None)
    keyring.core.set_keyring(fail.Keyring())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for var in ("PHOTOARCHIVE_FLICKR_KEY", "PHOTOARCHIVE_FLICKR_SECRET", "PHOTOARCHIVE_FLICKR_BASE"):
        monkeypatch.delenv(var, raising=False)
    with FlickrEmulator() as emu:
        emu.register_app(KEY, SECRET)
        yield emu
        assert emu.errors == [], emu.errors
    keyring.core._keyring_backend = previous


@pytest.fixture
def signed_in(emulator, home, settings):
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.tokens import TokenStore

    settings.flickr.api_key = KEY
    settings.flickr.api_secret = SECRET
    settings.flickr.base_url = emulator.base_url
    settings.flickr.calls_per_second = 0
    settings.flickr.timeout_seconds = 5
    token, secret = emulator.grant_token("delete")
    user = emulator.default_user
    TokenStore(home, KEY).save(
        FlickrAccessToken(token, secret, "delete", user.fullname, user.username, user.nsid)
    )
    return user


def test_an_approved_set_is_synced_with_the_progress_bar_reaching_the_end(
    make_window, ingest, catalog, home, settings, signed_in, emulator, qtbot
):
    from photoarchive.sets.service import SetService

    ids = ingest("Ulykke 1.jpg", "Ulykke 2.jpg", "Ulykke 3.jpg", gps=True, serial=True, owner=True)
    service = SetService.for_home(catalog, home, settings, actor="tester")
    photo_set = service.create("Trafikkulykke E18", visibility="public", licence_id=4)
    service.add(photo_set.id, ids)
    SetService.for_home(catalog, home, settings, actor="ola").submit(photo_set.id)  # four eyes
    service.approve(photo_set.id)

    window = make_window()
    page = window.sync_page
    qtbot.waitUntil(lambda: signed_in.username in window.account_label.text(), timeout=10000)
    window.sidebar.select(ViewSpec(ViewKind.SYNC))
    assert window.stack.currentWidget() is page

    with qtbot.waitSignal(page.finished, timeout=60000) as result:
        page.sync_button.click()
        assert page.cancel_button.isEnabled()
    report = result.args[0]
    assert not isinstance(report, BaseException), report
    assert report.uploaded == 3 and report.failed == []
    assert page.photos_bar.maximum() == 3 and page.photos_bar.value() == 3
    assert page.bytes_bar.value() == page.bytes_bar.maximum() > 0
    assert "Sync done: 3 uploaded" in page.log.toPlainText()
    assert page.sync_button.isEnabled() and not page.cancel_button.isEnabled()
    (album,) = emulator.state.photosets.values()
    assert album.title == "Trafikkulykke E18" and len(album.photo_ids) == 3
    save_screenshot(window, "sync-view.png")

    # Back in the grid, the photos carry the "published" badge.
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    delegate = window.grid.itemDelegate()
    for row in range(3):
        photo = window.model.photo(row)
        keys = [key for key, _label, _s in delegate.badges(photo, photo.id in window.model.published)]
        assert "published" in keys

    # A second sync has nothing to upload.
    with qtbot.waitSignal(page.finished, timeout=60000) as again:
        page.sync_button.click()
    assert again.args[0].uploaded == 0
    assert len(emulator.state.photos) == 3

    # Someone takes a photo out of the album on flickr.com: the next sync puts it back and says so,
    # by the file's and the album's names.
    emulator.take_out_of_album(album.id, album.photo_ids[1])
    with qtbot.waitSignal(page.finished, timeout=60000):
        page.sync_button.click()
    assert len(emulator.state.photosets[album.id].photo_ids) == 3
    assert "Ulykke 2.jpg had been taken out of the album «Trafikkulykke E18» on flickr.com" in (
        page.log.toPlainText()
    )


def test_an_older_write_only_sign_in_stops_the_sync_with_the_reason(
    make_window, home, settings, emulator, signed_in, qtbot
):
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.tokens import TokenStore

    token, secret = emulator.grant_token("write")
    TokenStore(home, KEY).save(
        FlickrAccessToken(token, secret, "write", "", signed_in.username, signed_in.nsid)
    )
    window = make_window()
    page = window.sync_page
    # The account line says why, before any sync is tried.
    qtbot.waitUntil(lambda: "only allows 'write'" in page.account.text(), timeout=10000)
    window.sidebar.select(ViewSpec(ViewKind.SYNC))
    with qtbot.waitSignal(page.finished, timeout=20000) as result:
        page.sync_button.click()
    assert isinstance(result.args[0], Exception)
    assert "only allows 'write'" in page.phase.text() and "Sign in again" in page.phase.text()


def test_sync_without_sign_in_says_so(make_window, qtbot):
    window = make_window()
    page = window.sync_page
    window.sidebar.select(ViewSpec(ViewKind.SYNC))
    with qtbot.waitSignal(page.finished, timeout=20000) as result:
        page.sync_button.click()
    assert isinstance(result.args[0], Exception)
    assert "stopped" in page.phase.text().lower()
    assert page.sync_button.isEnabled()


def test_sign_in_from_the_app_with_the_verification_code(qtbot, home, settings, emulator):
    from photoarchive.flickr.account import status
    from photoarchive.ui.flickr_signin import SignInDialog

    settings.flickr.api_key = KEY
    settings.flickr.api_secret = SECRET
    settings.flickr.base_url = emulator.base_url
    settings.flickr.timeout_seconds = 5
    dialog = SignInDialog(home, settings, open_browser=False)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.finish_button.isEnabled(), timeout=10000)
    assert dialog.url.text().startswith(emulator.authorize_url)
    # The user allows the app on (emulated) Flickr and pastes the code it shows.
    # Flickr grants what the shown address asks for: delete.
    assert "perms=delete" in dialog.url.text()
    dialog.code.setText(emulator.approve_url(dialog.url.text()))
    with qtbot.waitSignal(dialog.signedIn, timeout=10000) as signed:
        dialog.finish_button.click()
    assert signed.args == [emulator.default_user.username]
    assert status(home, settings).signed_in


def test_a_pause_for_flickrs_hourly_limit_is_explained(make_window):
    """A sync held back by Flickr's 3,600 calls an hour says until when, instead of seeming stuck."""
    import time
    from datetime import datetime

    from photoarchive.flickr.sync import SyncProgress

    page = make_window().sync_page
    resume = time.time() + 25 * 60
    page._show_progress(
        SyncProgress(phase="photos", photos_done=1200, photos_total=2000, waiting_until=resume)
    )
    expected = datetime.fromtimestamp(resume).strftime("%H:%M")
    assert "3,600 calls an hour" in page.phase.text() and expected in page.phase.text()
    assert expected in page.log.toPlainText()
    page._show_progress(SyncProgress(phase="photos", photos_done=1201, photos_total=2000))
    assert page.phase.text() == "Uploading photos"


def test_sync_messages_are_shown_in_norwegian_with_names(qapp, make_window, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from photoarchive.flickr.messages import SyncMessage
    from photoarchive.ui.resources import compile_translations, translations_dir

    page = make_window().sync_page
    put_back = SyncMessage("repair_put_back", {"file": "Ulykke 2.jpg", "album": "Trafikkulykke E18"})
    perms = SyncMessage("repair_perms", {"file": "Beslag.jpg", "seen": "public", "wanted": "private"})
    assert page.message_text(put_back) == put_back.text()
    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        assert page.message_text(put_back) == (
            "Ulykke 2.jpg var tatt ut av albumet «Trafikkulykke E18» på flickr.com; det legges tilbake."
        )
        assert "(offentlig); det settes tilbake til privat" in page.message_text(perms)
        # A take-down says how and why in Norwegian, from the sync's codes.
        down = SyncMessage("takedown_done", {
            "file": "Portrett.jpg", "how": "made private", "why": "Kari Nordmann withdrew consent",
            "how_code": "private", "reasons": "withdrawn|Kari Nordmann;case_closed|2026-123456"})  # fmt: skip
        assert page.message_text(down) == (
            "Portrett.jpg ble tatt ned fra Flickr (gjort privat) og ut av albumene sine: "
            "Kari Nordmann trakk samtykket; sak 2026-123456 er avsluttet."
        )
    finally:
        QCoreApplication.removeTranslator(nb)
