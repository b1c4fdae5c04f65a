"""Errors of the privacy module, each with a message written for the person who asked for the copy."""

from __future__ import annotations

from photoarchive.errors import PhotoarchiveError


class PrivacyError(PhotoarchiveError):
    """Base for every refusal of the privacy module."""


class StripRefused(PrivacyError):
    """No clean copy was written; the message says why. Nothing is left at the destination."""

    def __init__(self, source: object, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"No clean copy of {source} was written: {reason}")


class VerificationFailed(StripRefused):
    """A clean copy was written to a temporary file but failed its check, so it was thrown away."""
