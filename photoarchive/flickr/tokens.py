"""Where the Flickr sign-in is kept: the operating system's credential store through `keyring`.

On Windows only in Credential Manager, which always exists there: a file's `chmod 0600` means nothing
on Windows, so there is no file fallback (a token file an older version wrote is moved into Credential
Manager). Elsewhere (macOS Keychain, the Secret Service on Linux) a file in the home, readable only by
the user, is the fallback where no credential store exists, with a warning that says so."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from flickrapi.auth import FlickrAccessToken

from photoarchive.flickr.errors import FlickrProblem
from photoarchive.home import Home

log = logging.getLogger(__name__)

KEYRING_SERVICE = "photoarchive-flickr"
TOKEN_FILE_NAME = "flickr-token.json"


def _to_json(token: FlickrAccessToken) -> str:
    return json.dumps(
        {
            "token": token.token,
            "token_secret": token.token_secret,
            "access_level": token.access_level,
            "fullname": token.fullname,
            "username": token.username,
            "user_nsid": token.user_nsid,
        }
    )


def _from_json(text: str) -> FlickrAccessToken | None:
    try:
        raw = json.loads(text)
        return FlickrAccessToken(
            str(raw["token"]),
            str(raw["token_secret"]),
            str(raw["access_level"]),
            str(raw.get("fullname", "")),
            str(raw.get("username", "")),
            str(raw.get("user_nsid", "")),
        )
    except (ValueError, KeyError, TypeError, AssertionError):
        log.warning("the stored Flickr sign-in is unreadable and is ignored; sign in again")
        return None


class TokenStore:
    """One Flickr sign-in per API key. `backend` is a keyring backend (tests pass one explicitly so
    the real OS keyring is never touched); None means keyring's own choice."""

    def __init__(self, home: Home, api_key: str, backend: Any = None, *, platform: str | None = None):
        self.home = home
        self.api_key = api_key
        self.backend = backend
        self.file = home.root / TOKEN_FILE_NAME
        # sys.platform; tests pass "win32" to check the Windows rules on any machine.
        self.platform = platform or sys.platform

    @property
    def file_allowed(self) -> bool:
        """Whether a token may be kept in a file: never on Windows, where the file's permission bits
        protect nothing and Credential Manager always exists."""
        return self.platform != "win32"

    def _keyring(self) -> Any:
        if self.backend is not None:
            return self.backend
        import keyring

        return keyring.get_keyring()

    def load(self) -> FlickrAccessToken | None:
        try:
            text = self._keyring().get_password(KEYRING_SERVICE, self.api_key)
        except Exception as exc:  # keyring raises many kinds (no backend, locked, D-Bus down)
            log.debug("keyring unavailable for reading: %s", type(exc).__name__)
            text = None
        if text:
            return _from_json(text)
        if self.file.is_file():
            stored = self._read_file()
            entry = stored.get(self.api_key)
            token = _from_json(json.dumps(entry)) if entry else None
            if token is not None and not self.file_allowed:
                # Written by an older version: into Credential Manager with it, and the file goes.
                try:
                    self.save(token)
                except FlickrProblem as exc:
                    log.warning("%s", exc)
            return token
        return None

    def save(self, token: FlickrAccessToken) -> str:
        """Store the token; returns where it went ("the system credential store" or the file path)."""
        try:
            self._keyring().set_password(KEYRING_SERVICE, self.api_key, _to_json(token))
        except Exception as exc:
            if not self.file_allowed:
                raise FlickrProblem(
                    f"Windows Credential Manager did not store the Flickr sign-in ({type(exc).__name__}). "
                    "Nothing was written to disk; sign in again, and if it fails again check that "
                    "Credential Manager works for this Windows user."
                ) from exc
            log.warning(
                "No %s is available (%s); the Flickr sign-in is kept in %s, readable only by you.",
                _store_name(self.platform),
                type(exc).__name__,
                self.file,
            )
            self._write_file(token)
            return str(self.file)
        self._remove_from_file()
        return "the system credential store"

    def delete(self) -> bool:
        """Forget the sign-in everywhere; True if there was one."""
        found = False
        try:
            if self._keyring().get_password(KEYRING_SERVICE, self.api_key):
                self._keyring().delete_password(KEYRING_SERVICE, self.api_key)
                found = True
        except Exception as exc:
            log.debug("keyring unavailable for deleting: %s", type(exc).__name__)
        return self._remove_from_file() or found

    # -- the fallback file ----------------------------------------------------------------------

    def _read_file(self) -> dict[str, Any]:
        if not self.file.is_file():
            return {}
        try:
            return json.loads(self.file.read_text(encoding="utf-8") or "{}")
        except ValueError:
            return {}

    def _write_file(self, token: FlickrAccessToken | None) -> None:
        stored = self._read_file()
        if token is None:
            stored.pop(self.api_key, None)
        else:
            stored[self.api_key] = json.loads(_to_json(token))
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(self.file.name + ".tmp")
        # Created with owner-only permissions from the start (on Windows the home sits in the user's
        # profile, whose ACL already keeps others out; chmod there only sets read-only).
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(stored, handle)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.file)

    def _remove_from_file(self) -> bool:
        stored = self._read_file()
        if self.api_key not in stored:
            return False
        self._write_file(None)
        if not self._read_file():
            Path(self.file).unlink(missing_ok=True)
        return True


def _store_name(platform: str) -> str:
    if platform == "darwin":
        return "macOS Keychain"
    if platform == "win32":
        return "Windows Credential Manager"
    return "system credential store (Secret Service: GNOME Keyring or KWallet)"
