"""Sign-in (oob flow), status, sign-out, the token store and the client's set-up, against the emulator."""

from __future__ import annotations

import json
import os
import sys

import pytest
from keyring.backend import KeyringBackend

from photoarchive.cli import main

from .conftest import KEY


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in a dict (tests never touch the OS keyring)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def run(home, capsys):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--home", str(home.root), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


class ApprovingStdin:
    """Plays the user: approves the pending request on the emulator and 'pastes' the code."""

    def __init__(self, emulator):
        self.emulator = emulator

    def readline(self) -> str:
        # The user opens the printed address: Flickr grants the permission that address asks for.
        [pending] = self.emulator.pending_authorizations()
        url = f"{self.emulator.authorize_url}?oauth_token={pending.token}&perms={self.perms}"
        return self.emulator.approve_url(url) + "\n"

    perms = "delete"


def test_login_status_logout(run, home, settings, emulator, monkeypatch, caplog):
    code, out, _ = run("flickr", "status")
    assert code == 1 and "Not signed in" in out

    monkeypatch.setattr(sys, "stdin", ApprovingStdin(emulator))
    code, out, err = run("flickr", "login")
    assert code == 0, err
    # Delete, always: an extra copy left by a lost upload answer can only be removed with it.
    assert emulator.authorize_url in out and "perms=delete" in out
    assert "Signed in as politiet-presse" in out
    token_file = home.root / "flickr-token.json"
    assert token_file.is_file()
    if os.name == "posix":
        assert token_file.stat().st_mode & 0o077 == 0
    assert "readable only by you" in out
    stored = json.loads(token_file.read_text())
    secret = next(iter(stored.values()))["token_secret"]
    # The secret stays out of the settings file and the log.
    assert secret not in home.settings_file.read_text()
    assert secret not in caplog.text and secret not in out

    code, out, _ = run("flickr", "status")
    assert code == 0 and "politiet-presse" in out and "permission: delete" in out, out
    assert "Pro account" in out
    # Its own test.login, auth.oauth.checkToken and people.getUploadStatus.
    assert "in the last hour: 3 of 3,600" in out
    code, out, _ = run("flickr", "status")
    assert "in the last hour: 6 of 3,600" in out  # the earlier run's calls count too
    code, out, _ = run("flickr", "logout")
    assert code == 0 and "Signed out" in out
    assert not token_file.exists()
    assert run("flickr", "status")[0] == 1


def test_login_tells_a_free_accounts_limits(run, home, settings, emulator, monkeypatch):
    emulator.set_account(pro=False)
    monkeypatch.setattr(sys, "stdin", ApprovingStdin(emulator))
    code, out, _ = run("flickr", "login")
    assert code == 0 and "perms=delete" in out and "permission: delete" in out
    assert "free account" in out and "1,000 more photo(s)" in out


def test_an_older_write_only_sign_in_is_asked_again_with_the_reason(run, home, settings, emulator):
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.tokens import TokenStore

    token, secret = emulator.grant_token("write")
    user = emulator.default_user
    TokenStore(home, KEY).save(FlickrAccessToken(token, secret, "write", "", user.username, user.nsid))
    code, out, _ = run("flickr", "status")
    assert code == 1
    assert "only allows 'write'" in out and "needs 'delete'" in out and "Sign in again" in out
    code, _out, err = run("sync")
    assert code != 0 and "needs 'delete'" in err
    # Refused before anything was written to Flickr.
    assert not [c for c in emulator.call_log if c.applied]


def test_wrong_code_is_refused(run, settings, emulator, monkeypatch):
    class WrongCode:
        def readline(self):
            return "000-000-000\n"

    monkeypatch.setattr(sys, "stdin", WrongCode())
    code, _, err = run("flickr", "login")
    assert code == 2 and "verification code" in err


def test_token_store_prefers_keyring(home):
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.tokens import KEYRING_SERVICE, TokenStore

    backend = MemoryKeyring()
    store = TokenStore(home, "k1", backend)
    token = FlickrAccessToken("t", "s", "write", "Full Name", "user", "1@N00")
    assert store.save(token) == "the system credential store"
    assert (KEYRING_SERVICE, "k1") in backend.store
    assert not store.file.exists()
    loaded = store.load()
    assert (loaded.token, loaded.token_secret, loaded.access_level, loaded.user_nsid) == (
        "t",
        "s",
        "write",
        "1@N00",
    )
    assert TokenStore(home, "other-key", backend).load() is None
    assert store.delete() and store.load() is None


def test_revoked_sign_in_asks_to_sign_in_again(run, signed_in, emulator, make_photos, approve_set):
    approve_set("A", make_photos(1), visibility="public")
    emulator.revoke_token(signed_in)
    emulator.reset_call_log()
    code, _, err = run("sync")
    assert code == 2 and "Sign in again" in err
    assert sum(emulator.calls_by_method().values()) <= 2  # no loop of retries
    code, out, _ = run("flickr", "status")
    assert code == 1 and "Sign in again" in out


def test_not_configured(run, home, monkeypatch):
    for var in ("PHOTOARCHIVE_FLICKR_KEY", "PHOTOARCHIVE_FLICKR_SECRET"):
        monkeypatch.delenv(var, raising=False)
    code, out, _ = run("flickr", "status")
    assert code == 1 and "api_key" in out
    code, _, err = run("sync")
    assert code == 2 and "PHOTOARCHIVE_FLICKR_KEY" in err


def test_environment_wins_over_settings(home, settings, emulator, monkeypatch):
    from photoarchive.flickr.account import make_client

    monkeypatch.setenv("PHOTOARCHIVE_FLICKR_KEY", "env-key")
    monkeypatch.setenv("PHOTOARCHIVE_FLICKR_SECRET", "env-secret")
    client = make_client(home, settings, require_token=False)
    assert client.credentials.api_key == "env-key"
    assert "env-secret" not in repr(client.credentials)


def test_client_sets_urls_and_sessions_per_instance(home, settings, signed_in, emulator):
    import flickrapi
    from flickrapi.auth import OAuthFlickrInterface

    from photoarchive.flickr.account import make_client

    client = make_client(home, settings)
    worker = client.worker()
    assert client.api.REST_URL == emulator.rest_url
    assert client.api.flickr_oauth.ACCESS_TOKEN_URL == emulator.access_token_url
    assert flickrapi.FlickrAPI.REST_URL.startswith("https://api.flickr.com")
    assert OAuthFlickrInterface.REQUEST_TOKEN_URL.startswith("https://www.flickr.com")
    assert worker.session is not client.session
    assert client.api.flickr_oauth.session is client.session
    assert worker.api.flickr_oauth.session is worker.session
    assert worker.limiter is client.limiter and worker.stats is client.stats
    assert client.test_login().username == "politiet-presse"
    assert worker.test_login().user_nsid == emulator.default_user.nsid
    assert client.stats.total == 2


def test_wrong_api_secret_is_reported(run, home, settings, monkeypatch):
    settings.flickr.api_secret = "not-the-secret"
    settings.save(home)
    monkeypatch.setattr(sys, "stdin", None)  # must fail before asking for a code
    code, _, err = run("flickr", "login")
    assert code == 2 and "API key and secret" in err


def test_status_when_flickr_is_unreachable(run, home, settings, signed_in, emulator):
    emulator.faults.inject("flickr.test.login", "drop", times=5)
    code, out, _ = run("flickr", "status")
    assert code == 1 and "not answering" in out


def test_on_windows_the_sign_in_lives_only_in_credential_manager(home, caplog):
    from flickrapi.auth import FlickrAccessToken
    from keyring.backends import fail

    from photoarchive.flickr.errors import FlickrProblem
    from photoarchive.flickr.tokens import KEYRING_SERVICE, TokenStore

    token = FlickrAccessToken("t", "s", "delete", "", "user", "1@N00")
    # No working credential store: refused, and nothing written to disk (chmod protects nothing there).
    broken = TokenStore(home, "k1", fail.Keyring(), platform="win32")
    with pytest.raises(FlickrProblem, match="Credential Manager"):
        broken.save(token)
    assert not broken.file.exists()
    # A token file an older version left is moved into Credential Manager on first read.
    TokenStore(home, "k1", fail.Keyring(), platform="linux").save(token)
    assert broken.file.exists()
    backend = MemoryKeyring()
    windows = TokenStore(home, "k1", backend, platform="win32")
    assert windows.load().token == "t"
    assert (KEYRING_SERVICE, "k1") in backend.store and not windows.file.exists()
    assert windows.load().token == "t"


def test_the_file_fallback_names_the_platforms_store(home, caplog):
    from flickrapi.auth import FlickrAccessToken
    from keyring.backends import fail

    from photoarchive.flickr.tokens import TokenStore

    token = FlickrAccessToken("t", "s", "delete", "", "user", "1@N00")
    TokenStore(home, "k1", fail.Keyring(), platform="linux").save(token)
    assert "No system credential store (Secret Service" in caplog.text
    TokenStore(home, "k2", fail.Keyring(), platform="darwin").save(token)
    assert "No macOS Keychain is available" in caplog.text
