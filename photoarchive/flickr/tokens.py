"""Where the Flickr sign-in is kept: the operating system's credential store through `keyring`
(Windows Credential Manager), else a file in the home readable only by the user, with a warning."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from flickrapi.auth import FlickrAccessToken

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

    def __init__(self, home: Home, api_key: str, backend: Any = None):
        self.home = home
        self.api_key = api_key
        self.backend = backend
        self.file = home.root / TOKEN_FILE_NAME

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
            stored = json.loads(self.file.read_text(encoding="utf-8") or "{}")
            entry = stored.get(self.api_key)
            return _from_json(json.dumps(entry)) if entry else None
        return None

    def save(self, token: FlickrAccessToken) -> str:
        """Store the token; returns where it went ("the system credential store" or the file path)."""
        try:
            self._keyring().set_password(KEYRING_SERVICE, self.api_key, _to_json(token))
        except Exception as exc:
            log.warning(
                "No system credential store is available (%s); the Flickr sign-in is kept in %s, "
                "readable only by you.",
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
