"""Errors a user can meet while talking to Flickr, each with a message written for that user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from photoarchive.errors import PhotoarchiveError

if TYPE_CHECKING:
    from photoarchive.flickr.messages import SyncMessage


class FlickrProblem(PhotoarchiveError):
    """Base for everything that goes wrong with Flickr. `message`, when set, is the code and parameters
    the window translates (the English text is the exception's own)."""

    message: SyncMessage | None = None

    @classmethod
    def coded(cls, code: str, **params: str | int) -> FlickrProblem:
        from photoarchive.flickr.messages import SyncMessage

        message = SyncMessage(code, dict(params))
        exc = cls(message.text())
        exc.message = message
        return exc


class FlickrNotConfigured(FlickrProblem):
    """No API key/secret is set."""


class SignInRequired(FlickrProblem):
    """No token, or Flickr no longer accepts it (revoked, error 98) or it lacks a permission (99)."""


class FlickrUnavailable(FlickrProblem):
    """Flickr kept failing (busy, down, unreachable) after every retry."""


class FlickrApiError(FlickrProblem):
    """Flickr answered a call with an error the caller may handle (e.g. 1 "not found", 3 "already in set")."""

    def __init__(self, method: str, code: int, message: str):
        self.method = method
        self.code = code
        self.flickr_message = message
        super().__init__(f"Flickr refused {method}: error {code}: {message}")


class PhotoRejected(FlickrProblem):
    """Flickr refused a file (error 5 "file type not recognised", 8 "too large"); not retried."""

    def __init__(self, code: int, message: str):
        self.code = code
        super().__init__(f"Flickr refused the file (error {code}: {message})")


class AmbiguousWrite(FlickrProblem):
    """A write may or may not have happened (connection dropped or timed out after sending)."""


class SyncCancelled(FlickrProblem):
    """The user stopped the sync; what was done is recorded and the next sync continues from there."""

    def __init__(self) -> None:
        super().__init__("The sync was stopped; run it again to continue where it left off.")


class FreeAccountLimit(FlickrProblem):
    """A free account would pass its photo limit (1,000): said before the sync uploads anything."""


class DuplicateUpload(FlickrProblem):
    """Upload error 9 with dedup_check: Flickr already holds this file as `photo_id`."""

    def __init__(self, photo_id: str):
        self.photo_id = photo_id
        super().__init__(f"Flickr already holds this file as photo {photo_id}")


class SyncBusy(FlickrProblem):
    """Another sync of this archive (the desktop app or the command line) is running."""
