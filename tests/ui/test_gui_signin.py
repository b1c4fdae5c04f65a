"""Signing in to Flickr is never a dead end: no key is said at once, an unreachable or silent Flickr
gets an answer within 10 seconds, and the address can be opened or copied."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtGui import QDesktopServices, QGuiApplication

from photoarchive.ui import flickr_signin
from photoarchive.ui.flickr_signin import SignInDialog

KEY, SECRET = "signin-test-key", "signin-test-secret"


@pytest.fixture
def no_keyring(monkeypatch):
    import keyring.core
    from keyring.backends import fail

    previous = getattr(keyring.core, "_keyring_backend", None)
    keyring.core.set_keyring(fail.Keyring())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for var in ("PHOTOARCHIVE_FLICKR_KEY", "PHOTOARCHIVE_FLICKR_SECRET", "PHOTOARCHIVE_FLICKR_BASE"):
        monkeypatch.delenv(var, raising=False)
    yield
    keyring.core._keyring_backend = previous


def test_no_api_key_is_said_at_once(qtbot, home, settings, no_keyring):
    settings.flickr.api_key = ""
    dialog = SignInDialog(home, settings, open_browser=False)
    qtbot.addWidget(dialog)
    # Nothing to wait for: the dialog says so as it opens.
    assert dialog.problem.isVisibleTo(dialog)
    assert "No Flickr API key" in dialog.problem.text()
    assert "Asking Flickr" not in dialog.intro.text()
    assert not dialog.finish_button.isEnabled()


def test_an_unreachable_flickr_is_said_within_ten_seconds(qtbot, home, settings, no_keyring):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.flickr.api_key, settings.flickr.api_secret = KEY, SECRET
    settings.flickr.base_url = f"http://127.0.0.1:{port}"
    dialog = SignInDialog(home, settings, open_browser=False)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog), timeout=10000)
    assert "cannot be reached" in dialog.problem.text() or "did not answer" in dialog.problem.text()
    assert dialog.retry_button.isVisibleTo(dialog)


def test_a_flickr_that_never_answers_times_out_with_a_message(qtbot, home, settings, no_keyring, monkeypatch):
    monkeypatch.setattr(flickr_signin, "ANSWER_WITHIN_S", 1.5)
    silent = socket.socket()  # accepts connections, never says a word
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)
    try:
        settings.flickr.api_key, settings.flickr.api_secret = KEY, SECRET
        settings.flickr.base_url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        settings.flickr.timeout_seconds = 60
        dialog = SignInDialog(home, settings, open_browser=False)
        qtbot.addWidget(dialog)
        assert "Asking Flickr" in dialog.intro.text()
        qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog), timeout=10000)
        assert "did not answer within 2 seconds" in dialog.problem.text()
        assert dialog.retry_button.isVisibleTo(dialog)
    finally:
        silent.close()


def test_the_address_can_be_opened_and_copied(qtbot, home, settings, no_keyring, monkeypatch):
    from flickr_emulator import FlickrEmulator

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    with FlickrEmulator() as emulator:
        emulator.register_app(KEY, SECRET)
        settings.flickr.api_key, settings.flickr.api_secret = KEY, SECRET
        settings.flickr.base_url = emulator.base_url
        settings.flickr.timeout_seconds = 5
        dialog = SignInDialog(home, settings, open_browser=False)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=10000)
        address = dialog.url.text()
        assert address.startswith(emulator.authorize_url)
        dialog.copy_button.click()
        assert QGuiApplication.clipboard().text() == address
        dialog.open_button.click()
        assert opened == [address]
