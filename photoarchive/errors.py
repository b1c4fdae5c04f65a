"""Errors a user can meet. Each carries a message written for that user; the CLI and GUI show it as is."""


class PhotoarchiveError(Exception):
    """Base for every error with a user-facing message."""


class SettingsError(PhotoarchiveError):
    """The settings file is unreadable or a value is invalid (the message names the key)."""


class UnsupportedFile(PhotoarchiveError):
    """The file is not an image format the archive takes (PDF, video, .docx …)."""


class CorruptImage(PhotoarchiveError):
    """The file claims to be an image but cannot be read (truncated, garbage, malformed)."""


class ImageTooLarge(PhotoarchiveError):
    """Refused without decoding: the pixel count is a decompression bomb."""


class CatalogError(PhotoarchiveError):
    """The catalog cannot be opened or written."""


class ArchiveError(PhotoarchiveError):
    """The archive folder cannot be written (read-only, full disk, gone)."""


class PhotoInUse(PhotoarchiveError):
    """A photo cannot be taken out of the archive while a set holds it."""
