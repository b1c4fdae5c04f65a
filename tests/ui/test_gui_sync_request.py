"""The Sync view on a desk of the shared archive that holds no Flickr sign-in: "Sync now" asks the
archive's sync service through the catalog, and the view shows the request's progress and log as the
service (here on its own thread, with its own home holding the sign-in) writes them."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from photoarchive.home import Home
from photoarchive.ui.views import ViewKind, ViewSpec

KEY, SECRET = "service-key", "service-secret"


@pytest.fixture
def home(tmp_path, monkeypatch, pg_url):
    """The desk's home on the shared PostgreSQL catalog; it is also the archive's shared folder."""
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG_URL", pg_url)
    for var in ("PHOTOARCHIVE_FLICKR_KEY", "PHOTOARCHIVE_FLICKR_SECRET", "PHOTOARCHIVE_FLICKR_BASE"):
        monkeypatch.delenv(var, raising=False)
    return Home(tmp_path / "desk kari æøå").ensure()


@pytest.fixture
def emulator(monkeypatch):
    import keyring.core
    from flickr_emulator import FlickrEmulator
    from keyring.backends import fail

    previous = getattr(keyring.core, "_keyring_backend", None)
    keyring.core.set_keyring(fail.Keyring())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with FlickrEmulator() as emu:
        emu.register_app(KEY, SECRET)
        yield emu
        assert emu.errors == [], emu.errors
    keyring.core._keyring_backend = previous


@pytest.fixture
def sync_service(home, emulator, tmp_path):
    """The machine that holds the sign-in: its own home (key, secret, token), the desk's archive."""
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.catalog import Catalog
    from photoarchive.flickr.service import SyncService
    from photoarchive.flickr.tokens import TokenStore
    from photoarchive.settings import Settings

    service_home = Home(tmp_path / "fil01", archive_root=home.root)
    service_home.root.mkdir()
    settings = Settings()
    settings.flickr.api_key, settings.flickr.api_secret = KEY, SECRET
    settings.flickr.base_url = emulator.base_url
    settings.flickr.calls_per_second = 0
    settings.flickr.timeout_seconds = 5
    token, secret = emulator.grant_token("delete")
    user = emulator.default_user
    TokenStore(service_home, KEY).save(
        FlickrAccessToken(token, secret, "delete", user.fullname, user.username, user.nsid)
    )
    catalog = Catalog.for_home(service_home)
    yield SyncService(catalog, service_home, settings, runner="fil01")
    catalog.close()


def test_sync_now_without_a_sign_in_asks_the_service_and_shows_its_progress_and_log(
    make_window, ingest, catalog, home, settings, sync_service, emulator, qtbot, monkeypatch
):
    from photoarchive.flickr.desk import requests_of
    from photoarchive.sets.service import SetService

    ids = ingest("Ulykke 1.jpg", "Ulykke 2.jpg", "Ulykke 3.jpg", gps=True)
    editor = SetService.for_home(catalog, home, settings, actor="erik")
    photo_set = editor.create("Trafikkulykke E18", visibility="public")
    editor.add(photo_set.id, ids)
    SetService.for_home(catalog, home, settings, actor="ola").submit(photo_set.id)
    editor.approve(photo_set.id)

    window = make_window()
    page = window.sync_page
    qtbot.waitUntil(lambda: "sync service" in page.account.text(), timeout=10000)
    window.sidebar.select(ViewSpec(ViewKind.SYNC))
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "request 1" in page.log.toPlainText(), timeout=10000)
    (request,) = requests_of(catalog).open_requests()
    assert request.reason == "manual" and request.state.value == "queued"
    assert not page.sync_button.isEnabled() and page.cancel_button.isEnabled()
    assert "Waiting for the archive's sync service" in page.phase.text()
    assert emulator.state.photos == {}  # nothing was sent from this desk
    # No service takes it for a while: the view says what to check.
    monkeypatch.setattr("photoarchive.ui.sync_remote.SILENT_SECONDS", 1.0)
    qtbot.waitUntil(lambda: "No sync service has taken the request" in page.phase.text(), timeout=10000)

    worker = threading.Thread(target=sync_service.run_next)
    with qtbot.waitSignal(page.finished, timeout=60000) as ended:
        worker.start()
    worker.join(30)
    finished = ended.args[0]
    assert finished.id == request.id and finished.state.value == "done"
    text = page.log.toPlainText()
    assert "The sync service on fil01 started the sync (attempt 1)." in text
    for name in ("Ulykke 1.jpg", "Ulykke 2.jpg", "Ulykke 3.jpg"):
        assert f"Sending {name}" in text
    assert "Sync done: 3 uploaded, " in text and "1 set(s) published" in text
    assert page.photos_bar.maximum() == 3 and page.photos_bar.value() == 3
    assert page.bytes_bar.value() == page.bytes_bar.maximum() > 0
    assert page.phase.text() == "Done" and page.sync_button.isEnabled()
    (album,) = emulator.state.photosets.values()
    assert album.title == "Trafikkulykke E18" and len(album.photo_ids) == 3


def test_a_sync_another_desk_asked_for_is_shown_when_the_view_opens(make_window, catalog, qtbot, monkeypatch):
    from photoarchive.catalog.sync_requests import LogLine, RequestState
    from photoarchive.flickr.desk import requests_of

    store = requests_of(catalog)
    request_id = store.add(reason="manual", requested_by="erik")
    store.claim_next("fil01")
    store.heartbeat(
        request_id,
        {"phase": "photos", "photos_done": 1, "photos_total": 4, "current_file": "Brann 1.jpg"},
        [LogLine("request_sending", {"file": "Brann 1.jpg"}, "Sending Brann 1.jpg")],
    )
    window = make_window()
    page = window.sync_page
    window.sidebar.select(ViewSpec(ViewKind.SYNC))
    qtbot.waitUntil(lambda: "Sending Brann 1.jpg" in page.log.toPlainText(), timeout=10000)
    assert "A sync asked for by " in page.log.toPlainText()
    assert page.photos_bar.maximum() == 4 and page.photos_bar.value() == 1
    assert page.phase.text() == "Uploading photos"
    # The service stops answering (killed, or cut off from the catalog): the view says so.
    monkeypatch.setattr("photoarchive.ui.sync_remote.SILENT_SECONDS", 1.5)
    qtbot.waitUntil(lambda: "has not answered" in page.phase.text(), timeout=10000)
    assert page.photos_bar.value() == 1
    # It is back: the progress goes on.
    store.heartbeat(request_id, {"phase": "photos", "photos_done": 2, "photos_total": 4})
    qtbot.waitUntil(lambda: page.photos_bar.value() == 2, timeout=10000)
    assert page.phase.text() == "Uploading photos"
    # The view polls while it is shown: the service finishing is seen without a click.
    outcome = {"code": "request_error", "params": {"reason": "Flickr is down"}, "text": "x"}
    store.finish(request_id, RequestState.FAILED, outcome)
    with qtbot.waitSignal(page.finished, timeout=10000):
        pass
    assert page.phase.text() == "The sync stopped: Flickr is down"


def test_request_log_lines_are_in_norwegian(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from photoarchive.ui.resources import compile_translations, translations_dir
    from photoarchive.ui.sync_words import message_text

    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        params = {"uploaded": 3, "changes": 4, "published": 1, "taken_down": 0}
        assert message_text("request_done", params, "English") == (
            "Synkronisering ferdig: 3 lastet opp, 4 endring(er), 1 sett publisert, 0 tatt ned."
        )
        assert message_text("request_sending", {"file": "Ulykke 1.jpg"}, "x") == "Sender Ulykke 1.jpg"
        assert message_text("request_not_editor", {"login": "kari"}, "x").startswith(
            "Bare en redaktør kan be om en synkronisering; kari er ikke redaktør."
        )
        # A photo's reason inside the log line, in Norwegian too.
        failed = {"file": "IMG_2.jpg", "reason": "x", "reason_code": "no_clean_copy",
                  "reason_params": {"file": "IMG_2.jpg", "reason": "the original is missing"}}  # fmt: skip
        assert message_text("request_failed_photo", failed, "x") == (
            "Mislyktes: IMG_2.jpg — IMG_2.jpg: ingen renset kopi kan lages, så bildet publiseres ikke: "
            "the original is missing"
        )
        assert message_text("unknown_code", {}, "The English") == "The English"
    finally:
        QCoreApplication.removeTranslator(nb)
